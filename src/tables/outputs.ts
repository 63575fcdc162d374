// The report as the contract's outputs: `tables` (a JSON array kept under GitHub's 1 MB output
// limit), `tables-complete`, `tables-incomplete`, and the document `tables-file` points at (the
// whole report, every table with its columns). Pure: the phase writes the file and the outputs.

import type { TableReport, TablesReport } from './report.js'
import { TIMES_NOTE } from './times.js'

/** GitHub takes outputs of up to 1 MB; a margin is left for the output's name and framing. */
export const TABLES_OUTPUT_MAX_BYTES = 1_000_000 - 1_000

export interface TablesOutputs {
  tables: string
  'tables-complete': string
  'tables-incomplete': string
  /** Set when `tables` doesn't list every table: what it lists instead, in words. */
  notice?: string
}

/** One table in the `tables` output. */
function entry(table: TableReport): string {
  return JSON.stringify({
    target: table.target,
    status: table.status,
    // Always there, as the contract shows them: null when unknown (a skipped table has no
    // size from RDS and no folder in the export).
    'size-gb': table.sizeGB ?? null,
    's3-uri': table.s3Uri ?? null,
    'glue-table': table.glueTable,
    'glue-history-table': table.glueHistoryTable
  })
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** As many entries as fit in `max` bytes as a JSON array, in order. */
function fit(entries: readonly string[], max: number): { json: string; listed: number } {
  let size = 2 // []
  let listed = 0
  for (const item of entries) {
    const next = size + bytes(item) + (listed > 0 ? 1 : 0)
    if (next > max) break
    size = next
    listed++
  }
  return { json: `[${entries.slice(0, listed).join(',')}]`, listed }
}

/**
 * The outputs. `tables` lists every table while it fits; past the limit only the tables that
 * are not complete (as `tables-incomplete` counts them), and past it again as many of those as fit; `notice` then says so.
 */
export function tablesOutputs(
  report: TablesReport,
  maxBytes = TABLES_OUTPUT_MAX_BYTES
): TablesOutputs {
  const counts = {
    'tables-complete': String(report.complete),
    'tables-incomplete': String(report.incomplete)
  }
  const all = fit(report.tables.map(entry), maxBytes)
  if (all.listed === report.tables.length) return { tables: all.json, ...counts }
  const notComplete = report.tables.filter(t => !t.complete)
  const some = fit(notComplete.map(entry), maxBytes)
  const total = report.tables.length
  const notice =
    some.listed === notComplete.length
      ? `The tables output lists only the ${notComplete.length} tables that are not complete: all ${total} would pass GitHub's 1 MB output limit. tables-file has them all.`
      : `The tables output lists ${some.listed} of the ${notComplete.length} tables that are not complete: more would pass GitHub's 1 MB output limit. tables-file has all ${total}.`
  return { tables: some.json, ...counts, notice }
}

function fileTable(table: TableReport) {
  return {
    target: table.target,
    status: table.status,
    complete: table.complete,
    empty: table.empty,
    reason: table.reason,
    message: table.message,
    'size-gb': table.sizeGB,
    's3-uri': table.s3Uri,
    'glue-table': table.glueTable,
    'glue-history-table': table.glueHistoryTable,
    'data-file': table.dataFile,
    layout: table.layout,
    partitions: table.partitions,
    'completed-partitions': table.completedPartitions,
    'extraction-start-time': table.extractionStartTime,
    'extraction-end-time': table.extractionEndTime,
    problems: table.problems.length > 0 ? table.problems : undefined,
    'columns-from': table.columnsFrom,
    columns: table.columns.map(column => ({
      name: column.name,
      'source-type': column.sourceType,
      'parquet-type': column.parquetType,
      'glue-type': column.glueType
    }))
  }
}

/** The JSON document behind `tables-file`: the whole report. */
export function tablesFileDocument(report: TablesReport): string {
  const document = {
    'export-task-identifier': report.exportTaskIdentifier,
    's3-uri': report.s3Uri,
    'tables-complete': report.complete,
    'tables-incomplete': report.incomplete,
    counts: Object.fromEntries(report.counts.map(c => [c.status, c.tables])),
    notes: [TIMES_NOTE],
    tables: report.tables.map(fileTable),
    'database-warnings': report.databaseWarnings.map(w => ({
      target: w.target,
      message: w.message,
      file: w.file
    })),
    warnings: report.warnings
  }
  return `${JSON.stringify(document)}\n`
}
