// Start-up benchmark: bundle size, and the wall time and peak RSS of `node dist/index.js`
// failing on missing input (no INPUT_* at all), against `node -e 0`, the configure-aws-credentials
// baseline and `@actions/core` alone, in the same interleaved rounds.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { actionBuild, buildConfigureAwsCredentials, bundleFiles, WORK } from './build.js'
import { compare, kib, mib, ms, type Command, type Summary } from './measure.js'

interface Variant {
  label: string
  /** How it was built, for the table. */
  note: string
  args: string[]
  /** The bundle's directory, for its size. */
  bundleDir?: string
  /** Expected: the action's input error. */
  action?: boolean
}

export interface StartupResult {
  markdown: string
  /** dist/index.js minus `node -e 0`, medians. */
  overheadMs: number
  /** That overhead as a multiple of `node -e 0` itself. */
  overheadRatio: number
  /** The configure-aws-credentials baseline minus `node -e 0`, and as a multiple of it. */
  baselineOverheadMs: number
  baselineRatio: number
  /** The action built minified minus the committed (readable) build, medians. */
  minifiedExtraMs: number
}

const MISSING_INPUT = "Mode 'start' needs one source"

/**
 * What the action's start-up is compared with. The action checks its inputs before it loads
 * @actions/core (src/preflight.ts), so bad input never loads core, its OIDC client or undici;
 * the core-only row shows what loading @actions/core (unpatched) alone would cost that path.
 */
function candidates(_notes: string[]): Variant[] {
  const coreOnly = actionBuild('core-only', 'bench/fixtures/core-only.ts')
  const configureAwsCredentials = buildConfigureAwsCredentials()
  return [
    {
      label: 'configure-aws-credentials baseline',
      note: 'bench/fixtures/configure-aws-credentials: its dependencies, CommonJS, ncc',
      args: [configureAwsCredentials],
      bundleDir: dirname(configureAwsCredentials)
    },
    {
      label: '@actions/core alone (unpatched)',
      note: 'bench/fixtures/core-only.ts: reads an input, fails; built like dist/',
      args: [coreOnly],
      bundleDir: dirname(coreOnly)
    }
  ]
}

export async function runStartupBench(distEntry: string, runs: number): Promise<StartupResult> {
  const notes: string[] = []
  const minified = actionBuild('dist-minified', 'src/index.ts', { minify: true })
  const emptyModule = join(WORK, 'empty.mjs')
  writeFileSync(emptyModule, '')
  const variants: Variant[] = [
    { label: 'node -e 0', note: 'bare node', args: ['-e', '0'] },
    {
      label: 'empty ES module',
      note: 'node empty.mjs: the ES module loader alone',
      args: [emptyModule]
    },
    {
      label: 'action (dist/index.js)',
      note: 'the committed build',
      args: [distEntry],
      bundleDir: dirname(distEntry),
      action: true
    },
    ...candidates(notes),
    {
      label: 'action, built minified',
      note: 'scripts/build.mjs --minify: ncc --minify, then terser on the chunks',
      args: [minified],
      bundleDir: dirname(minified),
      action: true
    }
  ]
  // No INPUT_* at all: the action fails on its first input check.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }
  const commands: Command[] = variants.map(v => ({
    label: v.label,
    file: process.execPath,
    args: v.args,
    env
  }))
  const results = await compare(commands, runs)
  const bare = results[0]!

  const lines = [
    `Median of ${runs} runs each, interleaved; peak RSS from GNU time. Overhead: minus \`node -e 0\`.`,
    '',
    '| command | entry chunk | all chunks | wall median | p90 | overhead | peak RSS | RSS over node | how built |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'
  ]
  variants.forEach((v, i) => {
    const r = results[i]!
    const files = v.bundleDir ? bundleFiles(v.bundleDir) : []
    const entry = files.find(f => f.file.startsWith('index.'))?.bytes
    const total = files.reduce((sum, f) => sum + f.bytes, 0)
    lines.push(
      `| ${v.label} | ${entry === undefined ? '' : kib(entry)} | ${files.length ? `${kib(total)} (${files.length} files)` : ''} | ` +
        `${ms(r.medianMs)} | ${ms(r.p90Ms)} | ${i === 0 ? '' : `+${ms(r.medianMs - bare.medianMs)}`} | ` +
        `${mib(r.medianRssKb)} | ${i === 0 || r.medianRssKb === undefined || bare.medianRssKb === undefined ? '' : `+${mib(r.medianRssKb - bare.medianRssKb)}`} | ${v.note} |`
    )
    checkFailure(v, r, notes)
  })
  const dist = variants[2]!.bundleDir!
  lines.push(
    '',
    `dist/ files: ${bundleFiles(dist)
      .map(f => `${f.file} ${kib(f.bytes)}`)
      .join(', ')}.`
  )
  if (notes.length) lines.push('', ...notes.map(n => `Note: ${n}`))
  const overheadMs = results[2]!.medianMs - bare.medianMs
  const baselineOverheadMs = results[3]!.medianMs - bare.medianMs
  return {
    markdown: lines.join('\n'),
    overheadMs,
    overheadRatio: overheadMs / bare.medianMs,
    baselineOverheadMs,
    baselineRatio: results[3]!.medianMs / bare.medianMs,
    minifiedExtraMs: results[variants.length - 1]!.medianMs - results[2]!.medianMs
  }
}

/** The action must fail on the missing source, not on something else. */
function checkFailure(variant: Variant, result: Summary, notes: string[]): void {
  if (!variant.action) return
  if (![...result.exitCodes].every(code => code === 1) || !result.output.includes(MISSING_INPUT)) {
    notes.push(
      `${variant.label} did not fail on the missing input as expected (exit ${[...result.exitCodes].join(', ')}): ${result.output.slice(0, 300)}`
    )
  }
}
