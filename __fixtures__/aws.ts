// Fake AWS APIs for phase tests: export tasks kept in memory, every call recorded. A test can
// replace any method to inject a failure, and read `calls` to count what was asked.
import type { ExportTasksApi, StartParams } from '../src/aws/export-tasks.js'
import type { SnapshotsApi } from '../src/aws/snapshots.js'
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
