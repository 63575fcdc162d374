// Signature Version 4, checked the way AWS checks it: the Authorization header names the access
// key and scope, the signature is recomputed from the request with the key's secret. Two rules
// differ by service, as in the SDK's signer (@smithy/signature-v4) and AWS's docs: S3 signs the
// path exactly as sent, every other service normalizes it and URI-encodes it a second time
// (uriEscapePath); S3 takes the payload hash from x-amz-content-sha256 (maybe UNSIGNED-PAYLOAD),
// every other service hashes the body it received.
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

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
const CONTENT_SHA256 = 'x-amz-content-sha256'

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
  /** Path and query exactly as received, e.g. `/` or `/bucket/a%20b?list-type=2`. */
  url: string
  headers: IncomingHttpHeaders
  body: Buffer | string
}

export interface SigningRules {
  /** Normalize the path and URI-encode it once more: every service but S3. */
  uriEscapePath: boolean
  /** The payload hash is the x-amz-content-sha256 header (S3), not the body's hash. */
  payloadHashHeader: boolean
}

export const S3_RULES: SigningRules = { uriEscapePath: false, payloadHashHeader: true }
export const DEFAULT_RULES: SigningRules = { uriEscapePath: true, payloadHashHeader: false }

/** True when the signature matches the request signed with this secret. */
export function verifySignature(
  request: SignedRequest,
  auth: SigV4Authorization,
  secretAccessKey: string,
  rules: SigningRules = DEFAULT_RULES
): boolean {
  const amzDate = header(request.headers, 'x-amz-date')
  if (!amzDate || !amzDate.startsWith(auth.date)) return false
  const [path = '/', query = ''] = splitUrl(request.url)
  let canonicalQueryString: string
  try {
    canonicalQueryString = canonicalQuery(query)
  } catch {
    return false // a malformed %-escape: nothing the client can have signed
  }
  const canonicalRequest = [
    request.method,
    rules.uriEscapePath ? canonicalPath(path) : path,
    canonicalQueryString,
    auth.signedHeaders.map(name => `${name}:${header(request.headers, name) ?? ''}\n`).join(''),
    auth.signedHeaders.join(';'),
    rules.payloadHashHeader
      ? (header(request.headers, CONTENT_SHA256) ?? sha256Hex(request.body))
      : sha256Hex(request.body)
  ].join('\n')
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
  let key: Buffer = hmac(`AWS4${secretAccessKey}`, auth.date)
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part)
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'))
  const actual = Buffer.from(auth.signature)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/**
 * S3's own rule on x-amz-content-sha256: required with header signing, and when it is a hash
 * (not UNSIGNED-PAYLOAD or a STREAMING-... value) it must be the body's.
 */
export function contentSha256Problem(
  request: Pick<SignedRequest, 'headers' | 'body'>
): 'missing' | 'mismatch' | undefined {
  const claimed = header(request.headers, CONTENT_SHA256)
  if (claimed === undefined) return 'missing'
  if (/^[0-9a-f]{64}$/.test(claimed) && claimed !== sha256Hex(request.body)) return 'mismatch'
  return undefined
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  if (value === undefined) return undefined
  const joined = Array.isArray(value) ? value.join(',') : value
  return joined.trim().replace(/\s+/g, ' ')
}

/** Path and query of a request target; an absolute-form target (`http://host/p`) loses its origin. */
function splitUrl(url: string): [string, string] {
  const target = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '') || '/'
  const at = target.indexOf('?')
  return at === -1 ? [target, ''] : [target.slice(0, at), target.slice(at + 1)]
}

/** As the SDK signs for services other than S3: `.`, `..` and empty segments resolved, then
 * the (already encoded) path URI-encoded again, slashes kept. */
function canonicalPath(path: string): string {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : ''
  return `/${segments.map(rfc3986).join('/')}${trailing}`
}

/** Every `key=value` pair decoded and encoded again the RFC 3986 way, sorted by key then value. */
function canonicalQuery(query: string): string {
  if (query === '') return ''
  return query
    .split('&')
    .filter(pair => pair !== '')
    .map(pair => {
      const at = pair.indexOf('=')
      const [key, value] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
      return [rfc3986(decodeURIComponent(key)), rfc3986(decodeURIComponent(value))] as const
    })
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

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}
