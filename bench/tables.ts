// Reporting and registering 1,000 tables: a COMPLETE export of 1,000 alike tables
// (PROD_1000_TABLES), adopted with mode: wait and glue-database, against the stand-in with every
// service answering after 20 ms. Each run has a fresh stand-in: a first export's step creates
// the 1,000 Glue tables, then a later export's step (a second task of the same snapshot) updates
// them in place. The tables phase runs from the answer that showed COMPLETE to the last Glue
// answer, read from the stand-in's request log; its calls are the S3 and Glue requests. The
// export's files are written before the step runs, so the stand-in's Parquet writer is not
// timed. Baselines in the same rounds: the same S3 and Glue requests replayed through the same
// SDK clients and concurrency and nothing else (bench/fixtures/tables-replay.ts), and the
// latency floor, what the requests would take at the concurrency the log shows if nothing but
// the 20 ms waits took time. CPU times say what the two cores were busy with. In the same rounds,
// the same two steps with glue-history: the first creates the 1,000 history tables and adds a
// partition to each, the later one adds one partition a table (the history tables unchanged).
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { RequestLogEntry, StandIn } from '../test/standin/index.js'
import { PROD_1000_TABLES } from '../test/support/accounts.js'
import { BUCKET, EXPORT_ROLE, KMS_KEY, ROLE_TO_ASSUME } from '../test/support/e2e.js'
import { actionBuild, WORK } from './build.js'
import type { ReplayPlan } from './fixtures/tables-replay.js'
import { childrenCpuMs, median, ms, ownCpuMs } from './measure.js'
import { REGION, runStep, snapshotArn, startTimedStandIn, type StepRun } from './step.js'

export const TABLES = 1000
const LATENCY_MS = 20
const GLUE_DATABASE = 'bench_exports'
/** The first export's task, then the later one's, both of the same snapshot. */
const TASKS = ['bench-tables-first', 'bench-tables-later']

/** One step's tables phase, from the request log. */
export interface PhaseSample {
  /** From the answer that showed COMPLETE to the last Glue answer (the action only). */
  phaseMs?: number
  /** From the first S3 request to the last Glue answer. */
  s3ToGlueMs: number
  stepMs: number
  /** CPU of the step's process, and of the stand-in (this process) meanwhile. */
  stepCpuMs?: number
  standInCpuMs: number
  s3: number
  glue: number
  /** Requests by `service:Action`. */
  byAction: Map<string, number>
  /** Most requests of a service in flight at once. */
  peak: { s3: number; glue: number }
  /** Glue tables created or updated (CreateTable / UpdateTable answered 200). */
  registered: number
  /** BatchCreatePartition calls answered 200. */
  partitionCalls: number
  problem?: string
}

interface Pair {
  first: PhaseSample
  later: PhaseSample
}

export interface TablesRow {
  label: string
  samples: PhaseSample[]
  /** Medians. */
  phaseMs?: number
  s3ToGlueMs: number
  /** Worst of the runs: (S3 + Glue requests) / tables. */
  callsPerTable: number
}

export interface TablesResult {
  markdown: string
  /** Action first export, action later export, replay first, replay later; then the action's
   * first and later export with glue-history. */
  rows: TablesRow[]
  /** The latency floor of the action's steps, the larger of the two. */
  latencyFloorMs: number
}

let runId = 7_600_000_000 + Math.floor(Math.random() * 1_000_000) * 100

export async function runTablesBench(distEntry: string, runs: number): Promise<TablesResult> {
  const replayEntry = actionBuild('tables-replay', 'bench/fixtures/tables-replay.ts')
  const load = [loadavg()[0]!]
  const action: Pair[] = []
  const replay: Pair[] = []
  const history: Pair[] = []
  let plans: [ReplayPlan, ReplayPlan] | undefined
  // Rounds rotate which goes first; the first round's action run makes the replay's plans.
  for (let round = 0; round < runs; round++) {
    for (const k of [0, 1, 2]) {
      const which = (round + k) % 3
      if (which === 0) {
        const measured = await actionPair(distEntry, false)
        action.push(measured.pair)
        plans ??= measured.plans
      } else if (which === 1) {
        replay.push(await replayPair(replayEntry, plans!))
      } else {
        history.push((await actionPair(distEntry, true)).pair)
      }
    }
  }
  load.push(loadavg()[0]!)
  const row = (label: string, samples: PhaseSample[]): TablesRow => {
    const phases = samples.flatMap(s => (s.phaseMs === undefined ? [] : [s.phaseMs]))
    return {
      label,
      samples,
      phaseMs: phases.length ? median(phases) : undefined,
      s3ToGlueMs: median(samples.map(s => s.s3ToGlueMs)),
      callsPerTable: Math.max(...samples.map(s => (s.s3 + s.glue) / TABLES))
    }
  }
  const rows = [
    row(
      'action, first export: 1,000 Glue tables created',
      action.map(p => p.first)
    ),
    row(
      'action, later export: the same tables updated in place',
      action.map(p => p.later)
    ),
    row(
      'replay of the first export’s requests (same SDK, nothing else)',
      replay.map(p => p.first)
    ),
    row(
      'replay of the later export’s requests',
      replay.map(p => p.later)
    ),
    row(
      'action with glue-history, first export: 1,000 tables and 1,000 history tables created, a partition each',
      history.map(p => p.first)
    ),
    row(
      'action with glue-history, later export: the tables updated, one partition a table added',
      history.map(p => p.later)
    )
  ]
  return {
    markdown: render(rows, runs, load),
    rows,
    latencyFloorMs: Math.max(
      ...[...action.map(p => p.first), ...action.map(p => p.later)].map(latencyFloor)
    )
  }
}

function render(rows: TablesRow[], runs: number, load: number[]): string {
  const lines = [
    `A COMPLETE export of ${TABLES.toLocaleString('en')} tables (two columns, one Parquet file ` +
      `each), adopted with \`mode: wait\` and \`glue-database\`; every answer waits ${LATENCY_MS} ms ` +
      `(a network model, not a measurement). Median of ${runs} runs each, interleaved. The tables ` +
      'phase runs from the answer that showed COMPLETE to the last Glue answer, from the ' +
      "stand-in's request log. The latency floor: the requests in waves as wide as the most the " +
      `log shows in flight, each wave ${LATENCY_MS} ms, S3 then Glue. CPU: the step's process, and ` +
      'the stand-in (which runs on the same two cores) meanwhile. Load average (1 min) ' +
      `${load.map(l => l.toFixed(1)).join(' before, ')} after.`,
    '',
    '| step | tables phase | first S3 request to last Glue answer | latency floor | step CPU | stand-in CPU | whole step | S3 calls | Glue calls | calls per table |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const row of rows) {
    const s = row.samples
    const at = (pick: (x: PhaseSample) => number | undefined): string => {
      const values = s.flatMap(x => {
        const v = pick(x)
        return v === undefined ? [] : [v]
      })
      return values.length ? ms(median(values)) : ''
    }
    const counts = (pick: (x: PhaseSample) => number): string => [...new Set(s.map(pick))].join('/')
    lines.push(
      `| ${row.label} | ${at(x => x.phaseMs)} | ${at(x => x.s3ToGlueMs)} | ${at(latencyFloor)} | ` +
        `${at(x => x.stepCpuMs)} | ${at(x => x.standInCpuMs)} | ${at(x => x.stepMs)} | ` +
        `${counts(x => x.s3)} | ${counts(x => x.glue)} | ${row.callsPerTable.toFixed(2)} |`
    )
  }
  const perRequest = (row: TablesRow): string => {
    const cpu = row.samples.flatMap(x => (x.stepCpuMs === undefined ? [] : [x.stepCpuMs]))
    const requests = median(row.samples.map(x => x.s3 + x.glue))
    return cpu.length ? ms(median(cpu) / requests) : 'n/a'
  }
  lines.push(
    '',
    `Step CPU per S3 or Glue request (its start-up and credentials included): ${rows
      .map(row => `${row.label.replace(/:.*/, '')} ${perRequest(row)}`)
      .join('; ')}.`
  )
  const shown = [rows[0]!, rows[1]!, rows[4]!, rows[5]!].map(r => r.samples[0]!)
  lines.push(
    '',
    "The action's requests in the tables phase (one run):",
    '',
    '| request | first export | later export | first, glue-history | later, glue-history |',
    '| --- | ---: | ---: | ---: | ---: |'
  )
  for (const action of new Set(shown.flatMap(x => [...x.byAction.keys()]))) {
    lines.push(`| ${action} | ${shown.map(x => x.byAction.get(action) ?? 0).join(' | ')} |`)
  }
  lines.push(
    `| most in flight at once, S3 / Glue | ${shown.map(x => `${x.peak.s3} / ${x.peak.glue}`).join(' | ')} |`,
    `| Glue tables created or updated | ${shown.map(x => x.registered).join(' | ')} |`
  )
  const problems = rows.flatMap(r => r.samples.flatMap(s => (s.problem ? [s.problem] : [])))
  if (problems.length) lines.push('', ...problems.slice(0, 5).map(p => `Problem: ${p}`))
  return lines.join('\n')
}

/** Each service's requests in waves of its peak concurrency, one wait each, services in turn. */
function latencyFloor(sample: PhaseSample): number {
  return (
    (Math.ceil(sample.s3 / Math.max(1, sample.peak.s3)) +
      Math.ceil(sample.glue / Math.max(1, sample.peak.glue))) *
    LATENCY_MS
  )
}

/** A stand-in holding the two COMPLETE exports, their files written already. */
async function exportsStandIn(): Promise<{
  standIn: StandIn
  answeredAt: (entry: RequestLogEntry) => number
}> {
  const timed = await startTimedStandIn({
    ...PROD_1000_TABLES,
    latencyMs: {
      oidc: LATENCY_MS,
      sts: LATENCY_MS,
      rds: LATENCY_MS,
      s3: LATENCY_MS,
      glue: LATENCY_MS
    },
    tasks: TASKS.map(identifier => ({
      identifier,
      sourceArn: snapshotArn('prod-weekly'),
      s3Bucket: BUCKET,
      iamRoleArn: EXPORT_ROLE,
      kmsKeyId: KMS_KEY,
      status: 'COMPLETE' as const
    }))
  })
  for (const identifier of TASKS) {
    const written = timed.standIn.exportFiles.written(identifier)
    if (written?.tables.length !== TABLES) {
      await timed.standIn.close()
      throw new Error(`the stand-in wrote ${written?.tables.length ?? 0} tables for ${identifier}`)
    }
  }
  return timed
}

/** The action's two steps in a fresh stand-in (with glue-history or not), and the plans that
 * replay their requests. */
async function actionPair(
  distEntry: string,
  history: boolean
): Promise<{ pair: Pair; plans: [ReplayPlan, ReplayPlan] }> {
  const { standIn, answeredAt } = await exportsStandIn()
  try {
    const samples: PhaseSample[] = []
    const plans: ReplayPlan[] = []
    for (const identifier of TASKS) {
      const id = String(runId++)
      const run = await measured(() =>
        runStep(
          standIn,
          distEntry,
          {
            'role-to-assume': ROLE_TO_ASSUME,
            'aws-region': REGION,
            mode: 'wait',
            'export-task-identifier': identifier,
            'glue-database': GLUE_DATABASE,
            ...(history ? { 'glue-history': 'true' } : {})
          },
          id
        )
      )
      const sample = phase(run, answeredAt)
      // With glue-history the first export creates the history tables too; a later one leaves
      // them as they are. Either adds one partition a table.
      const expected = history && identifier === TASKS[0] ? 2 * TABLES : TABLES
      const partitions = history ? TABLES : 0
      if (
        run.exitCode !== 0 ||
        sample.registered !== expected ||
        sample.partitionCalls !== partitions ||
        run.outputs.status !== 'COMPLETE'
      ) {
        sample.problem ??= `action${history ? ' with glue-history' : ''}: exit ${run.exitCode}, status '${run.outputs.status ?? ''}', ${sample.registered} tables registered, ${sample.partitionCalls} BatchCreatePartition: ${run.errors.join(' ') || run.log.slice(0, 300)}`
      }
      samples.push(sample)
      plans.push(replayPlan(run.requests, standIn, sample.peak))
    }
    return { pair: { first: samples[0]!, later: samples[1]! }, plans: [plans[0]!, plans[1]!] }
  } finally {
    await standIn.close()
  }
}

/** The replay of both steps' requests, in a fresh stand-in, with static keys. */
async function replayPair(entry: string, plans: [ReplayPlan, ReplayPlan]): Promise<Pair> {
  const { standIn, answeredAt } = await exportsStandIn()
  const dir = join(WORK, 'tables-replay-plans')
  mkdirSync(dir, { recursive: true })
  try {
    const samples: PhaseSample[] = []
    for (const [i, plan] of plans.entries()) {
      const file = join(dir, `${TASKS[i]}.json`)
      writeFileSync(file, JSON.stringify(plan))
      const id = String(runId++)
      const run = await measured(() =>
        runStep(standIn, entry, { plan: file }, id, { staticKeys: true })
      )
      const sample = phase(run, answeredAt)
      if (run.exitCode !== 0 || sample.registered !== plan.tables.length) {
        sample.problem ??= `replay: exit ${run.exitCode}, ${sample.registered} tables registered: ${run.log.slice(0, 300)}`
      }
      samples.push(sample)
    }
    return { first: samples[0]!, later: samples[1]! }
  } finally {
    await standIn.close()
  }
}

/** The step, with its process's CPU time and the stand-in's meanwhile. */
async function measured(
  step: () => Promise<StepRun>
): Promise<StepRun & { stepCpuMs?: number; standInCpuMs: number }> {
  const [children, own] = [childrenCpuMs(), ownCpuMs()]
  const run = await step()
  const childrenAfter = childrenCpuMs()
  return {
    ...run,
    stepCpuMs:
      children === undefined || childrenAfter === undefined ? undefined : childrenAfter - children,
    standInCpuMs: ownCpuMs() - own
  }
}

function phase(
  run: StepRun & { stepCpuMs?: number; standInCpuMs: number },
  answeredAt: (entry: RequestLogEntry) => number
): PhaseSample {
  const requests = run.requests
  const firstS3 = requests.findIndex(r => r.service === 's3')
  const tablesPhase = firstS3 < 0 ? [] : requests.slice(firstS3)
  const completeSeen = requests
    .slice(0, firstS3 < 0 ? 0 : firstS3)
    .filter(r => r.action === 'DescribeExportTasks')
    .pop()
  const glue = tablesPhase.filter(r => r.service === 'glue')
  const s3 = tablesPhase.filter(r => r.service === 's3')
  const lastGlue = Math.max(...glue.map(answeredAt))
  const byAction = new Map<string, number>()
  for (const r of tablesPhase) {
    const name = `${r.service}:${r.action}${r.params.Range ? ' (Range)' : ''}`
    byAction.set(name, (byAction.get(name) ?? 0) + 1)
  }
  const registered = glue.filter(
    r => (r.action === 'CreateTable' || r.action === 'UpdateTable') && r.status === 200
  ).length
  const partitionCalls = glue.filter(
    r => r.action === 'BatchCreatePartition' && r.status === 200
  ).length
  return {
    phaseMs: completeSeen ? lastGlue - answeredAt(completeSeen) : undefined,
    s3ToGlueMs: firstS3 < 0 || !glue.length ? NaN : lastGlue - requests[firstS3]!.time.getTime(),
    stepMs: run.wallMs,
    stepCpuMs: run.stepCpuMs,
    standInCpuMs: run.standInCpuMs,
    s3: s3.length,
    glue: glue.length,
    byAction,
    peak: { s3: peakInFlight(s3, answeredAt), glue: peakInFlight(glue, answeredAt) },
    registered,
    partitionCalls,
    problem: firstS3 < 0 || !glue.length ? 'no S3 or no Glue request' : undefined
  }
}

/** The S3 and Glue requests of the action's tables phase, as a plan for the replay. */
function replayPlan(
  requests: RequestLogEntry[],
  standIn: StandIn,
  peak: PhaseSample['peak']
): ReplayPlan {
  const p = (r: RequestLogEntry, name: string): string | undefined => r.params[name]
  const s3 = requests
    .filter(r => r.service === 's3')
    .map(r => ({
      Bucket: p(r, 'Bucket') ?? BUCKET,
      Key: p(r, 'Key'),
      Range: p(r, 'Range'),
      Prefix: p(r, 'prefix'),
      Delimiter: p(r, 'delimiter'),
      MaxKeys: p(r, 'max-keys') === undefined ? undefined : Number(p(r, 'max-keys'))
    }))
  const tables = requests
    .filter(r => r.action === 'CreateTable' || r.action === 'UpdateTable')
    .map(r => {
      const name = p(r, 'TableInput.Name') ?? ''
      const table = standIn.glue.getTable(GLUE_DATABASE, name)
      const input = {
        ...Object.fromEntries(
          TABLE_INPUT_FIELDS.filter(f => table[f] !== undefined).map(f => [f, table[f]])
        ),
        Name: name
      }
      return { action: r.action as 'CreateTable' | 'UpdateTable', input }
    })
  return {
    region: REGION,
    // The action's concurrency: the most its log shows in flight.
    s3Concurrency: peak.s3,
    glueConcurrency: peak.glue,
    s3,
    database: GLUE_DATABASE,
    createDatabase: requests.some(r => r.action === 'CreateDatabase'),
    tables
  }
}

const TABLE_INPUT_FIELDS = [
  'Description',
  'Owner',
  'Retention',
  'StorageDescriptor',
  'PartitionKeys',
  'TableType',
  'Parameters'
] as const

/** The most requests of a list in flight at the same moment. */
function peakInFlight(
  requests: RequestLogEntry[],
  answeredAt: (entry: RequestLogEntry) => number
): number {
  const events = requests.flatMap(r => [
    { at: r.time.getTime(), delta: 1 },
    { at: answeredAt(r), delta: -1 }
  ])
  // An answer in the same millisecond as an arrival counts first.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let now = 0
  let peak = 0
  for (const e of events) {
    now += e.delta
    peak = Math.max(peak, now)
  }
  return peak
}
