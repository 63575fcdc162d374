import { describe, expect, jest, test } from '@jest/globals'
import type { ExportTask } from '../../src/aws/types.js'
import { waitForExport as waitWith, type WaitOptions } from '../../src/phases/wait.js'
import type { WatchDeps } from '../../src/phases/watch.js'
import { RunRecord } from '../../src/record.js'
import { virtualClock } from '../../__fixtures__/clock.js'

/** The loop's deps, the record and the two RDS calls of the wait, as one object to patch. */
interface WaitDeps extends WatchDeps {
  describe: (signal: AbortSignal) => Promise<ExportTask | undefined>
  cancel: (signal: AbortSignal) => Promise<ExportTask>
}

function waitForExport(deps: WaitDeps, options: WaitOptions) {
  const api = {
    describe: (_identifier: string, signal?: AbortSignal) => deps.describe(signal!),
    cancel: (_identifier: string, signal?: AbortSignal) => deps.cancel(signal!)
  }
  return waitWith(api, deps, options)
}

const HOUR = 3_600_000

/**
 * A virtual clock and an export whose state is a function of that clock: sleeping advances
 * the clock, so a six-hour wait runs in milliseconds.
 */
function scenario(
  stateAt: (ms: number) => Partial<ExportTask>,
  overrides: Partial<WaitDeps> = {}
): { deps: WaitDeps; log: string[]; warnings: string[]; clock: { ms: number }; calls: number[] } {
  const { clock, now, date, sleep } = virtualClock()
  const log: string[] = []
  const warnings: string[] = []
  const calls: number[] = []
  const base = { ExportTaskIdentifier: 'nightly-1', S3Bucket: 'b', SourceArn: 'arn:src' }
  const deps: WaitDeps = {
    describe: async () => {
      calls.push(clock.ms)
      return { ...base, ...stateAt(clock.ms) }
    },
    cancel: async () => ({ ...base, ...stateAt(clock.ms), Status: 'CANCELING' }),
    now,
    date,
    sleep,
    info: line => log.push(line),
    warning: line => warnings.push(line),
    abort: new AbortController().signal,
    record: new RunRecord(),
    ...overrides
  }
  return { deps, log, warnings, clock, calls }
}

/** STARTING for a fifth of the time, then linear progress, then the given end. */
function linearExport(totalMs: number, end: Partial<ExportTask> = { Status: 'COMPLETE' }) {
  return (ms: number): Partial<ExportTask> => {
    if (ms < totalMs * 0.2) return { Status: 'STARTING', PercentProgress: 0 }
    if (ms < totalMs) {
      const percent = Math.floor(((ms - totalMs * 0.2) / (totalMs * 0.8)) * 100)
      return { Status: 'IN_PROGRESS', PercentProgress: percent, TotalExtractedDataInGB: percent }
    }
    return { PercentProgress: 100, TotalExtractedDataInGB: 100, ...end }
  }
}

const options = (task: Partial<ExportTask>, more: Partial<WaitOptions> = {}): WaitOptions => ({
  task: { ExportTaskIdentifier: 'nightly-1', ...task },
  deadlineMs: 6 * HOUR,
  maxIntervalMs: 60_000,
  onTimeout: 'fail',
  cancelOnAbort: true,
  ...more
})

describe('waitForExport ends', () => {
  test('a two-hour export ends COMPLETE, noticed soon after, with rising progress logged', async () => {
    const { deps, log, clock, calls } = scenario(linearExport(2 * HOUR))
    const result = await waitForExport(deps, options({ Status: 'STARTING' }))
    expect(result.outcome).toBe('complete')
    expect(result.task.PercentProgress).toBe(100)
    expect(clock.ms - 2 * HOUR).toBeLessThan(60_000)
    expect(deps.record.waitedMs).toBe(clock.ms)
    // Polls stay modest: far fewer than a fixed 30 s loop (240 calls).
    expect(calls.length).toBeLessThan(160)
    const percents = log
      .map(l => /(\d+)%/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number)
    expect(percents.length).toBeGreaterThan(5)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(deps.record.timeline.map(t => t.status)).toEqual(['STARTING', 'IN_PROGRESS', 'COMPLETE'])
    expect(deps.record.task).toBe(result.task)
  })

  test('FAILED ends the wait with the task and its cause', async () => {
    const { deps } = scenario(
      linearExport(10 * 60_000, { Status: 'FAILED', FailureCause: 'KMS key check failed' })
    )
    const result = await waitForExport(deps, options({ Status: 'STARTING' }))
    expect(result.outcome).toBe('failed')
    expect(result.task.FailureCause).toBe('KMS key check failed')
  })

  test('CANCELED ends the wait; statuses compare case-insensitively', async () => {
    const { deps } = scenario(ms => ({ Status: ms < 30_000 ? 'canceling' : 'canceled' }))
    const result = await waitForExport(deps, options({ Status: 'canceling' }))
    expect(result.outcome).toBe('canceled')
  })

  test('an already ended task returns at once without polling', async () => {
    const { deps, calls } = scenario(() => ({ Status: 'COMPLETE' }))
    const result = await waitForExport(deps, options({ Status: 'COMPLETE' }))
    expect(result.outcome).toBe('complete')
    expect(calls).toHaveLength(0)
  })

  test('an unknown status warns once and keeps polling', async () => {
    const { deps, warnings } = scenario(ms => ({ Status: ms < 120_000 ? 'PAUSED' : 'COMPLETE' }))
    const result = await waitForExport(deps, options({ Status: 'PAUSED' }))
    expect(result.outcome).toBe('complete')
    expect(warnings.filter(w => w.includes("'PAUSED'"))).toHaveLength(1)
  })
})

describe('timeouts', () => {
  const forever = () => ({ Status: 'IN_PROGRESS', PercentProgress: 10 })

  test('fail: ends at the deadline, export left running, no cancel', async () => {
    const cancel = jest.fn<WaitDeps['cancel']>()
    const { deps, clock } = scenario(forever, { cancel })
    const result = await waitForExport(
      deps,
      options({ Status: 'STARTING' }, { deadlineMs: 90 * 60_000 })
    )
    expect(result.outcome).toBe('timeout')
    expect(clock.ms).toBe(90 * 60_000)
    expect(cancel).not.toHaveBeenCalled()
  })

  test('decimal minutes: 0.5 minutes is thirty seconds', async () => {
    const { deps, clock } = scenario(forever)
    const result = await waitForExport(
      deps,
      options({ Status: 'STARTING' }, { deadlineMs: 0.5 * 60_000 })
    )
    expect(result.outcome).toBe('timeout')
    expect(clock.ms).toBe(30_000)
  })

  test('continue: ends at the deadline with the running state', async () => {
    const { deps, log } = scenario(forever)
    const result = await waitForExport(
      deps,
      options({ Status: 'STARTING' }, { deadlineMs: HOUR, onTimeout: 'continue' })
    )
    expect(result.outcome).toBe('timeout-continue')
    expect(result.task.Status).toBe('IN_PROGRESS')
    expect(log.join('\n')).toContain('keeps running')
  })

  test('cancel: cancels the export at the deadline', async () => {
    const cancel = jest.fn<WaitDeps['cancel']>(async () => ({ Status: 'CANCELING' }))
    const { deps } = scenario(forever, { cancel })
    const result = await waitForExport(
      deps,
      options({ Status: 'STARTING' }, { deadlineMs: HOUR, onTimeout: 'cancel' })
    )
    expect(result.outcome).toBe('timeout-cancel')
    expect(cancel).toHaveBeenCalledTimes(1)
    expect(result.task.Status).toBe('CANCELING')
    expect(deps.record.timeline.at(-1)?.status).toBe('CANCELING')
    expect(deps.record.task?.Status).toBe('CANCELING')
  })
})

describe('faults during a wait', () => {
  test('transient failures are retried with backoff and never end the wait', async () => {
    const shape = linearExport(HOUR)
    let failures = 0
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 }
    })
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const { deps, warnings, clock } = scenario(shape)
    const describeOk = deps.describe
    deps.describe = async signal => {
      // Every poll between 20 and 30 minutes fails, alternating throttling and resets.
      if (clock.ms > 20 * 60_000 && clock.ms < 30 * 60_000) {
        failures++
        throw failures % 2 ? throttled : reset
      }
      return describeOk(signal)
    }
    const result = await waitForExport(deps, options({ Status: 'STARTING' }))
    expect(result.outcome).toBe('complete')
    expect(failures).toBeGreaterThan(3)
    expect(warnings.some(w => w.includes('Throttling'))).toBe(true)
  })

  test('a permanent failure ends the wait at once', async () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 }
    })
    const { deps, calls } = scenario(linearExport(HOUR))
    deps.describe = async () => {
      calls.push(0)
      throw denied
    }
    await expect(waitForExport(deps, options({ Status: 'STARTING' }))).rejects.toBe(denied)
    expect(calls).toHaveLength(1)
  })

  test('a permanent failure after progress leaves the last task and the timeline in the record', async () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 }
    })
    const { deps, clock } = scenario(linearExport(HOUR))
    const describe = deps.describe
    deps.describe = async signal => {
      if (clock.ms > HOUR / 2) throw denied
      return describe(signal)
    }
    await expect(waitForExport(deps, options({ Status: 'STARTING' }))).rejects.toBe(denied)
    expect(deps.record.task?.Status).toBe('IN_PROGRESS')
    expect(deps.record.task?.PercentProgress).toBeGreaterThan(0)
    expect(deps.record.timeline.map(t => t.status)).toEqual(['STARTING', 'IN_PROGRESS'])
    expect(deps.record.waitedMs).toBeGreaterThan(0)
  })

  test('a task that disappears is an error', async () => {
    const { deps } = scenario(linearExport(HOUR))
    deps.describe = async () => undefined
    await expect(waitForExport(deps, options({ Status: 'STARTING' }))).rejects.toThrow(
      /no longer finds export task 'nightly-1'/
    )
  })
})

describe('cancellation of the run', () => {
  test('SIGINT while waiting cancels the export (cancel-on-abort)', async () => {
    const controller = new AbortController()
    const cancel = jest.fn<WaitDeps['cancel']>(async () => ({ Status: 'CANCELING' }))
    const { deps, clock } = scenario(linearExport(HOUR), { cancel, abort: controller.signal })
    const sleep = deps.sleep
    deps.sleep = async (ms, signal) => {
      await sleep(ms, signal)
      if (clock.ms > 10 * 60_000) controller.abort()
    }
    const result = await waitForExport(deps, options({ Status: 'STARTING' }))
    expect(result.outcome).toBe('aborted')
    expect(cancel).toHaveBeenCalledTimes(1)
    expect(result.task.Status).toBe('CANCELING')
  })

  test('without cancel-on-abort the export keeps running', async () => {
    const controller = new AbortController()
    controller.abort()
    const cancel = jest.fn<WaitDeps['cancel']>()
    const { deps, log } = scenario(linearExport(HOUR), { cancel, abort: controller.signal })
    const result = await waitForExport(
      deps,
      options({ Status: 'STARTING' }, { cancelOnAbort: false })
    )
    expect(result.outcome).toBe('aborted')
    expect(cancel).not.toHaveBeenCalled()
    expect(log.join('\n')).toContain('keeps running')
  })

  test('a cancel that fails is a warning, and the step still ends as aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const cancel = jest.fn<WaitDeps['cancel']>(async () => {
      throw Object.assign(new Error('ended'), { name: 'InvalidExportTaskStateFault' })
    })
    const { deps, warnings } = scenario(linearExport(HOUR), { cancel, abort: controller.signal })
    const result = await waitForExport(deps, options({ Status: 'STARTING' }))
    expect(result.outcome).toBe('aborted')
    expect(warnings.join('\n')).toContain('CancelExportTask failed')
  })
})
