// The Glue Data Catalog side: each complete table's Glue name and TableInput, what to do with
// a table of that name that already exists, and a ready-to-run Athena query. The shapes below
// match Glue's TableInput and Table, so the phase passes them to CreateTable / UpdateTable as
// they are. Pure; no SDK import.

import { cap, listSome, withoutControlCharacters } from './fields.js'
import type { TableReport, TablesReport } from './report.js'

/** Glue's limit on database and table names; Athena counts it in bytes, these are ASCII. */
export const GLUE_NAME_MAX = 255

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
}

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

/** The TableInput of one complete table with no problems. */
export function glueTableInput(
  table: TableReport,
  name: string,
  identity: ExportIdentity
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
    StorageDescriptor: {
      Location: table.s3Uri!.endsWith('/') ? table.s3Uri! : `${table.s3Uri}/`,
      Columns: table.columns.map(column => ({
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
    },
    PartitionKeys: []
  }
}

/** Whether a table can be registered: complete, with a folder, every column typed. */
export function registrable(table: TableReport): boolean {
  return (
    table.complete &&
    table.problems.length === 0 &&
    table.s3Uri !== undefined &&
    table.columns.length > 0 &&
    table.columns.every(c => c.glueType !== undefined)
  )
}

/**
 * The Glue tables to register. Two targets of the export that come to one name are both left
 * out, with a warning: registering either would let the order of the metadata decide what a
 * table shows, and a later export could swap it silently.
 */
export function planGlueTables(
  report: TablesReport,
  prefix: string,
  identity: ExportIdentity
): { plans: GluePlan[]; warnings: string[] } {
  const names = report.tables.map(t => glueTableName(prefix, t.target))
  const byName = new Map<string, string[]>()
  for (const [index, { target }] of report.tables.entries()) {
    const name = names[index]!
    const targets = byName.get(name)
    if (targets) targets.push(target)
    else byName.set(name, [target])
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
    if (!registrable(table) || byName.get(name)!.length > 1) continue
    plans.push({ target: table.target, name, input: glueTableInput(table, name, identity) })
  }
  return { plans, warnings }
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
    (storage?.Columns ?? []).map(c => [c.Name, c.Type, c.Comment ?? ''])
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
