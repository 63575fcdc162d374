// Polling benchmark: how many DescribeExportTasks calls a wait makes and how late it notices
// COMPLETE, on a virtual clock (no sleeping). Run: npx tsx bench/polling.ts
//
// Model: an export of duration D (jittered ±10%) spends its first 20% in STARTING, then
// IN_PROGRESS with PercentProgress = floor(100 * share done), then COMPLETE. The share done grows
// linearly, or unevenly: piecewise linear over 5 random stretches whose rates differ up to 6x.
// The step begins waiting at a random moment in the first 20% of the export, and every check
// (the first included) counts as a call. Results are seeded and repeatable.

import { pathToFileURL } from 'node:url'
import { nextPollDelayMs, type Observation } from '../src/schedule.js'

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Curve = 'linear' | 'uneven'

interface Export {
  /** Ms after the export began: IN_PROGRESS starts, COMPLETE. */
  progressStartMs: number
  endMs: number
  /** Share done (0-1) at a share of the IN_PROGRESS time (0-1). */
  share: (x: number) => number
}

function makeExport(durationMs: number, curve: Curve, rand: () => number): Export {
  const d = durationMs * (0.9 + 0.2 * rand())
  const progressStartMs = 0.2 * d
  if (curve === 'linear') return { progressStartMs, endMs: d, share: x => x }
  const cuts = [0, ...Array.from({ length: 4 }, () => rand()).sort((a, b) => a - b), 1]
  const rates = Array.from({ length: 5 }, () => 0.3 + 1.5 * rand())
  const done = [0]
  for (let i = 0; i < 5; i++) done.push(done[i]! + rates[i]! * (cuts[i + 1]! - cuts[i]!))
  const total = done[5]!
  const share = (x: number): number => {
    let i = 0
    while (i < 4 && x > cuts[i + 1]!) i++
    return (done[i]! + rates[i]! * (x - cuts[i]!)) / total
  }
  return { progressStartMs, endMs: d, share }
}

function observe(e: Export, t: number): Observation {
  if (t >= e.endMs) return { atMs: t, status: 'COMPLETE', percentProgress: 100 }
  if (t < e.progressStartMs) return { atMs: t, status: 'STARTING', percentProgress: 0 }
  const x = (t - e.progressStartMs) / (e.endMs - e.progressStartMs)
  const p = Math.min(99, Math.floor(100 * e.share(x)))
  return { atMs: t, status: 'IN_PROGRESS', percentProgress: p }
}

/** A strategy: the delay after the check number `attempt` (1 = the first). */
type Delay = (observations: Observation[], waitStartMs: number, attempt: number) => number

function simulate(e: Export, waitStartMs: number, delay: Delay): { calls: number; lateMs: number } {
  const observations: Observation[] = []
  let t = waitStartMs
  for (;;) {
    const o = observe(e, t)
    observations.push(o)
    if (o.status === 'COMPLETE') return { calls: observations.length, lateMs: t - e.endMs }
    t += delay(observations, waitStartMs, observations.length)
  }
}

const ours =
  (maxIntervalMs: number): Delay =>
  (observations, waitStartMs) =>
    nextPollDelayMs({
      waitStartMs,
      nowMs: observations[observations.length - 1]!.atMs,
      maxIntervalMs,
      observations
    })

const fixed30: Delay = () => 30_000

/**
 * The fewest calls any schedule can make when no gap may exceed `maxIntervalMs` (what
 * poll-interval-seconds promises): it knows when the export ends, checks every max interval
 * and once exactly at the end. Not a strategy anyone can run: the floor for the others.
 */
const lowerBound =
  (e: Export, maxIntervalMs: number): Delay =>
  observations => {
    const left = e.endMs - observations[observations.length - 1]!.atMs
    return left > 0 ? Math.min(maxIntervalMs, left) : maxIntervalMs
  }

/** @smithy/util-waiter's exponentialBackoffWithJitter with minDelay 30 s, maxDelay 120 s. */
function sdkWaiter(rand: () => number): Delay {
  const min = 30_000
  const max = 120_000
  const ceiling = Math.log(max / min) / Math.log(2) + 1
  return (_o, _w, attempt) => {
    if (attempt > ceiling) return max
    const capped = Math.min(min * 2 ** (attempt - 1), max)
    return min + rand() * (capped - min)
  }
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

/** The strategy name of the floor row (bench/index.ts compares against it). */
export const LOWER_BOUND = 'floor: 60 s gaps, knows the end'

export interface BenchRow {
  duration: string
  curve: Curve
  strategy: string
  calls: number
  lateMedianS: number
  lateP95S: number
}

export function runPollingRows(runs = 400, seed = 20260501): BenchRow[] {
  const durations: [string, number][] = [
    ['5 min', 5 * 60_000],
    ['30 min', 30 * 60_000],
    ['2 h', 2 * 3_600_000],
    ['6 h', 6 * 3_600_000]
  ]
  const rows: BenchRow[] = []
  for (const [label, durationMs] of durations) {
    for (const curve of ['linear', 'uneven'] as Curve[]) {
      const strategies: [string, (rand: () => number, e: Export) => Delay][] = [
        ['fixed 30 s', () => fixed30],
        ['SDK waiter 30-120 s', sdkWaiter],
        ['schedule, max 60 s', () => ours(60_000)],
        ['schedule, max 30 s', () => ours(30_000)],
        ['schedule, max 90 s', () => ours(90_000)],
        ['schedule, max 120 s', () => ours(120_000)],
        [LOWER_BOUND, (_rand, e) => lowerBound(e, 60_000)]
      ]
      for (const [name, make] of strategies) {
        // The same exports and offsets for every strategy.
        const rand = prng(seed + durationMs + (curve === 'uneven' ? 1 : 0))
        const strategyRand = prng(seed ^ 0x5bd1e995)
        const calls: number[] = []
        const late: number[] = []
        for (let i = 0; i < runs; i++) {
          const e = makeExport(durationMs, curve, rand)
          const offset = rand() * e.progressStartMs
          const r = simulate(e, offset, make(strategyRand, e))
          calls.push(r.calls)
          late.push(r.lateMs)
        }
        late.sort((a, b) => a - b)
        rows.push({
          duration: label,
          curve,
          strategy: name,
          calls: calls.reduce((a, b) => a + b, 0) / runs,
          lateMedianS: quantile(late, 0.5) / 1000,
          lateP95S: quantile(late, 0.95) / 1000
        })
      }
    }
  }
  return rows
}

/** The benchmark as a markdown table. */
export function runPollingBench(runs = 400): string {
  const lines = [
    '| export | curve | strategy | calls (mean) | notice delay median | notice delay p95 |',
    '| --- | --- | --- | ---: | ---: | ---: |'
  ]
  for (const r of runPollingRows(runs)) {
    lines.push(
      `| ${r.duration} | ${r.curve} | ${r.strategy} | ${r.calls.toFixed(1)} | ` +
        `${r.lateMedianS.toFixed(1)} s | ${r.lateP95S.toFixed(1)} s |`
    )
  }
  return lines.join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(runPollingBench())
}
