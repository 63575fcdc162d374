// Bundles for the benchmarks, built with ncc as scripts/build.mjs builds dist/, into bench/.work/
// (ignored by git). The action's own dist/ is copied there first, so a rebuild of dist/ during a
// bench run can't change what is measured halfway through.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const WORK = join(ROOT, 'bench', '.work')

/** ncc-bundles `entry` (relative to the project root) into bench/.work/<name>; returns its index.js. */
export function nccBuild(name: string, entry: string, flags: string[] = []): string {
  const out = join(WORK, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  execFileSync('npx', ['ncc', 'build', entry, '--out', out, '--quiet', ...flags], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit']
  })
  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
  return join(out, 'index.js')
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

/** The .js files of a bundle directory with their sizes, index.js first. */
export function bundleFiles(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir)
    .filter(f => f.endsWith('.js'))
    .map(file => ({ file, bytes: statSync(join(dir, file)).size }))
    .sort((a, b) => (a.file === 'index.js' ? -1 : b.file === 'index.js' ? 1 : b.bytes - a.bytes))
}
