// How RDS converts a source column when it exports: the Parquet physical and logical types of
// the RDS user guide's "Data conversion when exporting to an Amazon S3 bucket" tables, the
// fields RDS writes about the column in export_tables_info (originalType, expectedExportedType,
// precisions), and, as the test oracle, the Glue type the facts sheet maps that Parquet type to.
//
// PostgreSQL rows are the guide's table as published. MySQL rows BIGINT, BIGINT UNSIGNED, BIT,
// DECIMAL/NUMERIC (INT32, INT64 or FIXED_LEN_BYTE_ARRAY by precision; a string past 38),
// DOUBLE, FLOAT, INT, INT UNSIGNED, MEDIUMINT (UNSIGNED) are the guide's; the rest follow the
// live page (TINYINT INT_8, SMALLINT INT_16, DATETIME and TIMESTAMP INT64 TIMESTAMP_MICROS,
// character types UTF-8 strings, binary types plain BYTE_ARRAY, DATE and TIME strings).
// What RDS writes as originalType and expectedExportedType is observed, not documented: the
// PostgreSQL originalType is information_schema's data_type (`character varying`,
// `USER-DEFINED`, `ARRAY`), and expectedExportedType is the Parquet type as parquet-mr prints it
// (`binary (UTF8)`, `int32 (INT_16)`, `int64 (DECIMAL(10,2))`).
import type { SchemaElement } from 'hyparquet-writer'

export type Engine = 'postgres' | 'mysql'

/** The engine family of an RDS engine name (aurora-postgresql, mariadb, ...). */
export function engineFamily(engine: string): Engine {
  return /postgres/i.test(engine) ? 'postgres' : 'mysql'
}

export interface ColumnSeed {
  name: string
  /** As the source declares it: `integer`, `numeric(12,2)`, `varchar(80)`, `int unsigned`,
   * `tinyint(1)`, `text[]`, or an enum type's name with enumValues. */
  type: string
  /** PostgreSQL enum labels (the column's type is then USER-DEFINED), MySQL ENUM members. */
  enumValues?: string[]
}

/** The entry RDS writes for a column in schemaMetadata.originalTypeMappings. */
export interface TypeMappingEntry {
  columnName: string
  originalType: string
  expectedExportedType: string
  originalCharMaxLength: number
  originalNumPrecision: number
  originalDateTimePrecision: number
}

/** What a column becomes in the export. */
export interface ColumnMapping {
  seed: ColumnSeed
  /** The Parquet schema element (without name and repetition). */
  element: Omit<SchemaElement, 'name'>
  entry: TypeMappingEntry
  /** The Hive type Glue and Athena read it as (the facts sheet's table). */
  glueType: string
  /** Spark SQL's name for the type, for the row metadata Spark writes in the footer. */
  sparkType: string
  /** Row r's value: `written` goes to the Parquet writer; `read` is what hyparquet gives back
   * (readParquetRows); null in both for a NULL. */
  value(row: number, column: number): { written: unknown; read: unknown }
}

interface SourceType {
  base: string
  args: number[]
  unsigned: boolean
  array: boolean
}

/** `numeric(12,2)` -> numeric [12, 2]; `text[]` -> text, array; `int unsigned` -> unsigned. */
export function parseSourceType(type: string): SourceType {
  let text = type.trim().toLowerCase().replace(/\s+/g, ' ')
  const array = /\[\]$/.test(text) || /^_/.test(text)
  text = text.replace(/(\[\])+$/, '').replace(/^_/, '')
  const unsigned = / unsigned\b/.test(text)
  text = text.replace(/ (unsigned|zerofill)\b/g, '')
  const args = [...(/\(([^)]*)\)/.exec(text)?.[1]?.split(',') ?? [])].map(a => Number(a.trim()))
  const base = text.replace(/\([^)]*\)/, '').trim()
  return { base, args, unsigned, array }
}

// --- Parquet types, and their names in parquet-mr, Hive and Spark ---

interface ParquetType {
  element: Omit<SchemaElement, 'name'>
  glueType: string
  sparkType: string
}

const OPTIONAL = { repetition_type: 'OPTIONAL' } as const

function int32(annotation?: 'INT_8' | 'INT_16'): ParquetType {
  if (!annotation) return plain('INT32', 'int', 'integer')
  const bits = annotation === 'INT_8' ? 8 : 16
  return {
    element: {
      type: 'INT32',
      ...OPTIONAL,
      converted_type: annotation,
      logical_type: { type: 'INTEGER', bitWidth: bits, isSigned: true }
    },
    glueType: bits === 8 ? 'tinyint' : 'smallint',
    sparkType: bits === 8 ? 'byte' : 'short'
  }
}

/** A type with no annotation: its physical type, Hive name, Spark name. */
function plain(type: SchemaElement['type'], glueType: string, sparkType: string): ParquetType {
  return { element: { type, ...OPTIONAL }, glueType, sparkType }
}

const INT64 = plain('INT64', 'bigint', 'long')
const FLOAT = plain('FLOAT', 'float', 'float')
const DOUBLE = plain('DOUBLE', 'double', 'double')
const BOOLEAN = plain('BOOLEAN', 'boolean', 'boolean')
const BINARY = plain('BYTE_ARRAY', 'binary', 'binary')
const STRING: ParquetType = {
  element: {
    type: 'BYTE_ARRAY',
    ...OPTIONAL,
    converted_type: 'UTF8',
    logical_type: { type: 'STRING' }
  },
  glueType: 'string',
  sparkType: 'string'
}
const TIMESTAMP_MICROS: ParquetType = {
  element: {
    type: 'INT64',
    ...OPTIONAL,
    converted_type: 'TIMESTAMP_MICROS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }
  },
  glueType: 'timestamp',
  sparkType: 'timestamp'
}

/** The fewest bytes a two's complement DECIMAL of this precision needs (Spark's rule). */
export function decimalBytes(precision: number): number {
  let bytes = 1
  while (2n ** BigInt(8 * bytes - 1) - 1n < 10n ** BigInt(precision) - 1n) bytes++
  return bytes
}

/** As Spark writes DECIMAL(p,s): INT32 up to 9 digits, INT64 up to 18, else fixed bytes. */
function decimal(precision: number, scale: number): ParquetType {
  const annotation = {
    converted_type: 'DECIMAL',
    precision,
    scale,
    logical_type: { type: 'DECIMAL', precision, scale }
  } as const
  const physical: Omit<SchemaElement, 'name'> =
    precision <= 9
      ? { type: 'INT32' }
      : precision <= 18
        ? { type: 'INT64' }
        : { type: 'FIXED_LEN_BYTE_ARRAY', type_length: decimalBytes(precision) }
  const text = `decimal(${precision},${scale})`
  return { element: { ...physical, ...OPTIONAL, ...annotation }, glueType: text, sparkType: text }
}

/** The Parquet type as parquet-mr prints it: `binary (UTF8)`, `int64 (DECIMAL(10,2))`. */
export function parquetTypeText(element: Omit<SchemaElement, 'name'>): string {
  const physical =
    element.type === 'BYTE_ARRAY'
      ? 'binary'
      : element.type === 'FIXED_LEN_BYTE_ARRAY'
        ? `fixed_len_byte_array(${element.type_length})`
        : String(element.type).toLowerCase()
  const annotation =
    element.converted_type === 'DECIMAL'
      ? `DECIMAL(${element.precision},${element.scale})`
      : element.converted_type
  return annotation ? `${physical} (${annotation})` : physical
}

// --- values ---

const DAY = 86_400_000
const BASE_TIME = Date.UTC(2024, 0, 1)

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function dateText(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function timeText(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

function uuidText(row: number, column: number): string {
  const hex = (row * 7919 + column * 104729 + 1).toString(16).padStart(12, '0')
  return `5f0c${pad(column, 4)}-0000-4000-8000-${hex.slice(-12)}`
}

/** A string in the text form the source engine prints for this type. */
function textValue(type: SourceType, seed: ColumnSeed, row: number, column: number): string {
  const at = BASE_TIME + row * DAY + row * 3_600_000 + column * 60_000
  switch (type.base) {
    case 'date':
      return dateText(at)
    case 'time':
    case 'time without time zone':
      return timeText(at)
    case 'timestamp':
    case 'timestamp without time zone':
      return `${dateText(at)} ${timeText(at)}`
    case 'timestamptz':
    case 'timestamp with time zone':
      return `${dateText(at)} ${timeText(at)}+00`
    case 'json':
    case 'jsonb':
      return `{"n": ${row}, "tag": "t${row}"}`
    case 'uuid':
      return uuidText(row, column)
    case 'numeric':
    case 'decimal': {
      const [precision = 38, scale = 0] = type.args
      return decimalText(BigInt(12345 + row * 101) % 10n ** BigInt(precision), scale)
    }
  }
  if (seed.enumValues?.length) return seed.enumValues[row % seed.enumValues.length] as string
  const text = row % 4 === 2 ? `${seed.name} ${row + 1}: naïve café ✓` : `${seed.name}-${row + 1}`
  // CHAR(n) pads to n (and is CHAR(1) without n); VARCHAR(n) holds at most n.
  if (type.base === 'char' || type.base === 'character') {
    const length = type.args[0] ?? 1
    return text.slice(0, length).padEnd(length)
  }
  const length = type.args[0]
  return length ? text.slice(0, length) : text
}

function decimalText(unscaled: bigint, scale: number): string {
  if (scale === 0) return String(unscaled)
  const digits = String(unscaled).padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** PostgreSQL's text form of an array of the element type. */
function arrayText(type: SourceType, seed: ColumnSeed, row: number, column: number): string {
  const numeric = /int|serial|numeric|decimal|real|double|float/.test(type.base)
  if (numeric) return `{${row},${row + 1}}`
  const element = { ...type, array: false }
  const items = [0, 1].map(k => textValue(element, seed, row + k, column))
  return `{${items.map(item => (/[\s,{}"\\]/.test(item) ? JSON.stringify(item) : item)).join(',')}}`
}

type ValueFn = (row: number, column: number) => { written: unknown; read: unknown }

const same =
  (f: (row: number, column: number) => unknown): ValueFn =>
  (row, column) => {
    const v = f(row, column)
    return { written: v, read: v }
  }

function decimalValue(precision: number, scale: number, unsignedBig = false): ValueFn {
  return row => {
    const unscaled = unsignedBig
      ? 18_446_744_073_709_551_615n - BigInt(row) * 1_000_003n
      : BigInt(12345 + row * 101) % 10n ** BigInt(precision)
    const written = precision <= 9 ? Number(unscaled) : unscaled
    return { written, read: Number(unscaled) / 10 ** scale }
  }
}

const timestampValue: ValueFn = same(
  (row, column) => new Date(BASE_TIME + row * 3_600_000 + column * 60_000)
)
const bytesValue: ValueFn = same(
  (row, column) => new Uint8Array([row & 255, column & 255, 0xff, 0x00])
)

/** Column c, row r: a NULL now and then (never in the first column, often an id). */
function isNull(row: number, column: number): boolean {
  return column > 0 && (row + column) % 7 === 6
}

function mapping(
  seed: ColumnSeed,
  parquet: ParquetType,
  entry: Omit<TypeMappingEntry, 'columnName' | 'expectedExportedType'>,
  value: ValueFn
): ColumnMapping {
  return {
    seed,
    element: parquet.element,
    glueType: parquet.glueType,
    sparkType: parquet.sparkType,
    entry: {
      columnName: seed.name,
      originalType: entry.originalType,
      expectedExportedType: parquetTypeText(parquet.element),
      originalCharMaxLength: entry.originalCharMaxLength,
      originalNumPrecision: entry.originalNumPrecision,
      originalDateTimePrecision: entry.originalDateTimePrecision
    },
    value: (row, column) =>
      isNull(row, column) ? { written: null, read: null } : value(row, column)
  }
}

function entryOf(
  originalType: string,
  numPrecision = 0,
  charMaxLength = 0,
  dateTimePrecision = 0
): Omit<TypeMappingEntry, 'columnName' | 'expectedExportedType'> {
  return {
    originalType,
    originalCharMaxLength: charMaxLength,
    originalNumPrecision: numPrecision,
    originalDateTimePrecision: dateTimePrecision
  }
}

// --- the two engines ---

const CHAR_MAX: Record<string, number> = {
  tinytext: 255,
  tinyblob: 255,
  text: 65535,
  blob: 65535,
  mediumtext: 16777215,
  mediumblob: 16777215,
  longtext: 4294967295,
  longblob: 4294967295
}

/** The value of an integer column: distinct per column, small enough for any width. */
const integer = (offset: number): ValueFn => same((row, column) => offset + column * 100 + row)
/** Fractions exact in a 32-bit float, and in a double. */
const halves = same(row => row + 0.5)
const quarters = same((row, column) => row * 1.25 + column)
const bigInteger = (offset: number): ValueFn =>
  same((row, column) => BigInt(offset + column * 100 + row))

function postgresColumn(seed: ColumnSeed): ColumnMapping {
  const type = parseSourceType(seed.type)
  const text = same((row, column) => textValue(type, seed, row, column))
  const [n] = type.args
  if (type.array) {
    return mapping(
      seed,
      STRING,
      entryOf('ARRAY'),
      same((r, c) => arrayText(type, seed, r, c))
    )
  }
  if (seed.enumValues) return mapping(seed, STRING, entryOf('USER-DEFINED'), text)
  switch (type.base) {
    case 'smallint':
    case 'int2':
    case 'smallserial':
      return mapping(seed, int32('INT_16'), entryOf('smallint', 16), integer(1))
    case 'integer':
    case 'int':
    case 'int4':
    case 'serial':
      return mapping(seed, int32(), entryOf('integer', 32), integer(1))
    case 'bigint':
    case 'int8':
    case 'bigserial':
      return mapping(seed, INT64, entryOf('bigint', 64), bigInteger(9_000_000_000))
    case 'real':
    case 'float4':
      return mapping(seed, FLOAT, entryOf('real', 24), halves)
    case 'double precision':
    case 'float8':
      return mapping(seed, DOUBLE, entryOf('double precision', 53), quarters)
    case 'boolean':
    case 'bool':
      return mapping(
        seed,
        BOOLEAN,
        entryOf('boolean'),
        same(row => row % 3 === 0)
      )
    case 'bytea':
      return mapping(seed, BINARY, entryOf('bytea'), bytesValue)
  }
  return mapping(seed, STRING, postgresEntry(type.base, n), text)
}

/** The metadata entry of a PostgreSQL type RDS writes as a string. */
function postgresEntry(base: string, n: number | undefined): ReturnType<typeof entryOf> {
  switch (base) {
    case 'numeric':
    case 'decimal':
      return entryOf('numeric', n ?? 0)
    case 'varchar':
    case 'character varying':
      return entryOf('character varying', 0, n ?? 0)
    case 'char':
    case 'character':
      return entryOf('character', 0, n ?? 1)
    case 'timestamp':
    case 'timestamp without time zone':
      return entryOf('timestamp without time zone', 0, 0, n ?? 6)
    case 'timestamptz':
    case 'timestamp with time zone':
      return entryOf('timestamp with time zone', 0, 0, n ?? 6)
    case 'time':
    case 'time without time zone':
      return entryOf('time without time zone', 0, 0, n ?? 6)
  }
  return entryOf(base)
}

function mysqlInteger(seed: ColumnSeed, type: SourceType): ColumnMapping | undefined {
  const name = `${type.base}${type.unsigned ? ' unsigned' : ''}`
  switch (type.base) {
    case 'tinyint':
    case 'bool':
    case 'boolean': {
      const flag = type.args[0] === 1 || type.base !== 'tinyint'
      const value = same(row => (flag ? row % 2 : row % 100))
      return mapping(
        seed,
        int32(type.unsigned ? 'INT_16' : 'INT_8'),
        entryOf(flag ? 'tinyint' : name, 3),
        value
      )
    }
    case 'smallint':
      return mapping(seed, type.unsigned ? int32() : int32('INT_16'), entryOf(name, 5), integer(1))
    case 'mediumint':
      if (type.unsigned) return mapping(seed, INT64, entryOf(name, 8), bigInteger(16_000_000))
      return mapping(seed, int32(), entryOf(name, 7), integer(1))
    case 'int':
    case 'integer':
      if (type.unsigned)
        return mapping(seed, INT64, entryOf('int unsigned', 10), bigInteger(4_000_000_000))
      return mapping(seed, int32(), entryOf('int', 10), integer(1))
    case 'bigint':
      if (type.unsigned)
        return mapping(seed, decimal(20, 0), entryOf(name, 20), decimalValue(20, 0, true))
      return mapping(seed, INT64, entryOf(name, 19), bigInteger(9_000_000_000))
    case 'year':
      return mapping(seed, int32(), entryOf('year'), integer(2000))
  }
  return undefined
}

function mysqlColumn(seed: ColumnSeed): ColumnMapping {
  const type = parseSourceType(seed.type)
  const integral = mysqlInteger(seed, type)
  if (integral) return integral
  const [n, s] = type.args
  const text = same((row, column) => textValue(type, seed, row, column))
  switch (type.base) {
    case 'decimal':
    case 'numeric': {
      const precision = n ?? 10
      const entry = entryOf('decimal', precision)
      if (precision > 38) return mapping(seed, STRING, entry, text)
      return mapping(seed, decimal(precision, s ?? 0), entry, decimalValue(precision, s ?? 0))
    }
    case 'float':
      return mapping(seed, DOUBLE, entryOf('float', 12), quarters)
    case 'double':
    case 'real':
    case 'double precision':
      return mapping(seed, DOUBLE, entryOf('double', 22), quarters)
    case 'datetime':
    case 'timestamp':
      return mapping(seed, TIMESTAMP_MICROS, entryOf(type.base, 0, 0, n ?? 0), timestampValue)
    case 'bit':
      return mapping(seed, BINARY, entryOf('bit', n ?? 1), bytesValue)
    case 'binary':
    case 'varbinary':
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
      return mapping(seed, BINARY, entryOf(type.base, 0, n ?? CHAR_MAX[type.base] ?? 0), bytesValue)
  }
  const dateTime = type.base === 'time' ? (n ?? 0) : 0
  const enumSeed = { ...seed, enumValues: seed.enumValues ?? quoted(seed.type) }
  const value = same((row, column) => textValue(type, enumSeed, row, column))
  return mapping(
    seed,
    STRING,
    entryOf(type.base, 0, n ?? CHAR_MAX[type.base] ?? 0, dateTime),
    value
  )
}

/** The members of `enum('new','paid')`. */
function quoted(type: string): string[] | undefined {
  const members = [...type.matchAll(/'((?:[^']|'')*)'/g)].map(m =>
    (m[1] as string).replace(/''/g, "'")
  )
  return members.length ? members : undefined
}

/** What a source column becomes in an export of this engine. */
export function mapColumn(engine: Engine, seed: ColumnSeed): ColumnMapping {
  return engine === 'postgres' ? postgresColumn(seed) : mysqlColumn(seed)
}
