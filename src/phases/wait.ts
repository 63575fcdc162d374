// Waiting for the export to end: DescribeExportTasks on the schedule (schedule.ts) until the task
// ends, the wait budget runs out (on-timeout decides) or the run is cancelled (cancel-on-abort
// decides). A log line for each check that changed something.
import type { ExportTasksApi } from '../aws/export-tasks.js'
import type { ExportTask } from '../aws/types.js'
import type { Config, OnTimeout } from '../config.js'
import { ActionError, explainError } from '../errors.js'
import { hintFor } from '../hints.js'
import { poll, type LoopDeps } from '../loop.js'
import { changedSinceLast, formatDuration, formatProgressLine } from '../report/progress.js'
import type { TimelineEntry } from '../report/summary.js'
import { estimateFinishMs, nextPollDelayMs, type Observation } from '../schedule.js'
import {
  RUNNING_STATUSES,
  endedOutcome,
  isEnded,
  normalizeStatus,
  sameStatus,
  type Outcome
} from '../status.js'
import type { Step } from '../step.js'

export interface WaitOptions {
  task: ExportTask
  /** When the wait budget runs out, on deps.now()'s clock. */
  deadlineMs: number
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

type WaitApi = Pick<ExportTasksApi, 'describe' | 'cancel'>

/** The runner kills the process 10 s after SIGINT: the cancel call must be done well before. */
const CANCEL_ON_ABORT_TIMEOUT_MS = 5_000
const CANCEL_ON_TIMEOUT_MS = 30_000

/** How the step ends when it doesn't wait, or after the wait. */
export interface Ended {
  outcome: Outcome
  task: ExportTask
  waitedMs?: number
}

/** Waits when the step is asked to (wait: true, mode wait) and the task still runs. */
export async function waitIfAsked(
  api: WaitApi,
  found: { task: ExportTask; outcome: Outcome },
  config: Config,
  step: Step
): Promise<Ended> {
  if (!config.wait || isEnded(found.task.Status)) {
    step.timeline.push({ at: step.date(), status: normalizeStatus(found.task.Status) })
    return { task: found.task, outcome: outcomeWithoutWaiting(config, found) }
  }
  // Mode cancel has sent its CancelExportTask already: never a second one.
  const cancelled = config.mode === 'cancel'
  const waited = await waitForExport(api, step, {
    task: found.task,
    deadlineMs: step.waitDeadlineMs(),
    maxIntervalMs: config.pollIntervalSeconds * 1000,
    onTimeout: cancelled && config.onTimeout === 'cancel' ? 'fail' : config.onTimeout,
    cancelOnAbort: config.cancelOnAbort && !cancelled
  })
  step.timeline.push(...waited.timeline)
  step.saw(waited.task)
  return { task: waited.task, outcome: waited.outcome, waitedMs: waited.waitedMs }
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
  deps: LoopDeps,
  options: WaitOptions
): Promise<WaitResult> {
  const watch = watcher(options.task, deps)
  const identifier = options.task.ExportTaskIdentifier ?? ''
  const result = await poll(deps, {
    operation: 'DescribeExportTasks',
    first: options.task,
    async check(signal) {
      const next = await api.describe(identifier, signal)
      if (!next) {
        throw new ActionError(
          `DescribeExportTasks no longer finds export task '${identifier}'.`,
          hintFor('ExportTaskNotFoundFault')
        )
      }
      return watch.saw(next)
    },
    done: task => isEnded(task.Status),
    nextDelayMs: () => watch.nextDelayMs(options.maxIntervalMs),
    deadlineMs: options.deadlineMs,
    maxIntervalMs: options.maxIntervalMs
  })
  if (result.end === 'done') return watch.result(endedOutcome(result.value.Status) ?? 'complete')
  if (result.end === 'timeout') return onTimeout(api, identifier, deps, watch, options.onTimeout)
  return onAbort(api, identifier, deps, watch, options.cancelOnAbort)
}

/** What the wait has seen: the task, the checks (for the schedule), the timeline. */
function watcher(first: ExportTask, deps: LoopDeps) {
  const startMs = deps.now()
  let task = first
  const observations: Observation[] = [observe(first, startMs)]
  const timeline: TimelineEntry[] = [entry(first, deps.date())]
  const warnedStatuses = new Set<string>()
  const logProgress = (): void => {
    const nowMs = deps.now()
    const finish = estimateFinishMs(observations)
    deps.info(
      formatProgressLine({
        now: deps.date(),
        task,
        elapsedMs: nowMs - startMs,
        remainingMs: finish === undefined ? undefined : Math.max(0, finish - nowMs)
      })
    )
  }
  const warnIfUnknown = (): void => {
    const status = normalizeStatus(task.Status)
    if (isEnded(status) || RUNNING_STATUSES.has(status) || warnedStatuses.has(status)) return
    warnedStatuses.add(status)
    deps.warning(
      `Export task status '${task.Status ?? ''}' is not one this action knows; still waiting.`
    )
  }
  logProgress()
  warnIfUnknown()
  return {
    startMs,
    /** Records a newer view of the task (a check, or the answer to a cancel). */
    saw(next: ExportTask): ExportTask {
      const previous = task
      task = next
      const atMs = deps.now()
      observations.push(observe(task, atMs))
      if (!sameStatus(previous.Status, task.Status)) timeline.push(entry(task, deps.date()))
      if (changedSinceLast(previous, task)) logProgress()
      warnIfUnknown()
      return task
    },
    nextDelayMs: (maxIntervalMs: number): number =>
      nextPollDelayMs({ waitStartMs: startMs, nowMs: deps.now(), maxIntervalMs, observations }),
    get task() {
      return task
    },
    result: (outcome: Outcome): WaitResult => ({
      outcome,
      task,
      timeline,
      waitedMs: deps.now() - startMs
    })
  }
}

type Watcher = ReturnType<typeof watcher>

async function onTimeout(
  api: WaitApi,
  identifier: string,
  deps: LoopDeps,
  watch: Watcher,
  onTimeout: OnTimeout
): Promise<WaitResult> {
  const waited = formatDuration(deps.now() - watch.startMs)
  if (onTimeout === 'continue') {
    deps.info(`Stopped waiting after ${waited} (on-timeout: continue); the export keeps running.`)
    return watch.result('timeout-continue')
  }
  if (onTimeout === 'cancel') {
    deps.info(`Timed out after ${waited} (on-timeout: cancel): cancelling the export.`)
    await cancelTask(api, identifier, deps, watch, CANCEL_ON_TIMEOUT_MS)
    return watch.result('timeout-cancel')
  }
  return watch.result('timeout')
}

async function onAbort(
  api: WaitApi,
  identifier: string,
  deps: LoopDeps,
  watch: Watcher,
  cancelOnAbort: boolean
): Promise<WaitResult> {
  if (cancelOnAbort) {
    deps.info('The run was cancelled: cancelling the export (cancel-on-abort).')
    await cancelTask(api, identifier, deps, watch, CANCEL_ON_ABORT_TIMEOUT_MS)
  } else {
    deps.info('The run was cancelled; the export keeps running (cancel-on-abort: false).')
  }
  return watch.result('aborted')
}

/** One CancelExportTask with its own deadline; a refusal is a warning, not the step's end. */
async function cancelTask(
  api: WaitApi,
  identifier: string,
  deps: LoopDeps,
  watch: Watcher,
  timeoutMs: number
): Promise<void> {
  try {
    const canceling = await api.cancel(identifier, AbortSignal.timeout(timeoutMs))
    watch.saw({ ...watch.task, ...canceling })
  } catch (error) {
    deps.warning(explainError(error, 'CancelExportTask').message)
  }
}

function observe(task: ExportTask, atMs: number): Observation {
  return { atMs, status: normalizeStatus(task.Status), percentProgress: task.PercentProgress }
}

function entry(task: ExportTask, at: Date): TimelineEntry {
  return {
    at,
    status: normalizeStatus(task.Status),
    percentProgress: task.PercentProgress
  }
}
