// Watching something RDS is doing until it ends: a new snapshot (snapshot.ts) or the export
// (wait.ts). One loop for both: a check on the schedule (schedule.ts), a log line for each check
// that changed something, a timeline entry for each change of status, and the record written at
// every check, so a wait that ends on an error still leaves the last state seen for the outputs
// and the summary. What a check reads and what its answer means are the caller's.
import type { Service } from '../errors.js'
import { poll, type LoopDeps, type PollResult } from '../loop.js'
import type { RunRecord } from '../record.js'
import type { TimelineEntry } from '../report/summary-task.js'
import { estimateFinishMs, nextPollDelayMs, type Observation } from '../schedule.js'

/** What is watched, and how it is read, told and recorded. */
export interface Watched<T> {
  /** The AWS operation a check makes. */
  operation: string
  service?: Service
  /** One check: the thing as it is now. */
  read: (signal: AbortSignal) => Promise<T>
  ended: (value: T) => boolean
  /** For the schedule: the status and progress, as the schedule knows them. */
  observe: (value: T) => Omit<Observation, 'atMs'>
  /** For the timeline: a new entry each time its status changes. */
  entry: (value: T) => Omit<TimelineEntry, 'at'>
  /** Whether the change deserves a log line. */
  changed: (previous: T, next: T) => boolean
  /** The log line; `remainingMs` when the schedule can estimate it. */
  line: (value: T, at: Date, elapsedMs: number, remainingMs: number | undefined) => string
  /** Writes the value into the run record, with the time watched so far. */
  record: (record: RunRecord, value: T, watchedMs: number) => void
  /** Anything more to say about a value (a status this action doesn't know, say). */
  inspect?: (value: T) => void
}

export type WatchDeps = LoopDeps & { readonly record: RunRecord }

export interface Watch<T> {
  /** The value as last seen. */
  readonly last: T
  /** How long it has been watched. */
  watchedMs(): number
  /** A newer view (a check, or the answer to a cancel): logged, recorded, timed. */
  saw(value: T): T
  /** Checks until it ends, the budget runs out or the run is cancelled. */
  until(budget: { deadlineMs: number; maxIntervalMs: number }): Promise<PollResult<T>>
}

/** Starts watching from `first`, which is logged and recorded at once. */
export function watch<T>(deps: WatchDeps, watched: Watched<T>, first: T): Watch<T> {
  const startMs = deps.now()
  const observations: Observation[] = []
  let last: T | undefined
  let lastStatus: string | undefined

  const saw = (value: T): T => {
    const atMs = deps.now()
    const at = deps.date()
    observations.push({ atMs, ...watched.observe(value) })
    const entry = watched.entry(value)
    if (entry.status !== lastStatus) deps.record.changed({ at, ...entry })
    lastStatus = entry.status
    watched.record(deps.record, value, atMs - startMs)
    if (last === undefined || watched.changed(last, value)) {
      const finish = estimateFinishMs(observations)
      const remainingMs = finish === undefined ? undefined : Math.max(0, finish - atMs)
      deps.info(watched.line(value, at, atMs - startMs, remainingMs))
    }
    watched.inspect?.(value)
    last = value
    return value
  }
  saw(first)

  return {
    get last() {
      return last as T
    },
    watchedMs: () => deps.now() - startMs,
    saw,
    async until({ deadlineMs, maxIntervalMs }) {
      try {
        return await poll(deps, {
          operation: watched.operation,
          service: watched.service,
          first: last as T,
          check: async signal => saw(await watched.read(signal)),
          done: watched.ended,
          nextDelayMs: () =>
            nextPollDelayMs({
              waitStartMs: startMs,
              nowMs: deps.now(),
              maxIntervalMs,
              observations
            }),
          deadlineMs,
          maxIntervalMs
        })
      } finally {
        // However the wait ended, the record has how long it lasted.
        watched.record(deps.record, last as T, deps.now() - startMs)
      }
    }
  }
}
