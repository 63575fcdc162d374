// The stand-in's Glue Data Catalog, through the real Glue client: create, get, update with and
// without archiving, paging, Glue's validation messages, and the refusals a test switches on.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GetPartitionsCommand,
  GetTableVersionsCommand,
  GetTablesCommand,
  GlueClient,
  UpdateTableCommand,
  paginateGetPartitions,
  paginateGetTables,
  type PartitionInput,
  type TableInput
} from '@aws-sdk/client-glue'
import { partitionFilter } from '../../test/standin/glue-expression.js'
import { GlueCatalog, GlueService } from '../../test/standin/glue.js'
import { clientConfig, serveModule, type ServedModule } from '../../test/standin/export-serve.js'
import { ServiceError, type ServiceRequest } from '../../test/standin/service.js'

let catalog: GlueCatalog
let served: ServedModule
let glue: GlueClient
let clock: number

/** A table as the action registers one: an external Parquet table over an export folder. */
function parquetTable(name: string, columns: [string, string][], exportId = 'exp-1'): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', 'rds-export-action:export-task-identifier': exportId },
    PartitionKeys: [],
    StorageDescriptor: {
      Location: `s3://exports/nightly/${exportId}/appdb/public.${name}/`,
      Columns: columns.map(([Name, Type]) => ({ Name, Type })),
      InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
      SerdeInfo: {
        SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
      }
    }
  }
}

async function failure(
  promise: Promise<unknown>
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected the call to fail')
  return error
}

async function withDatabase(name = 'appdb'): Promise<void> {
  await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: name } }))
}

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 12, 0, 0)
  catalog = new GlueCatalog({ now: () => new Date((clock += 1000)) })
  served = await serveModule(new GlueService(catalog))
  glue = new GlueClient(clientConfig(served.endpoint))
})

afterEach(async () => {
  glue.destroy()
  await served.close()
})

describe('databases', () => {
  test('created lower case, read back with its time and catalog', async () => {
    await glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: { Name: 'AppDB', Description: 'exports of prod' }
      })
    )
    const { Database } = await glue.send(new GetDatabaseCommand({ Name: 'appdb' }))
    expect(Database).toMatchObject({
      Name: 'appdb',
      Description: 'exports of prod',
      CatalogId: '123456789012',
      CreateTime: new Date(Date.UTC(2026, 10, 25, 12, 0, 1))
    })
    expect(catalog.databaseNames()).toEqual(['appdb'])
    await expect(glue.send(new GetDatabaseCommand({ Name: 'APPDB' }))).resolves.toBeDefined()
  })

  test('twice is AlreadyExistsException; unknown is EntityNotFoundException', async () => {
    await withDatabase()
    const again = await failure(withDatabase('APPDB'))
    expect([again.name, again.message, again.$metadata?.httpStatusCode]).toEqual([
      'AlreadyExistsException',
      'Database already exists.',
      400
    ])
    const missing = await failure(glue.send(new GetDatabaseCommand({ Name: 'nope' })))
    expect([missing.name, missing.message]).toEqual([
      'EntityNotFoundException',
      'Database nope not found.'
    ])
  })
})

describe('tables', () => {
  beforeEach(() => withDatabase())

  test('CreateTable then GetTable: the definition, lower-cased name, version 0, times', async () => {
    const input = parquetTable('Orders', [
      ['id', 'bigint'],
      ['total', 'decimal(12,2)']
    ])
    await glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    const { Table } = await glue.send(
      new GetTableCommand({ DatabaseName: 'AppDB', Name: 'ORDERS' })
    )
    expect(Table).toMatchObject({
      ...input,
      Name: 'orders',
      DatabaseName: 'appdb',
      VersionId: '0',
      CatalogId: '123456789012',
      IsRegisteredWithLakeFormation: false,
      Retention: 0
    })
    expect(Table?.CreateTime).toEqual(Table?.UpdateTime)
    expect(catalog.getTable('appdb', 'orders').StorageDescriptor?.Columns).toEqual([
      { Name: 'id', Type: 'bigint' },
      { Name: 'total', Type: 'decimal(12,2)' }
    ])
  })

  test("a table seeded directly (someone else's) reads back through the SDK", async () => {
    catalog.createTable('appdb', {
      Name: 'Crawled_Orders',
      TableType: 'EXTERNAL_TABLE',
      Parameters: { classification: 'parquet', UPDATED_BY_CRAWLER: 'nightly' },
      LastAccessTime: new Date(Date.UTC(2026, 0, 1))
    })
    const { Table } = await glue.send(
      new GetTableCommand({ DatabaseName: 'appdb', Name: 'crawled_orders' })
    )
    expect(Table).toMatchObject({
      Name: 'crawled_orders',
      Parameters: { UPDATED_BY_CRAWLER: 'nightly' },
      LastAccessTime: new Date(Date.UTC(2026, 0, 1))
    })
  })

  test('CreateTable twice, in a missing database, or GetTable of a missing one', async () => {
    const input = parquetTable('orders', [['id', 'int']])
    await glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    const again = await failure(
      glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    )
    expect([again.name, again.message]).toEqual(['AlreadyExistsException', 'Table already exists.'])
    const noDb = await failure(
      glue.send(new CreateTableCommand({ DatabaseName: 'other', TableInput: input }))
    )
    expect([noDb.name, noDb.message]).toEqual([
      'EntityNotFoundException',
      'Database other not found.'
    ])
    const noTable = await failure(
      glue.send(new GetTableCommand({ DatabaseName: 'appdb', Name: 'users' }))
    )
    expect([noTable.name, noTable.message]).toEqual([
      'EntityNotFoundException',
      'Table users not found.'
    ])
  })

  test('UpdateTable replaces the definition and archives the old one; SkipArchive does not', async () => {
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'appdb',
        TableInput: parquetTable('orders', [['id', 'int']])
      })
    )
    const second = parquetTable('orders', [['id', 'bigint']], 'exp-2')
    delete second.PartitionKeys
    await glue.send(new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: second }))
    const updated = catalog.getTable('appdb', 'orders')
    expect(updated.VersionId).toBe('1')
    expect(updated.PartitionKeys).toBeUndefined()
    expect(updated.StorageDescriptor?.Location).toBe(
      's3://exports/nightly/exp-2/appdb/public.orders/'
    )
    expect(updated.UpdateTime?.getTime()).toBeGreaterThan(updated.CreateTime?.getTime() ?? Infinity)

    const third = parquetTable('orders', [['id', 'bigint']], 'exp-3')
    await glue.send(
      new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: third, SkipArchive: true })
    )
    const { TableVersions } = await glue.send(
      new GetTableVersionsCommand({ DatabaseName: 'appdb', TableName: 'orders' })
    )
    expect(
      TableVersions?.map(v => [
        v.VersionId,
        v.Table?.Parameters?.['rds-export-action:export-task-identifier']
      ])
    ).toEqual([
      ['2', 'exp-3'],
      ['0', 'exp-1']
    ])
  })

  test('UpdateTable at a VersionId that is not current is ConcurrentModificationException', async () => {
    const input = parquetTable('orders', [['id', 'int']])
    await glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    const stale = await failure(
      glue.send(
        new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: input, VersionId: '7' })
      )
    )
    expect(stale.name).toBe('ConcurrentModificationException')
    await glue.send(
      new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: input, VersionId: '0' })
    )
    expect(catalog.getTable('appdb', 'orders').VersionId).toBe('1')
    const missing = await failure(
      glue.send(
        new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: parquetTable('users', []) })
      )
    )
    expect([missing.name, missing.message]).toEqual([
      'EntityNotFoundException',
      'Table users not found.'
    ])
  })

  test('GetTables pages by MaxResults with NextToken, and filters by Expression', async () => {
    for (const name of ['e', 'b', 'd', 'a', 'c']) {
      await glue.send(
        new CreateTableCommand({ DatabaseName: 'appdb', TableInput: parquetTable(name, []) })
      )
    }
    const pages: string[][] = []
    for await (const page of paginateGetTables(
      { client: glue, pageSize: 2 },
      { DatabaseName: 'appdb' }
    )) {
      pages.push(page.TableList?.map(t => t.Name as string) ?? [])
    }
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    const some = await glue.send(
      new GetTablesCommand({ DatabaseName: 'appdb', Expression: '[a-c]' })
    )
    expect(some.TableList?.map(t => t.Name)).toEqual(['a', 'b', 'c'])
    const bad = await failure(
      glue.send(new GetTablesCommand({ DatabaseName: 'appdb', MaxResults: 101 }))
    )
    expect([bad.name, bad.message]).toEqual([
      'InvalidInputException',
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100"
    ])
  })
})

describe('validation, as Glue words it', () => {
  beforeEach(() => withDatabase())

  test.each([
    [
      'an empty name',
      { Name: '' },
      "Value '' at 'tableInput.name' failed to satisfy constraint: Member must have length greater than or equal to 1"
    ],
    [
      'a 256-character name',
      { Name: 'x'.repeat(256) },
      'Member must have length less than or equal to 255'
    ],
    [
      'a name with a line break',
      { Name: 'two\nlines' },
      'Member must satisfy regular expression pattern'
    ],
    [
      'a column without a name',
      { Name: 't', StorageDescriptor: { Columns: [{ Type: 'int' }] } },
      "Value null at 'tableInput.storageDescriptor.columns.1.member.name' failed to satisfy constraint: Member must not be null"
    ],
    [
      'a negative Retention',
      { Name: 't', Retention: -1 },
      'Member must have value greater than or equal to 0'
    ]
  ])('%s is InvalidInputException', async (_label, input, message) => {
    const error = await failure(
      glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input as TableInput }))
    )
    expect(error.name).toBe('InvalidInputException')
    expect(error.message).toContain(message)
    expect(catalog.tableNames('appdb')).toEqual([])
  })

  test('lengths are UTF-8 bytes: a comment of 128 characters and 256 bytes is refused', async () => {
    const create = (comment: string) => {
      const table = parquetTable('commented', [['id', 'int']])
      const Columns = [{ Name: 'id', Type: 'int', Comment: comment }]
      return glue.send(
        new CreateTableCommand({
          DatabaseName: 'appdb',
          TableInput: { ...table, StorageDescriptor: { ...table.StorageDescriptor, Columns } }
        })
      )
    }
    const tooLong = 'é'.repeat(128)
    expect([tooLong.length, Buffer.byteLength(tooLong)]).toEqual([128, 256])
    const error = await failure(create(tooLong))
    expect(error.name).toBe('InvalidInputException')
    expect(error.message).toContain(
      "at 'tableInput.storageDescriptor.columns.1.member.comment' failed to satisfy constraint: Member must have length less than or equal to 255"
    )
    expect(catalog.tableNames('appdb')).toEqual([])
    // 255 bytes exactly: 127 two-byte characters and one ASCII one.
    await create(`${'é'.repeat(127)}.`)
    expect(catalog.tableNames('appdb')).toEqual(['commented'])
  })

  test('every violation is counted in one message', async () => {
    const input = { Name: '', Owner: '', StorageDescriptor: { InputFormat: 'f'.repeat(129) } }
    const error = await failure(
      glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    )
    expect(error.message).toMatch(
      /^3 validation errors detected: Value '' at 'tableInput.name'.*; /
    )
  })

  test('a missing TableInput, a member of the wrong type, an unknown operation', () => {
    const service = new GlueService(catalog)
    const call = (target: string, body: unknown): unknown =>
      service.handle(
        {
          method: 'POST',
          url: new URL('http://glue.local/'),
          headers: { 'x-amz-target': `AWSGlue.${target}` },
          body: Buffer.from(JSON.stringify(body)),
          requestId: 'test-request'
        } as ServiceRequest,
        target
      )
    expect(() => call('CreateTable', { DatabaseName: 'appdb' })).toThrow(
      "1 validation error detected: Value null at 'tableInput' failed to satisfy constraint: Member must not be null"
    )
    expect(() => call('CreateTable', { DatabaseName: 'appdb', TableInput: { Name: 5 } })).toThrow(
      expect.objectContaining({ code: 'SerializationException' })
    )
    expect(() => call('DeleteTable', {})).toThrow(
      expect.objectContaining({ code: 'UnknownOperationException' })
    )
  })

  test('errors render as Glue renders them', () => {
    const answer = new GlueService(catalog).error(
      new ServiceError('EntityNotFoundException', 400, 'Table x not found.'),
      'req-1'
    )
    expect(answer).toEqual({
      status: 400,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'req-1',
        'x-amzn-errortype': 'EntityNotFoundException'
      },
      body: '{"__type":"EntityNotFoundException","message":"Table x not found."}'
    })
  })
})

describe('refusals', () => {
  beforeEach(() => withDatabase())

  test('AccessDeniedException for one operation on one database, with the IAM wording', async () => {
    catalog.refuse({ code: 'AccessDeniedException', operation: 'CreateTable', database: 'appdb' })
    const error = await failure(
      glue.send(
        new CreateTableCommand({ DatabaseName: 'appdb', TableInput: parquetTable('orders', []) })
      )
    )
    expect([error.name, error.message]).toEqual([
      'AccessDeniedException',
      `User: ${catalog.principalArn} is not authorized to perform: glue:CreateTable on resource: ` +
        'arn:aws:glue:us-east-1:123456789012:database/appdb because no identity-based policy allows the glue:CreateTable action'
    ])
    await expect(glue.send(new GetDatabaseCommand({ Name: 'appdb' }))).resolves.toBeDefined()
  })

  test('ConcurrentModificationException injected for one call only', async () => {
    const input = parquetTable('orders', [['id', 'int']])
    await glue.send(new CreateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    catalog.refuse({
      code: 'ConcurrentModificationException',
      operation: 'UpdateTable',
      table: 'orders',
      times: 1
    })
    const first = await failure(
      glue.send(new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    )
    expect(first.name).toBe('ConcurrentModificationException')
    expect(catalog.getTable('appdb', 'orders').VersionId).toBe('0')
    await glue.send(new UpdateTableCommand({ DatabaseName: 'appdb', TableInput: input }))
    expect(catalog.getTable('appdb', 'orders').VersionId).toBe('1')
  })

  test("another account's CatalogId is AccessDeniedException", async () => {
    const error = await failure(
      glue.send(new GetDatabaseCommand({ Name: 'appdb', CatalogId: '999999999999' }))
    )
    expect([error.name, error.message]).toEqual([
      'AccessDeniedException',
      `User: ${catalog.principalArn} is not authorized to perform: glue:GetDatabase on resource: ` +
        'arn:aws:glue:us-east-1:999999999999:catalog'
    ])
    await expect(
      glue.send(new GetDatabaseCommand({ Name: 'appdb', CatalogId: '123456789012' }))
    ).resolves.toBeDefined()
  })
})

describe('partitions', () => {
  const keys = [
    { Name: 'export_date', Type: 'string' },
    { Name: 'export_task', Type: 'string' }
  ]
  const partition = (date: string, task: string): PartitionInput => ({
    Values: [date, task],
    StorageDescriptor: {
      Location: `s3://exports/nightly/${task}/appdb/public.orders/`,
      Columns: [{ Name: 'id', Type: 'bigint' }]
    }
  })
  const create = (inputs: PartitionInput[], table = 'orders_history') =>
    glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'appdb',
        TableName: table,
        PartitionInputList: inputs
      })
    )
  const values = async (Expression?: string, MaxResults?: number) => {
    const found: string[][] = []
    const pages = paginateGetPartitions(
      { client: glue, pageSize: MaxResults },
      { DatabaseName: 'appdb', TableName: 'orders_history', Expression }
    )
    for await (const page of pages) for (const p of page.Partitions ?? []) found.push(p.Values!)
    return found
  }

  beforeEach(async () => {
    await withDatabase()
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'appdb',
        TableInput: { ...parquetTable('orders_history', [['id', 'bigint']]), PartitionKeys: keys }
      })
    )
  })

  test('BatchCreatePartition: created, then AlreadyExistsException per partition on a second call', async () => {
    expect(
      (await create([partition('2026-11-24', 'a'), partition('2026-11-25', 'b')])).Errors
    ).toEqual([])
    const again = await create([partition('2026-11-25', 'b'), partition('2026-11-26', 'c')])
    expect(again.Errors).toEqual([
      {
        PartitionValues: ['2026-11-25', 'b'],
        ErrorDetail: {
          ErrorCode: 'AlreadyExistsException',
          ErrorMessage: 'Partition already exists.'
        }
      }
    ])
    const stored = catalog.getPartitions('appdb', 'orders_history')
    expect(stored.map(p => p.Values)).toEqual([
      ['2026-11-24', 'a'],
      ['2026-11-25', 'b'],
      ['2026-11-26', 'c']
    ])
    expect(stored[0]).toMatchObject({
      DatabaseName: 'appdb',
      TableName: 'orders_history',
      StorageDescriptor: { Location: 's3://exports/nightly/a/appdb/public.orders/' }
    })
  })

  test('values that do not match the PartitionKeys are a per-partition InvalidInputException', async () => {
    const answer = await create([{ Values: ['2026-11-24'] }])
    expect(answer.Errors?.[0]?.ErrorDetail?.ErrorCode).toBe('InvalidInputException')
    await glue.send(
      new CreateTableCommand({ DatabaseName: 'appdb', TableInput: parquetTable('plain', []) })
    )
    const plain = await create([partition('2026-11-24', 'a')], 'plain')
    expect(plain.Errors?.[0]?.ErrorDetail?.ErrorCode).toBe('InvalidInputException')
  })

  test('BatchCreatePartition takes at most 100, on a table that exists', async () => {
    const many = Array.from({ length: 101 }, (_, i) => partition('2026-01-01', `t${i}`))
    const error = await failure(create(many))
    expect(error.name).toBe('InvalidInputException')
    expect(error.message).toContain(
      "at 'partitionInputList' failed to satisfy constraint: Member must have length less than or equal to 100"
    )
    expect((await create(many.slice(0, 100))).Errors).toEqual([])
    const missing = await failure(create([partition('2026-01-01', 'x')], 'nope'))
    expect(missing.name).toBe('EntityNotFoundException')
  })

  test('GetPartitions: an Expression on the keys, pages with NextToken, no columns when excluded', async () => {
    await create([
      partition('2026-11-20', 'a'),
      partition('2026-11-28', 'b'),
      partition('2026-11-29', 'c'),
      partition('2026-12-06', 'd')
    ])
    expect(await values("export_date < '2026-11-29'", 1)).toEqual([
      ['2026-11-20', 'a'],
      ['2026-11-28', 'b']
    ])
    expect(await values()).toHaveLength(4)
    expect(await values("export_date >= '2026-11-29' AND export_task <> 'd'")).toEqual([
      ['2026-11-29', 'c']
    ])
    const answer = await glue.send(
      new GetPartitionsCommand({
        DatabaseName: 'appdb',
        TableName: 'orders_history',
        ExcludeColumnSchema: true,
        MaxResults: 1000
      })
    )
    expect(answer.Partitions?.[0]?.StorageDescriptor?.Columns).toBeUndefined()
    expect(answer.Partitions?.[0]?.StorageDescriptor?.Location).toBeDefined()
    const unknown = await failure(values("region = 'eu'"))
    expect(unknown.name).toBe('InvalidInputException')
    const garbled = await failure(values("export_date <<< 'x"))
    expect(garbled.name).toBe('InvalidInputException')
    const tooMany = await failure(values(undefined, 1001))
    expect(tooMany.message).toContain('Member must have value between 1 and 1000')
  })

  test('UpdateTable keeps the partitions', async () => {
    await create([partition('2026-11-20', 'a')])
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'appdb',
        TableInput: {
          ...parquetTable('orders_history', [
            ['id', 'bigint'],
            ['note', 'string']
          ]),
          PartitionKeys: keys
        },
        SkipArchive: true
      })
    )
    expect(await values()).toEqual([['2026-11-20', 'a']])
  })

  test('BatchDeletePartition: at most 25, EntityNotFoundException for one already gone', async () => {
    await create([partition('2026-11-20', 'a'), partition('2026-11-21', 'b')])
    const remove = (list: string[][]) =>
      glue.send(
        new BatchDeletePartitionCommand({
          DatabaseName: 'appdb',
          TableName: 'orders_history',
          PartitionsToDelete: list.map(Values => ({ Values }))
        })
      )
    const answer = await remove([
      ['2026-11-20', 'a'],
      ['2026-11-19', 'z']
    ])
    expect(answer.Errors).toEqual([
      {
        PartitionValues: ['2026-11-19', 'z'],
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Partition not found.' }
      }
    ])
    expect(await values()).toEqual([['2026-11-21', 'b']])
    const error = await failure(remove(Array.from({ length: 26 }, (_, i) => ['d', `${i}`])))
    expect(error.message).toContain(
      "at 'partitionsToDelete' failed to satisfy constraint: Member must have length less than or equal to 25"
    )
  })
})

describe('partition expressions', () => {
  const keys = [
    { Name: 'export_date', Type: 'string' },
    { Name: 'n', Type: 'int' }
  ]
  const row = (date: string, n: number) =>
    new Map<string, string | number>([
      ['export_date', date],
      ['n', String(n)]
    ])
  test.each([
    ["export_date = '2026-01-01'", true],
    ["export_date != '2026-01-01'", false],
    ["export_date > '2025-12-31' and n <= 3", true],
    ['n > 10 OR n = 3', true],
    ['NOT (n = 3)', false],
    ["export_date BETWEEN '2025-01-01' AND '2026-06-30'", true],
    ["export_date IN ('x', '2026-01-01')", true],
    ["export_date LIKE '2026-%'", true],
    ["export_date LIKE '2025-%'", false],
    ['n < 10', true], // numeric, not '3' < '10' as strings
    ['', true]
  ])('%s', (expression, expected) => {
    expect(partitionFilter(expression, keys)(row('2026-01-01', 3))).toBe(expected)
  })
  test.each(["export_date = '", 'n =', '(n = 1', 'n = 1 n', 'n ~ 1', "export_date IN ('a' 'b')"])(
    '%s is InvalidInputException',
    expression => {
      expect(() => partitionFilter(expression, keys)).toThrow(ServiceError)
    }
  )
})
