// One workflow step as the runner runs it, for the benchmarks: a bundle started with
// `node <entry>`, inputs as INPUT_<NAME>, outputs and summary through files (the environment
// test/support/run-action.ts builds), timed by bench/measure.ts. The entry is a parameter so
// the benchmarks run their own copy of dist/ and the baseline bundles.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestLogEntry, StandIn } from '../test/standin/index.js'
import { parseOutputFile } from '../test/support/run-action.js'
import { runTimed, type Sample } from './measure.js'

export const REGION = 'us-east-1'
export const ACCOUNT = '123456789012'
export const ROLE_TO_ASSUME = `arn:aws:iam::${ACCOUNT}:role/github-rds-export`
export const EXPORT_ROLE = `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`
export const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`
export const BUCKET = 'acme-db-exports'

export const snapshotArn = (name: string): string =>
  `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:${name}`

/** The inputs every start needs: destination and role-to-assume. */
export const DESTINATION: Record<string, string> = {
  's3-bucket-name': BUCKET,
  'iam-role-arn': EXPORT_ROLE,
  'kms-key-id': KMS_KEY,
  'role-to-assume': ROLE_TO_ASSUME,
  'aws-region': REGION
}

export interface StepRun extends Sample {
  outputs: Record<string, string>
  /** The requests the stand-in logged while the step ran. */
  requests: RequestLogEntry[]
}

export async function runStep(
  standIn: StandIn,
  entry: string,
  inputs: Record<string, string>,
  runId: string
): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rds-export-bench-step-'))
  const file = (name: string): string => {
    writeFileSync(join(dir, name), '')
    return join(dir, name)
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: file('output'),
    GITHUB_STEP_SUMMARY: file('summary'),
    GITHUB_ENV: file('env'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKFLOW: 'export',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    ...standIn.env()
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const first = standIn.requests.length
  const sample = await runTimed({ label: entry, file: process.execPath, args: [entry], env })
  const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'))
  rmSync(dir, { recursive: true, force: true })
  return { ...sample, outputs, requests: standIn.requests.slice(first) }
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
