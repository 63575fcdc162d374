// Column types: from a Parquet footer's schema (exact: decimal scale, logical types), or, for a
// table without a data file, from the metadata's expectedExportedType. Glue and Athena take
// Hive type names (the RDS user guide's "Data conversion when exporting to an Amazon S3 bucket",
// and the Athena user guide's "Data types in Amazon Athena"):
//   BOOLEAN boolean; INT32 int (INT_8 tinyint, INT_16 smallint, DATE date); INT64 bigint
//   (TIMESTAMP timestamp); INT96 timestamp; FLOAT float; DOUBLE double; DECIMAL(p,s) on any
//   physical type decimal(p,s); BYTE_ARRAY with UTF8/STRING/ENUM/JSON string, else binary.
// Unsigned integers widen to the next Hive type (UINT_64 to decimal(20,0)); TIME, which Hive
// lacks, keeps its integer; UUID and other fixed-length bytes are binary; groups become
// array<..>, map<..> and struct<..>. A type Athena can't take is a problem, and a table with a
// problem is not registered, so nothing is half-registered. Pure; only types from hyparquet.

import type { LogicalType, SchemaElement } from 'hyparquet'
import { cap, hasControlCharacter, listSome } from './fields.js'
import type { ColumnMapping } from './metadata.js'

export interface Column {
  /** Lower case, as Glue and Athena hold it. */
  name: string
  /** `INT64 TIMESTAMP_MICROS`, `FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0)`, `group LIST`. */
  parquetType: string
  /** The Hive type; absent when there is none (see the table's problems). */
  glueType?: string
}

export interface Columns {
  columns: Column[]
  /** Why the columns can't be registered as they are; empty when they can. */
  problems: string[]
}

interface Node {
  element: SchemaElement
  children: Node[]
}

type Typed = { glue: string } | { problem: string }

/** Athena's decimal holds at most 38 digits. */
const MAX_DECIMAL_PRECISION = 38
const MAX_DEPTH = 64

const KNOWN_LOGICAL = new Set([
  'STRING',
  'MAP',
  'LIST',
  'ENUM',
  'DECIMAL',
  'DATE',
  'TIME',
  'TIMESTAMP',
  'INTEGER',
  'NULL',
  'JSON',
  'BSON',
  'UUID',
  'FLOAT16',
  'VARIANT',
  'GEOMETRY',
  'GEOGRAPHY'
])

// hyparquet passes a logical type it doesn't know through as raw thrift fields.
function logical(element: SchemaElement): LogicalType | undefined {
  const type = element.logical_type as { type?: unknown } | undefined
  return typeof type?.type === 'string' && KNOWN_LOGICAL.has(type.type)
    ? (element.logical_type as LogicalType)
    : undefined
}

/** The annotation as text: `DECIMAL(10,2)`, `TIMESTAMP(MICROS)`, `UTF8`; '' when none. */
function annotation(element: SchemaElement): string {
  const type = logical(element)
  if (type?.type === 'DECIMAL') return `DECIMAL(${type.precision},${type.scale})`
  if (type?.type === 'TIMESTAMP' || type?.type === 'TIME') return `${type.type}(${type.unit})`
  if (type?.type === 'INTEGER') return `INTEGER(${type.bitWidth},${type.isSigned})`
  if (type) return type.type
  if (element.converted_type === 'DECIMAL') {
    return `DECIMAL(${element.precision ?? '?'},${element.scale ?? 0})`
  }
  return element.converted_type ?? ''
}

function describeParquet(element: SchemaElement, group: boolean): string {
  const length = element.type === 'FIXED_LEN_BYTE_ARRAY' ? `(${element.type_length ?? '?'})` : ''
  const physical = group ? 'group' : `${element.type ?? '?'}${length}`
  const repeated = element.repetition_type === 'REPEATED' ? 'repeated ' : ''
  return `${repeated}${physical} ${annotation(element)}`.trim()
}

function decimal(element: SchemaElement): Typed {
  const type = logical(element)
  const precision = type?.type === 'DECIMAL' ? type.precision : element.precision
  const scale = (type?.type === 'DECIMAL' ? type.scale : element.scale) ?? 0
  if (!Number.isInteger(precision) || precision! < 1)
    return { problem: 'a decimal without a precision' }
  if (precision! > MAX_DECIMAL_PRECISION) {
    return { problem: `decimal(${precision},${scale}) is wider than Athena's 38 digits` }
  }
  if (!Number.isInteger(scale) || scale < 0 || scale > precision!) {
    return { problem: `decimal(${precision},${scale}) has an impossible scale` }
  }
  return { glue: `decimal(${precision},${scale})` }
}

// INTEGER(bitWidth, signed) and the INT_n / UINT_n converted types, to Hive: unsigned widens.
const SIGNED: Record<number, string> = { 8: 'tinyint', 16: 'smallint', 32: 'int', 64: 'bigint' }
const UNSIGNED: Record<number, string> = {
  8: 'smallint',
  16: 'int',
  32: 'bigint',
  64: 'decimal(20,0)'
}

function integer(element: SchemaElement, fallback: string): string {
  const type = logical(element)
  if (type?.type === 'INTEGER') {
    return (type.isSigned ? SIGNED : UNSIGNED)[type.bitWidth] ?? fallback
  }
  const converted = /^(U?)INT_(8|16|32|64)$/.exec(element.converted_type ?? '')
  if (!converted) return fallback
  return (converted[1] ? UNSIGNED : SIGNED)[Number(converted[2])] ?? fallback
}

const STRING_ANNOTATIONS = new Set(['UTF8', 'STRING', 'ENUM', 'JSON'])

/** A primitive's Hive type. */
function primitive(element: SchemaElement): Typed {
  const type = logical(element)
  const kind = type?.type ?? element.converted_type
  if (kind === 'DECIMAL') return decimal(element)
  switch (element.type) {
    case 'BOOLEAN':
      return { glue: 'boolean' }
    case 'INT32':
      return { glue: kind === 'DATE' ? 'date' : integer(element, 'int') }
    case 'INT64':
      return { glue: /^TIMESTAMP/.test(kind ?? '') ? 'timestamp' : integer(element, 'bigint') }
    case 'INT96':
      return { glue: 'timestamp' }
    case 'FLOAT':
      return { glue: 'float' }
    case 'DOUBLE':
      return { glue: 'double' }
    case 'BYTE_ARRAY':
      return { glue: STRING_ANNOTATIONS.has(kind ?? '') ? 'string' : 'binary' }
    case 'FIXED_LEN_BYTE_ARRAY':
      return { glue: 'binary' }
    default:
      return { problem: `an unknown Parquet type ${cap(String(element.type), 40)}` }
  }
}

/** Names Hive's type strings can hold without quoting (struct fields). */
const HIVE_FIELD = /^[a-z0-9_]+$/

function groupKind(element: SchemaElement): string | undefined {
  const kind = logical(element)?.type ?? element.converted_type
  return kind === 'MAP_KEY_VALUE' ? 'MAP' : kind
}

function struct(node: Node, depth: number): Typed {
  if (node.children.length === 0) return { problem: 'an empty group' }
  const fields: string[] = []
  for (const child of node.children) {
    const name = child.element.name.toLowerCase()
    if (!HIVE_FIELD.test(name)) return { problem: `a nested field named ${cap(name, 60)}` }
    const typed = nodeType(child, depth + 1)
    if ('problem' in typed) return typed
    fields.push(`${name}:${typed.glue}`)
  }
  return { glue: `struct<${fields.join(',')}>` }
}

// A LIST group: the standard three levels (list > repeated list > element) and the older two
// level forms, by the Parquet backward-compatibility rules.
function list(node: Node, depth: number): Typed {
  const repeated = node.children[0]
  if (node.children.length !== 1 || repeated?.element.repetition_type !== 'REPEATED') {
    return { problem: 'a LIST group that is not a single repeated field' }
  }
  const repeatedIsElement =
    repeated.children.length !== 1 ||
    repeated.element.name === 'array' ||
    repeated.element.name === `${node.element.name}_tuple`
  const element = repeatedIsElement
    ? { ...repeated, element: { ...repeated.element, repetition_type: undefined } }
    : repeated.children[0]!
  const typed = nodeType(element, depth + 1)
  return 'problem' in typed ? typed : { glue: `array<${typed.glue}>` }
}

function map(node: Node, depth: number): Typed {
  const entries = node.children[0]
  const [key, value] = entries?.children ?? []
  if (node.children.length !== 1 || !key || entries!.children.length > 2) {
    return { problem: 'a MAP group without one key_value group' }
  }
  if (key.children.length > 0 || key.element.num_children)
    return { problem: 'a map with a nested key' }
  const keyType = primitive(key.element)
  if ('problem' in keyType) return keyType
  // A map with no value column is a set, which Hive has no type for.
  if (!value) return { problem: 'a MAP without values (a set)' }
  const valueType = nodeType(value, depth + 1)
  return 'problem' in valueType ? valueType : { glue: `map<${keyType.glue},${valueType.glue}>` }
}

/** A node's Hive type; a repeated field outside a LIST is an array of it. */
function nodeType(node: Node, depth: number): Typed {
  if (depth > MAX_DEPTH) return { problem: 'nesting deeper than 64 levels' }
  const { element } = node
  const isGroup = node.children.length > 0 || (element.num_children ?? 0) > 0 || !element.type
  let typed: Typed
  if (!isGroup) typed = primitive(element)
  else if (groupKind(element) === 'LIST') typed = list(node, depth)
  else if (groupKind(element) === 'MAP') typed = map(node, depth)
  else typed = struct(node, depth)
  if ('problem' in typed || element.repetition_type !== 'REPEATED') return typed
  return { glue: `array<${typed.glue}>` }
}

const MALFORMED = "the Parquet footer's schema is malformed (its children don't add up)"
const TOO_DEEP = `the Parquet footer's schema nests deeper than ${MAX_DEPTH} levels`

/** The flat schema as a tree, or why it isn't one. */
function tree(schema: readonly SchemaElement[]): Node | string {
  let next = 0
  const take = (depth: number): Node | string => {
    const element = schema[next++]
    if (!element) return MALFORMED
    if (depth > MAX_DEPTH) return TOO_DEEP
    const children: Node[] = []
    for (let i = 0; i < (element.num_children ?? 0); i++) {
      const child = take(depth + 1)
      if (typeof child === 'string') return child
      children.push(child)
    }
    return { element, children }
  }
  const root = take(0)
  return typeof root === 'string' || next === schema.length ? root : MALFORMED
}

/** Two columns that are one name in lower case: Athena can't tell them apart. */
function duplicateProblems(columns: readonly Column[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const { name } of columns) (seen.has(name) ? repeated : seen).add(name)
  if (repeated.size === 0) return []
  const names = [...repeated].map(name => cap(name, 60))
  return [`columns that are one name in lower case (Athena can't hold both): ${listSome(names)}`]
}

function nameProblem(raw: string): string | undefined {
  if (raw.trim() === '') return 'a column without a name'
  if (hasControlCharacter(raw))
    return `column ${JSON.stringify(cap(raw, 60))} has a control character in its name`
  if (Buffer.byteLength(raw) > 255)
    return `column ${cap(raw, 60)} has a name longer than Glue's 255 bytes`
  return undefined
}

/** A top-level column before its name is checked. */
interface Typing {
  raw: string
  typed: Typed
  parquet: string
}

function collect(typings: readonly Typing[]): Columns {
  const columns: Column[] = []
  const problems: string[] = []
  for (const { raw, typed, parquet } of typings) {
    const name = raw.toLowerCase()
    const problem =
      nameProblem(raw) ??
      ('problem' in typed ? `column ${cap(name, 60)}: ${typed.problem}` : undefined)
    if (problem) problems.push(problem)
    columns.push({ name, parquetType: parquet, glueType: 'glue' in typed ? typed.glue : undefined })
  }
  if (columns.length === 0) problems.push('no columns')
  return { columns, problems: [...problems, ...duplicateProblems(columns)] }
}

/** A Parquet footer's schema (hyparquet's FileMetaData.schema) as typed columns. */
export function columnsFromSchema(schema: readonly SchemaElement[]): Columns {
  const root = tree(schema)
  if (typeof root === 'string') return { columns: [], problems: [root] }
  return collect(
    root.children.map(node => ({
      raw: node.element.name ?? '',
      typed: nodeType(node, 1),
      parquet: describeParquet(node.element, node.children.length > 0)
    }))
  )
}

const PHYSICAL: Record<string, SchemaElement['type']> = {
  boolean: 'BOOLEAN',
  int32: 'INT32',
  int64: 'INT64',
  int96: 'INT96',
  float: 'FLOAT',
  double: 'DOUBLE',
  binary: 'BYTE_ARRAY',
  byte_array: 'BYTE_ARRAY',
  fixed_len_byte_array: 'FIXED_LEN_BYTE_ARRAY'
}

/**
 * An expectedExportedType (`int32`, `binary (UTF8)`, `int64 (TIMESTAMP_MICROS)`,
 * `fixed_len_byte_array(9) (DECIMAL(20,0))`) as the schema element it describes.
 */
export function elementFromExportedType(name: string, text: string): SchemaElement | undefined {
  const match =
    /^([a-z_0-9]+)\s*(?:\(\s*(\d+)\s*\))?\s*(?:\(\s*([A-Za-z_0-9]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*\))?$/i.exec(
      text.trim()
    )
  const type = match && PHYSICAL[match[1]!.toLowerCase()]
  if (!match || !type) return undefined
  const [, , length, note, precision, scale] = match
  const converted = note?.toUpperCase() === 'STRING' ? 'UTF8' : note?.toUpperCase()
  return {
    name,
    type,
    ...(length ? { type_length: Number(length) } : {}),
    ...(converted ? { converted_type: converted as SchemaElement['converted_type'] } : {}),
    ...(precision ? { precision: Number(precision), scale: Number(scale ?? 0) } : {})
  }
}

function fromExportedType(mapping: ColumnMapping): Typing {
  const raw = mapping.columnName
  const text = mapping.expectedExportedType ?? ''
  const element = elementFromExportedType(raw, text)
  if (element) return { raw, typed: primitive(element), parquet: describeParquet(element, false) }
  const problem = text
    ? `an expectedExportedType ${JSON.stringify(cap(text, 60))} that can't be mapped`
    : 'no expectedExportedType'
  return { raw, typed: { problem }, parquet: cap(text, 60) || '?' }
}

/** For a table without a data file: the columns from the metadata's expectedExportedType. */
export function columnsFromMetadata(mappings: readonly ColumnMapping[]): Columns {
  return collect(mappings.map(fromExportedType))
}

/** Each column with its source type from originalTypeMappings, matched in any case. */
export function withSourceTypes(
  columns: readonly Column[],
  mappings: readonly ColumnMapping[]
): (Column & { sourceType?: string })[] {
  const byName = new Map<string, string>()
  for (const m of mappings) {
    const name = m.columnName.toLowerCase()
    if (m.originalType !== undefined && !byName.has(name)) byName.set(name, m.originalType)
  }
  return columns.map(column => ({ ...column, sourceType: byName.get(column.name) }))
}
