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
