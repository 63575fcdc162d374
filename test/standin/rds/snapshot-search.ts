// Which snapshots DescribeDBSnapshots and DescribeDBClusterSnapshots answer with: by identifier,
// by instance or cluster, by SnapshotType and by filters.
import { filters, type Filter, type Params } from '../query.js'
import { sourceNotFound, unknownFilter } from './errors.js'
import type { SnapshotKind, SnapshotState } from './snapshots.js'

/** The snapshots of one kind in the caller's region that the request asks for. */
export function search(
  snapshots: SnapshotState[],
  kind: SnapshotKind,
  params: Params,
  account: string
): SnapshotState[] {
  const cluster = kind === 'cluster-snapshot'
  const wanted = params[cluster ? 'DBClusterSnapshotIdentifier' : 'DBSnapshotIdentifier']
  const parent = params[cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier']
  const includeShared = params.IncludeShared === 'true' || params.SnapshotType === 'shared'
  let found = snapshots
  if (wanted !== undefined) {
    found = found.filter(s => sameName(s, wanted))
    if (found.length === 0) throw sourceNotFound(kind, wanted)
  } else {
    found = found.filter(s => includeShared || s.account === account)
  }
  if (parent !== undefined) {
    found = found.filter(s => s.parent.toLowerCase() === parent.toLowerCase())
  }
  if (params.SnapshotType !== undefined) {
    const type = params.SnapshotType
    found = found.filter(s => (type === 'shared' ? s.account !== account : s.type === type))
  }
  for (const filter of filters(params)) found = found.filter(s => snapshotMatches(s, filter))
  return found
}

function sameName(snapshot: SnapshotState, wanted: string): boolean {
  const w = wanted.toLowerCase()
  return snapshot.identifier.toLowerCase() === w || snapshot.arn.toLowerCase() === w
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
      return values.some(
        v => v === snapshot.identifier.toLowerCase() || v === snapshot.arn.toLowerCase()
      )
    case 'snapshot-type':
      return values.includes(snapshot.type)
    case 'engine':
      return values.includes(snapshot.engine)
    default:
      throw unknownFilter(filter.name)
  }
}
