// CreateDBSnapshot and CreateDBClusterSnapshot through the real RDS client: the snapshot as RDS
// answers it (creating, with its tags), its course to available (or a failure status) with
// PercentProgress, and every refusal the API documents.
import { describe, expect, test } from '@jest/globals'
import {
  CreateDBClusterSnapshotCommand,
  CreateDBSnapshotCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  StartExportTaskCommand,
  type CreateDBSnapshotCommandInput,
  type Tag
} from '@aws-sdk/client-rds'
import { startStandIn, type StandInOptions } from '../../test/standin/index.js'
import { clusterSnapshotArn, snapshotArn } from '../../test/support/e2e.js'
import { blockStandIn, expectError, exportOf, staticClient } from '../../test/support/standin.js'

/** prod (PostgreSQL) and shop (MySQL) instances, one stopped, one optimizing its storage; an
 * Aurora cluster and one being modified; a scenario minute per real second, on a clock that only
 * advance() moves (progress is then exact however slow the machine). */
const ACCOUNT: StandInOptions = {
  timeScale: 60,
  clock: () => Date.parse('2026-11-29T12:00:00Z'),
  instances: [
    { identifier: 'prod', engine: 'postgres', engineVersion: '16.6', allocatedStorage: 400 },
    { identifier: 'shop', engine: 'mysql' },
    { identifier: 'stopped-db', status: 'stopped' },
    { identifier: 'growing-db', status: 'storage-optimization' }
  ],
  clusters: [{ identifier: 'aurora' }, { identifier: 'busy-cluster', status: 'modifying' }],
  snapshots: [
    { identifier: 'prod-before-upgrade', instanceIdentifier: 'prod' },
    { identifier: 'rds:prod-2026-11-25-03-10', instanceIdentifier: 'prod' },
    { identifier: 'awsbackup:job-1', instanceIdentifier: 'prod', type: 'awsbackup' }
  ],
  snapshotTimeline: { creatingSeconds: 600 },
  snapshotTimelines: { 'Doomed-Snap': { creatingSeconds: 120, outcome: 'failed' } }
}

const TAGS: Tag[] = [
  { Key: 'github-repository', Value: 'octo-org/octo-repo' },
  { Key: 'github-run-id', Value: '1658821493' },
  { Key: 'purpose', Value: 'before migration: v2 = orders + @ops_2/3' }
]

describe('CreateDBSnapshot', () => {
  const fake = blockStandIn(ACCOUNT)

  const create = (input: Partial<CreateDBSnapshotCommandInput>) =>
    fake.rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'prod',
        DBSnapshotIdentifier: 'unnamed',
        ...input
      })
    )
  const describeOne = async (identifier: string) =>
    (await fake.rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: identifier })))
      .DBSnapshots?.[0]

  test('answers the new snapshot, creating, with its tags, the identifier in lower case', async () => {
    const { DBSnapshot } = await create({
      DBSnapshotIdentifier: 'Prod-Pre-Migration-1',
      Tags: TAGS
    })
    expect(DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'prod-pre-migration-1',
      DBInstanceIdentifier: 'prod',
      DBSnapshotArn: snapshotArn('prod-pre-migration-1'),
      Engine: 'postgres',
      EngineVersion: '16.6',
      AllocatedStorage: 400,
      Status: 'creating',
      PercentProgress: 0,
      SnapshotType: 'manual',
      TagList: TAGS
    })
    const stored = fake.standIn.snapshots().find(s => s.identifier === 'prod-pre-migration-1')
    expect(DBSnapshot?.SnapshotCreateTime).toEqual(stored?.createTime)
    // The form the SDK sends, as the facts sheet says: Tags.Tag.N.Key / .Value.
    expect(fake.standIn.requests.at(-1)?.params).toMatchObject({
      Action: 'CreateDBSnapshot',
      DBInstanceIdentifier: 'prod',
      DBSnapshotIdentifier: 'Prod-Pre-Migration-1',
      'Tags.Tag.1.Key': 'github-repository',
      'Tags.Tag.1.Value': 'octo-org/octo-repo',
      'Tags.Tag.3.Value': TAGS[2]?.Value
    })
  })

  test('creating -> available, PercentProgress growing; exportable only once available', async () => {
    await create({ DBSnapshotIdentifier: 'course' })
    const start = () =>
      fake.rds.send(new StartExportTaskCommand(exportOf('course-export', snapshotArn('course'))))
    await expectError(start(), 'InvalidExportSourceStateFault', 400)
    fake.standIn.advance(5) // 300 of 600 scenario seconds
    expect(await describeOne('course')).toMatchObject({ Status: 'creating', PercentProgress: 50 })
    expect(fake.standIn.snapshots().find(s => s.identifier === 'course')).toMatchObject({
      status: 'creating',
      percentProgress: 50,
      parent: 'prod',
      type: 'manual'
    })
    fake.standIn.advance(5)
    expect(await describeOne('course')).toMatchObject({ Status: 'available', PercentProgress: 100 })
    expect((await start()).Status).toBe('STARTING')
  })

  test('a timeline per identifier: this one fails', async () => {
    await create({ DBSnapshotIdentifier: 'doomed-snap' })
    fake.standIn.advance(2)
    expect(await describeOne('doomed-snap')).toMatchObject({
      Status: 'failed',
      PercentProgress: 99
    })
  })

  test('refuses as RDS does', async () => {
    const refused = (input: Partial<CreateDBSnapshotCommandInput>, name: string, status = 400) =>
      expectError(create(input), name, status)
    await refused({ DBSnapshotIdentifier: '1-digit-first' }, 'InvalidParameterValue')
    await refused({ DBSnapshotIdentifier: 'two--hyphens' }, 'InvalidParameterValue')
    await refused({ DBSnapshotIdentifier: 'trailing-' }, 'InvalidParameterValue')
    await refused({ DBSnapshotIdentifier: 'under_score' }, 'InvalidParameterValue')
    await refused({ DBSnapshotIdentifier: `a${'b'.repeat(255)}` }, 'InvalidParameterValue')
    await refused({ DBSnapshotIdentifier: undefined }, 'MissingParameter')
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))
    await refused({ DBSnapshotIdentifier: 'many-tags', Tags: many }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'aws:cloudformation', Value: 'x' }] }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'RDS:owner', Value: 'x' }] }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: '', Value: 'x' }] }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'semi;colon', Value: 'x' }] }, 'InvalidParameterValue')
    const twice = [
      { Key: 'team', Value: 'a' },
      { Key: 'team', Value: 'b' }
    ]
    await refused({ Tags: twice }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'k', Value: 'say "hi"' }] }, 'InvalidParameterValue')
    // Values are held to the reserved prefixes too (API Reference, Tag), in any case.
    await refused({ Tags: [{ Key: 'k', Value: 'aws:nightly' }] }, 'InvalidParameterValue')
    await refused({ Tags: [{ Key: 'k', Value: 'RDS: backup' }] }, 'InvalidParameterValue')
    await refused({ DBInstanceIdentifier: 'nobody' }, 'DBInstanceNotFoundFault', 404)
    await refused({ DBSnapshotIdentifier: 'PROD-before-upgrade' }, 'DBSnapshotAlreadyExistsFault')
    await refused({ DBInstanceIdentifier: 'stopped-db' }, 'InvalidDBInstanceStateFault')
    expect(fake.standIn.snapshots().map(s => s.identifier)).not.toContain('unnamed')
  })

  test('255 characters, 50 tags and a value of 256 characters are fine; so is an instance optimizing its storage', async () => {
    const longest = `a${'b'.repeat(254)}`
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' }))
    const { DBSnapshot } = await create({ DBSnapshotIdentifier: longest, Tags: fifty })
    expect(DBSnapshot?.TagList).toHaveLength(50)
    // RDS counts characters, not UTF-16 units: 256 letters outside the BMP are 512 units.
    const wide = '\u{1D400}'.repeat(256)
    const { DBSnapshot: letters } = await create({
      DBSnapshotIdentifier: 'wide-letters',
      Tags: [{ Key: 'k', Value: wide }]
    })
    expect(letters?.TagList).toEqual([{ Key: 'k', Value: wide }])
    await create({ DBInstanceIdentifier: 'growing-db', DBSnapshotIdentifier: 'growing' })
  })
})

describe('CreateDBClusterSnapshot', () => {
  test('answers the cluster snapshot; refuses as RDS does', async () => {
    const standIn = await startStandIn(ACCOUNT)
    try {
      const rds = staticClient(standIn)
      const create = (cluster: string, identifier: string, Tags?: Tag[]) =>
        rds.send(
          new CreateDBClusterSnapshotCommand({
            DBClusterIdentifier: cluster,
            DBClusterSnapshotIdentifier: identifier,
            Tags
          })
        )
      const { DBClusterSnapshot } = await create('aurora', 'Aurora-Pre-Migration', TAGS)
      expect(DBClusterSnapshot).toMatchObject({
        DBClusterSnapshotIdentifier: 'aurora-pre-migration',
        DBClusterIdentifier: 'aurora',
        DBClusterSnapshotArn: clusterSnapshotArn('aurora-pre-migration'),
        Engine: 'aurora-postgresql',
        Status: 'creating',
        PercentProgress: 0,
        SnapshotType: 'manual',
        TagList: TAGS
      })
      standIn.advance(10)
      const [done] =
        (
          await rds.send(
            new DescribeDBClusterSnapshotsCommand({
              DBClusterSnapshotIdentifier: 'aurora-pre-migration'
            })
          )
        ).DBClusterSnapshots ?? []
      expect(done).toMatchObject({ Status: 'available', PercentProgress: 100 })

      await expectError(create('aurora', `a${'b'.repeat(63)}`), 'InvalidParameterValue', 400)
      await create('aurora', `a${'b'.repeat(62)}`)
      await expectError(
        create('aurora', 'AURORA-pre-migration'),
        'DBClusterSnapshotAlreadyExistsFault',
        400
      )
      await expectError(create('nobody', 'x'), 'DBClusterNotFoundFault', 404)
      await expectError(create('busy-cluster', 'x'), 'InvalidDBClusterStateFault', 400)
    } finally {
      await standIn.close()
    }
  })
})

test('the manual snapshot quota: automated and AWS Backup snapshots do not count, kinds apart', async () => {
  // prod-before-upgrade is the one manual DB snapshot so far; the quota is 2.
  const standIn = await startStandIn({ ...ACCOUNT, manualSnapshotQuota: 2 })
  try {
    const rds = staticClient(standIn)
    const snapshot = (id: string) =>
      rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'shop', DBSnapshotIdentifier: id })
      )
    const clusterSnapshot = (id: string) =>
      rds.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: 'aurora',
          DBClusterSnapshotIdentifier: id
        })
      )
    await snapshot('second')
    const full = await expectError(snapshot('third'), 'SnapshotQuotaExceededFault', 400)
    expect(full.message).toMatch(/2 manual snapshots/)
    await clusterSnapshot('c1')
    await clusterSnapshot('c2')
    await expectError(clusterSnapshot('c3'), 'SnapshotQuotaExceededFault', 400)
  } finally {
    await standIn.close()
  }
})

test('a seeded snapshot can be part-way through its creation', async () => {
  const now = Date.parse('2026-11-29T12:00:00Z')
  const standIn = await startStandIn({
    timeScale: 60,
    clock: () => now, // still: only advance() moves it
    snapshots: [
      {
        identifier: 'half-done',
        instanceIdentifier: 'prod',
        createTime: new Date(now - 5_000), // 300 scenario seconds ago
        timeline: { creatingSeconds: 600 },
        tags: { team: 'data' }
      }
    ]
  })
  try {
    const describe = async () =>
      (
        await staticClient(standIn).send(
          new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'half-done' })
        )
      ).DBSnapshots?.[0]
    expect(await describe()).toMatchObject({
      Status: 'creating',
      PercentProgress: 50,
      TagList: [{ Key: 'team', Value: 'data' }]
    })
    standIn.advance(5)
    expect(await describe()).toMatchObject({ Status: 'available', PercentProgress: 100 })
  } finally {
    await standIn.close()
  }
})
