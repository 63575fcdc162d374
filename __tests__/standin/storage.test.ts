// S3 and Glue as every stand-in has them, through the router and the real SDK clients: an
// export's files appear once its task is COMPLETE and are listed and read with signed requests
// (path-style on 127.0.0.1, virtual-hosted under STANDIN_HOST through the proxy), the Glue
// catalog is written and read, refusals and latency apply, and the request log names both.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetTableCommand,
  GetTablesCommand,
  type GlueClient
} from '@aws-sdk/client-glue'
import { StartExportTaskCommand } from '@aws-sdk/client-rds'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  paginateListObjectsV2
} from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { HttpsProxyAgent } from 'https-proxy-agent'
import {
  APPDB,
  STANDIN_HOST,
  startProxy,
  startStandIn,
  type StandIn
} from '../../test/standin/index.js'
import { KMS_DENIED_MESSAGE } from '../../test/standin/s3.js'
import { REGION, snapshotArn } from '../../test/support/e2e.js'
import {
  ROLE,
  assumedCredentials,
  envRestorer,
  expectError,
  exportOf,
  glueClient,
  staticClient
} from '../../test/support/standin.js'

type Credentials = Awaited<ReturnType<typeof assumedCredentials>>

const BUCKET = 'analytics-exports'
/** The export of `nightly` that every test here reads: exportOf's bucket, prefix `rds`. */
const ROOT = 'rds/nightly-1/'
/** DEFAULT_TIMELINE: 60 s STARTING, 240 s IN_PROGRESS. */
const EXPORT_SECONDS = 300

const s3Of = (standIn: StandIn, credentials: Credentials): S3Client =>
  new S3Client({ region: REGION, endpoint: standIn.url, maxAttempts: 1, credentials })

/** The caller the assumed credentials stand for, as refusals name it. */
const callerArn = (session: string): string =>
  `arn:aws:sts::123456789012:assumed-role/${ROLE.split('/')[1]}/${session}`

/** A stand-in whose snapshot `nightly` holds APPDB, an export of it started; credentials of an
 * assumed role (session `reader`). */
function exportedStandIn(options: Parameters<typeof startStandIn>[0] = {}): {
  standIn: StandIn
  credentials: Credentials
} {
  const block = {} as { standIn: StandIn; credentials: Credentials }
  beforeAll(async () => {
    block.standIn = await startStandIn({
      snapshots: [{ identifier: 'nightly', instanceIdentifier: 'prod', databases: APPDB }],
      ...options
    })
    await staticClient(block.standIn).send(
      new StartExportTaskCommand(exportOf('nightly-1', snapshotArn('nightly')))
    )
    block.credentials = await assumedCredentials(block.standIn, 'reader')
  })
  afterAll(() => block.standIn.close())
  return block
}

async function bytes(answer: { Body?: { transformToByteArray(): Promise<Uint8Array> } }) {
  return Buffer.from((await answer.Body?.transformToByteArray()) ?? [])
}

describe('an export’s files in S3', () => {
  const block = exportedStandIn()
  afterEach(envRestorer())

  test('the bucket is there while the task runs, the files once it is COMPLETE', async () => {
    const { standIn, credentials } = block
    Object.assign(process.env, standIn.env())
    // No endpoint given: the S3 client finds the stand-in through AWS_ENDPOINT_URL.
    const s3 = new S3Client({ maxAttempts: 1, credentials })
    const list = () => s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: ROOT }))
    expect((await list()).KeyCount).toBe(0)
    standIn.advance(EXPORT_SECONDS)
    const listed = await list()
    expect(listed.Contents?.map(c => c.Key)).toEqual(standIn.s3.keys(BUCKET, ROOT))
    const top = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: ROOT, Delimiter: '/' })
    )
    expect(top.CommonPrefixes?.map(p => p.Prefix)).toEqual([`${ROOT}appdb/`])
    expect(top.Contents?.map(c => c.Key)).toEqual([
      `${ROOT}export_info_nightly-1.json`,
      `${ROOT}export_tables_info_nightly-1_from_1_to_4.json`,
      `${ROOT}export_tables_info_nightly-1_from_5_to_8.json`
    ])
    const info = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${ROOT}export_info_nightly-1.json` })
    )
    expect(JSON.parse((await bytes(info)).toString())).toMatchObject({
      exportTaskIdentifier: 'nightly-1',
      sourceArn: snapshotArn('nightly'),
      status: 'COMPLETE'
    })
  })

  test('a data file: its size by HeadObject, its footer by a ranged GetObject', async () => {
    const { standIn, credentials } = block
    const s3 = s3Of(standIn, credentials)
    const orders = standIn.exportFiles
      .written('nightly-1')
      ?.tables.find(t => t.target === 'appdb.public.orders')
    const key = orders?.files[0] as string
    const object = standIn.s3.getObject(BUCKET, key)?.body as Buffer
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    expect([head.ContentLength, head.ServerSideEncryption]).toEqual([object.length, 'aws:kms'])
    const tail = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=-8' })
    )
    expect(tail.ContentRange).toBe(
      `bytes ${object.length - 8}-${object.length - 1}/${object.length}`
    )
    const footer = await bytes(tail)
    expect(footer.subarray(4).toString()).toBe('PAR1')
    expect(footer).toEqual(object.subarray(-8))
  })

  test('every page of a listing, with a continuation token', async () => {
    const { standIn, credentials } = block
    const keys: string[] = []
    const pages = paginateListObjectsV2(
      { client: s3Of(standIn, credentials), pageSize: 3 },
      { Bucket: BUCKET, Prefix: ROOT }
    )
    for await (const page of pages) keys.push(...(page.Contents ?? []).map(c => c.Key as string))
    expect(keys).toEqual(standIn.s3.keys(BUCKET, ROOT))
    expect(keys.length).toBeGreaterThan(6)
  })

  test('the log names each S3 call, its parameters, caller and request id', async () => {
    const { standIn, credentials } = block
    const s3 = s3Of(standIn, credentials)
    const key = `${ROOT}export_info_nightly-1.json`
    const answer = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=0-9' })
    )
    expect(standIn.requests.at(-1)).toMatchObject({
      service: 's3',
      action: 'GetObject',
      params: { Bucket: BUCKET, Key: key, Range: 'bytes=0-9' },
      accessKeyId: credentials.accessKeyId,
      sessionToken: true,
      status: 206,
      requestId: answer.$metadata.requestId
    })
  })
})

describe('through the proxy, under STANDIN_HOST', () => {
  const block = exportedStandIn()
  afterEach(envRestorer())

  test('the S3 client addresses the bucket by host name, and the stand-in finds it', async () => {
    const { standIn, credentials } = block
    standIn.advance(EXPORT_SECONDS)
    const proxy = await startProxy()
    try {
      Object.assign(process.env, standIn.env({ host: STANDIN_HOST }))
      const s3 = new S3Client({
        maxAttempts: 1,
        credentials,
        requestHandler: new NodeHttpHandler({ httpAgent: new HttpsProxyAgent(proxy.url) })
      })
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: ROOT }))
      expect(listed.Contents?.length).toBe(standIn.s3.keys(BUCKET, ROOT).length)
      const port = Number(new URL(standIn.url).port)
      expect(proxy.requests.map(r => `${r.method} ${r.host}:${r.port} ${r.status}`)).toEqual([
        `CONNECT ${BUCKET}.${STANDIN_HOST}:${port} 200`
      ])
      expect(standIn.requests.at(-1)).toMatchObject({
        action: 'ListObjectsV2',
        params: { Bucket: BUCKET, prefix: ROOT },
        status: 200
      })
    } finally {
      await proxy.close()
    }
  })
})

describe('the Glue Data Catalog', () => {
  const block = exportedStandIn({ glueDatabases: ['existing'] })

  test('created and read through the router, signed; the catalog reads it back', async () => {
    const { standIn, credentials } = block
    const glue: GlueClient = glueClient(standIn, credentials)
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'exports' } }))
    const table = {
      Name: 'appdb_public_orders',
      TableType: 'EXTERNAL_TABLE',
      StorageDescriptor: {
        Location: `s3://${BUCKET}/${ROOT}appdb/public.orders/`,
        Columns: [{ Name: 'id', Type: 'bigint' }]
      }
    }
    await glue.send(new CreateTableCommand({ DatabaseName: 'exports', TableInput: table }))
    const got = await glue.send(new GetTableCommand({ DatabaseName: 'exports', Name: table.Name }))
    expect(got.Table?.StorageDescriptor?.Location).toBe(table.StorageDescriptor.Location)
    expect(got.Table?.CreatedBy).toBe(callerArn('reader'))
    const all = await glue.send(new GetTablesCommand({ DatabaseName: 'exports' }))
    expect(all.TableList?.map(t => t.Name)).toEqual([table.Name])
    expect(standIn.glue.databaseNames()).toEqual(['existing', 'exports'])
    expect(standIn.glue.getTable('exports', table.Name).StorageDescriptor?.Columns).toEqual(
      table.StorageDescriptor.Columns
    )
    expect(standIn.requests.slice(-4)).toEqual([
      expect.objectContaining({
        service: 'glue',
        action: 'CreateDatabase',
        params: { 'DatabaseInput.Name': 'exports' }
      }),
      expect.objectContaining({
        action: 'CreateTable',
        params: { DatabaseName: 'exports', 'TableInput.Name': table.Name }
      }),
      expect.objectContaining({
        action: 'GetTable',
        params: { DatabaseName: 'exports', Name: table.Name },
        requestId: got.$metadata.requestId,
        sessionToken: true
      }),
      expect.objectContaining({ action: 'GetTables', status: 200 })
    ])
  })
})

describe('refusals', () => {
  const block = exportedStandIn({
    s3Refusals: [{ bucket: BUCKET, operations: ['ListObjectsV2'] }],
    glueRefusals: [{ code: 'AccessDeniedException', operation: 'CreateDatabase' }]
  })
  afterAll(() => block.standIn.s3.allowAll())

  test('S3 AccessDenied names the caller, the permission and the resource', async () => {
    const { standIn, credentials } = block
    standIn.advance(EXPORT_SECONDS)
    const s3 = s3Of(standIn, credentials)
    const list = new ListObjectsV2Command({ Bucket: BUCKET, Prefix: ROOT })
    const error = await expectError(s3.send(list), 'AccessDenied', 403)
    expect(error.message).toBe(
      `User: ${callerArn('reader')} is not authorized to perform: s3:ListBucket on resource: ` +
        `"arn:aws:s3:::${BUCKET}" because no identity-based policy allows the s3:ListBucket action`
    )
    // Without s3:ListBucket, a missing key is a 403 too.
    const missing = new GetObjectCommand({ Bucket: BUCKET, Key: `${ROOT}nothing.json` })
    await expectError(s3.send(missing), 'AccessDenied', 403)
    standIn.s3.allowAll()
    await expect(s3.send(list)).resolves.toMatchObject({ KeyCount: 3 + 7 })
  })

  test('KMS refuses GetObject of the export’s files; HeadObject still answers', async () => {
    const { standIn, credentials } = block
    standIn.s3.refuseKms()
    const s3 = s3Of(standIn, credentials)
    const key = `${ROOT}export_info_nightly-1.json`
    const error = await expectError(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })),
      'AccessDenied',
      403
    )
    expect(error.message).toBe(KMS_DENIED_MESSAGE)
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    ).resolves.toBeDefined()
    standIn.s3.allowAll()
  })

  test('Glue AccessDeniedException names the caller and the catalog', async () => {
    const { standIn, credentials } = block
    const glue = glueClient(standIn, credentials)
    const create = new CreateDatabaseCommand({ DatabaseInput: { Name: 'exports' } })
    const error = await expectError(glue.send(create), 'AccessDeniedException', 400)
    expect(error.message).toContain(
      `User: ${callerArn('reader')} is not authorized to perform: glue:CreateDatabase`
    )
    standIn.glue.allowAll()
    await expect(glue.send(create)).resolves.toBeDefined()
  })

  test('injected S3 and Glue errors take each service’s status', async () => {
    const { standIn, credentials } = block
    standIn.injectFault({ kind: 'error', code: 'NoSuchKey', service: 's3', times: 1 })
    standIn.injectFault({ kind: 'throttle', action: 'GetTable', times: 1 })
    const get = new GetObjectCommand({ Bucket: BUCKET, Key: `${ROOT}export_info_nightly-1.json` })
    await expectError(s3Of(standIn, credentials).send(get), 'NoSuchKey', 404)
    const table = new GetTableCommand({ DatabaseName: 'exports', Name: 'x' })
    await expectError(glueClient(standIn, credentials).send(table), 'ThrottlingException', 400)
  })
})

describe('latency', () => {
  test('S3 and Glue answers wait their latencyMs', async () => {
    const standIn = await startStandIn({
      latencyMs: { s3: 300, glue: 200 },
      glueDatabases: ['exports']
    })
    try {
      const credentials = await assumedCredentials(standIn)
      const timed = async (call: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now()
        await call().catch(() => undefined)
        return performance.now() - t0
      }
      const s3Ms = await timed(() =>
        s3Of(standIn, credentials).send(new ListObjectsV2Command({ Bucket: 'none' }))
      )
      const glueMs = await timed(() =>
        glueClient(standIn, credentials).send(new GetTablesCommand({ DatabaseName: 'exports' }))
      )
      // Lower bounds only: a loaded machine can only make them longer.
      expect(s3Ms).toBeGreaterThanOrEqual(290)
      expect(glueMs).toBeGreaterThanOrEqual(190)
    } finally {
      await standIn.close()
    }
  })
})
