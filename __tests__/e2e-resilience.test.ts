// End-to-end: long waits that stay alive. Credentials that expire mid-wait (each refresh must
// fetch a new OIDC token), faults of RDS during the wait, and an account whose five export slots
// are taken. The bundled action runs against a fresh stand-in per test.
import { describe, expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import type { RequestLogEntry, StandInOptions, TaskSeed } from '../test/standin/index.js'
import {
  ACCOUNT,
  REGION,
  countOf,
  logWatcher,
  rdsCalls,
  runStep,
  sha256,
  snapshotArn,
  startInputs,
  withStandIn
} from '../test/support/e2e.js'

const PROD: StandInOptions = {
  region: REGION,
  account: ACCOUNT,
  timeScale: 60,
  // 2 s STARTING, 6 s IN_PROGRESS.
  timeline: { startingSeconds: 120, inProgressSeconds: 360, outcome: 'COMPLETE', totalGb: 40 },
  snapshots: [{ identifier: 'prod-before-upgrade', instanceIdentifier: 'prod' }]
}

const waitInputs = (extra: Record<string, string> = {}): Record<string, string> =>
  startInputs({
    'db-snapshot-identifier': 'prod-before-upgrade',
    'export-task-identifier': 'prod-export',
    wait: 'true',
    'poll-interval-seconds': '5',
    ...extra
  })

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
  test.concurrent(
    'credentials expiring mid-wait: short-lived role credentials: every refresh assumes the role again with a new OIDC token',
    () =>
      // Credentials live 4 s and OIDC tokens 6 s: a reused token would be refused by STS.
      withStandIn(
        { ...PROD, credentialLifetimeSeconds: 4, oidc: { lifetimeSeconds: 6 } },
        async standIn => {
          // Bounded, so that an action that stops refreshing fails here in seconds.
          const step = await runStep(standIn, waitInputs({ 'wait-timeout-minutes': '0.5' }))
          expect(step.errors).toEqual([])
          expect(step.exitCode).toBe(0)
          expect(step.outputs.status).toBe('COMPLETE')

          const assumes = step.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
          expect(assumes.length).toBeGreaterThan(1)
          expectFreshTokenPerAssumeRole(step.requests, standIn.issuedSecrets())
          const keys = new Set(rdsCalls(step.requests).map(r => r.accessKeyId))
          expect(keys.size).toBeGreaterThan(1)
          for (const key of keys) expect(key).toMatch(/^ASIA/)
        }
      ),
    60_000
  )

  test.concurrent(
    'credentials expiring mid-wait: the clock jumps past the credentials’ expiry: ExpiredToken, then a new token, role and client',
    () =>
      // Real time here (timeScale 1): the jump of 1000 s leaves the export a few seconds to run.
      withStandIn(
        {
          ...PROD,
          timeScale: 1,
          timeline: { startingSeconds: 2, inProgressSeconds: 1006, outcome: 'COMPLETE' }
        },
        async standIn => {
          const watcher = logWatcher()
          const stepDone = runStep(
            standIn,
            waitInputs({ 'role-duration-seconds': '900', 'wait-timeout-minutes': '0.5' }),
            {
              onOutput: watcher.onOutput
            }
          )
          await watcher.until(log => /IN_PROGRESS \d+%/.test(log))
          // 1000 s later for the stand-in: the credentials (900 s) and the OIDC token (300 s)
          // have expired, though the action's clock says neither has.
          standIn.advance(1000)
          const step = await stepDone

          expect(step.errors).toEqual([])
          expect(step.exitCode).toBe(0)
          expect(step.outputs.status).toBe('COMPLETE')
          const expired = step.requests.filter(r => r.code === 'ExpiredToken')
          expect(expired.length).toBeGreaterThan(0)
          const assumes = step.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
          expect(assumes).toHaveLength(2)
          expect(step.requests.indexOf(assumes[1]!)).toBeGreaterThan(
            step.requests.indexOf(expired[0]!)
          )
          expectFreshTokenPerAssumeRole(step.requests, standIn.issuedSecrets())
          // After the renewal, RDS calls carry the new key and succeed.
          const last = step.requests.at(-1)
          expect(last).toMatchObject({ action: 'DescribeExportTasks', status: 200 })
          expect(last?.accessKeyId).not.toBe(expired[0]?.accessKeyId)
          expect(step.warnings.join('\n')).toMatch(/ExpiredToken|expired/i)
        }
      ),
    60_000
  )

  test.concurrent(
    'faults during the wait (throttling, 500, 503, connection reset, slow answers) still end COMPLETE',
    () =>
      withStandIn(PROD, async standIn => {
        const watcher = logWatcher()
        const stepDone = runStep(standIn, waitInputs(), { onOutput: watcher.onOutput })
        await watcher.until(log => /STARTING 0%/.test(log))
        const action = 'DescribeExportTasks'
        standIn.injectFault({ action, kind: 'throttle', times: 3 })
        standIn.injectFault({ action, kind: 'http500', times: 1 })
        standIn.injectFault({ action, kind: 'http503', times: 1 })
        standIn.injectFault({ action, kind: 'reset', times: 2 })
        standIn.injectFault({ action, kind: 'slow', delayMs: 3000, times: 1 })
        const step = await stepDone

        expect(step.errors).toEqual([])
        expect(step.exitCode).toBe(0)
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
        expect(step.requests.at(-1)).toMatchObject({ action, status: 200 })
      }),
    60_000
  )

  /** Five exports of other teams; the first ends `firstEndsIn` scenario seconds from now. */
  const busy = (firstEndsIn: number): TaskSeed[] =>
    Array.from({ length: 5 }, (_, i) => ({
      identifier: `analytics-nightly-${i + 1}`,
      sourceArn: snapshotArn(`analytics-${i + 1}`),
      s3Bucket: 'analytics-team-exports',
      startedSecondsAgo: 600,
      timeline: {
        startingSeconds: 60,
        inProgressSeconds: (i === 0 ? firstEndsIn : 6000) + 540,
        outcome: 'COMPLETE' as const
      }
    }))

  test.concurrent(
    'export slots: five busy exports: the start waits for a slot, logs it, and starts only after one ended',
    () =>
      withStandIn({ ...PROD, tasks: busy(480) }, async standIn => {
        const step = await runStep(
          standIn,
          startInputs({
            'db-snapshot-identifier': 'prod-before-upgrade',
            'poll-interval-seconds': '5'
          })
        )
        expect(step.errors).toEqual([])
        expect(step.exitCode).toBe(0)
        expect(step.log).toMatch(/5 export tasks are active .*waiting for a free slot/)
        expect(step.log).toMatch(/export slot is free/)

        const starts = step.requests.filter(r => r.action === 'StartExportTask')
        expect(starts).toHaveLength(1)
        expect(starts[0]?.status).toBe(200)
        const freed = standIn.task('analytics-nightly-1')?.TaskEndTime?.getTime() ?? Infinity
        expect(starts[0]?.time.getTime()).toBeGreaterThanOrEqual(freed)
        expect(standIn.task('analytics-nightly-2')?.Status).toBe('IN_PROGRESS')
        expect(step.outputs.status).toBe('STARTING')
      }),
    60_000
  )

  test.concurrent(
    'export slots: SIGINT while waiting for a slot ends the step at once, nothing started',
    () =>
      withStandIn({ ...PROD, tasks: busy(6000) }, async standIn => {
        const watcher = logWatcher()
        let child: ChildProcess | undefined
        const stepDone = runStep(
          standIn,
          startInputs({ 'db-snapshot-identifier': 'prod-before-upgrade' }),
          { onSpawn: c => (child = c), onOutput: watcher.onOutput }
        )
        await watcher.until(log => /waiting for a free slot/.test(log))
        child?.kill('SIGINT')
        const step = await stepDone
        expect(step.exitCode).toBe(1)
        expect(step.signal).toBeNull()
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/cancelled.*nothing was started/)
        expect(countOf(step.requests, 'StartExportTask')).toBe(0)
        expect(standIn.tasks()).toHaveLength(5)
      }),
    60_000
  )

  test.concurrent(
    'export slots: no slot within wait-timeout-minutes: fails naming the timeout, nothing started',
    () =>
      withStandIn({ ...PROD, tasks: busy(6000) }, async standIn => {
        const step = await runStep(
          standIn,
          startInputs({
            'db-snapshot-identifier': 'prod-before-upgrade',
            'poll-interval-seconds': '5',
            'wait-timeout-minutes': '0.1'
          })
        )
        expect(step.exitCode).toBe(1)
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/wait-timeout-minutes/)
        expect(step.errors[0]).toMatch(/nothing was started/)
        expect(countOf(step.requests, 'StartExportTask')).toBe(0)
        expect(standIn.tasks()).toHaveLength(5)
      }),
    60_000
  )
})
