// Signature Version 4, checked the way AWS checks it: the Authorization header names the access
// key and scope, the signature is recomputed from the request with the key's secret.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export interface SigV4Authorization {
  accessKeyId: string
  /** yyyymmdd */
  date: string
  region: string
  service: string
  signedHeaders: string[]
  signature: string
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/

/** The header's parts, or undefined when it is missing or not a well-formed SigV4 header. */
export function parseAuthorization(header: string | undefined): SigV4Authorization | undefined {
  const match = header === undefined ? null : AUTHORIZATION.exec(header.trim())
  if (!match) return undefined
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string
  ]
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature
  }
}

export interface SignedRequest {
  method: string
  /** Path and query as received, e.g. `/` or `/?a=b`. */
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** True when the signature matches the request signed with this secret. */
export function verifySignature(
  request: SignedRequest,
  auth: SigV4Authorization,
  secretAccessKey: string
): boolean {
  const amzDate = header(request.headers, 'x-amz-date')
  if (!amzDate || !amzDate.startsWith(auth.date)) return false
  const [path = '/', query = ''] = request.url.split('?', 2)
  const payloadHash = header(request.headers, 'x-amz-content-sha256') ?? sha256Hex(request.body)
  const canonicalRequest = [
    request.method,
    canonicalPath(path),
    canonicalQuery(query),
    auth.signedHeaders.map(name => `${name}:${header(request.headers, name) ?? ''}\n`).join(''),
    auth.signedHeaders.join(';'),
    payloadHash
  ].join('\n')
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
  let key: Buffer = hmac(`AWS4${secretAccessKey}`, auth.date)
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part)
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'))
  const actual = Buffer.from(auth.signature)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  if (value === undefined) return undefined
  const joined = Array.isArray(value) ? value.join(',') : value
  return joined.trim().replace(/\s+/g, ' ')
}

function canonicalPath(path: string): string {
  // Services other than S3 sign the path URI-encoded a second time.
  return path
    .split('/')
    .map(segment => rfc3986(segment))
    .join('/')
}

function canonicalQuery(query: string): string {
  if (query === '') return ''
  return [...new URLSearchParams(query)]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}
