// What an export writes to S3 when it completes, as RDS writes it: Parquet files per table in
// batch folders, `export_info_<id>.json`, and the per-table metadata split into
// `export_tables_info_<id>_from_<n>_to_<m>.json` chunks. The layout, file names and metadata
// fields follow the facts sheet (the metadata is observed, not documented). Variations a test
// can choose model what readers meet in the wild: malformed JSON, a missing chunk, a folder
// without Parquet files, a corrupt footer, the older flat layout, Aurora-style batch names.
//
// ExportFiles.materialize is the hook for the router: call it before each S3 request with the
// tasks RDS knows; it writes every COMPLETE task once.
import { createHash } from 'node:crypto'
import {
  corruptFooter,
  expectedRows,
  footerBomb,
  parquetFile,
  readParquetRows,
  type FooterBombKind
} from './export-parquet.js'
import {
  engineFamily,
  mapColumn,
  type ColumnMapping,
  type ColumnSeed,
  type Engine,
  type TypeMappingEntry
} from './export-types.js'
import type { ExportTaskView } from './rds.js'
import type { S3Store } from './s3.js'

export interface TableSeed {
  name: string
  /** PostgreSQL schema, default public; MySQL has none. */
  schema?: string
  columns: ColumnSeed[]
  /** Rows, default 3. 0 is an empty table: COMPLETE, and no data file at all. */
  rows?: number
  /** Data files per batch folder, default [1]; [1, 2] is batch 1 with one file and batch 2 with
   * two. The rows are spread over the files in order (never more files than rows). */
  files?: number[]
  /** Not exported: the entry's status (default SKIPPED) and the reason RDS gives; no data files,
   * fewer partitions completed than partitions. */
  skipped?: { status?: string; reason: string }
}

export interface DatabaseSeed {
  name: string
  tables: TableSeed[]
  /** A database-level entry `{"target": "<db>", "warningMessage": ...}` in the tables info. */
  warning?: string
}

export interface ExportVariations {
  /** This file is cut short, so its JSON doesn't parse. */
  malformed?: 'export_info' | 'export_tables_info'
  /** The last export_tables_info chunk is not written. */
  missingChunk?: boolean
  /** How many export_tables_info chunks, default 2. */
  chunks?: number
  /** These targets' folders hold a _SUCCESS marker and no Parquet file. */
  noParquetFiles?: string[]
  /** These targets' data files have a footer that doesn't decode. */
  corruptFooter?: string[]
  /** The older convention: part-0000N files directly in the table folder, no batch folders. */
  flatLayout?: boolean
  /** Aurora-style batch folders: alphanumeric names instead of 1, 2, ... */
  alphanumericBatches?: boolean
  /** The character before AM/PM in the times: Java 20+ (CLDR 42) writes U+202F. */
  meridiemSpace?: ' ' | '\u202f'
  /** Every warningMessage in export_tables_info (skipped tables, database warnings) written as
   * an object nested `depth` levels deep around its text, `{"cause":{"cause":...}}`, under
   * `field` (default warningMessage). JSON.parse reads it; a recursive walk of it overflows. */
  nestedMessages?: { depth: number; field?: 'warningMessage' | 'failureCause' }
  /** These targets' data files are footer bombs (export-parquet.ts): a footer of about `bytes`
   * bytes of empty schema elements (`schema`, the default) or of empty row groups. */
  footerBombs?: { targets: string[]; bytes: number; kind?: FooterBombKind }
}

export interface ExportSource {
  /** The RDS engine (postgres, aurora-postgresql, mysql, mariadb, aurora-mysql). */
  engine: string
  databases: DatabaseSeed[]
  variations?: ExportVariations
}

/** The fields of an export task the writer reads: the stand-in's RDS view of a task (its
 * Status as any case, since the stand-in may answer it lower case). */
export type ExportTaskLike = Pick<
  ExportTaskView,
  'ExportTaskIdentifier' | 'SourceArn' | 'S3Bucket' | 'IamRoleArn' | 'KmsKeyId'
> &
  Partial<
    Pick<
      ExportTaskView,
      | 'ExportOnly'
      | 'SnapshotTime'
      | 'TaskStartTime'
      | 'TaskEndTime'
      | 'S3Prefix'
      | 'TotalExtractedDataInGB'
    >
  > & { Status: string }

export interface ExportedColumn extends Omit<TypeMappingEntry, 'columnName'> {
  name: string
  sourceType: string
  /** The Glue/Athena type of the Parquet type (facts sheet), lower case. */
  glueType: string
}

/** A table as the export has it: the oracle an end-to-end test compares the catalog with. */
export interface ExportedTable {
  target: string
  database: string
  schema?: string
  table: string
  status: string
  reason?: string
  /** The table's folder key (ends with /); nothing is under it unless files is non-empty. */
  folder: string
  /** Keys of its data files (.parquet), in listing order. */
  files: string[]
  columns: ExportedColumn[]
  /** Every row, as readParquetRows gives them back, in the order of files. */
  rows: Record<string, unknown>[]
  sizeGB: number
  partitions: number
  completedPartitions: number
}

export interface WrittenExport {
  bucket: string
  /** `[prefix/]<id>/` */
  root: string
  metadataKeys: string[]
  tables: ExportedTable[]
  /** Database-level warnings written, by database. */
  warnings: Record<string, string>
  /** Parquet files encoded (identical files are encoded once and shared). */
  parquetEncodings: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The times in RDS's metadata: Java's en-US medium format, UTC, no zone: `Jul 19, 2023, 11:21:00 PM`. */
export function localeTime(date: Date, meridiemSpace = ' '): string {
  const hours = date.getUTCHours()
  const two = (n: number): string => String(n).padStart(2, '0')
  return (
    `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ` +
    `${hours % 12 || 12}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}` +
    `${meridiemSpace}${hours < 12 ? 'AM' : 'PM'}`
  )
}

/** `\`, backtick, `"` and space in a name become `_` in its path. */
export function pathName(name: string): string {
  return name.replace(/[\\`" ]/g, '_')
}

/** The key prefix an export writes under: `[prefix/]<id>/`. */
export function exportRoot(
  task: Pick<ExportTaskLike, 'S3Prefix' | 'ExportTaskIdentifier'>
): string {
  const prefix = (task.S3Prefix ?? '').replace(/^\/+|\/+$/g, '')
  return `${prefix ? `${prefix}/` : ''}${task.ExportTaskIdentifier}/`
}

/** The S3 object's SSE-KMS key: RDS's KmsKeyId as a key ARN in the source's account and region. */
export function kmsKeyArn(kmsKeyId: string, sourceArn: string): string {
  if (kmsKeyId.startsWith('arn:')) return kmsKeyId
  const [, partition = 'aws', , region = 'us-east-1', account = '123456789012'] =
    sourceArn.split(':')
  const resource = kmsKeyId.startsWith('alias/') ? kmsKeyId : `key/${kmsKeyId}`
  return `arn:${partition}:kms:${region}:${account}:${resource}`
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function uuidOf(text: string): string {
  const h = hashOf(text)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Is this table in the export, given ExportOnly (`db`, `db.schema`, `db.schema.table`, `db.table`)? */
export function isSelected(
  engine: Engine,
  database: string,
  table: TableSeed | undefined,
  exportOnly: string[] | undefined
): boolean {
  if (!exportOnly?.length) return true
  return exportOnly.some(item => {
    const [db, second, third] = item.split('.')
    if (db !== database) return false
    if (second === undefined || !table) return true
    if (engine === 'mysql') return second === table.name
    return second === (table.schema ?? 'public') && (third === undefined || third === table.name)
  })
}

/** The task's WarningMessage RDS gives for a source with skipped tables or database warnings. */
export function exportWarningMessage(
  source: ExportSource,
  exportOnly?: string[]
): string | undefined {
  const engine = engineFamily(source.engine)
  const skipped: { target: string; reason: string }[] = []
  const general: { target: string; reason: string }[] = []
  for (const db of source.databases) {
    if (db.warning && isSelected(engine, db.name, undefined, exportOnly)) {
      general.push({ target: db.name, reason: db.warning })
    }
    for (const table of db.tables) {
      if (table.skipped && isSelected(engine, db.name, table, exportOnly)) {
        skipped.push({ target: targetOf(engine, db.name, table), reason: table.skipped.reason })
      }
    }
  }
  if (!skipped.length && !general.length) return undefined
  return JSON.stringify({ skippedTables: skipped, skippedObjectives: [], general })
}

function targetOf(engine: Engine, database: string, table: TableSeed): string {
  return engine === 'mysql'
    ? `${database}.${table.name}`
    : `${database}.${table.schema ?? 'public'}.${table.name}`
}

function folderOf(engine: Engine, root: string, database: string, table: TableSeed): string {
  const middle = engine === 'mysql' ? database : (table.schema ?? 'public')
  return `${root}${pathName(database)}/${pathName(middle)}.${pathName(table.name)}/`
}

/** A planned data file: its key and the rows it holds. */
interface PlannedFile {
  key: string
  from: number
  to: number
}

function batchName(variations: ExportVariations, seed: string, batch: number): string {
  if (!variations.alphanumericBatches) return String(batch + 1)
  return BigInt(`0x${hashOf(`${seed}#${batch}`).slice(0, 15)}`)
    .toString(36)
    .padStart(12, '0')
}

/** The data files of a table: which keys, and which rows each holds. */
function planFiles(
  task: ExportTaskLike,
  table: TableSeed,
  folder: string,
  variations: ExportVariations
): PlannedFile[] {
  const rows = table.rows ?? 3
  if (rows === 0 || table.skipped) return []
  const perBatch = table.files ?? [1]
  const planned = perBatch.reduce((a, b) => a + b, 0)
  const total = Math.max(1, Math.min(rows, planned))
  const files: PlannedFile[] = []
  perBatch.forEach((count, batch) => {
    const seed = `${task.ExportTaskIdentifier}/${folder}`
    const uuid = uuidOf(`${seed}#${batch}`)
    for (let part = 0; part < count && files.length < total; part++) {
      const index = files.length
      const name = variations.flatLayout
        ? `part-${String(index).padStart(5, '0')}-${uuidOf(`${seed}@${index}`)}-c000.gz.parquet`
        : `${batchName(variations, seed, batch)}/part-${String(part).padStart(5, '0')}-${uuid}-c000.gz.parquet`
      const from = Math.floor((index * rows) / total)
      files.push({ key: folder + name, from, to: Math.floor(((index + 1) * rows) / total) })
    }
  })
  return files
}

interface PlannedTable {
  seed: TableSeed
  database: string
  target: string
  folder: string
  columns: ColumnMapping[]
  files: PlannedFile[]
  start: Date
  end: Date
}

/** The tables of the source that the export holds, in order, with their files and times. */
function planTables(task: ExportTaskLike, source: ExportSource, engine: Engine): PlannedTable[] {
  const variations = source.variations ?? {}
  const root = exportRoot(task)
  const chosen = source.databases.flatMap(db =>
    db.tables
      .filter(table => isSelected(engine, db.name, table, task.ExportOnly))
      .map(table => ({ db, table }))
  )
  const t0 = (task.TaskStartTime ?? task.SnapshotTime ?? new Date()).getTime()
  const t1 = Math.max(t0 + 60_000, (task.TaskEndTime ?? new Date(t0 + 600_000)).getTime())
  const slot = (t1 - t0) / (chosen.length + 2)
  const second = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000)
  return chosen.map(({ db, table }, i) => {
    const folder = folderOf(engine, root, db.name, table)
    return {
      seed: table,
      database: db.name,
      target: targetOf(engine, db.name, table),
      folder,
      columns: table.columns.map(column => mapColumn(engine, column)),
      files: planFiles(task, table, folder, variations),
      start: second(t0 + slot * (i + 1)),
      end: second(t0 + slot * (i + 1.5))
    }
  })
}

/** Writes the tables' data files; returns the bytes written per target and the encodings. */
function writeDataFiles(
  store: S3Store,
  task: ExportTaskLike,
  tables: PlannedTable[],
  variations: ExportVariations
): { bytes: Map<string, number>; encodings: number } {
  const kms = kmsKeyArn(task.KmsKeyId, task.SourceArn)
  const cache = new Map<string, Uint8Array>()
  const bytes = new Map<string, number>()
  for (const table of tables) {
    const put = (key: string, body: Uint8Array): void => {
      store.putObject(task.S3Bucket, key, body, { sseKmsKeyId: kms, lastModified: table.end })
      bytes.set(table.target, (bytes.get(table.target) ?? 0) + body.length)
    }
    if (variations.noParquetFiles?.includes(table.target)) {
      put(`${table.folder}${variations.flatLayout ? '' : '1/'}_SUCCESS`, new Uint8Array())
      table.files = []
    }
    const bomb = variations.footerBombs
    if (bomb?.targets.includes(table.target)) {
      const body = footerBomb(bomb.kind ?? 'schema', bomb.bytes)
      table.files.forEach(file => put(file.key, body))
      continue
    }
    const signature = JSON.stringify(table.seed.columns)
    for (const file of table.files) {
      const cacheKey = `${signature}|${file.from}|${file.to}`
      let body = cache.get(cacheKey)
      if (!body) cache.set(cacheKey, (body = parquetFile(table.columns, file.from, file.to)))
      put(file.key, variations.corruptFooter?.includes(table.target) ? corruptFooter(body) : body)
    }
  }
  return { bytes, encodings: cache.size }
}

/** sizeGB of each table: the task's TotalExtractedDataInGB shared by bytes written. */
function sizesGB(task: ExportTaskLike, bytes: Map<string, number>): Map<string, number> {
  const all = [...bytes.values()].reduce((a, b) => a + b, 0)
  const total = task.TotalExtractedDataInGB ?? 0
  const sizes = new Map<string, number>()
  for (const [target, n] of bytes) {
    const gb = total > 0 && all > 0 ? (total * n) / all : n / 2 ** 30
    sizes.set(target, Number(gb.toPrecision(6)))
  }
  return sizes
}

function partitionsOf(table: PlannedTable): { partitions: number; completed: number } {
  if (table.seed.skipped) return { partitions: Math.max(2, table.files.length), completed: 0 }
  return { partitions: Math.max(1, table.files.length), completed: Math.max(1, table.files.length) }
}

function tableEntry(
  engine: Engine,
  table: PlannedTable,
  sizeGB: number,
  variations: ExportVariations
): Record<string, unknown> {
  const { partitions, completed } = partitionsOf(table)
  // PostgreSQL tables are split by ctid ranges (observed in real exports).
  const split =
    engine === 'postgres'
      ? {
          constraintType: 'CTID',
          partitionColumns: [
            {
              columnType: 'TID',
              columnName: 'ctid',
              min: '(0,1)',
              max: `(${table.seed.rows ?? 3},1)`
            }
          ]
        }
      : {}
  const skipped = table.seed.skipped
  return {
    tableStatistics: {
      extractionStartTime: localeTime(table.start, variations.meridiemSpace),
      extractionEndTime: localeTime(table.end, variations.meridiemSpace),
      partitioningInfo: {
        numberOfPartitions: partitions,
        numberOfCompletedPartitions: completed,
        ...split
      }
    },
    schemaMetadata: { originalTypeMappings: table.columns.map(c => c.entry) },
    status: skipped ? (skipped.status ?? 'SKIPPED') : 'COMPLETE',
    ...(skipped ? { warningMessage: skipped.reason } : {}),
    sizeGB,
    target: table.target
  }
}

function jsonText(value: unknown, malformed: boolean): string {
  const text = JSON.stringify(value)
  return malformed ? text.slice(0, Math.floor(text.length / 2)) : text
}

/** The text with each warningMessage nested as the variation says (spliced in as text:
 * JSON.stringify itself can't write a value that deep). */
function nestMessages(text: string, nested: ExportVariations['nestedMessages']): string {
  if (!nested) return text
  const field = nested.field ?? 'warningMessage'
  return text.replace(
    /"warningMessage":("(?:[^"\\]|\\.)*")/g,
    (_, value: string) =>
      `"${field}":${'{"cause":'.repeat(nested.depth)}${value}${'}'.repeat(nested.depth)}`
  )
}

/** export_info and the export_tables_info chunks; returns their keys. */
function writeMetadata(
  store: S3Store,
  task: ExportTaskLike,
  entries: Record<string, unknown>[],
  variations: ExportVariations
): string[] {
  const root = exportRoot(task)
  const id = task.ExportTaskIdentifier
  const space = variations.meridiemSpace
  const put = (key: string, text: string): string => {
    store.putObject(task.S3Bucket, key, text, {
      contentType: 'application/json',
      sseKmsKeyId: kmsKeyArn(task.KmsKeyId, task.SourceArn),
      lastModified: task.TaskEndTime
    })
    return key
  }
  const info = {
    exportTaskIdentifier: id,
    sourceArn: task.SourceArn,
    exportOnly: task.ExportOnly ?? [],
    snapshotTime: task.SnapshotTime && localeTime(task.SnapshotTime, space),
    taskStartTime: task.TaskStartTime && localeTime(task.TaskStartTime, space),
    taskEndTime: task.TaskEndTime && localeTime(task.TaskEndTime, space),
    s3Bucket: task.S3Bucket,
    s3Prefix: task.S3Prefix ?? '',
    exportedFilesPath: `${task.S3Bucket}/${root.slice(0, -1)}`,
    iamRoleArn: task.IamRoleArn,
    kmsKeyId: task.KmsKeyId,
    status: 'COMPLETE',
    percentProgress: 100,
    totalExportedDataInGB: task.TotalExtractedDataInGB ?? 0
  }
  const keys = [
    put(`${root}export_info_${id}.json`, jsonText(info, variations.malformed === 'export_info'))
  ]
  const count = Math.max(1, Math.min(variations.chunks ?? 2, entries.length))
  for (let c = 0; c < count; c++) {
    if (variations.missingChunk && c === count - 1 && count > 1) break
    const from = Math.floor((c * entries.length) / count)
    const to = Math.floor(((c + 1) * entries.length) / count)
    const body = { perTableStatus: entries.slice(from, to) }
    const malformed = variations.malformed === 'export_tables_info' && c === 0
    keys.push(
      put(
        `${root}export_tables_info_${id}_from_${from + 1}_to_${to}.json`,
        nestMessages(jsonText(body, malformed), variations.nestedMessages)
      )
    )
  }
  return keys
}

function exportedTable(table: PlannedTable, engine: Engine, sizeGB: number): ExportedTable {
  const { partitions, completed } = partitionsOf(table)
  return {
    target: table.target,
    database: table.database,
    schema: engine === 'postgres' ? (table.seed.schema ?? 'public') : undefined,
    table: table.seed.name,
    status: table.seed.skipped ? (table.seed.skipped.status ?? 'SKIPPED') : 'COMPLETE',
    reason: table.seed.skipped?.reason,
    folder: table.folder,
    files: table.files.map(f => f.key),
    columns: table.columns.map(c => {
      const { columnName, ...entry } = c.entry
      return { name: columnName, sourceType: c.seed.type, glueType: c.glueType, ...entry }
    }),
    rows: table.files.flatMap(f => expectedRows(table.columns, f.from, f.to)),
    sizeGB,
    partitions,
    completedPartitions: completed
  }
}

/** Writes into the store what RDS writes for this completed task, and describes it. */
export function writeExport(
  store: S3Store,
  task: ExportTaskLike,
  source: ExportSource
): WrittenExport {
  const engine = engineFamily(source.engine)
  const variations = source.variations ?? {}
  store.createBucket(task.S3Bucket)
  const tables = planTables(task, source, engine)
  const { bytes, encodings } = writeDataFiles(store, task, tables, variations)
  const sizes = sizesGB(task, bytes)
  const warnings: Record<string, string> = {}
  const entries: Record<string, unknown>[] = []
  for (const db of source.databases) {
    if (db.warning && isSelected(engine, db.name, undefined, task.ExportOnly)) {
      warnings[db.name] = db.warning
      entries.push({ target: db.name, warningMessage: db.warning })
    }
  }
  for (const table of tables) {
    entries.push(tableEntry(engine, table, sizes.get(table.target) ?? 0, variations))
  }
  return {
    bucket: task.S3Bucket,
    root: exportRoot(task),
    metadataKeys: writeMetadata(store, task, entries, variations),
    tables: tables.map(t => exportedTable(t, engine, sizes.get(t.target) ?? 0)),
    warnings,
    parquetEncodings: encodings
  }
}

/**
 * The hook the router calls before each S3 request: every task COMPLETE and not yet written is
 * written once, from the source sourceOf names (no source: nothing is written). Given `tasks`
 * (the running stand-in's), sync() and written() look at them first.
 */
export class ExportFiles {
  private readonly done = new Map<string, WrittenExport | undefined>()

  constructor(
    readonly store: S3Store,
    private readonly sourceOf: (task: ExportTaskLike) => ExportSource | undefined,
    private readonly tasks: () => Iterable<ExportTaskLike> = () => []
  ) {}

  /** Writes what every task of `tasks` that is COMPLETE by now wrote. */
  sync(): WrittenExport[] {
    return this.materialize(this.tasks())
  }

  materialize(tasks: Iterable<ExportTaskLike>): WrittenExport[] {
    const written: WrittenExport[] = []
    for (const task of tasks) {
      const id = `${task.S3Bucket}|${task.ExportTaskIdentifier}`
      if (task.Status.toUpperCase() !== 'COMPLETE' || this.done.has(id)) continue
      const source = this.sourceOf(task)
      const result = source && writeExport(this.store, task, source)
      this.done.set(id, result)
      if (result) written.push(result)
    }
    return written
  }

  /** What was written for a task, once it was (it is, if the task is COMPLETE by now). */
  written(exportTaskIdentifier: string): WrittenExport | undefined {
    this.sync()
    for (const [id, result] of this.done) {
      if (id.endsWith(`|${exportTaskIdentifier}`)) return result
    }
    return undefined
  }
}

/**
 * Every row under an `s3://bucket/prefix/` location, read as Athena reads a table: every file
 * below it, sub-folders included, except names starting with `_` or `.`. For end-to-end tests
 * that read a registered table back through its catalog location.
 */
export async function readLocation(
  store: S3Store,
  location: string
): Promise<Record<string, unknown>[]> {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(location)
  if (!match) throw new Error(`not an s3:// location: ${location}`)
  const [, bucket = '', prefix = ''] = match
  const rows: Record<string, unknown>[] = []
  for (const key of store.keys(bucket, prefix)) {
    const hidden = key
      .slice(prefix.length)
      .split('/')
      .some(part => /^[_.]/.test(part))
    const object = store.getObject(bucket, key)
    if (!hidden && object) rows.push(...(await readParquetRows(object.body)))
  }
  return rows
}

export { readParquetRows }
