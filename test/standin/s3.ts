// S3 for the stand-in: an in-memory object store, and the REST-XML answers of the operations an
// export is read with (ListObjectsV2, GetObject with Range, HeadObject), with the refusals S3
// and KMS give. Path-style and virtual-hosted addressing both resolve. Anything else is
// answered NotImplemented, never quietly accepted.
import { createHash, randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { STANDIN_HOST } from './proxy.js'
import {
  ServiceError,
  type ServiceAnswer,
  type ServiceModule,
  type ServiceRequest
} from './service.js'
import { fields, tag, wrap } from './xml.js'

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/'

/** What S3 answers a GetObject of an SSE-KMS object when the caller may not kms:Decrypt. */
export const KMS_DENIED_MESSAGE =
  'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.'

export type S3Operation = 'ListObjectsV2' | 'GetObject' | 'HeadObject'

export interface S3Object {
  bucket: string
  key: string
  body: Buffer
  /** Quoted MD5 of the body, as S3 gives it for a single-part upload. */
  etag: string
  lastModified: Date
  contentType: string
  /** Key ARN of an SSE-KMS object; undefined for SSE-S3. */
  sseKmsKeyId?: string
}

export interface PutOptions {
  contentType?: string
  sseKmsKeyId?: string
  lastModified?: Date
}

/** S3 refuses (403 AccessDenied), as a bucket or IAM policy without the permission would. */
export interface S3Refusal {
  bucket: string
  /** Only keys (GetObject, HeadObject) or listing prefixes (ListObjectsV2) under this prefix. */
  prefix?: string
  /** Only these operations; all three when omitted. */
  operations?: S3Operation[]
  /** Default: the message S3 gives a same-account caller whose policies lack the permission. */
  message?: string
}

/** KMS refuses: a GetObject of an object encrypted with this key (any key when omitted). */
export interface KmsRefusal {
  keyId?: string
  /**
   * Why, as S3 passes it on: the caller may not kms:Decrypt (AccessDenied, the default), or the
   * key itself can't be used, under KMS's code with S3's `KMS.` prefix (observed, 400).
   */
  code?: 'AccessDenied' | 'KMS.DisabledException' | 'KMS.KMSInvalidStateException'
}

const KMS_KEY_MESSAGES = {
  'KMS.DisabledException': 'The key ARN is disabled.',
  'KMS.KMSInvalidStateException': 'The key ARN is pending deletion.'
} as const

export interface S3StoreOptions {
  /** Who the caller is, for AccessDenied messages. */
  principalArn?: string
  /** Every GetObject and HeadObject answer carries the whole object's CRC32
   * (`x-amz-checksum-crc32`, `x-amz-checksum-type: FULL_OBJECT`), ranged ones too, asked for or
   * not, as some emulators do (reported of moto; moto's source since 5.1.2, getmoto/moto#8675,
   * drops them from a partial range). Real S3 sends none on a ranged GET; an SDK that checks the
   * whole object's checksum against a range rejects it. */
  echoChecksums?: boolean
}

/** The IAM action each operation needs. */
const PERMISSION: Record<S3Operation, string> = {
  ListObjectsV2: 's3:ListBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject'
}

/** S3 orders keys by their UTF-8 bytes, which is code point order (not UTF-16 unit order). */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0
    const y = b.codePointAt(i) ?? 0
    if (x !== y) return x - y
    if (x > 0xffff) i++
  }
  return a.length - b.length
}

/** An S3 error with the extra elements S3 puts in its <Error> document. */
export class S3Error extends ServiceError {
  constructor(
    code: string,
    status: number,
    message: string,
    readonly details: Record<string, string> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(code, status, message)
  }
}

const etags = new WeakMap<object, string>()

/** The quoted MD5 of a body, computed once per body object. */
function etagOf(source: Buffer | Uint8Array | string, bytes: Buffer): string {
  const known = typeof source === 'string' ? undefined : etags.get(source)
  if (known) return known
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`
  if (typeof source !== 'string') etags.set(source, etag)
  return etag
}

export class S3Store {
  private readonly buckets = new Map<string, Map<string, S3Object>>()
  private readonly sorted = new Map<string, string[]>()
  private readonly refusals: S3Refusal[] = []
  private readonly kmsRefusals: KmsRefusal[] = []
  readonly principalArn: string
  echoChecksums: boolean

  constructor(options: S3StoreOptions = {}) {
    this.principalArn =
      options.principalArn ?? 'arn:aws:sts::123456789012:assumed-role/github-exporter/standin'
    this.echoChecksums = options.echoChecksums ?? false
  }

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map())
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name)
  }

  putObject(
    bucket: string,
    key: string,
    body: Buffer | Uint8Array | string,
    options: PutOptions = {}
  ): S3Object {
    const objects = this.buckets.get(bucket)
    if (!objects) throw new Error(`S3 stand-in: no bucket ${bucket}; createBucket first`)
    // The store keeps the bytes it is given (no copy): writers share one body among keys.
    const bytes =
      typeof body === 'string'
        ? Buffer.from(body)
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
    const object: S3Object = {
      bucket,
      key,
      body: bytes,
      etag: etagOf(body, bytes),
      lastModified: options.lastModified ?? new Date(),
      contentType: options.contentType ?? 'binary/octet-stream',
      sseKmsKeyId: options.sseKmsKeyId
    }
    if (!objects.has(key)) this.sorted.delete(bucket)
    objects.set(key, object)
    return object
  }

  getObject(bucket: string, key: string): S3Object | undefined {
    return this.buckets.get(bucket)?.get(key)
  }

  deleteObject(bucket: string, key: string): void {
    if (this.buckets.get(bucket)?.delete(key)) this.sorted.delete(bucket)
  }

  /** Every key of the bucket under the prefix, in S3's order. */
  keys(bucket: string, prefix = ''): string[] {
    const all = this.sortedKeys(bucket)
    const out: string[] = []
    for (let i = this.firstAtOrAfter(all, prefix); i < all.length; i++) {
      const key = all[i] as string
      if (!key.startsWith(prefix)) break
      out.push(key)
    }
    return out
  }

  /** Keys in S3's order from the first one not before `from`. */
  *keysFrom(bucket: string, from: string): Generator<string> {
    const all = this.sortedKeys(bucket)
    for (let i = this.firstAtOrAfter(all, from); i < all.length; i++) yield all[i] as string
  }

  refuse(rule: S3Refusal): void {
    this.refusals.push(rule)
  }

  refuseKms(rule: KmsRefusal = {}): void {
    this.kmsRefusals.push(rule)
  }

  /** Lifts every S3 and KMS refusal. */
  allowAll(): void {
    this.refusals.length = 0
    this.kmsRefusals.length = 0
  }

  /** The refusal that applies to this operation on this key or listing prefix, if any. */
  refusalFor(bucket: string, operation: S3Operation, keyOrPrefix: string): S3Refusal | undefined {
    return this.refusals.find(
      rule =>
        rule.bucket === bucket &&
        (!rule.operations || rule.operations.includes(operation)) &&
        keyOrPrefix.startsWith(rule.prefix ?? '')
    )
  }

  kmsRefusal(object: S3Object): KmsRefusal | undefined {
    if (!object.sseKmsKeyId) return undefined
    return this.kmsRefusals.find(rule => !rule.keyId || object.sseKmsKeyId?.includes(rule.keyId))
  }

  private sortedKeys(bucket: string): string[] {
    let keys = this.sorted.get(bucket)
    if (!keys) {
      keys = [...(this.buckets.get(bucket)?.keys() ?? [])].sort(compareKeys)
      this.sorted.set(bucket, keys)
    }
    return keys
  }

  private firstAtOrAfter(keys: string[], from: string): number {
    let low = 0
    let high = keys.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (compareKeys(keys[middle] as string, from) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** Names the stand-in answers to under which `<bucket>.<name>` is a virtual-hosted bucket: the
 * SDK addresses buckets so under any endpoint that is not an IP address. */
const VIRTUAL_HOST_BASES = ['localhost', STANDIN_HOST]

/** `<bucket>` of `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-...`, `<bucket>.localhost`,
 * `<bucket>.aws.standin.test`; undefined for a path-style host. */
function virtualBucket(hostname: string): string | undefined {
  const s3 = /^(.+?)\.s3[.-]/.exec(hostname)
  if (s3) return s3[1]
  const base = VIRTUAL_HOST_BASES.find(name => hostname.endsWith(`.${name}`))
  return base && hostname.slice(0, -base.length - 1)
}

/** Where a request points: the bucket and the key ('' for the bucket itself). */
export function s3Address(request: ServiceRequest): { bucket: string; key: string } {
  const hostname = (request.headers.host ?? request.url.host).replace(/:\d+$/, '').toLowerCase()
  const path = request.url.pathname
  const virtual = virtualBucket(hostname)
  if (virtual) return { bucket: virtual, key: decodePath(path.slice(1)) }
  const slash = path.indexOf('/', 1)
  if (slash < 0) return { bucket: decodePath(path.slice(1)), key: '' }
  return { bucket: decodePath(path.slice(1, slash)), key: decodePath(path.slice(slash + 1)) }
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new S3Error('InvalidURI', 400, "Couldn't parse the specified URI.")
  }
}

/** The operation a request asks for, named as in the S3 API reference. */
export function s3Action(request: ServiceRequest): string {
  const { bucket, key } = s3Address(request)
  const query = request.url.searchParams
  const method = request.method.toUpperCase()
  if (!bucket) return method === 'GET' ? 'ListBuckets' : ''
  if (key) {
    const byMethod: Record<string, string> = {
      GET: 'GetObject',
      HEAD: 'HeadObject',
      PUT: 'PutObject',
      DELETE: 'DeleteObject'
    }
    return byMethod[method] ?? ''
  }
  if (method === 'GET') {
    if (query.get('list-type') === '2') return 'ListObjectsV2'
    return query.has('location') ? 'GetBucketLocation' : 'ListObjects'
  }
  const byMethod: Record<string, string> = {
    HEAD: 'HeadBucket',
    PUT: 'CreateBucket',
    DELETE: 'DeleteBucket'
  }
  return byMethod[method] ?? (query.has('delete') ? 'DeleteObjects' : '')
}

/** The ids S3 answers under: the router's request id, and an extended host id. */
function requestHeaders(requestId: string): Record<string, string> {
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': randomBytes(32).toString('base64') }
}

/** HTTP status of S3's error codes, for injected errors (default 400). */
const S3_ERROR_STATUS: Record<string, number> = {
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  InvalidRange: 416,
  InternalError: 500,
  NotImplemented: 501,
  ServiceUnavailable: 503,
  SlowDown: 503
}

export interface S3ServiceOptions {
  /** Runs before each request is answered (the export writer's hook: storage.ts). */
  beforeRequest?: () => void
}

/** One request as the operations see it: where it points, who asks, the id it is answered under. */
interface S3Call {
  bucket: string
  key: string
  /** The caller's ARN, for AccessDenied messages. */
  caller: string
  requestId: string
}

/** The S3 module of the stand-in: answers through the ServiceModule shape only. */
export class S3Service implements ServiceModule {
  readonly service = 's3' as const

  constructor(
    readonly store: S3Store,
    private readonly options: S3ServiceOptions = {}
  ) {}

  action(request: ServiceRequest): string {
    try {
      return s3Action(request)
    } catch {
      return '' // a path that doesn't decode: handle() answers InvalidURI
    }
  }

  /** Bucket, Key, the query string and Range, for the request log. */
  params(request: ServiceRequest): Record<string, string> {
    const params: Record<string, string> = Object.fromEntries(request.url.searchParams)
    try {
      const { bucket, key } = s3Address(request)
      Object.assign(params, { Bucket: bucket }, key ? { Key: key } : {})
    } catch {
      // logged without them; handle() answers InvalidURI
    }
    const range = request.headers.range
    return typeof range === 'string' ? { ...params, Range: range } : params
  }

  errorStatus(code: string): number | undefined {
    return S3_ERROR_STATUS[code]
  }

  handle(request: ServiceRequest, action: string): ServiceAnswer {
    this.options.beforeRequest?.()
    const call: S3Call = {
      ...s3Address(request),
      caller: request.caller?.arn ?? this.store.principalArn,
      requestId: request.requestId
    }
    if (action === 'ListObjectsV2') return this.listObjectsV2(call, request.url.searchParams)
    if (action === 'GetObject' || action === 'HeadObject') {
      return this.readObject(call, action, request.headers.range)
    }
    throw new S3Error(
      'NotImplemented',
      501,
      'A header you provided implies functionality that is not implemented',
      { Operation: action || `${request.method} ${request.url.pathname}` }
    )
  }

  error(error: ServiceError, requestId: string): ServiceAnswer {
    const details = error instanceof S3Error ? error.details : {}
    const extra = error instanceof S3Error ? error.headers : {}
    const ids = requestHeaders(requestId)
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      wrap(
        'Error',
        fields({ Code: error.code, Message: error.message, ...details }) +
          tag('RequestId', requestId) +
          tag('HostId', ids['x-amz-id-2'])
      )
    return {
      status: error.status,
      headers: { 'content-type': 'application/xml', ...ids, ...extra },
      body
    }
  }

  private refuseIfDenied(call: S3Call, operation: S3Operation, keyOrPrefix: string): void {
    const rule = this.store.refusalFor(call.bucket, operation, keyOrPrefix)
    if (!rule) return
    const permission = PERMISSION[operation]
    const resource = operation === 'ListObjectsV2' ? call.bucket : `${call.bucket}/${keyOrPrefix}`
    throw new S3Error(
      'AccessDenied',
      403,
      rule.message ??
        `User: ${call.caller} is not authorized to perform: ${permission} on resource: ` +
          `"arn:aws:s3:::${resource}" because no identity-based policy allows the ${permission} action`
    )
  }

  private requireBucket(bucket: string): void {
    if (!this.store.hasBucket(bucket)) {
      throw new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist', {
        BucketName: bucket
      })
    }
  }

  private listObjectsV2(call: S3Call, query: URLSearchParams): ServiceAnswer {
    const request = listRequest(query)
    this.refuseIfDenied(call, 'ListObjectsV2', request.prefix)
    this.requireBucket(call.bucket)
    const page = listPage(this.store, call.bucket, request)
    return {
      status: 200,
      headers: { 'content-type': 'application/xml', ...requestHeaders(call.requestId) },
      body: listResultXml(call.bucket, request, page)
    }
  }

  private readObject(
    call: S3Call,
    operation: 'GetObject' | 'HeadObject',
    range: string | undefined
  ): ServiceAnswer {
    const { bucket, key } = call
    this.refuseIfDenied(call, operation, key)
    this.requireBucket(bucket)
    const object = this.store.getObject(bucket, key)
    if (!object) {
      // Without s3:ListBucket, S3 won't say whether a key exists: 403, not 404.
      if (this.store.refusalFor(bucket, 'ListObjectsV2', key)) {
        throw new S3Error('AccessDenied', 403, 'Access Denied')
      }
      throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key })
    }
    const kms = operation === 'GetObject' ? this.store.kmsRefusal(object) : undefined
    if (kms?.code && kms.code !== 'AccessDenied') {
      throw new S3Error(
        kms.code,
        400,
        KMS_KEY_MESSAGES[kms.code].replace('ARN', object.sseKmsKeyId!)
      )
    }
    if (kms) throw new S3Error('AccessDenied', 403, KMS_DENIED_MESSAGE)
    const slice = byteRange(range, object.body.length)
    const headers = objectHeaders(object, call.requestId)
    if (this.store.echoChecksums) Object.assign(headers, wholeObjectChecksum(object.body))
    if (!slice) {
      return { status: 200, headers, body: operation === 'GetObject' ? object.body : undefined }
    }
    const body = object.body.subarray(slice.start, slice.end + 1)
    headers['content-length'] = String(body.length)
    headers['content-range'] = `bytes ${slice.start}-${slice.end}/${object.body.length}`
    return { status: 206, headers, body: operation === 'GetObject' ? body : undefined }
  }
}

/** The headers of a whole object's CRC32, as S3 sends them for a whole-object GET. */
export function wholeObjectChecksum(body: Uint8Array): Record<string, string> {
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return { 'x-amz-checksum-crc32': crc.toString('base64'), 'x-amz-checksum-type': 'FULL_OBJECT' }
}

function objectHeaders(object: S3Object, requestId: string): Record<string, string> {
  const headers: Record<string, string> = {
    ...requestHeaders(requestId),
    'content-type': object.contentType,
    'content-length': String(object.body.length),
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes'
  }
  if (object.sseKmsKeyId) {
    headers['x-amz-server-side-encryption'] = 'aws:kms'
    headers['x-amz-server-side-encryption-aws-kms-key-id'] = object.sseKmsKeyId
  } else {
    headers['x-amz-server-side-encryption'] = 'AES256'
  }
  return headers
}

/**
 * The bytes a Range header asks for, inclusive; undefined for the whole object. As S3 does: one
 * range only (a list, or a header it can't parse, is ignored and the whole object is sent); an
 * end past the object is cut to it; a start at or past the end is 416 InvalidRange.
 */
export function byteRange(
  header: string | undefined,
  size: number
): { start: number; end: number } | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  const unsatisfiable = (): S3Error =>
    new S3Error(
      'InvalidRange',
      416,
      'The requested range is not satisfiable',
      { RangeRequested: header as string, ActualObjectSize: String(size) },
      { 'content-range': `bytes */${size}` }
    )
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0 || size === 0) throw unsatisfiable()
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Number(match[2])
  if (start >= size) throw unsatisfiable()
  if (end < start) return undefined
  return { start, end: Math.min(end, size - 1) }
}

interface ListRequest {
  prefix: string
  delimiter: string
  maxKeys: number
  requestedMaxKeys: string
  startAfter: string
  continuationToken?: string
  encodeUrl: boolean
}

interface ListEntry {
  kind: 'key' | 'prefix'
  value: string
  object?: S3Object
}

interface ListPage {
  entries: ListEntry[]
  nextToken?: string
}

function listRequest(query: URLSearchParams): ListRequest {
  const requestedMaxKeys = query.get('max-keys') ?? '1000'
  const maxKeys = Number(requestedMaxKeys)
  if (!/^\d+$/.test(requestedMaxKeys) || !Number.isSafeInteger(maxKeys) || maxKeys > 2 ** 31 - 1) {
    throw new S3Error(
      'InvalidArgument',
      400,
      'Provided max-keys not an integer or within integer range',
      { ArgumentName: 'max-keys', ArgumentValue: requestedMaxKeys }
    )
  }
  const encoding = query.get('encoding-type')
  if (encoding !== null && encoding !== 'url') {
    throw new S3Error('InvalidArgument', 400, 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
      ArgumentValue: encoding
    })
  }
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') ?? '',
    maxKeys: Math.min(maxKeys, 1000),
    requestedMaxKeys,
    startAfter: query.get('start-after') ?? '',
    continuationToken: query.get('continuation-token') ?? undefined,
    encodeUrl: encoding === 'url'
  }
}

// The continuation token is opaque to callers; here it names the last entry returned.
function encodeToken(entry: ListEntry): string {
  return Buffer.from(`${entry.kind}:${entry.value}`).toString('base64')
}

function decodeToken(token: string): ListEntry {
  const text = Buffer.from(token, 'base64').toString()
  const match = /^(key|prefix):([\s\S]*)$/.exec(text)
  if (!match || Buffer.from(text).toString('base64') !== token) {
    throw new S3Error('InvalidArgument', 400, 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
      ArgumentValue: token
    })
  }
  return { kind: match[1] as ListEntry['kind'], value: match[2] as string }
}

/** Keys and common prefixes after the cursor, in order, each common prefix once. */
function* listEntries(store: S3Store, bucket: string, request: ListRequest): Generator<ListEntry> {
  const cursor: ListEntry | undefined = request.continuationToken
    ? decodeToken(request.continuationToken)
    : request.startAfter
      ? { kind: 'key', value: request.startAfter }
      : undefined
  let lastPrefix = cursor?.kind === 'prefix' ? cursor.value : undefined
  for (const key of store.keysFrom(bucket, request.prefix)) {
    if (!key.startsWith(request.prefix)) return
    if (cursor && compareKeys(key, cursor.value) <= 0) continue
    if (lastPrefix !== undefined && key.startsWith(lastPrefix)) continue
    const rest = key.slice(request.prefix.length)
    const at = request.delimiter ? rest.indexOf(request.delimiter) : -1
    if (at < 0) {
      yield { kind: 'key', value: key, object: store.getObject(bucket, key) }
      continue
    }
    lastPrefix = request.prefix + rest.slice(0, at + request.delimiter.length)
    yield { kind: 'prefix', value: lastPrefix }
  }
}

function listPage(store: S3Store, bucket: string, request: ListRequest): ListPage {
  const entries: ListEntry[] = []
  if (request.maxKeys === 0) return { entries }
  for (const entry of listEntries(store, bucket, request)) {
    if (entries.length === request.maxKeys) {
      return { entries, nextToken: encodeToken(entries[entries.length - 1] as ListEntry) }
    }
    entries.push(entry)
  }
  return { entries }
}

function listResultXml(bucket: string, request: ListRequest, page: ListPage): string {
  const text = (value: string): string =>
    request.encodeUrl ? encodeURIComponent(value).replace(/%2F/g, '/') : value
  const contents = page.entries.flatMap(entry => {
    const object = entry.object
    if (!object) return []
    return wrap(
      'Contents',
      fields({
        Key: text(object.key),
        LastModified: object.lastModified,
        ETag: object.etag,
        Size: object.body.length,
        StorageClass: 'STANDARD'
      })
    )
  })
  const prefixes = page.entries.flatMap(entry =>
    entry.kind === 'prefix' ? wrap('CommonPrefixes', tag('Prefix', text(entry.value))) : []
  )
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ListBucketResult xmlns="${S3_NAMESPACE}">` +
    fields({
      Name: bucket,
      Prefix: text(request.prefix),
      Delimiter: request.delimiter ? text(request.delimiter) : undefined,
      MaxKeys: request.requestedMaxKeys,
      EncodingType: request.encodeUrl ? 'url' : undefined,
      KeyCount: page.entries.length,
      IsTruncated: page.nextToken !== undefined,
      ContinuationToken: request.continuationToken,
      NextContinuationToken: page.nextToken,
      StartAfter: request.startAfter ? text(request.startAfter) : undefined
    }) +
    contents.join('') +
    prefixes.join('') +
    `</ListBucketResult>\n`
  )
}
