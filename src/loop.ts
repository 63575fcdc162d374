// The skeleton of every wait (for an export slot, for a new snapshot, for the export): check,
// stop when done, stop when the budget is spent, sleep no longer than the time left, stop when
// the run is cancelled, and back off after transient errors instead of failing. What a check
// reads and what it means is the caller's; the clock and sleep come from the step, so an
// hours-long wait runs in milliseconds under test.
import { explainError, type Service } from './errors.js'

/** The longest delay Node's timers hold (2^31-1 ms, about 24.8 days); past it they fire at once. */
export const TIMER_MAX_MS = 2 ** 31 - 1

/** A delay a timer can hold: never past TIMER_MAX_MS, never negative. */
export function timerMs(ms: number): number {
  return Math.min(Math.max(0, Math.ceil(ms)), TIMER_MAX_MS)
}

/** The real sleep: a timer that a cancelled run (SIGINT, SIGTERM) cuts short. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, timerMs(ms))
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/** What a wait takes from the step; tests fake it all. */
export interface LoopDeps {
  /** Milliseconds on a monotonic clock: budgets and durations, immune to wall-clock jumps. */
  now: () => number
  /** The wall clock, for the times a person reads. */
  date: () => Date
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  info: (line: string) => void
  warning: (line: string) => void
  /** Aborted when the runner cancels the run (SIGINT, SIGTERM). */
  abort: AbortSignal
}

export interface PollOptions<T> {
  /** The AWS operation a check makes, for the warning after a transient error. */
  operation: string
  service?: Service
  /** One check; `signal` aborts it when the run is cancelled. */
  check: (signal: AbortSignal) => Promise<T>
  /** A value already read: the loop starts by judging it instead of checking (never undefined). */
  first?: T
  /** Whether the wait is over. */
  done: (value: T) => boolean
  /** The gap before the next check after `value` (capped by the time left). */
  nextDelayMs: (value: T) => number
  /** When the budget runs out, on deps.now()'s clock. */
  deadlineMs: number
  /** The longest gap between checks, also after transient errors. */
  maxIntervalMs: number
}

/** How a wait ended, with the last value read (undefined if no check ever succeeded). */
export type PollResult<T> =
  { end: 'done'; value: T } | { end: 'timeout' | 'aborted'; value: T | undefined }

/**
 * The promise, or a rejection as soon as `signal` aborts: a call that ignores its signal (a
 * credential refresh inside an SDK call, say) can't hold the wait past its budget.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

/** The first gap after a transient error; each further one doubles, up to maxIntervalMs. */
const TRANSIENT_BACKOFF_START_MS = 2_000

export async function poll<T>(deps: LoopDeps, options: PollOptions<T>): Promise<PollResult<T>> {
  let value = options.first
  let read = value !== undefined
  let failures = 0
  for (;;) {
    if (read && value !== undefined && options.done(value)) return { end: 'done', value }
    const nowMs = deps.now()
    if (nowMs >= options.deadlineMs) return { end: 'timeout', value }
    if (read || failures > 0) {
      const delayMs =
        failures > 0 || value === undefined
          ? Math.min(TRANSIENT_BACKOFF_START_MS * 2 ** (failures - 1), options.maxIntervalMs)
          : options.nextDelayMs(value)
      // Check once more at the deadline itself rather than sleeping past it.
      await deps.sleep(Math.min(delayMs, options.deadlineMs - nowMs), deps.abort)
    }
    if (deps.abort.aborted) return { end: 'aborted', value }
    // The budget holds while a check is in flight: it is aborted when the budget runs out.
    const budget = AbortSignal.timeout(timerMs(options.deadlineMs - deps.now()))
    const signal = AbortSignal.any([deps.abort, budget])
    try {
      value = await untilAborted(options.check(signal), signal)
      read = true
      failures = 0
    } catch (error) {
      if (deps.abort.aborted) return { end: 'aborted', value }
      if (budget.aborted) return { end: 'timeout', value }
      const explained = explainError(error, options.operation, options.service)
      if (!explained.transient) throw error
      failures++
      read = false
      deps.warning(`${explained.message} (transient, attempt ${failures}); checking again shortly.`)
    }
  }
}
