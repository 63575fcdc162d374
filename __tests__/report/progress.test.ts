import { describe, test, expect } from '@jest/globals'
import type { ExportTask } from '@aws-sdk/client-rds'
import {
  changedSinceLast,
  formatDuration,
  formatProgressLine,
  progressBar
} from '../../src/report/progress.js'
import { cases } from '../../__fixtures__/cases.js'

describe('formatDuration', () => {
  cases('%p ms is %p', formatDuration, [
    [0, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [60_000, '1m 00s'],
    [750_000, '12m 30s'],
    [3_599_000, '59m 59s'],
    [3_600_000, '1h 00m'],
    [3_720_000, '1h 02m'],
    [19_800_000, '5h 30m'],
    [-5000, '0s'],
    [NaN, '0s']
  ])
})

describe('progressBar', () => {
  test('fills in proportion and shows the percent', () => {
    expect(progressBar(42)).toBe('████████░░░░░░░░░░░░ 42%')
    expect(progressBar(0)).toBe('░░░░░░░░░░░░░░░░░░░░ 0%')
    expect(progressBar(100)).toBe('████████████████████ 100%')
    expect(progressBar(50, 10)).toBe('█████░░░░░ 50%')
  })

  test('clamps to 0-100', () => {
    expect(progressBar(150)).toBe('████████████████████ 100%')
    expect(progressBar(-3)).toBe('░░░░░░░░░░░░░░░░░░░░ 0%')
    expect(progressBar(NaN)).toBe('░░░░░░░░░░░░░░░░░░░░ 0%')
  })
})

describe('formatProgressLine', () => {
  const now = new Date('2026-05-01T08:47:12.345Z')

  test('time, status, percent, GB, elapsed, time left', () => {
    const task: ExportTask = {
      Status: 'in_progress',
      PercentProgress: 42,
      TotalExtractedDataInGB: 110
    }
    expect(
      formatProgressLine({ now, task, elapsedMs: 750_000, remainingMs: 17 * 60_000 + 10_000 })
    ).toBe('08:47:12Z IN_PROGRESS 42% 110 GB elapsed 12m 30s, about 17m left')
  })

  test('without an estimate or numbers', () => {
    expect(formatProgressLine({ now, task: { Status: 'STARTING' }, elapsedMs: 8000 })).toBe(
      '08:47:12Z STARTING elapsed 8s'
    )
    expect(formatProgressLine({ now, task: {}, elapsedMs: 0 })).toBe('08:47:12Z UNKNOWN elapsed 0s')
  })

  test('rough time left: seconds, minutes, hours', () => {
    const task: ExportTask = { Status: 'IN_PROGRESS', PercentProgress: 99 }
    const line = (remainingMs: number) =>
      formatProgressLine({ now, task, elapsedMs: 3_720_000, remainingMs })
    expect(line(40_000)).toBe('08:47:12Z IN_PROGRESS 99% elapsed 1h 02m, about 40s left')
    expect(line(3_900_000)).toBe('08:47:12Z IN_PROGRESS 99% elapsed 1h 02m, about 1h 05m left')
    expect(line(-5000)).toBe('08:47:12Z IN_PROGRESS 99% elapsed 1h 02m, about 0s left')
  })
})

describe('changedSinceLast', () => {
  const base: ExportTask = {
    Status: 'IN_PROGRESS',
    PercentProgress: 10,
    TotalExtractedDataInGB: 5
  }

  test('the first check is always a change', () => {
    expect(changedSinceLast(undefined, base)).toBe(true)
  })

  test('the same task, or only the case of the status, is no change', () => {
    expect(changedSinceLast(base, { ...base })).toBe(false)
    expect(changedSinceLast(base, { ...base, Status: 'in_progress' })).toBe(false)
    expect(changedSinceLast(base, { ...base, TaskStartTime: new Date() })).toBe(false)
  })

  test.each<[string, ExportTask]>([
    ['status', { Status: 'COMPLETE' }],
    ['percent', { PercentProgress: 11 }],
    ['GB', { TotalExtractedDataInGB: 6 }],
    ['failure cause', { FailureCause: 'KMS key check failed' }],
    ['warning', { WarningMessage: '{"general":[]}' }]
  ])('a new %s is a change', (_name, patch) => {
    expect(changedSinceLast(base, { ...base, ...patch })).toBe(true)
  })
})
