// dist/ ships a source map beside every file (scripts/build.mjs), so that a stack trace taken
// with `NODE_OPTIONS: --enable-source-maps` names src/*.ts and the line: every map must exist,
// be named by its file, point at files that exist, and send a position in the bundle back to the
// line of src/ it was built from.
import { describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { SourceMap, type SourceMapPayload } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const bundleFiles = readdirSync(dist).filter(name => name.endsWith('.js'))

function loadMap(file: string): SourceMapPayload {
  return JSON.parse(readFileSync(path.join(dist, `${file}.map`), 'utf8')) as SourceMapPayload
}

interface Check {
  literal: string
  source: string
  line: number
  found: boolean
}

/**
 * Each string literal of the bundle that the map sends into src/, and whether that literal is
 * written there, on the line the map names or the few after it (a map entry marks where an
 * expression starts; its strings may follow on the next lines).
 */
function literalChecks(code: string, payload: SourceMapPayload, mapDir: string): Check[] {
  const map = new SourceMap(payload)
  const sources = new Map<string, string[]>()
  const checks: Check[] = []
  code.split('\n').forEach((line, lineIndex) => {
    for (const m of line.matchAll(/(?<![\w'"`\\])(['"`])([A-Za-z][A-Za-z ]{11,})\1(?![\w'"`])/g)) {
      const entry = map.findEntry(lineIndex, m.index ?? 0)
      if (!('originalSource' in entry)) continue
      const file = path.resolve(mapDir, entry.originalSource.replace(/^file:\/\//, ''))
      if (!path.relative(root, file).startsWith(`src${path.sep}`)) continue
      if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8').split('\n'))
      const from = entry.originalLine
      const near = (sources.get(file) ?? []).slice(from, from + 5).join('\n')
      const literal = m[2] ?? ''
      const source = path.relative(root, file)
      checks.push({ literal, source, line: from + 1, found: near.includes(literal) })
    }
  })
  return checks
}

describe('source maps in dist/', () => {
  test.each(bundleFiles)('%s names its map, and the map its sources', file => {
    const code = readFileSync(path.join(dist, file), 'utf8')
    expect(code.trimEnd().endsWith(`//# sourceMappingURL=${file}.map`)).toBe(true)
    const map = loadMap(file)
    expect(map.version).toBe(3)
    expect(map.sources.length).toBeGreaterThan(0)
    // Files of this repository, or webpack's own runtime (webpack:///webpack/bootstrap).
    const files = map.sources.filter(s => !s.startsWith('webpack:///'))
    expect(files.filter(s => !/^\.\.\/(src|node_modules)\//.test(s))).toEqual([])
    expect(files.filter(s => !existsSync(path.join(dist, s)))).toEqual([])
  })

  test('the entry and the chunks built from src/ map their strings back to the lines of src/', () => {
    const fromSrc = bundleFiles.filter(file =>
      loadMap(file).sources.some(s => s.startsWith('../src/'))
    )
    expect(fromSrc).toContain('index.js')
    let checked = 0
    for (const file of fromSrc) {
      const checks = literalChecks(readFileSync(path.join(dist, file), 'utf8'), loadMap(file), dist)
      // A small chunk (the proxy agents) may hold no long string of src/ at all.
      checked += checks.length
      expect({ file, wrong: checks.filter(c => !c.found) }).toEqual({ file, wrong: [] })
    }
    expect(checked).toBeGreaterThanOrEqual(10 * fromSrc.length)
  })

  test('a map that points at the wrong lines is caught', () => {
    const payload: SourceMapPayload = {
      file: 'x.js',
      version: 3,
      sources: ['../src/main.ts'],
      sourcesContent: [],
      names: [],
      mappings: 'AAAA', // column 0 of the bundle is line 1, column 0 of src/main.ts
      sourceRoot: ''
    }
    expect(literalChecks("run('Written nowhere in src')", payload, dist)).toEqual([
      {
        literal: 'Written nowhere in src',
        source: path.join('src', 'main.ts'),
        line: 1,
        found: false
      }
    ])
  })
})
