// Timing helpers for the benchmarks: run a process, take its wall time from the parent and its
// peak RSS from GNU time (when /usr/bin/time exists), and summarize repeated runs.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GNU_TIME = '/usr/bin/time'
export const HAVE_GNU_TIME = existsSync(GNU_TIME)

export interface Sample {
  wallMs: number
  /** Peak resident set size in KiB, when GNU time is available. */
  peakRssKb?: number
  exitCode: number | null
  output: string
}

export interface Command {
  label: string
  file: string
  args: string[]
  env: Record<string, string>
  cwd?: string
}

/** Runs the command once. The wall time runs from spawn to exit, seen from the parent. */
export async function runTimed(command: Command): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'rds-export-bench-'))
  const rssFile = join(dir, 'rss')
  const [file, args] = HAVE_GNU_TIME
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command.file, ...command.args]]
    : [command.file, command.args]
  const started = performance.now()
  const child = spawn(file, args, {
    env: command.env,
    cwd: command.cwd,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exitCode = await new Promise<number | null>(done => child.on('close', code => done(code)))
  const wallMs = performance.now() - started
  let peakRssKb: number | undefined
  if (HAVE_GNU_TIME) {
    // GNU time writes "Command exited with non-zero status N" before the figure.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n')
    const value = Number(lines[lines.length - 1])
    peakRssKb = Number.isFinite(value) ? value : undefined
  }
  rmSync(dir, { recursive: true, force: true })
  return { wallMs, peakRssKb, exitCode, output }
}

export interface Summary {
  label: string
  runs: number
  medianMs: number
  minMs: number
  p90Ms: number
  medianRssKb?: number
  exitCodes: Set<number | null>
  /** One run's output, for checking that the command failed (or worked) the way intended. */
  output: string
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

/**
 * Runs every command `runs` times, interleaved round by round (in a rotating order) so drift of
 * a shared machine hits all of them alike, after one unmeasured warm-up run each.
 */
export async function compare(commands: Command[], runs: number): Promise<Summary[]> {
  for (const command of commands) await runTimed(command)
  const samples = commands.map(() => [] as Sample[])
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (round + k) % commands.length
      samples[i]!.push(await runTimed(commands[i]!))
    }
  }
  return commands.map((command, i) => {
    const wall = samples[i]!.map(s => s.wallMs)
    const rss = samples[i]!.flatMap(s => (s.peakRssKb === undefined ? [] : [s.peakRssKb]))
    return {
      label: command.label,
      runs,
      medianMs: median(wall),
      minMs: Math.min(...wall),
      p90Ms: quantile(wall, 0.9),
      medianRssKb: rss.length ? median(rss) : undefined,
      exitCodes: new Set(samples[i]!.map(s => s.exitCode)),
      output: samples[i]![0]?.output ?? ''
    }
  })
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`
export const mib = (kb: number | undefined): string =>
  kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()

/**
 * CPU time (user + system, ms) of this process's child processes that have ended and been
 * waited for, from /proc/self/stat (10 ms steps); undefined where there is no /proc. The
 * difference across one child's run is that child's CPU time.
 */
export function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined
  const text = readFileSync('/proc/self/stat', 'utf8')
  // Fields after the command's closing parenthesis: state is field 3, cutime 16, cstime 17.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS
}

/** CPU time (user + system, ms) of this process so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
