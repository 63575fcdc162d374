// End-to-end: waiting for the export (wait: true, mode: wait / status / cancel, timeouts and the
// runner cancelling the run) through the bundled action against a fresh stand-in per test.
// Timelines are compressed (timeScale): a scenario minute passes in a real second.
import { describe, expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import type { StandInOptions, TaskSeed } from '../test/standin/index.js'
import {
  ACCOUNT,
  BUCKET,
  REGION,
  calls,
  countOf,
  logWatcher,
  rdsCalls,
  runStep,
  snapshotArn,
  startInputs,
  withStandIn
} from '../test/support/e2e.js'

/** Scenario seconds per real second: STARTING 120 s and IN_PROGRESS 360 s take 8 real seconds. */
const SCALE = 60

const PROD: StandInOptions = {
  region: REGION,
  account: ACCOUNT,
  timeScale: SCALE,
  timeline: { startingSeconds: 120, inProgressSeconds: 360, outcome: 'COMPLETE', totalGb: 263 },
  snapshots: [
    { identifier: 'prod-before-upgrade', instanceIdentifier: 'prod' },
    { identifier: 'prod-weekly', instanceIdentifier: 'prod' }
  ]
}

/** An export that runs far longer than any wait here (100 real seconds). */
const LONG: StandInOptions = {
  ...PROD,
  timeline: { startingSeconds: 60, inProgressSeconds: 6000, outcome: 'COMPLETE' }
}

const waitInputs = (extra: Record<string, string> = {}): Record<string, string> =>
  startInputs({
    'db-snapshot-identifier': 'prod-before-upgrade',
    'export-task-identifier': 'prod-export',
    wait: 'true',
    'poll-interval-seconds': '5',
    ...extra
  })

/** A task of our own that is already running (seeded), for the other modes. */
const running = (identifier: string, extra: Partial<TaskSeed> = {}): TaskSeed => ({
  identifier,
  sourceArn: snapshotArn('prod-before-upgrade'),
  s3Bucket: BUCKET,
  startedSecondsAgo: 180,
  timeline: { startingSeconds: 60, inProgressSeconds: 6000 },
  ...extra
})

const progressLines = (log: string): string[] =>
  log.split('\n').filter(line => /^\d\d:\d\d:\d\dZ [A-Z_]+ \d+%/.test(line))

describe('waiting', () => {
  test.concurrent(
    'logs rising percentages and ends COMPLETE, noticed within seconds, with outputs and summary',
    () =>
      withStandIn(PROD, async standIn => {
        const step = await runStep(standIn, waitInputs())
        const stepEnd = Date.now()

        expect(step.errors).toEqual([])
        expect(step.exitCode).toBe(0)
        expect(step.outputs).toMatchObject({
          'export-task-identifier': 'prod-export',
          status: 'COMPLETE',
          'percent-progress': '100',
          'total-extracted-data-in-gb': '263',
          's3-uri': `s3://${BUCKET}/prod-export/`
        })
        expect(step.outputs['task-end-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

        const lines = progressLines(step.log)
        const percents = lines.map(line => Number(/ (\d+)%/.exec(line)?.[1]))
        expect(lines[0]).toMatch(/STARTING/)
        expect(lines.at(-1)).toMatch(/COMPLETE 100%/)
        expect(lines.some(line => /IN_PROGRESS [1-9]\d?%/.test(line))).toBe(true)
        expect(percents).toEqual([...percents].sort((a, b) => a - b))

        expect(step.summary).toContain('prod-export')
        expect(step.summary).toContain('COMPLETE')
        expect(step.summary).toContain(`s3://${BUCKET}/prod-export/`)

        // Noticed within a few seconds of the stand-in's end (poll-interval-seconds: 5).
        const endedAt = standIn.task('prod-export')?.TaskEndTime?.getTime() ?? NaN
        expect(stepEnd - endedAt).toBeLessThan(8_000)
        // And with modest polling: no more checks than one per second of the wait.
        const describes = countOf(step.requests, 'DescribeExportTasks')
        expect(describes).toBeLessThan(step.wallMs / 1000 + 3)
      }),
    60_000
  )

  test.concurrent(
    'FAILED: failure-cause output, the cause in the error line, exit 1',
    () =>
      withStandIn(
        {
          ...PROD,
          timeline: {
            startingSeconds: 60,
            inProgressSeconds: 60,
            outcome: 'FAILED',
            failureCause:
              "The export task failed because the IAM role isn't authorized to call s3:PutObject on the S3 bucket."
          }
        },
        async standIn => {
          const step = await runStep(standIn, waitInputs())
          expect(step.exitCode).toBe(1)
          expect(step.outputs.status).toBe('FAILED')
          expect(step.outputs['failure-cause']).toMatch(/isn't authorized to call s3:PutObject/)
          expect(step.errors).toHaveLength(1)
          expect(step.errors[0]).toContain('prod-export')
          expect(step.errors[0]).toMatch(/isn't authorized to call s3:PutObject/)
          expect(step.errors[0]).toMatch(/Hint: .*s3:PutObject/)
          expect(step.summary).toMatch(/FAILED/)
          expect(step.summary).toMatch(/s3:PutObject/)
        }
      ),
    60_000
  )

  test.concurrent(
    'COMPLETE with a warning: the warning is shown readably; fail-on-warning fails the step',
    () =>
      withStandIn(
        {
          ...PROD,
          timeline: { startingSeconds: 60, inProgressSeconds: 60, outcome: 'COMPLETE_WITH_WARNING' }
        },
        async standIn => {
          const [plain, strict] = await Promise.all([
            runStep(standIn, waitInputs()),
            runStep(
              standIn,
              waitInputs({
                'db-snapshot-identifier': 'prod-weekly',
                'export-task-identifier': 'prod-weekly-export',
                'fail-on-warning': 'true'
              })
            )
          ])
          expect(plain.exitCode).toBe(0)
          expect(plain.outputs['warning-message']).toMatch(/FAILED_TO_EXTRACT_TABLES_LIST/)
          expect(plain.warnings.join('\n')).toMatch(/FAILED_TO_EXTRACT_TABLES_LIST/)
          expect(plain.summary).not.toContain('{"skippedTables"')
          expect(strict.exitCode).toBe(1)
          expect(strict.outputs.status).toBe('COMPLETE')
          expect(strict.errors).toHaveLength(1)
          expect(strict.errors[0]).toMatch(/prod-weekly-export.*fail-on-warning/)
        }
      ),
    60_000
  )

  test.concurrent(
    'wait-timeout-minutes: 0.1, on-timeout: fail: exit 1, the export keeps running, nothing cancelled',
    () =>
      withStandIn(LONG, async standIn => {
        const step = await runStep(standIn, waitInputs({ 'wait-timeout-minutes': '0.1' }))
        expect(step.exitCode).toBe(1)
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/prod-export.*still IN_PROGRESS/)
        expect(step.errors[0]).toContain('wait-timeout-minutes')
        expect(step.outputs.status).toBe('IN_PROGRESS')
        expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
        expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
        expect(step.summary).toContain('prod-export')
        // The wait lasted about 6 s, not the export's 100 s.
        expect(step.wallMs).toBeLessThan(30_000)
      }),
    60_000
  )

  test.concurrent(
    'wait-timeout-minutes: 0.1, on-timeout: continue: the step succeeds, outputs show the running export',
    () =>
      withStandIn(LONG, async standIn => {
        const step = await runStep(
          standIn,
          waitInputs({ 'wait-timeout-minutes': '0.1', 'on-timeout': 'continue' })
        )
        expect(step.errors).toEqual([])
        expect(step.exitCode).toBe(0)
        expect(step.outputs.status).toBe('IN_PROGRESS')
        expect(Number(step.outputs['percent-progress'])).toBeGreaterThanOrEqual(0)
        expect(step.outputs['task-end-time']).toBe('')
        expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
        expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
      }),
    60_000
  )

  test.concurrent(
    'wait-timeout-minutes: 0.1, on-timeout: cancel: the export is cancelled and the step fails',
    () =>
      withStandIn(LONG, async standIn => {
        const step = await runStep(
          standIn,
          waitInputs({ 'wait-timeout-minutes': '0.1', 'on-timeout': 'cancel' })
        )
        expect(step.exitCode).toBe(1)
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/prod-export/)
        expect(step.errors[0]).toMatch(/cancel/i)
        const cancel = step.requests.filter(r => r.action === 'CancelExportTask')
        expect(cancel).toHaveLength(1)
        expect(cancel[0]?.params.ExportTaskIdentifier).toBe('prod-export')
        expect(cancel[0]?.status).toBe(200)
        expect(['CANCELING', 'CANCELED']).toContain(step.outputs.status)
        expect(['CANCELING', 'CANCELED']).toContain(standIn.task('prod-export')?.Status)
      }),
    60_000
  )

  test.concurrent.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while waiting cancels the export, writes summary and outputs, exits 1 well within 7.5 s',
    signal =>
      withStandIn(LONG, async standIn => {
        const watcher = logWatcher()
        let child: ChildProcess | undefined
        let signalledAt = 0
        const stepDone = runStep(standIn, waitInputs(), {
          onSpawn: c => (child = c),
          onOutput: watcher.onOutput
        })
        // Once it waits (a progress line is out and the export is running), cancel the run.
        await watcher.until(log => /IN_PROGRESS \d+%/.test(log))
        signalledAt = Date.now()
        child?.kill(signal)
        const step = await stepDone
        const exitedAfterMs = Date.now() - signalledAt

        expect(step.exitCode).toBe(1)
        expect(step.signal).toBeNull() // it exited by itself, not killed
        expect(exitedAfterMs).toBeLessThan(7_500)
        const cancel = step.requests.filter(r => r.action === 'CancelExportTask')
        expect(cancel).toHaveLength(1)
        expect(cancel[0]?.status).toBe(200)
        expect(cancel[0]?.time.getTime()).toBeGreaterThanOrEqual(signalledAt - 50)
        expect(['CANCELING', 'CANCELED']).toContain(standIn.task('prod-export')?.Status)
        expect(step.errors).toHaveLength(1)
        expect(step.errors[0]).toMatch(/cancelled/i)
        expect(step.outputs['export-task-identifier']).toBe('prod-export')
        expect(step.outputs.status).toBe('CANCELING')
        expect(step.summary).toContain('prod-export')
        expect(step.summary).toMatch(/cancel/i)
      }),
    60_000
  )

  test.concurrent(
    'SIGINT with cancel-on-abort: false stops waiting and leaves the export running',
    () =>
      withStandIn(LONG, async standIn => {
        const watcher = logWatcher()
        let child: ChildProcess | undefined
        const stepDone = runStep(standIn, waitInputs({ 'cancel-on-abort': 'false' }), {
          onSpawn: c => (child = c),
          onOutput: watcher.onOutput
        })
        await watcher.until(log => /IN_PROGRESS \d+%/.test(log))
        child?.kill('SIGINT')
        const step = await stepDone
        expect(step.exitCode).toBe(1)
        expect(step.signal).toBeNull()
        expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
        expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
        expect(step.errors[0]).toMatch(/keeps running/)
        expect(step.outputs.status).toBe('IN_PROGRESS')
      }),
    60_000
  )

  test.concurrent(
    'statuses answered in lower case are normalized: the wait ends, outputs are upper case',
    () =>
      withStandIn({ ...PROD, lowercaseStatus: true }, async standIn => {
        const step = await runStep(standIn, waitInputs())
        expect(step.errors).toEqual([])
        expect(step.exitCode).toBe(0)
        expect(step.outputs.status).toBe('COMPLETE')
        expect(step.warnings).toEqual([])
      }),
    60_000
  )

  test.concurrent(
    'chaining: mode start, then mode wait with the first step’s export-task-identifier',
    () =>
      withStandIn(PROD, async standIn => {
        const inputs = startInputs({ 'db-instance-identifier': 'prod' })
        const started = await runStep(standIn, inputs)
        expect(started.exitCode).toBe(0)
        const id = started.outputs['export-task-identifier'] ?? ''
        expect(id).not.toBe('')
        expect(started.outputs.status).toBe('STARTING')

        // A later job: only the identifier and the credentials carry over.
        const waited = await runStep(standIn, {
          mode: 'wait',
          'export-task-identifier': id,
          'role-to-assume': inputs['role-to-assume'] ?? '',
          'poll-interval-seconds': '5'
        })
        expect(waited.errors).toEqual([])
        expect(waited.exitCode).toBe(0)
        expect(waited.outputs).toMatchObject({
          'export-task-identifier': id,
          status: 'COMPLETE',
          'percent-progress': '100',
          's3-uri': started.outputs['s3-uri'],
          'source-arn': started.outputs['source-arn']
        })
        expect(countOf(waited.requests, 'StartExportTask')).toBe(0)
        expect(new Set(rdsCalls(waited.requests).map(r => r.action))).toEqual(
          new Set(['DescribeExportTasks'])
        )
        expect(progressLines(waited.log).at(-1)).toMatch(/COMPLETE 100%/)
      }),
    60_000
  )

  test.concurrent(
    'mode: status reads the task once and sets the outputs, even for a FAILED task',
    () =>
      withStandIn(
        {
          ...PROD,
          tasks: [
            running('nightly-running', {
              status: 'IN_PROGRESS',
              percentProgress: 42,
              totalExtractedDataInGB: 17
            }),
            running('nightly-failed', {
              status: 'FAILED',
              failureCause: 'The S3 bucket isn\u2019t located in the current AWS Region.'
            })
          ]
        },
        async standIn => {
          const status = (id: string) =>
            runStep(standIn, { mode: 'status', 'export-task-identifier': id }, { staticKeys: true })
          const active = await status('nightly-running')
          const failed = await status('nightly-failed')
          for (const step of [active, failed]) {
            expect(step.errors).toEqual([])
            expect(step.exitCode).toBe(0)
            expect(calls(step.requests)).toEqual(['rds:DescribeExportTasks'])
          }
          expect(active.outputs).toMatchObject({
            'export-task-identifier': 'nightly-running',
            status: 'IN_PROGRESS',
            'percent-progress': '42',
            'total-extracted-data-in-gb': '17',
            's3-uri': `s3://${BUCKET}/nightly-running/`
          })
          expect(failed.outputs.status).toBe('FAILED')
          expect(failed.outputs['failure-cause']).toMatch(/current AWS Region/)
        }
      ),
    60_000
  )

  test.concurrent(
    'mode: cancel cancels a running task; with wait: true it waits until CANCELED',
    () =>
      withStandIn(
        { ...PROD, tasks: [running('nightly-a'), running('nightly-b')] },
        async standIn => {
          // One at a time: each step's slice of the request log is its own.
          const plain = await runStep(
            standIn,
            { mode: 'cancel', 'export-task-identifier': 'nightly-a' },
            { staticKeys: true }
          )
          const waiting = await runStep(
            standIn,
            {
              mode: 'cancel',
              'export-task-identifier': 'nightly-b',
              wait: 'true',
              'poll-interval-seconds': '5'
            },
            { staticKeys: true }
          )
          for (const [step, id] of [
            [plain, 'nightly-a'],
            [waiting, 'nightly-b']
          ] as const) {
            expect(step.errors).toEqual([])
            expect(step.exitCode).toBe(0)
            const cancels = step.requests.filter(r => r.action === 'CancelExportTask')
            expect(cancels.map(r => [r.params.ExportTaskIdentifier, r.status])).toEqual([[id, 200]])
          }
          expect(plain.outputs.status).toBe('CANCELING')
          expect(waiting.outputs.status).toBe('CANCELED')
          expect(standIn.task('nightly-b')?.Status).toBe('CANCELED')
        }
      ),
    60_000
  )

  test.concurrent(
    'mode: cancel of a task that already ended warns and succeeds; an unknown task fails',
    () =>
      withStandIn(
        {
          ...PROD,
          tasks: [running('nightly-done', { status: 'COMPLETE', totalExtractedDataInGB: 5 })]
        },
        async standIn => {
          const step = (mode: string, id: string) =>
            runStep(standIn, { mode, 'export-task-identifier': id }, { staticKeys: true })
          const ended = await step('cancel', 'nightly-done')
          const unknown = await step('cancel', 'nightly-nope')
          const waitUnknown = await step('wait', 'nightly-nope')
          expect(ended.exitCode).toBe(0)
          expect(ended.errors).toEqual([])
          expect(ended.warnings.join('\n')).toMatch(/nightly-done.*COMPLETE/)
          expect(countOf(ended.requests, 'CancelExportTask')).toBe(0)
          expect(ended.outputs.status).toBe('COMPLETE')

          for (const step of [unknown, waitUnknown]) {
            expect(step.exitCode).toBe(1)
            expect(step.errors).toHaveLength(1)
            expect(step.errors[0]).toMatch(/'export-task-identifier'.*nightly-nope/)
            expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
          }
        }
      ),
    60_000
  )
})
