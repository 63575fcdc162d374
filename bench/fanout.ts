// Fan-out benchmark: 12 action processes at once against one stand-in that allows 5 active
// exports, each starting (wait: true) an export of its own database's newest snapshot that takes
// 20 s (4 s STARTING, 16 s IN_PROGRESS), poll-interval-seconds 5. Every one must end COMPLETE;
// the makespan is compared with the ideal ceil(12/5) * 20 s.
import { startStandIn, type RequestLogEntry } from '../test/standin/index.js'
import { median, ms } from './measure.js'
import { DESTINATION, runStep, type StepRun } from './step.js'

export interface FanoutOptions {
  processes: number
  exportLimit: number
  startingSeconds: number
  inProgressSeconds: number
  pollIntervalSeconds: number
}

export const FANOUT: FanoutOptions = {
  processes: 12,
  exportLimit: 5,
  startingSeconds: 4,
  inProgressSeconds: 16,
  pollIntervalSeconds: 5
}

export interface FanoutResult {
  markdown: string
  makespanMs: number
  idealMs: number
  complete: number
}

const database = (i: number): string => `db-${String(i + 1).padStart(2, '0')}`

export async function runFanoutBench(
  distEntry: string,
  options: FanoutOptions = FANOUT
): Promise<FanoutResult> {
  const exportMs = (options.startingSeconds + options.inProgressSeconds) * 1000
  const idealMs = Math.ceil(options.processes / options.exportLimit) * exportMs
  const standIn = await startStandIn({
    exportLimit: options.exportLimit,
    timeScale: 1,
    timeline: {
      startingSeconds: options.startingSeconds,
      inProgressSeconds: options.inProgressSeconds,
      outcome: 'COMPLETE'
    },
    snapshots: Array.from({ length: options.processes }, (_, i) => ({
      identifier: `${database(i)}-nightly`,
      instanceIdentifier: database(i),
      createTime: '2026-11-24T03:10:00Z'
    }))
  })
  let runs: (StepRun & { exitAt: number })[]
  const started = Date.now()
  try {
    // One workflow run with a matrix over the databases: the same run id for every job.
    runs = await Promise.all(
      Array.from({ length: options.processes }, async (_, i) => ({
        ...(await runStep(
          standIn,
          distEntry,
          {
            ...DESTINATION,
            'db-instance-identifier': database(i),
            wait: 'true',
            'poll-interval-seconds': String(options.pollIntervalSeconds)
          },
          '7400000001'
        )),
        exitAt: Date.now()
      }))
    )
  } finally {
    await standIn.close()
  }
  const makespanMs = Math.max(...runs.map(r => r.wallMs))
  const requests = standIn.requests
  const complete = runs.filter(r => r.exitCode === 0 && r.outputs.status === 'COMPLETE').length

  // When each export was started (accepted StartExportTask) and when RDS says it ended.
  const startedAt = requests
    .filter(r => r.action === 'StartExportTask' && r.status === 200)
    .map(r => r.time.getTime())
    .sort((a, b) => a - b)
  const ends = standIn
    .tasks()
    .map(t => t.TaskEndTime?.getTime())
    .filter((t): t is number => t !== undefined)
  const lastEnd = Math.max(...ends)
  // How long after its export ended each waiting step exited.
  const notice = runs.flatMap(r => {
    const end = standIn.task(r.outputs['export-task-identifier'] ?? '')?.TaskEndTime?.getTime()
    return end === undefined ? [] : [r.exitAt - end]
  })
  // A slot is idle between an export ending and the next one starting; lateness sums those
  // gaps as the waiting jobs saw them (the k-th start after the limit vs the (k-limit)-th end).
  const sortedEnds = [...ends].sort((a, b) => a - b)
  const gaps = startedAt
    .slice(options.exportLimit)
    .map((start, k) => start - (sortedEnds[k] ?? start))

  const lines = [
    `${options.processes} processes, export limit ${options.exportLimit}, exports of ${exportMs / 1000} s ` +
      `(${options.startingSeconds} s STARTING + ${options.inProgressSeconds} s IN_PROGRESS), ` +
      `poll-interval-seconds ${options.pollIntervalSeconds}, wait: true, db-instance-identifier; ` +
      "each step then reads its export's tables from S3 (tables-report: auto, the default).",
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| ended COMPLETE (exit 0) | ${complete} of ${options.processes} |`,
    `| makespan (first spawn to last exit) | ${ms(makespanMs)} |`,
    `| ideal ceil(${options.processes}/${options.exportLimit}) × ${exportMs / 1000} s | ${ms(idealMs)} |`,
    `| over the ideal | ${((100 * (makespanMs - idealMs)) / idealMs).toFixed(1)} % |`,
    `| last export ended (after first spawn) | ${ms(lastEnd - started)} |`,
    `| first export started (after first spawn) | ${ms((startedAt[0] ?? started) - started)} |`,
    `| slot hand-over: a slot freed to the next start, median / max | ${gaps.length ? `${ms(median(gaps))} / ${ms(Math.max(...gaps))}` : 'n/a'} |`,
    `| step exit after its export ended, median / max | ${notice.length ? `${ms(median(notice))} / ${ms(Math.max(...notice))}` : 'n/a'} |`,
    `| requests, all | ${requests.length} (${(requests.length / options.processes).toFixed(1)} per process) |`,
    '',
    '| request | calls | error answers |',
    '| --- | ---: | ---: |',
    ...tally(requests).map(([name, calls, refused]) => `| ${name} | ${calls} | ${refused} |`)
  ]
  const failed = runs.filter(r => !(r.exitCode === 0 && r.outputs.status === 'COMPLETE'))
  for (const run of failed.slice(0, 3)) {
    lines.push(
      '',
      `Failed: exit ${run.exitCode}, status '${run.outputs.status}': ${run.errors.join(' ')}`
    )
  }
  return { markdown: lines.join('\n'), makespanMs, idealMs, complete }
}

/** Requests by kind: DescribeExportTasks split by what it asked for. */
function tally(requests: RequestLogEntry[]): [string, number, number][] {
  const counts = new Map<string, [number, number]>()
  for (const r of requests) {
    let name = r.action
    if (r.action === 'DescribeExportTasks') {
      name += r.params.ExportTaskIdentifier ? ' (one task)' : ' (active tasks, slot check)'
    }
    const [calls, refused] = counts.get(name) ?? [0, 0]
    // 206 (a ranged GetObject) is an answer like 200.
    counts.set(name, [calls + 1, refused + (r.status >= 200 && r.status < 300 ? 0 : 1)])
  }
  return [...counts].map(([name, [calls, refused]]) => [name, calls, refused])
}
