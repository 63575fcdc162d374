// The stand-in's S3: the store, Range and addressing rules directly, and every answer through
// the real S3 client, so the SDK's parser judges what the action will meet.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput
} from '@aws-sdk/client-s3'
import {
  KMS_DENIED_MESSAGE,
  S3Error,
  S3Service,
  S3Store,
  byteRange,
  compareKeys,
  s3Action,
  s3Address
} from '../../test/standin/s3.js'
import { clientConfig, serveModule, type ServedModule } from '../../test/standin/export-serve.js'
import type { ServiceRequest } from '../../test/standin/service.js'
import { equalCases } from '../../__fixtures__/cases.js'

const BUCKET = 'exports'
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
const BODY = Buffer.from('0123456789abcdefghij')

let store: S3Store
let served: ServedModule
let s3: S3Client

function request(
  method: string,
  url: string,
  headers: Record<string, string> = {}
): ServiceRequest {
  const parsed = new URL(url)
  return {
    method,
    url: parsed,
    headers: { host: parsed.host, ...headers },
    body: Buffer.alloc(0),
    requestId: 'test-request'
  }
}

function seed(): void {
  store.createBucket(BUCKET)
  store.putObject(BUCKET, 'nightly/exp-1/export_info_exp-1.json', '{}', {
    contentType: 'application/json',
    sseKmsKeyId: KEY_ARN
  })
  for (const folder of ['appdb/public.orders/1', 'appdb/public.orders/2', 'appdb/public.users/1']) {
    store.putObject(BUCKET, `nightly/exp-1/${folder}/part-00000-x-c000.gz.parquet`, BODY, {
      sseKmsKeyId: KEY_ARN
    })
  }
  store.putObject(BUCKET, 'plain.txt', BODY, { contentType: 'text/plain' })
}

async function list(
  input: Omit<ListObjectsV2CommandInput, 'Bucket'>
): Promise<ListObjectsV2CommandOutput> {
  return s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ...input }))
}

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected the call to fail')
  return error as Error & Record<string, unknown>
}

beforeEach(async () => {
  store = new S3Store()
  served = await serveModule(new S3Service(store))
  s3 = new S3Client({ ...clientConfig(served.endpoint), forcePathStyle: true })
})

afterEach(async () => {
  s3.destroy()
  await served.close()
})

describe('addressing and operation names', () => {
  test.each([
    ['GET', 'http://127.0.0.1:9000/exports?list-type=2&prefix=a', 'ListObjectsV2', 'exports', ''],
    [
      'GET',
      'http://127.0.0.1:9000/exports/a/b%20c.json?x-id=GetObject',
      'GetObject',
      'exports',
      'a/b c.json'
    ],
    ['HEAD', 'http://127.0.0.1:9000/exports/k', 'HeadObject', 'exports', 'k'],
    ['GET', 'http://exports.s3.us-east-1.amazonaws.com/k/1', 'GetObject', 'exports', 'k/1'],
    ['GET', 'http://exports.localhost:9000/?list-type=2', 'ListObjectsV2', 'exports', ''],
    ['GET', 'http://127.0.0.1:9000/exports', 'ListObjects', 'exports', ''],
    ['PUT', 'http://127.0.0.1:9000/exports/k', 'PutObject', 'exports', 'k'],
    ['GET', 'http://127.0.0.1:9000/', 'ListBuckets', '', '']
  ])('%s %s is %s', (method, url, action, bucket, key) => {
    const r = request(method, url)
    expect(s3Action(r)).toBe(action)
    expect(s3Address(r)).toEqual({ bucket, key })
  })

  test('keys sort by code point, as S3 sorts UTF-8 bytes', () => {
    const keys = ['b', '\u{1F600}', '\uFFFD', 'a/', 'a']
    expect([...keys].sort(compareKeys)).toEqual(['a', 'a/', 'b', '\uFFFD', '\u{1F600}'])
    // Plain sort orders by UTF-16 units and gets the last two the other way round.
    expect([...keys].sort()).not.toEqual([...keys].sort(compareKeys))
  })
})

describe('Range', () => {
  equalCases('%s of %i bytes', byteRange, [
    ['bytes=0-3', 20, { start: 0, end: 3 }],
    ['bytes=5-', 20, { start: 5, end: 19 }],
    ['bytes=-4', 20, { start: 16, end: 19 }],
    ['bytes=-50', 20, { start: 0, end: 19 }],
    ['bytes=10-99', 20, { start: 10, end: 19 }],
    ['bytes=0-1,4-5', 20, undefined],
    ['bytes=5-3', 20, undefined],
    ['items=0-3', 20, undefined],
    [undefined, 20, undefined]
  ])

  test.each([
    ['bytes=20-', 20],
    ['bytes=-0', 20],
    ['bytes=0-', 0]
  ])('%s of %i bytes is 416 InvalidRange', (header, size) => {
    const error = (() => {
      try {
        byteRange(header, size)
      } catch (e) {
        return e
      }
    })() as S3Error
    expect(error).toBeInstanceOf(S3Error)
    expect([error.code, error.status, error.headers['content-range']]).toEqual([
      'InvalidRange',
      416,
      `bytes */${size}`
    ])
  })
})

describe('ListObjectsV2 through the SDK', () => {
  beforeEach(seed)

  test('a delimiter folds keys into CommonPrefixes; KeyCount counts both', async () => {
    const out = await list({ Prefix: 'nightly/exp-1/', Delimiter: '/' })
    expect(out.Contents?.map(c => c.Key)).toEqual(['nightly/exp-1/export_info_exp-1.json'])
    expect(out.CommonPrefixes?.map(p => p.Prefix)).toEqual(['nightly/exp-1/appdb/'])
    expect([out.KeyCount, out.IsTruncated, out.Prefix, out.Delimiter]).toEqual([
      2,
      false,
      'nightly/exp-1/',
      '/'
    ])
    const tables = await list({ Prefix: 'nightly/exp-1/appdb/', Delimiter: '/' })
    expect(tables.CommonPrefixes?.map(p => p.Prefix)).toEqual([
      'nightly/exp-1/appdb/public.orders/',
      'nightly/exp-1/appdb/public.users/'
    ])
  })

  test('Contents carry size, ETag, time and storage class', async () => {
    const out = await list({ Prefix: 'plain' })
    const object = store.getObject(BUCKET, 'plain.txt')
    expect(out.Contents).toEqual([
      {
        Key: 'plain.txt',
        Size: BODY.length,
        ETag: object?.etag,
        LastModified: object?.lastModified,
        StorageClass: 'STANDARD'
      }
    ])
  })

  test('pages of MaxKeys with continuation tokens cover every key once', async () => {
    for (let i = 0; i < 2345; i++) store.putObject(BUCKET, `many/${String(i).padStart(5, '0')}`, '')
    const pages: ListObjectsV2CommandOutput[] = []
    for await (const page of paginateListObjectsV2(
      { client: s3 },
      { Bucket: BUCKET, Prefix: 'many/' }
    )) {
      pages.push(page)
    }
    expect(pages.map(p => [p.KeyCount, p.IsTruncated])).toEqual([
      [1000, true],
      [1000, true],
      [345, false]
    ])
    const keys = pages.flatMap(p => p.Contents?.map(c => c.Key) ?? [])
    expect(new Set(keys).size).toBe(2345)
    expect(keys).toEqual(store.keys(BUCKET, 'many/'))
    expect(pages[1]?.ContinuationToken).toBe(pages[0]?.NextContinuationToken)
  })

  test('max-keys above 1000 still pages by 1000', async () => {
    for (let i = 0; i < 1001; i++) store.putObject(BUCKET, `big/${String(i).padStart(4, '0')}`, '')
    const out = await list({ Prefix: 'big/', MaxKeys: 5000 })
    expect([out.KeyCount, out.IsTruncated]).toEqual([1000, true])
  })

  test('a common prefix counts once toward MaxKeys and the next page skips its keys', async () => {
    const first = await list({
      Prefix: 'nightly/exp-1/appdb/public.orders/',
      Delimiter: '/',
      MaxKeys: 1
    })
    expect(first.CommonPrefixes?.map(p => p.Prefix)).toEqual([
      'nightly/exp-1/appdb/public.orders/1/'
    ])
    expect(first.IsTruncated).toBe(true)
    const second = await list({
      Prefix: 'nightly/exp-1/appdb/public.orders/',
      Delimiter: '/',
      MaxKeys: 1,
      ContinuationToken: first.NextContinuationToken
    })
    expect(second.CommonPrefixes?.map(p => p.Prefix)).toEqual([
      'nightly/exp-1/appdb/public.orders/2/'
    ])
    expect(second.IsTruncated).toBe(false)
  })

  test('StartAfter lists only later keys; MaxKeys 0 lists nothing', async () => {
    const out = await list({ Prefix: 'nightly/', StartAfter: 'nightly/exp-1/appdb/public.users/' })
    expect(out.Contents?.map(c => c.Key)).toEqual([
      'nightly/exp-1/appdb/public.users/1/part-00000-x-c000.gz.parquet',
      'nightly/exp-1/export_info_exp-1.json'
    ])
    expect(out.StartAfter).toBe('nightly/exp-1/appdb/public.users/')
    const none = await list({ MaxKeys: 0 })
    expect([none.KeyCount, none.IsTruncated, none.Contents]).toEqual([0, false, undefined])
  })

  test('a token S3 never gave, and a bad max-keys, are InvalidArgument', async () => {
    const token = await failure(list({ ContinuationToken: 'bm90LWEtdG9rZW4=' }))
    expect([token.name, token.message]).toEqual([
      'InvalidArgument',
      'The continuation token provided is incorrect'
    ])
    const direct = new S3Service(store)
    expect(() =>
      direct.handle(request('GET', 'http://h/exports?list-type=2&max-keys=-1'), 'ListObjectsV2')
    ).toThrow('Provided max-keys not an integer or within integer range')
  })

  test('encoding-type=url encodes keys and prefixes, keeping slashes', () => {
    store.putObject(BUCKET, 'odd/a b+c.json', '')
    const answer = new S3Service(store).handle(
      request('GET', 'http://h/exports?list-type=2&prefix=odd/&encoding-type=url'),
      'ListObjectsV2'
    )
    expect(answer.body).toContain('<Key>odd/a%20b%2Bc.json</Key>')
    expect(answer.body).toContain('<EncodingType>url</EncodingType>')
  })

  test('an unknown bucket is NoSuchBucket (404) with a request id', async () => {
    const error = await failure(s3.send(new ListObjectsV2Command({ Bucket: 'nope' })))
    expect([error.name, error.message]).toEqual([
      'NoSuchBucket',
      'The specified bucket does not exist'
    ])
    const metadata = error.$metadata as { httpStatusCode: number; requestId: string }
    expect(metadata.httpStatusCode).toBe(404)
    expect(metadata.requestId).toMatch(/.+/)
    expect(error.BucketName).toBe('nope')
  })
})

describe('GetObject and HeadObject through the SDK', () => {
  beforeEach(seed)
  const key = 'nightly/exp-1/appdb/public.orders/1/part-00000-x-c000.gz.parquet'

  test('the whole object, with its SSE-KMS key', async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
    expect(
      Buffer.from(
        await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()
      )
    ).toEqual(BODY)
    expect(out.$metadata.httpStatusCode).toBe(200)
    expect([
      out.ContentLength,
      out.ETag,
      out.ServerSideEncryption,
      out.SSEKMSKeyId,
      out.AcceptRanges
    ]).toEqual([BODY.length, store.getObject(BUCKET, key)?.etag, 'aws:kms', KEY_ARN, 'bytes'])
  })

  test.each([
    ['bytes=0-3', '0123', 'bytes 0-3/20'],
    ['bytes=-4', 'ghij', 'bytes 16-19/20'],
    ['bytes=16-', 'ghij', 'bytes 16-19/20'],
    ['bytes=18-500', 'ij', 'bytes 18-19/20']
  ])('Range %s is 206 with Content-Range', async (range, text, contentRange) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: range }))
    expect(await (out.Body as { transformToString(): Promise<string> }).transformToString()).toBe(
      text
    )
    expect([out.$metadata.httpStatusCode, out.ContentRange, out.ContentLength]).toEqual([
      206,
      contentRange,
      text.length
    ])
  })

  test('a Range past the end is InvalidRange (416)', async () => {
    const error = await failure(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=20-' }))
    )
    expect([error.name, (error.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'InvalidRange',
      416
    ])
    expect(error.ActualObjectSize).toBe('20')
  })

  test('a missing key is NoSuchKey; HeadObject answers 404 NotFound with no body', async () => {
    const get = await failure(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nightly/none' }))
    )
    expect([get.name, get.message, get.Key]).toEqual([
      'NoSuchKey',
      'The specified key does not exist.',
      'nightly/none'
    ])
    const head = await failure(
      s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nightly/none' }))
    )
    expect([head.name, (head.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'NotFound',
      404
    ])
  })

  test('HeadObject gives the metadata, and honours Range', async () => {
    const out = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    expect([out.ContentLength, out.ETag, out.SSEKMSKeyId]).toEqual([
      20,
      store.getObject(BUCKET, key)?.etag,
      KEY_ARN
    ])
    const ranged = await s3.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=-8' })
    )
    expect([ranged.ContentLength, ranged.ContentRange]).toEqual([8, 'bytes 12-19/20'])
  })

  test('operations the stand-in lacks are NotImplemented (501)', async () => {
    const error = await failure(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'new', Body: 'x' }))
    )
    expect([error.name, (error.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'NotImplemented',
      501
    ])
    expect(store.getObject(BUCKET, 'new')).toBeUndefined()
  })
})

describe('refusals', () => {
  beforeEach(seed)
  const key = 'nightly/exp-1/export_info_exp-1.json'

  test('a bucket refused: every operation is AccessDenied naming the permission', async () => {
    store.refuse({ bucket: BUCKET })
    const listed = await failure(list({ Prefix: 'nightly/' }))
    expect([listed.name, (listed.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'AccessDenied',
      403
    ])
    expect(listed.message).toBe(
      `User: ${store.principalArn} is not authorized to perform: s3:ListBucket on resource: ` +
        `"arn:aws:s3:::exports" because no identity-based policy allows the s3:ListBucket action`
    )
    const got = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })))
    expect(got.message).toContain(`s3:GetObject on resource: "arn:aws:s3:::exports/${key}"`)
    // A HEAD error has no body, so the SDK can only name a 404 (NotFound): a 403 is "Unknown".
    const head = await failure(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })))
    expect([head.name, (head.$metadata as { httpStatusCode: number }).httpStatusCode]).toEqual([
      'Unknown',
      403
    ])
  })

  test('only under a prefix, and only for one operation', async () => {
    store.refuse({ bucket: BUCKET, prefix: 'nightly/exp-1/appdb/', operations: ['GetObject'] })
    await expect(list({ Prefix: 'nightly/exp-1/appdb/' })).resolves.toMatchObject({ KeyCount: 3 })
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).resolves.toBeDefined()
    const denied = await failure(
      s3.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: 'nightly/exp-1/appdb/public.users/1/part-00000-x-c000.gz.parquet'
        })
      )
    )
    expect(denied.name).toBe('AccessDenied')
    store.allowAll()
    store.refuse({ bucket: BUCKET, operations: ['ListObjectsV2'] })
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).resolves.toBeDefined()
    expect((await failure(list({}))).name).toBe('AccessDenied')
  })

  test('without ListBucket a missing key is 403, not 404', async () => {
    store.refuse({ bucket: BUCKET, operations: ['ListObjectsV2'] })
    const error = await failure(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nightly/none' }))
    )
    expect([error.name, error.message]).toEqual(['AccessDenied', 'Access Denied'])
  })

  test('KMS refuses GetObject of SSE-KMS objects with S3 words; HeadObject and SSE-S3 still work', async () => {
    store.refuseKms({ keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' })
    const error = await failure(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=-8' }))
    )
    expect([
      error.name,
      error.message,
      (error.$metadata as { httpStatusCode: number }).httpStatusCode
    ]).toEqual(['AccessDenied', KMS_DENIED_MESSAGE, 403])
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    ).resolves.toBeDefined()
    const plain = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'plain.txt' }))
    expect(plain.ServerSideEncryption).toBe('AES256')
    store.allowAll()
    store.refuseKms({ keyId: 'another-key' })
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).resolves.toBeDefined()
  })
})

describe('echoChecksums: the whole object checksum on a ranged GET, as some emulators send it', () => {
  // The SDK checks the checksum as the body is read.
  const range = async (client: S3Client) => {
    const answer = await client.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'k', Range: 'bytes=10-19' })
    )
    return answer.Body?.transformToString()
  }

  beforeEach(() => {
    store.createBucket(BUCKET)
    store.putObject(BUCKET, 'k', BODY)
    store.echoChecksums = true
  })

  test('sent on whole and ranged answers: the CRC32 of the whole object, FULL_OBJECT', async () => {
    const whole = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'k' }))
    expect(await whole.Body?.transformToString()).toBe(BODY.toString())
    // The SDK checks the whole object's CRC32, and it matches.
    expect(whole.ChecksumCRC32).toBe(Buffer.from('638c0d29', 'hex').toString('base64'))
    expect(whole.ChecksumType).toBe('FULL_OBJECT')
  })

  test("the SDK's default (WHEN_SUPPORTED) rejects the range; WHEN_REQUIRED reads it", async () => {
    await expect(range(s3)).rejects.toThrow(/Checksum mismatch/)
    const lenient = new S3Client({
      ...clientConfig(served.endpoint),
      forcePathStyle: true,
      responseChecksumValidation: 'WHEN_REQUIRED'
    })
    try {
      expect(await range(lenient)).toBe('abcdefghij')
    } finally {
      lenient.destroy()
    }
  })
})
