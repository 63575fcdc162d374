import { describe, expect, test } from '@jest/globals'
import type { SchemaElement } from 'hyparquet'
import { matchFolders, type TableFolder } from '../../src/tables/layout.js'
import { planGlueTables } from '../../src/tables/glue.js'
import { mergeTablesInfo, parseTablesInfo, type TableStatus } from '../../src/tables/metadata.js'
import {
  TABLES_OUTPUT_MAX_BYTES,
  tablesFileDocument,
  tablesOutputs
} from '../../src/tables/outputs.js'
import {
  TABLE_WARNINGS_MAX,
  buildReport,
  checkTable,
  incompleteTables,
  largestTables,
  reportWarnings,
  withGlueTables,
  type Footer,
  type TablesReport
} from '../../src/tables/report.js'

const ID = 'nightly-1'
const PREFIX = `p/${ID}/`

const status = (fields: Partial<TableStatus>): TableStatus => ({
  target: 'db.public.t',
  status: 'COMPLETE',
  columns: [],
  file: 'f.json',
  ...fields
})

describe('checkTable', () => {
  test.each([
    [{}, true, undefined],
    [{ partitions: 4, completedPartitions: 4 }, true, undefined],
    [{ partitions: 4, completedPartitions: 3 }, false, '3 of its 4 partitions completed'],
    [
      { partitions: 4, completedPartitions: 3, message: 'out of space' },
      false,
      '3 of its 4 partitions completed: out of space'
    ],
    [
      { partitions: 4 },
      false,
      "its partitioning info gives a number of partitions only, so it can't be checked"
    ],
    [
      { completedPartitions: 4 },
      false,
      "its partitioning info gives a number of completed partitions only, so it can't be checked"
    ],
    [{ status: 'FAILED' }, false, 'its status is FAILED'],
    [
      { status: 'SKIPPED', message: 'unsupported type' },
      false,
      'its status is SKIPPED: unsupported type'
    ],
    [
      { status: 'IN_PROGRESS', partitions: 1, completedPartitions: 1 },
      false,
      'its status is IN_PROGRESS'
    ],
    [{ status: '' }, false, "the export's metadata gives it no status"]
  ] as [Partial<TableStatus>, boolean, string | undefined][])(
    '%j: complete %s, %s',
    (fields, complete, reason) => {
      expect(checkTable(status(fields))).toEqual(reason ? { complete, reason } : { complete })
    }
  )
})

const SCHEMA: SchemaElement[] = [
  { name: 'spark_schema', num_children: 2 },
  { name: 'ID', type: 'INT64', repetition_type: 'REQUIRED' },
  { name: 'note', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
]
const MAPPINGS = [
  { columnName: 'id', originalType: 'bigint', expectedExportedType: 'int64' },
  { columnName: 'note', originalType: 'text', expectedExportedType: 'binary (UTF8)' }
]
const entry = (target: string, fields: object = {}) => ({
  target,
  status: 'COMPLETE',
  sizeGB: 1,
  tableStatistics: { partitioningInfo: { numberOfPartitions: 1, numberOfCompletedPartitions: 1 } },
  schemaMetadata: { originalTypeMappings: MAPPINGS },
  ...fields
})
const folder = (name: string, dataFile?: string): TableFolder => ({
  database: 'appdb',
  name,
  prefix: `${PREFIX}appdb/${name}/`,
  listed: true,
  ...(dataFile
    ? { dataFile: { key: `${PREFIX}appdb/${name}/${dataFile}`, size: 100, layout: 'batches' } }
    : {})
})

/** An export's report from its metadata entries, its folders and its footers by folder. */
function reportOf(
  entries: object[],
  folders: TableFolder[],
  footers: Record<string, Footer> = {}
): TablesReport {
  const info = parseTablesInfo(
    'export_tables_info_x_from_1_to_9.json',
    JSON.stringify({ perTableStatus: entries })
  )
  const byKey = new Map<string, Footer>()
  for (const f of folders)
    if (f.dataFile && footers[f.name]) byKey.set(f.dataFile.key, footers[f.name]!)
  return buildReport({
    exportTaskIdentifier: ID,
    bucket: 'exports',
    exportPrefix: PREFIX,
    info,
    match: matchFolders(
      info.tables.map(t => t.target),
      folders
    ),
    footers: byKey,
    warnings: ['export_info_x.json: not valid JSON']
  })
}

describe('buildReport', () => {
  test('a complete table: its folder, its data file, its columns typed from the footer', () => {
    const report = reportOf(
      [entry('appdb.public.orders', { sizeGB: 2.5 })],
      [folder('public.orders', '1/part-0.gz.parquet')],
      { 'public.orders': { schema: SCHEMA } }
    )
    expect(report.tables).toEqual([
      {
        target: 'appdb.public.orders',
        status: 'COMPLETE',
        sizeGB: 2.5,
        s3Uri: `s3://exports/${PREFIX}appdb/public.orders/`,
        dataFile: `s3://exports/${PREFIX}appdb/public.orders/1/part-0.gz.parquet`,
        layout: 'batches',
        columns: [
          { name: 'id', sourceType: 'bigint', parquetType: 'INT64', glueType: 'bigint' },
          { name: 'note', sourceType: 'text', parquetType: 'BYTE_ARRAY UTF8', glueType: 'string' }
        ],
        columnsFrom: 'parquet',
        partitions: 1,
        completedPartitions: 1,
        extractionStartTime: undefined,
        extractionEndTime: undefined,
        message: undefined,
        complete: true,
        reason: undefined,
        problems: []
      }
    ])
    expect(report).toMatchObject({
      exportTaskIdentifier: ID,
      s3Uri: `s3://exports/${PREFIX}`,
      counts: [{ status: 'COMPLETE', tables: 1 }],
      complete: 1,
      incomplete: 0,
      warnings: ['export_info_x.json: not valid JSON']
    })
  })

  test('every way a table can fall short', () => {
    const report = reportOf(
      [
        entry('appdb.public.failed', { status: 'FAILED', warningMessage: 'disk full' }),
        entry('appdb.public.partial', {
          tableStatistics: {
            partitioningInfo: { numberOfPartitions: 3, numberOfCompletedPartitions: 2 }
          }
        }),
        entry('appdb.public.nofolder'),
        entry('appdb.public.empty'),
        entry('appdb.public.corrupt'),
        entry('appdb.public.dupes'),
        { target: 'appdb', warningMessage: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' }
      ],
      [
        folder('public.failed'),
        folder('public.partial', '1/p.parquet'),
        folder('public.empty'),
        folder('public.corrupt', '1/p.parquet'),
        folder('public.dupes', '1/p.parquet')
      ],
      {
        'public.partial': { schema: SCHEMA },
        'public.corrupt': { error: 'parquet file invalid (footer != PAR1)' },
        'public.dupes': {
          schema: [
            { name: 'root', num_children: 2 },
            { name: 'Id', type: 'INT32' },
            { name: 'ID', type: 'INT32' }
          ]
        }
      }
    )
    const summary = report.tables.map(t => [
      t.target,
      t.complete,
      t.reason ?? t.problems,
      t.columnsFrom
    ])
    expect(summary).toEqual([
      ['appdb.public.failed', false, 'its status is FAILED: disk full', 'metadata'],
      ['appdb.public.partial', false, '2 of its 3 partitions completed', 'parquet'],
      ['appdb.public.nofolder', true, ['no folder of it was found under the export'], 'metadata'],
      ['appdb.public.empty', true, [], 'metadata'],
      [
        'appdb.public.corrupt',
        true,
        ["its Parquet footer can't be read (parquet file invalid (footer != PAR1))"],
        'metadata'
      ],
      [
        'appdb.public.dupes',
        true,
        ["columns that are one name in lower case (Athena can't hold both): id"],
        'parquet'
      ]
    ])
    expect(report.counts).toEqual([
      { status: 'COMPLETE', tables: 5 },
      { status: 'FAILED', tables: 1 }
    ])
    expect([report.complete, report.incomplete]).toEqual([4, 2])
    expect(report.databaseWarnings).toEqual([
      {
        target: 'appdb',
        message: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE',
        file: 'export_tables_info_x_from_1_to_9.json'
      }
    ])
    expect(report.warnings).toEqual([
      'export_info_x.json: not valid JSON',
      "1 COMPLETE table(s) have no Parquet file in their folder, so their column types come from the export's metadata: appdb.public.empty."
    ])
    expect(reportWarnings(report, true)).toEqual([
      'Table appdb.public.failed is not complete: its status is FAILED: disk full.',
      'Table appdb.public.partial is not complete: 2 of its 3 partitions completed.',
      'Table appdb.public.nofolder: no folder of it was found under the export. It is not registered in Glue.',
      "Table appdb.public.corrupt: its Parquet footer can't be read (parquet file invalid (footer != PAR1)). It is not registered in Glue.",
      "Table appdb.public.dupes: columns that are one name in lower case (Athena can't hold both): id. It is not registered in Glue.",
      'Database appdb (export_tables_info_x_from_1_to_9.json): FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE',
      ...report.warnings
    ])
    expect(reportWarnings(report, false)[2]).toBe(
      'Table appdb.public.nofolder: no folder of it was found under the export.'
    )
  })

  test('a table without a status is UNKNOWN', () => {
    const report = reportOf([entry('appdb.public.t', { status: undefined })], [folder('public.t')])
    expect(report.tables[0]).toMatchObject({ status: 'UNKNOWN', complete: false })
    expect(report.counts).toEqual([{ status: 'UNKNOWN', tables: 1 }])
  })

  test('the metadata and listing warnings come through', () => {
    const report = reportOf(
      [entry('appdb.public.a')],
      [folder('public.a', '1/p.parquet'), folder('public.extra')],
      {
        'public.a': { schema: SCHEMA }
      }
    )
    expect(report.warnings).toContain(
      '1 table folder(s) have no entry in export_tables_info (is a file of it missing?); they are not reported: appdb/public.extra/.'
    )
  })
})

describe('the report read back', () => {
  const many = (n: number, fields: (i: number) => object = () => ({})) =>
    reportOf(
      Array.from({ length: n }, (_, i) => entry(`appdb.public.t${i}`, fields(i))),
      []
    )

  test('largestTables: complete tables that hold data, by size, then name', () => {
    const report = reportOf(
      [
        entry('db.b', { sizeGB: 2 }),
        entry('db.a', { sizeGB: 2 }),
        entry('db.c', { sizeGB: undefined }),
        entry('db.d', { sizeGB: 10 }),
        entry('db.e', { sizeGB: 0 }),
        entry('db.f', { sizeGB: 0.5 }),
        entry('db.g', { sizeGB: 50, status: 'FAILED' })
      ],
      []
    )
    expect(largestTables(report, 3).map(t => t.target)).toEqual(['db.d', 'db.a', 'db.b'])
    expect(largestTables(report, 10).map(t => t.target)).toEqual(['db.d', 'db.a', 'db.b', 'db.f'])
    expect(largestTables(report, 0)).toEqual([])
    expect(largestTables(report, -1)).toEqual([])
  })

  test('incompleteTables, in report order', () => {
    const report = many(5, i => (i % 2 ? { status: 'FAILED' } : {}))
    expect(incompleteTables(report).map(t => t.target)).toEqual([
      'appdb.public.t1',
      'appdb.public.t3'
    ])
  })

  test(`warnings name ${TABLE_WARNINGS_MAX} tables one by one, then sum up the rest`, () => {
    const report = many(25, () => ({ status: 'FAILED' }))
    const warnings = reportWarnings(report, false).filter(w => !w.startsWith('export_info'))
    expect(warnings).toHaveLength(TABLE_WARNINGS_MAX + 1)
    expect(warnings[TABLE_WARNINGS_MAX]).toBe(
      '15 more tables are not complete (see tables-file): appdb.public.t10, appdb.public.t11, appdb.public.t12, appdb.public.t13, appdb.public.t14 and 10 more.'
    )
  })

  test('complete tables with problems are summed up past the same number', () => {
    const warnings = reportWarnings(many(12), true)
    expect(warnings[0]).toBe(
      'Table appdb.public.t0: no folder of it was found under the export. It is not registered in Glue.'
    )
    expect(warnings[TABLE_WARNINGS_MAX]).toBe(
      '2 more complete tables have problems (see tables-file): appdb.public.t10, appdb.public.t11.'
    )
  })

  test('withGlueTables sets the Glue table of each registered target, and only those', () => {
    const report = many(3)
    const named = withGlueTables(report, new Map([['appdb.public.t1', 'appdb_public_t1']]))
    expect(named.tables.map(t => t.glueTable)).toEqual([undefined, 'appdb_public_t1', undefined])
    expect(report.tables[1]!.glueTable).toBeUndefined()
  })
})

describe('10,000 tables through the whole pure flow', () => {
  test('metadata in chunks, folders, footers, report, outputs and Glue plans', () => {
    const n = 10_000
    const chunks = [
      [1, 4000],
      [4001, 8000],
      [8001, n]
    ] as const
    const parts = chunks.map(([from, to]) => {
      const name = `export_tables_info_${ID}_from_${from}_to_${to}.json`
      const entries = Array.from({ length: to - from + 1 }, (_, i) => {
        const k = from + i
        return entry(
          `appdb.public.t${k}`,
          k % 500 === 0 ? { status: 'FAILED' } : { sizeGB: k / 1000 }
        )
      })
      const file = { key: `${PREFIX}${name}`, name, from, to }
      return { file, info: parseTablesInfo(file.key, JSON.stringify({ perTableStatus: entries })) }
    })
    const info = mergeTablesInfo(parts)
    const folders = info.tables.map(t =>
      folder(t.target.slice('appdb.'.length), '1/part-0.gz.parquet')
    )
    const footers = new Map<string, Footer>(folders.map(f => [f.dataFile!.key, { schema: SCHEMA }]))
    const match = matchFolders(
      info.tables.map(t => t.target),
      folders
    )
    const report = buildReport({
      exportTaskIdentifier: ID,
      bucket: 'exports',
      exportPrefix: PREFIX,
      info,
      match,
      footers
    })

    expect([report.tables.length, report.complete, report.incomplete]).toEqual([n, n - 20, 20])
    expect(report.warnings).toEqual([])
    expect(largestTables(report, 3).map(t => t.target)).toEqual([
      'appdb.public.t9999',
      'appdb.public.t9998',
      'appdb.public.t9997'
    ])
    const { plans, warnings } = planGlueTables(report, 'raw_', { exportTaskIdentifier: ID })
    expect(warnings).toEqual([])
    expect(plans).toHaveLength(n - 20)
    const registered = withGlueTables(report, new Map(plans.map(p => [p.target, p.name])))
    const outputs = tablesOutputs(registered)
    expect(Buffer.byteLength(outputs.tables)).toBeLessThanOrEqual(TABLES_OUTPUT_MAX_BYTES)
    expect(outputs['tables-incomplete']).toBe('20')
    const document = JSON.parse(tablesFileDocument(registered)) as {
      tables: { columns: unknown[] }[]
    }
    expect(document.tables).toHaveLength(n)
    expect(document.tables.every(t => t.columns.length === 2)).toBe(true)
  })
})
