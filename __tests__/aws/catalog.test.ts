// catalogApi through the real Glue client against the stand-in's Glue: the answers the Glue phase
// decides on (a database or table that already exists, a table that isn't there) and the service
// its errors are tagged with.
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { GlueClient } from '@aws-sdk/client-glue'
import { catalogApi, type CatalogApi } from '../../src/aws/catalog.js'
import { explainError } from '../../src/errors.js'
import type { GlueTableInput } from '../../src/tables/glue.js'
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
