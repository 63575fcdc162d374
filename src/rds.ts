// Everything that talks to RDS. main.ts loads this module only after the inputs are valid,
// so a misconfigured step fails without paying for loading the AWS SDK.
import {
  RDSClient,
  CancelExportTaskCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  paginateDescribeExportTasks,
  type DBClusterSnapshot,
  type DBSnapshot,
  type ExportTask
} from '@aws-sdk/client-rds'
import type { SourceInput } from './config.js'
import { ActionError, errorCode, hintFor, tagOperation } from './errors.js'
import { parseArn } from './arn.js'
import type { CredentialsProvider } from './credentials.js'
export { oidcRoleCredentials } from './credentials.js'

export type { ExportTask }

/**
 * Explicit timeouts, so a hung connection fails a call instead of the whole step; the SDK's
 * standard retry strategy retries throttling, 5xx and network faults with jittered backoff.
 */
export const CLIENT_CONFIG = {
  maxAttempts: 4,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 }
} as const

export function createRdsClient(region: string, credentials?: CredentialsProvider): RDSClient {
  return new RDSClient({
    region,
    ...CLIENT_CONFIG,
    // Without role-to-assume: the SDK's default chain (env, shared files, web identity, IMDS).
    ...(credentials ? { credentials } : {}),
    customUserAgent: 'rds-export-action'
  })
}

/** Resolves credentials once up front, so their errors are reported as such. */
export async function resolveCredentials(rds: RDSClient): Promise<void> {
  try {
    await rds.config.credentials()
  } catch (error) {
    throw tagOperation(error, 'Loading AWS credentials')
  }
}

/** The task, or undefined when RDS doesn't know it (ExportTaskNotFound or an empty list). */
export async function describeExportTask(
  rds: RDSClient,
  identifier: string,
  abortSignal?: AbortSignal
): Promise<ExportTask | undefined> {
  try {
    const answer = await rds.send(
      new DescribeExportTasksCommand({ ExportTaskIdentifier: identifier }),
      { abortSignal }
    )
    return answer.ExportTasks?.find(task => task.ExportTaskIdentifier === identifier)
  } catch (error) {
    if (errorCode(error) === 'ExportTaskNotFoundFault') return undefined
    throw tagOperation(error, 'DescribeExportTasks')
  }
}

export interface StartParams {
  ExportTaskIdentifier: string
  SourceArn: string
  S3BucketName: string
  S3Prefix?: string
  IamRoleArn: string
  KmsKeyId: string
  ExportOnly?: string[]
}

export async function startExportTask(rds: RDSClient, params: StartParams): Promise<ExportTask> {
  try {
    const answer = await rds.send(
      new StartExportTaskCommand({
        ...params,
        S3Prefix: params.S3Prefix || undefined,
        ExportOnly: params.ExportOnly?.length ? params.ExportOnly : undefined
      })
    )
    // The answer is the task itself, with the fields of DescribeExportTasks.
    return answer
  } catch (error) {
    throw tagOperation(error, 'StartExportTask')
  }
}

export async function cancelExportTask(
  rds: RDSClient,
  identifier: string,
  abortSignal?: AbortSignal
): Promise<ExportTask> {
  try {
    return await rds.send(new CancelExportTaskCommand({ ExportTaskIdentifier: identifier }), {
      abortSignal
    })
  } catch (error) {
    throw tagOperation(error, 'CancelExportTask')
  }
}

/** Export tasks STARTING or IN_PROGRESS in the account and region: the ones RDS limits to 5. */
export async function listActiveExports(rds: RDSClient): Promise<ExportTask[]> {
  const active: ExportTask[] = []
  try {
    const pages = paginateDescribeExportTasks(
      { client: rds },
      { Filters: [{ Name: 'status', Values: ['starting', 'in_progress'] }], MaxRecords: 100 }
    )
    for await (const page of pages) active.push(...(page.ExportTasks ?? []))
  } catch (error) {
    throw tagOperation(error, 'DescribeExportTasks')
  }
  return active
}

export interface ResolvedSource {
  arn: string
  /** Known when the source was described; used to check export-only. */
  engine?: string
}

/**
 * Turns the source input into an ARN. Names need one describe call; an ARN needs none unless
 * the engine is wanted (for export-only checks). "Newest" picks among every page.
 */
export async function resolveSource(
  rds: RDSClient,
  source: SourceInput,
  wantEngine: boolean
): Promise<ResolvedSource> {
  switch (source.input) {
    case 'source-arn': {
      const arn = parseArn(source.arn)
      if (!wantEngine || arn?.resourceType === 'cluster') return { arn: source.arn }
      return arn?.resourceType === 'cluster-snapshot'
        ? fromClusterSnapshot(await clusterSnapshot(rds, source.arn))
        : fromDbSnapshot(await dbSnapshot(rds, source.arn))
    }
    case 'db-snapshot-identifier':
      return fromDbSnapshot(await dbSnapshot(rds, source.identifier))
    case 'db-cluster-snapshot-identifier':
      return fromClusterSnapshot(await clusterSnapshot(rds, source.identifier))
    case 'db-instance-identifier': {
      // Without a SnapshotType RDS lists automated and manual snapshots only; `any` also means
      // those AWS Backup made, which take a second listing (at the same time).
      const types =
        source.snapshotType === 'any' ? [undefined, 'awsbackup' as const] : [source.snapshotType]
      const lists = await Promise.all(
        types.map(SnapshotType =>
          describeAll(
            'DescribeDBSnapshots',
            paginateDescribeDBSnapshots(
              { client: rds },
              { DBInstanceIdentifier: source.identifier, SnapshotType, MaxRecords: 100 }
            ),
            page => page.DBSnapshots
          )
        )
      )
      const newest = newestAvailable(lists.flat(), s => s.SnapshotCreateTime)
      if (!newest) {
        throw noSnapshot('db-instance-identifier', source.identifier, source.snapshotType)
      }
      return fromDbSnapshot(newest)
    }
    case 'db-cluster-identifier': {
      const snapshots = await describeAll(
        'DescribeDBClusterSnapshots',
        paginateDescribeDBClusterSnapshots(
          { client: rds },
          {
            DBClusterIdentifier: source.identifier,
            SnapshotType: source.snapshotType === 'any' ? undefined : source.snapshotType,
            MaxRecords: 100
          }
        ),
        page => page.DBClusterSnapshots
      )
      const newest = newestAvailable(snapshots, s => s.SnapshotCreateTime)
      if (!newest) throw noSnapshot('db-cluster-identifier', source.identifier, source.snapshotType)
      return fromClusterSnapshot(newest)
    }
  }
}

/** The newest snapshot whose status is `available`, by creation time. Pure. */
export function newestAvailable<T extends { Status?: string }>(
  snapshots: T[],
  created: (snapshot: T) => Date | undefined
): T | undefined {
  return snapshots
    .filter(s => s.Status?.toLowerCase() === 'available')
    .sort((a, b) => (created(b)?.getTime() ?? 0) - (created(a)?.getTime() ?? 0))[0]
}

async function describeAll<P, T>(
  operation: string,
  pages: AsyncIterable<P>,
  items: (page: P) => T[] | undefined
): Promise<T[]> {
  const all: T[] = []
  try {
    for await (const page of pages) all.push(...(items(page) ?? []))
  } catch (error) {
    throw tagOperation(error, operation)
  }
  return all
}

async function dbSnapshot(rds: RDSClient, identifier: string): Promise<DBSnapshot> {
  const [snapshot] = await describeAll(
    'DescribeDBSnapshots',
    paginateDescribeDBSnapshots(
      { client: rds },
      {
        DBSnapshotIdentifier: identifier,
        SnapshotType: snapshotTypeOfName(identifier),
        // A snapshot shared from another account is found by its ARN only with this.
        IncludeShared: identifier.startsWith('arn:')
      }
    ),
    page => page.DBSnapshots
  )
  if (!snapshot?.DBSnapshotArn) {
    throw new ActionError(
      `DescribeDBSnapshots found no DB snapshot '${identifier}'.`,
      hintFor('DBSnapshotNotFoundFault')
    )
  }
  return snapshot
}

async function clusterSnapshot(rds: RDSClient, identifier: string): Promise<DBClusterSnapshot> {
  const [snapshot] = await describeAll(
    'DescribeDBClusterSnapshots',
    paginateDescribeDBClusterSnapshots(
      { client: rds },
      {
        DBClusterSnapshotIdentifier: identifier,
        SnapshotType: snapshotTypeOfName(identifier),
        IncludeShared: identifier.startsWith('arn:')
      }
    ),
    page => page.DBClusterSnapshots
  )
  if (!snapshot?.DBClusterSnapshotArn) {
    throw new ActionError(
      `DescribeDBClusterSnapshots found no DB cluster snapshot '${identifier}'.`,
      hintFor('DBClusterSnapshotNotFoundFault')
    )
  }
  return snapshot
}

/**
 * RDS finds an automated (or AWS Backup) snapshot by identifier only when SnapshotType says so;
 * their names start with `rds:` (or `awsbackup:`), also inside an ARN.
 */
export function snapshotTypeOfName(identifier: string): 'automated' | 'awsbackup' | undefined {
  const name = identifier.replace(/^arn:[^:]+:rds:[^:]*:\d*:(cluster-)?snapshot:/, '')
  if (name.startsWith('rds:')) return 'automated'
  if (name.startsWith('awsbackup:')) return 'awsbackup'
  return undefined
}

function fromDbSnapshot(snapshot: DBSnapshot): ResolvedSource {
  return { arn: snapshot.DBSnapshotArn ?? '', engine: snapshot.Engine }
}

function fromClusterSnapshot(snapshot: DBClusterSnapshot): ResolvedSource {
  return { arn: snapshot.DBClusterSnapshotArn ?? '', engine: snapshot.Engine }
}

function noSnapshot(input: string, identifier: string, snapshotType: string): ActionError {
  const kind = input === 'db-cluster-identifier' ? 'DB cluster snapshot' : 'DB snapshot'
  const type = snapshotType === 'any' ? '' : ` ${snapshotType}`
  return new ActionError(
    `Input '${input}': '${identifier}' has no${type} ${kind} in status 'available' in this region.`,
    `Check the name and the region (aws-region), wait for a snapshot to finish, or set snapshot-type (now '${snapshotType}').`
  )
}
