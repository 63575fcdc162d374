// create-snapshot over a fake snapshots API and a virtual clock: a 20-minute snapshot is waited
// for in milliseconds.
import { describe, expect, test } from '@jest/globals'
import { fakeSnapshots } from '../../__fixtures__/aws.js'
import { startConfig } from '../../__fixtures__/config.js'
import { fakeStep } from '../../__fixtures__/step.js'
import { takeSnapshot } from '../../src/phases/snapshot.js'

const config = startConfig({
  'db-instance-identifier': 'prod-db',
  'create-snapshot': 'true',
  'snapshot-tags': 'team=data, purpose=pre-migration',
  'poll-interval-seconds': '60'
})
const ID = 'prod-db-4242'

function setUp(options: Parameters<typeof fakeSnapshots>[1] = {}, waitTimeoutMs?: number) {
  const step = fakeStep({ waitTimeoutMs })
  step.env.GITHUB_REPOSITORY = 'octo-org/octo-repo'
  step.env.GITHUB_WORKFLOW = 'Release (prod)'
  const api = fakeSnapshots(step.now, options)
  return { step, api }
}

describe('takeSnapshot', () => {
  test("creates the run's snapshot with its tags, waits until available, logs and times it", async () => {
    const { step, api } = setUp()
    const snapshot = await takeSnapshot(api, config, step)
    expect(snapshot).toMatchObject({ identifier: ID, status: 'available' })
    expect(api.calls.filter(c => c.startsWith('create'))).toEqual([`create ${ID}`])
    expect(api.tags.get(ID)).toEqual([
      { Key: 'github:repository', Value: 'octo-org/octo-repo' },
      { Key: 'github:workflow', Value: 'Release _prod_' },
      { Key: 'github:run-id', Value: '4242' },
      { Key: 'team', Value: 'data' },
      { Key: 'purpose', Value: 'pre-migration' }
    ])
    expect(step.clock.ms).toBeGreaterThanOrEqual(20 * 60_000)
    expect(step.clock.ms).toBeLessThan(22 * 60_000)
    const lines = step.log.filter(l => /DB snapshot 'prod-db-4242' creating \d+%/.test(l))
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.some(l => /about \d+m left/.test(l))).toBe(true)
    expect(step.record.timeline.map(e => `${e.subject} ${e.status}`)).toEqual([
      "DB snapshot 'prod-db-4242' creating",
      "DB snapshot 'prod-db-4242' available"
    ])
    expect(step.record.snapshot?.status).toBe('available')
  })

  test('a re-run finds its snapshot: available, it is exported with no create', async () => {
    const { step, api } = setUp({
      seed: [{ kind: 'snapshot', identifier: ID, arn: 'arn:s', status: 'available' }]
    })
    const snapshot = await takeSnapshot(api, config, step)
    expect(snapshot.arn).toBe('arn:s')
    expect(api.calls).toEqual([`describe ${ID}`])
  })

  test('a re-run finds its snapshot still being created: it waits, creates nothing', async () => {
    const { step, api } = setUp()
    await api.create('snapshot', 'prod-db', ID, [])
    step.clock.ms += 5 * 60_000
    await takeSnapshot(api, config, step)
    expect(api.calls.filter(c => c.startsWith('create'))).toHaveLength(1)
    expect(step.clock.ms).toBeGreaterThanOrEqual(20 * 60_000)
  })

  test('a snapshot that fails stops with the status and a hint; nothing is exported', async () => {
    const { step, api } = setUp({ endStatus: 'failed' })
    await expect(takeSnapshot(api, config, step)).rejects.toMatchObject({
      message: expect.stringMatching(
        /DB snapshot 'prod-db-4242' ended 'failed'.*nothing was exported/
      ),
      hint: expect.stringMatching(/events/)
    })
  })

  test('a re-run attempt after a failed snapshot takes a new one under -a<attempt>', async () => {
    const step = fakeStep({ run: { id: '4242', attempt: 2 } })
    const api = fakeSnapshots(step.now, {
      seed: [{ kind: 'snapshot', identifier: ID, arn: 'arn:failed', status: 'failed' }]
    })
    const snapshot = await takeSnapshot(api, config, step)
    expect(snapshot.identifier).toBe(`${ID}-a2`)
  })

  test('the budget runs out while it is created: nothing exported, the snapshot kept', async () => {
    const { step, api } = setUp({}, 10 * 60_000)
    await expect(takeSnapshot(api, config, step)).rejects.toThrow(
      /still creating after 10m 00s \(wait-timeout-minutes: .*\); nothing was exported. The snapshot is kept and may still complete/
    )
    expect(step.clock.ms).toBe(10 * 60_000)
  })

  test('the run cancelled while it is created: nothing exported, the snapshot kept', async () => {
    const { step, api } = setUp()
    const sleep = step.sleep
    step.sleep = async (ms, signal) => {
      await sleep(ms, signal)
      if (step.clock.ms > 3 * 60_000) step.cancel()
    }
    await expect(takeSnapshot(api, config, step)).rejects.toThrow(
      /run was cancelled while DB snapshot 'prod-db-4242' was being created; nothing was exported. The snapshot is kept/
    )
  })

  test('a cluster snapshot of a 63-character cluster, shortened to fit 63 with the run id', async () => {
    const { step, api } = setUp()
    const cluster = startConfig({
      'db-cluster-identifier': `aurora-${'x'.repeat(56)}`,
      'create-snapshot': 'true'
    })
    const snapshot = await takeSnapshot(api, cluster, step)
    expect(snapshot.kind).toBe('cluster-snapshot')
    expect(snapshot.identifier.length).toBeLessThanOrEqual(63)
    expect(snapshot.identifier).toMatch(/^aurora-x+-4242$/)
  })
})
