// End-to-end hardening through the bundle: data that looks like runner commands, wall-clock
// jumps during a wait, and a cancelled run while mode cancel waits. Every run's log is also read
// the way the runner reads it (runStep fails on a command the action did not mean to give).
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import {
  ACCOUNT,
  REGION,
  logWatcher,
  runStep,
  snapshotArn,
  startInputs,
  withStandIn
} from '../test/support/e2e.js'
import { runnerCommands } from '../test/support/runner.js'

const PROD: StandInOptions = {
  region: REGION,
  account: ACCOUNT,
  timeScale: 60,
  // An export that runs for hours of scenario time: every wait here ends by its budget.
  timeline: { startingSeconds: 60, inProgressSeconds: 36_000, outcome: 'COMPLETE' },
  snapshots: [{ identifier: 'prod-before-upgrade', instanceIdentifier: 'prod' }]
}

const CLOCK_JUMP = resolve('test/support/clock-jump.mjs')

describe('data never becomes a runner command', () => {
  test.concurrent(
    "an s3-prefix holding '##[error]' is logged as text, not as an annotation",
    () =>
      withStandIn(PROD, async standIn => {
        const step = await runStep(
          standIn,
          startInputs({
            'source-arn': snapshotArn('prod-before-upgrade'),
            's3-prefix': 'nightly ##[error]PWNED'
          })
        )
        expect(step.exitCode).toBe(0)
        expect(step.errors).toEqual([])
        expect(step.log).toContain('PWNED')
        expect(runnerCommands(step.log).filter(c => c.data.includes('PWNED'))).toEqual([])
        expect(step.outputs['s3-prefix']).toBe(
          `nightly ##[error]PWNED/${step.outputs['export-task-identifier']}/`
        )
      }),
    60_000
  )
})

describe('wait budgets run on the monotonic clock', () => {
  const jumped = (jumpMs: number) =>
    withStandIn(PROD, standIn =>
      runStep(
        standIn,
        startInputs({
          'source-arn': snapshotArn('prod-before-upgrade'),
          wait: 'true',
          'wait-timeout-minutes': '0.15',
          'poll-interval-seconds': '5'
        }),
        {
          env: {
            NODE_OPTIONS: `--import=${CLOCK_JUMP}`,
            CLOCK_JUMP_AFTER_MS: '2000',
            CLOCK_JUMP_MS: String(jumpMs)
          }
        }
      )
    )
  const waitedSeconds = (error: string | undefined): number =>
    Number(/after (\d+)s/.exec(error ?? '')?.[1] ?? -1)

  test.concurrent(
    'the wall clock jumping 6 hours ahead mid-wait does not end the wait early',
    async () => {
      const step = await jumped(6 * 3_600_000)
      expect(step.exitCode).toBe(1)
      expect(step.errors[0]).toMatch(
        /still (STARTING|IN_PROGRESS) after \d+s \(wait-timeout-minutes: 0.15\)/
      )
      // 9 s of budget, less the start: far more than the 2 s before the jump.
      expect(waitedSeconds(step.errors[0])).toBeGreaterThanOrEqual(5)
    },
    60_000
  )

  test.concurrent(
    'the wall clock jumping an hour back mid-wait does not stretch the wait',
    async () => {
      const step = await jumped(-3_600_000)
      expect(step.exitCode).toBe(1)
      expect(step.errors[0]).toMatch(/still (STARTING|IN_PROGRESS) after \d+s/)
      expect(waitedSeconds(step.errors[0])).toBeLessThan(60)
    },
    60_000
  )
})

describe('mode cancel with wait', () => {
  test.concurrent(
    'the run cancelled while it waits for CANCELED: exit 1, its summary, and no second cancel',
    () =>
      withStandIn({ ...PROD, cancelSeconds: 36_000 }, async standIn => {
        standIn.addTask({
          identifier: 'nightly-7',
          sourceArn: snapshotArn('prod-before-upgrade'),
          timeline: { startingSeconds: 0, inProgressSeconds: 36_000, outcome: 'COMPLETE' }
        })
        const watcher = logWatcher()
        let child: ChildProcess | undefined
        const stepDone = runStep(
          standIn,
          {
            mode: 'cancel',
            wait: 'true',
            'export-task-identifier': 'nightly-7',
            'role-to-assume': startInputs()['role-to-assume'] ?? ''
          },
          { onSpawn: c => (child = c), onOutput: watcher.onOutput }
        )
        await watcher.until(log => /CANCELING/.test(log) && /elapsed/.test(log))
        child?.kill('SIGINT')
        const step = await stepDone
        expect(step.exitCode).toBe(1)
        expect(step.signal).toBeNull()
        expect(step.requests.filter(r => r.action === 'CancelExportTask')).toHaveLength(1)
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/run was cancelled .*'nightly-7'; status CANCELING/)
        expect(step.summary).toMatch(/Run canceled while waiting/)
      }),
    60_000
  )
})
