// Bundles for the benchmarks, built with ncc as scripts/build.mjs builds dist/, into bench/.work/
// (ignored by git). The action's own dist/ is copied there first, so a rebuild of dist/ during a
// bench run can't change what is measured halfway through.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const WORK = join(ROOT, 'bench', '.work')

/**
 * Builds `entry` into bench/.work/<name> exactly as `npm run build` builds dist/ (ncc, readable);
 * returns its index.js. For the fixtures measured against the action, so a difference between
 * them is not a difference of build. `minify: true`: the same build minified (`--minify`: ncc
 * --minify, then the chunks with terser), to measure what shipping dist/ readable costs.
 */
export function actionBuild(
  name: string,
  entry: string,
  options: { minify?: boolean } = {}
): string {
  const out = join(WORK, name)
  const flags = options.minify === true ? ['--minify'] : []
  // Built once per bench run: two parts may measure the same build.
  const key = [entry, out, ...flags].join(' ')
  if (built.has(key)) return join(out, 'index.js')
  built.add(key)
  mkdirSync(WORK, { recursive: true })
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), entry, out, ...flags], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit']
  })
  return join(out, 'index.js')
}

const built = new Set<string>()

const CAC_FIXTURE = join(ROOT, 'bench', 'fixtures', 'configure-aws-credentials')

/**
 * The configure-aws-credentials baseline (bench/fixtures/configure-aws-credentials), bundled
 * as that action is: its own dependencies (not the project's: @actions/core 1,
 * @aws-sdk/client-sts, https-proxy-agent), installed once from its lockfile into bench/.work/,
 * then one CommonJS ncc bundle. Needs the npm registry the first time.
 */
export function buildConfigureAwsCredentials(): string {
  const src = join(WORK, 'configure-aws-credentials-src')
  mkdirSync(src, { recursive: true })
  const lock = readFileSync(join(CAC_FIXTURE, 'package-lock.json'), 'utf8')
  const installed = join(src, 'node_modules', '.package-lock.json')
  const stale =
    !existsSync(installed) ||
    !existsSync(join(src, 'package-lock.json')) ||
    readFileSync(join(src, 'package-lock.json'), 'utf8') !== lock
  for (const file of ['package.json', 'package-lock.json', 'index.cjs']) {
    cpSync(join(CAC_FIXTURE, file), join(src, file))
  }
  if (stale) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: src,
      stdio: ['ignore', 'inherit', 'inherit']
    })
  }
  // Plain ncc, no minify, as that action ships; a .cjs entry gives a CommonJS index.cjs.
  const out = join(WORK, 'configure-aws-credentials')
  rmSync(out, { recursive: true, force: true })
  execFileSync('npx', ['ncc', 'build', join(src, 'index.cjs'), '--out', out, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit']
  })
  return join(out, 'index.cjs')
}

/** A copy of dist/ as it is now; returns its index.js. */
export function snapshotDist(): string {
  const out = join(WORK, 'dist')
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` first.')
  }
  rmSync(out, { recursive: true, force: true })
  cpSync(join(ROOT, 'dist'), out, { recursive: true })
  return join(out, 'index.js')
}

/** The .js and .cjs files of a bundle directory with their sizes, the entry (index.*) first. */
export function bundleFiles(dir: string): { file: string; bytes: number }[] {
  const isEntry = (file: string): boolean => file.startsWith('index.')
  return readdirSync(dir)
    .filter(f => f.endsWith('.js') || f.endsWith('.cjs'))
    .map(file => ({ file, bytes: statSync(join(dir, file)).size }))
    .sort((a, b) => (isEntry(a.file) ? -1 : isEntry(b.file) ? 1 : b.bytes - a.bytes))
}
