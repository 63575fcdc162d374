import { describe, test, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  estimateFinishMs,
  MIN_POLL_INTERVAL_MS,
  nextPollDelayMs,
  type Observation
} from '../src/schedule.js'

const T0 = Date.UTC(2026, 4, 1, 8, 0, 0)
const S = 1000

/** Observations of a linear export: STARTING until startMs, then 0-100% until endMs. */
function linear(times: number[], startMs: number, endMs: number, status = 'IN_PROGRESS') {
  return times.map((t): Observation => {
    if (t < startMs) return { atMs: t, status: 'STARTING', percentProgress: 0 }
    const p = Math.min(99, Math.floor((100 * (t - startMs)) / (endMs - startMs)))
    return { atMs: t, status, percentProgress: p }
  })
}

const observationArb = fc.record({
  atMs: fc.integer({ min: T0, max: T0 + 7 * 3600 * S }),
  status: fc.constantFrom(
    'STARTING',
    'IN_PROGRESS',
    'in_progress',
    'COMPLETE',
    'FAILED',
    'CANCELING',
    'weird'
  ),
  percentProgress: fc.option(fc.integer({ min: -5, max: 120 }), { nil: undefined })
})

describe('nextPollDelayMs properties', () => {
  test('finite, never above max, never below the floor', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 5000, max: 600_000 }),
        fc.integer({ min: 0, max: 3600 * S }),
        (raw, maxIntervalMs, lead) => {
          const observations = [...raw].sort((a, b) => a.atMs - b.atMs)
          const nowMs = observations[observations.length - 1]!.atMs
          const delay = nextPollDelayMs({
            waitStartMs: observations[0]!.atMs - lead,
            nowMs,
            maxIntervalMs,
            observations
          })
          expect(Number.isFinite(delay)).toBe(true)
          expect(delay).toBeLessThanOrEqual(maxIntervalMs)
          expect(delay).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS)
        }
      )
    )
  })

  test('over a whole simulated export, every gap stays within floor and max', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 2 * 3600 }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.integer({ min: 5, max: 120 }),
        (durationS, startingShare, maxS) => {
          const end = T0 + durationS * S
          const start = T0 + startingShare * durationS * S
          const obs: Observation[] = []
          const gaps: number[] = []
          let t = T0
          while (t < end) {
            obs.push(...linear([t], start, end))
            const d = nextPollDelayMs({
              waitStartMs: T0,
              nowMs: t,
              maxIntervalMs: maxS * S,
              observations: obs
            })
            gaps.push(d)
            t += d
          }
          expect(Math.max(...gaps)).toBeLessThanOrEqual(maxS * S)
          expect(Math.min(...gaps)).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS)
          // Completion is noticed soon: at most one max gap, and usually far less.
          expect(t - end).toBeLessThanOrEqual(maxS * S)
        }
      ),
      { numRuns: 30 }
    )
  })

  test('garbage max intervals still give a finite delay at or above the floor', () => {
    for (const maxIntervalMs of [NaN, -1, 0, 1000, Infinity]) {
      const d = nextPollDelayMs({
        waitStartMs: T0,
        nowMs: T0,
        maxIntervalMs,
        observations: [{ atMs: T0, status: 'STARTING' }]
      })
      expect(Number.isFinite(d)).toBe(true)
      expect(d).toBeGreaterThanOrEqual(MIN_POLL_INTERVAL_MS)
    }
  })
})

describe('first checks', () => {
  test('come within seconds and grow toward the max', () => {
    const obs: Observation[] = []
    const checks: number[] = []
    let t = T0
    for (let i = 0; i < 8; i++) {
      obs.push({ atMs: t, status: 'STARTING', percentProgress: 0 })
      checks.push((t - T0) / S)
      t += nextPollDelayMs({ waitStartMs: T0, nowMs: t, maxIntervalMs: 60 * S, observations: obs })
    }
    expect(checks).toEqual([0, 2, 8, 26, 80, 140, 200, 260])
  })

  test('a small max caps the ramp', () => {
    const d = nextPollDelayMs({
      waitStartMs: T0,
      nowMs: T0 + 30 * S,
      maxIntervalMs: 5 * S,
      observations: [{ atMs: T0 + 30 * S, status: 'STARTING' }]
    })
    expect(d).toBe(5 * S)
  })
})

describe('estimateFinishMs', () => {
  test('undefined until the percent moves', () => {
    expect(estimateFinishMs([{ atMs: T0, status: 'STARTING', percentProgress: 0 }])).toBe(undefined)
    expect(
      estimateFinishMs([
        { atMs: T0, status: 'IN_PROGRESS', percentProgress: 40 },
        { atMs: T0 + 60 * S, status: 'IN_PROGRESS', percentProgress: 40 }
      ])
    ).toBe(undefined)
    // A single percent with no known start of IN_PROGRESS (an adopted task).
    expect(estimateFinishMs([{ atMs: T0, status: 'IN_PROGRESS', percentProgress: 40 }])).toBe(
      undefined
    )
  })

  test('a percent above 0 with a known start of IN_PROGRESS gives an estimate', () => {
    const eta = estimateFinishMs([
      { atMs: T0, status: 'STARTING' },
      { atMs: T0 + 20 * S, status: 'IN_PROGRESS', percentProgress: 0 },
      { atMs: T0 + 120 * S, status: 'IN_PROGRESS', percentProgress: 10 }
    ])
    // Started about T0 + 10 s, 10.5% after about 110 s: done about 1000 s later.
    expect(eta).toBeDefined()
    expect((eta! - T0) / S).toBeGreaterThan(900)
    expect((eta! - T0) / S).toBeLessThan(1200)
  })

  test('two IN_PROGRESS samples with different percents give an estimate', () => {
    const eta = estimateFinishMs([
      { atMs: T0, status: 'IN_PROGRESS', percentProgress: 20 },
      { atMs: T0 + 600 * S, status: 'IN_PROGRESS', percentProgress: 40 }
    ])
    // 20 points in 600 s: the remaining 60 take about 1800 s more.
    expect((eta! - T0) / S).toBeGreaterThan(2300)
    expect((eta! - T0) / S).toBeLessThan(2450)
  })

  test('is close for a linear export, smoothing the whole percents', () => {
    const start = T0 + 600 * S
    const end = T0 + 3600 * S
    // Checks every 55 s, so the percent steps fall at varying points between them.
    const times = Array.from({ length: 50 }, (_, i) => T0 + i * 55 * S)
    const eta = estimateFinishMs(linear(times, start, end))!
    expect(Math.abs(eta - end)).toBeLessThan(10 * S)
  })

  test('undefined once the task has ended; statuses compare case-insensitively', () => {
    const times = [0, 60, 120, 180].map(s => T0 + s * S)
    const obs = linear(times, T0 + 30 * S, T0 + 600 * S, 'in_progress')
    obs.unshift({ atMs: T0 - S, status: 'starting' })
    expect(estimateFinishMs(obs)).toBeDefined()
    expect(
      estimateFinishMs([...obs, { atMs: T0 + 240 * S, status: 'Complete', percentProgress: 100 }])
    ).toBe(undefined)
  })
})

describe('aiming at the finish', () => {
  test('the check after the last one before the estimate lands shortly after it', () => {
    const start = T0 + 360 * S
    const end = T0 + 1800 * S
    const obs: Observation[] = []
    let t = T0
    let landed: { eta: number; at: number } | undefined
    while (t < end) {
      obs.push(...linear([t], start, end))
      const eta = estimateFinishMs(obs)
      const d = nextPollDelayMs({
        waitStartMs: T0,
        nowMs: t,
        maxIntervalMs: 60 * S,
        observations: obs
      })
      if (eta !== undefined && t < eta && t + d >= eta) landed = { eta, at: t + d }
      t += d
    }
    expect(landed).toBeDefined()
    expect(landed!.at - landed!.eta).toBeGreaterThanOrEqual(0)
    expect(landed!.at - landed!.eta).toBeLessThanOrEqual(15 * S)
    // Noticed well within the 30 s target, with about one check a minute before: no schedule
    // with 60 s gaps can do with fewer than 1 + 1800 / 60 = 31 checks; the fast first ones add 3.
    expect(t - end).toBeLessThanOrEqual(15 * S)
    expect(obs.length + 1).toBeLessThanOrEqual(34)
  })

  test('far from the estimate, gaps stay at the max', () => {
    const start = T0 + 600 * S
    const end = T0 + 6 * 3600 * S
    const times = Array.from({ length: 40 }, (_, i) => T0 + i * 60 * S)
    const obs = linear(times, start, end)
    const now = times[times.length - 1]!
    const d = nextPollDelayMs({
      waitStartMs: T0,
      nowMs: now,
      maxIntervalMs: 60 * S,
      observations: obs
    })
    // Full gaps while the aim is more than two away: the estimate still moves.
    expect(d).toBe(60 * S)
  })

  test('the gap shortens to land just after a near estimate', () => {
    // 1% per 10 s, 95% at the last check: about 45-55 s left.
    const obs: Observation[] = Array.from({ length: 20 }, (_, i) => ({
      atMs: T0 + i * 50 * S,
      status: 'IN_PROGRESS',
      percentProgress: 5 * i
    }))
    const now = obs[obs.length - 1]!.atMs
    const eta = estimateFinishMs(obs)!
    expect((eta - now) / S).toBeGreaterThan(40)
    expect((eta - now) / S).toBeLessThan(60)
    const d = nextPollDelayMs({
      waitStartMs: T0,
      nowMs: now,
      maxIntervalMs: 120 * S,
      observations: obs
    })
    expect(now + d).toBeGreaterThan(eta)
    expect(now + d - eta).toBeLessThan(15 * S)
  })
})

describe('tail mode', () => {
  const sampled = (stuckFrom: number, until: number, step: number): Observation[] => {
    const obs: Observation[] = []
    for (let s = 0; s <= until; s += step) {
      obs.push({
        atMs: T0 + s * S,
        status: 'IN_PROGRESS',
        percentProgress: Math.min(99, Math.floor(s / 10), Math.floor(stuckFrom / 10))
      })
    }
    return obs
  }

  /** The gap the schedule picks right after the last of these checks, at a 60 s maximum. */
  const delayAfterLast = (obs: Observation[]): number =>
    nextPollDelayMs({
      waitStartMs: T0,
      nowMs: obs[obs.length - 1]!.atMs,
      maxIntervalMs: 60 * S,
      observations: obs
    })

  test('checks come more often once the estimate has passed', () => {
    // 1% per 10 s until 99% at 990 s; still IN_PROGRESS at 1040 s.
    const obs = sampled(1000, 1040, 20)
    const d = delayAfterLast(obs)
    expect(d).toBe(10 * S)
  })

  test('then back off toward the max', () => {
    const obs = sampled(1000, 2400, 20)
    const d = delayAfterLast(obs)
    expect(d).toBe(60 * S)
  })

  test('a fresh estimate after a slowdown leaves tail mode', () => {
    // Progress slowed (99% reached late): the estimate from the new rate lies ahead again.
    const obs = sampled(1000, 900, 60)
    const d = delayAfterLast(obs)
    expect(d).toBeGreaterThan(10 * S)
  })
})

describe('statuses compare case-insensitively', () => {
  test('lower-case statuses schedule like upper-case ones', () => {
    const times = Array.from({ length: 30 }, (_, i) => T0 + i * 60 * S)
    const upper = linear(times, T0 + 300 * S, T0 + 2400 * S)
    const lower = upper.map(o => ({ ...o, status: o.status.toLowerCase() }))
    const now = times[times.length - 1]!
    const args = { waitStartMs: T0, nowMs: now, maxIntervalMs: 60 * S }
    expect(estimateFinishMs(lower)).toBe(estimateFinishMs(upper))
    expect(estimateFinishMs(lower)).toBeDefined()
    expect(nextPollDelayMs({ ...args, observations: lower })).toBe(
      nextPollDelayMs({ ...args, observations: upper })
    )
  })
})
