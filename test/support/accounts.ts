// Accounts the end-to-end tests run the action against: what they seed the stand-in with, and
// the inputs most of them start from.
import {
  defaultSource,
  manyTables,
  type ExportSource,
  type StandInOptions,
  type TaskSeed
} from '../standin/index.js'
import { ACCOUNT, BUCKET, REGION, snapshotArn, startInputs } from './e2e.js'

const HOUR = 3600_000
const ago = (hours: number): Date => new Date(Date.now() - hours * HOUR)

/** A snapshot of `creating` status, taken `hours` ago. */
const creating = (hours: number) => ({ createTime: ago(hours), status: 'creating' })

/** An account with PostgreSQL instances (prod, prod2), a MySQL one (shop) and an Aurora cluster,
 * each with snapshots of every kind, one newer than the rest still being created. */
export const ACCOUNT_SEEDS: StandInOptions = {
  region: REGION,
  account: ACCOUNT,
  instances: [
    { identifier: 'prod' },
    { identifier: 'prod2' },
    { identifier: 'shop', engine: 'mysql' }
  ],
  snapshots: [
    { identifier: 'rds:prod-2026-11-22-03-10', instanceIdentifier: 'prod', createTime: ago(72) },
    { identifier: 'rds:prod-2026-11-24-03-10', instanceIdentifier: 'prod', createTime: ago(24) },
    { identifier: 'prod-before-upgrade', instanceIdentifier: 'prod', createTime: ago(48) },
    // Newer than every available one, but not finished: never the one to export.
    { identifier: 'prod-in-the-making', instanceIdentifier: 'prod', ...creating(1) },
    // Newest of all, of another instance.
    { identifier: 'prod2-latest', instanceIdentifier: 'prod2', createTime: ago(0.5) },
    { identifier: 'shop-nightly', instanceIdentifier: 'shop', engine: 'mysql', createTime: ago(5) }
  ],
  clusterSnapshots: [
    { identifier: 'rds:aurora-2026-11-23-03-10', clusterIdentifier: 'aurora', createTime: ago(48) },
    { identifier: 'aurora-weekly', clusterIdentifier: 'aurora', createTime: ago(20) },
    { identifier: 'aurora-now', clusterIdentifier: 'aurora', ...creating(0.2) }
  ],
  clusters: [{ identifier: 'aurora' }]
}

/** Scenario seconds per real second in the waiting tests: a scenario minute is a real second. */
export const SCALE = 60

/** Two snapshots of prod; an export takes 2 s STARTING and 6 s IN_PROGRESS (real), 263 GB. */
export const PROD: StandInOptions = {
  region: REGION,
  account: ACCOUNT,
  timeScale: SCALE,
  timeline: { startingSeconds: 120, inProgressSeconds: 360, outcome: 'COMPLETE', totalGb: 263 },
  snapshots: [
    { identifier: 'prod-before-upgrade', instanceIdentifier: 'prod' },
    { identifier: 'prod-weekly', instanceIdentifier: 'prod' }
  ]
}

/** `base` (PROD by default) with every snapshot holding `source`: its engine, databases and
 * variations, which an export writes to S3 (exportFiles.written(id) says what it wrote). */
export function exporting(source: ExportSource, base: StandInOptions = PROD): StandInOptions {
  return {
    ...base,
    snapshots: base.snapshots?.map(snapshot => ({
      ...snapshot,
      engine: source.engine,
      databases: source.databases,
      exportVariations: source.variations
    }))
  }
}

/** PROD with an export of 1.5 real seconds (0.5 s STARTING), for tests about what it wrote. */
export const QUICK: StandInOptions = {
  ...PROD,
  timeline: { startingSeconds: 30, inProgressSeconds: 60, outcome: 'COMPLETE', totalGb: 263 }
}

/** QUICK exporting APPDB (PostgreSQL): seven tables in two schemas, among them `secrets`
 * SKIPPED, `audit_log` empty, `order` a reserved word, `line-items` a name Glue rewrites, and a
 * database `reporting` RDS couldn't list; so the COMPLETE task carries a WarningMessage. */
export const PROD_APPDB = exporting(defaultSource('postgres'), QUICK)

/** QUICK exporting SHOP (MySQL): `shop.products` and `shop.stock_moves` in two batches. */
export const PROD_SHOP = exporting(defaultSource('mysql'), QUICK)

/** PROD exporting a thousand alike tables (`bench.public.t00001`, ...), for the benchmark. */
export const PROD_1000_TABLES = exporting(manyTables(1000))

/** An export that runs far longer than any wait here (100 real seconds). */
export const LONG: StandInOptions = {
  ...PROD,
  timeline: { startingSeconds: 60, inProgressSeconds: 6000, outcome: 'COMPLETE' }
}

/** Start `prod-export` of prod-before-upgrade and wait, checking at least every 5 s. */
export const waitInputs = (extra: Record<string, string> = {}): Record<string, string> =>
  startInputs({
    'db-snapshot-identifier': 'prod-before-upgrade',
    'export-task-identifier': 'prod-export',
    wait: 'true',
    'poll-interval-seconds': '5',
    ...extra
  })

/** A task of our own that is already running (seeded), for the other modes. */
export const running = (identifier: string, extra: Partial<TaskSeed> = {}): TaskSeed => ({
  identifier,
  sourceArn: snapshotArn('prod-before-upgrade'),
  s3Bucket: BUCKET,
  startedSecondsAgo: 180,
  timeline: { startingSeconds: 60, inProgressSeconds: 6000 },
  ...extra
})

/** Five exports of other teams hold every slot; the first ends `firstEndsIn` scenario seconds
 * from now, the others long after. */
export const busyTasks = (firstEndsIn: number): TaskSeed[] =>
  Array.from({ length: 5 }, (_, i) => ({
    identifier: `analytics-nightly-${i + 1}`,
    sourceArn: snapshotArn(`analytics-${i + 1}`),
    s3Bucket: 'analytics-team-exports',
    startedSecondsAgo: 600,
    timeline: {
      startingSeconds: 60,
      inProgressSeconds: (i === 0 ? firstEndsIn : 6000) + 540,
      outcome: 'COMPLETE' as const
    }
  }))
