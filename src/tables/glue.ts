// The Glue Data Catalog side: each complete table's Glue name and TableInput, what to do with
// a table of that name that already exists, and a ready-to-run Athena query; with glue-history,
// the history table beside it (partitioned by export_date and export_task), this export's
// partition of it, and which partitions fall past glue-history-days. The shapes below match
// Glue's TableInput, PartitionInput and Table, so the phase passes them to CreateTable,
// UpdateTable and BatchCreatePartition as they are. Pure; no SDK import.

import { cap, listSome, withoutControlCharacters } from './fields.js'
import { rdsTableFolder } from './layout.js'
import type { TableReport, TablesReport } from './report.js'

/** Glue's limit on database and table names; Athena counts it in bytes, these are ASCII. */
export const GLUE_NAME_MAX = 255

/** What a history table's name adds to its latest table's name (within GLUE_NAME_MAX). */
export const HISTORY_SUFFIX = '_history'

/** The parameter that marks a table as this action's: only such a table is ever changed. */
export const OWNER_PARAMETER = 'rds-export-action.managed-by'
export const OWNER_VALUE = 'rds-export-action'
export const EXPORT_TASK_PARAMETER = 'rds-export-action.export-task-identifier'
export const SOURCE_ARN_PARAMETER = 'rds-export-action.source-arn'
export const SNAPSHOT_TIME_PARAMETER = 'rds-export-action.snapshot-time'
export const TARGET_PARAMETER = 'rds-export-action.target'

const PARQUET_INPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'
const PARQUET_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'
const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'

export interface GlueColumn {
  Name: string
  Type: string
  Comment?: string
}

/** Glue's TableInput, as this action fills it. */
export interface GlueTableInput {
  Name: string
  Description: string
  TableType: 'EXTERNAL_TABLE'
  Parameters: Record<string, string>
  StorageDescriptor: {
    Location: string
    Columns: GlueColumn[]
    InputFormat: string
    OutputFormat: string
    SerdeInfo: { SerializationLibrary: string; Parameters: Record<string, string> }
  }
  PartitionKeys: GlueColumn[]
}

/** Glue's PartitionInput: `Values` in the order of the table's PartitionKeys. */
export interface GluePartitionInput {
  Values: string[]
  Parameters: Record<string, string>
  StorageDescriptor: GlueTableInput['StorageDescriptor']
}

/** The part of Glue's Table (GetTable) that is read here. */
export interface ExistingTable {
  Name?: string
  TableType?: string
  Parameters?: Record<string, string>
  StorageDescriptor?: {
    Location?: string
    Columns?: { Name?: string; Type?: string; Comment?: string }[]
    InputFormat?: string
    OutputFormat?: string
    SerdeInfo?: { SerializationLibrary?: string }
  }
  PartitionKeys?: { Name?: string; Type?: string; Comment?: string }[]
}

/** The export a table shows, recorded on it. */
export interface ExportIdentity {
  exportTaskIdentifier: string
  sourceArn?: string
  /** ISO 8601. */
  snapshotTime?: string
}

export interface GluePlan {
  target: string
  name: string
  input: GlueTableInput
  /** With glue-history: the history table and this export's partition of it. */
  history?: HistoryPlan
}

export interface HistoryPlan {
  name: string
  input: GlueTableInput
  partition: GluePartitionInput
}

/** The history tables' partition keys, in this order. */
export const HISTORY_PARTITION_KEYS: readonly GlueColumn[] = [
  { Name: 'export_date', Type: 'string', Comment: 'UTC date of the exported snapshot, YYYY-MM-DD' },
  { Name: 'export_task', Type: 'string', Comment: 'the RDS export task identifier' }
]

/**
 * A target's Glue table name: the prefix plus the target, lower case, every character outside
 * a-z 0-9 _ turned into '_', at most 255 characters (`appdb.public.orders` -> `appdb_public_orders`).
 */
export function glueTableName(prefix: string, target: string): string {
  return `${prefix}${target}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/gu, '_')
    .slice(0, GLUE_NAME_MAX)
}

/** The history table beside a Glue table: `<name>_history`, within Glue's 255 characters. */
export function historyTableName(name: string): string {
  return `${name.slice(0, GLUE_NAME_MAX - HISTORY_SUFFIX.length)}${HISTORY_SUFFIX}`
}

/** What an export's date is read from: its task, as DescribeExportTasks gives it. */
export interface ExportTimes {
  SourceType?: string
  SnapshotTime?: Date
  TaskStartTime?: Date
}

/**
 * The export's `export_date`: the UTC date of its snapshot; a live cluster export (no snapshot)
 * takes its start time. Undefined when the task gives neither.
 */
export function exportDate(task: ExportTimes): string | undefined {
  const time = task.SourceType === 'CLUSTER' ? task.TaskStartTime : task.SnapshotTime
  const when = time ?? task.TaskStartTime
  if (!when || Number.isNaN(when.getTime())) return undefined
  return when.toISOString().slice(0, 10)
}

/** At most `max` UTF-8 bytes, cut on a character boundary. */
function capBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text
  let size = 0
  let end = 0
  for (const char of text) {
    size += Buffer.byteLength(char)
    if (size > max) break
    end += char.length
  }
  return text.slice(0, end)
}

const comment = (text: string): string => capBytes(withoutControlCharacters(text), 255)

const withSlash = (uri: string): string => (uri.endsWith('/') ? uri : `${uri}/`)

/**
 * Where a complete table's files are: its folder; for a table RDS wrote no files for, the folder
 * RDS uses for it (a reader then finds no rows, not no table). Undefined: nowhere to register.
 */
export function tableLocation(report: TablesReport, table: TableReport): string | undefined {
  if (table.s3Uri) return withSlash(table.s3Uri)
  return table.empty ? rdsTableFolder(report.s3Uri, table.target) : undefined
}

const storage = (
  location: string,
  columns: TableReport['columns']
): GlueTableInput['StorageDescriptor'] => ({
  Location: location,
  Columns: columns.map(column => ({
    Name: column.name,
    Type: column.glueType!,
    ...(column.sourceType ? { Comment: comment(`source type: ${column.sourceType}`) } : {})
  })),
  InputFormat: PARQUET_INPUT_FORMAT,
  OutputFormat: PARQUET_OUTPUT_FORMAT,
  SerdeInfo: {
    SerializationLibrary: PARQUET_SERDE,
    Parameters: { 'serialization.format': '1' }
  }
})

/** The TableInput of one complete table with no problems, at `location`. */
export function glueTableInput(
  table: TableReport,
  name: string,
  identity: ExportIdentity,
  location: string
): GlueTableInput {
  const parameters: Record<string, string> = {
    classification: 'parquet',
    // Hive and Spark treat a table without it as managed, and would drop the data with it.
    EXTERNAL: 'TRUE',
    [OWNER_PARAMETER]: OWNER_VALUE,
    [EXPORT_TASK_PARAMETER]: identity.exportTaskIdentifier,
    [TARGET_PARAMETER]: table.target,
    ...(identity.sourceArn ? { [SOURCE_ARN_PARAMETER]: identity.sourceArn } : {}),
    ...(identity.snapshotTime ? { [SNAPSHOT_TIME_PARAMETER]: identity.snapshotTime } : {})
  }
  const source = identity.sourceArn ? ` of ${identity.sourceArn}` : ''
  return {
    Name: name,
    Description: comment(
      `${table.target} from RDS export ${identity.exportTaskIdentifier}${source}, registered by rds-export-action.`
    ),
    TableType: 'EXTERNAL_TABLE',
    Parameters: parameters,
    StorageDescriptor: storage(location, table.columns),
    PartitionKeys: []
  }
}

/** The folder every export of a bucket and prefix lies under: the export folder's parent. */
export function exportsRoot(exportUri: string): string {
  return withSlash(exportUri).replace(/[^/]+\/$/, '')
}

/**
 * The history table of a target: the latest table's columns (the newest export's), located at
 * the folder every export lies under, partitioned by export_date and export_task. It names no
 * export, so a later export with the same columns leaves it as it is (no UpdateTable a night).
 */
export function historyTableInput(
  table: TableReport,
  name: string,
  exportUri: string,
  latest: GlueTableInput
): GlueTableInput {
  return {
    Name: name,
    Description: comment(
      `${table.target}, every export: one partition per export (export_date, export_task), registered by rds-export-action.`
    ),
    TableType: 'EXTERNAL_TABLE',
    Parameters: {
      classification: 'parquet',
      EXTERNAL: 'TRUE',
      [OWNER_PARAMETER]: OWNER_VALUE,
      [TARGET_PARAMETER]: table.target
    },
    StorageDescriptor: { ...latest.StorageDescriptor, Location: exportsRoot(exportUri) },
    PartitionKeys: HISTORY_PARTITION_KEYS.map(key => ({ ...key }))
  }
}

/** This export's partition of a history table: its own folder and columns. */
export function historyPartition(
  latest: GlueTableInput,
  exportDate: string,
  identity: ExportIdentity
): GluePartitionInput {
  const own = (key: string) => latest.Parameters[key]
  return {
    Values: [exportDate, identity.exportTaskIdentifier],
    Parameters: Object.fromEntries(
      [EXPORT_TASK_PARAMETER, SOURCE_ARN_PARAMETER, SNAPSHOT_TIME_PARAMETER]
        .filter(key => own(key) !== undefined)
        .map(key => [key, own(key)!])
    ),
    StorageDescriptor: latest.StorageDescriptor
  }
}

/**
 * Whether a table can be registered: complete, somewhere to point at (its folder, or the one RDS
 * uses for an empty table), every column typed.
 */
export function registrable(table: TableReport, location: string | undefined): boolean {
  return (
    table.complete &&
    table.problems.length === 0 &&
    location !== undefined &&
    table.columns.length > 0 &&
    table.columns.every(c => c.glueType !== undefined)
  )
}

/**
 * The Glue tables to register; with `history` (this export's export_date), each with its history
 * table and partition. Two targets of the export that come to one name (a history table's name
 * included) are both left out, with a warning: registering either would let the order of the
 * metadata decide what a table shows, and a later export could swap it silently.
 */
export function planGlueTables(
  report: TablesReport,
  prefix: string,
  identity: ExportIdentity,
  history?: { exportDate: string }
): { plans: GluePlan[]; warnings: string[] } {
  const names = report.tables.map(t => glueTableName(prefix, t.target))
  const byName = new Map<string, string[]>()
  const claim = (name: string, target: string) => {
    const targets = byName.get(name)
    if (!targets) byName.set(name, [target])
    else if (!targets.includes(target)) targets.push(target)
  }
  for (const [index, { target }] of report.tables.entries()) {
    claim(names[index]!, target)
    if (history) claim(historyTableName(names[index]!), target)
  }
  const warnings: string[] = []
  for (const [name, targets] of byName) {
    if (targets.length > 1) {
      warnings.push(
        `Tables ${listSome(targets)} all come to the Glue table name ${name}, so none of them is registered. Rename a table, or export them separately with different glue-table-prefix values.`
      )
    }
  }
  const plans: GluePlan[] = []
  for (const [index, table] of report.tables.entries()) {
    const name = names[index]!
    const location = tableLocation(report, table)
    if (!registrable(table, location) || byName.get(name)!.length > 1) continue
    const input = glueTableInput(table, name, identity, location!)
    const plan: GluePlan = { target: table.target, name, input }
    if (history) {
      const historyName = historyTableName(name)
      if (byName.get(historyName)!.length > 1) continue
      plan.history = {
        name: historyName,
        input: historyTableInput(table, historyName, report.s3Uri, input),
        partition: historyPartition(input, history.exportDate, identity)
      }
    }
    plans.push(plan)
  }
  return { plans, warnings }
}

/** The date `days` days before `date` (both `YYYY-MM-DD`, UTC). */
export function daysBefore(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000
  return new Date(time).toISOString().slice(0, 10)
}

/**
 * The GetPartitions expression for the partitions past glue-history-days: export_date more than
 * `days` days before this export's. Dates are `YYYY-MM-DD`, so string order is date order.
 */
export function expiredExpression(exportDate: string, days: number): string {
  return `export_date < '${daysBefore(exportDate, days)}'`
}

/**
 * Which of the partitions GetPartitions answered to drop: those of the history keys' shape whose
 * export_date is past the horizon, never this export's own. Checked here, not taken on trust.
 */
export function partitionsToDrop(
  answered: readonly { Values?: readonly string[] }[],
  exportDate: string,
  days: number,
  own: readonly string[]
): string[][] {
  const cutoff = daysBefore(exportDate, days)
  const drop = new Map<string, string[]>()
  for (const { Values } of answered) {
    if (Values?.length !== HISTORY_PARTITION_KEYS.length) continue
    const [date, task] = Values as [string, string]
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date >= cutoff) continue
    if (date === own[0] && task === own[1]) continue
    drop.set(JSON.stringify(Values), [...Values])
  }
  return [...drop.values()]
}

/** `items` in runs of at most `size`, in order: the batches a Glue batch API takes. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size))
  return batches
}

/** Whether this action created the table (it carries the owner parameter). */
export function ownedByAction(table: ExistingTable | undefined): boolean {
  return table?.Parameters?.[OWNER_PARAMETER] === OWNER_VALUE
}

// What a table shows, in the terms this action sets, to compare an existing table with a plan.
function essence(table: ExistingTable | GlueTableInput): string {
  const storage = table.StorageDescriptor
  const own = Object.entries(table.Parameters ?? {})
    .filter(([key]) => key.startsWith('rds-export-action.') || key === 'classification')
    .sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify([
    table.TableType,
    own,
    storage?.Location,
    storage?.InputFormat,
    storage?.OutputFormat,
    storage?.SerdeInfo?.SerializationLibrary,
    (storage?.Columns ?? []).map(c => [c.Name, c.Type, c.Comment ?? '']),
    (table.PartitionKeys ?? []).map(c => [c.Name, c.Type])
  ])
}

/**
 * What to do about a planned table, given the table of that name in Glue (undefined: none):
 * `create`; `update` (UpdateTable, SkipArchive); `unchanged` (it already shows this export);
 * `foreign` (not this action's: never changed); `other-target` (this action's, but for another
 * target: left as it is).
 */
export function glueAction(
  existing: ExistingTable | undefined,
  plan: GluePlan
): 'create' | 'update' | 'unchanged' | 'foreign' | 'other-target' {
  if (!existing) return 'create'
  if (!ownedByAction(existing)) return 'foreign'
  const recorded = existing.Parameters?.[TARGET_PARAMETER]
  if (recorded !== undefined && recorded !== plan.target) return 'other-target'
  return essence(existing) === essence(plan.input) ? 'unchanged' : 'update'
}

/** The warning for a planned table that is left out because of the table already there. */
export function glueConflictWarning(
  action: 'foreign' | 'other-target',
  database: string,
  plan: GluePlan,
  existing: ExistingTable
): string {
  const where = `Glue table ${database}.${plan.name}`
  if (action === 'foreign') {
    return `${where} exists and was not created by this action (it has no ${OWNER_PARAMETER} parameter), so it is left unchanged and ${plan.target} is not registered. Remove that table or choose another glue-table-prefix.`
  }
  const other = cap(existing.Parameters?.[TARGET_PARAMETER] ?? '', 200)
  return `${where} was registered by this action for ${other}, not ${plan.target}, so it is left unchanged. Choose another glue-table-prefix for this export.`
}

// Athena's reserved words in queries (Trino's, and those Athena's documentation adds).
const RESERVED = new Set(
  `alter and as between by case cast constraint create cross cube current_catalog current_date
  current_path current_role current_schema current_time current_timestamp current_user
  deallocate delete describe distinct drop else end escape except execute exists extract false
  fetch first for from full group grouping having in inner insert intersect into is join
  json_array json_exists json_object json_query json_table json_value last left like listagg
  localtime localtimestamp natural normalize not null of on or order outer prepare recursive
  right rollup select skip table then trim true uescape union unnest using values when where
  with`.split(/\s+/)
)

/** A name as Athena's SQL takes it: as it is when it can be, else in double quotes. */
export function athenaIdentifier(name: string): string {
  if (/^[a-z][a-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name
  return `"${name.replace(/"/g, '""')}"`
}

/** A query to run in Athena at once, with every name quoted where it must be. */
export function athenaQuery(database: string, table: string, limit = 10): string {
  return `SELECT * FROM ${athenaIdentifier(database)}.${athenaIdentifier(table)} LIMIT ${limit};`
}

/** A query of one night of a history table, by its export_date (`YYYY-MM-DD`). */
export function athenaHistoryQuery(
  database: string,
  table: string,
  exportDate: string,
  limit = 10
): string {
  const date = exportDate.replace(/'/g, "''")
  return `SELECT * FROM ${athenaIdentifier(database)}.${athenaIdentifier(table)} WHERE export_date = '${date}' LIMIT ${limit};`
}
