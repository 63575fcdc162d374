// End-to-end, create-snapshot: a snapshot taken now, waited for, then exported, through the
// bundle against the stand-in's RDS (CreateDBSnapshot, CreateDBClusterSnapshot, their timelines).
import { describe, expect } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import { PROD, SCALE } from '../test/support/accounts.js'
import { calls, countOf, runAndRerun, runStep, startInputs } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess, runStepUntil } from '../test/support/e2e-tests.js'

const RUN_ID = '1658821493'

/** prod (PostgreSQL) and an Aurora cluster; a snapshot takes 6 real seconds to create. */
const FRESH: StandInOptions = {
  ...PROD,
  instances: [{ identifier: 'prod' }, { identifier: 'busy-db', status: 'modifying' }],
  clusters: [{ identifier: 'aurora' }],
  snapshotTimeline: { creatingSeconds: 6 * SCALE, outcome: 'available' }
}

const fresh = (source: Record<string, string>, extra: Record<string, string> = {}) =>
  startInputs({
    ...source,
    'create-snapshot': 'true',
    'snapshot-tags': 'purpose=pre-migration',
    'poll-interval-seconds': '5',
    ...extra
  })

describe('create-snapshot', () => {
  e2e(
    'an instance: the snapshot is created with its tags, waited for with progress, then exported',
    FRESH,
    async standIn => {
      const step = await runStep(standIn, fresh({ 'db-instance-identifier': 'prod' }), {
        runId: RUN_ID
      })
      expectSuccess(step)
      const snapshot = `prod-${RUN_ID}`
      const created = standIn.snapshots().find(s => s.identifier === snapshot)
      expect(created).toMatchObject({ status: 'available' })
      expect(step.log).toMatch(new RegExp(`DB snapshot '${snapshot}' creating \\d+%`))
      expect(step.log).toMatch(new RegExp(`DB snapshot '${snapshot}' available`))
      const create = step.requests.find(r => r.action === 'CreateDBSnapshot')
      expect(create?.params).toMatchObject({
        DBInstanceIdentifier: 'prod',
        DBSnapshotIdentifier: snapshot,
        'Tags.Tag.1.Key': 'github:repository',
        'Tags.Tag.1.Value': 'octo-org/octo-repo',
        'Tags.Tag.3.Key': 'github:run-id',
        'Tags.Tag.3.Value': RUN_ID,
        'Tags.Tag.4.Key': 'purpose',
        'Tags.Tag.4.Value': 'pre-migration'
      })
      expect(step.outputs['source-arn']).toMatch(new RegExp(`:snapshot:${snapshot}$`))
      expect(countOf(step.requests, 'StartExportTask')).toBe(1)
      // The summary's timeline shows the snapshot before the export.
      const timeline = step.summary.slice(step.summary.indexOf('Timeline'))
      expect(timeline.indexOf('snapshot')).toBeGreaterThan(-1)
      expect(timeline.indexOf('snapshot')).toBeLessThan(timeline.indexOf('STARTING'))
    }
  )

  e2e('an Aurora cluster: a cluster snapshot, then its export', FRESH, async standIn => {
    const step = await runStep(standIn, fresh({ 'db-cluster-identifier': 'aurora' }), {
      runId: RUN_ID
    })
    expectSuccess(step)
    expect(countOf(step.requests, 'CreateDBClusterSnapshot')).toBe(1)
    expect(step.outputs['source-arn']).toMatch(new RegExp(`:cluster-snapshot:aurora-${RUN_ID}$`))
  })

  e2e(
    'a re-run of the workflow run creates nothing new and adopts its export',
    FRESH,
    async standIn => {
      const { first, rerun } = await runAndRerun(
        standIn,
        fresh({ 'db-instance-identifier': 'prod' }),
        RUN_ID
      )
      expectSuccess(first)
      expectSuccess(rerun)
      expect(countOf(rerun.requests, 'CreateDBSnapshot')).toBe(0)
      expect(rerun.log).toMatch(/Adopted existing export task/)
      expect(standIn.snapshots().filter(s => s.identifier.startsWith('prod-1658'))).toHaveLength(1)
      expect(standIn.tasks()).toHaveLength(1)
    }
  )

  e2e(
    'SIGINT while the snapshot is created: exit 1, nothing exported, the snapshot kept',
    FRESH,
    async standIn => {
      const step = await runStepUntil(
        standIn,
        fresh({ 'db-instance-identifier': 'prod' }),
        /DB snapshot '.*' creating/,
        child => child.kill('SIGINT'),
        { runId: RUN_ID }
      )
      expect(step.signal).toBeNull()
      expectFailure(step, /cancelled while DB snapshot/, /nothing was exported/, /kept/)
      expect(countOf(step.requests, 'StartExportTask')).toBe(0)
      expect(step.summary).toMatch(/The snapshot is kept and may still complete/)
      expect(standIn.snapshots().some(s => s.identifier === `prod-${RUN_ID}`)).toBe(true)
    }
  )

  e2e(
    'the budget runs out while the snapshot is created: exit 1, nothing exported, the snapshot kept',
    { ...FRESH, snapshotTimeline: { creatingSeconds: 60 * SCALE, outcome: 'available' } },
    async standIn => {
      const step = await runStep(
        standIn,
        fresh({ 'db-instance-identifier': 'prod' }, { 'wait-timeout-minutes': '0.1' }),
        { runId: RUN_ID }
      )
      expectFailure(step, /still creating after/, /wait-timeout-minutes: 0.1/, /kept/)
      expect(countOf(step.requests, 'StartExportTask')).toBe(0)
    }
  )

  e2e(
    'a snapshot that fails stops the step with its status and a hint',
    { ...FRESH, snapshotTimeline: { creatingSeconds: 2 * SCALE, outcome: 'failed' } },
    async standIn => {
      const step = await runStep(standIn, fresh({ 'db-instance-identifier': 'prod' }))
      expectFailure(step, /ended 'failed' instead of 'available'/, /Hint: RDS could not take/)
      expect(countOf(step.requests, 'StartExportTask')).toBe(0)
    }
  )

  e2e("an instance that isn't available: RDS's refusal with its hint", FRESH, async standIn => {
    const step = await runStep(standIn, fresh({ 'db-instance-identifier': 'busy-db' }))
    expectFailure(step, /CreateDBSnapshot failed: InvalidDBInstanceState/, /available/)
  })

  e2e('bad combinations are refused before any call, nothing created', FRESH, async standIn => {
    const refused = [
      fresh({ 'db-snapshot-identifier': 'prod-before-upgrade' }),
      fresh({ 'db-instance-identifier': 'prod' }, { 'snapshot-tags': 'aws:team=x' }),
      fresh({ 'db-instance-identifier': 'prod' }, { 'snapshot-tags': '=empty-key' })
    ]
    for (const inputs of refused) {
      const step = await runStep(standIn, inputs)
      expect(step.exitCode).toBe(1)
      expect(step.errors[0]).toMatch(/Input '(create-snapshot|snapshot-tags)'/)
      expect(step.requests).toEqual([])
    }
    expect(standIn.snapshots().some(s => s.identifier.includes('1658'))).toBe(false)
  })
})

describe('snapshots found the documented way', () => {
  e2e(
    'source-arn with export-only: straight to StartExportTask, which takes it',
    PROD,
    async standIn => {
      const arn = `arn:aws:rds:us-east-1:123456789012:snapshot:prod-before-upgrade`
      const step = await runStep(
        standIn,
        startInputs({ 'source-arn': arn, 'export-only': 'app.public.orders' })
      )
      expectSuccess(step)
      expect(calls(step.requests)).toEqual([
        'oidc:OIDC',
        'sts:AssumeRoleWithWebIdentity',
        'rds:StartExportTask'
      ])
      expect(standIn.tasks()[0]?.ExportOnly).toEqual(['app.public.orders'])
    }
  )

  e2e(
    'export-only that does not fit a source named by ARN: RDS refuses it, with the formats hint',
    { ...PROD, snapshots: [{ identifier: 'shop-1', instanceIdentifier: 'shop', engine: 'mysql' }] },
    async standIn => {
      const arn = `arn:aws:rds:us-east-1:123456789012:snapshot:shop-1`
      const step = await runStep(
        standIn,
        startInputs({ 'source-arn': arn, 'export-only': 'shop.public.orders' })
      )
      expectFailure(step, /StartExportTask failed: InvalidExportOnly/, /database.table/)
    }
  )
})
