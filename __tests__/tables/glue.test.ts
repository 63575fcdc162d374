import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  EXPORT_TASK_PARAMETER,
  OWNER_PARAMETER,
  TARGET_PARAMETER,
  athenaIdentifier,
  athenaQuery,
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

const reportOf = (tables: TableReport[]) => ({ tables }) as TablesReport

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
    expect(glueTableInput(table('appdb.public.orders'), 'appdb_public_orders', IDENTITY)).toEqual({
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

  test('a location gets its trailing slash; comments lose control characters and stop at 255 bytes', () => {
    const input = glueTableInput(
      table('db.t', {
        s3Uri: 's3://b/p/db/t',
        columns: [
          { name: 'c', sourceType: `a\nb${'é'.repeat(200)}`, parquetType: 'INT32', glueType: 'int' }
        ]
      }),
      'db_t',
      { exportTaskIdentifier: 'x' }
    )
    expect(input.StorageDescriptor.Location).toBe('s3://b/p/db/t/')
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
    expect(registrable(table('db.t'))).toBe(true)
    expect(registrable(table('db.t', { complete: false }))).toBe(false)
  })
})

describe('an existing Glue table', () => {
  const plan = {
    target: 'appdb.public.orders',
    name: 'appdb_public_orders',
    input: glueTableInput(table('appdb.public.orders'), 'appdb_public_orders', IDENTITY)
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
