// The export's files read through the real S3 client from the stand-in's S3 module: footers
// read from the tail within their bounds, metadata files within theirs, checksums sent by an
// emulator on ranged answers ignored.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { exportFilesApi, newS3Client, type ExportFilesApi } from '../../src/aws/export-files.js'
import { APPDB } from '../../test/standin/export-fixtures.js'
import { footerBomb, parquetFile } from '../../test/standin/export-parquet.js'
import { clientConfig, serveModule, type ServedModule } from '../../test/standin/export-serve.js'
import { mapColumn } from '../../test/standin/export-types.js'
import { S3Service, S3Store } from '../../test/standin/s3.js'

const BUCKET = 'exports'
const columns = APPDB[0]!.tables[0]!.columns.map(c => mapColumn('postgres', c))

let store: S3Store
let served: ServedModule
let files: ExportFilesApi
let client: ReturnType<typeof newS3Client>

beforeEach(async () => {
  store = new S3Store({ echoChecksums: true })
  store.createBucket(BUCKET)
  served = await serveModule(new S3Service(store))
  client = newS3Client({ ...clientConfig(served.endpoint), forcePathStyle: true })
  files = exportFilesApi(() => client)
})

afterEach(async () => {
  client.destroy()
  await served.close()
})

const put = (key: string, body: Uint8Array | string): number => {
  store.putObject(BUCKET, key, body)
  return store.getObject(BUCKET, key)!.body.length
}

/** The Range of each GetObject the stand-in answered, in order. */
const ranges = (): (string | undefined)[] =>
  served.log.filter(l => l.action === 'GetObject').map(l => l.params.Range)

describe('schema', () => {
  test('a small file in one ranged GET, a 75 KB one in one too, whole-object checksums sent', async () => {
    const small = put('small.parquet', parquetFile(columns, 0, 5))
    const large = put('large.parquet', parquetFile(columns, 0, 5000))
    expect(large).toBeGreaterThan(64 * 1024)
    const names = (await files.schema(BUCKET, 'small.parquet', small)).map(e => e.name)
    expect(names).toEqual(['spark_schema', ...columns.map(c => c.seed.name)])
    expect((await files.schema(BUCKET, 'large.parquet', large)).map(e => e.name)).toEqual(names)
    expect(served.log.filter(l => l.action === 'GetObject')).toHaveLength(2)
  })

  test('a footer longer than the first read takes one more GET, over 64 KiB and within bounds', async () => {
    const size = put('rows.parquet', footerBomb('rowGroups', 100_000))
    await expect(files.schema(BUCKET, 'rows.parquet', size)).rejects.toThrow(TypeError)
    expect(served.log.filter(l => l.action === 'GetObject')).toHaveLength(2)
    // The second GET asks only for the footer's bytes before the first one's 64 KiB: the file
    // is `PAR1`, the footer from byte 4, its length and `PAR1`.
    expect(ranges()).toEqual([`bytes=${size - 65_536}-${size - 1}`, `bytes=4-${size - 65_537}`])
  })

  test('a valid footer over 64 KiB, read in two GETs that overlap nowhere, parses whole', async () => {
    const wide = Array.from({ length: 1_500 }, (_, i) => {
      const column = columns[i % columns.length]!
      return { ...column, seed: { ...column.seed, name: `column_${i}` } }
    })
    const size = put('wide.parquet', parquetFile(wide, 0, 1))
    const footer = new DataView(store.getObject(BUCKET, 'wide.parquet')!.body.buffer)
    const length = footer.getUint32(size - 8, true)
    expect(length).toBeGreaterThan(64 * 1024)
    const names = (await files.schema(BUCKET, 'wide.parquet', size)).map(e => e.name)
    expect(names).toEqual(['spark_schema', ...wide.map(c => c.seed.name)])
    const start = size - length - 8
    expect(ranges()).toEqual([
      `bytes=${size - 65_536}-${size - 1}`,
      `bytes=${start}-${size - 65_537}`
    ])
  })

  test('bombs refused before parsing: by length from the tail alone, by element count', async () => {
    const long = put('long.parquet', footerBomb('schema', 3_000_000))
    await expect(files.schema(BUCKET, 'long.parquet', long)).rejects.toThrow(
      'its footer is 2.9 MiB, over the 2.0 MiB this action reads'
    )
    expect(served.log).toHaveLength(1)
    const many = put('many.parquet', footerBomb('schema', 20_000))
    await expect(files.schema(BUCKET, 'many.parquet', many)).rejects.toThrow(
      'its footer holds 20000 schema elements'
    )
  })

  test('an emulator that ignores Range: the whole answer is cut off, not held', async () => {
    const service = new S3Service(store)
    const ignoring = await serveModule({
      service: 's3',
      action: request => service.action(request),
      handle: (request, action) =>
        service.handle({ ...request, headers: { ...request.headers, range: undefined } }, action),
      error: (error, id) => service.error(error, id)
    })
    const whole = newS3Client({ ...clientConfig(ignoring.endpoint), forcePathStyle: true })
    try {
      const size = put('x.parquet', parquetFile(columns, 0, 5000))
      await expect(exportFilesApi(() => whole).schema(BUCKET, 'x.parquet', size)).rejects.toThrow(
        `x.parquet is more than the ${64 * 1024} bytes this action reads of it`
      )
    } finally {
      whole.destroy()
      await ignoring.close()
    }
  })

  test('a file too short to be Parquet: said so, without a GET', async () => {
    put('empty.parquet', '')
    await expect(files.schema(BUCKET, 'empty.parquet', 0)).rejects.toThrow(
      'the file is too short (0 bytes)'
    )
    expect(served.log).toEqual([])
  })

  test('an S3 refusal is tagged with its operation', async () => {
    store.refuse({ bucket: BUCKET })
    await expect(files.schema(BUCKET, 'x.parquet', 100)).rejects.toMatchObject({
      name: 'AccessDenied'
    })
  })
})

describe('text', () => {
  test('a metadata file as text; one over 32 MiB refused', async () => {
    put('info.json', '{"a":"é"}')
    expect(await files.text(BUCKET, 'info.json')).toBe('{"a":"é"}')
    put('huge.json', new Uint8Array(32 * 1024 * 1024 + 1))
    await expect(files.text(BUCKET, 'huge.json')).rejects.toThrow(
      'huge.json is more than the 33554432 bytes this action reads of it'
    )
  })
})
