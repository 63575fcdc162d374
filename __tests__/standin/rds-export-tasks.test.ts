// Export tasks through the real RDS client: StartExportTask with RDS's refusals, timelines of
// progress, DescribeExportTasks filters and paging, CancelExportTask, the account's export limit.
import { describe, expect, test } from '@jest/globals'
import {
  CancelExportTaskCommand,
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  paginateDescribeExportTasks,
  type DescribeExportTasksCommandInput,
  type RDSClient,
  type StartExportTaskCommandInput
} from '@aws-sdk/client-rds'
import type { StandIn, StandInOptions } from '../../test/standin/index.js'
import { EXPORT_ONLY_MAX_BYTES } from '../../test/standin/rds/export-tasks.js'
import { scenario } from '../../test/standin/scenarios.js'
import {
  ACCOUNT,
  clusterArn,
  clusterSnapshotArn,
  snapshotArn,
  withStandIn
} from '../../test/support/e2e.js'
import {
  SEEDS,
  expectError,
  exportOf,
  failure,
  staticClient,
  blockStandIn
} from '../../test/support/standin.js'

/** MySQL `database.table` entries for snapshot shop-manual, `bytes` in all with one between each. */
function exportOnlyOf(bytes: number): string[] {
  const entries: string[] = []
  let left = bytes + 1 // the first entry has no byte before it
  for (let i = 0; left > 0; i++) {
    const head = `shop.t${i}_`
    const size = Math.min(1000, left - 1)
    if (size < head.length + 1) {
      // Too short for an entry of its own: lengthen the previous one.
      entries[entries.length - 1] += 'x'.repeat(left)
      break
    }
    entries.push(head + 'x'.repeat(size - head.length))
    left -= size + 1
  }
  return entries
}

/** A clock that only advance() moves: progress is then exact however slow the machine. */
const STILL = { clock: () => Date.parse('2026-11-29T12:00:00Z') }

/** Runs `fn` with a fresh stand-in and a static-key client to it; always closes it. */
const withRds = (
  options: StandInOptions,
  fn: (rds: RDSClient, standIn: StandIn) => Promise<void>
): Promise<void> => withStandIn(options, standIn => fn(staticClient(standIn), standIn))

describe('RDS actions', () => {
  const fake = blockStandIn({
    ...SEEDS,
    ...STILL,
    timeline: { startingSeconds: 60, inProgressSeconds: 100, outcome: 'COMPLETE', totalGb: 40 }
  })

  test('a task goes STARTING, IN_PROGRESS with growing progress, then COMPLETE', async () => {
    const started = await fake.rds.send(
      new StartExportTaskCommand({
        ...exportOf('prod-nightly', snapshotArn('rds:prod-2026-11-25-03-10')),
        ExportOnly: ['app', 'app.public.orders']
      })
    )
    expect(started).toMatchObject({
      ExportTaskIdentifier: 'prod-nightly',
      Status: 'STARTING',
      PercentProgress: 0,
      TotalExtractedDataInGB: 0,
      SourceType: 'SNAPSHOT',
      S3Bucket: 'analytics-exports',
      S3Prefix: 'rds',
      ExportOnly: ['app', 'app.public.orders'],
      SnapshotTime: new Date('2026-11-25T03:10:00Z')
    })
    expect(started.TaskStartTime).toBeUndefined()
    const describe = async () =>
      (
        await fake.rds.send(
          new DescribeExportTasksCommand({ ExportTaskIdentifier: 'prod-nightly' })
        )
      ).ExportTasks?.[0]
    fake.standIn.advance(85)
    expect(await describe()).toMatchObject({
      Status: 'IN_PROGRESS',
      PercentProgress: 25,
      TotalExtractedDataInGB: 10
    })
    fake.standIn.advance(50)
    expect(await describe()).toMatchObject({
      Status: 'IN_PROGRESS',
      PercentProgress: 75,
      TotalExtractedDataInGB: 30
    })
    fake.standIn.advance(25)
    const done = await describe()
    expect(done).toMatchObject({
      Status: 'COMPLETE',
      PercentProgress: 100,
      TotalExtractedDataInGB: 40
    })
    expect(Number(done?.TaskEndTime) - Number(done?.TaskStartTime)).toBe(100_000)
    expect(done?.WarningMessage).toBeUndefined()
  })

  test('cluster snapshots export as SNAPSHOT, live clusters as CLUSTER', async () => {
    const fromSnapshot = await fake.rds.send(
      new StartExportTaskCommand(
        exportOf('aurora-snap', clusterSnapshotArn('rds:aurora-2026-11-25-04-00'))
      )
    )
    expect(fromSnapshot.SourceType).toBe('SNAPSHOT')
    const live = await fake.rds.send(
      new StartExportTaskCommand(exportOf('aurora-live', clusterArn('aurora')))
    )
    expect(live.SourceType).toBe('CLUSTER')
  })

  test('CancelExportTask answers CANCELING, later CANCELED; an ended task cannot be cancelled', async () => {
    await fake.rds.send(
      new StartExportTaskCommand(exportOf('to-cancel', snapshotArn('prod-before-upgrade')))
    )
    const canceling = await fake.rds.send(
      new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })
    )
    expect(canceling.Status).toBe('CANCELING')
    fake.standIn.advance(6)
    expect(fake.standIn.task('to-cancel')?.Status).toBe('CANCELED')
    await expectError(
      fake.rds.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })),
      'InvalidExportTaskStateFault',
      400
    )
  })

  test('filters and SourceType narrow DescribeExportTasks', async () => {
    fake.standIn.addTask({
      identifier: 'other-team-1',
      sourceArn: snapshotArn('elsewhere'),
      s3Bucket: 'other-bucket'
    })
    const ids = async (input: DescribeExportTasksCommandInput) =>
      ((await fake.rds.send(new DescribeExportTasksCommand(input))).ExportTasks ?? [])
        .map(t => t.ExportTaskIdentifier)
        .sort()
    const filter = (Name: string, ...Values: string[]) => ({ Filters: [{ Name, Values }] })
    expect(await ids(filter('s3-bucket', 'other-bucket'))).toEqual(['other-team-1'])
    expect(await ids(filter('status', 'in_progress', 'starting'))).toEqual(
      ['aurora-live', 'aurora-snap', 'other-team-1'].sort()
    )
    expect(await ids(filter('status', 'IN_PROGRESS'))).toEqual([])
    expect(await ids({ SourceType: 'CLUSTER' })).toEqual(['aurora-live'])
    expect(await ids({ SourceArn: clusterArn('aurora') })).toEqual(['aurora-live'])
    expect(await ids(filter('source-arn', snapshotArn('rds:prod-2026-11-25-03-10')))).toEqual([
      'prod-nightly'
    ])
    expect(await ids(filter('export-task-identifier', 'to-cancel'))).toEqual(['to-cancel'])
    await expectError(
      fake.rds.send(new DescribeExportTasksCommand(filter('colour', 'red'))),
      'InvalidParameterValue'
    )
    for (const SourceType of ['INSTANCE', 'cluster', '']) {
      await expectError(
        fake.rds.send(
          new DescribeExportTasksCommand({
            SourceType: SourceType as DescribeExportTasksCommandInput['SourceType']
          })
        ),
        'InvalidParameterValue',
        400
      )
    }
  })

  test('StartExportTask refuses as RDS does', async () => {
    const refusal = (
      id: string,
      sourceArn: string,
      name: string,
      status: number,
      extra: Partial<StartExportTaskCommandInput> = {}
    ): [StartExportTaskCommandInput, string, number] => [
      { ...exportOf(id, sourceArn), ...extra },
      name,
      status
    ]
    const shop = snapshotArn('shop-manual')
    const westSnap = `arn:aws:rds:us-west-2:${ACCOUNT}:snapshot:west-snap`
    const cases = [
      refusal('9-starts-with-digit', shop, 'InvalidParameterValue', 400),
      refusal('two--hyphens', shop, 'InvalidParameterValue', 400),
      refusal('trailing-', shop, 'InvalidParameterValue', 400),
      refusal('a'.repeat(61), shop, 'InvalidParameterValue', 400),
      refusal('prod-nightly', shop, 'ExportTaskAlreadyExistsFault', 400),
      refusal('missing-snap', snapshotArn('nope'), 'DBSnapshotNotFoundFault', 404),
      refusal('west', westSnap, 'DBSnapshotNotFoundFault', 404),
      refusal('missing-csnap', clusterSnapshotArn('nope'), 'DBClusterSnapshotNotFoundFault', 404),
      refusal('missing-cluster', clusterArn('nope'), 'DBClusterNotFoundFault', 404),
      refusal('creating', snapshotArn('prod-creating'), 'InvalidExportSourceStateFault', 400),
      refusal('busy-source', clusterArn('aurora'), 'InvalidExportSourceStateFault', 400),
      refusal('mysql-3-parts', shop, 'InvalidExportOnlyFault', 400, {
        ExportOnly: ['shop.public.orders']
      }),
      refusal('no-bucket', shop, 'MissingParameter', 400, { S3BucketName: undefined }),
      refusal('too-long-list', shop, 'InvalidExportOnlyFault', 400, {
        ExportOnly: exportOnlyOf(EXPORT_ONLY_MAX_BYTES + 1)
      }),
      refusal('colon-prefix', shop, 'InvalidParameterValue', 400, { S3Prefix: 'exports/2026:11' })
    ]
    const seen = []
    for (const [input, ,] of cases) {
      const error = await failure(fake.rds.send(new StartExportTaskCommand(input)))
      seen.push([input.ExportTaskIdentifier, error.name, error.$metadata.httpStatusCode])
    }
    expect(seen).toEqual(
      cases.map(([input, name, status]) => [input.ExportTaskIdentifier, name, status])
    )
  })

  test('unknown tasks: ExportTaskNotFound 404 for describe and cancel', async () => {
    await expectError(
      fake.rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' })),
      'ExportTaskNotFoundFault',
      404
    )
    await expectError(
      fake.rds.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'ghost' })),
      'ExportTaskNotFoundFault',
      404
    )
  })
})

test('ExportOnly of exactly 200 KB in all starts; one byte more is refused', () =>
  withRds({ ...SEEDS, ...STILL }, async rds => {
    const start = (id: string, bytes: number) =>
      rds.send(
        new StartExportTaskCommand({
          ...exportOf(id, snapshotArn('shop-manual')),
          ExportOnly: exportOnlyOf(bytes)
        })
      )
    const started = await start('at-the-limit', EXPORT_ONLY_MAX_BYTES)
    expect(started.ExportOnly?.join(',')).toHaveLength(EXPORT_ONLY_MAX_BYTES)
    await expectError(
      start('over-the-limit', EXPORT_ONLY_MAX_BYTES + 1),
      'InvalidExportOnlyFault',
      400
    )
  }))

test('DescribeExportTasks pages with Marker and MaxRecords 20-100', () =>
  withRds(
    {
      tasks: Array.from({ length: 45 }, (_, i) => ({
        identifier: `old-${i}`,
        sourceArn: snapshotArn(`s-${i}`),
        status: 'COMPLETE' as const
      }))
    },
    async rds => {
      const first = await rds.send(new DescribeExportTasksCommand({ MaxRecords: 20 }))
      expect(first.ExportTasks).toHaveLength(20)
      expect(first.Marker).toBeDefined()
      const sizes: number[] = []
      const seen: string[] = []
      for await (const page of paginateDescribeExportTasks({ client: rds, pageSize: 20 }, {})) {
        sizes.push(page.ExportTasks?.length ?? 0)
        seen.push(...(page.ExportTasks ?? []).map(t => t.ExportTaskIdentifier as string))
      }
      expect(sizes).toEqual([20, 20, 5])
      expect(new Set(seen).size).toBe(45)
      await expectError(
        rds.send(new DescribeExportTasksCommand({ MaxRecords: 10 })),
        'InvalidParameterValue',
        400
      )
    }
  ))

describe('timelines and scenarios', () => {
  test('per-identifier timelines: failure, warning, uneven progress, lower-case statuses, timeScale', () =>
    withRds(
      {
        ...SEEDS,
        ...STILL,
        timeScale: 60,
        lowercaseStatus: true,
        timelines: {
          fails: {
            startingSeconds: 600,
            inProgressSeconds: 0,
            outcome: 'FAILED',
            failureCause: "The IAM role can't be assumed"
          },
          warns: { startingSeconds: 60, inProgressSeconds: 600, outcome: 'COMPLETE_WITH_WARNING' },
          uneven: {
            startingSeconds: 0,
            inProgressSeconds: 1000,
            outcome: 'COMPLETE',
            progressCurve: 'uneven'
          }
        }
      },
      async (rds, standIn) => {
        const start = (id: string, snapshot: string) =>
          rds.send(new StartExportTaskCommand(exportOf(id, snapshotArn(snapshot))))
        await start('fails', 'rds:prod-2026-11-25-03-10')
        await start('warns', 'shop-manual')
        await start('uneven', 'prod-before-upgrade')
        const statuses = async () =>
          Object.fromEntries(
            ((await rds.send(new DescribeExportTasksCommand({}))).ExportTasks ?? []).map(t => [
              t.ExportTaskIdentifier,
              `${t.Status}:${t.PercentProgress}`
            ])
          )
        // 5 real seconds are 300 scenario seconds.
        standIn.advance(5)
        expect(await statuses()).toEqual({
          fails: 'starting:0',
          warns: 'in_progress:40',
          uneven: 'in_progress:5'
        })
        standIn.advance(5)
        expect(await statuses()).toEqual({
          fails: 'failed:0',
          warns: 'in_progress:90',
          uneven: 'in_progress:80'
        })
        standIn.advance(10)
        const tasks = (await rds.send(new DescribeExportTasksCommand({}))).ExportTasks ?? []
        expect(tasks.map(t => [t.ExportTaskIdentifier, t.Status])).toEqual([
          ['fails', 'failed'],
          ['warns', 'complete'],
          ['uneven', 'complete']
        ])
        expect(tasks[0]?.FailureCause).toBe("The IAM role can't be assumed")
        expect(JSON.parse(tasks[1]?.WarningMessage ?? '')).toHaveProperty('general')
        expect(tasks[2]?.WarningMessage).toBeUndefined()
      }
    ))

  test('the account limit: five busy exports refuse a sixth until one ends', () =>
    withRds(
      {
        ...SEEDS,
        tasks: Array.from({ length: 5 }, (_, i) => ({
          identifier: `busy-${i}`,
          sourceArn: snapshotArn(`other-${i}`),
          startedSecondsAgo: 100 * i,
          timeline: { startingSeconds: 0, inProgressSeconds: 1000, outcome: 'COMPLETE' as const }
        }))
      },
      async (rds, standIn) => {
        const sixth = () =>
          rds.send(new StartExportTaskCommand(exportOf('sixth', snapshotArn('shop-manual'))))
        const full = await expectError(sixth(), 'ExportTaskLimitReachedFault', 400)
        expect(full.message).toBe('You have reached the limit of 5 concurrent export tasks')
        standIn.advance(601) // busy-4 started 400 s ago and runs 1000 s
        expect(
          standIn
            .tasks()
            .filter(t => t.Status === 'COMPLETE')
            .map(t => t.ExportTaskIdentifier)
        ).toEqual(['busy-4'])
        expect((await sixth()).Status).toBe('STARTING')
      }
    ))

  test('the busy scenario holds every slot until its first export ends', async () => {
    const seen: string[] = []
    await withRds(
      {
        ...scenario('busy', new Date('2026-11-25T12:00:00Z')),
        onRequest: entry => seen.push(`${entry.action} ${entry.status} ${entry.code ?? ''}`.trim())
      },
      async (rds, standIn) => {
        const [newest] = (
          await rds.send(
            new DescribeDBSnapshotsCommand({
              DBInstanceIdentifier: 'prod',
              SnapshotType: 'automated'
            })
          )
        ).DBSnapshots!.sort((a, b) => Number(b.SnapshotCreateTime) - Number(a.SnapshotCreateTime))
        expect(newest?.DBSnapshotIdentifier).toBe('rds:prod-2026-11-24-03-10')
        const input = exportOf('prod-demo', newest?.DBSnapshotArn as string)
        await expectError(
          rds.send(new StartExportTaskCommand(input)),
          'ExportTaskLimitReachedFault'
        )
        standIn.advance(240 / 30) // the first busy export ends 240 scenario seconds from now, at x30
        expect((await rds.send(new StartExportTaskCommand(input))).Status).toBe('STARTING')
        expect(seen).toEqual([
          'DescribeDBSnapshots 200',
          'StartExportTask 400 ExportTaskLimitReachedFault',
          'StartExportTask 200'
        ])
      }
    )
  })

  test('ExportTaskNotFound can be swapped for an empty list', () =>
    withRds({ unknownTaskAnswer: 'empty' }, async rds => {
      const answer = await rds.send(
        new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' })
      )
      expect(answer.ExportTasks).toEqual([])
    }))
})
