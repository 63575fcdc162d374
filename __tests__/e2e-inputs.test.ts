// End-to-end, the inputs and what the action makes of the workflow: every bad input of a run named
// at once before any AWS call, wait-timeout-minutes bounded by what a job can run, and the
// snapshot's own tags made from the workflow's name as RDS takes them.
import { describe, expect } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import { PROD, SCALE } from '../test/support/accounts.js'
import { countOf, runStep, startInputs } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess } from '../test/support/e2e-tests.js'

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
