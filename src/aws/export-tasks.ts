// RDS export tasks: the three calls of the export API, thin. Decisions (adopt or conflict, when to
// poll, what a status means) live in the phases; this only calls RDS and names the operation an
// error came from.
import {
  CancelExportTaskCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  paginateDescribeExportTasks,
  type ExportTask,
  type RDSClient
} from '@aws-sdk/client-rds'
import { errorCode, tagOperation } from '../errors.js'
import { ACTIVE_STATUS_FILTER } from '../status.js'

export interface StartParams {
  ExportTaskIdentifier: string
  SourceArn: string
  S3BucketName: string
  S3Prefix?: string
  IamRoleArn: string
  KmsKeyId: string
  ExportOnly?: string[]
}

/** What the phases ask of RDS about export tasks; tests fake it. */
export interface ExportTasksApi {
  /** The task, or undefined when RDS doesn't know it (ExportTaskNotFound or an empty list). */
  describe(identifier: string, signal?: AbortSignal): Promise<ExportTask | undefined>
  /** The answer is the task itself, with the fields of DescribeExportTasks. */
  start(params: StartParams): Promise<ExportTask>
  cancel(identifier: string, signal?: AbortSignal): Promise<ExportTask>
  /** Export tasks STARTING or IN_PROGRESS in the account and region: the ones RDS limits to 5. */
  countActive(signal?: AbortSignal): Promise<number>
}

/** `rds` returns the session's current client (it is replaced when credentials are renewed). */
export function exportTasksApi(rds: () => RDSClient): ExportTasksApi {
  return {
    async describe(identifier, abortSignal) {
      try {
        const answer = await rds().send(
          new DescribeExportTasksCommand({ ExportTaskIdentifier: identifier }),
          { abortSignal }
        )
        return answer.ExportTasks?.find(task => task.ExportTaskIdentifier === identifier)
      } catch (error) {
        if (errorCode(error) === 'ExportTaskNotFoundFault') return undefined
        throw tagOperation(error, 'DescribeExportTasks')
      }
    },

    async start(params) {
      try {
        return await rds().send(
          new StartExportTaskCommand({
            ...params,
            S3Prefix: params.S3Prefix || undefined,
            ExportOnly: params.ExportOnly?.length ? params.ExportOnly : undefined
          })
        )
      } catch (error) {
        throw tagOperation(error, 'StartExportTask')
      }
    },

    async cancel(identifier, abortSignal) {
      try {
        return await rds().send(new CancelExportTaskCommand({ ExportTaskIdentifier: identifier }), {
          abortSignal
        })
      } catch (error) {
        throw tagOperation(error, 'CancelExportTask')
      }
    },

    async countActive(abortSignal) {
      let active = 0
      try {
        const pages = paginateDescribeExportTasks(
          { client: rds() },
          { Filters: [{ Name: 'status', Values: ACTIVE_STATUS_FILTER }], MaxRecords: 100 },
          ...(abortSignal ? [{ abortSignal }] : [])
        )
        for await (const page of pages) active += page.ExportTasks?.length ?? 0
      } catch (error) {
        throw tagOperation(error, 'DescribeExportTasks')
      }
      return active
    }
  }
}
