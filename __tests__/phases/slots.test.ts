import { describe, expect, test } from '@jest/globals'
import type { LoopDeps } from '../../src/loop.js'
import { waitForExportSlot } from '../../src/phases/slots.js'
import { virtualClock } from '../../__fixtures__/clock.js'

type SlotDeps = LoopDeps & { countActive: () => Promise<number> }

function deps(activeAt: (ms: number) => number, abort = new AbortController().signal) {
  const { clock, now, date, sleep } = virtualClock()
  const log: string[] = []
  const counts: number[] = []
  const d: SlotDeps = {
    countActive: async () => {
      const n = activeAt(clock.ms)
      counts.push(n)
      return n
    },
    now,
    date,
    sleep,
    info: line => log.push(line),
    warning: line => log.push(`warning: ${line}`),
    abort
  }
  return { d, clock, log, counts }
}

const options = { maxConcurrentExports: 5, deadlineMs: 3_600_000, maxIntervalMs: 60_000 }

describe('waitForExportSlot', () => {
  test('a free slot: one count, no waiting, no log', async () => {
    const { d, counts, log, clock } = deps(() => 2)
    await waitForExportSlot(d, d, options)
    expect(counts).toEqual([2])
    expect(log).toEqual([])
    expect(clock.ms).toBe(0)
  })

  test('five busy exports: waits with a log line until one ends', async () => {
    const { d, log, clock } = deps(ms => (ms < 20 * 60_000 ? 5 : 4))
    await waitForExportSlot(d, d, options)
    expect(clock.ms).toBeGreaterThanOrEqual(20 * 60_000)
    expect(clock.ms).toBeLessThan(21 * 60_000 + 1)
    expect(log[0]).toMatch(/5 export tasks are active .*waiting for a free slot/)
    expect(log.at(-1)).toMatch(/slot is free/)
  })

  test('a lower max-concurrent-exports is honoured', async () => {
    const { d, clock } = deps(ms => (ms < 60_000 ? 2 : 1))
    await waitForExportSlot(d, d, { ...options, maxConcurrentExports: 2 })
    expect(clock.ms).toBeGreaterThanOrEqual(60_000)
  })

  test('bounded by the wait timeout: fails saying nothing was started', async () => {
    const { d, clock } = deps(() => 5)
    await expect(waitForExportSlot(d, d, { ...options, deadlineMs: 10 * 60_000 })).rejects.toThrow(
      /No export slot became free .*nothing was started/
    )
    expect(clock.ms).toBe(10 * 60_000)
  })

  test('transient count failures keep waiting', async () => {
    let calls = 0
    const { d } = deps(() => 4)
    d.countActive = async () => {
      calls++
      if (calls < 3) throw Object.assign(new Error('busy'), { name: 'Throttling' })
      return 4
    }
    await waitForExportSlot(d, d, options)
    expect(calls).toBe(3)
  })

  test('cancelling the run stops the slot wait', async () => {
    const controller = new AbortController()
    controller.abort()
    const { d } = deps(() => 5, controller.signal)
    await expect(waitForExportSlot(d, d, options)).rejects.toThrow(/cancelled/)
  })
})

test('a count the caller already read is used for the first check', async () => {
  const { d, counts, log } = deps(() => 4)
  await waitForExportSlot(d, d, { ...options, activeNow: 5 })
  expect(counts).toEqual([4])
  expect(log[0]).toMatch(/5 export tasks are active/)
})
