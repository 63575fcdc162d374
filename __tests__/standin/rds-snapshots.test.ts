// DescribeDBSnapshots and DescribeDBClusterSnapshots through the real RDS client: what the
// action's snapshot lookups will meet.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  type DescribeDBSnapshotsCommandInput,
  type RDSClient
} from '@aws-sdk/client-rds'
import { startStandIn, type StandIn } from '../../test/standin/index.js'
import { clusterSnapshotArn, snapshotArn } from '../../test/support/e2e.js'
import { SEEDS, staticClient } from '../../test/support/standin.js'

describe('DescribeDBSnapshots and DescribeDBClusterSnapshots', () => {
  let standIn: StandIn
  let rds: RDSClient
  beforeAll(async () => {
    standIn = await startStandIn(SEEDS)
    rds = staticClient(standIn)
  })
  afterAll(() => standIn.close())

  const names = async (input: DescribeDBSnapshotsCommandInput) =>
    ((await rds.send(new DescribeDBSnapshotsCommand(input))).DBSnapshots ?? []).map(
      s => s.DBSnapshotIdentifier
    )

  test('DescribeDBSnapshots by instance, name, ARN, type and filters, in the caller region only', async () => {
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
    expect(await names({ DBSnapshotIdentifier: snapshotArn('shop-manual') })).toEqual([
      'shop-manual'
    ])
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
        await rds.send(
          new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'rds:prod-2026-11-25-03-10' })
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
    const answer = await rds.send(
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
    const byName = await rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'aurora-manual' })
    )
    expect(byName.DBClusterSnapshots?.[0]?.Engine).toBe('aurora-mysql')
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
