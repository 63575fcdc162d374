// What one run of the step is: the clock and sleep, the abort signal (the runner cancels with
// SIGINT, then SIGTERM 7.5 s later), the environment, the log, the one wait budget of
// wait-timeout-minutes. What the run saw is its record (record.ts), which the phases write into
// and the finish phase reads. Phases get the step; tests give them a fake one
// (__fixtures__/step.ts).
import * as core from '@actions/core'
import * as log from './log.js'
import type { LoopDeps } from './loop.js'
import { RunRecord } from './record.js'

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
  /** What the run saw; warning() writes there too. */
  readonly record: RunRecord
  /** Once the inputs are read: starts the one budget for all waiting (slot, snapshot, export),
   * and says the region and whether to write the summary. */
  begin(options: { waitTimeoutMs: number; region: string; summary: boolean }): void
  /** When the wait budget runs out, on now()'s clock. */
  waitDeadlineMs(): number
  /** Sets one output: the finish phase's, from the record. */
  output(name: string, value: string): void
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
  const record = new RunRecord()
  const settings = { deadlineMs: Infinity, region: '', summary: true }
  const cleanups: (() => void)[] = [cancelled.stop]

  return {
    env: deps.env,
    now: deps.now,
    date: deps.date,
    sleep: deps.sleep,
    abort: cancelled.signal,
    record,
    info: line => log.info(line),
    warning(message) {
      record.warned(message)
      log.warning(message)
    },
    begin(options) {
      settings.deadlineMs = deps.now() + options.waitTimeoutMs
      settings.region = options.region
      settings.summary = options.summary
    },
    waitDeadlineMs: () => settings.deadlineMs,
    output: (name, value) => core.setOutput(name, value),
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
