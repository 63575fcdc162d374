// The summary's sections on what was exported: the tables (counts by status, the largest, every
// table not complete with its reason) and the Glue tables, each with a ready-to-run Athena query.
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
}

const LARGEST = 10
const INCOMPLETE_SHOWN = 200
const GLUE_SHOWN = 50

const size = (gb: number | undefined): string => (gb === undefined ? '' : cell(gb))

export function tablesSection(report: TablesReport | undefined): string[] {
  if (!report) return []
  const total = report.tables.length
  const lines = [
    '### Tables',
    '',
    `${total} tables: ${report.complete} complete, ${report.incomplete} not complete.`,
    '',
    '| Status | Tables |',
    '| --- | ---: |',
    ...report.counts.map(c => `| ${cell(c.status)} | ${c.tables} |`),
    ''
  ]
  const largest = largestTables(report, LARGEST)
  if (largest.length > 0) {
    lines.push(
      `**Largest${total > LARGEST ? ` ${LARGEST}` : ''}**`,
      '',
      '| Table | Status | Size (GB) | Glue table |',
      '| --- | --- | ---: | --- |',
      ...largest.map(
        t =>
          `| ${cell(t.target)} | ${cell(t.status)} | ${size(t.sizeGB)} | ${cell(t.glueTable ?? '')} |`
      ),
      ''
    )
  }
  const incomplete = incompleteTables(report)
  if (incomplete.length > 0) {
    const shown = incomplete
      .slice(0, INCOMPLETE_SHOWN)
      .map(t => `- ${cell(t.target)}: ${cell(t.reason)}`)
    const more = incomplete.length - shown.length
    if (more > 0) shown.push(`- … and ${more} more (tables-file lists them all)`)
    lines.push('**Not complete**', '', ...shown, '')
  }
  lines.push(
    ...list(
      'Database warnings',
      report.databaseWarnings.map(w => `${w.target}: ${w.message}`)
    )
  )
  return lines
}

export function catalogSection(
  report: TablesReport | undefined,
  catalog: CatalogSummary | undefined
): string[] {
  if (!report || !catalog) return []
  const registered = report.tables.filter(t => catalog.tables.has(t.target))
  const created = catalog.databaseCreated ? ' (created by this step)' : ''
  const lines = [
    '### In the Glue Data Catalog',
    '',
    `Database ${cell(catalog.database)}${created}: ${registered.length} tables, ready to query in Athena, Redshift Spectrum, EMR and Glue jobs.`,
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
