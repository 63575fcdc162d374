// One workflow step as the runner runs it, for the benchmarks: test/support/run-action.ts with
// the bundle as a parameter (the benchmarks run their own copy of dist/ and the baselines), the
// e2e tests' inputs, and the requests the stand-in logged meanwhile.
import type { RequestLogEntry, StandIn } from '../test/standin/index.js'
import { REGION, startInputs } from '../test/support/e2e.js'
import { runAction, type RunResult } from '../test/support/run-action.js'

export { ACCOUNT, REGION, snapshotArn } from '../test/support/e2e.js'

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
  runId: string
): Promise<StepRun> {
  const first = standIn.requests.length
  const run = await runAction({
    entry,
    inputs,
    env: {
      ...standIn.env(),
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
  const status = entry.status === 200 ? '' : ` -> ${entry.status} ${entry.code ?? ''}`.trimEnd()
  return `${entry.service}:${entry.action}${params}${status}`
}
