// End-to-end, the step tells the whole truth however it ends: Glue asked for and not done is a
// failure that still shows the export COMPLETE; Glue failing or the run cancelled part-way names
// the Glue tables that were made; an answer about another task is never taken.
import { describe, expect } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import { manyTables } from '../test/standin/index.js'
import { PROD_APPDB, QUICK, exporting, waitInputs } from '../test/support/accounts.js'
import { runStep, type StepResult } from '../test/support/e2e.js'
import { e2e, expectFailure, runStepUntil } from '../test/support/e2e-tests.js'

const withGlue = (extra: Record<string, string> = {}) =>
  waitInputs({ 'glue-database': 'exports', ...extra })

/** The Glue table each entry of the `tables` output names. */
const glueTablesOf = (step: StepResult): string[] =>
  (JSON.parse(step.outputs.tables ?? '[]') as { 'glue-table'?: string }[])
    .flatMap(t => t['glue-table'] ?? [])
    .sort()

const AFTER_COMPLETE = /^## ❌ Export complete, then the step failed\n/

describe('Glue asked for and not done is not a success', () => {
  e2e(
    'glue-database and the export unreadable (tables-report: auto): the step fails, the export still COMPLETE',
    { ...PROD_APPDB, s3Refusals: [{ bucket: 'acme-db-exports' }] },
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectFailure(
        step,
        /can't be reported\. Nothing was registered in Glue \(glue-database: exports\)/,
        /s3:ListBucket/
      )
      expect(step.outputs.status).toBe('COMPLETE')
      expect(step.summary).toMatch(AFTER_COMPLETE)
      expect(step.summary).toContain('**prod-export** (COMPLETE')
      expect(step.requests.filter(r => r.service === 'glue')).toEqual([])
    }
  )

  e2e(
    'Glue refuses the third CreateTable on: COMPLETE, the tables, and the Glue tables made named',
    PROD_APPDB,
    async standIn => {
      standIn.injectFault({
        action: 'CreateTable',
        kind: 'error',
        code: 'AccessDeniedException',
        after: 2,
        times: Infinity
      })
      const step = await runStep(standIn, withGlue())
      expectFailure(step, /CreateTable failed: Injected AccessDeniedException/, /glue:CreateTable/)
      const made = [...standIn.glue.tableNames('exports')].sort()
      expect(made).toHaveLength(2)
      expect(glueTablesOf(step)).toEqual(made)
      expect(step.outputs.status).toBe('COMPLETE')
      expect(step.summary).toMatch(AFTER_COMPLETE)
      expect(step.summary).toContain('### Tables')
      expect(step.summary).toMatch(
        /Database exports \(created by this step\): 2 tables registered before the step stopped \(the others were not\)/
      )
      for (const name of made) expect(step.summary).toContain(`| ${name.replace(/_/g, '\\_')} |`)
    }
  )
})

describe('cancelled while registering in Glue', () => {
  // Forty tables, each CreateTable answered after 1 s, eight at a time: five seconds of Glue.
  const slowGlue: StandInOptions = {
    ...exporting(manyTables(40), QUICK),
    faults: [{ action: 'CreateTable', kind: 'slow', delayMs: 1_000, times: Infinity }]
  }

  e2e(
    'SIGINT: no new table begun, summary and outputs written, the tables registered named',
    slowGlue,
    async standIn => {
      // SIGINT once the first CreateTable reached Glue: registration is under way.
      let killedAt = NaN
      const step = await runStepUntil(standIn, withGlue(), /Tables: 40 complete/, child => {
        const timer = setInterval(() => {
          if (!standIn.requests.some(r => r.action === 'CreateTable')) return
          clearInterval(timer)
          killedAt = Date.now()
          child.kill('SIGINT')
        }, 20)
      })
      expect(step.signal).toBeNull() // it ended by itself, not killed
      expect(Date.now() - killedAt).toBeLessThan(7_500)
      const made = [...standIn.glue.tableNames('exports')].sort()
      expect(made.length).toBeGreaterThan(0)
      expect(made.length).toBeLessThan(40)
      expectFailure(
        step,
        `cancelled while registering tables in Glue database 'exports': ${made.length} of 40 registered`
      )
      expect(glueTablesOf(step)).toEqual(made)
      expect(step.outputs['tables-complete']).toBe('40')
      expect(step.summary).toMatch(AFTER_COMPLETE)
      expect(step.summary).toContain(`${made.length} tables registered before the step stopped`)
    }
  )
})

describe('an ending that cannot be written whole', () => {
  e2e(
    "RUNNER_TEMP gone, so the tables-file can't be written: one error, the other outputs and the summary still there",
    PROD_APPDB,
    async standIn => {
      const step = await runStep(standIn, waitInputs(), {
        env: { RUNNER_TEMP: '/nonexistent/runner-temp' }
      })
      expectFailure(step, /^Setting the outputs failed: ENOENT: no such file or directory/)
      expect(step.outputs.status).toBe('COMPLETE')
      expect(step.outputs['tables-complete']).toBe('6')
      expect(step.outputs['tables-file']).toBeUndefined()
      expect(step.summary).toMatch(/^## ❌ /)
      expect(step.summary).toContain('Setting the outputs failed')
    }
  )
})

describe("RDS's answer is about the task asked for", () => {
  e2e(
    "StartExportTask answering about '../../x': an error, never the identifier output",
    {
      ...QUICK,
      faults: [
        {
          action: 'StartExportTask',
          kind: 'craft',
          craft: { fields: { ExportTaskIdentifier: '../../x' } },
          times: 1
        }
      ]
    },
    async standIn => {
      const step = await runStep(standIn, waitInputs())
      expectFailure(
        step,
        "StartExportTask answered about export task '../../x' when asked about 'prod-export'"
      )
      expect(step.outputs['export-task-identifier']).toBeUndefined()
      expect(step.summary).not.toContain('../../x**')
    }
  )
})

describe('the summary reads right', () => {
  e2e(
    'the policy statement to add is a JSON code block; no task: the region in the lead, no details',
    { ...PROD_APPDB, s3Refusals: [{ bucket: 'acme-db-exports' }] },
    async standIn => {
      const [refused, noTask] = await Promise.all([
        runStep(standIn, waitInputs()),
        runStep(standIn, waitInputs({ 'db-snapshot-identifier': 'no-such-snapshot' }))
      ])
      expect(refused.exitCode).toBe(0)
      expect(refused.summary).toMatch(
        /\n- [^\n]*Add this statement to the calling role's policy \(or set tables-report: false\); the files are SSE-KMS encrypted:\n\n {2}```json\n {2}\[\n {4}\{\n {6}"Effect": "Allow",\n {6}"Action": "s3:ListBucket",/
      )
      expect(refused.summary).toMatch(
        /<summary>Timeline \((?:1 change|(?:[2-9]|\d{2,}) changes)\)<\/summary>/
      )
      expect(noTask.exitCode).toBe(1)
      expect(noTask.summary).toMatch(/_No export task to show\._ Region: \[us-east-1\]\(https:/)
      expect(noTask.summary).not.toContain('<details>')
    }
  )
})
