// export-only: which databases, schemas and tables a `start` exports. The shape is checked here;
// the engine, when known, is checked against it later (exportOnlyProblem).

import type { Mode } from '../config.js'
import { quote, refuse } from './errors.js'
import type { Inputs } from './read.js'
import { splitList } from './values.js'

const EXPORT_ONLY_PART = /^[A-Za-z0-9_$]+$/

/** The entries of export-only: one per line or comma-separated, trimmed, empty ones dropped. */
export function splitExportOnly(value: string): string[] {
  return splitList(value)
}

function exportOnlyEntryProblem(entry: string): string | undefined {
  const parts = entry.split('.')
  if (parts.length > 3) return `it has ${parts.length} parts, at most 3 are allowed`
  if (parts.some(part => part === '')) return 'it has an empty part'
  const bad = parts.map(part => /[^A-Za-z0-9_$]/u.exec(part)?.[0]).find(Boolean)
  if (bad) return `${quote(bad)} is not allowed`
  return parts.every(part => EXPORT_ONLY_PART.test(part)) ? undefined : 'it is malformed'
}

const EXPORT_ONLY_RULE =
  "entries must be database, database.table, database.schema or database.schema.table, with parts of letters, digits, '_' and '$'"

/** export-only for mode start, checked entry by entry; [] for the other modes. */
export function parseExportOnly(inputs: Inputs, mode: Mode): string[] {
  if (mode !== 'start') return []
  const entries = splitExportOnly(inputs.get('export-only'))
  for (const entry of entries) {
    const problem = exportOnlyEntryProblem(entry)
    if (problem) throw refuse('export-only', EXPORT_ONLY_RULE, entry, problem)
  }
  return entries
}

const MYSQL_ENGINES = ['mysql', 'mariadb', 'aurora-mysql', 'aurora']
const POSTGRES_ENGINES = ['postgres', 'aurora-postgresql']

/**
 * The first export-only entry the source's engine can't take, as a whole sentence for an
 * InputError on 'export-only', or undefined. MySQL, MariaDB and Aurora MySQL take `database` or
 * `database.table`; PostgreSQL and Aurora PostgreSQL also `database.schema.table`. Engines not
 * known here are not checked beyond the entries' shape.
 */
export function exportOnlyProblem(entries: string[], engine: string): string | undefined {
  const family = MYSQL_ENGINES.includes(engine)
    ? 'mysql'
    : POSTGRES_ENGINES.includes(engine)
      ? 'postgres'
      : undefined
  for (const entry of entries) {
    const shape = exportOnlyEntryProblem(entry)
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
