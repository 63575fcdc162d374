// DescribeDBSnapshots and DescribeDBClusterSnapshots through the real RDS client: what the
// action's snapshot lookups will meet, as strictly as the API reference documents them.
import { describe, expect, test } from '@jest/globals'
import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  type DescribeDBClusterSnapshotsCommandInput,
  type DescribeDBSnapshotsCommandInput
} from '@aws-sdk/client-rds'
import { startStandIn } from '../../test/standin/index.js'
import { ACCOUNT, clusterSnapshotArn, snapshotArn } from '../../test/support/e2e.js'
import { SEEDS, blockStandIn, expectError, staticClient } from '../../test/support/standin.js'

/** An account that shares snapshots with this one, and makes one public. */
const OTHER = '210987654321'

describe('DescribeDBSnapshots and DescribeDBClusterSnapshots', () => {
  const fake = blockStandIn(SEEDS)

  const names = async (input: DescribeDBSnapshotsCommandInput) =>
    ((await fake.rds.send(new DescribeDBSnapshotsCommand(input))).DBSnapshots ?? []).map(
      s => s.DBSnapshotIdentifier
    )

  test('DescribeDBSnapshots by instance, name, type and filters, in the caller region only', async () => {
    expect(await names({ DBInstanceIdentifier: 'prod' })).toEqual([
      'rds:prod-2026-11-24-03-10',
      'rds:prod-2026-11-25-03-10',
      'prod-before-upgrade',
      'prod-creating'
    ])
    expect(await names({ DBInstanceIdentifier: 'prod', SnapshotType: 'manual' })).toEqual([
      'prod-before-upgrade',
      'prod-creating'
    ])
    expect(await names({ DBSnapshotIdentifier: 'SHOP-manual' })).toEqual(['shop-manual'])
    expect(
      await names({
        Filters: [
          { Name: 'db-instance-id', Values: ['prod'] },
          { Name: 'snapshot-type', Values: ['automated'] }
        ]
      })
    ).toEqual(['rds:prod-2026-11-24-03-10', 'rds:prod-2026-11-25-03-10'])
    expect(await names({ DBInstanceIdentifier: 'nobody' })).toEqual([])

    const [snapshot] =
      (
        await fake.rds.send(
          new DescribeDBSnapshotsCommand({
            DBSnapshotIdentifier: 'rds:prod-2026-11-25-03-10',
            SnapshotType: 'automated'
          })
        )
      ).DBSnapshots ?? []
    expect(snapshot).toMatchObject({
      DBSnapshotArn: snapshotArn('rds:prod-2026-11-25-03-10'),
      Engine: 'postgres',
      Status: 'available',
      SnapshotType: 'automated',
      SnapshotCreateTime: new Date('2026-11-25T03:10:00Z')
    })
  })

  test('DescribeDBClusterSnapshots', async () => {
    const answer = await fake.rds.send(
      new DescribeDBClusterSnapshotsCommand({
        DBClusterIdentifier: 'aurora',
        SnapshotType: 'automated'
      })
    )
    expect(answer.DBClusterSnapshots).toHaveLength(1)
    expect(answer.DBClusterSnapshots?.[0]).toMatchObject({
      DBClusterSnapshotIdentifier: 'rds:aurora-2026-11-25-04-00',
      DBClusterIdentifier: 'aurora',
      DBClusterSnapshotArn: clusterSnapshotArn('rds:aurora-2026-11-25-04-00'),
      Engine: 'aurora-postgresql',
      Status: 'available',
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c']
    })
    const byName = await fake.rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'aurora-manual' })
    )
    expect(byName.DBClusterSnapshots?.[0]?.Engine).toBe('aurora-mysql')
  })
})

describe('only as documented: identifiers, SnapshotType, IncludeShared, IncludePublic', () => {
  const fake = blockStandIn({
    snapshots: [
      { identifier: 'prod-manual', instanceIdentifier: 'prod' },
      { identifier: 'rds:prod-2026-11-25-03-10', instanceIdentifier: 'prod' },
      { identifier: 'awsbackup:job-1', instanceIdentifier: 'prod', type: 'awsbackup' },
      { identifier: 'their-snap', instanceIdentifier: 'prod', account: OTHER },
      { identifier: 'open-snap', instanceIdentifier: 'prod', account: OTHER, public: true }
    ],
    clusterSnapshots: [
      { identifier: 'aurora-manual', clusterIdentifier: 'aurora' },
      { identifier: 'rds:aurora-2026-11-25', clusterIdentifier: 'aurora' },
      { identifier: 'their-csnap', clusterIdentifier: 'aurora', account: OTHER }
    ]
  })

  const names = async (input: DescribeDBSnapshotsCommandInput) =>
    ((await fake.rds.send(new DescribeDBSnapshotsCommand(input))).DBSnapshots ?? [])
      .map(s => s.DBSnapshotIdentifier)
      .sort()

  test.each<[DescribeDBSnapshotsCommandInput, string[]]>([
    [{}, ['prod-manual', 'rds:prod-2026-11-25-03-10']],
    [{ IncludeShared: true }, ['prod-manual', 'rds:prod-2026-11-25-03-10', 'their-snap']],
    [{ IncludePublic: true }, ['open-snap', 'prod-manual', 'rds:prod-2026-11-25-03-10']],
    [{ SnapshotType: 'manual', IncludeShared: true, IncludePublic: true }, ['prod-manual']],
    [{ SnapshotType: 'automated', IncludeShared: true }, ['rds:prod-2026-11-25-03-10']],
    [{ SnapshotType: 'awsbackup' }, ['awsbackup:job-1']],
    [{ SnapshotType: 'shared' }, []],
    [{ SnapshotType: 'shared', IncludeShared: true, IncludePublic: true }, ['their-snap']],
    [{ SnapshotType: 'public', IncludePublic: true, IncludeShared: true }, ['open-snap']],
    [{ DBInstanceIdentifier: 'prod', SnapshotType: 'awsbackup' }, ['awsbackup:job-1']],
    [{ Filters: [{ Name: 'db-snapshot-id', Values: ['prod-manual'] }] }, ['prod-manual']],
    [{ Filters: [{ Name: 'db-snapshot-id', Values: [snapshotArn('prod-manual')] }] }, []],
    [
      {
        Filters: [{ Name: 'db-instance-id', Values: [`arn:aws:rds:us-east-1:${ACCOUNT}:db:prod`] }]
      },
      ['prod-manual', 'rds:prod-2026-11-25-03-10']
    ]
  ])('%j lists %j', async (input, expected) => {
    expect(await names(input)).toEqual(expected)
  })

  test.each<[DescribeDBSnapshotsCommandInput, string[]]>([
    [{ DBSnapshotIdentifier: 'prod-manual' }, ['prod-manual']],
    [
      { DBSnapshotIdentifier: 'rds:prod-2026-11-25-03-10', SnapshotType: 'automated' },
      ['rds:prod-2026-11-25-03-10']
    ],
    [{ DBSnapshotIdentifier: 'awsbackup:job-1', SnapshotType: 'awsbackup' }, ['awsbackup:job-1']]
  ])('by identifier: %j', async (input, expected) => {
    expect(await names(input)).toEqual(expected)
  })

  test.each<DescribeDBSnapshotsCommandInput>([
    { DBSnapshotIdentifier: snapshotArn('prod-manual') },
    { DBSnapshotIdentifier: 'rds:prod-2026-11-25-03-10' },
    { DBSnapshotIdentifier: 'awsbackup:job-1' },
    { DBSnapshotIdentifier: 'prod-manual', SnapshotType: 'automated' },
    { DBSnapshotIdentifier: 'their-snap', SnapshotType: 'shared', IncludeShared: true },
    {
      DBSnapshotIdentifier: `arn:aws:rds:us-east-1:${OTHER}:snapshot:their-snap`,
      SnapshotType: 'shared',
      IncludeShared: true
    }
  ])('finds nothing: %j', async input => {
    await expectError(
      fake.rds.send(new DescribeDBSnapshotsCommand(input)),
      'DBSnapshotNotFoundFault',
      404
    )
  })

  test("an instance or cluster can't be used in conjunction with a snapshot identifier", async () => {
    const instance = { DBInstanceIdentifier: 'prod', DBSnapshotIdentifier: 'prod-manual' }
    await expectError(
      fake.rds.send(new DescribeDBSnapshotsCommand(instance)),
      'InvalidParameterCombination',
      400
    )
    const cluster = { DBClusterIdentifier: 'aurora', DBClusterSnapshotIdentifier: 'aurora-manual' }
    await expectError(
      fake.rds.send(new DescribeDBClusterSnapshotsCommand(cluster)),
      'InvalidParameterCombination',
      400
    )
  })

  test.each<[string, () => Promise<unknown>]>([
    ['DB snapshots: an unlisted type', () => names({ SnapshotType: 'everything' })],
    ['DB snapshots: the listed values only as written', () => names({ SnapshotType: 'Manual' })],
    [
      'cluster snapshots: awsbackup is not among their values',
      () => fake.rds.send(new DescribeDBClusterSnapshotsCommand({ SnapshotType: 'awsbackup' }))
    ],
    [
      'cluster snapshots: an unlisted type with a cluster',
      () =>
        fake.rds.send(
          new DescribeDBClusterSnapshotsCommand({
            DBClusterIdentifier: 'aurora',
            SnapshotType: 'backup'
          })
        )
    ]
  ])('SnapshotType outside the documented values is refused, %s', async (_, call) => {
    await expectError(call(), 'InvalidParameterValue', 400)
  })

  test('cluster snapshots alike', async () => {
    const clusterNames = async (input: DescribeDBClusterSnapshotsCommandInput) =>
      ((await fake.rds.send(new DescribeDBClusterSnapshotsCommand(input))).DBClusterSnapshots ?? [])
        .map(s => s.DBClusterSnapshotIdentifier)
        .sort()
    expect(await clusterNames({})).toEqual(['aurora-manual', 'rds:aurora-2026-11-25'])
    expect(await clusterNames({ SnapshotType: 'shared', IncludeShared: true })).toEqual([
      'their-csnap'
    ])
    expect(
      await clusterNames({
        DBClusterSnapshotIdentifier: 'rds:aurora-2026-11-25',
        SnapshotType: 'automated'
      })
    ).toEqual(['rds:aurora-2026-11-25'])
    for (const input of [
      { DBClusterSnapshotIdentifier: clusterSnapshotArn('aurora-manual') },
      { DBClusterSnapshotIdentifier: 'rds:aurora-2026-11-25' }
    ]) {
      await expectError(
        fake.rds.send(new DescribeDBClusterSnapshotsCommand(input)),
        'DBClusterSnapshotNotFoundFault',
        404
      )
    }
  })
})

test('DescribeDBSnapshots pages too', async () => {
  const standIn = await startStandIn({
    snapshots: Array.from({ length: 25 }, (_, i) => ({
      identifier: `snap-${i}`,
      instanceIdentifier: 'db'
    }))
  })
  try {
    const rds = staticClient(standIn)
    const first = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'db', MaxRecords: 20 })
    )
    const second = await rds.send(
      new DescribeDBSnapshotsCommand({
        DBInstanceIdentifier: 'db',
        MaxRecords: 20,
        Marker: first.Marker
      })
    )
    expect([first.DBSnapshots?.length, second.DBSnapshots?.length, second.Marker]).toEqual([
      20,
      5,
      undefined
    ])
  } finally {
    await standIn.close()
  }
})
