// The wait loop: poll DescribeExportTasks on the schedule until the task ends, the wait times
// out or the run is cancelled. No SDK import: RDS calls, the clock and sleep are injected, so an
// hours-long wait runs in milliseconds under test.
import type { ExportTask } from '@aws-sdk/client-rds'
import type { OnTimeout } from './config.js'
import { ActionError, explainError, isExpiredCredentials } from './errors.js'
import { normalizeStatus } from './outputs.js'
import { changedSinceLast, formatDuration, formatProgressLine } from './progress.js'
import { estimateFinishMs, nextPollDelayMs, type Observation } from './schedule.js'
import type { LoopDeps } from './sleep.js'
import type { Outcome, TimelineEntry } from './summary.js'

export interface WaitDeps extends LoopDeps {
  /** DescribeExportTasks for our task; undefined when RDS no longer knows it. */
  describe: (signal: AbortSignal) => Promise<ExportTask | undefined>
  cancel: (signal: AbortSignal) => Promise<ExportTask>
  /** Called after a poll failed with expired credentials, before the next try. */
  renewCredentials?: () => void
}

export interface WaitOptions {
  task: ExportTask
  timeoutMs: number
  maxIntervalMs: number
  onTimeout: OnTimeout
  cancelOnAbort: boolean
}

export interface WaitResult {
  outcome: Outcome
  task: ExportTask
  timeline: TimelineEntry[]
  waitedMs: number
}

const ENDED: Record<string, Outcome> = {
  COMPLETE: 'complete',
  FAILED: 'failed',
  CANCELED: 'canceled'
}
const RUNNING = new Set(['STARTING', 'IN_PROGRESS', 'CANCELING'])
/** The runner kills the process 10 s after SIGINT: the cancel call must be done well before. */
const CANCEL_ON_ABORT_TIMEOUT_MS = 5_000
const TRANSIENT_BACKOFF_START_MS = 2_000

export async function waitForExport(deps: WaitDeps, options: WaitOptions): Promise<WaitResult> {
  const startMs = deps.now()
  const deadlineMs = startMs + options.timeoutMs
  let task = options.task
  const observations: Observation[] = [observe(task, startMs)]
  const timeline: TimelineEntry[] = [timelineEntry(task, startMs)]
  const warnedStatuses = new Set<string>()
  let failures = 0

  const result = (outcome: Outcome): WaitResult => ({
    outcome,
    task,
    timeline,
    waitedMs: deps.now() - startMs
  })
  const logProgress = (): void => {
    const nowMs = deps.now()
    const finish = estimateFinishMs(observations)
    deps.info(
      formatProgressLine({
        now: new Date(nowMs),
        task,
        elapsedMs: nowMs - startMs,
        remainingMs: finish === undefined ? undefined : Math.max(0, finish - nowMs)
      })
    )
  }

  logProgress()
  for (;;) {
    const ended = endedOutcome(task.Status)
    if (ended) return result(ended)
    const status = normalizeStatus(task.Status)
    if (!RUNNING.has(status) && !warnedStatuses.has(status)) {
      warnedStatuses.add(status)
      deps.warning(
        `Export task status '${task.Status ?? ''}' is not one this action knows; still waiting.`
      )
    }

    const nowMs = deps.now()
    if (nowMs >= deadlineMs) return onTimeout()

    const delayMs =
      failures > 0
        ? Math.min(TRANSIENT_BACKOFF_START_MS * 2 ** (failures - 1), options.maxIntervalMs)
        : nextPollDelayMs({
            waitStartMs: startMs,
            nowMs,
            maxIntervalMs: options.maxIntervalMs,
            observations
          })
    // Check once more at the deadline itself rather than sleeping past it.
    await deps.sleep(Math.min(delayMs, deadlineMs - nowMs), deps.abort)
    if (deps.abort.aborted) return onAbort()

    let next: ExportTask | undefined
    try {
      next = await deps.describe(deps.abort)
    } catch (error) {
      if (deps.abort.aborted) return onAbort()
      const explained = explainError(error, 'DescribeExportTasks')
      if (!explained.transient) throw error
      failures++
      if (isExpiredCredentials(error)) deps.renewCredentials?.()
      deps.warning(`${explained.message} (transient, attempt ${failures}); checking again shortly.`)
      continue
    }
    failures = 0
    if (!next) {
      throw new ActionError(
        `DescribeExportTasks no longer finds export task '${task.ExportTaskIdentifier ?? ''}'.`,
        'No export task with that identifier exists in this account and region (aws-region).'
      )
    }
    const previous = task
    task = next
    const atMs = deps.now()
    observations.push(observe(task, atMs))
    if (normalizeStatus(previous.Status) !== normalizeStatus(task.Status)) {
      timeline.push(timelineEntry(task, atMs))
    }
    if (changedSinceLast(previous, task)) logProgress()
  }

  async function onTimeout(): Promise<WaitResult> {
    const waited = formatDuration(deps.now() - startMs)
    if (options.onTimeout === 'continue') {
      deps.info(`Stopped waiting after ${waited} (on-timeout: continue); the export keeps running.`)
      return result('timeout-continue')
    }
    if (options.onTimeout === 'cancel') {
      deps.info(`Timed out after ${waited} (on-timeout: cancel): cancelling the export.`)
      try {
        await cancelTask(AbortSignal.timeout(30_000))
      } catch (error) {
        deps.warning(explainError(error, 'CancelExportTask').message)
      }
      return result('timeout-cancel')
    }
    return result('timeout')
  }

  async function onAbort(): Promise<WaitResult> {
    if (options.cancelOnAbort) {
      deps.info('The run was cancelled: cancelling the export (cancel-on-abort).')
      try {
        await cancelTask(AbortSignal.timeout(CANCEL_ON_ABORT_TIMEOUT_MS))
      } catch (error) {
        deps.warning(explainError(error, 'CancelExportTask').message)
      }
    } else {
      deps.info('The run was cancelled; the export keeps running (cancel-on-abort: false).')
    }
    return result('aborted')
  }

  async function cancelTask(signal: AbortSignal): Promise<void> {
    const canceled = await deps.cancel(signal)
    const previous = task
    task = { ...task, ...canceled }
    if (normalizeStatus(previous.Status) !== normalizeStatus(task.Status)) {
      timeline.push(timelineEntry(task, deps.now()))
    }
  }
}

export function isEnded(status: string | undefined): boolean {
  return endedOutcome(status) !== undefined
}

/** The outcome a final status means; undefined while the task runs. */
export function endedOutcome(status: string | undefined): Outcome | undefined {
  return ENDED[normalizeStatus(status)]
}

function observe(task: ExportTask, atMs: number): Observation {
  return { atMs, status: normalizeStatus(task.Status), percentProgress: task.PercentProgress }
}

function timelineEntry(task: ExportTask, atMs: number): TimelineEntry {
  return {
    at: new Date(atMs),
    status: normalizeStatus(task.Status),
    percentProgress: task.PercentProgress
  }
}
