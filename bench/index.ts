// `npm run bench`: start-up, a whole start step, polling, fan-out, the round trips before
// StartExportTask per source form, and reporting and registering 1,000 tables, each against a
// baseline measured in the same run. Prints markdown and writes bench/results.md, keeping the
// hand-written section between the notes markers. Not part of `npm test`: it takes minutes.
//
// Environment: BENCH_RUNS (start-up runs, default 15), BENCH_STEP_RUNS (start-step runs,
// default 15), BENCH_TABLES_RUNS (runs of the 1,000-table steps, default 3), BENCH_SKIP
// (comma-separated: startup, start-step, polling, fanout, round-trips, tables).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, release } from 'node:os'
import { join } from 'node:path'
import { ROOT, snapshotDist } from './build.js'
import { runFanoutBench } from './fanout.js'
import { HAVE_GNU_TIME, ms } from './measure.js'
import { LOWER_BOUND, runPollingBench, runPollingRows } from './polling.js'
import { runRoundTripsBench } from './round-trips.js'
import { runStartStepBench, type ModelMedians } from './start-step.js'
import { runStartupBench } from './startup.js'
import { runTablesBench, TABLES, type TablesRow } from './tables.js'

const RESULTS = join(ROOT, 'bench', 'results.md')
const NOTES_START = '<!-- notes: kept by npm run bench -->'
const NOTES_END = '<!-- /notes -->'

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map(s => s.trim()))
const runs = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const stepRuns = Math.max(7, Number(process.env.BENCH_STEP_RUNS ?? 15))
const tablesRuns = Math.max(1, Number(process.env.BENCH_TABLES_RUNS ?? 3))

/** The 1-minute load average when the run began: the machine may be shared. */
const loadAtStart = loadavg()[0]!

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown'
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
  } catch {
    // not a git checkout
  }
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${availableParallelism()} CPUs (${model}); ` +
    `node ${process.version}; Linux ${release()}; commit ${commit}; ` +
    `peak RSS ${HAVE_GNU_TIME ? 'from /usr/bin/time' : 'not measured (no /usr/bin/time)'}; ` +
    `load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} now.`
  )
}

function keptNotes(): string {
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : ''
  const start = text.indexOf(NOTES_START)
  const end = text.indexOf(NOTES_END)
  if (start < 0 || end < start) return `${NOTES_START}\n\n${NOTES_END}`
  return text.slice(start, end + NOTES_END.length)
}

const verdict = (ok: boolean): string => (ok ? 'met' : '**not met**')
const percent = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`
const signedMs = (valueMs: number): string => `${valueMs >= 0 ? '+' : '-'}${ms(Math.abs(valueMs))}`
const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(1)} s`

/** The start step from an ARN and from a name against the baseline, under one model. */
function startStepTarget(model: ModelMedians): string {
  const over = (valueMs: number): number =>
    (100 * (valueMs - model.credentialsMs)) / model.credentialsMs
  const measured =
    `source-arn ${ms(model.sourceArnMs)} (${percent(over(model.sourceArnMs))}), ` +
    `db-snapshot-identifier ${ms(model.snapshotNameMs)} (${percent(over(model.snapshotNameMs))}) ` +
    `vs ${ms(model.credentialsMs)}; the fewest requests that start an export ${percent(over(model.fewestMs))}`
  if (!model.latencyMs) {
    return `| start step from an ARN or a name vs configure-aws-credentials, loopback (reported, no target) | ${measured} | |`
  }
  const ok = Math.max(over(model.sourceArnMs), over(model.snapshotNameMs)) <= 10
  return `| start step from an ARN or a name ≤ configure-aws-credentials + 10 %, network model: ${model.label} | ${measured} | ${verdict(ok)} |`
}

/**
 * The start step from an ARN and from a name against the fewest requests that start an export
 * (the same clients, built alike), on loopback: what the action does besides those requests.
 */
function floorTarget(model: ModelMedians): string {
  const over = (valueMs: number): number => (100 * (valueMs - model.fewestMs)) / model.fewestMs
  const worst = Math.max(over(model.sourceArnMs), over(model.snapshotNameMs))
  return (
    `| start step from an ARN or a name ≤ the fewest requests (OIDC, STS, StartExportTask; same clients, built alike) + 5 %, loopback | ` +
    `source-arn ${ms(model.sourceArnMs)} (${percent(over(model.sourceArnMs))}), ` +
    `db-snapshot-identifier ${ms(model.snapshotNameMs)} (${percent(over(model.snapshotNameMs))}) vs ${ms(model.fewestMs)} | ` +
    `${verdict(worst <= 5)} |`
  )
}

async function main(): Promise<void> {
  const distEntry = snapshotDist()
  const sections: string[] = []
  const targets: string[] = []
  const log = (title: string, markdown: string): void => {
    const section = `## ${title}\n\n${markdown}`
    sections.push(section)
    console.log(`\n${section}`)
  }
  console.log(`# Benchmarks\n\n${machine()}`)

  let readableStartupMs: number | undefined
  if (!skip.has('startup')) {
    const r = await runStartupBench(distEntry, runs)
    log('1. Start-up: failing on missing input', r.markdown)
    targets.push(
      `| start-up overhead over \`node -e 0\` ≤ 50 ms and ≤ ½ configure-aws-credentials' | ${ms(r.overheadMs)} vs ${ms(r.baselineOverheadMs)} (that bundle takes ${r.baselineRatio.toFixed(1)}× \`node -e 0\`) | ${verdict(r.overheadMs <= 50 && r.overheadMs <= r.baselineOverheadMs / 2)} |`
    )
    readableStartupMs = -r.minifiedExtraMs
  }
  if (!skip.has('start-step')) {
    const r = await runStartStepBench(distEntry, stepRuns)
    log('2. A whole start step against the stand-in', r.markdown)
    const loopback = r.models[0]!
    targets.push(...r.models.map(startStepTarget), floorTarget(loopback))
    const readableStepMs = loopback.sourceArnMs - loopback.minifiedMs
    const costs = [
      ...(readableStartupMs === undefined
        ? []
        : [`start-up (failing input) ${signedMs(readableStartupMs)}`]),
      `start step (source-arn, loopback) ${signedMs(readableStepMs)}`
    ]
    const cheap = Math.max(readableStepMs, readableStartupMs ?? -Infinity) <= 5
    targets.push(
      `| dist/ shipped readable (not minified) if that costs ≤ 5 ms of start-up | ${costs.join(', ')} over a minified build | ` +
        `${cheap ? 'met: dist/ is shipped readable' : '**not met**: build dist/ minified (scripts/build.mjs --minify)'} |`
    )
  }
  if (!skip.has('round-trips')) {
    const r = await runRoundTripsBench(distEntry)
    log('5. Round trips before StartExportTask, per source form', r.markdown)
    const goals = r.rows.filter(row => row.form.goal !== undefined)
    const others = r.rows.filter(row => row.form.goal === undefined && !row.form.staticKeys)
    targets.push(
      `| RDS round trips before StartExportTask: 0 for ARN and name sources | ` +
        `${[...new Set(goals.map(row => row.rdsRounds))].join('/')} for the ${goals.length} ARN and name starts ` +
        `(the newest forms ${[...new Set(others.filter(o => !o.snapshotChecks).map(o => o.rdsRounds))].join('/')}, ` +
        `create-snapshot ${[...new Set(others.filter(o => o.snapshotChecks).map(o => o.rdsRounds))].join('/')}) | ` +
        `${verdict(goals.every(row => row.rdsRounds <= row.form.goal! && !row.problem))} |`
    )
  }
  if (!skip.has('polling')) {
    log(
      '3. Polling (virtual clock, 400 exports per row)',
      'Default poll-interval-seconds is 60 ("schedule, max 60 s").\n\n' + runPollingBench()
    )
    const rows = runPollingRows()
    const ours = rows.filter(r => r.strategy === 'schedule, max 60 s')
    const worstP95 = Math.max(...ours.map(r => r.lateP95S))
    // Calls as a share of the fixed 30 s loop's, worst over the exports of 30 min and longer.
    const worstShare = (strategy: string): number =>
      Math.max(
        ...rows
          .filter(r => r.strategy === strategy && r.duration !== '5 min')
          .map(
            r =>
              r.calls /
              rows.find(
                f => f.duration === r.duration && f.curve === r.curve && f.strategy === 'fixed 30 s'
              )!.calls
          )
      )
    const ratio = worstShare('schedule, max 60 s')
    const floor = worstShare(LOWER_BOUND)
    targets.push(
      `| polling: notice p95 ≤ 30 s at every duration (default schedule) | worst ${worstP95.toFixed(1)} s | ${verdict(worstP95 <= 30)} |`,
      `| polling: ≤ ½ the calls of a fixed 30 s loop from 30 min | worst ${(100 * ratio).toFixed(0)} % (floor with 60 s gaps: ${(100 * floor).toFixed(1)} %) | ${verdict(ratio <= 0.5)} |`
    )
  }
  if (!skip.has('fanout')) {
    const r = await runFanoutBench(distEntry)
    log('4. Fan-out: 12 processes, 5 export slots', r.markdown)
    const over = (r.makespanMs - r.idealMs) / r.idealMs
    targets.push(
      `| fan-out: 12 of 12 COMPLETE, makespan ≤ ideal + 15 % | ${r.complete} of 12, +${(100 * over).toFixed(1)} % | ${verdict(r.complete === 12 && over <= 0.15)} |`
    )
  }

  if (!skip.has('tables')) {
    const r = await runTablesBench(distEntry, tablesRuns)
    log(`6. Reporting and registering ${TABLES.toLocaleString('en')} tables`, r.markdown)
    const [first, later, replayFirst, replayLater, historyFirst, historyLater] = r.rows as [
      TablesRow,
      TablesRow,
      TablesRow,
      TablesRow,
      TablesRow,
      TablesRow
    ]
    const worstMs = Math.max(first.phaseMs ?? Infinity, later.phaseMs ?? Infinity)
    const worstCalls = Math.max(first.callsPerTable, later.callsPerTable)
    const ran = first.samples.every(s => !s.problem) && later.samples.every(s => !s.problem)
    targets.push(
      `| ${TABLES.toLocaleString('en')} tables reported and registered in ≤ 10 s (20 ms model) | ` +
        `first export ${seconds(first.phaseMs ?? NaN)}, later export ${seconds(later.phaseMs ?? NaN)} ` +
        `(the same requests replayed with nothing else: ${seconds(replayFirst.s3ToGlueMs)}, ${seconds(replayLater.s3ToGlueMs)}; ` +
        `latency floor ${seconds(r.latencyFloorMs)}) | ` +
        `${verdict(ran && worstMs <= 10_000)} |`,
      `| ≤ 4 AWS calls per table | first export ${first.callsPerTable.toFixed(2)}, later export ${later.callsPerTable.toFixed(2)} | ` +
        `${verdict(ran && worstCalls <= 4)} |`
    )
    const historyRan = [historyFirst, historyLater].every(row => row.samples.every(s => !s.problem))
    targets.push(
      `| a later night of ${TABLES.toLocaleString('en')} tables reported and registered with glue-history in ≤ 12 s and ≤ 3.2 AWS calls per table (20 ms model) | ` +
        `${seconds(historyLater.phaseMs ?? NaN)}, ${historyLater.callsPerTable.toFixed(2)} calls per table ` +
        `(latest only, same rounds: ${seconds(later.phaseMs ?? NaN)}, ${later.callsPerTable.toFixed(2)}; ` +
        `the first night with glue-history ${seconds(historyFirst.phaseMs ?? NaN)}, ${historyFirst.callsPerTable.toFixed(2)}) | ` +
        `${verdict(historyRan && (historyLater.phaseMs ?? Infinity) <= 12_000 && historyLater.callsPerTable <= 3.2)} |`
    )
  }

  const markdown = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/index.ts); only the notes at the end are kept from the previous',
    'run. Each part measures the action against a baseline run on the same machine at the same time.',
    '',
    `Machine and run: ${machine()}`,
    '',
    '## Targets',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targets,
    '',
    // In the order of their numbers (round trips run next to the start step).
    ...sections.sort((a, b) => parseInt(a.slice(3)) - parseInt(b.slice(3))).flatMap(s => [s, '']),
    '## What changed the figures',
    '',
    keptNotes(),
    ''
  ].join('\n')
  writeFileSync(RESULTS, markdown)
  console.log(`\n## Targets\n\n${targets.join('\n')}\n\nWrote ${RESULTS}`)
}

await main()
