// The Parquet files of an export, written as Spark writes them for RDS: GZIP pages (the
// `.gz.parquet` files), every column OPTIONAL under a `spark_schema` root, parquet-mr as the
// writer and Spark's row metadata in the footer. hyparquet-writer does the encoding; GZIP comes
// from node:zlib through its compressor hook. readParquetRows reads a file back with hyparquet.
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { ColumnMapping } from './export-types.js'

export const PARQUET_CREATED_BY =
  'parquet-mr version 1.12.2 (build 77e30c8093386ec52c3cfa6c34b7ef3321322c94)'
const SPARK_VERSION = '3.3.0'

/** Spark's description of the rows, kept in the footer's key-value metadata. */
function sparkRowMetadata(columns: ColumnMapping[]): string {
  return JSON.stringify({
    type: 'struct',
    fields: columns.map(c => ({
      name: c.seed.name,
      type: c.sparkType,
      nullable: true,
      metadata: {}
    }))
  })
}

/** A Parquet file holding rows [from, to) of a table with these columns. */
export function parquetFile(columns: ColumnMapping[], from: number, to: number): Uint8Array {
  const rows = Array.from({ length: to - from }, (_, i) => from + i)
  const buffer = parquetWriteBuffer({
    codec: 'GZIP',
    compressors: { GZIP: input => gzipSync(input) },
    schema: [
      { name: 'spark_schema', num_children: columns.length },
      ...columns.map(c => ({ ...c.element, name: c.seed.name }))
    ],
    columnData: columns.map((c, column) => ({
      name: c.seed.name,
      data: rows.map(row => c.value(row, column).written)
    })),
    kvMetadata: [
      { key: 'org.apache.spark.version', value: SPARK_VERSION },
      { key: 'org.apache.spark.sql.parquet.row.metadata', value: sparkRowMetadata(columns) }
    ],
    createdBy: PARQUET_CREATED_BY
  })
  return new Uint8Array(buffer)
}

/** The rows [from, to) as readParquetRows gives them back. */
export function expectedRows(
  columns: ColumnMapping[],
  from: number,
  to: number
): Record<string, unknown>[] {
  return Array.from({ length: to - from }, (_, i) =>
    Object.fromEntries(columns.map((c, column) => [c.seed.name, c.value(from + i, column).read]))
  )
}

/**
 * Every row of a Parquet file, read with hyparquet: INT64 as bigint, DECIMAL as number,
 * TIMESTAMP as Date, UTF-8 strings as string, plain binary as Uint8Array, NULL as null.
 */
export async function readParquetRows(body: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer
  return (await parquetReadObjects({
    file,
    compressors: { GZIP: input => new Uint8Array(gunzipSync(input)) },
    utf8: false
  })) as Record<string, unknown>[]
}

/** The same file with its footer metadata overwritten: the length and `PAR1` stay, so a
 * reader finds the footer and fails to decode it. */
export function corruptFooter(body: Uint8Array): Uint8Array {
  const copy = new Uint8Array(body)
  const view = new DataView(copy.buffer)
  const length = view.getUint32(copy.length - 8, true)
  copy.fill(0xff, copy.length - 8 - length, copy.length - 8)
  return copy
}

/** What a footer bomb is made of: schema elements, or row groups under a one-column schema. */
export type FooterBombKind = 'schema' | 'rowGroups'

function varint(n: number): number[] {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return out
}

/**
 * A Parquet file whose footer (FileMetaData, Thrift compact) is about `bytes` long and nearly all
 * empty structs, 1 byte each on disk and an object each once parsed: `schema`, that many schema
 * elements; `rowGroups`, a one-column schema and that many row groups. Well formed up to the
 * fields a reader then looks for, so only what parsing costs stops it.
 */
export function footerBomb(kind: FooterBombKind, bytes: number): Uint8Array {
  const name = Buffer.from('spark_schema')
  const head =
    kind === 'schema'
      ? [0x15, 0x02, 0x19, 0xfc, ...varint(bytes)]
      : [
          ...[0x15, 0x02, 0x19, 0x1c, 0x48, ...varint(name.length), ...name, 0x00],
          ...[0x16, 0x00, 0x19, 0xfc, ...varint(bytes)]
        ]
  const footer = new Uint8Array(head.length + bytes + 1)
  footer.set(head)
  // The structs are empty (STOP, 0x00), as is the footer's own end.
  const file = new Uint8Array(4 + footer.length + 8)
  file.set(Buffer.from('PAR1'))
  file.set(footer, 4)
  const view = new DataView(file.buffer)
  view.setUint32(4 + footer.length, footer.length, true)
  file.set(Buffer.from('PAR1'), file.length - 4)
  return file
}
