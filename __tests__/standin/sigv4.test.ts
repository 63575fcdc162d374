// The stand-in's SigV4 check against the SDK's own signer (@smithy/signature-v4): whatever the
// SDK signs, the check accepts, for S3's rules (path as sent, x-amz-content-sha256, maybe
// UNSIGNED-PAYLOAD) and every other service's (path normalized and encoded twice); a request
// changed after signing is refused.
import { describe, expect, test } from '@jest/globals'
import { SignatureV4 } from '@smithy/signature-v4'
import type { SourceData } from '@smithy/types'
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import {
  DEFAULT_RULES,
  S3_RULES,
  contentSha256Problem,
  parseAuthorization,
  sha256Hex,
  verifySignature
} from '../../test/standin/sigv4.js'

class Sha256 {
  private readonly hash: Hash | Hmac
  constructor(secret?: SourceData) {
    this.hash = secret ? createHmac('sha256', Buffer.from(secret as string)) : createHash('sha256')
  }
  update(data: SourceData): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as Uint8Array))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest())
  }
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' }

interface Signed {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** Signs as the SDK does and returns the request as the server receives it. */
async function sign(
  service: 's3' | 'rds',
  path: string,
  query: Record<string, string | string[]>,
  body = '',
  extraHeaders: Record<string, string> = {}
): Promise<Signed> {
  const signer = new SignatureV4({
    credentials,
    region: 'us-east-1',
    service,
    sha256: Sha256,
    uriEscapePath: service !== 's3'
  })
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path,
    query,
    headers: { host: '127.0.0.1:4566', ...extraHeaders },
    body
  })
  // What goes on the wire: the query string built as the SDK's HTTP handler builds it.
  const search = Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map(x => `${escape(k)}=${escape(x)}`))
    .join('&')
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])
  )
  return { method: 'POST', url: search ? `${path}?${search}` : path, headers, body }
}

const escape = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function check(request: Signed, service: 's3' | 'rds', secret = credentials.secretAccessKey) {
  const auth = parseAuthorization(request.headers.authorization as string)
  if (!auth) throw new Error('no Authorization header')
  return verifySignature(request, auth, secret, service === 's3' ? S3_RULES : DEFAULT_RULES)
}

describe.each(['s3', 'rds'] as const)('signed for %s', service => {
  const paths = [
    '/',
    '/acme-db-exports/',
    '/acme-db-exports/exports/my%20table/%C3%A4%2Bb%3Dc.parquet',
    '/bucket/a/./b/../c',
    '/bucket//double/slash',
    '/bucket/%2Fencoded-slash'
  ]
  test.each(paths)('path %s is accepted as signed', async path => {
    const request = await sign(service, path, { 'list-type': '2', prefix: 'a b/ä', x: ['2', '1'] })
    expect(check(request, service)).toBe(true)
  })

  test('a body, a changed body, a changed query, a wrong secret', async () => {
    const request = await sign(service, '/bucket/key', { a: '1' }, 'Action=Describe&x=%20')
    expect(check(request, service)).toBe(true)
    expect(check({ ...request, body: 'Action=Describe&x=1' }, service)).toBe(service === 's3')
    expect(check({ ...request, url: '/bucket/key?a=2' }, service)).toBe(false)
    expect(check({ ...request, url: '/bucket/other?a=1' }, service)).toBe(false)
    expect(check(request, service, 'not-the-secret')).toBe(false)
  })
})

test('S3: the payload hash is the header, UNSIGNED-PAYLOAD included, and must name the body', async () => {
  const unsigned = await sign('s3', '/bucket/key', {}, 'data', {
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD'
  })
  expect(check(unsigned, 's3')).toBe(true)
  expect(contentSha256Problem(unsigned)).toBeUndefined()
  const hashed = await sign('s3', '/bucket/key', {}, 'data')
  expect(hashed.headers['x-amz-content-sha256']).toBe(sha256Hex('data'))
  expect(contentSha256Problem(hashed)).toBeUndefined()
  expect(contentSha256Problem({ ...hashed, body: 'other' })).toBe('mismatch')
  const without = { ...hashed.headers }
  delete without['x-amz-content-sha256']
  expect(contentSha256Problem({ ...hashed, headers: without })).toBe('missing')
})

test('other services: the same path signed by S3’s rules does not pass', async () => {
  const request = await sign('s3', '/bucket/a%20b', {})
  expect(check(request, 's3')).toBe(true)
  expect(
    verifySignature(
      request,
      parseAuthorization(request.headers.authorization as string)!,
      credentials.secretAccessKey
    )
  ).toBe(false)
})
