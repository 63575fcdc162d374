// Modes wait, status and cancel: the task named by export-task-identifier, read once, and
// cancelled for mode cancel. A task that already ended is reported with a warning, not a failure.
import type { ExportTasksApi } from '../aws/export-tasks.js'
import type { ExportTask } from '../aws/types.js'
import type { Config } from '../config.js'
import { ActionError, explainError } from '../errors.js'
import { hintFor } from '../hints.js'
import { describeTask } from '../report/progress.js'
import { isEnded, normalizeStatus, type Outcome } from '../status.js'
import type { Step } from '../step.js'
import { aboutAsked } from './answer.js'

export interface Found {
  task: ExportTask
  outcome: Extract<Outcome, 'status' | 'canceling'>
}

export async function existingTask(
  api: ExportTasksApi,
  config: Config,
  step: Step
): Promise<Found> {
  const found = await describeOrFail(api, config.exportTaskIdentifier ?? '', config.region)
  step.record.sawTask(found)
  if (config.mode !== 'cancel') {
    step.info(describeTask('Found', found))
    return { task: found, outcome: 'status' }
  }
  const task = await cancel(api, found, config.region, step)
  step.record.sawTask(task)
  return { task, outcome: isEnded(task.Status) ? 'status' : 'canceling' }
}

async function describeOrFail(
  api: ExportTasksApi,
  identifier: string,
  region: string
): Promise<ExportTask> {
  const found = await api.describe(identifier)
  if (!found) {
    throw new ActionError(
      `Input 'export-task-identifier': no export task '${identifier}' in ${region}.`,
      hintFor('ExportTaskNotFoundFault')
    )
  }
  return found
}

async function cancel(
  api: ExportTasksApi,
  found: ExportTask,
  region: string,
  step: Step
): Promise<ExportTask> {
  if (isEnded(found.Status)) return alreadyEnded(found, step)
  try {
    const identifier = found.ExportTaskIdentifier ?? ''
    const answer = await api.cancel(identifier)
    const canceling = aboutAsked('CancelExportTask', identifier, { ...found, ...answer })
    step.info(describeTask('Cancelling', canceling))
    return canceling
  } catch (error) {
    // Ended between our describe and the cancel.
    if (explainError(error, 'CancelExportTask').code !== 'InvalidExportTaskStateFault') throw error
    return alreadyEnded(await describeOrFail(api, found.ExportTaskIdentifier ?? '', region), step)
  }
}

function alreadyEnded(task: ExportTask, step: Step): ExportTask {
  step.warning(
    `Export task '${task.ExportTaskIdentifier}' already ended with status ${normalizeStatus(task.Status)}; nothing to cancel.`
  )
  return task
}
