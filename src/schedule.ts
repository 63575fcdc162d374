// When to check the export task next: a pure function of what the wait has seen so far.
// First checks come fast (a wrong bucket, role or key fails the task within seconds), gaps then
// grow toward the user's poll-interval-seconds. Once PercentProgress moves, the finish is
// estimated and the checks are timed to land just after it (a few checks across the window it
// probably falls in when the rate has been uneven); if that window passes without COMPLETE, the
// checks come more often for a while (tail mode), then back off again. bench/polling.ts measures
// it against a fixed 30 s loop and the AWS SDK waiter.

import { normalizeStatus } from './status.js'

export interface Observation {
  atMs: number
  status: string
  percentProgress?: number
}

export interface ScheduleInput {
  /** When this step began waiting. */
  waitStartMs: number
  /** Now: the last observation was just made. */
  nowMs: number
  /** poll-interval-seconds * 1000: the longest gap between checks. */
  maxIntervalMs: number
  /** Every check so far, oldest first (at least one). */
  observations: Observation[]
}

/** No busy loop, whatever the input. */
export const MIN_POLL_INTERVAL_MS = 2000

/** The first gap. */
const FIRST_DELAY_MS = 2000
/** Gap between checks once the estimated finish has passed without completion. */
const TAIL_INTERVAL_MS = 10_000
/** Tail mode lasts this long (or this share of the progress span, if longer), then backs off. */
const TAIL_WINDOW_MS = 90_000
const TAIL_WINDOW_SHARE = 0.1

/** Each early gap is the first one plus RAMP times the time waited: 2 s, 6 s, 18 s, 54 s... */
const RAMP = 2
/** The share of the IN_PROGRESS span whose rate is compared with the whole span's. */
const RECENT_SHARE = 0.15
/** Padding of the finish window: the rounding of the percent, a share of the time left, a bit. */
const K_ROUND = 1
const K_RATE = 0.15
const SPREAD_FLOOR_MS = 2000
/** Longest gap between checks inside the finish window. */
const DENSE_INTERVAL_MS = 20_000

interface Estimate {
  /** Absolute ms when PercentProgress reaches 100. */
  finishMs: number
  /** When IN_PROGRESS began, as far as the observations tell. */
  progressStartMs: number
  /** The window the finish probably falls in (rounding of the percent, changes of rate). */
  earliestMs: number
  latestMs: number
}

interface Point {
  t: number
  p: number
}

/**
 * The percent points to fit: each IN_PROGRESS observation, and the start of IN_PROGRESS at 0%
 * when the change from STARTING was seen (midway between the two checks).
 */
function progressPoints(observations: Observation[]): { points: Point[]; anchored: boolean } {
  let first = observations.length
  while (first > 0 && normalizeStatus(observations[first - 1]!.status) === 'IN_PROGRESS') first--
  const points: Point[] = []
  let anchored = false
  const before = observations[first - 1]
  const firstIn = observations[first]
  if (before && firstIn && normalizeStatus(before.status) === 'STARTING') {
    points.push({ t: (before.atMs + firstIn.atMs) / 2, p: 0 })
    anchored = true
  }
  for (const o of observations.slice(first)) {
    const p = o.percentProgress
    if (typeof p === 'number' && Number.isFinite(p)) {
      points.push({ t: o.atMs, p: Math.min(100, Math.max(0, p)) })
    }
  }
  return { points, anchored }
}

function estimate(observations: Observation[]): Estimate | undefined {
  const last = observations[observations.length - 1]
  if (!last || normalizeStatus(last.status) !== 'IN_PROGRESS') return undefined
  const progress = progressPoints(observations)
  const points = progress.points
  let anchored = progress.anchored
  const observed = anchored ? points.slice(1) : points
  const lastPoint = observed[observed.length - 1]
  if (!lastPoint) return undefined
  if (lastPoint.p >= 100) {
    const t = lastPoint.t
    return { finishMs: t, progressStartMs: points[0]!.t, earliestMs: t, latestMs: t }
  }
  const moved = observed.some(pt => pt.p !== observed[0]!.p) || (anchored && lastPoint.p > 0)
  if (!moved) return undefined

  // The start anchor helps early; once the percent itself has moved a few times it only adds
  // the error of its own timing (up to half a gap), at the end where it weighs most.
  const distinct = new Set(observed.map(pt => pt.p)).size
  if (anchored && distinct >= 3) {
    points.shift()
    anchored = false
  }
  const t0 = lastPoint.t
  const whole = fit(points, anchored, t0)
  if (!whole) return undefined
  const span = t0 - points[0]!.t
  const recentPoints = points.filter(pt => pt.t >= t0 - RECENT_SHARE * span)
  const recent =
    recentPoints.length >= 3 && recentPoints[0]!.p < lastPoint.p
      ? fit(recentPoints, anchored && recentPoints[0] === points[0], t0)
      : undefined
  const finishes = [whole, recent ?? whole].map(f => t0 + (100 - f.c) / f.slope)
  const rounding = Math.max(
    whole.halfWidth / whole.slope,
    recent ? recent.halfWidth / recent.slope : 0
  )
  const finishMs = finishes[0]!
  if (!finishes.every(Number.isFinite)) return undefined
  const early = Math.min(...finishes)
  const late = Math.max(...finishes)
  const pad = K_ROUND * rounding + K_RATE * Math.max(0, finishMs - t0) + SPREAD_FLOOR_MS
  // The current percent was reached by the first check that saw it: at the slower rate, the rest
  // should take no longer than this. Past it, the export is late (tail mode), however long the
  // percent stays put: the line fitted to the newest checks would keep the finish ahead.
  const firstSeen = observed.find(pt => pt.p === lastPoint.p)!.t
  const slowest = Math.min(whole.slope, recent?.slope ?? whole.slope)
  const noLaterThan = firstSeen + ((100 - lastPoint.p) / slowest) * (1 + K_RATE) + SPREAD_FLOOR_MS
  return {
    finishMs,
    progressStartMs: points[0]!.t,
    earliestMs: Math.min(early - pad, noLaterThan),
    latestMs: Math.min(late + pad, noLaterThan)
  }
}

/**
 * A line through percent over time (relative to t0), in the form p = slope * (t - t0) + c.
 * RDS reports whole percents: an observed p means the true share was in [p, p + 1). The slope is
 * the least-squares one through p + 0.5 (the start anchor is exact at 0), which smooths the
 * rounding that two samples alone would magnify. The line is then placed where the newest
 * observations allow: going back from the newest, intersect the ranges [p, p + 1) while they
 * overlap; c is the middle of what is left.
 */
function fit(
  points: Point[],
  anchored: boolean,
  t0: number
): { slope: number; c: number; halfWidth: number } | undefined {
  const xs = points.map(pt => pt.t - t0)
  const ys = points.map((pt, i) => (anchored && i === 0 ? 0 : pt.p + 0.5))
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my)
    sxx += (xs[i]! - mx) ** 2
  }
  const slope = sxx > 0 ? sxy / sxx : 0
  if (!(slope > 0)) return undefined
  let lo = -Infinity
  let hi = Infinity
  for (let i = n - 1; i >= (anchored ? 1 : 0); i--) {
    const a = points[i]!.p - slope * xs[i]!
    const b = points[i]!.p + 1 - slope * xs[i]!
    if (Math.max(lo, a) >= Math.min(hi, b)) break
    lo = Math.max(lo, a)
    hi = Math.min(hi, b)
  }
  return { slope, c: (lo + hi) / 2, halfWidth: (hi - lo) / 2 }
}

/**
 * The absolute time (ms) at which PercentProgress is expected to reach 100, from the progress
 * rate over the whole IN_PROGRESS span; undefined until the percent has moved.
 */
export function estimateFinishMs(observations: Observation[]): number | undefined {
  return estimate(observations)?.finishMs
}

const clamp = (ms: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, ms))

/** How long to wait before the next DescribeExportTasks call. */
export function nextPollDelayMs(input: ScheduleInput): number {
  const { waitStartMs, nowMs, observations } = input
  const max = Number.isFinite(input.maxIntervalMs)
    ? Math.max(MIN_POLL_INTERVAL_MS, input.maxIntervalMs)
    : MIN_POLL_INTERVAL_MS
  const bounded = (ms: number): number =>
    Number.isFinite(ms) ? clamp(Math.round(ms), MIN_POLL_INTERVAL_MS, max) : max

  // Ramp up: checks 2 s, 8 s, 26 s, 80 s... after the wait began.
  const waited = Math.max(0, nowMs - waitStartMs)
  const ramp = FIRST_DELAY_MS + RAMP * waited

  const est = estimate(observations)
  if (!est) return bounded(ramp)

  // Checks land across the window the finish probably falls in, at most DENSE apart: the
  // first one DENSE after its start (or at its end, if narrower), the others DENSE apart.
  const windowStart = est.earliestMs
  const windowEnd = est.latestMs
  const firstAim = Math.min(windowEnd, windowStart + DENSE_INTERVAL_MS)
  const untilAim = firstAim - nowMs
  if (untilAim > DENSE_INTERVAL_MS / 4) {
    // Full gaps while the aim is far (the estimate still moves); the last two share the rest.
    if (untilAim > 2 * max) return bounded(Math.min(ramp, max))
    const gaps = Math.ceil(untilAim / max)
    return bounded(Math.min(ramp, untilAim / gaps))
  }
  // Inside the window: at most DENSE apart, and no later than just after its end.
  if (nowMs < windowEnd) {
    return bounded(Math.min(ramp, DENSE_INTERVAL_MS, windowEnd - nowMs + SPREAD_FLOOR_MS))
  }

  // Tail mode: the estimate has passed without COMPLETE.
  const overdue = nowMs - windowEnd
  const window = Math.max(TAIL_WINDOW_MS, TAIL_WINDOW_SHARE * (nowMs - est.progressStartMs))
  if (overdue <= window) return bounded(TAIL_INTERVAL_MS)
  return bounded(TAIL_INTERVAL_MS + (overdue - window) / 2)
}
