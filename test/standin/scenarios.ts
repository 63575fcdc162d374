// Named scenarios for `npm run demo`, manual runs and benchmarks: an account with a PostgreSQL
// instance, a MySQL instance and an Aurora cluster, their snapshots (a new one takes 4 scenario
// minutes), and the databases in them that an export writes to S3 (export-fixtures.ts).
//   demo            every table exports COMPLETE: a clean tables report
//   demo-warnings   prod's export skips a table and can't list a database: the warning path
//   demo-snapshot   prod is a new instance with no snapshot yet: for create-snapshot
//   busy            demo, with five exports of other teams holding every export slot a while
// `npm run demo` runs them on a faster clock (scripts/demo-run.ts): demo without an option,
// demo-snapshot with --fresh-snapshot, demo-warnings with --warnings, busy with --busy.
import type { InstanceSeed, SnapshotSeed, StandInOptions, TaskSeed } from './index.js'
import { APPDB, SHOP, cleanSource } from './export-fixtures.js'

export type ScenarioName = 'demo' | 'demo-warnings' | 'demo-snapshot' | 'busy'

export const SCENARIOS: ScenarioName[] = ['demo', 'demo-warnings', 'demo-snapshot', 'busy']

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'

/** Days before `now` at 03:10 UTC, the hour automated snapshots are taken here. */
function daysAgo(now: Date, days: number): string {
  const day = new Date(now.getTime() - days * 86400_000)
  day.setUTCHours(3, 10, 0, 0)
  return day.toISOString()
}

function dated(now: Date, days: number): string {
  return daysAgo(now, days).slice(0, 10)
}

/** prod's snapshots: three automated ones and a manual one before an upgrade. */
function prodSnapshots(now: Date): SnapshotSeed[] {
  return [
    ...[3, 2, 1].map(days => ({
      identifier: `rds:prod-${dated(now, days)}-03-10`,
      instanceIdentifier: 'prod',
      createTime: daysAgo(now, days)
    })),
    { identifier: 'prod-before-upgrade', instanceIdentifier: 'prod', createTime: daysAgo(now, 10) }
  ]
}

/** prod (PostgreSQL: appdb, clean unless `warnings`) and shop (MySQL); their snapshots hold
 * what they hold. */
function instances(warnings: boolean): InstanceSeed[] {
  return [
    { identifier: 'prod', databases: warnings ? APPDB : cleanSource('postgres').databases },
    { identifier: 'shop', engine: 'mysql', databases: SHOP }
  ]
}

function demo(now: Date, name: ScenarioName): StandInOptions {
  return {
    region: REGION,
    account: ACCOUNT,
    // An export of about 18 scenario minutes shows in about 36 seconds.
    timeScale: 30,
    timeline: {
      startingSeconds: 180,
      inProgressSeconds: 900,
      outcome: 'COMPLETE',
      totalGb: 48,
      progressCurve: 'uneven'
    },
    instances: instances(name === 'demo-warnings'),
    snapshotTimeline: { creatingSeconds: 240 },
    snapshots: [
      ...(name === 'demo-snapshot' ? [] : prodSnapshots(now)),
      {
        identifier: `rds:shop-${dated(now, 1)}-03-10`,
        instanceIdentifier: 'shop',
        engine: 'mysql',
        createTime: daysAgo(now, 1)
      }
    ],
    clusterSnapshots: [
      {
        identifier: `rds:aurora-${dated(now, 1)}-03-10`,
        clusterIdentifier: 'aurora',
        createTime: daysAgo(now, 1)
      }
    ],
    clusters: [{ identifier: 'aurora' }]
  }
}

export function scenario(name: ScenarioName, now = new Date()): StandInOptions {
  if (name !== 'busy') return demo(now, name)
  // Five exports of other sources hold every slot; the first ends 4 scenario minutes from now.
  const busy: TaskSeed[] = Array.from({ length: 5 }, (_, i) => ({
    identifier: `analytics-nightly-${i + 1}`,
    sourceArn: `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:analytics-${i + 1}`,
    s3Bucket: 'analytics-team-exports',
    startedSecondsAgo: 600,
    timeline: {
      startingSeconds: 120,
      inProgressSeconds: 720 + 300 * i,
      outcome: 'COMPLETE',
      totalGb: 20 + 5 * i
    }
  }))
  return { ...demo(now, 'demo'), tasks: busy }
}
