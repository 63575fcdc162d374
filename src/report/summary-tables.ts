// The summary's sections on what was exported: the tables (counts by status, the largest, every
// table not complete with its reason, the empty ones) and the Glue tables, each with a
// ready-to-run Athena query.
// Pure; every name and reason is escaped.
import { athenaQuery } from '../tables/glue.js'
import { incompleteTables, largestTables, type TablesReport } from '../tables/report.js'
import { cell, list } from './markdown.js'

/** What registration did, for the summary. */
export interface CatalogSummary {
  database: string
  databaseCreated: boolean
  /** Each registered table by its target: the Glue table name. */
  tables: ReadonlyMap<string, string>
  /** The step failed while registering: these are the tables registered before it did. */
  partial?: boolean
}

const LARGEST = 10
const INCOMPLETE_SHOWN = 200
const GLUE_SHOWN = 50
const EMPTY_SHOWN = 20

/** Sizes as the console shows them: two decimals, a tiny table not rounded to nothing. */
export function gbText(gb: number): string {
  if (gb > 0 && gb < 0.005) return '< 0.01'
  return gb.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** `7 tables: 6 COMPLETE, 1 SKIPPED.`, or `6 tables, all COMPLETE.` */
function countsSentence(report: TablesReport): string {
  const total = report.tables.length
  const [only] = report.counts
  if (report.counts.length === 1 && only) return `${total} tables, all ${cell(only.status)}.`
  return `${total} tables: ${report.counts.map(c => `${c.tables} ${cell(c.status)}`).join(', ')}.`
}

function largestSection(report: TablesReport): string[] {
  const largest = largestTables(report, LARGEST)
  if (largest.length === 0) return []
  const holding = report.tables.filter(t => t.complete && (t.sizeGB ?? 0) > 0).length
  return [
    holding > largest.length ? `**Largest ${largest.length} of ${holding}**` : '**Largest**',
    '',
    '| Table | Size (GB) |',
    '| --- | ---: |',
    ...largest.map(t => `| ${cell(t.target)} | ${gbText(t.sizeGB ?? 0)} |`),
    ''
  ]
}

function incompleteSection(report: TablesReport): string[] {
  const incomplete = incompleteTables(report)
  if (incomplete.length === 0) return []
  const shown = incomplete
    .slice(0, INCOMPLETE_SHOWN)
    .map(t => `- ${cell(t.target)}: ${cell(t.reason)}`)
  const more = incomplete.length - shown.length
  if (more > 0) shown.push(`- … and ${more} more (tables-file lists them all)`)
  return ['**Not complete**', '', ...shown, '']
}

/** Complete tables RDS wrote no files for: nothing to query, so never registered in Glue. */
function emptyNote(report: TablesReport): string[] {
  const empty = report.tables.filter(t => t.complete && t.empty)
  if (empty.length === 0) return []
  const names = empty.slice(0, EMPTY_SHOWN).map(t => cell(t.target))
  const more = empty.length - names.length
  const list = names.join(', ') + (more > 0 ? ` and ${more} more` : '')
  return [
    `**Empty:** ${list} (complete, no rows: RDS wrote no files, so there is nothing to query or register in Glue).`,
    ''
  ]
}

export function tablesSection(report: TablesReport | undefined): string[] {
  if (!report) return []
  return [
    '### Tables',
    '',
    countsSentence(report),
    '',
    ...largestSection(report),
    ...incompleteSection(report),
    ...emptyNote(report),
    ...list(
      'Database warnings',
      report.databaseWarnings.map(w => `${w.target}: ${w.message}`)
    )
  ]
}

export function catalogSection(
  report: TablesReport | undefined,
  catalog: CatalogSummary | undefined
): string[] {
  if (!report || !catalog) return []
  const registered = report.tables.filter(t => catalog.tables.has(t.target))
  const created = catalog.databaseCreated ? ' (created by this step)' : ''
  const count = registered.length === 1 ? '1 table' : `${registered.length} tables`
  const lines = [
    '### In the Glue Data Catalog',
    '',
    catalog.partial
      ? `Database ${cell(catalog.database)}${created}: ${count} registered before the step stopped (the others were not), ready to query in Athena, Redshift Spectrum, EMR and Glue jobs.`
      : `Database ${cell(catalog.database)}${created}: ${count}, ready to query in Athena, Redshift Spectrum, EMR and Glue jobs.`,
    ''
  ]
  if (registered.length === 0) return lines
  lines.push('| Table | Glue table | Athena query |', '| --- | --- | --- |')
  for (const t of registered.slice(0, GLUE_SHOWN)) {
    const name = catalog.tables.get(t.target) ?? ''
    lines.push(`| ${cell(t.target)} | ${cell(name)} | \`${athenaQuery(catalog.database, name)}\` |`)
  }
  const more = registered.length - GLUE_SHOWN
  if (more > 0) lines.push(`| … and ${more} more | | |`)
  return [...lines, '']
}
