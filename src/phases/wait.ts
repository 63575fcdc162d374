// Waiting for the export to end: DescribeExportTasks on the schedule (schedule.ts) until the task
// ends, the wait budget runs out (on-timeout decides) or the run is cancelled (cancel-on-abort
// decides). The watcher (watch.ts) logs each check that changed something and writes each into
// the run record.
import type { ExportTasksApi } from '../aws/export-tasks.js'
import type { ExportTask } from '../aws/types.js'
import type { Config, OnTimeout } from '../config.js'
import { ActionError, explainError } from '../errors.js'
import { hintFor } from '../hints.js'
import type { LoopDeps } from '../loop.js'
import { changedSinceLast, formatDuration, formatProgressLine } from '../report/progress.js'
import {
  RUNNING_STATUSES,
  endedOutcome,
  isEnded,
  normalizeStatus,
  type Outcome
} from '../status.js'
import type { Step } from '../step.js'
import { aboutAsked } from './answer.js'
import { watch, type Watch, type WatchDeps, type Watched } from './watch.js'

export interface WaitOptions {
  task: ExportTask
  /** When the wait budget runs out, on deps.now()'s clock. */
  deadlineMs: number
  maxIntervalMs: number
  onTimeout: OnTimeout
  cancelOnAbort: boolean
}

type WaitApi = Pick<ExportTasksApi, 'describe' | 'cancel'>

/** The runner kills the process 10 s after SIGINT: the cancel call must be done well before. */
const CANCEL_ON_ABORT_TIMEOUT_MS = 5_000
const CANCEL_ON_TIMEOUT_MS = 30_000

/** How the step ends when it doesn't wait, or after the wait (the time waited is the record's). */
export interface Ended {
  outcome: Outcome
  task: ExportTask
}

/** Waits when the step is asked to (wait: true, mode wait) and the task still runs. */
export async function waitIfAsked(
  api: WaitApi,
  found: { task: ExportTask; outcome: Outcome },
  config: Config,
  step: Step
): Promise<Ended> {
  if (!config.wait || isEnded(found.task.Status)) {
    const { Status, PercentProgress: percentProgress } = found.task
    step.record.changed({ at: step.date(), status: normalizeStatus(Status), percentProgress })
    return { task: found.task, outcome: outcomeWithoutWaiting(config, found) }
  }
  // Mode cancel has sent its CancelExportTask already: never a second one.
  const cancelled = config.mode === 'cancel'
  return waitForExport(api, step, {
    task: found.task,
    deadlineMs: step.waitDeadlineMs(),
    maxIntervalMs: config.pollIntervalSeconds * 1000,
    onTimeout: cancelled && config.onTimeout === 'cancel' ? 'fail' : config.onTimeout,
    cancelOnAbort: config.cancelOnAbort && !cancelled
  })
}

function outcomeWithoutWaiting(
  config: Config,
  found: { task: ExportTask; outcome: Outcome }
): Outcome {
  if (config.mode === 'status' || config.mode === 'cancel') return found.outcome
  // An adopted task may have ended already: report it as the wait would have.
  return endedOutcome(found.task.Status) ?? found.outcome
}

export async function waitForExport(
  api: WaitApi,
  deps: WatchDeps,
  options: WaitOptions
): Promise<Ended> {
  const identifier = options.task.ExportTaskIdentifier ?? ''
  const watcher = watch(deps, exportTask(api, identifier, deps), options.task)
  const result = await watcher.until(options)
  const end = (outcome: Outcome): Ended => ({ outcome, task: watcher.last })
  if (result.end === 'done') return end(endedOutcome(watcher.last.Status) ?? 'complete')
  const waited = formatDuration(watcher.watchedMs())
  if (result.end === 'timeout') {
    if (options.onTimeout === 'continue') {
      deps.info(`Stopped waiting after ${waited} (on-timeout: continue); the export keeps running.`)
      return end('timeout-continue')
    }
    if (options.onTimeout === 'cancel') {
      deps.info(`Timed out after ${waited} (on-timeout: cancel): cancelling the export.`)
      await cancelTask(api, deps, watcher, CANCEL_ON_TIMEOUT_MS)
      return end('timeout-cancel')
    }
    return end('timeout')
  }
  if (options.cancelOnAbort) {
    deps.info('The run was cancelled: cancelling the export (cancel-on-abort).')
    await cancelTask(api, deps, watcher, CANCEL_ON_ABORT_TIMEOUT_MS)
  } else {
    deps.info('The run was cancelled; the export keeps running (cancel-on-abort: false).')
  }
  return end('aborted')
}

/** The export task, watched: DescribeExportTasks, its progress line, the record's task. */
function exportTask(api: WaitApi, identifier: string, deps: WatchDeps): Watched<ExportTask> {
  const warnedStatuses = new Set<string>()
  return {
    operation: 'DescribeExportTasks',
    async read(signal) {
      const next = await api.describe(identifier, signal)
      if (!next) {
        throw new ActionError(
          `DescribeExportTasks no longer finds export task '${identifier}'.`,
          hintFor('ExportTaskNotFoundFault')
        )
      }
      return next
    },
    ended: task => isEnded(task.Status),
    // The schedule and the timeline see the task alike.
    observe: statusOf,
    entry: statusOf,
    changed: changedSinceLast,
    line: (task, now, elapsedMs, remainingMs) =>
      formatProgressLine({ now, task, elapsedMs, remainingMs }),
    record: (record, task, watchedMs) => record.sawTask(task, watchedMs),
    inspect(task) {
      const status = normalizeStatus(task.Status)
      if (isEnded(status) || RUNNING_STATUSES.has(status) || warnedStatuses.has(status)) return
      warnedStatuses.add(status)
      deps.warning(
        `Export task status '${task.Status ?? ''}' is not one this action knows; still waiting.`
      )
    }
  }
}

function statusOf(task: ExportTask): { status: string; percentProgress?: number } {
  return { status: normalizeStatus(task.Status), percentProgress: task.PercentProgress }
}

/** One CancelExportTask with its own deadline; a refusal is a warning, not the step's end. */
async function cancelTask(
  api: WaitApi,
  deps: LoopDeps,
  watcher: Watch<ExportTask>,
  timeoutMs: number
): Promise<void> {
  try {
    const identifier = watcher.last.ExportTaskIdentifier ?? ''
    const canceling = await api.cancel(identifier, AbortSignal.timeout(timeoutMs))
    watcher.saw(aboutAsked('CancelExportTask', identifier, { ...watcher.last, ...canceling }))
  } catch (error) {
    deps.warning(explainError(error, 'CancelExportTask').message)
  }
}
