// What was exported, table by table: each table checked, typed and placed, then the whole
// export's report (counts by status, the largest, every incomplete table with its reason, the
// warnings). A table is complete only when RDS says COMPLETE and its completed partitions equal
// its partitions. A complete table with a problem (no folder, an unreadable footer, a column
// Athena can't take) is reported but not registered in Glue. Pure; linear in the tables.

import type { SchemaElement } from 'hyparquet'
import { cap, listSome } from './fields.js'
import type { FolderMatch, TableFolder } from './layout.js'
import type { DatabaseWarning, TableStatus, TablesInfo } from './metadata.js'
import { columnsFromMetadata, columnsFromSchema, withSourceTypes, type Columns } from './types.js'

/** A footer as the phase read it: hyparquet's schema, or why it couldn't be read. */
export type Footer = { schema: readonly SchemaElement[] } | { error: string }

export interface ReportColumn {
  name: string
  sourceType?: string
  parquetType: string
  glueType?: string
}

export interface TableReport {
  target: string
  /** Upper case as RDS wrote it; `UNKNOWN` when the metadata gives none. */
  status: string
  sizeGB?: number
  /** The table's folder, `s3://bucket/prefix/id/db/schema.table/`. */
  s3Uri?: string
  /** The data file the columns were read from. */
  dataFile?: string
  layout?: 'batches' | 'flat'
  columns: ReportColumn[]
  /** Where the types come from: a Parquet footer, expectedExportedType, or nowhere. */
  columnsFrom: 'parquet' | 'metadata' | 'none'
  partitions?: number
  completedPartitions?: number
  extractionStartTime?: string
  extractionEndTime?: string
  /** A message RDS put on the table's entry. */
  message?: string
  complete: boolean
  /** Complete, 0 GB and no folder: RDS wrote no files for it (Glue gets the folder RDS uses). */
  empty?: boolean
  /** Why it is not complete. */
  reason?: string
  /** Why a complete table can't be registered in Glue; empty when it can. */
  problems: string[]
  /** Set once registered. */
  glueTable?: string
  /** Set once this export's partition is in its history table (glue-history). */
  glueHistoryTable?: string
}

export interface TablesReport {
  exportTaskIdentifier: string
  /** The export's folder, `s3://bucket/prefix/id/`. */
  s3Uri: string
  /** In the order of the metadata files. */
  tables: TableReport[]
  /** Tables by status, most frequent first. */
  counts: { status: string; tables: number }[]
  complete: number
  incomplete: number
  databaseWarnings: DatabaseWarning[]
  /** Problems with the export's files, each in words, each naming its file or tables. */
  warnings: string[]
}

/** Whether a table exported completely, and if not, why. */
export function checkTable(table: TableStatus): { complete: boolean; reason?: string } {
  const note = table.message ? `: ${table.message}` : ''
  if (table.status !== 'COMPLETE') {
    const status = table.status
      ? `its status is ${table.status}`
      : "the export's metadata gives it no status"
    return { complete: false, reason: `${status}${note}` }
  }
  const { partitions, completedPartitions } = table
  if (partitions === completedPartitions) return { complete: true }
  if (partitions === undefined || completedPartitions === undefined) {
    const has = partitions === undefined ? 'completed partitions' : 'partitions'
    return {
      complete: false,
      reason: `its partitioning info gives a number of ${has} only, so it can't be checked${note}`
    }
  }
  return {
    complete: false,
    reason: `${completedPartitions} of its ${partitions} partitions completed${note}`
  }
}

interface Typing {
  columns: Columns
  from: TableReport['columnsFrom']
  problems: string[]
}

function typeTable(table: TableStatus, footer: Footer | undefined): Typing {
  if (footer && 'schema' in footer) {
    return { columns: columnsFromSchema(footer.schema), from: 'parquet', problems: [] }
  }
  const fallback = columnsFromMetadata(table.columns)
  const from = table.columns.length > 0 ? 'metadata' : 'none'
  if (!footer) return { columns: fallback, from, problems: [] }
  // The file is there but unreadable: report the metadata's types, register nothing.
  return {
    columns: fallback,
    from,
    problems: [`its Parquet footer can't be read (${cap(footer.error, 200)})`]
  }
}

/** One table, from its metadata entry, its folder and its data file's footer. */
export function describeTable(
  table: TableStatus,
  bucket: string,
  folder: TableFolder | undefined,
  footer: Footer | undefined
): TableReport {
  const check = checkTable(table)
  const typing = typeTable(table, folder?.dataFile ? footer : undefined)
  // An empty table (0 GB) may have no folder at all: nothing to read; Glue types it from the
  // metadata, at the folder RDS uses for it (tables/glue.ts).
  const empty = !folder && table.sizeGB === 0
  const problems = !folder
    ? empty
      ? []
      : ['no folder of it was found under the export']
    : [...typing.problems, ...typing.columns.problems]
  return {
    target: table.target,
    status: table.status || 'UNKNOWN',
    sizeGB: table.sizeGB,
    s3Uri: folder ? `s3://${bucket}/${folder.prefix}` : undefined,
    dataFile: folder?.dataFile ? `s3://${bucket}/${folder.dataFile.key}` : undefined,
    layout: folder?.dataFile?.layout,
    columns: withSourceTypes(typing.columns.columns, table.columns),
    columnsFrom: typing.from,
    partitions: table.partitions,
    completedPartitions: table.completedPartitions,
    extractionStartTime: table.extractionStartTime,
    extractionEndTime: table.extractionEndTime,
    message: table.message,
    complete: check.complete,
    ...(empty ? { empty } : {}),
    reason: check.reason,
    // An incomplete table is never registered: its problems would only be noise.
    problems: check.complete ? problems : []
  }
}

export interface ReportInput {
  exportTaskIdentifier: string
  bucket: string
  /** The export's key prefix, `<prefix>/<id>/`. */
  exportPrefix: string
  info: TablesInfo
  match: FolderMatch
  /** Footers by data file key. */
  footers: ReadonlyMap<string, Footer>
  /** Any more problems found on the way (export_info, the listing), in words. */
  warnings?: readonly string[]
}

function countByStatus(tables: readonly TableReport[]): TablesReport['counts'] {
  const counts = new Map<string, number>()
  for (const { status } of tables) counts.set(status, (counts.get(status) ?? 0) + 1)
  return [...counts]
    .map(([status, count]) => ({ status, tables: count }))
    .sort((a, b) => b.tables - a.tables || a.status.localeCompare(b.status))
}

// Complete tables whose folder holds no Parquet file: typed from the metadata, one warning.
function withoutDataFile(tables: readonly TableReport[]): string[] {
  const targets = tables
    .filter(t => t.complete && t.s3Uri && !t.dataFile && t.problems.length === 0)
    .map(t => t.target)
  if (targets.length === 0) return []
  return [
    `${targets.length} COMPLETE table(s) have no Parquet file in their folder, so their column types come from the export's metadata: ${listSome(targets)}.`
  ]
}

/** The report of the whole export. */
export function buildReport(input: ReportInput): TablesReport {
  const tables = input.info.tables.map(table => {
    const folder = input.match.byTarget.get(table.target)
    const footer = folder?.dataFile ? input.footers.get(folder.dataFile.key) : undefined
    return describeTable(table, input.bucket, folder, footer)
  })
  const complete = tables.filter(t => t.complete).length
  return {
    exportTaskIdentifier: input.exportTaskIdentifier,
    s3Uri: `s3://${input.bucket}/${input.exportPrefix.replace(/\/?$/, '/')}`,
    tables,
    counts: countByStatus(tables),
    complete,
    incomplete: tables.length - complete,
    databaseWarnings: input.info.databaseWarnings,
    warnings: [
      ...(input.warnings ?? []),
      ...input.info.warnings,
      ...input.match.warnings,
      ...withoutDataFile(tables)
    ]
  }
}

/** The report with the Glue table of each target registered, and its history table if any. */
export function withGlueTables(
  report: TablesReport,
  registered: ReadonlyMap<string, string>,
  history: ReadonlyMap<string, string> = new Map()
): TablesReport {
  return {
    ...report,
    tables: report.tables.map(t => {
      const glueTable = registered.get(t.target)
      const glueHistoryTable = history.get(t.target)
      if (!glueTable && !glueHistoryTable) return t
      return {
        ...t,
        ...(glueTable ? { glueTable } : {}),
        ...(glueHistoryTable ? { glueHistoryTable } : {})
      }
    })
  }
}

/** The `count` largest complete tables that hold data, by size, then by name. */
export function largestTables(report: TablesReport, count: number): TableReport[] {
  return report.tables
    .filter(t => t.complete && (t.sizeGB ?? 0) > 0)
    .sort((a, b) => (b.sizeGB ?? -1) - (a.sizeGB ?? -1) || a.target.localeCompare(b.target))
    .slice(0, Math.max(0, count))
}

/** Every table that is not complete, in report order. */
export function incompleteTables(report: TablesReport): TableReport[] {
  return report.tables.filter(t => !t.complete)
}

/** The warning for a table that is not complete (the summary lists it under Tables). */
export const incompleteWarning = (t: TableReport): string =>
  `Table ${t.target} is not complete: ${t.reason}.`

/** The warning for a database RDS couldn't export whole (the summary lists it under Tables). */
export const databaseWarning = (w: DatabaseWarning): string =>
  `Database ${w.target} (${w.file}): ${w.message}`

/** Tables named one by one in warnings; past it, one warning sums up the rest. */
export const TABLE_WARNINGS_MAX = 10

function tableWarnings(
  tables: readonly TableReport[],
  word: (t: TableReport) => string,
  rest: (names: string[]) => string
): string[] {
  const named = tables.slice(0, TABLE_WARNINGS_MAX).map(word)
  const others = tables.slice(TABLE_WARNINGS_MAX).map(t => t.target)
  return others.length > 0 ? [...named, rest(others)] : named
}

/**
 * Every warning of the report, for the step (each counts toward fail-on-warning): tables not
 * complete, complete tables that can't be registered, database-level messages, file problems.
 */
export function reportWarnings(report: TablesReport, glue: boolean): string[] {
  const unregistered = glue ? ' It is not registered in Glue.' : ''
  const blocked = report.tables.filter(t => t.complete && t.problems.length > 0)
  return [
    ...tableWarnings(
      incompleteTables(report),
      incompleteWarning,
      names => `${names.length} more tables are not complete (see tables-file): ${listSome(names)}.`
    ),
    ...tableWarnings(
      blocked,
      t => `Table ${t.target}: ${t.problems.join('; ')}.${unregistered}`,
      names =>
        `${names.length} more complete tables have problems (see tables-file): ${listSome(names)}.`
    ),
    ...report.databaseWarnings.map(databaseWarning),
    ...report.warnings
  ]
}
