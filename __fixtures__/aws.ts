// Fake AWS APIs for phase tests: export tasks kept in memory, every call recorded. A test can
// replace any method to inject a failure, and read `calls` to count what was asked.
import type { ExportTasksApi, StartParams } from '../src/aws/export-tasks.js'
import type { ExportTask } from '../src/aws/types.js'

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
