// export-only: which databases, schemas and tables a `start` exports. The shape is checked here;
// the engine, when known, is checked against it later (exportOnlyProblem).

import type { Mode } from '../config.js'
import { InputError, quote, refuse } from './errors.js'
import type { Inputs } from './read.js'
import { splitList } from './values.js'

const EXPORT_ONLY_PART = /^[A-Za-z0-9_$]+$/

/** The entries of export-only: one per line or comma-separated, trimmed, empty ones dropped. */
export function splitExportOnly(value: string): string[] {
  return splitList(value)
}

// The longest identifier each engine takes: MySQL 64 characters, PostgreSQL 63 bytes (the
// parts are ASCII, so bytes are characters). Before the engine is known, the larger.
const PART_LIMIT = { any: 64, mysql: 64, postgres: 63 } as const
type Family = keyof typeof PART_LIMIT

const PART_LIMIT_WHY = {
  any: "MySQL's identifier limit; PostgreSQL's is 63",
  mysql: "MySQL's identifier limit",
  postgres: "PostgreSQL's identifier limit, in bytes"
} as const

function exportOnlyEntryProblem(entry: string, family: Family): string | undefined {
  const parts = entry.split('.')
  if (parts.length > 3) return `it has ${parts.length} parts, at most 3 are allowed`
  if (parts.some(part => part === '')) return 'it has an empty part'
  const bad = parts.map(part => /[^A-Za-z0-9_$]/u.exec(part)?.[0]).find(Boolean)
  if (bad) return `${quote(bad)} is not allowed`
  const long = parts.find(part => part.length > PART_LIMIT[family])
  if (long !== undefined) {
    return (
      `part ${quote(long)} has ${long.length} characters, at most ${PART_LIMIT[family]} ` +
      `(${PART_LIMIT_WHY[family]})`
    )
  }
  return parts.every(part => EXPORT_ONLY_PART.test(part)) ? undefined : 'it is malformed'
}

const EXPORT_ONLY_RULE =
  "entries must be database, database.table, database.schema or database.schema.table, with parts of letters, digits, '_' and '$'"

/** RDS's limit on the ExportOnly list: 200 KB. */
export const EXPORT_ONLY_MAX_BYTES = 200 * 1024

// The entries once each, and a warning naming the repeated ones.
function dropRepeats(entries: string[]): { unique: string[]; warning?: string } {
  const unique = [...new Set(entries)]
  if (unique.length === entries.length) return { unique }
  const seen = new Set<string>()
  const repeated = new Set(entries.filter(entry => seen.has(entry) || !seen.add(entry)))
  const shown = [...repeated].slice(0, 5).map(quote).join(', ')
  const more = repeated.size > 5 ? ` and ${repeated.size - 5} more` : ''
  return {
    unique,
    warning: `Input 'export-only' repeats ${shown}${more}; each is exported once.`
  }
}

/** export-only for mode start, entry by entry, repeats dropped with a warning; [] otherwise. */
export function parseExportOnly(inputs: Inputs, mode: Mode, warnings: string[]): string[] {
  if (mode !== 'start') return []
  const entries = splitExportOnly(inputs.get('export-only'))
  for (const entry of entries) {
    const problem = exportOnlyEntryProblem(entry, 'any')
    if (problem) throw refuse('export-only', EXPORT_ONLY_RULE, entry, problem)
  }
  const { unique, warning } = dropRepeats(entries)
  if (warning) warnings.push(warning)
  // As RDS receives the list: the entries and a separator between each.
  const bytes = unique.reduce((sum, entry) => sum + entry.length, 0) + unique.length - 1
  if (bytes > EXPORT_ONLY_MAX_BYTES) {
    throw new InputError(
      'export-only',
      `Input 'export-only' must be at most 200 KB (${EXPORT_ONLY_MAX_BYTES} bytes), the RDS limit; ` +
        `its ${unique.length} entries make ${bytes}: name whole databases or schemas instead of their tables.`
    )
  }
  return unique
}

const MYSQL_ENGINES = ['mysql', 'mariadb', 'aurora-mysql', 'aurora']
const POSTGRES_ENGINES = ['postgres', 'aurora-postgresql']

/**
 * The first export-only entry the source's engine can't take, as a whole sentence for an
 * InputError on 'export-only', or undefined. MySQL, MariaDB and Aurora MySQL take `database` or
 * `database.table`; PostgreSQL and Aurora PostgreSQL also `database.schema.table`, with parts of
 * at most 63 bytes (64 for the others). Engines not known here are not checked beyond the
 * entries' shape.
 */
export function exportOnlyProblem(entries: string[], engine: string): string | undefined {
  const family: Family = MYSQL_ENGINES.includes(engine)
    ? 'mysql'
    : POSTGRES_ENGINES.includes(engine)
      ? 'postgres'
      : 'any'
  for (const entry of entries) {
    const shape = exportOnlyEntryProblem(entry, family)
    if (shape) return `Input 'export-only' ${EXPORT_ONLY_RULE}; got ${quote(entry)}: ${shape}.`
    if (family === 'mysql' && entry.split('.').length > 2) {
      return (
        `Input 'export-only' entry ${quote(entry)} doesn't fit the source's engine, ${engine}: ` +
        `MySQL, MariaDB and Aurora MySQL exports take 'database' or 'database.table'.`
      )
    }
  }
  return undefined
}
