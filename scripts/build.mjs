// Builds dist/ from scratch: ncc bundles src/index.ts (the AWS SDK goes into chunks that
// main.ts loads only after the inputs are valid), and dist/package.json tells node that the
// bundle is an ES module. The build goes to a fresh directory that replaces dist/ only when it
// succeeded: no stale chunks in the commit, and a failed build leaves the old dist/ in place.
//
// `node scripts/build.mjs <entry> <out>` builds another entry the same way (the benchmarks'
// fixtures, so they are compared with the action on equal terms).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { minify } from 'terser'

const [entry = 'src/index.ts', target = 'dist'] = process.argv.slice(2)
const out = `${target}.building`

rmSync(out, { recursive: true, force: true })
try {
  await build()
  rmSync(target, { recursive: true, force: true })
  renameSync(out, target)
} finally {
  rmSync(out, { recursive: true, force: true })
}

async function build() {
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
}
