// Round trips before StartExportTask, per source form: each form is one first start (fresh
// stand-in, a new workflow run) with every service answering after 20 ms, so that requests
// sent together can be told from requests that wait for an answer. Counted from the stand-in's
// request log: the RDS requests before the first StartExportTask, the longest chain of them
// (requests sent together count once), and the whole step's chain up to StartExportTask's answer
// (the OIDC token and STS included). Counts, not timings: they don't drift between runs.
import type { RequestLogEntry, StandInOptions } from '../test/standin/index.js'
import { ACCOUNT_SEEDS } from '../test/support/accounts.js'
import {
  clusterArn,
  clusterSnapshotArn,
  DESTINATION,
  describeRounds,
  rounds,
  runStep,
  snapshotArn,
  startTimedStandIn
} from './step.js'

interface Form {
  label: string
  inputs: Record<string, string>
  /** The goal for RDS round trips before StartExportTask, where there is one. */
  goal?: number
  /** Static keys in the environment instead of role-to-assume. */
  staticKeys?: boolean
}

export interface RoundTripRow {
  form: Form
  /** RDS requests before the first StartExportTask. */
  rdsRequests: number
  /** Sequential RDS round trips before it. */
  rdsRounds: number
  /** Of those, checks of a snapshot being created. */
  snapshotChecks: number
  /** Sequential round trips of every service, StartExportTask's included. */
  stepRounds: number
  sequence: string
  problem?: string
}

export interface RoundTripResult {
  markdown: string
  rows: RoundTripRow[]
}

const LATENCY_MS = 20
/** Scenario seconds a snapshot taken with create-snapshot stays `creating` (real seconds). */
export const FRESH_SNAPSHOT_SECONDS = 1

/** The destination and region, without role-to-assume. */
const WITHOUT_ROLE = Object.fromEntries(
  Object.entries(DESTINATION).filter(([name]) => name !== 'role-to-assume')
)

export const FORMS: Form[] = [
  {
    label: '`source-arn`, a DB snapshot',
    inputs: { 'source-arn': snapshotArn('prod-before-upgrade') },
    goal: 0
  },
  {
    label: '`source-arn`, a DB cluster snapshot',
    inputs: { 'source-arn': clusterSnapshotArn('aurora-weekly') },
    goal: 0
  },
  {
    label: '`source-arn`, an Aurora cluster (live export)',
    inputs: { 'source-arn': clusterArn('aurora') },
    goal: 0
  },
  {
    label: '`db-snapshot-identifier`',
    inputs: { 'db-snapshot-identifier': 'prod-before-upgrade' },
    goal: 0
  },
  {
    label: '`db-snapshot-identifier`, an automated snapshot (`rds:…`)',
    inputs: { 'db-snapshot-identifier': 'rds:prod-2026-11-24-03-10' },
    goal: 0
  },
  {
    label: '`db-cluster-snapshot-identifier`',
    inputs: { 'db-cluster-snapshot-identifier': 'aurora-weekly' },
    goal: 0
  },
  {
    label: '`db-instance-identifier` (newest, `snapshot-type: any`)',
    inputs: { 'db-instance-identifier': 'prod' }
  },
  {
    label: '`db-instance-identifier`, `snapshot-type: manual`',
    inputs: { 'db-instance-identifier': 'prod', 'snapshot-type': 'manual' }
  },
  {
    label: '`db-cluster-identifier` (newest)',
    inputs: { 'db-cluster-identifier': 'aurora' }
  },
  {
    label: '`create-snapshot` with `db-instance-identifier`',
    inputs: { 'db-instance-identifier': 'prod', 'create-snapshot': 'true' }
  },
  {
    label: '`create-snapshot` with `db-cluster-identifier`',
    inputs: { 'db-cluster-identifier': 'aurora', 'create-snapshot': 'true' }
  },
  {
    label: '`db-snapshot-identifier` with static keys (no `role-to-assume`)',
    inputs: { 'db-snapshot-identifier': 'prod-before-upgrade' },
    staticKeys: true
  }
]

const OPTIONS: StandInOptions = {
  ...ACCOUNT_SEEDS,
  snapshotTimeline: { creatingSeconds: FRESH_SNAPSHOT_SECONDS },
  // Exports outlast the step: it only starts them.
  timeline: { startingSeconds: 600, inProgressSeconds: 600 },
  latencyMs: { oidc: LATENCY_MS, sts: LATENCY_MS, rds: LATENCY_MS }
}

let runId = 7_500_000_000 + Math.floor(Math.random() * 1_000_000) * 100

export async function runRoundTripsBench(distEntry: string): Promise<RoundTripResult> {
  const rows: RoundTripRow[] = []
  for (const form of FORMS) rows.push(await measureForm(distEntry, form))
  const lines = [
    `One first start per form (fresh stand-in, every answer after ${LATENCY_MS} ms, ` +
      `\`role-to-assume\` unless said), counted from the stand-in's request log. ` +
      'Requests sent together count as one round trip. A snapshot taken with `create-snapshot` ' +
      `is \`creating\` for ${FRESH_SNAPSHOT_SECONDS} s.`,
    '',
    '| source | RDS requests before StartExportTask | RDS round trips before it | goal | round trips to the start, all services |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      r =>
        `| ${r.form.label} | ${r.rdsRequests} | ${r.rdsRounds}${r.snapshotChecks ? ` (${r.snapshotChecks} while the snapshot is created)` : ''} | ` +
        `${r.form.goal ?? ''} | ${r.stepRounds} |`
    ),
    '',
    'The requests of each start, round trip by round trip (`+`: sent together):',
    '',
    ...rows.map(r => `- ${r.form.label}: ${r.sequence}`)
  ]
  const problems = rows.filter(r => r.problem)
  if (problems.length)
    lines.push('', ...problems.map(r => `Problem: ${r.form.label}: ${r.problem}`))
  return { markdown: lines.join('\n'), rows }
}

async function measureForm(distEntry: string, form: Form): Promise<RoundTripRow> {
  const { standIn, answeredAt } = await startTimedStandIn(OPTIONS)
  try {
    const id = String(runId++)
    const inputs = { ...(form.staticKeys ? WITHOUT_ROLE : DESTINATION), ...form.inputs }
    const run = await runStep(standIn, distEntry, inputs, id, { staticKeys: form.staticKeys })
    const startAt = run.requests.findIndex(r => r.action === 'StartExportTask')
    const upToStart = startAt < 0 ? run.requests : run.requests.slice(0, startAt + 1)
    const rdsBefore = upToStart.filter(r => r.service === 'rds' && r.action !== 'StartExportTask')
    const rdsRound = rounds(rdsBefore, answeredAt)
    const stepRound = rounds(upToStart, answeredAt)
    const created = rdsBefore.findIndex(r => /^CreateDB(Cluster)?Snapshot$/.test(r.action))
    const problem =
      startAt < 0 || run.exitCode !== 0 || run.outputs.status !== 'STARTING'
        ? `exit ${run.exitCode}, status '${run.outputs.status ?? ''}': ${run.errors.join(' ') || run.log.slice(0, 300)}`
        : undefined
    return {
      form,
      rdsRequests: rdsBefore.length,
      rdsRounds: Math.max(0, ...rdsRound),
      snapshotChecks: created < 0 ? 0 : rdsBefore.length - created - 1,
      stepRounds: Math.max(0, ...stepRound),
      sequence: describeRounds(upToStart, stepRound),
      problem
    }
  } finally {
    await standIn.close()
  }
}

/** The RDS requests of a log before its first StartExportTask. */
export function rdsBeforeStart(requests: RequestLogEntry[]): RequestLogEntry[] {
  const startAt = requests.findIndex(r => r.action === 'StartExportTask')
  return (startAt < 0 ? requests : requests.slice(0, startAt)).filter(r => r.service === 'rds')
}
