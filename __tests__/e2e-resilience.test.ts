// End-to-end: long waits that stay alive. Credentials that expire mid-wait (each refresh must
// fetch a new OIDC token), faults of RDS during the wait, and an account whose five export slots
// are taken. The bundled action runs against a fresh stand-in per test.
import { describe, expect } from '@jest/globals'
import type { RequestLogEntry } from '../test/standin/index.js'
import { PROD, busyTasks, waitInputs } from '../test/support/accounts.js'
import { rdsCalls, runStep, sha256, startInputs } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess, runStepUntil } from '../test/support/e2e-tests.js'

/**
 * Every AssumeRoleWithWebIdentity came with its own OIDC token, fetched just before from the
 * runner's endpoint and issued by it: no token is ever reused.
 */
function expectFreshTokenPerAssumeRole(requests: RequestLogEntry[], issued: string[]): void {
  const issuedHashes = new Set(issued.map(sha256))
  const assumes = requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
  const hashes = assumes.map(r => r.webIdentityTokenSha256)
  expect(new Set(hashes).size).toBe(assumes.length)
  for (const hash of hashes) expect(issuedHashes.has(hash ?? '')).toBe(true)
  for (const assume of assumes) {
    const before = requests[requests.indexOf(assume) - 1]
    expect(before).toMatchObject({ service: 'oidc', status: 200 })
    expect(assume.status).toBe(200)
  }
}

describe('long waits', () => {
  // Credentials live 4 s and OIDC tokens 6 s: a reused token would be refused by STS.
  e2e(
    'credentials expiring mid-wait: short-lived role credentials: every refresh assumes the role again with a new OIDC token',
    { ...PROD, credentialLifetimeSeconds: 4, oidc: { lifetimeSeconds: 6 } },
    async standIn => {
      // Bounded, so that an action that stops refreshing fails here in seconds.
      const step = await runStep(standIn, waitInputs({ 'wait-timeout-minutes': '0.5' }))
      expectSuccess(step)
      expect(step.outputs.status).toBe('COMPLETE')

      const assumes = step.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
      expect(assumes.length).toBeGreaterThan(1)
      expectFreshTokenPerAssumeRole(step.requests, standIn.issuedSecrets())
      const keys = new Set(rdsCalls(step.requests).map(r => r.accessKeyId))
      expect(keys.size).toBeGreaterThan(1)
      for (const key of keys) expect(key).toMatch(/^ASIA/)
    }
  )

  // Real time here (timeScale 1): the jump of 1000 s leaves the export a few seconds to run.
  e2e(
    'credentials expiring mid-wait: the clock jumps past the credentials’ expiry: ExpiredToken, then a new token, role and client',
    {
      ...PROD,
      timeScale: 1,
      timeline: { startingSeconds: 2, inProgressSeconds: 1006, outcome: 'COMPLETE' }
    },
    async standIn => {
      // 1000 s later for the stand-in: the credentials (900 s) and the OIDC token (300 s)
      // have expired, though the action's clock says neither has.
      const step = await runStepUntil(
        standIn,
        waitInputs({ 'role-duration-seconds': '900', 'wait-timeout-minutes': '0.5' }),
        /IN_PROGRESS \d+%/,
        () => standIn.advance(1000)
      )

      expectSuccess(step)
      expect(step.outputs.status).toBe('COMPLETE')
      const expired = step.requests.filter(r => r.code === 'ExpiredToken')
      expect(expired.length).toBeGreaterThan(0)
      const assumes = step.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
      expect(assumes).toHaveLength(2)
      expect(step.requests.indexOf(assumes[1]!)).toBeGreaterThan(step.requests.indexOf(expired[0]!))
      expectFreshTokenPerAssumeRole(step.requests, standIn.issuedSecrets())
      // After the renewal, RDS calls carry the new key and succeed.
      const last = rdsCalls(step.requests).at(-1)
      expect(last).toMatchObject({ action: 'DescribeExportTasks', status: 200 })
      expect(last?.accessKeyId).not.toBe(expired[0]?.accessKeyId)
      expect(step.warnings.join('\n')).toMatch(/ExpiredToken|expired/i)
    }
  )

  e2e(
    'faults during the wait (throttling, 500, 503, connection reset, slow answers) still end COMPLETE',
    PROD,
    async standIn => {
      const action = 'DescribeExportTasks'
      const step = await runStepUntil(standIn, waitInputs(), /STARTING 0%/, () => {
        standIn.injectFault({ action, kind: 'throttle', times: 3 })
        standIn.injectFault({ action, kind: 'http500', times: 1 })
        standIn.injectFault({ action, kind: 'http503', times: 1 })
        standIn.injectFault({ action, kind: 'reset', times: 2 })
        standIn.injectFault({ action, kind: 'slow', delayMs: 3000, times: 1 })
      })

      expectSuccess(step)
      expect(step.outputs).toMatchObject({ status: 'COMPLETE', 'percent-progress': '100' })
      const faults = step.requests.filter(r => r.fault).map(r => r.fault)
      expect(faults).toEqual([
        'throttle',
        'throttle',
        'throttle',
        'http500',
        'http503',
        'reset',
        'reset',
        'slow'
      ])
      // The SDK's own retries gave up at least once: the wait loop retried on its own.
      expect(step.warnings.join('\n')).toMatch(/transient/)
      expect(rdsCalls(step.requests).at(-1)).toMatchObject({ action, status: 200 })
    }
  )

  const startProd = (extra: Record<string, string> = {}): Record<string, string> =>
    startInputs({ 'db-snapshot-identifier': 'prod-before-upgrade', ...extra })

  e2e(
    'export slots: five busy exports: the start waits for a slot, logs it, and starts only after one ended',
    { ...PROD, tasks: busyTasks(3000) },
    async standIn => {
      // Once the step waits, the first busy export ends (it had 50 real seconds to go): however
      // long the action takes to start, all five are busy when it arrives.
      const inputs = startProd({ 'poll-interval-seconds': '5' })
      const step = await runStepUntil(standIn, inputs, /waiting for a free slot/, () =>
        standIn.advance(51)
      )
      expectSuccess(step)
      expect(step.log).toMatch(/5 export tasks are active .*waiting for a free slot/)
      expect(step.log).toMatch(/export slot is free/)

      // Refused at the limit first (the action then counts and waits), started once one ended.
      const starts = step.requests.filter(r => r.action === 'StartExportTask')
      expect(starts.map(r => r.status)).toEqual([400, 200])
      const freed = standIn.task('analytics-nightly-1')?.TaskEndTime?.getTime() ?? Infinity
      expect(starts[1]?.time.getTime()).toBeGreaterThanOrEqual(freed)
      expect(standIn.task('analytics-nightly-2')?.Status).toBe('IN_PROGRESS')
      expect(step.outputs.status).toBe('STARTING')
    }
  )

  e2e(
    'export slots: SIGINT while waiting for a slot ends the step at once, nothing started',
    { ...PROD, tasks: busyTasks(6000) },
    async standIn => {
      const step = await runStepUntil(standIn, startProd(), /waiting for a free slot/, c =>
        c.kill('SIGINT')
      )
      expect(step.signal).toBeNull()
      expectFailure(step, /cancelled.*nothing was started/)
      expect(step.requests.filter(r => r.action === 'StartExportTask' && r.status === 200)).toEqual(
        []
      )
      expect(standIn.tasks()).toHaveLength(5)
    }
  )

  e2e(
    'export slots: no slot within wait-timeout-minutes: fails naming the timeout, nothing started',
    { ...PROD, tasks: busyTasks(6000) },
    async standIn => {
      const step = await runStep(
        standIn,
        startProd({ 'poll-interval-seconds': '5', 'wait-timeout-minutes': '0.1' })
      )
      expectFailure(step, /wait-timeout-minutes/, /nothing was started/)
      expect(step.requests.filter(r => r.action === 'StartExportTask' && r.status === 200)).toEqual(
        []
      )
      expect(standIn.tasks()).toHaveLength(5)
    }
  )
})
