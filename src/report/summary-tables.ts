// The summary's sections on what was exported: the tables (counts by status, the largest, every
// table not complete with its reason, the empty ones) and the Glue tables, each with a
// ready-to-run Athena query.
// Pure; every name and reason is escaped.
import { athenaHistoryQuery, athenaQuery } from '../tables/glue.js'
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
  /** With glue-history: this export's partition, the history tables, what was dropped. */
  history?: {
    exportDate: string
    exportTask: string
    tables: ReadonlyMap<string, string>
    added: number
    existing: number
    days?: number
    dropped: number
  }
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

/** Complete tables RDS wrote no files for: no rows (registered in Glue all the same). */
function emptyNote(report: TablesReport): string[] {
  const empty = report.tables.filter(t => t.complete && t.empty)
  if (empty.length === 0) return []
  const names = empty.slice(0, EMPTY_SHOWN).map(t => cell(t.target))
  const more = empty.length - names.length
  const list = names.join(', ') + (more > 0 ? ` and ${more} more` : '')
  const them = empty.length === 1 ? 'it' : 'them'
  return [`**Empty:** ${list} (complete, no rows: RDS wrote no files for ${them}).`, '']
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
  const history = catalog.history
  if (history) lines.push(...historyLines(history), '')
  if (registered.length === 0) return lines
  if (!history) {
    lines.push('| Table | Glue table | Athena query |', '| --- | --- | --- |')
  } else {
    lines.push(
      '| Table | Glue table | History table | Athena query (this night) |',
      '| --- | --- | --- | --- |'
    )
  }
  for (const t of registered.slice(0, GLUE_SHOWN)) {
    const name = catalog.tables.get(t.target) ?? ''
    const past = history?.tables.get(t.target)
    if (!history) {
      lines.push(
        `| ${cell(t.target)} | ${cell(name)} | ${code(athenaQuery(catalog.database, name))} |`
      )
    } else {
      const query = past
        ? athenaHistoryQuery(catalog.database, past, history.exportDate)
        : athenaQuery(catalog.database, name)
      lines.push(`| ${cell(t.target)} | ${cell(name)} | ${cell(past ?? '—')} | ${code(query)} |`)
    }
  }
  const more = registered.length - GLUE_SHOWN
  if (more > 0) lines.push(`| … and ${more} more | |${history ? ' |' : ''} |`)
  return [...lines, '']
}

// A query in a table cell: backticks, as the names in it are Glue names (a-z 0-9 _) and the
// export date and task come from RDS: a backtick or pipe in them can't end the span.
const code = (text: string): string => `\`${text.replace(/[`|]/g, '_')}\``

/** The history's sentence: this export's partition, what a re-run found, what was dropped. */
function historyLines(history: NonNullable<CatalogSummary['history']>): string[] {
  const count = history.tables.size
  const again = history.existing > 0 ? ` (${history.existing} already there: a re-run)` : ''
  const partition = `export_date = ${cell(history.exportDate)}, export_task = ${cell(history.exportTask)}`
  const lines = [
    `History: partition ${partition} added to ${history.added} of ${count} history tables${again}.`
  ]
  if (history.days) {
    lines.push(
      '',
      `Partitions with an export_date more than ${history.days} days before this export's: ${history.dropped} dropped (from the catalog only; the files stay in S3 until a lifecycle rule expires them).`
    )
  }
  return lines
}
