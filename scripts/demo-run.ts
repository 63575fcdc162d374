// The demo's runs, for scripts/demo.ts (which prints them) and scripts/screenshot.ts (which
// photographs the summary): which stand-in scenario, which inputs, and one function that starts
// the stand-in, runs the bundled action (dist/index.js) against it as the runner would, and
// hands back what the step left: log, outputs, summary (as markdown and as GitHub renders it),
// the tables file, and what the stand-in was asked.
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  type StandIn,
  type StandInOptions,
  startStandIn,
  type Timeline
} from '../test/standin/index.js'
import { type ScenarioName, scenario } from '../test/standin/scenarios.js'
import { findLeaks } from '../test/support/e2e.js'
import { type RunResult, runAction } from '../test/support/run-action.js'
import { renderGfm } from './gfm.js'

/** AWS's example: 263 GB in about 39 minutes; restoring the snapshot first takes a while. */
export const DEMO_263: Timeline = {
  startingSeconds: 6 * 60,
  inProgressSeconds: 33 * 60,
  outcome: 'COMPLETE',
  totalGb: 263,
  progressCurve: 'uneven'
}
/** Real seconds the 39 minutes take: the stand-in's clock runs TIME_SCALE times fast. */
export const DEMO_SECONDS = 20
export const TIME_SCALE = (DEMO_263.startingSeconds + DEMO_263.inProgressSeconds) / DEMO_SECONDS
/** A first manual snapshot of a 263 GB instance: a quarter of an hour (about 8 s here). */
const SNAPSHOT_SECONDS = 15 * 60

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'

export type DemoName = 'export' | 'fresh-snapshot' | 'warnings' | 'busy'

export interface Demo {
  name: DemoName
  /** The command-line flag that picks it; none for the default. */
  flag?: string
  /** One line for --help. */
  help: string
  /** What the run is about to do, in a few lines for someone who has never seen the action. */
  story: string[]
  scenario: ScenarioName
  /** Over the scenario's options. */
  standIn?: Partial<StandInOptions>
  inputs: Record<string, string>
  workflow: string
  job: string
}

const ROLE = { 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/github-rds-export` }
/** Where the export goes, after the source's inputs and before the waiting ones. */
function destination(prefix: string): Record<string, string> {
  return {
    's3-bucket-name': 'acme-db-exports',
    's3-prefix': prefix,
    'iam-role-arn': `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
    'kms-key-id': `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    ...ROLE
  }
}
const WAITING = {
  wait: 'true',
  // The real default is 60 s; the demo's minutes pass in seconds.
  'poll-interval-seconds': '5'
}

/** The nightly export step, its workflow and job, as the default and --warnings demos run it. */
const NIGHTLY = {
  inputs: {
    'db-instance-identifier': 'prod',
    ...destination('nightly'),
    ...WAITING,
    'glue-database': 'rds_exports'
  },
  workflow: 'Nightly export',
  job: 'export'
}

export const DEMOS: Demo[] = [
  {
    name: 'export',
    help: 'the newest snapshot of prod exported; its tables reported and registered in Glue',
    story: [
      `The step exports the newest snapshot of the PostgreSQL instance "prod" (263 GB, about 39`,
      `minutes on AWS, about ${DEMO_SECONDS} s here) to S3 and waits for it. Once it is COMPLETE, the step`,
      'reads what the export wrote, reports every table, and registers each one in the Glue Data',
      'Catalog (database rds_exports), so Athena can query it at once: the summary gives the query.'
    ],
    scenario: 'demo',
    ...NIGHTLY
  },
  {
    name: 'fresh-snapshot',
    flag: '--fresh-snapshot',
    help: 'create-snapshot: a snapshot of prod taken now, then exported (a backup before a migration)',
    story: [
      'A backup before a release migrates the database. The instance "prod" is new: it has no',
      'snapshot yet. With create-snapshot: true the step takes one now (about 15 minutes on AWS,',
      `about ${Math.round(SNAPSHOT_SECONDS / TIME_SCALE)} s here), waits until it is available, exports it to S3 and waits for the export`,
      `(about ${DEMO_SECONDS} s more), then reports the tables. The snapshot is kept: it is the backup a`,
      'restore starts from.'
    ],
    scenario: 'demo-snapshot',
    standIn: { snapshotTimeline: { creatingSeconds: SNAPSHOT_SECONDS } },
    inputs: {
      'db-instance-identifier': 'prod',
      'create-snapshot': 'true',
      'snapshot-tags': 'reason=pre-migration, release=v2.4.0',
      ...destination('pre-migration'),
      ...WAITING
    },
    workflow: 'Back up, then migrate',
    job: 'backup-and-migrate'
  },
  {
    name: 'warnings',
    flag: '--warnings',
    help: 'the default, but RDS skips a table and cannot list a database: the warnings',
    story: [
      "The default demo's export, from a database RDS cannot export whole: it skips a table and",
      'cannot list one database. The step still succeeds (fail-on-warning is false), but says so',
      'in the log and leads the summary with the warnings.'
    ],
    scenario: 'demo-warnings',
    ...NIGHTLY
  },
  {
    name: 'busy',
    flag: '--busy',
    help: 'other teams hold every export slot: the step waits for one, then exports',
    story: [
      'Five exports of another team already run in this account: RDS allows five at a time. The',
      'step waits for a free slot (logged) instead of failing, then exports the newest snapshot',
      'of "prod" and waits for it.'
    ],
    scenario: 'busy',
    inputs: {
      'db-instance-identifier': 'prod',
      ...destination('nightly'),
      ...WAITING
    },
    workflow: 'Nightly export',
    job: 'export'
  }
]

export const DEFAULT_DEMO = DEMOS[0] as Demo

export interface DemoArgs {
  demo: Demo
  help: boolean
}

/** The demo a command line asks for; an unknown flag, or two demos, throw with what to type. */
export function parseDemoArgs(argv: string[]): DemoArgs {
  let picked: Demo | undefined
  let help = false
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      help = true
      continue
    }
    const demo = DEMOS.find(d => d.flag === arg)
    if (!demo) throw new Error(`Unknown option '${arg}'. ${usageLine()}`)
    if (picked && picked !== demo) {
      throw new Error(`Pick one demo at a time ('${picked.flag}' or '${arg}'). ${usageLine()}`)
    }
    picked = demo
  }
  return { demo: picked ?? DEFAULT_DEMO, help }
}

function usageLine(): string {
  const flags = DEMOS.flatMap(d => (d.flag ? [`[${d.flag}]`] : []))
  return `Usage: npm run demo -- ${flags.join(' | ')} [--help]`
}

/** --help: every demo and its flag. */
export function helpText(): string {
  const rows = DEMOS.map(d => [d.flag ?? '(no option)', d.help] as const)
  const pad = Math.max(...rows.map(([flag]) => flag.length))
  return [
    'npm run demo [-- OPTION]',
    '',
    'Runs the bundled action (dist/index.js) against a local stand-in of RDS, STS, S3, Glue and',
    "GitHub's OIDC endpoint on 127.0.0.1: no AWS account, no network. Streams the step's log,",
    'then prints the outputs and the step summary, and writes the summary as a web page',
    '(demo-output/summary.html).',
    '',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(pad)}  ${help}`),
    `  ${'--help'.padEnd(pad)}  this text`,
    '',
    'npm run demo builds dist/ first; npx tsx scripts/demo.ts runs the bundle as it is.'
  ].join('\n')
}

export interface DemoRun {
  result: RunResult
  /** The summary as GitHub renders and cleans it. */
  summaryHtml: string
  /** What the stand-in answered, by operation, in order of first use. */
  requests: Map<string, number>
  /** What the step left in the stand-in's account: snapshots taken, export files, Glue. */
  account: string[]
  /** Keys and tokens the stand-in issued, and where any appears in the step's output. */
  secrets: string[]
  leaks: string[]
}

export const RUN_ENV = {
  GITHUB_RUN_ID: '8812345678',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REPOSITORY: 'acme/warehouse'
}

/** Starts the stand-in, runs the action against it, and stops it. */
export async function runDemo(
  demo: Demo,
  options: {
    /** Each chunk of the step's log as it comes; the stand-in's secrets so far, to mask them. */
    onOutput?: (chunk: string, issuedSecrets: () => string[]) => void
    /** When the run starts: the stand-in's clock and the step's wall clock both start here and
     * run in real time (so every date the summary shows is the same, whatever the day). Default
     * the real time. */
    now?: Date
  } = {}
): Promise<DemoRun> {
  const offsetMs = options.now ? options.now.getTime() - Date.now() : 0
  const standIn: StandIn = await startStandIn({
    ...scenario(demo.scenario, options.now),
    timeScale: TIME_SCALE,
    timeline: DEMO_263,
    ...demo.standIn,
    ...(options.now ? { clock: () => Date.now() + offsetMs } : {})
  })
  try {
    const before = standIn.now().getTime()
    const result = await runAction({
      inputs: demo.inputs,
      env: {
        ...standIn.env(),
        ...RUN_ENV,
        GITHUB_WORKFLOW: demo.workflow,
        GITHUB_JOB: demo.job,
        ...(options.now ? clockOffsetEnv(offsetMs) : {})
      },
      onOutput: chunk => options.onOutput?.(chunk, () => standIn.issuedSecrets())
    })
    const requests = new Map<string, number>()
    for (const r of standIn.requests) {
      const key =
        r.service === 'oidc' ? 'GitHub OIDC token' : `${serviceName(r.service)} ${r.action}`
      requests.set(key, (requests.get(key) ?? 0) + 1)
    }
    const secrets = standIn.issuedSecrets()
    return {
      result,
      summaryHtml: renderGfm(result.summary),
      requests,
      account: accountAfter(standIn, before, result.outputs['export-task-identifier']),
      secrets,
      leaks: findLeaks(result, secrets)
    }
  } finally {
    await standIn.close()
  }
}

const CLOCK_OFFSET = fileURLToPath(new URL('../test/support/clock-offset.mjs', import.meta.url))

/** The environment that sets the step's wall clock `offsetMs` from the real one. */
export function clockOffsetEnv(offsetMs: number): Record<string, string> {
  return {
    NODE_OPTIONS: `--import=${pathToFileURL(CLOCK_OFFSET).href}`,
    CLOCK_OFFSET_MS: String(offsetMs)
  }
}

/** One line for each thing the step made: a snapshot, an export's files, a Glue database. */
function accountAfter(standIn: StandIn, since: number, taskId = ''): string[] {
  const lines: string[] = []
  for (const s of standIn.snapshots()) {
    if (s.createTime.getTime() < since) continue
    const tags = Object.entries(s.tags).map(([key, value]) => `${key}=${value}`)
    const kind = s.kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
    lines.push(
      `${kind} ${s.identifier} of ${s.parent}: ${s.status}, ${s.type}; tags ${tags.join(', ') || '(none)'}`
    )
  }
  const written = taskId ? standIn.exportFiles.written(taskId) : undefined
  if (written) {
    const files = written.tables.reduce((n, t) => n + t.files.length, 0)
    lines.push(
      `s3://${written.bucket}/${written.root}: ${written.tables.length} tables in ${files} Parquet files, ${written.metadataKeys.length} metadata files`
    )
  }
  for (const database of standIn.glue.databaseNames()) {
    const tables = standIn.glue.tableNames(database)
    lines.push(`Glue database ${database}: ${tables.length} tables (${tables.join(', ')})`)
  }
  return lines
}

function serviceName(service: string): string {
  return service === 'glue' ? 'Glue' : service.toUpperCase()
}
