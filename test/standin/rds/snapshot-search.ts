// Which snapshots DescribeDBSnapshots and DescribeDBClusterSnapshots answer with: by identifier,
// by instance or cluster, by SnapshotType and by filters.
import { filters, type Filter, type Params } from '../query.js'
import { rdsError, sourceNotFound, unknownFilter } from './errors.js'
import type { SnapshotKind, SnapshotState } from './snapshots.js'

/**
 * The snapshots of one kind in the caller's region that the request asks for, as the API
 * reference has it: without SnapshotType, the account's automated and manual snapshots, plus
 * shared ones with IncludeShared and public ones with IncludePublic; with SnapshotType, only
 * that type (IncludeShared and IncludePublic don't apply to automated or manual). Shared
 * snapshots need SnapshotType shared and IncludeShared, public ones SnapshotType public and
 * IncludePublic (the latter by symmetry: unverified). DBSnapshotIdentifier takes an identifier
 * of the account's own snapshots; an ARN there finds nothing, as in moto; an automated snapshot
 * is found only with SnapshotType automated, an AWS Backup one only with awsbackup. The
 * reference's constraints are refused: an instance or cluster together with a snapshot
 * identifier ("can't be used in conjunction"), and a SnapshotType outside its listed values
 * (awsbackup is listed for DB snapshots only).
 */
export function search(
  snapshots: SnapshotState[],
  kind: SnapshotKind,
  params: Params,
  account: string
): SnapshotState[] {
  const cluster = kind === 'cluster-snapshot'
  const wanted = params[cluster ? 'DBClusterSnapshotIdentifier' : 'DBSnapshotIdentifier']
  const parent = params[cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier']
  checkParams(kind, params)
  let found = snapshots.filter(s => visible(s, params, account))
  if (wanted !== undefined) {
    // An identifier names one of the account's own; automated ones want SnapshotType said.
    const type = params.SnapshotType ?? 'manual'
    found = found.filter(
      s =>
        s.account === account &&
        s.type === type &&
        s.identifier.toLowerCase() === wanted.toLowerCase()
    )
    if (found.length === 0) throw sourceNotFound(kind, wanted)
  }
  if (parent !== undefined) {
    found = found.filter(s => s.parent.toLowerCase() === parent.toLowerCase())
  }
  for (const filter of filters(params)) found = found.filter(s => snapshotMatches(s, filter))
  return found
}

/** SnapshotType values each API reference lists; anything else is refused. */
const SNAPSHOT_TYPES: Record<SnapshotKind, readonly string[]> = {
  snapshot: ['automated', 'manual', 'shared', 'public', 'awsbackup'],
  'cluster-snapshot': ['automated', 'manual', 'shared', 'public']
}

/** The combinations and values the API reference rules out, refused as RDS refuses them. */
function checkParams(kind: SnapshotKind, params: Params): void {
  const cluster = kind === 'cluster-snapshot'
  const [parentName, wantedName] = cluster
    ? ['DBClusterIdentifier', 'DBClusterSnapshotIdentifier']
    : ['DBInstanceIdentifier', 'DBSnapshotIdentifier']
  if (params[parentName] !== undefined && params[wantedName] !== undefined) {
    throw rdsError(
      'InvalidParameterCombination',
      `${parentName} can't be used in conjunction with ${wantedName}.`
    )
  }
  const type = params.SnapshotType
  if (type !== undefined && !SNAPSHOT_TYPES[kind].includes(type)) {
    throw rdsError(
      'InvalidParameterValue',
      `Invalid value for SnapshotType: ${type}. Valid values: ${SNAPSHOT_TYPES[kind].join(', ')}.`
    )
  }
}

/** Whether SnapshotType, IncludeShared and IncludePublic let this snapshot be listed. */
function visible(snapshot: SnapshotState, params: Params, account: string): boolean {
  const share = snapshot.account === account ? 'own' : snapshot.public ? 'public' : 'shared'
  const includeShared = params.IncludeShared === 'true'
  const includePublic = params.IncludePublic === 'true'
  switch (params.SnapshotType) {
    case undefined:
      if (share === 'shared') return includeShared
      if (share === 'public') return includePublic
      return snapshot.type === 'automated' || snapshot.type === 'manual'
    case 'shared':
      return share === 'shared' && includeShared
    case 'public':
      return share === 'public' && includePublic
    default:
      return share === 'own' && snapshot.type === params.SnapshotType
  }
}

function snapshotMatches(snapshot: SnapshotState, filter: Filter): boolean {
  const values = filter.values.map(v => v.toLowerCase())
  const parentArn = snapshot.arn
    .replace(/:(cluster-)?snapshot:.*$/, snapshot.kind === 'snapshot' ? ':db:' : ':cluster:')
    .concat(snapshot.parent)
    .toLowerCase()
  switch (filter.name) {
    case 'db-instance-id':
    case 'db-cluster-id':
      return values.includes(snapshot.parent.toLowerCase()) || values.includes(parentArn)
    case 'db-snapshot-id':
    case 'db-cluster-snapshot-id':
      // Identifiers only, as documented (db-instance-id and db-cluster-id take ARNs too).
      return values.includes(snapshot.identifier.toLowerCase())
    case 'snapshot-type':
      return values.includes(snapshot.type)
    case 'engine':
      return values.includes(snapshot.engine)
    default:
      throw unknownFilter(filter.name)
  }
}
