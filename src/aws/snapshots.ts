// RDS DB snapshots and DB cluster snapshots, thin: the two describe calls, every page, with their
// answers reduced to one shape (the two kinds differ only in their field names). Which snapshot
// to export is the source phase's decision.
import {
  CreateDBClusterSnapshotCommand,
  CreateDBSnapshotCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  type RDSClient
} from '@aws-sdk/client-rds'
import type { Tag } from '../config.js'
import { errorCode, tagOperation } from '../errors.js'
import type { Snapshot, SnapshotKind, SnapshotQuery } from '../snapshots.js'

export interface SnapshotsApi {
  /** Every snapshot the query matches, across pages; none when RDS doesn't know the name. */
  describe(kind: SnapshotKind, query: SnapshotQuery): Promise<Snapshot[]>
  /** CreateDBSnapshot / CreateDBClusterSnapshot of `parent`, with its tags; the new snapshot. */
  create(kind: SnapshotKind, parent: string, identifier: string, tags: Tag[]): Promise<Snapshot>
}

/** RDS answers a describe of an unknown snapshot name with these. */
const NOT_FOUND = new Set(['DBSnapshotNotFoundFault', 'DBClusterSnapshotNotFoundFault'])

export function snapshotsApi(rds: () => RDSClient): SnapshotsApi {
  return {
    async describe(kind, query) {
      const found: Snapshot[] = []
      try {
        for await (const snapshot of describePages(rds(), kind, query)) found.push(snapshot)
      } catch (error) {
        if (query.identifier !== undefined && NOT_FOUND.has(errorCode(error))) return []
        throw tagOperation(
          error,
          kind === 'snapshot' ? 'DescribeDBSnapshots' : 'DescribeDBClusterSnapshots'
        )
      }
      return found
    },

    async create(kind, parent, identifier, Tags) {
      try {
        if (kind === 'snapshot') {
          const input = { DBInstanceIdentifier: parent, DBSnapshotIdentifier: identifier, Tags }
          const { DBSnapshot: s = {} } = await rds().send(new CreateDBSnapshotCommand(input))
          return fields(kind, s.DBSnapshotArn, s.DBSnapshotIdentifier, s)
        }
        const input = { DBClusterIdentifier: parent, DBClusterSnapshotIdentifier: identifier, Tags }
        const { DBClusterSnapshot: s = {} } = await rds().send(
          new CreateDBClusterSnapshotCommand(input)
        )
        return fields(kind, s.DBClusterSnapshotArn, s.DBClusterSnapshotIdentifier, s)
      } catch (error) {
        throw tagOperation(
          error,
          kind === 'snapshot' ? 'CreateDBSnapshot' : 'CreateDBClusterSnapshot'
        )
      }
    }
  }
}

async function* describePages(
  client: RDSClient,
  kind: SnapshotKind,
  query: SnapshotQuery
): AsyncGenerator<Snapshot> {
  const common = {
    SnapshotType: query.snapshotType,
    IncludeShared: query.includeShared,
    // A listing goes through every page; a snapshot by name is one answer.
    MaxRecords: query.identifier === undefined ? 100 : undefined
  }
  if (kind === 'snapshot') {
    const params = { DBInstanceIdentifier: query.parent, DBSnapshotIdentifier: query.identifier }
    for await (const page of paginateDescribeDBSnapshots({ client }, { ...params, ...common })) {
      for (const s of page.DBSnapshots ?? [])
        yield fields(kind, s.DBSnapshotArn, s.DBSnapshotIdentifier, s)
    }
  } else {
    const params = {
      DBClusterIdentifier: query.parent,
      DBClusterSnapshotIdentifier: query.identifier
    }
    for await (const page of paginateDescribeDBClusterSnapshots(
      { client },
      { ...params, ...common }
    )) {
      for (const s of page.DBClusterSnapshots ?? []) {
        yield fields(kind, s.DBClusterSnapshotArn, s.DBClusterSnapshotIdentifier, s)
      }
    }
  }
}

/** The fields both kinds of snapshot share, under one name each. */
interface SharedFields {
  Engine?: string
  Status?: string
  SnapshotCreateTime?: Date
  PercentProgress?: number
}

function fields(
  kind: SnapshotKind,
  arn: string | undefined,
  identifier: string | undefined,
  s: SharedFields
): Snapshot {
  return {
    kind,
    arn: arn ?? '',
    identifier: identifier ?? '',
    engine: s.Engine,
    status: s.Status,
    createTime: s.SnapshotCreateTime,
    percentProgress: s.PercentProgress
  }
}
