// The source of a `start`: the ARN to export, from the source input. A name needs one describe
// call; an ARN needs none unless its engine is wanted (to check export-only); the "newest" forms
// choose among every page of the instance's or cluster's snapshots.
import type { SnapshotsApi } from '../aws/snapshots.js'
import type { SnapshotType, SourceInput } from '../config.js'
import { ActionError } from '../errors.js'
import { hintFor } from '../hints.js'
import { exportOnlyProblem, InputError } from '../inputs/index.js'
import { parseArn } from '../arn.js'
import {
  newestAvailable,
  snapshotTypeOfName,
  type Snapshot,
  type SnapshotKind
} from '../snapshots.js'

export interface ResolvedSource {
  arn: string
  /** Known when the source was described; used to check export-only. */
  engine?: string
}

/** The source to export, checked against export-only where its engine is known. */
export async function resolveSource(
  snapshots: SnapshotsApi,
  source: SourceInput,
  exportOnly: string[]
): Promise<ResolvedSource> {
  const resolved = await lookUp(snapshots, source, exportOnly.length > 0)
  const problem = resolved.engine && exportOnlyProblem(exportOnly, resolved.engine)
  if (problem) throw new InputError('export-only', problem)
  return resolved
}

async function lookUp(
  snapshots: SnapshotsApi,
  source: SourceInput,
  wantEngine: boolean
): Promise<ResolvedSource> {
  switch (source.input) {
    case 'source-arn': {
      const kind = parseArn(source.arn)?.resourceType
      if (!wantEngine || kind === 'cluster') return { arn: source.arn }
      const snapshotKind = kind === 'cluster-snapshot' ? 'cluster-snapshot' : 'snapshot'
      return found(await byName(snapshots, snapshotKind, source.arn))
    }
    case 'db-snapshot-identifier':
      return found(await byName(snapshots, 'snapshot', source.identifier))
    case 'db-cluster-snapshot-identifier':
      return found(await byName(snapshots, 'cluster-snapshot', source.identifier))
    case 'db-instance-identifier':
      return found(await newest(snapshots, 'snapshot', source.identifier, source.snapshotType))
    case 'db-cluster-identifier':
      return found(
        await newest(snapshots, 'cluster-snapshot', source.identifier, source.snapshotType)
      )
  }
}

function found(snapshot: Snapshot): ResolvedSource {
  return snapshot.engine === undefined
    ? { arn: snapshot.arn }
    : { arn: snapshot.arn, engine: snapshot.engine }
}

async function byName(
  snapshots: SnapshotsApi,
  kind: SnapshotKind,
  identifier: string
): Promise<Snapshot> {
  const [snapshot] = await snapshots.describe(kind, {
    identifier,
    snapshotType: snapshotTypeOfName(identifier),
    // A snapshot shared from another account is found by its ARN only with this.
    includeShared: identifier.startsWith('arn:')
  })
  if (!snapshot?.arn) {
    const cluster = kind === 'cluster-snapshot'
    throw new ActionError(
      cluster
        ? `DescribeDBClusterSnapshots found no DB cluster snapshot '${identifier}'.`
        : `DescribeDBSnapshots found no DB snapshot '${identifier}'.`,
      hintFor(cluster ? 'DBClusterSnapshotNotFoundFault' : 'DBSnapshotNotFoundFault')
    )
  }
  return snapshot
}

/**
 * The newest available snapshot of an instance or cluster. Without a SnapshotType RDS lists
 * automated and manual snapshots only; `any` also means those AWS Backup made, which DB snapshots
 * list apart (asked for at the same time).
 */
async function newest(
  snapshots: SnapshotsApi,
  kind: SnapshotKind,
  parent: string,
  snapshotType: SnapshotType
): Promise<Snapshot> {
  const types =
    snapshotType !== 'any'
      ? [snapshotType]
      : kind === 'snapshot'
        ? [undefined, 'awsbackup' as const]
        : [undefined]
  const lists = await Promise.all(
    types.map(type => snapshots.describe(kind, { parent, snapshotType: type }))
  )
  const chosen = newestAvailable(lists.flat())
  if (chosen) return chosen
  const input = kind === 'snapshot' ? 'db-instance-identifier' : 'db-cluster-identifier'
  const what = kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
  const type = snapshotType === 'any' ? '' : ` ${snapshotType}`
  throw new ActionError(
    `Input '${input}': '${parent}' has no${type} ${what} in status 'available' in this region.`,
    `Check the name and the region (aws-region), wait for a snapshot to finish, or set snapshot-type (now '${snapshotType}').`
  )
}
