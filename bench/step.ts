// One workflow step as the runner runs it, for the benchmarks: test/support/run-action.ts with
// the bundle as a parameter (the benchmarks run their own copy of dist/ and the baselines), the
// e2e tests' inputs, and the requests the stand-in logged meanwhile. Also: a stand-in that notes
// when each request was answered, and the sequential round trips read from its log.
import {
  startStandIn,
  type RequestLogEntry,
  type StandIn,
  type StandInOptions
} from '../test/standin/index.js'
import { REGION, startInputs } from '../test/support/e2e.js'
import { runAction, type RunResult } from '../test/support/run-action.js'

export {
  ACCOUNT,
  REGION,
  clusterArn,
  clusterSnapshotArn,
  snapshotArn
} from '../test/support/e2e.js'

/** The inputs every start needs: destination, role-to-assume and the region. */
export const DESTINATION: Record<string, string> = { ...startInputs(), 'aws-region': REGION }

export interface StepRun extends RunResult {
  /** The requests the stand-in logged while the step ran. */
  requests: RequestLogEntry[]
}

/** One step of workflow run `runId` against the stand-in, with `entry` as the bundle. */
export async function runStep(
  standIn: StandIn,
  entry: string,
  inputs: Record<string, string>,
  runId: string,
  options: { staticKeys?: boolean } = {}
): Promise<StepRun> {
  const first = standIn.requests.length
  const run = await runAction({
    entry,
    inputs,
    env: {
      ...standIn.env({ staticKeys: options.staticKeys }),
      GITHUB_WORKFLOW: 'export',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1'
    }
  })
  return { ...run, requests: standIn.requests.slice(first) }
}

/** A request as one short line: `rds:DescribeExportTasks(ExportTaskIdentifier)`. */
export function describeRequest(entry: RequestLogEntry): string {
  const keys = Object.keys(entry.params)
    .filter(k => !['Action', 'Version'].includes(k))
    .map(k => k.split('.')[0])
  const params = entry.service === 'rds' ? `(${[...new Set(keys)].join(', ')})` : ''
  const ok = entry.status >= 200 && entry.status < 300
  const status = ok ? '' : ` -> ${entry.status} ${entry.code ?? ''}`.trimEnd()
  return `${entry.service}:${entry.action}${params}${status}`
}

/** A stand-in whose log also says when each request was answered. */
export interface TimedStandIn {
  standIn: StandIn
  /** When the stand-in sent the answer, ms since epoch, on the same clock as `entry.time`. */
  answeredAt(entry: RequestLogEntry): number
}

/**
 * Starts a stand-in that notes when each answer leaves (`entry.time` is when the request was
 * read). Both come from Date.now, so a request sent after an answer arrived is logged at or
 * after that answer.
 */
export async function startTimedStandIn(options: StandInOptions): Promise<TimedStandIn> {
  const answered = new Map<RequestLogEntry, number>()
  const standIn = await startStandIn({
    ...options,
    onRequest(entry) {
      answered.set(entry, Date.now())
      options.onRequest?.(entry)
    }
  })
  return { standIn, answeredAt: entry => answered.get(entry) ?? Infinity }
}

/**
 * The round trip each request belongs to, counting only `requests` (in log order): 1 for a
 * request sent before any of the others was answered, else one more than the latest round of
 * those answered before it arrived. Requests sent together share a round; the largest number is
 * the longest chain of requests each waiting for an earlier answer. Needs a latency model: on
 * loopback an answer can beat the other request it was sent with.
 */
export function rounds(
  requests: RequestLogEntry[],
  answeredAt: (entry: RequestLogEntry) => number
): number[] {
  const result: number[] = []
  requests.forEach((request, i) => {
    let round = 1
    for (let j = 0; j < i; j++) {
      if (answeredAt(requests[j]!) <= request.time.getTime()) {
        round = Math.max(round, result[j]! + 1)
      }
    }
    result.push(round)
  })
  return result
}

/** The requests grouped by round: `a → b + c → d` (b and c sent together). */
export function describeRounds(requests: RequestLogEntry[], round: number[]): string {
  const groups: string[][] = []
  requests.forEach((request, i) => {
    const r = round[i]! - 1
    ;(groups[r] ??= []).push(describeRequest(request))
  })
  return groups.map(group => group.join(' + ')).join(' → ')
}
