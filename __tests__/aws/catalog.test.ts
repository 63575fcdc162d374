// catalogApi through the real Glue client against the stand-in's Glue: the answers the Glue phase
// decides on (a database or table that already exists, a table that isn't there) and the service
// its errors are tagged with.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { GlueClient } from '@aws-sdk/client-glue'
import { catalogApi, type CatalogApi } from '../../src/aws/catalog.js'
import { explainError } from '../../src/errors.js'
import type { GluePartitionInput, GlueTableInput } from '../../src/tables/glue.js'
import { GlueCatalog, GlueService } from '../../test/standin/glue.js'
import { clientConfig, serveModule, type ServedModule } from '../../test/standin/export-serve.js'

let served: ServedModule
let glue: GlueClient
let api: CatalogApi

beforeEach(async () => {
  served = await serveModule(new GlueService(new GlueCatalog()))
  glue = new GlueClient(clientConfig(served.endpoint))
  api = catalogApi(() => glue)
})

afterEach(async () => {
  glue.destroy()
  await served.close()
})

const LOCATION = 's3://exports/nightly/exp-1/appdb/public.orders/'
const input = (): GlueTableInput => ({
  Name: 'appdb_public_orders',
  Description: 'appdb.public.orders',
  TableType: 'EXTERNAL_TABLE',
  Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
  StorageDescriptor: {
    Location: LOCATION,
    Columns: [{ Name: 'id', Type: 'bigint' }],
    InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    SerdeInfo: {
      SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
      Parameters: {}
    }
  },
  PartitionKeys: []
})

test('a database or table that already exists is no error: create answers false', async () => {
  expect(await api.ensureDatabase('exports', 'test')).toBe(true)
  expect(await api.ensureDatabase('exports', 'test')).toBe(false)
  expect(await api.table('exports', 'appdb_public_orders')).toBeUndefined()
  expect(await api.create('exports', input())).toBe(true)
  expect(await api.create('exports', input())).toBe(false)
  const table = await api.table('exports', 'appdb_public_orders')
  expect(table?.StorageDescriptor?.Location).toBe(LOCATION)
})

test('a database that does not exist: GetTable finds no table, CreateTable fails with the Glue hint', async () => {
  const error = await api.table('nowhere', 'orders').then(
    () => undefined,
    (e: unknown) => e
  )
  // Glue answers EntityNotFoundException for the database too: no table, no error.
  expect(error).toBeUndefined()
  const refused = await api.create('nowhere', input()).then(
    () => undefined,
    (e: unknown) => e
  )
  const explained = explainError(refused, 'Glue', 'rds')
  expect(explained.message).toMatch(/^CreateTable failed: /)
  expect(explained.hint).toContain('glue-database')
})

describe('the partitions of a history table', () => {
  const history = (): GlueTableInput => ({
    ...input(),
    Name: 'orders_history',
    PartitionKeys: [
      { Name: 'export_date', Type: 'string' },
      { Name: 'export_task', Type: 'string' }
    ]
  })
  const partition = (date: string, task: string): GluePartitionInput => ({
    Values: [date, task],
    Parameters: {},
    StorageDescriptor: input().StorageDescriptor
  })
  const calls = (operation: string) => served.log.filter(r => r.action === operation).length

  beforeEach(async () => {
    await api.ensureDatabase('exports', 'test')
    await api.create('exports', history())
  })

  test('added in calls of at most 100; one already there is counted, not an error', async () => {
    const many = Array.from({ length: 250 }, (_, i) => partition('2026-11-25', `t${i}`))
    expect(await api.addPartitions('exports', 'orders_history', many)).toEqual({
      added: 250,
      existing: 0
    })
    expect(calls('BatchCreatePartition')).toBe(3)
    expect(
      await api.addPartitions('exports', 'orders_history', [
        partition('2026-11-25', 't0'),
        partition('2026-11-26', 'new')
      ])
    ).toEqual({ added: 1, existing: 1 })
  })

  test('any other per-partition error fails the call, with its code and the Glue hint', async () => {
    const error = await api
      .addPartitions('exports', 'orders_history', [{ ...partition('x', 'y'), Values: ['x'] }])
      .then(
        () => undefined,
        (e: unknown) => e
      )
    const explained = explainError(error, 'Glue', 'rds')
    expect(explained.code).toBe('InvalidInputException')
    expect(explained.message).toMatch(
      /^BatchCreatePartition failed: InvalidInputException: The number of partition keys do not match .* \(partition x\)$/
    )
  })

  test('values by expression, every page; dropped in calls of at most 25', async () => {
    const dates = Array.from({ length: 60 }, (_, i) =>
      new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10)
    )
    await api.addPartitions(
      'exports',
      'orders_history',
      dates.map(d => partition(d, `n-${d}`))
    )
    const old = await api.partitionValues('exports', 'orders_history', "export_date < '2026-11-20'")
    expect(old).toHaveLength(50)
    expect(old[0]).toEqual(['2026-10-01', 'n-2026-10-01'])
    expect(
      await api.dropPartitions('exports', 'orders_history', [...old, ['1999-01-01', 'gone']])
    ).toBe(50)
    expect(calls('BatchDeletePartition')).toBe(3)
    expect(
      await api.partitionValues('exports', 'orders_history', "export_date < '2026-11-20'")
    ).toEqual([])
    expect(
      await api.partitionValues('exports', 'orders_history', "export_date >= '2026-11-20'")
    ).toHaveLength(10)
  })

  test('a table that is not there: the operation named, with the Glue hint', async () => {
    const error = await api.partitionValues('exports', 'nope', "export_date < 'x'").then(
      () => undefined,
      (e: unknown) => e
    )
    expect(explainError(error, 'Glue', 'rds').message).toMatch(/^GetPartitions failed: /)
  })
})

test('tables lists every table of the database; update replaces a definition', async () => {
  await api.ensureDatabase('exports', 'test')
  await api.create('exports', input())
  await api.create('exports', { ...input(), Name: 'other' })
  expect([...(await api.tables('exports')).keys()].sort()).toEqual(['appdb_public_orders', 'other'])
  const newer = { ...input(), Parameters: { classification: 'parquet', note: 'newer' } }
  await api.update('exports', newer)
  expect((await api.table('exports', 'appdb_public_orders'))?.Parameters?.note).toBe('newer')
})

describe('answers Glue may shorten', () => {
  // A client whose every answer is `answer`: the fields Glue's model leaves optional, left out.
  const answering = (answer: object): CatalogApi => {
    const client = new GlueClient({ region: 'us-east-1' })
    client.send = (async () => answer) as unknown as GlueClient['send']
    return catalogApi(() => client)
  }

  test('a per-partition error without detail fails the call as a service error', async () => {
    const error = await answering({ Errors: [{}] })
      .addPartitions('exports', 'orders_history', [
        { Values: ['d', 't'], Parameters: {}, StorageDescriptor: input().StorageDescriptor }
      ])
      .then(
        () => undefined,
        (e: unknown) => e
      )
    expect(explainError(error, 'Glue', 'rds').message).toBe(
      'BatchCreatePartition failed: InternalServiceException (partition )'
    )
  })

  test('a page without Partitions, a partition without Values: nothing', async () => {
    expect(await answering({}).partitionValues('exports', 't', "export_date < 'x'")).toEqual([])
    expect(
      await answering({ Partitions: [{}, { Values: ['d', 't'] }] }).partitionValues(
        'exports',
        't',
        "export_date < 'x'"
      )
    ).toEqual([['d', 't']])
    expect(await answering({}).dropPartitions('exports', 't', [['d', 't']])).toBe(1)
  })
})
