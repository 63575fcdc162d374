// RDS's answer is taken only when it is about the task asked for: its identifier becomes the
// export-task-identifier output, the next call's parameter and part of the tables file's name,
// so an answer naming another task (or `../../x`) is an error, never a step onto another task.
import type { ExportTask } from '../aws/types.js'
import { ActionError } from '../errors.js'

export function aboutAsked(operation: string, asked: string, task: ExportTask): ExportTask {
  if (task.ExportTaskIdentifier === asked) return task
  throw new ActionError(
    `${operation} answered about export task '${task.ExportTaskIdentifier ?? ''}' when asked about '${asked}'; the answer was not used.`,
    'RDS names the task it was asked about: something between the runner and RDS (a proxy, or an endpoint set in AWS_ENDPOINT_URL_RDS) changed the answer. Check those, then re-run.'
  )
}
