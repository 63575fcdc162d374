// Builds dist/ from scratch: ncc bundles src/index.ts (the AWS SDK goes into chunks that
// main.ts loads only after the inputs are valid), and dist/package.json tells node that the
// bundle is an ES module. The build goes to a fresh directory that replaces dist/ only when it
// succeeded: no stale chunks in the commit, and a failed build leaves the old dist/ in place.
//
// Every file gets a source map (`<file>.map`) whose sources are the paths in src/ and
// node_modules/, so a stack trace run with `node --enable-source-maps` names src/main.ts:123.
// Node reads a map only with that flag: without it, the maps cost nothing at start-up.
//
// `node scripts/build.mjs <entry> <out>` builds another entry the same way (the benchmarks'
// fixtures, so they are compared with the action on equal terms). dist/ is shipped as ncc writes
// it, readable, for people who review what they pin: measured, it starts no slower than a
// minified build (V8 compiles readable functions lazily; see bench/results.md). `--minify`
// builds it minified, which the benchmark measures beside it.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { minify } from 'terser'

const args = process.argv.slice(2)
const minified = args.includes('--minify')
const [entry = 'src/index.ts', target = 'dist'] = args.filter(arg => arg !== '--minify')
const out = `${target}.building`
const MAP_COMMENT = /\n?\/\/# sourceMappingURL=\S+\s*$/

rmSync(out, { recursive: true, force: true })
try {
  await build()
  rmSync(target, { recursive: true, force: true })
  renameSync(out, target)
} finally {
  rmSync(out, { recursive: true, force: true })
}

async function build() {
  // --no-source-map-register: ncc would otherwise load source-map-support on every run.
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry,
      '--out',
      out,
      ...(minified ? ['--minify'] : []),
      '--source-map',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )

  // ncc --minify minifies only the entry file; the chunks (the AWS SDK, @actions/core) are half
  // the parse time of a start step, so they get the same treatment, with ncc's own terser
  // options (no compress; keep class and function names, which errors report). terser is given
  // ncc's map, so the chunk's new map still points into src/ and node_modules/.
  const chunks = minified ? readdirSync(out).filter(f => /^\d+\.index\.js$/.test(f)) : []
  for (const file of chunks) {
    const path = join(out, file)
    const { code, map } = await minify(
      { [file]: readFileSync(path, 'utf8').replace(MAP_COMMENT, '') },
      {
        module: true,
        compress: false,
        mangle: { keep_classnames: true, keep_fnames: true },
        sourceMap: {
          content: readFileSync(`${path}.map`, 'utf8'),
          filename: file,
          url: `${file}.map`
        }
      }
    )
    if (code === undefined || typeof map !== 'string') {
      throw new Error(`terser returned no code or map for ${path}`)
    }
    writeFileSync(path, code)
    writeFileSync(`${path}.map`, map)
  }
  for (const file of readdirSync(out).filter(f => f.endsWith('.js.map'))) {
    writeFileSync(join(out, file), leanMap(readFileSync(join(out, file), 'utf8')))
  }

  writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')
}

/**
 * The map without the sources' text (a stack trace needs only file, line and column; the
 * sources are in the repository at the release's tag); files as `../src/x.ts` (not
 * `.././src/x.ts`), webpack's own code (its runtime, Node's built-ins) as `webpack:///<name>`
 * rather than as paths that look like files.
 */
function leanMap(json) {
  const map = JSON.parse(json)
  delete map.sourcesContent
  map.sources = map.sources.map(source => {
    const path = source.replace(/^\.\.\/\.\//, '../')
    return /^\.\.\/(src|node_modules)\//.test(path)
      ? path
      : `webpack:///${path.replace(/^\.\.\//, '')}`
  })
  return JSON.stringify(map)
}
