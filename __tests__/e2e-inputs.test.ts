// End-to-end, the inputs and what the action makes of the workflow: every bad input of a run named
// at once before any AWS call, wait-timeout-minutes bounded by what a job can run, and the
// snapshot's own tags made from the workflow's name as RDS takes them.
import { describe, expect } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import { PROD, SCALE } from '../test/support/accounts.js'
import { countOf, runStep, startInputs } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess } from '../test/support/e2e-tests.js'

describe('bad input', () => {
  e2e(
    'three bad inputs: one ::error:: line naming all three, one line each in the summary, no AWS call',
    PROD,
    async standIn => {
      const step = await runStep(
        standIn,
        startInputs({
          'db-snapshot-identifier': 'prod-before-upgrade',
          's3-bucket-name': 'Exports_2026',
          wait: 'yes',
          'wait-timeout-minutes': '99999'
        })
      )
      const refusals = [
        "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 'Exports_2026': 'E' is not allowed (only lower case).",
        "Input 'wait' must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'.",
        "Input 'wait-timeout-minutes' must be a number greater than 0 and at most 7200 (the 5 days a self-hosted job may run), like 330 or 0.5; got '99999'."
      ]
      expectFailure(step, `3 inputs are refused: ${refusals.join(' ')}`)
      expect(step.requests).toEqual([])
      expect(step.summary).toMatch(/^## ❌ Step failed/)
      const what = step.summary.split('**What happened:** ')[1]?.split('\n\n')[0] ?? ''
      expect(what.split('<br>\n')).toEqual([
        '3 inputs are refused:',
        ...refusals.map(line => line.replace(/_/g, '\\_'))
      ])
    }
  )
})

describe('wait-timeout-minutes', () => {
  e2e(
    'past the 5 days a job may run (and what a timer holds): refused, no AWS call',
    PROD,
    async standIn => {
      const step = await runStep(
        standIn,
        startInputs({
          'db-snapshot-identifier': 'prod-before-upgrade',
          wait: 'true',
          'wait-timeout-minutes': '40000'
        })
      )
      expectFailure(
        step,
        "Input 'wait-timeout-minutes' must be a number greater than 0 and at most 7200",
        "got '40000'"
      )
      expect(step.requests).toEqual([])
    }
  )
})

/** prod can be snapshotted; a snapshot is available after one real second. */
const SNAPSHOTTING: StandInOptions = {
  ...PROD,
  instances: [{ identifier: 'prod' }],
  snapshotTimeline: { creatingSeconds: SCALE, outcome: 'available' }
}

describe("create-snapshot's own tags, from the workflow's name", () => {
  e2e(
    "a name RDS would refuse as a tag value ('aws:' prefix, a 300-character name of emoji and letters outside the BMP) is sent as one it takes",
    SNAPSHOTTING,
    async standIn => {
      const names = [
        ['aws:nightly', 'aws_nightly'],
        ['RDS: backup', 'RDS_ backup'],
        // Each emoji becomes one '_'; a 256-unit cut would split the last letter in two.
        [`🚀${'\u{20000}'.repeat(299)}`, `_${'\u{20000}'.repeat(255)}`]
      ] as const
      for (const [i, [workflow, value]] of names.entries()) {
        const runId = `70000000${i}`
        const step = await runStep(
          standIn,
          startInputs({
            'db-instance-identifier': 'prod',
            'create-snapshot': 'true',
            'poll-interval-seconds': '5'
          }),
          { runId, env: { GITHUB_WORKFLOW: workflow } }
        )
        expectSuccess(step)
        const create = step.requests.find(r => r.action === 'CreateDBSnapshot')
        expect(create?.status).toBe(200)
        expect(create?.params).toMatchObject({
          'Tags.Tag.2.Key': 'github:workflow',
          'Tags.Tag.2.Value': value
        })
        expect(standIn.snapshots().find(s => s.identifier === `prod-${runId}`)?.tags).toMatchObject(
          { 'github:workflow': value }
        )
        expect(countOf(step.requests, 'StartExportTask')).toBe(1)
      }
    }
  )
})
