import { describe, expect, test } from '@jest/globals'
import { poll, sleep, TIMER_MAX_MS, timerMs, type LoopDeps } from '../src/loop.js'
import { virtualClock } from '../__fixtures__/clock.js'

test('sleep resolves after its time', async () => {
  const start = Date.now()
  await sleep(20, new AbortController().signal)
  expect(Date.now() - start).toBeGreaterThanOrEqual(15)
})

test('a cancelled run cuts the sleep short', async () => {
  const controller = new AbortController()
  const slept = sleep(60_000, controller.signal)
  controller.abort()
  await expect(slept).resolves.toBeUndefined()
})

test('an already cancelled run does not sleep at all', async () => {
  const controller = new AbortController()
  controller.abort()
  await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined()
})

describe('timers past what Node holds (2^31-1 ms)', () => {
  test('timerMs caps a delay at TIMER_MAX_MS and never goes below 0', () => {
    expect(timerMs(99_999 * 60_000)).toBe(TIMER_MAX_MS)
    expect(timerMs(TIMER_MAX_MS)).toBe(TIMER_MAX_MS)
    expect(timerMs(-5)).toBe(0)
    expect(timerMs(1.2)).toBe(2)
  })

  test('a sleep longer than a timer holds still sleeps (Node would fire it after 1 ms)', async () => {
    const controller = new AbortController()
    let woke = false
    const slept = sleep(40_000 * 60_000, controller.signal).then(() => (woke = true))
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(woke).toBe(false)
    controller.abort()
    await slept
    expect(woke).toBe(true)
  })
})

describe('poll: the budget holds whatever a check does', () => {
  function loopDeps(abort = new AbortController().signal) {
    const { clock, now, date, sleep } = virtualClock(Date.UTC(2026, 10, 25))
    const deps: LoopDeps = {
      now,
      date,
      sleep,
      info: () => undefined,
      warning: () => undefined,
      abort
    }
    return { deps, clock }
  }
  const forever = {
    operation: 'DescribeExportTasks',
    done: () => false,
    nextDelayMs: () => 1_000,
    maxIntervalMs: 1_000
  }

  test('a check in flight at the deadline is aborted, and the wait ends as timed out', async () => {
    const { deps } = loopDeps()
    let aborted = false
    const result = await poll(deps, {
      ...forever,
      deadlineMs: 20,
      check: signal =>
        new Promise<number>((_, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true
            reject(signal.reason)
          })
        )
    })
    expect(result.end).toBe('timeout')
    expect(aborted).toBe(true)
  })

  test.each([40_000, 99_999])(
    'a budget of %d minutes, past what a timer holds, neither ends a check early nor throws',
    async minutes => {
      const { deps } = loopDeps()
      const result = await poll(deps, {
        ...forever,
        done: (value: number) => value === 1,
        deadlineMs: minutes * 60_000,
        check: () => new Promise<number>(resolve => setTimeout(() => resolve(1), 30))
      })
      expect(result).toEqual({ end: 'done', value: 1 })
    }
  )

  test('a check that ignores its signal still cannot hold the wait past its budget', async () => {
    const { deps } = loopDeps()
    const result = await poll(deps, {
      ...forever,
      deadlineMs: 20,
      check: () => new Promise<number>(() => undefined)
    })
    expect(result).toEqual({ end: 'timeout', value: undefined })
  })

  test('cancelling the run aborts a check in flight', async () => {
    const controller = new AbortController()
    const { deps } = loopDeps(controller.signal)
    setTimeout(() => controller.abort(), 10)
    const result = await poll(deps, {
      ...forever,
      deadlineMs: 3_600_000,
      check: () => new Promise<number>(() => undefined)
    })
    expect(result.end).toBe('aborted')
  })

  test('the budget is on the monotonic clock: the wall clock jumping either way moves nothing', async () => {
    const { deps, clock } = loopDeps()
    let jump = 0
    deps.date = () => new Date(Date.UTC(2026, 10, 25) + clock.ms + jump)
    const checks: number[] = []
    const result = await poll(deps, {
      ...forever,
      deadlineMs: 10_000,
      check: async () => {
        jump = checks.length % 2 ? -3_600_000 : 6 * 3_600_000
        checks.push(clock.ms)
        return 1
      }
    })
    expect(result.end).toBe('timeout')
    expect(clock.ms).toBe(10_000)
    expect(checks).toHaveLength(11)
  })
})
