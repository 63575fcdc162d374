// What a Parquet footer may cost before it is parsed. A footer is Thrift (compact protocol) that
// a parser turns into objects: an empty schema element is 1 byte on disk and about 100 in memory,
// so a 30 MB footer of them took Node to 4.7 GB. Before parsing, its length (the 4 bytes before
// the closing `PAR1`) and the number of schema elements (the list header of FileMetaData field 2,
// at the footer's start) are checked against fixed bounds; a footer over them is the table's
// problem, in words. Pure.

/** The longest footer read: a Spark footer is a few KiB, one of 1,000 columns and a few row
 * groups about 1 MiB; 2 MiB of empty row groups parse to about 300 MB. */
export const FOOTER_MAX_BYTES = 2 * 1024 * 1024
/** The most schema elements (columns, and the groups around nested ones) a footer may hold. */
export const SCHEMA_MAX_ELEMENTS = 10_000
/** `PAR1` as a little-endian uint32. */
const MAGIC = 0x31524150

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/**
 * The footer's length from the file's last bytes (`tail`, the end of a file of `size` bytes),
 * checked: the file ends with `PAR1`, the footer fits in it and is at most FOOTER_MAX_BYTES.
 */
export function footerLength(tail: Uint8Array, size: number): number {
  if (size < 12 || tail.length < 8) throw new Error(`the file is too short (${size} bytes)`)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  if (view.getUint32(tail.length - 4, true) !== MAGIC) {
    throw new Error('the file does not end with PAR1')
  }
  const length = view.getUint32(tail.length - 8, true)
  if (length + 8 > size) {
    throw new Error(`its footer length (${length} bytes) is more than the file holds`)
  }
  if (length > FOOTER_MAX_BYTES) {
    throw new Error(
      `its footer is ${mib(length)}, over the ${mib(FOOTER_MAX_BYTES)} this action reads`
    )
  }
  return length
}

/** A varint at `at`; its value and the offset after it. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0
  for (let shift = 0; shift < 35; shift += 7) {
    if (at >= bytes.length) break
    const byte = bytes[at++]!
    value += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) return [value, at]
  }
  throw new Error("its footer's start is not Thrift")
}

const I32 = 5
const LIST = 9
const STRUCT = 12

/**
 * How many schema elements the footer (FileMetaData, Thrift compact) says it holds, from the
 * list header of field 2 after the optional field 1 (version, i32), as every writer puts them.
 */
export function schemaElementCount(footer: Uint8Array): number {
  let at = 0
  let id = 0
  for (;;) {
    if (at >= footer.length) throw new Error('its footer is empty')
    const header = footer[at++]!
    const type = header & 0x0f
    const delta = header >> 4
    if (delta) id += delta
    else {
      // The long form: the field id as a zigzag varint.
      const [n, next] = varint(footer, at)
      id = (n >>> 1) ^ -(n & 1)
      at = next
    }
    if (id === 1 && type === I32) {
      at = varint(footer, at)[1]
      continue
    }
    if (id !== 2 || type !== LIST) {
      throw new Error("its footer doesn't start with the schema, as Parquet writers write it")
    }
    break
  }
  if (at >= footer.length) throw new Error("its footer's schema is cut short")
  const list = footer[at++]!
  if ((list & 0x0f) !== STRUCT) throw new Error("its footer's schema is not a list of elements")
  return list >> 4 === 15 ? varint(footer, at)[0] : list >> 4
}

/** The count, checked against SCHEMA_MAX_ELEMENTS. */
export function checkSchemaSize(footer: Uint8Array): number {
  const count = schemaElementCount(footer)
  if (count > SCHEMA_MAX_ELEMENTS) {
    throw new Error(
      `its footer holds ${count} schema elements, over the ${SCHEMA_MAX_ELEMENTS} this action reads`
    )
  }
  return count
}
