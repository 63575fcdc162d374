// Runs the bundled action (`node dist/index.js`) the way the runner does: inputs as INPUT_<NAME>
// (upper case, hyphens kept), outputs and the step summary through the files named by
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, read back afterwards. Used by the end-to-end tests,
// the demo and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ACTION_ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/index.js')

export interface RunOptions {
  /** The bundle to run; default dist/index.js (the benchmarks run their copies and baselines). */
  entry?: string
  /** Inputs by their action.yml names, e.g. `{ 'db-instance-identifier': 'prod' }`. */
  inputs: Record<string, string>
  /** Extra environment (the stand-in's env(), GITHUB_RUN_ID, ...). PATH and HOME are kept. */
  env?: Record<string, string>
  /** Called with each chunk of stdout+stderr as it arrives (the demo streams the log). */
  onOutput?: (chunk: string) => void
  /** Called once the process is spawned (tests send SIGINT through it). */
  onSpawn?: (child: ChildProcess) => void
  /** Kill the process after this long; default 120 s. */
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** stdout and stderr, interleaved as they arrived. */
  log: string
  /** The last value of each output, parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>
  /** The GITHUB_STEP_SUMMARY file's contents. */
  summary: string
  /** What the step put in the job's environment for later steps (the GITHUB_ENV file). */
  environment: Record<string, string>
  /** The file the tables-file output names (under RUNNER_TEMP, removed with it), if any. */
  tablesFile?: string
  /** The `::error::` lines, without the prefix. */
  errors: string[]
  /** The `::warning::` lines, without the prefix. */
  warnings: string[]
  wallMs: number
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rds-export-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const envFile = join(dir, 'env')
  for (const file of [outputFile, summaryFile, envFile]) writeFileSync(file, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: envFile,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    // The SDK must find neither shared config nor instance metadata on this machine.
    AWS_CONFIG_FILE: join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value
  }

  const started = performance.now()
  const child = spawn(process.execPath, [options.entry ?? ACTION_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  options.onSpawn?.(child)
  let log = ''
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8')
    log += text
    options.onOutput?.(text)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(done =>
    child.on('close', (code, sig) => done([code, sig]))
  )
  clearTimeout(timer)
  const wallMs = performance.now() - started

  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const summary = readFileSync(summaryFile, 'utf8')
  const environment = parseOutputFile(readFileSync(envFile, 'utf8'))
  const tablesFilePath = outputs['tables-file']
  const tablesFile =
    tablesFilePath?.startsWith(dir) && existsSync(tablesFilePath)
      ? readFileSync(tablesFilePath, 'utf8')
      : undefined
  rmSync(dir, { recursive: true, force: true })
  const lines = log.split(/\r?\n/)
  return {
    exitCode,
    signal,
    log,
    outputs,
    summary,
    environment,
    tablesFile,
    errors: lines.filter(l => l.startsWith('::error::')).map(l => l.slice('::error::'.length)),
    warnings: lines
      .filter(l => l.startsWith('::warning::'))
      .map(l => l.slice('::warning::'.length)),
    wallMs
  }
}

/**
 * Parses the `name<<delimiter\nvalue\ndelimiter` records @actions/core writes to GITHUB_OUTPUT
 * and GITHUB_ENV; last one wins.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (match) {
      const [, name, delimiter] = match
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name as string] = value.join('\n')
    } else {
      const simple = /^([^=]+)=(.*)$/.exec(lines[i] ?? '')
      if (simple) outputs[simple[1] as string] = simple[2] ?? ''
    }
  }
  return outputs
}
