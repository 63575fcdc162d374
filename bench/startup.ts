// Start-up benchmark (issue 5, part 1): bundle size, and the wall time and peak RSS of
// `node dist/index.js` failing on missing input (no INPUT_* at all), against `node -e 0` in the
// same interleaved rounds. Candidate builds show what a change would win before it is made:
// ncc --minify, and @actions/core with its OIDC client (@actions/http-client and undici, only
// needed by getIDToken) loaded lazily, patched into a scratch copy under bench/.work/.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { bundleFiles, nccBuild, ROOT, WORK } from './build.js'
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
}

const MISSING_INPUT = "Mode 'start' needs one source"

/** Builds the candidates; each is skipped, with a note, if it can't be built. */
function candidates(notes: string[]): Variant[] {
  const variants: Variant[] = []
  const coreOnly = nccBuild('core-only', 'bench/fixtures/core-only.ts')
  variants.push({
    label: '@actions/core alone',
    note: 'bench/fixtures/core-only.ts, ncc',
    args: [coreOnly],
    bundleDir: dirname(coreOnly)
  })
  const plain = srcCopy('minify-src', false)
  if ('entry' in plain) {
    const minified = nccBuild('minify', plain.entry, ['--minify'])
    variants.push({
      label: 'action, ncc --minify',
      note: 'src/ as it is, `ncc build --minify`',
      args: [minified],
      bundleDir: dirname(minified),
      action: true
    })
  }
  const lazy = srcCopy('lazy-oidc-src', true)
  if ('problem' in lazy) {
    notes.push(lazy.problem)
  } else {
    for (const minify of [false, true]) {
      const entry = nccBuild(
        minify ? 'lazy-oidc-min' : 'lazy-oidc',
        lazy.entry,
        minify ? ['--minify'] : []
      )
      variants.push({
        label: `action, lazy OIDC in core${minify ? ', --minify' : ''}`,
        note: '@actions/core patched: getIDToken imports oidc-utils.js when called',
        args: [entry],
        bundleDir: dirname(entry),
        action: true
      })
    }
  }
  return variants
}

/**
 * A scratch copy of src/ under bench/.work/<name>/, type-checked on its own (other work in
 * progress elsewhere in the project can't break the build). With lazyOidc, beside it a copy of
 * @actions/core whose getIDToken imports its OIDC client (and with it @actions/http-client and
 * undici) only when called. The entry to build, or why it couldn't be made.
 */
function srcCopy(name: string, lazyOidc: boolean): { entry: string } | { problem: string } {
  const base = join(WORK, name)
  rmSync(base, { recursive: true, force: true })
  cpSync(join(ROOT, 'src'), join(base, 'src'), { recursive: true })
  writeFileSync(
    join(base, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../tsconfig.json', include: ['src'] }) + '\n'
  )
  const entry = relative(ROOT, join(base, 'src', 'index.ts'))
  if (!lazyOidc) return { entry }
  const core = join(base, 'node_modules', '@actions', 'core')
  mkdirSync(dirname(core), { recursive: true })
  cpSync(join(ROOT, 'node_modules', '@actions', 'core'), core, { recursive: true })
  const file = join(core, 'lib', 'core.js')
  const text = readFileSync(file, 'utf8')
  const staticImport = "import { OidcClient } from './oidc-utils.js';\n"
  const call = 'return yield OidcClient.getIDToken(aud);'
  if (!text.includes(staticImport) || !text.includes(call)) {
    return {
      problem: '@actions/core/lib/core.js has changed; the lazy OIDC candidate was skipped.'
    }
  }
  writeFileSync(
    file,
    text
      .replace(staticImport, '')
      .replace(call, `const { OidcClient } = yield import('./oidc-utils.js');\n        ${call}`)
  )
  return { entry }
}

export async function runStartupBench(distEntry: string, runs: number): Promise<StartupResult> {
  const notes: string[] = []
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
    ...candidates(notes)
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
    const entry = files.find(f => f.file === 'index.js')?.bytes
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
  return { markdown: lines.join('\n'), overheadMs, overheadRatio: overheadMs / bare.medianMs }
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
