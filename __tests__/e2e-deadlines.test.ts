// End-to-end, answers that never finish: each service's answer dripped a byte at a time (the
// status and headers at once, so the SDK's own header deadline never fires). Every call has a
// deadline from connecting to the last byte, 30 s for RDS, STS and Glue and 60 s for an S3 read:
// these runs take that long on purpose, and end soon after it with one error, or as documented.
import { describe, expect, test } from '@jest/globals'
import type { FaultRule, StandInOptions } from '../test/standin/index.js'
import { PROD_APPDB } from '../test/support/accounts.js'
import { countOf, runStep, startInputs, withStandIn } from '../test/support/e2e.js'
import {
  expectFailure,
  expectSuccess,
  runStepTimed,
  EXITS_AFTER_ERROR_MS
} from '../test/support/e2e-tests.js'

/** A byte a second: any answer here (a hundred bytes at least) outlasts its deadline. */
const DRIP_MS = 1000

const dripping = (rule: Omit<FaultRule, 'kind' | 'times'>): StandInOptions => ({
  ...PROD_APPDB,
  faults: [{ ...rule, kind: 'drip', dripMs: DRIP_MS, times: Infinity }]
})

const inputs = (extra: Record<string, string> = {}) =>
  startInputs({
    'db-instance-identifier': 'prod',
    'export-task-identifier': 'prod-export',
    wait: 'true',
    'poll-interval-seconds': '5',
    ...extra
  })

/** The step's own time beyond the deadline: starting, the export, the other calls. */
const SLACK_MS = 25_000

/** A test that spawns the action for up to `deadlineMs` and more. */
function slow(name: string, deadlineMs: number, fn: () => Promise<void>): void {
  test.concurrent(name, fn, deadlineMs + 2 * SLACK_MS)
}

describe('an answer dripped a byte at a time ends at its call’s deadline', () => {
  slow('STS AssumeRoleWithWebIdentity: one error naming it and the 30 s deadline', 30_000, () =>
    withStandIn(dripping({ action: 'AssumeRoleWithWebIdentity' }), async standIn => {
      const step = await runStepTimed(standIn, inputs(), { timeoutMs: 30_000 + SLACK_MS })
      expectFailure(
        step,
        /^AssumeRoleWithWebIdentity \(arn:aws:iam::\d+:role\/[\w-]+\) failed: DeadlineExceeded: no complete answer within 30 s/,
        /Hint: .*sent its answer too slowly/
      )
      // Cut off once, not tried again by the SDK; nothing else was called.
      expect(countOf(step.requests, 'AssumeRoleWithWebIdentity')).toBe(1)
      expect(step.requests.filter(r => r.service === 'rds')).toEqual([])
      expect(step.wallMs).toBeGreaterThanOrEqual(29_000)
      expect(step.summary).toMatch(/^## ❌/)
      // Nothing of the call is left to hold the process.
      expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
    })
  )

  slow(
    'StartExportTask: cut off at 30 s, then found started by DescribeExportTasks and waited for',
    30_000,
    () =>
      withStandIn(dripping({ action: 'StartExportTask' }), async standIn => {
        const step = await runStep(standIn, inputs(), { timeoutMs: 30_000 + SLACK_MS })
        // As for any answer that could not be read: RDS is asked whether the task started.
        expectSuccess(step)
        expect(step.log).toContain("StartExportTask's answer could not be read")
        expect(step.outputs.status).toBe('COMPLETE')
        expect(countOf(step.requests, 'StartExportTask')).toBe(1)
        expect(standIn.task('prod-export')).toBeDefined()
      })
  )

  slow('Glue GetDatabase: one error naming it and the 30 s deadline', 30_000, () =>
    withStandIn(dripping({ service: 'glue' }), async standIn => {
      const step = await runStepTimed(standIn, inputs({ 'glue-database': 'exports' }), {
        timeoutMs: 30_000 + SLACK_MS
      })
      expectFailure(step, /GetDatabase failed: DeadlineExceeded: no complete answer within 30 s/)
      // The export itself is done, and said so.
      expect(step.outputs.status).toBe('COMPLETE')
      expect(countOf(step.requests, 'GetDatabase')).toBe(1)
      expect(standIn.glue.databaseNames()).toEqual([])
      expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
    })
  )

  slow(
    'S3 GetObject (tables-report: true): one error naming it and the 60 s deadline',
    60_000,
    () =>
      withStandIn(dripping({ action: 'GetObject' }), async standIn => {
        const step = await runStepTimed(standIn, inputs({ 'tables-report': 'true' }), {
          timeoutMs: 60_000 + SLACK_MS
        })
        expectFailure(
          step,
          /GetObject failed: DeadlineExceeded: no complete answer within 60 s/,
          /tables of export task 'prod-export' can't be reported/
        )
        expect(step.outputs.status).toBe('COMPLETE')
        expect(step.wallMs).toBeGreaterThanOrEqual(59_000)
        expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
      })
  )

  slow('the OIDC token request: 3 attempts of 10 s, then one error with a hint', 34_000, () =>
    withStandIn(dripping({ action: 'OIDC' }), async standIn => {
      const step = await runStepTimed(standIn, inputs(), { timeoutMs: 34_000 + SLACK_MS })
      expectFailure(
        step,
        /^Getting the GitHub OIDC token failed: .*no complete answer within 10 s/,
        /Hint: The runner's OIDC token service/
      )
      expect(countOf(step.requests, 'OIDC')).toBe(3)
      expect(step.requests.filter(r => r.service !== 'oidc')).toEqual([])
      expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
    })
  )

  test.concurrent(
    'DescribeExportTasks while waiting: the wait budget still ends a check in flight',
    () =>
      withStandIn(dripping({ action: 'DescribeExportTasks' }), async standIn => {
        const step = await runStep(standIn, inputs({ 'wait-timeout-minutes': '0.15' }))
        expectFailure(step, /prod-export/, /wait-timeout-minutes: 0\.15/)
        // 9 s of budget, well before any call's own deadline.
        expect(step.wallMs).toBeLessThan(25_000)
      }),
    60_000
  )
})
