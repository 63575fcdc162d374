// End-to-end: waiting for the export (wait: true, mode: wait / status / cancel, timeouts and the
// runner cancelling the run) through the bundled action against a fresh stand-in per test.
// Timelines are compressed (timeScale): a scenario minute passes in a real second.
import { describe, expect, test } from '@jest/globals'
import { LONG, PROD, running, waitInputs } from '../test/support/accounts.js'
import {
  BUCKET,
  calls,
  countOf,
  rdsCalls,
  runStep,
  startInputs,
  withStandIn
} from '../test/support/e2e.js'
import {
  E2E_TIMEOUT_MS,
  e2e,
  expectFailure,
  expectSuccess,
  runStepUntil
} from '../test/support/e2e-tests.js'

const progressLines = (log: string): string[] =>
  log.split('\n').filter(line => /^\d\d:\d\d:\d\dZ [A-Z_]+ \d+%/.test(line))

/** A wait bounded to 6 seconds. */
const SHORT_WAIT = { 'wait-timeout-minutes': '0.1' }

/** The export is seen running: a progress line of IN_PROGRESS is out. */
const WAITING = /IN_PROGRESS \d+%/

/** The outputs of a task seen at this status and progress, exported to BUCKET under its id. */
const taskOutputs = (id: string, status: string, percent: number, gb: number) => ({
  'export-task-identifier': id,
  status,
  'percent-progress': String(percent),
  'total-extracted-data-in-gb': String(gb),
  's3-uri': `s3://${BUCKET}/${id}/`
})

describe('waiting', () => {
  e2e(
    'logs rising percentages and ends COMPLETE, noticed within seconds, with outputs and summary',
    PROD,
    async standIn => {
      const step = await runStep(standIn, waitInputs())
      const stepEnd = Date.now()

      expectSuccess(step)
      expect(step.outputs).toMatchObject(taskOutputs('prod-export', 'COMPLETE', 100, 263))
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
    }
  )

  e2e(
    'FAILED: failure-cause output, the cause in the error line, exit 1',
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
      expect(step.outputs.status).toBe('FAILED')
      expect(step.outputs['failure-cause']).toMatch(/isn't authorized to call s3:PutObject/)
      expectFailure(
        step,
        'prod-export',
        /isn't authorized to call s3:PutObject/,
        /Hint: .*s3:PutObject/
      )
      expect(step.summary).toMatch(/FAILED/)
      expect(step.summary).toMatch(/s3:PutObject/)
    }
  )

  e2e(
    'COMPLETE with a warning: the warning is shown readably; fail-on-warning fails the step',
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
      expect(strict.outputs.status).toBe('COMPLETE')
      expectFailure(strict, /prod-weekly-export.*fail-on-warning/)
    }
  )

  e2e(
    'wait-timeout-minutes: 0.1, on-timeout: fail: exit 1, the export keeps running, nothing cancelled',
    LONG,
    async standIn => {
      const step = await runStep(standIn, waitInputs(SHORT_WAIT))
      expectFailure(step, /prod-export.*still IN_PROGRESS/, 'wait-timeout-minutes')
      expect(step.outputs.status).toBe('IN_PROGRESS')
      expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
      expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
      expect(step.summary).toContain('prod-export')
      // The wait lasted about 6 s, not the export's 100 s.
      expect(step.wallMs).toBeLessThan(30_000)
    }
  )

  e2e(
    'wait-timeout-minutes: 0.1, on-timeout: continue: the step succeeds, outputs show the running export',
    LONG,
    async standIn => {
      const step = await runStep(standIn, waitInputs({ ...SHORT_WAIT, 'on-timeout': 'continue' }))
      expectSuccess(step)
      expect(step.outputs.status).toBe('IN_PROGRESS')
      expect(Number(step.outputs['percent-progress'])).toBeGreaterThanOrEqual(0)
      expect(step.outputs['task-end-time']).toBe('')
      expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
      expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
    }
  )

  e2e(
    'wait-timeout-minutes: 0.1, on-timeout: cancel: the export is cancelled and the step fails',
    LONG,
    async standIn => {
      const step = await runStep(standIn, waitInputs({ ...SHORT_WAIT, 'on-timeout': 'cancel' }))
      expectFailure(step, /prod-export/, /cancel/i)
      const cancel = step.requests.filter(r => r.action === 'CancelExportTask')
      expect(cancel).toHaveLength(1)
      expect(cancel[0]?.params.ExportTaskIdentifier).toBe('prod-export')
      expect(cancel[0]?.status).toBe(200)
      expect(['CANCELING', 'CANCELED']).toContain(step.outputs.status)
      expect(['CANCELING', 'CANCELED']).toContain(standIn.task('prod-export')?.Status)
    }
  )

  e2e(
    'AccessDenied from DescribeExportTasks mid-wait: the error, outputs and summary keep the last state seen',
    LONG,
    async standIn => {
      // Once a check has shown the export IN_PROGRESS, every further check is refused.
      const step = await runStepUntil(standIn, waitInputs(), /IN_PROGRESS [1-9]\d*%/, () =>
        standIn.injectFault({
          action: 'DescribeExportTasks',
          kind: 'error',
          code: 'AccessDenied',
          status: 403,
          times: Infinity
        })
      )
      const last = progressLines(step.log).at(-1) ?? ''
      const percent = /IN_PROGRESS (\d+)%/.exec(last)?.[1]
      expect(percent).toBeDefined()
      expectFailure(step, /AccessDenied|not authorized/i, "'prod-export' was IN_PROGRESS")
      expect(step.outputs.status).toBe('IN_PROGRESS')
      expect(step.outputs['percent-progress']).toBe(percent)
      expect(step.summary).toMatch(/<summary>Timeline \(2 changes\)<\/summary>/)
      expect(step.summary).toMatch(/\| IN\\_PROGRESS \| \d+% \|/)
    }
  )

  test.concurrent.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while waiting cancels the export, writes summary and outputs, exits 1 well within 7.5 s',
    signal =>
      withStandIn(LONG, async standIn => {
        // Once it waits (a progress line is out and the export is running), cancel the run.
        const step = await runStepUntil(standIn, waitInputs(), WAITING, c => c.kill(signal))
        const exitedAfterMs = Date.now() - step.actedAt

        expect(step.signal).toBeNull() // it exited by itself, not killed
        expect(exitedAfterMs).toBeLessThan(7_500)
        const cancel = step.requests.filter(r => r.action === 'CancelExportTask')
        expect(cancel).toHaveLength(1)
        expect(cancel[0]?.status).toBe(200)
        expect(cancel[0]?.time.getTime()).toBeGreaterThanOrEqual(step.actedAt - 50)
        expect(['CANCELING', 'CANCELED']).toContain(standIn.task('prod-export')?.Status)
        expectFailure(step, /cancelled/i)
        expect(step.outputs['export-task-identifier']).toBe('prod-export')
        expect(step.outputs.status).toBe('CANCELING')
        expect(step.summary).toContain('prod-export')
        expect(step.summary).toMatch(/cancel/i)
      }),
    E2E_TIMEOUT_MS
  )

  e2e(
    'SIGINT with cancel-on-abort: false stops waiting and leaves the export running',
    LONG,
    async standIn => {
      const inputs = waitInputs({ 'cancel-on-abort': 'false' })
      const step = await runStepUntil(standIn, inputs, WAITING, c => c.kill('SIGINT'))
      expect(step.exitCode).toBe(1)
      expect(step.signal).toBeNull()
      expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
      expect(standIn.task('prod-export')?.Status).toBe('IN_PROGRESS')
      expect(step.errors[0]).toMatch(/keeps running/)
      expect(step.outputs.status).toBe('IN_PROGRESS')
    }
  )

  e2e(
    'statuses answered in lower case are normalized: the wait ends, outputs are upper case',
    { ...PROD, lowercaseStatus: true },
    async standIn => {
      const step = await runStep(standIn, waitInputs())
      expectSuccess(step)
      expect(step.outputs.status).toBe('COMPLETE')
      expect(step.warnings).toEqual([])
    }
  )

  e2e(
    'chaining: mode start, then mode wait with the first step’s export-task-identifier',
    PROD,
    async standIn => {
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
      expectSuccess(waited)
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
    }
  )

  e2e(
    'mode: status reads the task once and sets the outputs, even for a FAILED task',
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
        expectSuccess(step)
        expect(calls(step.requests)).toEqual(['rds:DescribeExportTasks'])
      }
      expect(active.outputs).toMatchObject(taskOutputs('nightly-running', 'IN_PROGRESS', 42, 17))
      expect(failed.outputs.status).toBe('FAILED')
      expect(failed.outputs['failure-cause']).toMatch(/current AWS Region/)
    }
  )

  e2e(
    'mode: cancel cancels a running task; with wait: true it waits until CANCELED',
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
        expectSuccess(step)
        const cancels = step.requests.filter(r => r.action === 'CancelExportTask')
        expect(cancels.map(r => [r.params.ExportTaskIdentifier, r.status])).toEqual([[id, 200]])
      }
      expect(plain.outputs.status).toBe('CANCELING')
      expect(waiting.outputs.status).toBe('CANCELED')
      expect(standIn.task('nightly-b')?.Status).toBe('CANCELED')
    }
  )

  e2e(
    'mode: cancel of a task that already ended warns and succeeds; an unknown task fails',
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
      expectSuccess(ended)
      expect(ended.warnings.join('\n')).toMatch(/nightly-done.*COMPLETE/)
      expect(countOf(ended.requests, 'CancelExportTask')).toBe(0)
      expect(ended.outputs.status).toBe('COMPLETE')

      for (const step of [unknown, waitUnknown]) {
        expectFailure(step, /'export-task-identifier'.*nightly-nope/)
        expect(countOf(step.requests, 'CancelExportTask')).toBe(0)
      }
    }
  )
})
