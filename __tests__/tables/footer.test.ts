// The bounds on a Parquet footer, checked from its bytes before anything parses it.
import { describe, expect, test } from '@jest/globals'
import { parquetMetadata } from 'hyparquet'
import {
  FOOTER_MAX_BYTES,
  SCHEMA_MAX_ELEMENTS,
  checkSchemaSize,
  footerLength,
  schemaElementCount
} from '../../src/tables/footer.js'
import { footerBomb } from '../../test/standin/export-parquet.js'
import { parquetFile } from '../../test/standin/export-parquet.js'
import { mapColumn } from '../../test/standin/export-types.js'
import { APPDB } from '../../test/standin/export-fixtures.js'

const customers = APPDB[0]!.tables[0]!
const REAL = parquetFile(
  customers.columns.map(c => mapColumn('postgres', c)),
  0,
  5
)

/** The footer of a whole file: its bytes between the data and the length. */
const footerOf = (file: Uint8Array): Uint8Array =>
  file.subarray(file.length - 8 - footerLength(file, file.length), file.length - 8)

describe('footerLength', () => {
  test("a real file's footer: the length hyparquet reads", () => {
    const length = footerLength(REAL, REAL.length)
    expect(length).toBeGreaterThan(100)
    expect(length).toBeLessThan(REAL.length)
  })

  test('refused: too short, no PAR1, longer than the file, longer than the bound', () => {
    expect(() => footerLength(new Uint8Array(6), 6)).toThrow('the file is too short (6 bytes)')
    const notParquet = new Uint8Array(REAL)
    notParquet[notParquet.length - 1] = 0
    expect(() => footerLength(notParquet, notParquet.length)).toThrow('does not end with PAR1')
    const tail = REAL.subarray(REAL.length - 100)
    expect(() => footerLength(tail, 100)).toThrow('is more than the file holds')
    const bomb = footerBomb('schema', FOOTER_MAX_BYTES)
    expect(() => footerLength(bomb.subarray(bomb.length - 8), bomb.length)).toThrow(
      'its footer is 2.0 MiB, over the 2.0 MiB this action reads'
    )
  })
})

describe('schemaElementCount', () => {
  test("a real footer: as many elements as hyparquet's schema", () => {
    const schema = parquetMetadata(REAL).schema
    expect(schemaElementCount(footerOf(REAL))).toBe(schema.length)
    expect(checkSchemaSize(footerOf(REAL))).toBe(schema.length)
  })

  test('a bomb: its count read from the list header, over the bound', () => {
    const bomb = footerBomb('schema', 20_000)
    expect(schemaElementCount(footerOf(bomb))).toBe(20_000)
    expect(() => checkSchemaSize(footerOf(bomb))).toThrow(
      `its footer holds 20000 schema elements, over the ${SCHEMA_MAX_ELEMENTS} this action reads`
    )
    expect(schemaElementCount(footerOf(footerBomb('rowGroups', 20_000)))).toBe(1)
  })

  test('the long form of a field id, and footers that are not as writers write them', () => {
    // Field 2 by its long form (delta 0, zigzag id 4), a list of 3 structs.
    expect(schemaElementCount(Uint8Array.from([0x09, 0x04, 0x3c]))).toBe(3)
    expect(() => schemaElementCount(new Uint8Array())).toThrow('its footer is empty')
    expect(() => schemaElementCount(Uint8Array.from([0x16, 0x00]))).toThrow(
      "doesn't start with the schema"
    )
    expect(() => schemaElementCount(Uint8Array.from([0x15, 0x02, 0x19]))).toThrow('cut short')
    expect(() => schemaElementCount(Uint8Array.from([0x29, 0x38]))).toThrow('not a list of')
    expect(() => schemaElementCount(Uint8Array.from([0x15, 0x80]))).toThrow('is not Thrift')
    expect(() => schemaElementCount(Uint8Array.from([0x29, 0xfc, 0xff]))).toThrow('is not Thrift')
  })
})
