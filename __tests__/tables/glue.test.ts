import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  EXPORT_TASK_PARAMETER,
  OWNER_PARAMETER,
  TARGET_PARAMETER,
  HISTORY_PARTITION_KEYS,
  athenaHistoryQuery,
  athenaIdentifier,
  athenaQuery,
  daysBefore,
  expiredExpression,
  exportDate,
  exportsRoot,
  historyTableName,
  inBatches,
  partitionsToDrop,
  tableLocation,
  glueAction,
  glueConflictWarning,
  glueTableInput,
  glueTableName,
  ownedByAction,
  planGlueTables,
  registrable,
  type ExistingTable,
  type GlueTableInput
} from '../../src/tables/glue.js'
import type { TableReport, TablesReport } from '../../src/tables/report.js'
import { cases } from '../../__fixtures__/cases.js'

const IDENTITY = {
  exportTaskIdentifier: 'nightly-1',
  sourceArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:snap',
  snapshotTime: '2026-11-25T03:10:00Z'
}

const table = (target: string, fields: Partial<TableReport> = {}): TableReport => ({
  target,
  status: 'COMPLETE',
  s3Uri: `s3://exports/p/nightly-1/${target.replace('.', '/')}/`,
  columns: [
    { name: 'id', sourceType: 'bigint', parquetType: 'INT64', glueType: 'bigint' },
    { name: 'order', parquetType: 'BYTE_ARRAY UTF8', glueType: 'string' }
  ],
  columnsFrom: 'parquet',
  complete: true,
  problems: [],
  ...fields
})

const reportOf = (tables: TableReport[]) =>
  ({ tables, s3Uri: 's3://exports/p/nightly-1/' }) as TablesReport
const LOCATION = 's3://exports/p/nightly-1/appdb/public.orders/'

describe('glueTableName', () => {
  cases('%j + %j -> %s', glueTableName, [
    ['', 'appdb.public.orders', 'appdb_public_orders'],
    ['raw_', 'AppDB.Public.Orders', 'raw_appdb_public_orders'],
    ['', 'shop.order items', 'shop_order_items'],
    ['', 'db.public.Ünïcode', 'db_public__n_code'],
    ['', 'db.public.🚀', 'db_public__'],
    ['Raw-', 'db.t', 'raw_db_t'],
    ['', `db.${'x'.repeat(300)}`, `db_${'x'.repeat(252)}`]
  ])

  test('always a valid Glue name: 1-255 of a-z 0-9 _', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (prefix, target) => {
          expect(glueTableName(prefix, target)).toMatch(/^[a-z0-9_]{1,255}$/)
        }
      )
    )
  })
})

describe('glueTableInput', () => {
  test('an external Parquet table over the folder, typed, owned, showing the export', () => {
    expect(
      glueTableInput(table('appdb.public.orders'), 'appdb_public_orders', IDENTITY, LOCATION)
    ).toEqual({
      Name: 'appdb_public_orders',
      Description:
        'appdb.public.orders from RDS export nightly-1 of arn:aws:rds:eu-west-1:123456789012:snapshot:snap, registered by rds-export-action.',
      TableType: 'EXTERNAL_TABLE',
      Parameters: {
        classification: 'parquet',
        EXTERNAL: 'TRUE',
        'rds-export-action.managed-by': 'rds-export-action',
        'rds-export-action.export-task-identifier': 'nightly-1',
        'rds-export-action.target': 'appdb.public.orders',
        'rds-export-action.source-arn': IDENTITY.sourceArn,
        'rds-export-action.snapshot-time': '2026-11-25T03:10:00Z'
      },
      StorageDescriptor: {
        Location: 's3://exports/p/nightly-1/appdb/public.orders/',
        Columns: [
          { Name: 'id', Type: 'bigint', Comment: 'source type: bigint' },
          { Name: 'order', Type: 'string' }
        ],
        InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
        SerdeInfo: {
          SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
          Parameters: { 'serialization.format': '1' }
        }
      },
      PartitionKeys: []
    })
  })

  test('comments lose control characters and stop at 255 bytes', () => {
    const input = glueTableInput(
      table('db.t', {
        columns: [
          { name: 'c', sourceType: `a\nb${'é'.repeat(200)}`, parquetType: 'INT32', glueType: 'int' }
        ]
      }),
      'db_t',
      { exportTaskIdentifier: 'x' },
      's3://b/p/db/t/'
    )
    const comment = input.StorageDescriptor.Columns[0]!.Comment!
    expect(comment.startsWith('source type: a b')).toBe(true)
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(255)
    expect(Buffer.byteLength(comment)).toBeGreaterThan(250)
    expect(input.Parameters).not.toHaveProperty('rds-export-action.source-arn')
    expect(input.Description).toBe('db.t from RDS export x, registered by rds-export-action.')
  })
})

describe('planGlueTables', () => {
  test('registers complete tables without problems, with the prefix', () => {
    const { plans, warnings } = planGlueTables(
      reportOf([
        table('appdb.public.orders'),
        table('appdb.public.failed', { status: 'FAILED', complete: false }),
        table('appdb.public.bad', { problems: ['no columns'] }),
        table('appdb.public.nofolder', { s3Uri: undefined }),
        table('appdb.public.untyped', { columns: [{ name: 'x', parquetType: '?' }] }),
        table('appdb.public.nocolumns', { columns: [] })
      ]),
      'raw_',
      IDENTITY
    )
    expect(warnings).toEqual([])
    expect(plans.map(p => [p.target, p.name, p.input.Name])).toEqual([
      ['appdb.public.orders', 'raw_appdb_public_orders', 'raw_appdb_public_orders']
    ])
  })

  test('two targets that come to one name: neither is registered, and a warning names both', () => {
    const { plans, warnings } = planGlueTables(
      reportOf([
        table('db.public.a_b'),
        table('db.public_a.b'),
        table('db.public.c'),
        table('db.public.A_B', { complete: false })
      ]),
      '',
      IDENTITY
    )
    expect(plans.map(p => p.name)).toEqual(['db_public_c'])
    expect(warnings).toEqual([
      'Tables db.public.a_b, db.public_a.b, db.public.A_B all come to the Glue table name db_public_a_b, so none of them is registered. Rename a table, or export them separately with different glue-table-prefix values.'
    ])
  })

  test('registrable', () => {
    expect(registrable(table('db.t'), LOCATION)).toBe(true)
    expect(registrable(table('db.t'), undefined)).toBe(false)
    expect(registrable(table('db.t', { complete: false }), LOCATION)).toBe(false)
  })
})

describe('an existing Glue table', () => {
  const plan = {
    target: 'appdb.public.orders',
    name: 'appdb_public_orders',
    input: glueTableInput(table('appdb.public.orders'), 'appdb_public_orders', IDENTITY, LOCATION)
  }
  // Glue's GetTable answer for a table made from `input`: what Glue adds, plus the input.
  const asGlueShowsIt = (input: GlueTableInput): ExistingTable => ({
    ...structuredClone(input),
    Parameters: { ...input.Parameters, transient_lastDdlTime: '1764040200' }
  })

  test.each([
    ['none', undefined, 'create'],
    ['this action made it for this export', asGlueShowsIt(plan.input), 'unchanged'],
    [
      'this action made it for an earlier export',
      asGlueShowsIt({
        ...plan.input,
        Parameters: { ...plan.input.Parameters, [EXPORT_TASK_PARAMETER]: 'nightly-0' }
      }),
      'update'
    ],
    [
      'this action made it with other columns',
      asGlueShowsIt({
        ...plan.input,
        StorageDescriptor: {
          ...plan.input.StorageDescriptor,
          Columns: [{ Name: 'id', Type: 'int' }]
        }
      }),
      'update'
    ],
    [
      'this action made it before it recorded targets',
      asGlueShowsIt({
        ...plan.input,
        Parameters: { [OWNER_PARAMETER]: 'rds-export-action', [EXPORT_TASK_PARAMETER]: 'nightly-0' }
      }),
      'update'
    ],
    [
      'this action made it for another target',
      asGlueShowsIt({
        ...plan.input,
        Parameters: { ...plan.input.Parameters, [TARGET_PARAMETER]: 'appdb.public_orders' }
      }),
      'other-target'
    ],
    [
      'someone else made it',
      { Name: 'appdb_public_orders', Parameters: { classification: 'parquet' } },
      'foreign'
    ],
    ['someone else made it, without parameters', { Name: 'appdb_public_orders' }, 'foreign'],
    [
      'someone claims the marker wrongly',
      { Parameters: { [OWNER_PARAMETER]: 'someone' } },
      'foreign'
    ]
  ] as [string, ExistingTable | undefined, string][])('%s', (_, existing, action) => {
    expect(glueAction(existing, plan)).toBe(action)
  })

  test('ownedByAction', () => {
    expect(ownedByAction(plan.input)).toBe(true)
    expect(ownedByAction(undefined)).toBe(false)
    expect(ownedByAction({ Parameters: {} })).toBe(false)
  })

  test('the warnings name the table, the target and what to do', () => {
    expect(glueConflictWarning('foreign', 'lake', plan, {})).toBe(
      'Glue table lake.appdb_public_orders exists and was not created by this action (it has no rds-export-action.managed-by parameter), so it is left unchanged and appdb.public.orders is not registered. Remove that table or choose another glue-table-prefix.'
    )
    expect(
      glueConflictWarning('other-target', 'lake', plan, {
        Parameters: { [TARGET_PARAMETER]: 'appdb.public_orders' }
      })
    ).toBe(
      'Glue table lake.appdb_public_orders was registered by this action for appdb.public_orders, not appdb.public.orders, so it is left unchanged. Choose another glue-table-prefix for this export.'
    )
  })
})

describe('Athena', () => {
  test.each([
    ['orders', 'orders'],
    ['appdb_public_orders', 'appdb_public_orders'],
    ['order', '"order"'],
    ['select', '"select"'],
    ['values', '"values"'],
    ['1st_table', '"1st_table"'],
    ['_hidden', '"_hidden"'],
    ['Mixed', '"Mixed"'],
    ['with space', '"with space"'],
    ['quote"d', '"quote""d"'],
    ['user', 'user'],
    ['date', 'date']
  ])('%s -> %s', (name, quoted) => {
    expect(athenaIdentifier(name)).toBe(quoted)
  })

  test('a ready-to-run query', () => {
    expect(athenaQuery('lake', 'appdb_public_orders')).toBe(
      'SELECT * FROM lake.appdb_public_orders LIMIT 10;'
    )
    expect(athenaQuery('2024_lake', 'order', 5)).toBe('SELECT * FROM "2024_lake"."order" LIMIT 5;')
  })

  test('quoting round-trips any name', () => {
    fc.assert(
      fc.property(fc.string(), name => {
        const quoted = athenaIdentifier(name)
        const unquoted = quoted.startsWith('"') ? quoted.slice(1, -1).replace(/""/g, '"') : quoted
        expect(unquoted).toBe(name)
      })
    )
  })
})

describe('the history of a table (glue-history)', () => {
  const report = reportOf([
    table('appdb.public.orders'),
    table('appdb.public.empty', { s3Uri: undefined, empty: true, columnsFrom: 'metadata' }),
    table('shop.items', { s3Uri: undefined, empty: true, columnsFrom: 'metadata' }),
    table('appdb.public.gone', { s3Uri: undefined })
  ])
  const { plans, warnings } = planGlueTables(report, '', IDENTITY, { exportDate: '2026-11-25' })

  test('each registered table gets <name>_history, within 255 characters', () => {
    expect(warnings).toEqual([])
    expect(plans.map(p => [p.name, p.history?.name])).toEqual([
      ['appdb_public_orders', 'appdb_public_orders_history'],
      ['appdb_public_empty', 'appdb_public_empty_history'],
      ['shop_items', 'shop_items_history']
    ])
    expect(historyTableName('t'.repeat(255))).toBe(`${'t'.repeat(247)}_history`)
    expect(historyTableName('t'.repeat(255))).toHaveLength(255)
  })

  test('the history table: the latest columns, partitioned by export_date then export_task, naming no export', () => {
    const [orders] = plans
    const history = orders!.history!.input
    expect(history.PartitionKeys.map(k => [k.Name, k.Type])).toEqual([
      ['export_date', 'string'],
      ['export_task', 'string']
    ])
    expect(history.StorageDescriptor.Columns).toEqual(orders!.input.StorageDescriptor.Columns)
    expect(history.StorageDescriptor.Location).toBe('s3://exports/p/')
    expect(history.Parameters).toEqual({
      classification: 'parquet',
      EXTERNAL: 'TRUE',
      [OWNER_PARAMETER]: 'rds-export-action',
      [TARGET_PARAMETER]: 'appdb.public.orders'
    })
    expect(history.Description).not.toContain('nightly-1')
    // A later export with the same columns plans the very same history table.
    const later = planGlueTables(
      report,
      '',
      { exportTaskIdentifier: 'nightly-2', snapshotTime: '2026-11-26T03:10:00Z' },
      { exportDate: '2026-11-26' }
    )
    expect(later.plans[0]!.history!.input).toEqual(history)
    expect(later.plans[0]!.input).not.toEqual(orders!.input)
  })

  test("the partition: this export's values, folder, columns and identity", () => {
    const partition = plans[0]!.history!.partition
    expect(partition.Values).toEqual(['2026-11-25', 'nightly-1'])
    expect(partition.StorageDescriptor).toEqual(plans[0]!.input.StorageDescriptor)
    expect(partition.StorageDescriptor.Location).toBe(LOCATION)
    expect(partition.Parameters).toEqual({
      [EXPORT_TASK_PARAMETER]: 'nightly-1',
      'rds-export-action.source-arn': IDENTITY.sourceArn,
      'rds-export-action.snapshot-time': IDENTITY.snapshotTime
    })
    const bare = planGlueTables(report, '', { exportTaskIdentifier: 'x' }, { exportDate: 'd' })
    expect(bare.plans[0]!.history!.partition.Parameters).toEqual({ [EXPORT_TASK_PARAMETER]: 'x' })
  })

  test('an empty complete table is registered at the folder RDS uses for it', () => {
    expect(plans[1]!.input.StorageDescriptor.Location).toBe(
      's3://exports/p/nightly-1/appdb/public.empty/'
    )
    expect(plans[2]!.input.StorageDescriptor.Location).toBe(
      's3://exports/p/nightly-1/shop/shop.items/'
    )
    expect(plans[1]!.history!.partition.StorageDescriptor.Location).toBe(
      's3://exports/p/nightly-1/appdb/public.empty/'
    )
  })

  test('tableLocation: the folder with its slash, the RDS folder of an empty table, else none', () => {
    expect(tableLocation(report, table('db.t', { s3Uri: 's3://b/p/db/t' }))).toBe('s3://b/p/db/t/')
    expect(
      tableLocation(report, table('odd db.public.my "t"', { s3Uri: undefined, empty: true }))
    ).toBe('s3://exports/p/nightly-1/odd_db/public.my__t_/')
    expect(tableLocation(report, table('lonely', { s3Uri: undefined, empty: true }))).toBe(
      undefined
    )
    expect(tableLocation(report, table('db.t', { s3Uri: undefined }))).toBe(undefined)
  })

  test('exportsRoot: the folder every export of the prefix lies under', () => {
    expect(exportsRoot('s3://b/p/q/nightly-1/')).toBe('s3://b/p/q/')
    expect(exportsRoot('s3://b/nightly-1')).toBe('s3://b/')
  })

  test("a table whose name is another's history name: both left out, with a warning", () => {
    const clash = planGlueTables(
      reportOf([table('db.orders'), table('db.orders_history'), table('db.items')]),
      '',
      IDENTITY,
      { exportDate: '2026-11-25' }
    )
    expect(clash.plans.map(p => p.name)).toEqual(['db_items'])
    expect(clash.warnings).toEqual([
      'Tables db.orders, db.orders_history all come to the Glue table name db_orders_history, so none of them is registered. Rename a table, or export them separately with different glue-table-prefix values.'
    ])
    // Without history there is no clash.
    const latest = planGlueTables(
      reportOf([table('db.orders'), table('db.orders_history')]),
      '',
      IDENTITY
    )
    expect(latest.plans.map(p => p.history)).toEqual([undefined, undefined])
    expect(latest.warnings).toEqual([])
  })

  test('a history table made with other partition keys is updated, the same one unchanged', () => {
    const plan = { ...plans[0]!, input: plans[0]!.history!.input }
    const same: ExistingTable = structuredClone(plan.input)
    expect(glueAction(same, plan)).toBe('unchanged')
    const other: ExistingTable = { ...structuredClone(plan.input), PartitionKeys: [] }
    expect(glueAction(other, plan)).toBe('update')
    expect(glueAction({ ...same, Parameters: {} }, plan)).toBe('foreign')
  })

  test('the keys, in order', () => {
    expect(HISTORY_PARTITION_KEYS.map(k => k.Name)).toEqual(['export_date', 'export_task'])
  })
})

describe('exportDate', () => {
  const snapshot = new Date('2026-11-25T23:59:59.999Z')
  const start = new Date('2026-11-26T01:00:00Z')
  cases('%j -> %s', exportDate, [
    [{ SourceType: 'SNAPSHOT', SnapshotTime: snapshot, TaskStartTime: start }, '2026-11-25'],
    [{ SourceType: 'CLUSTER', SnapshotTime: snapshot, TaskStartTime: start }, '2026-11-26'],
    [{ SourceType: 'CLUSTER', TaskStartTime: start }, '2026-11-26'],
    [{ SourceType: 'SNAPSHOT', TaskStartTime: start }, '2026-11-26'],
    [{ SnapshotTime: new Date('2026-01-01T00:00:00+02:00') }, '2025-12-31'],
    [{ SnapshotTime: new Date(NaN) }, undefined],
    [{}, undefined]
  ])
})

describe('glue-history-days', () => {
  test('daysBefore, across months and leap days', () => {
    expect(daysBefore('2026-12-06', 1)).toBe('2026-12-05')
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28')
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29')
    expect(daysBefore('2027-01-05', 30)).toBe('2026-12-06')
  })

  test('the expression asks only for partitions past the horizon', () => {
    expect(expiredExpression('2026-12-06', 7)).toBe("export_date < '2026-11-29'")
  })

  test('drops only what is more than N days before, checked, never this export', () => {
    const answered = [
      { Values: ['2026-11-28', 'a'] },
      { Values: ['2026-11-29', 'b'] }, // exactly 7 days before: kept
      { Values: ['2026-12-06', 'own'] },
      { Values: ['2026-11-01', 'c'] },
      { Values: ['2026-11-01', 'c'] }, // twice in the answer: dropped once
      { Values: ['not-a-date', 'd'] },
      { Values: ['2026-11-02'] },
      {}
    ]
    expect(partitionsToDrop(answered, '2026-12-06', 7, ['2026-12-06', 'own'])).toEqual([
      ['2026-11-28', 'a'],
      ['2026-11-01', 'c']
    ])
    // Even if an answer claimed this export's partition was old, it is kept.
    expect(
      partitionsToDrop([{ Values: ['2026-01-01', 'x'] }], '2026-01-01', 0, ['2026-01-01', 'x'])
    ).toEqual([])
  })

  test('inBatches', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(inBatches([], 25)).toEqual([])
    expect(
      inBatches(
        Array.from({ length: 100 }, (_, i) => i),
        100
      )
    ).toHaveLength(1)
  })
})

describe('athenaHistoryQuery', () => {
  test('one night, by export_date, names quoted where they must be', () => {
    expect(athenaHistoryQuery('exports', 'orders_history', '2026-11-25')).toBe(
      "SELECT * FROM exports.orders_history WHERE export_date = '2026-11-25' LIMIT 10;"
    )
    expect(athenaHistoryQuery('select', '1t', "x'y")).toBe(
      `SELECT * FROM "select"."1t" WHERE export_date = 'x''y' LIMIT 10;`
    )
  })
})
