// Fake AWS APIs for phase tests: export tasks kept in memory, every call recorded. A test can
// replace any method to inject a failure, and read `calls` to count what was asked.
import type { ExportTasksApi, StartParams } from '../src/aws/export-tasks.js'
import { parquetMetadataAsync } from 'hyparquet'
import type { CatalogApi } from '../src/aws/catalog.js'
import type { ExportFilesApi } from '../src/aws/export-files.js'
import type { SnapshotsApi } from '../src/aws/snapshots.js'
import type { ExistingTable, GluePartitionInput } from '../src/tables/glue.js'
import type { S3Store } from '../test/standin/s3.js'
import type { ExportTask } from '../src/aws/types.js'
import type { Tag } from '../src/config.js'
import type { Snapshot, SnapshotKind } from '../src/snapshots.js'

export interface FakeExportTasks extends ExportTasksApi {
  tasks: Map<string, ExportTask>
  /** `describe x`, `start x`, `cancel x`, `countActive`, in order. */
  calls: string[]
  /** Active exports of other sources, counted by countActive. */
  busy: number
}

/** An error as the SDK raises it when it can't read an answer (a garbled body). */
export function unreadableAnswer(operation: string): Error {
  const error = new Error(`${operation}: Unexpected end of XML at position 132`)
  Object.defineProperty(error, '$response', { value: { statusCode: 200 }, enumerable: false })
  Object.defineProperty(error, '$responseBodyText', { value: '<Start', enumerable: false })
  return Object.assign(error, { $metadata: { httpStatusCode: 200 } })
}

export function awsError(name: string, status: number, message = `${name} message`): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status }
  })
}

export function fakeExportTasks(seed: ExportTask[] = []): FakeExportTasks {
  const tasks = new Map(seed.map(t => [t.ExportTaskIdentifier ?? '', t]))
  const calls: string[] = []
  const fake: FakeExportTasks = {
    tasks,
    calls,
    busy: 0,
    async describe(identifier) {
      calls.push(`describe ${identifier}`)
      return tasks.get(identifier)
    },
    async start(params: StartParams) {
      calls.push(`start ${params.ExportTaskIdentifier}`)
      if (tasks.has(params.ExportTaskIdentifier)) {
        throw awsError('ExportTaskAlreadyExistsFault', 400)
      }
      const task: ExportTask = {
        ExportTaskIdentifier: params.ExportTaskIdentifier,
        SourceArn: params.SourceArn,
        S3Bucket: params.S3BucketName,
        S3Prefix: params.S3Prefix || undefined,
        IamRoleArn: params.IamRoleArn,
        KmsKeyId: params.KmsKeyId,
        ExportOnly: params.ExportOnly,
        Status: 'STARTING',
        PercentProgress: 0
      }
      tasks.set(params.ExportTaskIdentifier, task)
      return task
    },
    async cancel(identifier) {
      calls.push(`cancel ${identifier}`)
      const task = tasks.get(identifier)
      if (!task) throw awsError('ExportTaskNotFoundFault', 404)
      const canceling = { ...task, Status: 'CANCELING' }
      tasks.set(identifier, canceling)
      return canceling
    },
    async countActive() {
      calls.push('countActive')
      const running = [...tasks.values()].filter(t =>
        ['STARTING', 'IN_PROGRESS'].includes(t.Status ?? '')
      )
      return fake.busy + running.length
    }
  }
  return fake
}

export interface FakeSnapshots extends SnapshotsApi {
  snapshots: Map<string, Snapshot>
  /** `describe <identifier or parent>`, `create <identifier>`, in order. */
  calls: string[]
  /** The tags each created snapshot was given. */
  tags: Map<string, Tag[]>
}

/**
 * Snapshots in memory. A created one is `creating` and reaches `available` (or `endStatus`)
 * `durationMs` later on the given clock, its PercentProgress rising on the way.
 */
export function fakeSnapshots(
  now: () => number,
  options: { durationMs?: number; endStatus?: string; seed?: Snapshot[] } = {}
): FakeSnapshots {
  const snapshots = new Map((options.seed ?? []).map(s => [s.identifier, s]))
  const born = new Map<string, number>()
  const calls: string[] = []
  const tags = new Map<string, Tag[]>()
  const durationMs = options.durationMs ?? 20 * 60_000
  const view = (s: Snapshot): Snapshot => {
    const start = born.get(s.identifier)
    if (start === undefined) return s
    const done = (now() - start) / durationMs
    if (done >= 1) return { ...s, status: options.endStatus ?? 'available', percentProgress: 100 }
    return { ...s, status: 'creating', percentProgress: Math.floor(done * 100) }
  }
  return {
    snapshots,
    calls,
    tags,
    async describe(kind, query) {
      calls.push(`describe ${query.identifier ?? query.parent ?? ''}`)
      return [...snapshots.values()]
        .filter(s => s.kind === kind)
        .filter(s => query.identifier === undefined || s.identifier === query.identifier)
        .map(view)
    },
    async create(kind: SnapshotKind, parent: string, identifier: string, given: Tag[]) {
      calls.push(`create ${identifier}`)
      if (snapshots.has(identifier)) throw awsError('DBSnapshotAlreadyExistsFault', 400)
      const snapshot: Snapshot = {
        kind,
        identifier,
        arn: `arn:aws:rds:eu-west-1:123456789012:${kind}:${identifier}`,
        engine: 'postgres',
        status: 'creating',
        percentProgress: 0
      }
      snapshots.set(identifier, snapshot)
      born.set(identifier, now())
      tags.set(identifier, given)
      return view(snapshot)
    }
  }
}

/** S3 reads of an export over the stand-in's object store, no HTTP: ListObjectsV2 as S3 pages it. */
export function storeExportFiles(store: S3Store): ExportFilesApi & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    async list(bucket, request) {
      calls.push(`list ${request.Prefix}`)
      const keys = store.keys(bucket, request.Prefix)
      const start = request.ContinuationToken ? Number(request.ContinuationToken) : 0
      const max = request.MaxKeys ?? 1000
      const contents: { Key: string; Size: number }[] = []
      const prefixes = new Set<string>()
      let i = start
      for (; i < keys.length && contents.length + prefixes.size < max; i++) {
        const key = keys[i]!
        const rest = key.slice(request.Prefix.length)
        const cut = request.Delimiter ? rest.indexOf(request.Delimiter) : -1
        if (cut >= 0) prefixes.add(request.Prefix + rest.slice(0, cut + 1))
        else contents.push({ Key: key, Size: store.getObject(bucket, key)!.body.length })
      }
      const truncated = i < keys.length
      return {
        Contents: contents,
        CommonPrefixes: [...prefixes].map(Prefix => ({ Prefix })),
        IsTruncated: truncated,
        NextContinuationToken: truncated ? String(i) : undefined
      }
    },
    async text(bucket, key) {
      calls.push(`get ${key}`)
      return store.getObject(bucket, key)?.body.toString('utf8') ?? ''
    },
    async schema(bucket, key) {
      calls.push(`footer ${key}`)
      const body = store.getObject(bucket, key)!.body
      const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)
      return (await parquetMetadataAsync(bytes as ArrayBuffer)).schema
    }
  }
}

/** The Glue catalog in memory: tables by database and name, partitions by table, every call recorded. */
export function fakeCatalog(
  seed: Record<string, Record<string, ExistingTable>> = {}
): CatalogApi & {
  databases: Map<string, Map<string, ExistingTable>>
  /** `db.table` -> partition values joined by '|' -> its PartitionInput. */
  partitions: Map<string, Map<string, GluePartitionInput>>
  calls: string[]
} {
  const databases = new Map(Object.entries(seed).map(([db, t]) => [db, new Map(Object.entries(t))]))
  const partitions = new Map<string, Map<string, GluePartitionInput>>()
  const of = (database: string, table: string) => {
    const key = `${database}.${table}`
    if (!partitions.has(key)) partitions.set(key, new Map())
    return partitions.get(key)!
  }
  const calls: string[] = []
  return {
    databases,
    partitions,
    calls,
    async ensureDatabase(name) {
      calls.push(`ensureDatabase ${name}`)
      if (databases.has(name)) return false
      databases.set(name, new Map())
      return true
    },
    async tables(database) {
      calls.push(`tables ${database}`)
      return new Map(databases.get(database))
    },
    async table(database, name) {
      calls.push(`table ${name}`)
      return databases.get(database)?.get(name)
    },
    async create(database, input) {
      calls.push(`create ${input.Name}`)
      const tables = databases.get(database)!
      // As Glue: AlreadyExistsException, which the real CatalogApi answers as false.
      if (tables.has(input.Name)) return false
      tables.set(input.Name, input)
      return true
    },
    async update(database, input) {
      calls.push(`update ${input.Name}`)
      databases.get(database)!.set(input.Name, input)
    },
    async addPartitions(database, table, inputs) {
      calls.push(`addPartitions ${table} ${inputs.map(p => p.Values.join('|')).join(' ')}`)
      let existing = 0
      for (const input of inputs) {
        const key = input.Values.join('|')
        if (of(database, table).has(key)) existing++
        else of(database, table).set(key, input)
      }
      return { added: inputs.length - existing, existing }
    },
    async partitionValues(database, table, expression) {
      calls.push(`partitionValues ${table} ${expression}`)
      // Only the form the phase sends: export_date < 'YYYY-MM-DD'.
      const cutoff = /^export_date < '(.+)'$/.exec(expression)![1]!
      return [...of(database, table).values()]
        .map(p => p.Values)
        .filter(values => values[0]! < cutoff)
    },
    async dropPartitions(database, table, values) {
      calls.push(`dropPartitions ${table} ${values.map(v => v.join('|')).join(' ')}`)
      return values.filter(v => of(database, table).delete(v.join('|'))).length
    }
  }
}
