// What an export writes, as the seeds say: the databases of a snapshot, cluster snapshot,
// cluster, instance or task (the clean tables of the engine when none are seeded), their
// variations, the task's WarningMessage, the buckets that exist, and a thousand tables listed
// through the real S3 client.
import { describe, expect, test } from '@jest/globals'
import {
  CreateDBSnapshotCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  type StartExportTaskCommandInput
} from '@aws-sdk/client-rds'
import { ListObjectsV2Command, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3'
import {
  APPDB,
  SHOP,
  cleanSource,
  manyTables,
  startStandIn,
  type StandIn,
  type StandInOptions,
  type WrittenExport
} from '../../test/standin/index.js'
import { scenario } from '../../test/standin/scenarios.js'
import { REGION, clusterArn, clusterSnapshotArn, snapshotArn } from '../../test/support/e2e.js'
import { expectError, exportOf, staticClient, staticKey } from '../../test/support/standin.js'

/** DEFAULT_TIMELINE: 60 s STARTING, 240 s IN_PROGRESS. */
const EXPORT_SECONDS = 300

/** Starts a stand-in with `seeds`, runs `fn` with it, always closes it. */
async function withStandIn(seeds: StandInOptions, fn: (standIn: StandIn) => Promise<void>) {
  const standIn = await startStandIn(seeds)
  try {
    await fn(standIn)
  } finally {
    await standIn.close()
  }
}

/** Exports `sourceArn` as `identifier` and lets it complete; what it wrote, and its warning. */
async function exported(
  standIn: StandIn,
  identifier: string,
  sourceArn: string,
  extra: Partial<StartExportTaskCommandInput> = {}
): Promise<{ written: WrittenExport; warning?: string }> {
  const rds = staticClient(standIn)
  await rds.send(new StartExportTaskCommand({ ...exportOf(identifier, sourceArn), ...extra }))
  standIn.advance(EXPORT_SECONDS)
  const described = await rds.send(
    new DescribeExportTasksCommand({ ExportTaskIdentifier: identifier })
  )
  const task = described.ExportTasks?.[0]
  expect(task?.Status).toBe('COMPLETE')
  const written = standIn.exportFiles.written(identifier)
  if (!written) throw new Error(`nothing written for ${identifier}`)
  return { written, warning: task?.WarningMessage }
}

const targets = (written: WrittenExport): string[] => written.tables.map(t => t.target)
const cleanTargets = (engine: string): string[] =>
  cleanSource(engine).databases.flatMap(db =>
    db.tables.map(
      t => `${db.name}.${engine === 'mysql' ? '' : `${t.schema ?? 'public'}.`}${t.name}`
    )
  )

describe('the source of an export', () => {
  test('no databases seeded: the clean tables of its engine, every one COMPLETE, no warning', () =>
    withStandIn(
      {
        snapshots: [
          { identifier: 'pg', instanceIdentifier: 'prod' },
          { identifier: 'my', instanceIdentifier: 'shop', engine: 'mysql' }
        ]
      },
      async standIn => {
        const pg = await exported(standIn, 'pg-1', snapshotArn('pg'))
        expect(targets(pg.written)).toEqual(cleanTargets('postgres'))
        expect(pg.written.tables.every(t => t.status === 'COMPLETE')).toBe(true)
        expect(pg.warning).toBeUndefined()
        const my = await exported(standIn, 'my-1', snapshotArn('my'))
        expect(targets(my.written)).toEqual(['shop.products', 'shop.stock_moves'])
      }
    ))

  test('APPDB: a skipped table, an empty one, a database warning, and the task warns of them', () =>
    withStandIn(
      { snapshots: [{ identifier: 'nightly', instanceIdentifier: 'prod', databases: APPDB }] },
      async standIn => {
        const { written, warning } = await exported(standIn, 'all-1', snapshotArn('nightly'))
        const secrets = written.tables.find(t => t.target === 'appdb.public.secrets')
        expect(secrets).toMatchObject({ status: 'SKIPPED', files: [] })
        const empty = written.tables.find(t => t.target === 'appdb.public.audit_log')
        expect(empty).toMatchObject({ status: 'COMPLETE', files: [], rows: [] })
        expect(written.warnings).toEqual({
          reporting: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE'
        })
        expect(JSON.parse(warning ?? '{}')).toEqual({
          skippedTables: [{ target: 'appdb.public.secrets', reason: 'PERMISSIONS_DO_NOT_EXIST' }],
          skippedObjectives: [],
          general: [{ target: 'reporting', reason: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' }]
        })
        const only = await exported(standIn, 'orders-1', snapshotArn('nightly'), {
          ExportOnly: ['appdb.public.orders']
        })
        expect([targets(only.written), only.warning]).toEqual([['appdb.public.orders'], undefined])
      }
    ))

  test('a cluster’s databases and variations: its live export and its snapshots', () =>
    withStandIn(
      {
        clusters: [
          {
            identifier: 'aurora',
            engine: 'aurora-mysql',
            databases: SHOP,
            exportVariations: { alphanumericBatches: true }
          }
        ],
        clusterSnapshots: [
          { identifier: 'weekly', clusterIdentifier: 'aurora', engine: 'aurora-mysql' },
          {
            identifier: 'flat',
            clusterIdentifier: 'aurora',
            engine: 'aurora-mysql',
            exportVariations: { flatLayout: true }
          }
        ]
      },
      async standIn => {
        const batch = (written: WrittenExport): string => {
          const table = written.tables[0]
          return (table?.files[0] ?? '').slice(table?.folder.length).split('/')[0] as string
        }
        const live = await exported(standIn, 'live-1', clusterArn('aurora'))
        expect(targets(live.written)).toEqual(['shop.products', 'shop.stock_moves'])
        expect(batch(live.written)).toMatch(/^[0-9a-z]{12}$/)
        const weekly = await exported(standIn, 'weekly-1', clusterSnapshotArn('weekly'))
        expect(targets(weekly.written)).toEqual(targets(live.written))
        expect(batch(weekly.written)).toMatch(/^[0-9a-z]{12}$/)
        const flat = await exported(standIn, 'flat-1', clusterSnapshotArn('flat'))
        expect(batch(flat.written)).toMatch(/^part-00000-.*\.gz\.parquet$/)
      }
    ))

  test('an instance’s databases: those of the snapshot CreateDBSnapshot takes of it', () =>
    withStandIn({ instances: [{ identifier: 'prod', databases: APPDB }] }, async standIn => {
      await staticClient(standIn).send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'prod', DBSnapshotIdentifier: 'fresh' })
      )
      standIn.advance(120)
      const { written, warning } = await exported(standIn, 'fresh-1', snapshotArn('fresh'))
      expect(targets(written)).toContain('appdb.public.secrets')
      expect(warning).toContain('PERMISSIONS_DO_NOT_EXIST')
    }))

  test('seeded tasks: their own databases, or the clean tables of their engine', () =>
    withStandIn(
      {
        tasks: [
          {
            identifier: 'other-team',
            sourceArn: snapshotArn('not-seeded'),
            s3Bucket: 'other-team-exports',
            engine: 'mysql',
            status: 'COMPLETE'
          },
          {
            identifier: 'old-flat',
            sourceArn: snapshotArn('not-seeded-either'),
            status: 'COMPLETE',
            databases: APPDB,
            exportVariations: { flatLayout: true, chunks: 3 }
          }
        ]
      },
      async standIn => {
        const other = standIn.exportFiles.written('other-team')
        expect([other?.bucket, other && targets(other)]).toEqual([
          'other-team-exports',
          cleanTargets('mysql')
        ])
        expect(standIn.task('old-flat')?.WarningMessage).toContain('appdb.public.secrets')
        expect(standIn.exportFiles.written('old-flat')?.metadataKeys).toHaveLength(1 + 3)
      }
    ))
})

describe('buckets', () => {
  test('seeded: StartExportTask refuses any other with InvalidS3BucketFault, S3 knows no other', () =>
    withStandIn(
      {
        buckets: ['analytics-exports'],
        snapshots: [{ identifier: 'nightly', instanceIdentifier: 'prod' }]
      },
      async standIn => {
        const rds = staticClient(standIn)
        const start = (bucket: string) =>
          rds.send(
            new StartExportTaskCommand({
              ...exportOf(`to-${bucket}`, snapshotArn('nightly')),
              S3BucketName: bucket
            })
          )
        await expectError(start('no-such-bucket'), 'InvalidS3BucketFault', 400)
        await expect(start('analytics-exports')).resolves.toBeDefined()
        const s3 = new S3Client({
          region: REGION,
          endpoint: standIn.url,
          maxAttempts: 1,
          credentials: staticKey(standIn)
        })
        await expectError(
          s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket' })),
          'NoSuchBucket',
          404
        )
        expect(standIn.s3.hasBucket('analytics-exports')).toBe(true)
      }
    ))
})

describe('many tables', () => {
  test('manyTables(1000): a thousand table folders, listed page by page', () =>
    withStandIn(
      {
        snapshots: [
          { identifier: 'wide', instanceIdentifier: 'dwh', databases: manyTables(1000).databases }
        ]
      },
      async standIn => {
        const { written } = await exported(standIn, 'wide-1', snapshotArn('wide'))
        expect(written.tables).toHaveLength(1000)
        const s3 = new S3Client({
          region: REGION,
          endpoint: standIn.url,
          maxAttempts: 1,
          credentials: staticKey(standIn)
        })
        const folders: string[] = []
        const pages = paginateListObjectsV2(
          { client: s3 },
          { Bucket: written.bucket, Prefix: `${written.root}bench/`, Delimiter: '/' }
        )
        for await (const page of pages) {
          folders.push(...(page.CommonPrefixes ?? []).map(p => p.Prefix as string))
        }
        expect(folders).toEqual(written.tables.map(t => t.folder))
        expect(written.parquetEncodings).toBe(1)
      }
    ))
})

describe('the demo’s scenarios', () => {
  const at = new Date('2026-11-25T12:00:00Z')
  const newest = (standIn: StandIn): string =>
    standIn
      .snapshots()
      .filter(s => s.parent === 'prod')
      .sort((a, b) => b.createTime.getTime() - a.createTime.getTime())[0]?.arn ?? ''

  test.each([
    ['demo', 'nothing', undefined],
    ['demo-warnings', 'its skipped table', 'appdb.public.secrets']
  ] as const)(
    '%s: prod’s newest snapshot exports appdb; the task warns of %s',
    (name, _, skipped) =>
      withStandIn({ ...scenario(name, at), clock: () => at.getTime() }, async standIn => {
        const { written, warning } = await exported(standIn, 'demo-1', newest(standIn))
        expect(targets(written)).toEqual(
          expect.arrayContaining(['appdb.public.orders', 'appdb.billing.invoices'])
        )
        expect(warning && JSON.parse(warning).skippedTables[0].target).toBe(skipped)
      })
  )

  test('demo-snapshot: prod has no snapshot until one is taken; that one exports appdb', () =>
    withStandIn({ ...scenario('demo-snapshot', at), clock: () => at.getTime() }, async standIn => {
      expect(newest(standIn)).toBe('')
      await staticClient(standIn).send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'prod', DBSnapshotIdentifier: 'now' })
      )
      standIn.advance(240 / 30)
      const { written } = await exported(standIn, 'demo-1', newest(standIn))
      expect(targets(written)).toContain('appdb.public.customers')
    }))
})
