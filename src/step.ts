// What one run of the step holds: the abort signal (the runner cancels with SIGINT, then SIGTERM
// 7.5 s later), the warnings for the summary, the one wait budget of wait-timeout-minutes, the
// timeline, and the last export task seen (its outputs are set as soon as it is known, so they
// survive however the step ends). Phases get the step; tests give them a fake one
// (__fixtures__/step.ts).
import * as core from '@actions/core'
import * as log from './log.js'
import type { ExportTask } from './aws/types.js'
import type { LoopDeps } from './loop.js'
import { taskOutputs } from './report/outputs.js'
import type { TimelineEntry } from './report/summary.js'
import type { Snapshot } from './snapshots.js'

/** What the step needs from the world; tests replace the clock, sleep and signals. */
export interface StepDeps {
  /** Milliseconds on a monotonic clock (performance.now): budgets and durations. */
  now: () => number
  /** The wall clock: the times shown in the log and the summary. */
  date: () => Date
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  env: Record<string, string | undefined>
  /** Emits SIGINT and SIGTERM when the runner cancels the run. */
  signals: Pick<NodeJS.Process, 'on' | 'off'>
}

/** The workflow run this step belongs to, from the runner's environment. */
export interface WorkflowRun {
  /** GITHUB_RUN_ID; undefined outside GitHub Actions. */
  id?: string
  /** GITHUB_RUN_ATTEMPT, 1 for the first attempt. */
  attempt: number
}

export interface Step extends LoopDeps {
  readonly env: Record<string, string | undefined>
  /** The action's own warnings, in order, for the summary. */
  readonly warnings: readonly string[]
  /** Status changes this step saw, in order, for the summary. */
  readonly timeline: TimelineEntry[]
  /** Once the inputs are read: starts the one budget for all waiting (slot, snapshot, export),
   * and says the region and whether to write the summary. */
  begin(options: { waitTimeoutMs: number; region: string; summary: boolean }): void
  /** When the wait budget runs out, on now()'s clock. */
  waitDeadlineMs(): number
  /** The snapshot create-snapshot took (or found), as last seen: for the summary. */
  tookSnapshot(snapshot: Snapshot): void
  readonly snapshot: Snapshot | undefined
  /** Sets one output (the task's are set by saw()). */
  output(name: string, value: string): void
  /** Records the task as the step's latest and sets the outputs when it changed. */
  saw(task: ExportTask): void
  readonly lastTask: ExportTask | undefined
  readonly region: string
  /** Whether to write the step summary (the summary input; true until the inputs are read). */
  readonly summary: boolean
  /** The workflow run, from GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  workflowRun(): Promise<WorkflowRun>
  /** Runs `cleanup` when the step closes (the AWS clients' sockets, say). */
  onClose(cleanup: () => void): void
  /** Stops listening for signals and runs the cleanups. */
  close(): void
}

export function openStep(deps: StepDeps): Step {
  const cancelled = cancelOnSignals(deps.signals)
  const warnings: string[] = []
  const settings = { deadlineMs: Infinity, region: '', summary: true }
  let lastTask: ExportTask | undefined
  let snapshot: Snapshot | undefined
  const cleanups: (() => void)[] = [cancelled.stop]

  return {
    env: deps.env,
    now: deps.now,
    date: deps.date,
    sleep: deps.sleep,
    abort: cancelled.signal,
    warnings,
    timeline: [],
    info: line => log.info(line),
    warning(message) {
      warnings.push(message)
      log.warning(message)
    },
    begin(options) {
      settings.deadlineMs = deps.now() + options.waitTimeoutMs
      settings.region = options.region
      settings.summary = options.summary
    },
    waitDeadlineMs: () => settings.deadlineMs,
    output: (name, value) => core.setOutput(name, value),
    saw(task) {
      if (task === lastTask) return // each output once per change of the task
      lastTask = task
      for (const [name, value] of Object.entries(taskOutputs(task, settings.region))) {
        core.setOutput(name, value)
      }
    },
    get lastTask() {
      return lastTask
    },
    tookSnapshot: taken => void (snapshot = taken),
    get snapshot() {
      return snapshot
    },
    get region() {
      return settings.region
    },
    get summary() {
      return settings.summary
    },
    workflowRun: async () => workflowRunFrom(deps.env),
    onClose: cleanup => void cleanups.push(cleanup),
    close: () => cleanups.forEach(cleanup => cleanup())
  }
}

/** An abort signal the runner's SIGINT and SIGTERM fire, and a way to stop listening. */
function cancelOnSignals(signals: StepDeps['signals']): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController()
  const onSignal = (): void => controller.abort()
  signals.on('SIGINT', onSignal)
  signals.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    stop() {
      signals.off('SIGINT', onSignal)
      signals.off('SIGTERM', onSignal)
    }
  }
}

/**
 * GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, parsed as @actions/github's context parses them
 * (parseInt): importing that package for these two cost tens of ms of every start.
 */
export function workflowRunFrom(env: Record<string, string | undefined>): WorkflowRun {
  const id = parseInt(env.GITHUB_RUN_ID ?? '', 10)
  const attempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10)
  return {
    id: Number.isFinite(id) ? String(id) : undefined,
    attempt: Number.isFinite(attempt) ? attempt : 1
  }
}
