// End-to-end, AWS misbehaving through the bundle: an answer that never comes, an answer the SDK
// can't read, and answers whose fields say things meant to become runner commands or summary
// markup. Each ends within its budget, says what happened, and loses nothing.
import { describe, expect } from '@jest/globals'
import { renderGfm } from '../scripts/gfm.js'
import type { StandInOptions } from '../test/standin/index.js'
import { QUICK } from '../test/support/accounts.js'
import { countOf, runStep, snapshotArn, startInputs } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess } from '../test/support/e2e-tests.js'
import { runnerCommands } from '../test/support/runner.js'

const inputs = (extra: Record<string, string> = {}) =>
  startInputs({
    'source-arn': snapshotArn('prod-before-upgrade'),
    'export-task-identifier': 'prod-export',
    wait: 'true',
    'poll-interval-seconds': '5',
    ...extra
  })

const withFaults = (faults: StandInOptions['faults']): StandInOptions => ({ ...QUICK, faults })

describe('an answer that never comes', () => {
  e2e(
    'every DescribeExportTasks hangs: the wait ends at its budget, the task and its outputs kept',
    withFaults([{ action: 'DescribeExportTasks', kind: 'hang', times: Infinity }]),
    async standIn => {
      const step = await runStep(standIn, inputs({ 'wait-timeout-minutes': '0.15' }))
      expectFailure(step, /prod-export/, /wait-timeout-minutes: 0\.15/)
      expect(step.outputs['export-task-identifier']).toBe('prod-export')
      expect(step.outputs.status).toBe('STARTING')
      expect(step.summary).toMatch(/^## ⏱️ Timed out after \d+s — the export keeps running/)
      expect(step.summary).toContain('mode: wait')
      // The task was started once, and is still there for a later job.
      expect(countOf(step.requests, 'StartExportTask')).toBe(1)
      expect(standIn.task('prod-export')).toBeDefined()
    }
  )
})

describe('an answer the SDK cannot read', () => {
  // (An empty body parses as an answer with no tasks: the SDK can't tell it from an unknown task.)
  for (const garble of ['truncated', 'malformed'] as const) {
    e2e(
      `DescribeExportTasks ${garble} twice: checked again, and the export ends COMPLETE`,
      withFaults([{ action: 'DescribeExportTasks', kind: 'garbled', garble, times: 2 }]),
      async standIn => {
        const step = await runStep(standIn, inputs())
        expectSuccess(step)
        expect(step.outputs.status).toBe('COMPLETE')
        expect(countOf(step.requests, 'StartExportTask')).toBe(1)
        expect(countOf(step.requests, 'DescribeExportTasks')).toBeGreaterThanOrEqual(3)
      }
    )
  }
})

describe("AWS's text stays text", () => {
  const PWNED = '\n::error title=PWNED::owned\n%0A::add-mask::x ##[error]PWNED'
  const MARKUP = '[click](https://evil.example) <img src=x onerror=alert(1)> https://evil.example'

  e2e(
    'a WarningMessage and a FailureCause holding runner commands and markup',
    withFaults([
      {
        action: 'DescribeExportTasks',
        kind: 'craft',
        times: Infinity,
        craft: {
          record: 'ExportTask',
          fields: { WarningMessage: `${PWNED} ${MARKUP}`, FailureCause: `${PWNED} ${MARKUP}` }
        }
      }
    ]),
    async standIn => {
      const step = await runStep(standIn, inputs())
      expectSuccess(step)
      // Said, as text: in the log, the outputs and the summary.
      expect(step.log).toContain('PWNED')
      expect(step.outputs['warning-message']).toContain('::error title=PWNED::')
      // One ::warning:: line carries it; no other command comes of it (runStep also checks that
      // every command in the log is one the action meant to give).
      const commands = runnerCommands(step.log).filter(c => c.data.includes('PWNED'))
      expect(commands.map(c => c.name)).toEqual(['warning'])
      const masks = runnerCommands(step.log).filter(c => c.name === 'add-mask')
      // The crafted `::add-mask::x ##[error]PWNED` masks 'x' (or all of it) if it ever acts; a
      // secret of the stand-in's own may start with 'x' by chance, so only the crafted value counts.
      expect(masks.filter(c => /^x(?: |$)/.test(c.data))).toEqual([])
      // Rendered as GitHub renders the summary: no link, no image, no tag from AWS's text.
      const html = renderGfm(step.summary)
      expect(html).toContain('evil.example')
      expect(html).not.toMatch(/<a [^>]*evil\.example/)
      expect(html).not.toMatch(/<img/)
    }
  )
})
