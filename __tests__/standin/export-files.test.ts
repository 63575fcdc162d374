// What the stand-in writes when an export completes: the layout, the two metadata files, real
// Parquet files whose footers carry RDS's types and whose rows read back, every variation, and
// the materialize hook, down to reading a footer with ranged GETs through the real S3 client.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { parquetMetadata, parquetMetadataAsync } from 'hyparquet'
import {
  ExportFiles,
  exportWarningMessage,
  kmsKeyArn,
  localeTime,
  readLocation,
  readParquetRows,
  writeExport,
  type ExportSource,
  type ExportTaskLike,
  type ExportVariations,
  type WrittenExport
} from '../../test/standin/export-files.js'
import {
  APPDB,
  ODD_NAMES,
  SHOP,
  cleanSource,
  defaultSource,
  manyTables
} from '../../test/standin/export-fixtures.js'
import { mapColumn, parseSourceType, type Engine } from '../../test/standin/export-types.js'
import { GlueCatalog } from '../../test/standin/glue.js'
import { S3Service, S3Store } from '../../test/standin/s3.js'
import { clientConfig, serveModule } from '../../test/standin/export-serve.js'
import { cases } from '../../__fixtures__/cases.js'

const ACCOUNT = '123456789012'
const BUCKET = 'exports'

function task(overrides: Partial<ExportTaskLike> = {}): ExportTaskLike {
  return {
    ExportTaskIdentifier: 'exp-1',
    SourceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:nightly`,
    S3Bucket: BUCKET,
    S3Prefix: 'nightly',
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-export`,
    KmsKeyId: 'alias/exports',
    Status: 'COMPLETE',
    SnapshotTime: new Date('2026-11-25T03:10:00Z'),
    TaskStartTime: new Date('2026-11-25T04:00:00Z'),
    TaskEndTime: new Date('2026-11-25T04:40:00Z'),
    TotalExtractedDataInGB: 12,
    ...overrides
  }
}

let store: S3Store

function write(source: ExportSource, overrides: Partial<ExportTaskLike> = {}): WrittenExport {
  return writeExport(store, task(overrides), source)
}

function variant(variations: ExportVariations, engine = 'postgres'): WrittenExport {
  return write({ ...defaultSource(engine), variations })
}

function json(key: string): unknown {
  return JSON.parse(store.getObject(BUCKET, key)?.body.toString() ?? 'missing')
}

/** An entry of perTableStatus: a table, or a database-level warning (target, warningMessage). */
interface Entry {
  target: string
  status?: string
  sizeGB?: number
  warningMessage?: string
  tableStatistics: {
    extractionStartTime: string
    partitioningInfo: { numberOfPartitions: number; numberOfCompletedPartitions: number }
  }
  schemaMetadata: { originalTypeMappings: unknown[] }
}

function entries(written: WrittenExport): Entry[] {
  return written.metadataKeys
    .filter(key => key.includes('export_tables_info_'))
    .flatMap(key => (json(key) as { perTableStatus: Entry[] }).perTableStatus)
}

function entry(written: WrittenExport, target: string): Entry {
  const found = entries(written).find(e => e.target === target)
  if (!found) throw new Error(`no entry ${target}`)
  return found
}

function table(written: WrittenExport, target: string): WrittenExport['tables'][number] {
  const found = written.tables.find(t => t.target === target)
  if (!found) throw new Error(`no table ${target}`)
  return found
}

function body(key: string): Uint8Array {
  const object = store.getObject(BUCKET, key)
  if (!object) throw new Error(`no object ${key}`)
  return object.body
}

/** The bytes alone: a small Buffer is a view into a shared pool. */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

function bytesOf(key: string): ArrayBuffer {
  return arrayBuffer(body(key))
}

beforeEach(() => {
  store = new S3Store()
})

describe('the type conversion of the RDS user guide', () => {
  // engine | source type | Parquet type as parquet-mr prints it | Glue type | originalType
  const TABLE = [
    'postgres | smallint                    | int32 (INT_16)                           | smallint      | smallint',
    'postgres | integer                     | int32                                    | int           | integer',
    'postgres | bigint                      | int64                                    | bigint        | bigint',
    'postgres | real                        | float                                    | float         | real',
    'postgres | double precision            | double                                   | double        | double precision',
    'postgres | numeric(12,2)               | binary (UTF8)                            | string        | numeric',
    'postgres | varchar(80)                 | binary (UTF8)                            | string        | character varying',
    'postgres | text                        | binary (UTF8)                            | string        | text',
    'postgres | boolean                     | boolean                                  | boolean       | boolean',
    'postgres | date                        | binary (UTF8)                            | string        | date',
    'postgres | timestamp without time zone | binary (UTF8)                            | string        | timestamp without time zone',
    'postgres | timestamptz                 | binary (UTF8)                            | string        | timestamp with time zone',
    'postgres | jsonb                       | binary (UTF8)                            | string        | jsonb',
    'postgres | uuid                        | binary (UTF8)                            | string        | uuid',
    'postgres | bytea                       | binary                                   | binary        | bytea',
    'postgres | integer[]                   | binary (UTF8)                            | string        | ARRAY',
    'postgres | inet                        | binary (UTF8)                            | string        | inet',
    'mysql    | int                         | int32                                    | int           | int',
    'mysql    | int unsigned                | int64                                    | bigint        | int unsigned',
    'mysql    | bigint                      | int64                                    | bigint        | bigint',
    'mysql    | bigint unsigned             | fixed_len_byte_array(9) (DECIMAL(20,0))  | decimal(20,0) | bigint unsigned',
    'mysql    | decimal(5,2)                | int32 (DECIMAL(5,2))                     | decimal(5,2)  | decimal',
    'mysql    | decimal(10,2)               | int64 (DECIMAL(10,2))                    | decimal(10,2) | decimal',
    'mysql    | decimal(30,4)               | fixed_len_byte_array(13) (DECIMAL(30,4)) | decimal(30,4) | decimal',
    'mysql    | decimal(65,2)               | binary (UTF8)                            | string        | decimal',
    'mysql    | double                      | double                                   | double        | double',
    'mysql    | float                       | double                                   | double        | float',
    'mysql    | varchar(255)                | binary (UTF8)                            | string        | varchar',
    'mysql    | datetime                    | int64 (TIMESTAMP_MICROS)                 | timestamp     | datetime',
    'mysql    | tinyint(1)                  | int32 (INT_8)                            | tinyint       | tinyint',
    'mysql    | smallint                    | int32 (INT_16)                           | smallint      | smallint',
    'mysql    | mediumint unsigned          | int64                                    | bigint        | mediumint unsigned',
    'mysql    | blob                        | binary                                   | binary        | blob',
    'mysql    | date                        | binary (UTF8)                            | string        | date'
  ].map(line => line.split('|').map(cell => cell.trim()))

  test.each(TABLE)(
    '%s %s is %s, %s in Glue, %s in the metadata',
    (engine, type, parquet, glue, original) => {
      const mapping = mapColumn(engine as Engine, { name: 'c', type: type as string })
      expect([
        mapping.entry.expectedExportedType,
        mapping.glueType,
        mapping.entry.originalType
      ]).toEqual([parquet, glue, original])
    }
  )

  test('an enum is USER-DEFINED; precisions and lengths come with the entry', () => {
    const status = mapColumn('postgres', { name: 's', type: 'mood', enumValues: ['ok'] })
    expect(status.entry).toMatchObject({
      originalType: 'USER-DEFINED',
      expectedExportedType: 'binary (UTF8)'
    })
    expect(
      mapColumn('postgres', { name: 'n', type: 'numeric(12,2)' }).entry.originalNumPrecision
    ).toBe(12)
    expect(
      mapColumn('postgres', { name: 'v', type: 'varchar(80)' }).entry.originalCharMaxLength
    ).toBe(80)
    expect(
      mapColumn('postgres', { name: 't', type: 'timestamp(3)' }).entry.originalDateTimePrecision
    ).toBe(3)
    expect(parseSourceType('Character Varying(80)[]')).toEqual({
      base: 'character varying',
      args: [80],
      unsigned: false,
      array: true
    })
  })
})

describe('a PostgreSQL export', () => {
  let written: WrittenExport
  beforeEach(() => {
    written = write(defaultSource('postgres'))
  })

  test('data files at <prefix>/<id>/<db>/<schema>.<table>/<batch>/part-N-<uuid>-c000.gz.parquet', () => {
    const data = store.keys(BUCKET).filter(key => key.endsWith('.parquet'))
    for (const key of data) {
      expect(key).toMatch(
        /^nightly\/exp-1\/appdb\/(public|billing)\.[a-z-]+\/[12]\/part-0000[01]-[0-9a-f-]{36}-c000\.gz\.parquet$/
      )
    }
    const orders = table(written, 'appdb.public.orders')
    expect(
      orders.files.map(key =>
        key.slice(orders.folder.length).replace(/-[0-9a-f-]{36}-/, '-<uuid>-')
      )
    ).toEqual([
      '1/part-00000-<uuid>-c000.gz.parquet',
      '2/part-00000-<uuid>-c000.gz.parquet',
      '2/part-00001-<uuid>-c000.gz.parquet'
    ])
    expect(data.sort()).toEqual(written.tables.flatMap(t => t.files).sort())
    expect(table(written, 'appdb.billing.invoices').folder).toBe(
      'nightly/exp-1/appdb/billing.invoices/'
    )
  })

  test('export_info and two export_tables_info chunks beside the data', () => {
    expect(written.metadataKeys).toEqual([
      'nightly/exp-1/export_info_exp-1.json',
      'nightly/exp-1/export_tables_info_exp-1_from_1_to_4.json',
      'nightly/exp-1/export_tables_info_exp-1_from_5_to_8.json'
    ])
    expect(json(written.metadataKeys[0] as string)).toEqual({
      exportTaskIdentifier: 'exp-1',
      sourceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:nightly`,
      exportOnly: [],
      snapshotTime: 'Nov 25, 2026, 3:10:00 AM',
      taskStartTime: 'Nov 25, 2026, 4:00:00 AM',
      taskEndTime: 'Nov 25, 2026, 4:40:00 AM',
      s3Bucket: BUCKET,
      s3Prefix: 'nightly',
      exportedFilesPath: 'exports/nightly/exp-1',
      iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-export`,
      kmsKeyId: 'alias/exports',
      status: 'COMPLETE',
      percentProgress: 100,
      totalExportedDataInGB: 12
    })
    expect(entries(written).map(e => e.target)).toEqual([
      'reporting',
      'appdb.public.customers',
      'appdb.public.orders',
      'appdb.public.order',
      'appdb.public.line-items',
      'appdb.public.audit_log',
      'appdb.public.secrets',
      'appdb.billing.invoices'
    ])
  })

  test('a table entry: status, size, extraction times as locale text, partitions, type mappings', () => {
    const orders = entry(written, 'appdb.public.orders')
    expect(orders.status).toBe('COMPLETE')
    expect(orders.sizeGB).toBeGreaterThan(0)
    expect(orders.tableStatistics.extractionStartTime).toMatch(/^Nov 25, 2026, 4:\d\d:\d\d AM$/)
    expect(orders.tableStatistics.partitioningInfo).toMatchObject({
      numberOfPartitions: 3,
      numberOfCompletedPartitions: 3,
      constraintType: 'CTID'
    })
    expect(orders.schemaMetadata.originalTypeMappings[2]).toEqual({
      columnName: 'total',
      originalType: 'numeric',
      expectedExportedType: 'binary (UTF8)',
      originalCharMaxLength: 0,
      originalNumPrecision: 12,
      originalDateTimePrecision: 0
    })
    const sizes = entries(written).map(e => e.sizeGB ?? 0)
    expect(sizes.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 3)
  })

  test('a skipped table, an empty table and a database-level warning', () => {
    const all = entries(written)
    const skipped = entry(written, 'appdb.public.secrets')
    expect(skipped).toMatchObject({
      status: 'SKIPPED',
      warningMessage: 'PERMISSIONS_DO_NOT_EXIST',
      sizeGB: 0
    })
    const partitions = skipped.tableStatistics.partitioningInfo
    expect(partitions.numberOfCompletedPartitions).toBeLessThan(partitions.numberOfPartitions)
    expect(store.keys(BUCKET, table(written, 'appdb.public.secrets').folder)).toEqual([])
    const empty = all.find(e => e.target === 'appdb.public.audit_log')
    expect(empty).toMatchObject({ status: 'COMPLETE', sizeGB: 0 })
    expect(store.keys(BUCKET, table(written, 'appdb.public.audit_log').folder)).toEqual([])
    expect(all[0]).toEqual({
      target: 'reporting',
      warningMessage: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE'
    })
    expect(written.warnings).toEqual({ reporting: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' })
  })

  test('every object is SSE-KMS with the key as an ARN', () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/exports`
    expect(new Set(store.keys(BUCKET).map(k => store.getObject(BUCKET, k)?.sseKmsKeyId))).toEqual(
      new Set([key])
    )
    expect(kmsKeyArn('1234abcd', `arn:aws-cn:rds:cn-north-1:${ACCOUNT}:snapshot:s`)).toBe(
      `arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/1234abcd`
    )
  })

  test('the footers carry the types RDS gives; the rows read back whole', async () => {
    for (const t of written.tables) {
      const rows: Record<string, unknown>[] = []
      for (const key of t.files) {
        const metadata = parquetMetadata(bytesOf(key))
        expect(metadata.created_by).toMatch(/^parquet-mr version /)
        expect(metadata.row_groups[0]?.columns[0]?.meta_data?.codec).toBe('GZIP')
        expect(metadata.schema.slice(1).map(e => e.name)).toEqual(t.columns.map(c => c.name))
        const spark = metadata.key_value_metadata?.find(
          kv => kv.key === 'org.apache.spark.sql.parquet.row.metadata'
        )
        expect(JSON.parse(spark?.value ?? '{}').fields).toHaveLength(t.columns.length)
        rows.push(...(await readParquetRows(body(key))))
      }
      expect(rows).toEqual(t.rows)
    }
    const customers = table(written, 'appdb.public.customers')
    expect(customers.rows).toHaveLength(5)
    expect(customers.rows[0]).toMatchObject({
      id: 1,
      name: 'name-1',
      active: true,
      created_at: '2024-01-01 00:04:00'
    })
    expect(table(written, 'appdb.public.orders').rows).toHaveLength(7)
  })

  test('the source schema element of each column is what the mapping says', () => {
    const orders = table(written, 'appdb.public.orders')
    const metadata = parquetMetadata(bytesOf(orders.files[0] as string))
    const element = (name: string): unknown => metadata.schema.find(e => e.name === name)
    expect(element('id')).toMatchObject({ type: 'INT64', repetition_type: 'OPTIONAL' })
    expect(element('total')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' })
    const lineItems = table(written, 'appdb.public.line-items')
    const items = parquetMetadata(bytesOf(lineItems.files[0] as string))
    expect(items.schema.find(e => e.name === 'qty')).toMatchObject({
      type: 'INT32',
      converted_type: 'INT_16'
    })
    expect(items.schema.find(e => e.name === 'image')).toEqual(
      expect.not.objectContaining({ converted_type: expect.anything() })
    )
  })
})

describe('a MySQL export', () => {
  test('<db>/<db>.<table>/ folders, db.table targets, MySQL Parquet types, rows read back', async () => {
    const written = write(defaultSource('mysql'), {
      SourceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:shop`
    })
    expect(written.tables.map(t => [t.target, t.folder])).toEqual([
      ['shop.products', 'nightly/exp-1/shop/shop.products/'],
      ['shop.stock_moves', 'nightly/exp-1/shop/shop.stock_moves/']
    ])
    const moves = table(written, 'shop.stock_moves')
    expect(
      moves.files.map(key => key.slice(moves.folder.length, moves.folder.length + 13))
    ).toEqual(['1/part-00000-', '1/part-00001-', '2/part-00000-'])
    const metadata = parquetMetadata(bytesOf(moves.files[0] as string))
    expect(metadata.schema.find(e => e.name === 'id')).toMatchObject({
      type: 'FIXED_LEN_BYTE_ARRAY',
      type_length: 9,
      converted_type: 'DECIMAL',
      precision: 20,
      scale: 0
    })
    expect(metadata.schema.find(e => e.name === 'moved_at')).toMatchObject({
      type: 'INT64',
      converted_type: 'TIMESTAMP_MICROS'
    })
    for (const t of written.tables) {
      const rows = []
      for (const key of t.files) rows.push(...(await readParquetRows(body(key))))
      expect(rows).toEqual(t.rows)
    }
    expect(table(written, 'shop.products').rows[1]).toMatchObject({ price: 124.46, active: 1 })
    expect(moves.rows.map(r => r.kind)).toContain('out')
  })
})

describe('the oracle an end-to-end test uses', () => {
  test('each table registered from its folder and Glue types reads back through the catalog', async () => {
    const written = write(defaultSource('postgres'))
    const catalog = new GlueCatalog()
    catalog.createDatabase({ Name: 'exports' })
    const glueName = (target: string): string => target.toLowerCase().replace(/[^a-z0-9_]/g, '_')
    for (const t of written.tables.filter(t => t.files.length)) {
      catalog.createTable('exports', {
        Name: glueName(t.target),
        StorageDescriptor: {
          Location: `s3://${BUCKET}/${t.folder}`,
          Columns: t.columns.map(c => ({ Name: c.name.toLowerCase(), Type: c.glueType }))
        }
      })
    }
    const lower = (row: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]))
    const registered = written.tables.filter(t =>
      catalog.tableNames('exports').includes(glueName(t.target))
    )
    expect(registered.map(t => t.target)).toHaveLength(5)
    for (const t of registered) {
      const { StorageDescriptor } = catalog.getTable('exports', glueName(t.target))
      const rows = (await readLocation(store, StorageDescriptor?.Location as string)).map(lower)
      expect(rows).toEqual(t.rows.map(lower))
      expect(Object.keys(rows[0] ?? {})).toEqual(StorageDescriptor?.Columns?.map(c => c.Name))
    }
  })
})

describe('ExportOnly', () => {
  test.each([
    [['appdb.public.orders'], ['appdb.public.orders']],
    [['appdb.billing'], ['appdb.billing.invoices']],
    [['reporting'], ['reporting']],
    [
      ['appdb.public.order', 'appdb.public.secrets'],
      ['appdb.public.order', 'appdb.public.secrets']
    ]
  ])('%j exports %j', (exportOnly, targets) => {
    const written = write(defaultSource('postgres'), { ExportOnly: exportOnly })
    expect(entries(written).map(e => e.target)).toEqual(targets)
    expect(
      (json(written.metadataKeys[0] as string) as { exportOnly: string[] }).exportOnly
    ).toEqual(exportOnly)
  })

  test('MySQL db.table', () => {
    const written = write(defaultSource('mysql'), { ExportOnly: ['shop.products'] })
    expect(written.tables.map(t => t.target)).toEqual(['shop.products'])
  })
})

describe('variations', () => {
  test('malformed JSON, in export_info or in the first tables chunk', () => {
    const info = variant({ malformed: 'export_info' })
    expect(() => json(info.metadataKeys[0] as string)).toThrow(SyntaxError)
    expect(() => json(info.metadataKeys[1] as string)).not.toThrow()
    store = new S3Store()
    const tables = variant({ malformed: 'export_tables_info' })
    expect(() => json(tables.metadataKeys[1] as string)).toThrow(SyntaxError)
    expect(() => json(tables.metadataKeys[2] as string)).not.toThrow()
  })

  test('a missing chunk: only from_1_to_4 of the two is there', () => {
    const written = variant({ missingChunk: true })
    expect(store.keys(BUCKET, 'nightly/exp-1/export_tables_info_')).toEqual([
      'nightly/exp-1/export_tables_info_exp-1_from_1_to_4.json'
    ])
    expect(written.metadataKeys).toHaveLength(2)
  })

  test('a table folder without Parquet files, still COMPLETE in the metadata', () => {
    const written = variant({ noParquetFiles: ['appdb.public.order'] })
    const order = table(written, 'appdb.public.order')
    expect(store.keys(BUCKET, order.folder)).toEqual([`${order.folder}1/_SUCCESS`])
    expect(order.files).toEqual([])
    expect(entries(written).find(e => e.target === 'appdb.public.order')?.status).toBe('COMPLETE')
  })

  test('a corrupt footer: PAR1 is there, the metadata does not decode', () => {
    const written = variant({ corruptFooter: ['appdb.public.customers'] })
    const bad = body(table(written, 'appdb.public.customers').files[0] as string)
    expect(Buffer.from(bad.subarray(-4)).toString()).toBe('PAR1')
    expect(() => parquetMetadata(arrayBuffer(bad))).toThrow()
    expect(() => parquetMetadata(arrayBuffer(bad))).not.toThrow('footer != PAR1')
    const good = body(table(written, 'appdb.public.order').files[0] as string)
    expect(() => parquetMetadata(arrayBuffer(good))).not.toThrow()
  })

  test('messages nested 6,000 deep: JSON that parses, and that JSON.stringify cannot write back', () => {
    const written = variant({ nestedMessages: { depth: 6000, field: 'failureCause' } })
    const secrets = entry(written, 'appdb.public.secrets') as unknown as Record<string, unknown>
    expect(secrets.warningMessage).toBeUndefined()
    let cause = secrets.failureCause
    for (let level = 0; level < 6000; level++) cause = (cause as { cause: unknown }).cause
    expect(cause).toBe(table(written, 'appdb.public.secrets').reason)
    expect(() => JSON.stringify(secrets)).toThrow(RangeError)
    const database = entries(written).find(e => e.target === 'reporting') as unknown as Record<
      string,
      unknown
    >
    expect(typeof database.failureCause).toBe('object')
  })

  test('footer bombs: PAR1 and a footer of the size asked, of empty structs', () => {
    const written = variant({
      footerBombs: { targets: ['appdb.public.customers'], bytes: 50_000, kind: 'rowGroups' }
    })
    const bomb = body(table(written, 'appdb.public.customers').files[0] as string)
    const view = new DataView(arrayBuffer(bomb))
    expect(Buffer.from(bomb.subarray(0, 4)).toString()).toBe('PAR1')
    expect(view.getUint32(bomb.length - 8, true)).toBeGreaterThan(50_000)
    expect(() => parquetMetadata(arrayBuffer(bomb))).toThrow(TypeError)
    const good = body(table(written, 'appdb.public.order').files[0] as string)
    expect(() => parquetMetadata(arrayBuffer(good))).not.toThrow()
  })

  test('readLocation reads a table folder as Athena does, in either layout, skipping _ files', async () => {
    const batches = variant({ noParquetFiles: ['appdb.public.order'] })
    const orders = table(batches, 'appdb.public.orders')
    expect(await readLocation(store, `s3://${BUCKET}/${orders.folder}`)).toEqual(orders.rows)
    const order = table(batches, 'appdb.public.order')
    expect(await readLocation(store, `s3://${BUCKET}/${order.folder}`)).toEqual([])
    store = new S3Store()
    const flat = table(variant({ flatLayout: true }), 'appdb.public.orders')
    expect(await readLocation(store, `s3://${BUCKET}/${flat.folder}`)).toEqual(orders.rows)
    await expect(readLocation(store, 'exports/x')).rejects.toThrow('not an s3:// location')
  })

  test('the older flat layout: part files directly in the table folder', () => {
    const written = variant({ flatLayout: true })
    const orders = table(written, 'appdb.public.orders')
    expect(
      store
        .keys(BUCKET, orders.folder)
        .map(k => k.slice(orders.folder.length, orders.folder.length + 11))
    ).toEqual(['part-00000-', 'part-00001-', 'part-00002-'])
    expect(orders.files.every(key => !key.slice(orders.folder.length).includes('/'))).toBe(true)
  })

  test('Aurora-style alphanumeric batch folders', () => {
    const written = variant({ alphanumericBatches: true })
    const orders = table(written, 'appdb.public.orders')
    const batches = new Set(orders.files.map(key => key.slice(orders.folder.length).split('/')[0]))
    expect(batches.size).toBe(2)
    for (const batch of batches) expect(batch).toMatch(/^(?=.*[a-z])[0-9a-z]{12}$/)
  })

  test('times with the narrow no-break space newer Java writes before PM', () => {
    const written = variant({ meridiemSpace: '\u202f' })
    expect(
      (json(written.metadataKeys[0] as string) as { taskStartTime: string }).taskStartTime
    ).toBe('Nov 25, 2026, 4:00:00\u202fAM')
  })

  test('\\, backtick, " and space in names become _ in paths; targets keep the names', () => {
    const written = write({ engine: 'postgres', databases: ODD_NAMES })
    expect(written.tables.map(t => [t.target, t.folder.slice('nightly/exp-1/'.length)])).toEqual([
      ['app db.my schema.line items', 'app_db/my_schema.line_items/'],
      ['app db.my schema.say "hi"', 'app_db/my_schema.say__hi_/'],
      ['app db.my schema.back\\slash', 'app_db/my_schema.back_slash/'],
      ['app db.my schema.tick`s', 'app_db/my_schema.tick_s/']
    ])
    expect(store.keys(BUCKET, 'nightly/exp-1/app_db/')).toHaveLength(4)
  })

  test('10,000 tables: one Parquet body encoded and shared, every table in the metadata', () => {
    const written = write(manyTables(10_000))
    expect(written.parquetEncodings).toBe(1)
    expect(written.tables).toHaveLength(10_000)
    expect(store.keys(BUCKET, 'nightly/exp-1/bench/')).toHaveLength(10_000)
    expect(written.metadataKeys.slice(1)).toEqual([
      'nightly/exp-1/export_tables_info_exp-1_from_1_to_5000.json',
      'nightly/exp-1/export_tables_info_exp-1_from_5001_to_10000.json'
    ])
    expect(entries(written)).toHaveLength(10_000)
  })
})

describe('the task warning, and the times', () => {
  test('exportWarningMessage lists skipped tables and database warnings, within ExportOnly', () => {
    expect(JSON.parse(exportWarningMessage(defaultSource('postgres')) ?? '{}')).toEqual({
      skippedTables: [{ target: 'appdb.public.secrets', reason: 'PERMISSIONS_DO_NOT_EXIST' }],
      skippedObjectives: [],
      general: [{ target: 'reporting', reason: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' }]
    })
    expect(exportWarningMessage(defaultSource('postgres'), ['appdb.public.orders'])).toBeUndefined()
    expect(exportWarningMessage({ engine: 'mysql', databases: SHOP })).toBeUndefined()
    expect(exportWarningMessage(cleanSource('postgres'))).toBeUndefined()
    const clean = write(cleanSource('aurora-postgresql'))
    expect(entries(clean).every(e => e.status === 'COMPLETE')).toBe(true)
    expect(clean.tables.map(t => t.target)).toContain('appdb.public.audit_log')
  })

  cases('%s is %s', (iso: string) => localeTime(new Date(iso)), [
    ['2023-07-19T23:21:00Z', 'Jul 19, 2023, 11:21:00 PM'],
    ['2023-07-19T00:05:09Z', 'Jul 19, 2023, 12:05:09 AM'],
    ['2023-01-02T12:00:00Z', 'Jan 2, 2023, 12:00:00 PM']
  ])
})

describe('the materialize hook', () => {
  const sources = (t: ExportTaskLike): ExportSource | undefined =>
    t.SourceArn.endsWith(':nightly') ? { engine: 'postgres', databases: APPDB } : undefined

  test('writes each COMPLETE task once, whatever the case of its status; nothing else', () => {
    const files = new ExportFiles(store, sources)
    const running = task({ ExportTaskIdentifier: 'exp-2', Status: 'IN_PROGRESS' })
    const unknown = task({
      ExportTaskIdentifier: 'exp-3',
      SourceArn: 'arn:aws:rds:us-east-1:1:snapshot:other'
    })
    expect(
      files.materialize([task({ Status: 'complete' }), running, unknown]).map(w => w.root)
    ).toEqual(['nightly/exp-1/'])
    const count = store.keys(BUCKET).length
    expect(files.materialize([task(), running, unknown])).toEqual([])
    expect(store.keys(BUCKET)).toHaveLength(count)
    expect(files.materialize([{ ...running, Status: 'COMPLETE' }]).map(w => w.root)).toEqual([
      'nightly/exp-2/'
    ])
    expect(files.written('exp-1')?.tables).toHaveLength(7)
    expect(files.written('exp-3')).toBeUndefined()
  })

  describe('through the S3 client', () => {
    let client: S3Client
    let close: () => Promise<void>
    let log: { action: string; status: number }[]
    let status = 'IN_PROGRESS'

    beforeEach(async () => {
      status = 'IN_PROGRESS'
      store.createBucket(BUCKET)
      const files = new ExportFiles(store, sources)
      const served = await serveModule(new S3Service(store), () =>
        files.materialize([task({ Status: status })])
      )
      client = new S3Client({ ...clientConfig(served.endpoint), forcePathStyle: true })
      close = served.close
      log = served.log
    })

    afterEach(async () => {
      client.destroy()
      await close()
    })

    test('the files appear at the first S3 request after the task completes', async () => {
      const list = (): Promise<unknown> =>
        client.send(
          new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'nightly/exp-1/', Delimiter: '/' })
        )
      await expect(list()).resolves.toMatchObject({ KeyCount: 0 })
      status = 'COMPLETE'
      await expect(list()).resolves.toMatchObject({
        CommonPrefixes: [{ Prefix: 'nightly/exp-1/appdb/' }],
        Contents: [
          { Key: 'nightly/exp-1/export_info_exp-1.json' },
          { Key: 'nightly/exp-1/export_tables_info_exp-1_from_1_to_4.json' },
          { Key: 'nightly/exp-1/export_tables_info_exp-1_from_5_to_8.json' }
        ]
      })
    })

    test('a footer read with ranged GETs, as the action reads one: two requests', async () => {
      status = 'COMPLETE'
      const { Contents = [] } = await client.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'nightly/exp-1/appdb/public.orders/' })
      )
      const file = Contents[0] as { Key: string; Size: number }
      const ranged = {
        byteLength: file.Size,
        async slice(start: number, end = file.Size): Promise<ArrayBuffer> {
          const out = await client.send(
            new GetObjectCommand({
              Bucket: BUCKET,
              Key: file.Key,
              Range: `bytes=${start}-${end - 1}`
            })
          )
          const bytes = await (
            out.Body as { transformToByteArray(): Promise<Uint8Array> }
          ).transformToByteArray()
          return bytes.slice().buffer as ArrayBuffer
        }
      }
      const metadata = await parquetMetadataAsync(ranged, { initialFetchSize: 64 })
      const orders = APPDB[0]?.tables.find(t => t.name === 'orders')
      expect(metadata.schema.slice(1).map(e => e.name)).toEqual(orders?.columns.map(c => c.name))
      expect(log.filter(l => l.action === 'GetObject').map(l => l.status)).toEqual([206, 206])
    })
  })
})
