import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  exportInfoFileName,
  isExportInfoKey,
  mergeTablesInfo,
  missingChunkWarnings,
  parseExportInfo,
  parseTablesInfo,
  tablesInfoFile,
  type TablesInfoFile
} from '../../src/tables/metadata.js'

const ID = 'nightly-1'
const chunkName = (from: number, to: number) =>
  `export_tables_info_${ID}_from_${from}_to_${to}.json`
const chunk = (from: number, to: number): TablesInfoFile => ({
  key: `exports/${ID}/${chunkName(from, to)}`,
  name: chunkName(from, to),
  from,
  to
})
const tablesJson = (...entries: unknown[]) => JSON.stringify({ perTableStatus: entries })

// An entry as observed in real exports.
const ORDERS = {
  tableStatistics: {
    extractionStartTime: 'Jul 19, 2023, 11:21:00 PM',
    extractionEndTime: 'Jul 19, 2023, 11:24:42 PM',
    partitioningInfo: {
      numberOfPartitions: 4,
      numberOfCompletedPartitions: 4,
      numberOfSkippedPartitions: 0
    }
  },
  schemaMetadata: {
    originalTypeMappings: [
      {
        columnName: 'id',
        originalType: 'bigint',
        expectedExportedType: 'int64',
        originalCharMaxLength: 0,
        originalNumPrecision: 64,
        originalDateTimePrecision: 0
      },
      {
        columnName: 'note',
        originalType: 'character varying',
        expectedExportedType: 'binary (UTF8)',
        originalCharMaxLength: '255',
        originalNumPrecision: 0,
        originalDateTimePrecision: 0
      }
    ]
  },
  status: 'COMPLETE',
  sizeGB: 1.5,
  target: 'appdb.public.orders'
}

describe('file names', () => {
  test('export_info', () => {
    expect(exportInfoFileName(ID)).toBe('export_info_nightly-1.json')
    expect(isExportInfoKey('p/nightly-1/export_info_nightly-1.json', ID)).toBe(true)
    expect(isExportInfoKey('p/nightly-1/export_info_Nightly-1.json', ID)).toBe(true)
    expect(isExportInfoKey('p/nightly-1/export_info_nightly-12.json', ID)).toBe(false)
  })

  test.each([
    [`p/${ID}/${chunkName(1, 96)}`, { from: 1, to: 96 }],
    [`${chunkName(97, 120)}`, { from: 97, to: 120 }],
    [`p/export_tables_info_NIGHTLY-1_FROM_1_TO_2.JSON`, { from: 1, to: 2 }],
    [`p/export_tables_info_${ID}.json`, {}]
  ])('%s is a tables info file', (key, range) => {
    expect(tablesInfoFile(key, ID)).toEqual({ key, name: key.split('/').pop(), ...range })
  })

  test.each([
    `p/export_tables_info_${ID}_from_1_to_x.json`,
    `p/export_tables_info_${ID}_from_1.json`,
    `p/export_tables_info_other_from_1_to_2.json`,
    `p/export_tables_info_${ID}2_from_1_to_2.json`,
    `p/export_tables_info_${ID}_from_1_to_2.json.bak`,
    `p/export_info_${ID}.json`
  ])('%s is not', key => {
    expect(tablesInfoFile(key, ID)).toBeUndefined()
  })
})

describe('missingChunkWarnings', () => {
  test('contiguous ranges from 1 (or 0), in any order, are whole', () => {
    expect(missingChunkWarnings([chunk(97, 120), chunk(1, 96)])).toEqual([])
    expect(missingChunkWarnings([chunk(0, 9), chunk(10, 10)])).toEqual([])
  })

  test('a missing first file', () => {
    expect(missingChunkWarnings([chunk(97, 120)])).toEqual([
      `${chunkName(97, 120)}: its range starts at 97, so the export_tables_info file(s) for 1 to 96 are missing; those tables are not reported.`
    ])
  })

  test('a gap, an overlap, a backwards range', () => {
    const warnings = missingChunkWarnings([
      chunk(1, 10),
      chunk(21, 30),
      chunk(25, 40),
      chunk(50, 41)
    ])
    expect(warnings).toEqual([
      `export_tables_info for 11 to 20 is missing (between ${chunkName(1, 10)} and ${chunkName(21, 30)}); those tables are not reported.`,
      `${chunkName(25, 40)} overlaps ${chunkName(21, 30)}; a table listed in both is reported once.`,
      `${chunkName(50, 41)}: its range runs backwards.`,
      `export_tables_info for 41 to 49 is missing (between ${chunkName(25, 40)} and ${chunkName(50, 41)}); those tables are not reported.`
    ])
  })

  test('no file at all', () => {
    expect(missingChunkWarnings([])).toEqual([
      'No export_tables_info file was found beside the export: no table can be reported.'
    ])
  })

  test('a file without a range is not checked', () => {
    const file = tablesInfoFile(`export_tables_info_${ID}.json`, ID)!
    expect(missingChunkWarnings([file])).toEqual([])
  })
})

describe('parseExportInfo', () => {
  const INFO = {
    exportTaskIdentifier: ID,
    sourceArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:snap',
    exportOnly: ['appdb.public'],
    snapshotTime: 'Jul 19, 2023, 10:00:00 PM',
    taskStartTime: 'Jul 19, 2023, 11:00:00 PM',
    taskEndTime: '2023-07-19T23:40:00Z',
    s3Bucket: 'exports',
    s3Prefix: 'p',
    exportedFilesPath: `p/${ID}`,
    iamRoleArn: 'arn:aws:iam::123456789012:role/export',
    kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k',
    status: 'complete',
    percentProgress: '100',
    totalExportedDataInGB: 2.25,
    somethingNew: { x: 1 }
  }

  test('every field, times as ISO, status upper case, numbers from strings', () => {
    const { info, warnings } = parseExportInfo(
      `p/${ID}/export_info_${ID}.json`,
      JSON.stringify(INFO),
      ID
    )
    expect(warnings).toEqual([])
    expect(info).toEqual({
      ...INFO,
      somethingNew: undefined,
      snapshotTime: '2023-07-19T22:00:00Z',
      taskStartTime: '2023-07-19T23:00:00Z',
      taskEndTime: '2023-07-19T23:40:00Z',
      status: 'COMPLETE',
      percentProgress: 100
    })
  })

  test('keys in another case, exportOnly as a string, fields missing', () => {
    const text = JSON.stringify({
      ExportTaskIdentifier: ID,
      EXPORTONLY: 'a, b',
      Status: 'Complete'
    })
    expect(parseExportInfo('export_info.json', text).info).toEqual({
      exportTaskIdentifier: ID,
      exportOnly: ['a', 'b'],
      status: 'COMPLETE'
    })
  })

  test.each([
    ['{', /^export_info_x\.json: not valid JSON \(.+\); nothing in it is reported\.$/],
    ['[1]', /^export_info_x\.json: not a JSON object; it is ignored\.$/],
    ['null', /not a JSON object/],
    [
      JSON.stringify({ exportTaskIdentifier: 'other' }),
      /^export_info_x\.json: it names export task other, not nightly-1\.$/
    ]
  ])('%s: a warning naming the file', (text, warning) => {
    const { warnings } = parseExportInfo('p/export_info_x.json', text, ID)
    expect(warnings).toEqual([expect.stringMatching(warning)])
  })
})

describe('parseTablesInfo', () => {
  const FILE = `p/${ID}/${chunkName(1, 3)}`

  test('a table as RDS writes it', () => {
    const { tables, databaseWarnings, warnings } = parseTablesInfo(FILE, tablesJson(ORDERS))
    expect(warnings).toEqual([])
    expect(databaseWarnings).toEqual([])
    expect(tables).toEqual([
      {
        target: 'appdb.public.orders',
        status: 'COMPLETE',
        sizeGB: 1.5,
        partitions: 4,
        completedPartitions: 4,
        extractionStartTime: '2023-07-19T23:21:00Z',
        extractionEndTime: '2023-07-19T23:24:42Z',
        message: undefined,
        file: chunkName(1, 3),
        // as written, with the character length read from its string
        columns: ORDERS.schemaMetadata.originalTypeMappings.map(m => ({
          ...m,
          originalCharMaxLength: Number(m.originalCharMaxLength)
        }))
      }
    ])
  })

  test('database-level warnings are kept apart from tables', () => {
    const info = parseTablesInfo(
      FILE,
      tablesJson(
        { target: 'appdb', warningMessage: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' },
        { target: 'appdb.public.t', status: 'FAILED', warningMessage: 'column type unsupported' }
      )
    )
    expect(info.databaseWarnings).toEqual([
      {
        target: 'appdb',
        message: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE',
        file: chunkName(1, 3)
      }
    ])
    expect(info.tables.map(t => [t.target, t.status, t.message])).toEqual([
      ['appdb.public.t', 'FAILED', 'column type unsupported']
    ])
  })

  test('variations: any case, strings for numbers, no sizeGB, stats at the top, messages in stats', () => {
    const [table] = parseTablesInfo(
      FILE,
      tablesJson({
        Target: 'db.t',
        STATUS: 'complete',
        partitioningInfo: { numberOfPartitions: '2', NumberOfCompletedPartitions: '1' },
        tableStatistics: { failureCause: { code: 'X' }, extractionStartTime: 'soon' }
      })
    ).tables
    expect(table).toMatchObject({
      target: 'db.t',
      status: 'COMPLETE',
      sizeGB: undefined,
      partitions: 2,
      completedPartitions: 1,
      message: '{"code":"X"}',
      extractionStartTime: 'soon',
      columns: []
    })
  })

  test('a table entry with no status has status ""', () => {
    expect(parseTablesInfo(FILE, tablesJson({ target: 'db.t', sizeGB: 0 })).tables[0]!.status).toBe(
      ''
    )
  })

  test('bad entries are left out, each kind summed up in one warning naming the file', () => {
    const info = parseTablesInfo(
      FILE,
      tablesJson(
        'text',
        { status: 'COMPLETE' },
        { target: ' ', status: 'COMPLETE' },
        {
          target: 'db.a',
          status: 'COMPLETE',
          sizeGB: 'big',
          schemaMetadata: { originalTypeMappings: [{ originalType: 'int' }, 3] }
        },
        {
          target: 'db.b',
          status: 'COMPLETE',
          sizeGB: 'huge',
          schemaMetadata: { originalTypeMappings: 'none' }
        }
      )
    )
    expect(info.tables.map(t => t.target)).toEqual(['db.a', 'db.b'])
    const name = chunkName(1, 3)
    expect(info.warnings).toEqual([
      `${name}: entries left out for not being objects: 1 (#1)`,
      `${name}: entries left out for having no target: 2 (#2, #3)`,
      `${name}: unreadable sizeGB values: 2 (db.a, db.b)`,
      `${name}: column mappings left out for having no columnName: 2 (db.a, db.a)`,
      `${name}: originalTypeMappings that are not lists: 1 (db.b)`
    ])
  })

  test.each([
    ['', /not valid JSON/],
    ['{"perTableStatus": [', /not valid JSON/],
    ['[]', /no perTableStatus list in it; nothing in it is reported\.$/],
    ['{"perTableStatus": {}}', /no perTableStatus list/],
    ['"x"', /no perTableStatus list/]
  ])('%j: one warning naming the file, no tables', (text, warning) => {
    const info = parseTablesInfo(FILE, text)
    expect(info.tables).toEqual([])
    expect(info.warnings).toEqual([
      expect.stringMatching(new RegExp(`^${chunkName(1, 3)}: .*${warning.source}`))
    ])
  })

  test('a byte-order mark is fine', () => {
    expect(parseTablesInfo(FILE, `\uFEFF${tablesJson(ORDERS)}`).tables).toHaveLength(1)
  })

  test('never throws on any text or any JSON, and every warning names the file', () => {
    const json = fc.jsonValue().map(value => JSON.stringify({ perTableStatus: [value] }))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), json), text => {
        const info = parseTablesInfo('f.json', text)
        for (const warning of info.warnings) expect(warning.startsWith('f.json: ')).toBe(true)
        expect(() => parseExportInfo('e.json', text, ID)).not.toThrow()
      })
    )
  })
})

describe('mergeTablesInfo', () => {
  test('files in range order, each target once, the ranges checked', () => {
    const first = {
      file: chunk(1, 2),
      info: parseTablesInfo(
        chunkName(1, 2),
        tablesJson(ORDERS, { ...ORDERS, target: 'appdb.public.a' })
      )
    }
    const second = {
      file: chunk(5, 6),
      info: parseTablesInfo(
        chunkName(5, 6),
        tablesJson({ ...ORDERS, status: 'FAILED' }, { target: 'appdb', warningMessage: 'w' })
      )
    }
    const merged = mergeTablesInfo([second, first])
    expect(merged.tables.map(t => [t.target, t.status])).toEqual([
      ['appdb.public.orders', 'COMPLETE'],
      ['appdb.public.a', 'COMPLETE']
    ])
    expect(merged.databaseWarnings).toHaveLength(1)
    expect(merged.warnings).toEqual([
      expect.stringContaining('export_tables_info for 3 to 4 is missing'),
      '1 table(s) are listed more than once in export_tables_info; the first entry is reported: appdb.public.orders.'
    ])
  })
})
