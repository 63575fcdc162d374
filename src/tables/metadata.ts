// The export's own metadata files, beside its data at `<prefix>/<id>/`:
//   export_info_<id>.json                              the task as RDS saw it
//   export_tables_info_<id>_from_<n>_to_<m>.json       {"perTableStatus": [...]}, in chunks
// AWS doesn't document their layout (the RDS user guide's "Exporting DB snapshot data to Amazon
// S3" describes only the data files; this is as real exports write them), so every field is
// optional, keys are matched in any case, numbers may be strings, and nothing throws: a problem
// comes back as a warning that names the file. Text from these files is data, capped and never interpreted.
// Pure.

import {
  Fields,
  Tally,
  cap,
  isAbsent,
  isRecord,
  listSome,
  readNumber,
  readString,
  readText
} from './fields.js'
import { readTime } from './times.js'

/** export_info_<id>.json, read. */
export interface ExportInfo {
  exportTaskIdentifier?: string
  sourceArn?: string
  exportOnly: string[]
  /** ISO 8601 UTC when readable, else the text as written. */
  snapshotTime?: string
  taskStartTime?: string
  taskEndTime?: string
  s3Bucket?: string
  s3Prefix?: string
  exportedFilesPath?: string
  iamRoleArn?: string
  kmsKeyId?: string
  /** Upper case. */
  status?: string
  percentProgress?: number
  totalExportedDataInGB?: number
}

/** One column of `schemaMetadata.originalTypeMappings`. */
export interface ColumnMapping {
  columnName: string
  originalType?: string
  /** `int32`, `int64`, `double`, `boolean`, `binary (UTF8)`, ... */
  expectedExportedType?: string
  originalCharMaxLength?: number
  originalNumPrecision?: number
  originalDateTimePrecision?: number
}

/** One table's entry of `perTableStatus`. */
export interface TableStatus {
  /** `db.schema.table` (PostgreSQL) or `db.table` (MySQL), as RDS wrote it. */
  target: string
  /** Upper case; '' when the entry has none. */
  status: string
  sizeGB?: number
  partitions?: number
  completedPartitions?: number
  /** ISO 8601 UTC when readable (read as UTC, see TIMES_NOTE), else RDS's text. */
  extractionStartTime?: string
  extractionEndTime?: string
  /** A warning or failure message RDS put on the entry. */
  message?: string
  columns: ColumnMapping[]
  /** The file the entry came from. */
  file: string
}

/** A database-level entry: `{"target": "<db>", "warningMessage": "..."}`. */
export interface DatabaseWarning {
  target: string
  message: string
  file: string
}

export interface TablesInfo {
  tables: TableStatus[]
  databaseWarnings: DatabaseWarning[]
  warnings: string[]
}

/** An export_tables_info file found by listing; the range is absent from a name without one. */
export interface TablesInfoFile {
  key: string
  name: string
  from?: number
  to?: number
}

const MESSAGE_FIELDS = [
  'warningMessage',
  'failureCause',
  'failureReason',
  'errorMessage',
  'reason',
  'message'
]
// Fields that only a table's entry has; an entry without any of them is database-level.
const TABLE_FIELDS = ['status', 'sizeGB', 'tableStatistics', 'schemaMetadata']

const baseName = (key: string): string => key.slice(key.lastIndexOf('/') + 1)

/** `export_info_<id>.json` */
export function exportInfoFileName(identifier: string): string {
  return `export_info_${identifier}.json`
}

/** Whether a key is this export's export_info file (the identifier in any case). */
export function isExportInfoKey(key: string, identifier: string): boolean {
  return baseName(key).toLowerCase() === exportInfoFileName(identifier).toLowerCase()
}

/** The key as one of this export's export_tables_info files, or undefined. */
export function tablesInfoFile(key: string, identifier: string): TablesInfoFile | undefined {
  const name = baseName(key)
  const head = `export_tables_info_${identifier}`.toLowerCase()
  if (!name.toLowerCase().startsWith(head) || !name.toLowerCase().endsWith('.json')) {
    return undefined
  }
  const rest = name.slice(head.length, -'.json'.length)
  if (rest === '') return { key, name }
  const range = /^_from_(\d{1,9})_to_(\d{1,9})$/i.exec(rest)
  return range ? { key, name, from: Number(range[1]), to: Number(range[2]) } : undefined
}

/**
 * What the ranges of the export_tables_info files say is missing: a first range that starts
 * past the first index (1, or 0), a gap or an overlap between ranges. A missing last file
 * can't be seen this way.
 */
export function missingChunkWarnings(files: readonly TablesInfoFile[]): string[] {
  if (files.length === 0) {
    return ['No export_tables_info file was found beside the export: no table can be reported.']
  }
  const ranged = files.filter(f => f.from !== undefined && f.to !== undefined)
  const sorted = [...ranged].sort((a, b) => a.from! - b.from! || a.to! - b.to!)
  const warnings: string[] = []
  const first = sorted[0]
  if (first && first.from! > 1) {
    warnings.push(
      `${first.name}: its range starts at ${first.from}, so the export_tables_info file(s) for 1 to ${first.from! - 1} are missing; those tables are not reported.`
    )
  }
  for (const [index, file] of sorted.entries()) {
    if (file.from! > file.to!) warnings.push(`${file.name}: its range runs backwards.`)
    const previous = sorted[index - 1]
    if (!previous) continue
    if (file.from! > previous.to! + 1) {
      warnings.push(
        `export_tables_info for ${previous.to! + 1} to ${file.from! - 1} is missing (between ${previous.name} and ${file.name}); those tables are not reported.`
      )
    } else if (file.from! <= previous.to!) {
      warnings.push(
        `${file.name} overlaps ${previous.name}; a table listed in both is reported once.`
      )
    }
  }
  return warnings
}

function parseJson(name: string, text: string): { value?: unknown; warning?: string } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return { warning: `${name}: not valid JSON (${cap(why, 200)}); nothing in it is reported.` }
  }
}

function readExportOnly(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []
  return list.map(readString).filter((item): item is string => item !== undefined)
}

/** export_info_<id>.json; a different identifier inside is a warning, as is bad JSON. */
export function parseExportInfo(
  key: string,
  text: string,
  identifier?: string
): { info?: ExportInfo; warnings: string[] } {
  const name = baseName(key)
  const parsed = parseJson(name, text)
  if (parsed.warning) return { warnings: [parsed.warning] }
  const fields = Fields.of(parsed.value)
  if (!fields) return { warnings: [`${name}: not a JSON object; it is ignored.`] }
  const str = (field: string) => readString(fields.get(field))
  const info: ExportInfo = {
    exportTaskIdentifier: str('exportTaskIdentifier'),
    sourceArn: str('sourceArn'),
    exportOnly: readExportOnly(fields.get('exportOnly')),
    snapshotTime: readTime(fields.get('snapshotTime')),
    taskStartTime: readTime(fields.get('taskStartTime')),
    taskEndTime: readTime(fields.get('taskEndTime')),
    s3Bucket: str('s3Bucket'),
    s3Prefix: str('s3Prefix'),
    exportedFilesPath: str('exportedFilesPath'),
    iamRoleArn: str('iamRoleArn'),
    kmsKeyId: str('kmsKeyId'),
    status: str('status')?.toUpperCase(),
    percentProgress: readNumber(fields.get('percentProgress')),
    totalExportedDataInGB: readNumber(fields.get('totalExportedDataInGB'))
  }
  const found = info.exportTaskIdentifier
  const warnings =
    identifier && found && found.toLowerCase() !== identifier.toLowerCase()
      ? [`${name}: it names export task ${cap(found, 100)}, not ${identifier}.`]
      : []
  return { info, warnings }
}

/** A number field; one that is there but unreadable goes to the tally. */
function numberField(fields: Fields | undefined, field: string, where: string, tally: Tally) {
  const value = fields?.get(field)
  const number = readNumber(value)
  if (number === undefined && !isAbsent(value)) tally.add(`unreadable ${field} values`, where)
  return number
}

function readColumns(schema: Fields | undefined, where: string, tally: Tally): ColumnMapping[] {
  const list = schema?.get('originalTypeMappings')
  if (list === undefined) return []
  if (!Array.isArray(list)) {
    tally.add('originalTypeMappings that are not lists', where)
    return []
  }
  const columns: ColumnMapping[] = []
  for (const item of list) {
    const fields = Fields.of(item)
    const columnName = readString(fields?.get('columnName'))
    if (!fields || columnName === undefined) {
      tally.add('column mappings left out for having no columnName', where)
      continue
    }
    columns.push({
      columnName,
      originalType: readString(fields.get('originalType')),
      expectedExportedType: readString(fields.get('expectedExportedType')),
      originalCharMaxLength: numberField(fields, 'originalCharMaxLength', where, tally),
      originalNumPrecision: numberField(fields, 'originalNumPrecision', where, tally),
      originalDateTimePrecision: numberField(fields, 'originalDateTimePrecision', where, tally)
    })
  }
  return columns
}

function readTable(fields: Fields, target: string, file: string, tally: Tally): TableStatus {
  const where = cap(target, 200)
  const statistics = fields.record('tableStatistics')
  // partitioningInfo sits in tableStatistics; a copy at the top level is taken too.
  const partitioning = statistics?.record('partitioningInfo') ?? fields.record('partitioningInfo')
  const timeOf = (field: string) => readTime(statistics?.get(field) ?? fields.get(field))
  return {
    target,
    status: (readString(fields.get('status')) ?? '').toUpperCase(),
    sizeGB: numberField(fields, 'sizeGB', where, tally),
    partitions: numberField(partitioning, 'numberOfPartitions', where, tally),
    completedPartitions: numberField(partitioning, 'numberOfCompletedPartitions', where, tally),
    extractionStartTime: timeOf('extractionStartTime'),
    extractionEndTime: timeOf('extractionEndTime'),
    message: readText(fields.first(MESSAGE_FIELDS) ?? statistics?.first(MESSAGE_FIELDS)),
    columns: readColumns(fields.record('schemaMetadata'), where, tally),
    file
  }
}

/** One export_tables_info file: its tables, its database-level warnings, its problems. */
export function parseTablesInfo(key: string, text: string): TablesInfo {
  const name = baseName(key)
  const result: TablesInfo = { tables: [], databaseWarnings: [], warnings: [] }
  const parsed = parseJson(name, text)
  if (parsed.warning) return { ...result, warnings: [parsed.warning] }
  const entries = Fields.of(parsed.value)?.get('perTableStatus')
  if (!Array.isArray(entries)) {
    return {
      ...result,
      warnings: [`${name}: no perTableStatus list in it; nothing in it is reported.`]
    }
  }
  const tally = new Tally()
  for (const [index, entry] of entries.entries()) {
    const fields = Fields.of(entry)
    const target = fields && readString(fields.get('target'))
    if (!fields || target === undefined) {
      tally.add(
        isRecord(entry)
          ? 'entries left out for having no target'
          : 'entries left out for not being objects',
        `#${index + 1}`
      )
      continue
    }
    const message = readText(fields.first(MESSAGE_FIELDS))
    if (message !== undefined && !TABLE_FIELDS.some(field => fields.has(field))) {
      result.databaseWarnings.push({ target: cap(target, 1000), message, file: name })
    } else {
      result.tables.push(readTable(fields, target, name, tally))
    }
  }
  result.warnings.push(...tally.messages(`${name}: `))
  return result
}

/**
 * Every file's tables in the order of their ranges, each target once: a target listed again
 * (overlapping files, or twice in one) keeps its first entry, with a warning.
 */
export function mergeTablesInfo(
  parts: readonly { file: TablesInfoFile; info: TablesInfo }[]
): TablesInfo {
  const ordered = [...parts].sort(
    (a, b) => (a.file.from ?? 0) - (b.file.from ?? 0) || a.file.name.localeCompare(b.file.name)
  )
  const merged: TablesInfo = {
    tables: [],
    databaseWarnings: [],
    warnings: missingChunkWarnings(parts.map(part => part.file))
  }
  const seen = new Set<string>()
  const repeated: string[] = []
  for (const { info } of ordered) {
    for (const table of info.tables) {
      if (seen.has(table.target)) repeated.push(cap(table.target, 200))
      else {
        seen.add(table.target)
        merged.tables.push(table)
      }
    }
    merged.databaseWarnings.push(...info.databaseWarnings)
    merged.warnings.push(...info.warnings)
  }
  if (repeated.length > 0) {
    merged.warnings.push(
      `${repeated.length} table(s) are listed more than once in export_tables_info; the first entry is reported: ${listSome(repeated)}.`
    )
  }
  return merged
}
