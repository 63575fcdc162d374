// STS: AssumeRoleWithWebIdentity refuses what STS refuses; GetCallerIdentity (signed) answers
// the assumed role, for the configure-aws-credentials baseline in bench/.
import { describe, expect, test } from '@jest/globals'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { SignatureV4 } from '@smithy/signature-v4'
import type { SourceData } from '@smithy/types'
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto'
import type { StandIn } from '../../test/standin/index.js'
import { ACCOUNT, REGION, withStandIn } from '../../test/support/e2e.js'
import {
  ROLE,
  assumedCredentials,
  expectError,
  failure,
  oidcToken
} from '../../test/support/standin.js'

describe('STS AssumeRoleWithWebIdentity', () => {
  const assume = (
    standIn: StandIn,
    webIdentityToken: string,
    extra: { durationSeconds?: number; roleSessionName?: string } = {}
  ) =>
    fromWebToken({
      roleArn: ROLE,
      webIdentityToken,
      ...extra,
      clientConfig: { region: REGION, endpoint: standIn.url, maxAttempts: 1 }
    })()

  test('refuses foreign, tampered, expired and wrong-audience tokens as STS does', () =>
    withStandIn({ trustedSubjects: ['repo:octo-org/octo-repo:*'] }, async standIn => {
      const good = await oidcToken(standIn)
      const [header, payload, signature] = good.split('.') as [string, string, string]
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
        string,
        unknown
      >
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'repo:evil/repo:ref:refs/heads/main' })).toString('base64url')}.${signature}`
      const tokens = ['not-a-jwt', forged, await oidcToken(standIn, 'api://AzureADTokenExchange')]
      for (const token of tokens) {
        await expectError(assume(standIn, token), 'InvalidIdentityTokenException', 400)
      }
      const tooLong = await failure(assume(standIn, good, { durationSeconds: 43200 }))
      expect([tooLong.name, tooLong.message]).toEqual([
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      ])
      await expectError(assume(standIn, good, { roleSessionName: 'has space' }), 'ValidationError')
      standIn.advance(301)
      await expectError(assume(standIn, good), 'ExpiredTokenException', 400)
    }))

  test('a subject the role does not trust is AccessDenied', () =>
    withStandIn({ trustedSubjects: ['repo:octo-org/other-repo:*'] }, async standIn => {
      await expectError(assume(standIn, await oidcToken(standIn)), 'AccessDenied', 403)
    }))
})

describe('STS GetCallerIdentity (for the configure-aws-credentials baseline in bench/)', () => {
  /** node:crypto behind the hash interface SignatureV4 takes. */
  class Sha256 {
    private readonly hash: Hash | Hmac
    constructor(secret?: SourceData) {
      this.hash = secret ? createHmac('sha256', toBuffer(secret)) : createHash('sha256')
    }
    update(data: SourceData): void {
      this.hash.update(toBuffer(data))
    }
    digest(): Promise<Uint8Array> {
      return Promise.resolve(this.hash.digest())
    }
  }
  const toBuffer = (d: SourceData): Buffer =>
    typeof d === 'string' ? Buffer.from(d) : Buffer.from(d as ArrayBuffer)

  async function getCallerIdentity(
    standIn: StandIn,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  ): Promise<{ status: number; body: string }> {
    const url = new URL(standIn.url)
    const body = 'Action=GetCallerIdentity&Version=2011-06-15'
    const signer = new SignatureV4({ credentials, region: REGION, service: 'sts', sha256: Sha256 })
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
      body
    })
    const response = await fetch(standIn.url, {
      method: 'POST',
      headers: signed.headers,
      body
    })
    return { status: response.status, body: await response.text() }
  }

  test('answers the assumed role for its credentials and refuses unsigned callers', () =>
    withStandIn({}, async standIn => {
      const credentials = await assumedCredentials(standIn, 'GitHubActions')
      const answer = await getCallerIdentity(standIn, credentials)
      expect(answer.status).toBe(200)
      expect(answer.body).toContain(
        `<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/github-exporter/GitHubActions</Arn>`
      )
      expect(answer.body).toContain(`<Account>${ACCOUNT}</Account>`)
      expect(answer.body).toMatch(/<UserId>AROA[A-Z0-9]{17}:GitHubActions<\/UserId>/)

      const unsigned = await fetch(standIn.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=GetCallerIdentity&Version=2011-06-15'
      })
      expect(unsigned.status).toBe(403)
      expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>')
      const wrongSecret = await getCallerIdentity(standIn, {
        ...credentials,
        secretAccessKey: 'not-the-secret'
      })
      expect(wrongSecret.status).toBe(403)
      expect(wrongSecret.body).toContain('<Code>SignatureDoesNotMatch</Code>')
    }))
})
