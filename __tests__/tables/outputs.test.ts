import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  TABLES_OUTPUT_MAX_BYTES,
  tablesFileDocument,
  tablesOutputs
} from '../../src/tables/outputs.js'
import type { TableReport, TablesReport } from '../../src/tables/report.js'
import { TIMES_NOTE } from '../../src/tables/times.js'

const table = (target: string, fields: Partial<TableReport> = {}): TableReport => ({
  target,
  status: 'COMPLETE',
  sizeGB: 1.5,
  s3Uri: `s3://exports/p/id/${target.replace('.', '/')}/`,
  columns: [{ name: 'id', sourceType: 'bigint', parquetType: 'INT64', glueType: 'bigint' }],
  columnsFrom: 'parquet',
  complete: true,
  problems: [],
  ...fields
})

const reportOf = (tables: TableReport[]): TablesReport => {
  const complete = tables.filter(t => t.complete).length
  return {
    exportTaskIdentifier: 'id',
    s3Uri: 's3://exports/p/id/',
    tables,
    counts: [],
    complete,
    incomplete: tables.length - complete,
    databaseWarnings: [],
    warnings: []
  }
}

const bytes = (text: string) => Buffer.byteLength(text)

describe('tablesOutputs', () => {
  test('every table, with the contract keys (null when unknown), glue-table only when registered', () => {
    const outputs = tablesOutputs(
      reportOf([
        table('appdb.public.orders', { glueTable: 'appdb_public_orders' }),
        table('appdb.public.gone', {
          status: 'FAILED',
          complete: false,
          sizeGB: undefined,
          s3Uri: undefined
        })
      ])
    )
    expect(outputs).toEqual({
      tables: JSON.stringify([
        {
          target: 'appdb.public.orders',
          status: 'COMPLETE',
          'size-gb': 1.5,
          's3-uri': 's3://exports/p/id/appdb/public.orders/',
          'glue-table': 'appdb_public_orders'
        },
        // The contract's keys even when unknown: null, never left out.
        { target: 'appdb.public.gone', status: 'FAILED', 'size-gb': null, 's3-uri': null }
      ]),
      'tables-complete': '1',
      'tables-incomplete': '1'
    })
  })

  test('no tables: an empty array', () => {
    expect(tablesOutputs(reportOf([]))).toEqual({
      tables: '[]',
      'tables-complete': '0',
      'tables-incomplete': '0'
    })
  })

  const tenThousand = Array.from({ length: 10_000 }, (_, i) =>
    table(`appdb.public.a_rather_long_table_name_to_fill_the_output_${i}`, {
      glueTable: `appdb_public_a_rather_long_table_name_to_fill_the_output_${i}`,
      ...(i % 1000 === 0 ? { status: 'FAILED', complete: false } : {})
    })
  )

  test('10,000 tables: past the limit only the incomplete ones are listed, and it says so', () => {
    const outputs = tablesOutputs(reportOf(tenThousand))
    const everything = tablesOutputs(reportOf(tenThousand), Infinity).tables
    expect(bytes(everything)).toBeGreaterThan(TABLES_OUTPUT_MAX_BYTES)
    const listed = JSON.parse(outputs.tables) as { target: string; status: string }[]
    expect(listed.map(t => t.target)).toEqual(
      tenThousand.filter(t => !t.complete).map(t => t.target)
    )
    expect(outputs.notice).toBe(
      "The tables output lists only the 10 tables that are not complete: all 10000 would pass GitHub's 1 MB output limit. tables-file has them all."
    )
    expect(outputs['tables-complete']).toBe('9990')
    expect(outputs['tables-incomplete']).toBe('10')
  })

  test('a table COMPLETE by status but short of partitions counts as not complete', () => {
    const tables = [
      table('db.a'),
      table('db.b', { complete: false, reason: '1 of its 2 partitions completed' })
    ]
    const outputs = tablesOutputs(reportOf(tables), 120)
    expect(JSON.parse(outputs.tables)).toEqual([
      expect.objectContaining({ target: 'db.b', status: 'COMPLETE' })
    ])
  })

  test('past the limit again: as many incomplete tables as fit', () => {
    const failed = tenThousand.map(t => ({ ...t, status: 'FAILED', complete: false }))
    const outputs = tablesOutputs(reportOf(failed))
    const listed = JSON.parse(outputs.tables) as unknown[]
    expect(bytes(outputs.tables)).toBeLessThanOrEqual(TABLES_OUTPUT_MAX_BYTES)
    expect(listed.length).toBeGreaterThan(0)
    expect(outputs.notice).toBe(
      `The tables output lists ${listed.length} of the 10000 tables that are not complete: more would pass GitHub's 1 MB output limit. tables-file has all 10000.`
    )
  })

  test('always valid JSON under the limit, listing all tables whenever they fit', () => {
    const anyTable = fc.record({
      target: fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
      complete: fc.boolean(),
      sizeGB: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined })
    })
    fc.assert(
      fc.property(
        fc.array(anyTable, { maxLength: 60 }),
        fc.integer({ min: 2, max: 3000 }),
        (specs, limit) => {
          const tables = specs.map(s =>
            table(s.target, {
              complete: s.complete,
              status: s.complete ? 'COMPLETE' : 'FAILED',
              sizeGB: s.sizeGB
            })
          )
          const outputs = tablesOutputs(reportOf(tables), limit)
          expect(bytes(outputs.tables)).toBeLessThanOrEqual(limit)
          const listed = JSON.parse(outputs.tables) as { target: string }[]
          if (outputs.notice === undefined)
            expect(listed.map(t => t.target)).toEqual(specs.map(s => s.target))
          else
            expect(listed.every(t => tables.find(x => x.target === t.target && !x.complete))).toBe(
              true
            )
        }
      )
    )
  })
})

describe('tablesFileDocument', () => {
  test('the whole report: every table with its columns, partitions, times and why', () => {
    const report: TablesReport = {
      ...reportOf([
        table('appdb.public.orders', {
          glueTable: 'appdb_public_orders',
          dataFile: 's3://exports/p/id/appdb/public.orders/1/part-0.parquet',
          layout: 'batches',
          partitions: 2,
          completedPartitions: 2,
          extractionStartTime: '2023-07-19T23:21:00Z',
          extractionEndTime: 'some time'
        }),
        table('appdb.public.bad', {
          complete: true,
          problems: ['no columns'],
          columns: [],
          columnsFrom: 'none'
        }),
        table('appdb.public.gone', {
          status: 'FAILED',
          complete: false,
          reason: 'its status is FAILED',
          message: 'x'
        })
      ]),
      counts: [
        { status: 'COMPLETE', tables: 2 },
        { status: 'FAILED', tables: 1 }
      ],
      databaseWarnings: [{ target: 'appdb', message: 'FAILED_TO_EXTRACT', file: 'f.json' }],
      warnings: ['f.json: entries left out for having no target: 1 (#3)']
    }
    const text = tablesFileDocument(report)
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual({
      'export-task-identifier': 'id',
      's3-uri': 's3://exports/p/id/',
      'tables-complete': 2,
      'tables-incomplete': 1,
      counts: { COMPLETE: 2, FAILED: 1 },
      notes: [TIMES_NOTE],
      tables: [
        {
          target: 'appdb.public.orders',
          status: 'COMPLETE',
          complete: true,
          'size-gb': 1.5,
          's3-uri': 's3://exports/p/id/appdb/public.orders/',
          'glue-table': 'appdb_public_orders',
          'data-file': 's3://exports/p/id/appdb/public.orders/1/part-0.parquet',
          layout: 'batches',
          partitions: 2,
          'completed-partitions': 2,
          'extraction-start-time': '2023-07-19T23:21:00Z',
          'extraction-end-time': 'some time',
          'columns-from': 'parquet',
          columns: [
            { name: 'id', 'source-type': 'bigint', 'parquet-type': 'INT64', 'glue-type': 'bigint' }
          ]
        },
        {
          target: 'appdb.public.bad',
          status: 'COMPLETE',
          complete: true,
          'size-gb': 1.5,
          's3-uri': 's3://exports/p/id/appdb/public.bad/',
          problems: ['no columns'],
          'columns-from': 'none',
          columns: []
        },
        {
          target: 'appdb.public.gone',
          status: 'FAILED',
          complete: false,
          reason: 'its status is FAILED',
          message: 'x',
          'size-gb': 1.5,
          's3-uri': 's3://exports/p/id/appdb/public.gone/',
          'columns-from': 'parquet',
          columns: [
            { name: 'id', 'source-type': 'bigint', 'parquet-type': 'INT64', 'glue-type': 'bigint' }
          ]
        }
      ],
      'database-warnings': [{ target: 'appdb', message: 'FAILED_TO_EXTRACT', file: 'f.json' }],
      warnings: ['f.json: entries left out for having no target: 1 (#3)']
    })
  })
})
