// DB snapshots and DB cluster snapshots as the action reasons about them: one shape for both
// kinds, and the pure decisions over them. No SDK: aws/snapshots.ts fills these in.

/** `snapshot` is a DB snapshot (an RDS instance's), `cluster-snapshot` an Aurora cluster's. */
export type SnapshotKind = 'snapshot' | 'cluster-snapshot'

/** What DescribeDBSnapshots / DescribeDBClusterSnapshots report of a snapshot. */
export interface Snapshot {
  kind: SnapshotKind
  arn: string
  identifier: string
  engine?: string
  /** Lower case in RDS: `available`, `creating`, `failed`, ... */
  status?: string
  createTime?: Date
  percentProgress?: number
}

/** A describe call's filters: the instance or cluster, the snapshot, its type. */
export interface SnapshotQuery {
  /** DBInstanceIdentifier or DBClusterIdentifier. */
  parent?: string
  /** DBSnapshotIdentifier or DBClusterSnapshotIdentifier. */
  identifier?: string
  snapshotType?: 'automated' | 'manual' | 'awsbackup' | 'shared'
  includeShared?: boolean
}

/** The newest snapshot whose status is `available`, by creation time. */
export function newestAvailable(snapshots: Snapshot[]): Snapshot | undefined {
  return snapshots
    .filter(s => s.status?.toLowerCase() === 'available')
    .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0))[0]
}

/**
 * RDS finds an automated (or AWS Backup) snapshot by identifier only when SnapshotType says so;
 * their names start with `rds:` (or `awsbackup:`), also inside an ARN.
 */
export function snapshotTypeOfName(identifier: string): 'automated' | 'awsbackup' | undefined {
  const name = identifier.startsWith('arn:') ? arnResourceName(identifier) : identifier
  if (name.startsWith('rds:')) return 'automated'
  if (name.startsWith('awsbackup:')) return 'awsbackup'
  return undefined
}

/** What follows `:snapshot:` or `:cluster-snapshot:` in an RDS ARN (names may hold ':'). */
function arnResourceName(arn: string): string {
  const parts = arn.split(':')
  return parts.slice(6).join(':')
}

/** Statuses a snapshot being created can end in instead of `available`. */
const FAILED_STATUSES = new Set([
  'failed',
  'deleted',
  'deleting',
  'incompatible-restore',
  'incompatible-parameters'
])

/** Where a snapshot being created stands: still being made, ready, or never to be ready. */
export function creationState(status: string | undefined): 'creating' | 'available' | 'failed' {
  const s = (status ?? '').trim().toLowerCase()
  if (s === 'available') return 'available'
  return FAILED_STATUSES.has(s) ? 'failed' : 'creating'
}

/**
 * The ARN of a snapshot in the caller's own account, built without a call: RDS stores
 * identifiers in lower case, and an automated name keeps its `rds:`.
 */
export function snapshotArn(args: {
  partition: string
  region: string
  accountId: string
  kind: SnapshotKind
  name: string
}): string {
  const { partition, region, accountId, kind, name } = args
  return `arn:${partition}:rds:${region}:${accountId}:${kind}:${name.toLowerCase()}`
}
