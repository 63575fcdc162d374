// Builds dist/ from scratch: ncc bundles src/index.ts (the AWS SDK goes into chunks that
// main.ts loads only after the inputs are valid), and dist/package.json tells node that the
// bundle is an ES module. Removing dist/ first keeps stale chunks out of the commit.
//
// `node scripts/build.mjs <entry> <out>` builds another entry the same way (the benchmarks'
// fixtures, so they are compared with the action on equal terms).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { minify } from 'terser'

const [entry = 'src/index.ts', out = 'dist'] = process.argv.slice(2)

rmSync(out, { recursive: true, force: true })
execFileSync(
  'npx',
  ['ncc', 'build', entry, '--out', out, '--minify', '--license', 'licenses.txt', '--quiet'],
  { stdio: 'inherit' }
)

// ncc --minify minifies only the entry file; the chunks (the AWS SDK, @actions/github, the
// OIDC client) are half the parse time of a start step, so they get the same treatment, with
// ncc's own terser options (no compress; keep class and function names, which errors report).
for (const file of readdirSync(out).filter(f => /^\d+\.index\.js$/.test(f))) {
  const path = join(out, file)
  const { code } = await minify(readFileSync(path, 'utf8'), {
    module: true,
    compress: false,
    mangle: { keep_classnames: true, keep_fnames: true }
  })
  if (code === undefined) throw new Error(`terser returned nothing for ${path}`)
  writeFileSync(path, code)
}

writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')
