// Shared by the end-to-end tests: a fresh stand-in per test, the bundled action run against it
// as the runner runs it, and the secret scan every run goes through. Tests run concurrently
// (test.concurrent), so nothing here is global: each test owns its stand-in.
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  startStandIn,
  type RequestLogEntry,
  type StandIn,
  type StandInOptions
} from '../standin/index.js'
import { runAction, type RunResult } from './run-action.js'
import { commandProblems } from './runner-scan.js'

export const REGION = 'us-east-1'
export const ACCOUNT = '123456789012'
/** The role the workflow assumes through OIDC (role-to-assume). */
export const ROLE_TO_ASSUME = `arn:aws:iam::${ACCOUNT}:role/github-rds-export`
/** The role RDS assumes to write to the bucket (iam-role-arn). */
export const EXPORT_ROLE = `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`
export const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`
export const BUCKET = 'acme-db-exports'

export const snapshotArn = (name: string): string =>
  `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:${name}`
export const clusterSnapshotArn = (name: string): string =>
  `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:${name}`
export const clusterArn = (name: string): string =>
  `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${name}`

/** Destination inputs every start needs, plus OIDC credentials, over which `extra` is laid. */
export function startInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    's3-bucket-name': BUCKET,
    'iam-role-arn': EXPORT_ROLE,
    'kms-key-id': KMS_KEY,
    'role-to-assume': ROLE_TO_ASSUME,
    ...extra
  }
}

/** Starts a stand-in, runs `fn` with it, always closes it. */
export async function withStandIn<T>(
  options: StandInOptions,
  fn: (standIn: StandIn) => Promise<T>
): Promise<T> {
  const standIn = await startStandIn(options)
  try {
    return await fn(standIn)
  } finally {
    await standIn.close()
  }
}

export interface StepOptions {
  /** Put the stand-in's static key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
  staticKeys?: boolean
  /** Name the stand-in by this host in the URLs (STANDIN_HOST: reachable only through the
   * proxy of test/standin/proxy.ts, whose env() goes in `env`). */
  host?: string
  /** Default '1658821493'; '' leaves GITHUB_RUN_ID unset. */
  runId?: string
  runAttempt?: string
  /** Over the stand-in's env() and the GITHUB_* variables; a value of '' removes the variable. */
  env?: Record<string, string>
  onSpawn?: (child: ChildProcess) => void
  onOutput?: (chunk: string) => void
  /** Kill the action after this long; default 50 s, before jest gives up on the test. */
  timeoutMs?: number
  /** More secrets the action may mask (::add-mask::) besides those the stand-in issued. */
  masks?: string[]
}

export interface StepResult extends RunResult {
  /** Index in standIn.requests of the first request this step made (its own slice). */
  firstRequest: number
  /** The requests this step made, in order. */
  requests: RequestLogEntry[]
}

/**
 * Runs `node dist/index.js` as one workflow step against the stand-in, then scans its log,
 * outputs and summary for every secret the stand-in has issued: a leak fails the test.
 */
export async function runStep(
  standIn: StandIn,
  inputs: Record<string, string>,
  options: StepOptions = {}
): Promise<StepResult> {
  const env: Record<string, string> = {
    ...standIn.env({ staticKeys: options.staticKeys, host: options.host }),
    GITHUB_RUN_ID: options.runId ?? '1658821493',
    GITHUB_RUN_ATTEMPT: options.runAttempt ?? '1',
    GITHUB_WORKFLOW: 'export',
    ...options.env
  }
  for (const [name, value] of Object.entries(env)) if (value === '') delete env[name]
  const firstRequest = standIn.requests.length
  const result = await runAction({
    inputs,
    env,
    onSpawn: options.onSpawn,
    onOutput: options.onOutput,
    timeoutMs: options.timeoutMs ?? 50_000
  })
  const leaks = findLeaks(result, standIn.issuedSecrets())
  if (leaks.length > 0) {
    throw new Error(
      `Secrets issued by the stand-in appear in the step's output:\n${leaks.join('\n')}`
    )
  }
  const commands = commandProblems(result.log, [
    ...standIn.issuedSecrets(),
    ...(options.masks ?? [])
  ])
  if (commands.length > 0) {
    throw new Error(`The runner would act on the step's log:\n${commands.join('\n')}`)
  }
  return { ...result, firstRequest, requests: standIn.requests.slice(firstRequest) }
}

/**
 * Where any of `secrets` appears in the log (`::add-mask::` lines aside: that is how a secret is
 * handed to the runner to be masked), in an output or in the summary. Each finding names the
 * place and a fingerprint of the secret, never the secret itself.
 */
export function findLeaks(
  step: Pick<RunResult, 'log' | 'outputs' | 'summary'>,
  secrets: string[]
): string[] {
  const places: [string, string][] = [
    ...step.log
      .split(/\r?\n/)
      .map((line, i): [string, string] => [`log line ${i + 1}`, line])
      .filter(([, line]) => !line.startsWith('::add-mask::')),
    ...Object.entries(step.outputs).map(([name, value]): [string, string] => [
      `output ${name}`,
      value
    ]),
    ['step summary', step.summary]
  ]
  const leaks: string[] = []
  for (const secret of new Set(secrets)) {
    if (secret.length < 8) continue // nothing the stand-in issues is this short
    for (const [place, text] of places) {
      if (text.includes(secret))
        leaks.push(`${place}: secret sha256:${sha256(secret).slice(0, 12)}`)
    }
  }
  return leaks
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** `service:Action` of each request, the shape most request-log assertions take. */
export function calls(requests: RequestLogEntry[]): string[] {
  return requests.map(r => `${r.service}:${r.action}`)
}

export function rdsCalls(requests: RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter(r => r.service === 'rds')
}

export function countOf(requests: RequestLogEntry[], action: string): number {
  return requests.filter(r => r.action === action).length
}

/** Resolves when `predicate` holds for the text streamed so far; rejects after `timeoutMs`. */
export function logWatcher(timeoutMs = 60_000): {
  onOutput: (chunk: string) => void
  until: (predicate: (log: string) => boolean) => Promise<void>
} {
  let log = ''
  const waiters: { predicate: (log: string) => boolean; resolve: () => void }[] = []
  return {
    onOutput(chunk) {
      log += chunk
      for (const w of [...waiters]) {
        if (w.predicate(log)) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve()
        }
      }
    },
    until(predicate) {
      if (predicate(log)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`log never matched; so far:\n${log}`)),
          timeoutMs
        )
        waiters.push({
          predicate,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          }
        })
      })
    }
  }
}

/** A re-run of a workflow run: the step as its first attempt, then the same inputs as attempt 2
 * (a re-run keeps the run id), against one stand-in. */
export async function runAndRerun(
  standIn: StandIn,
  inputs: Record<string, string>,
  runId: string
): Promise<{ first: StepResult; rerun: StepResult }> {
  const first = await runStep(standIn, inputs, { runId })
  const rerun = await runStep(standIn, inputs, { runId, runAttempt: '2' })
  return { first, rerun }
}
