// The account's keys: assumed credentials expire, unknown keys, wrong secrets and missing
// session tokens are refused as RDS refuses them.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeExportTasksCommand, RDSClient, type RDSClientConfig } from '@aws-sdk/client-rds'
import { fromWebToken } from '@aws-sdk/credential-providers'
import { startStandIn, type StandIn } from '../../test/standin/index.js'
import { REGION } from '../../test/support/e2e.js'
import { ROLE, assumedCredentials, expectError, oidcToken } from '../../test/support/standin.js'

describe('credentials', () => {
  let standIn: StandIn
  beforeAll(
    async () =>
      (standIn = await startStandIn({
        credentialLifetimeSeconds: 3600,
        staticCredentials: [
          { accessKeyId: 'AKIASTATICSTANDIN001', secretAccessKey: 'static-secret' }
        ]
      }))
  )
  afterAll(() => standIn.close())

  const rdsWith = (credentials: RDSClientConfig['credentials']) =>
    new RDSClient({ region: REGION, endpoint: standIn.url, maxAttempts: 1, credentials })
  const describeWith = (credentials: RDSClientConfig['credentials']) =>
    rdsWith(credentials).send(new DescribeExportTasksCommand({}))

  test('assumed credentials work, then are refused with ExpiredToken once expired', async () => {
    const webIdentityToken = await oidcToken(standIn)
    const provider = fromWebToken({
      roleArn: ROLE,
      roleSessionName: 'gha-run-1',
      webIdentityToken,
      clientConfig: { region: REGION, endpoint: standIn.url }
    })
    const credentials = await provider()
    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    expect(credentials.expiration?.getTime()).toBe(
      Math.floor(standIn.now().getTime() / 1000) * 1000 + 3600_000
    )
    expect(standIn.issuedSecrets()).toEqual(
      expect.arrayContaining([
        credentials.secretAccessKey,
        credentials.sessionToken,
        webIdentityToken,
        standIn.oidcRequestToken
      ])
    )
    const rds = rdsWith(credentials)
    await rds.send(new DescribeExportTasksCommand({}))
    standIn.advance(3601)
    await expectError(rds.send(new DescribeExportTasksCommand({})), 'ExpiredToken', 400)
  })

  test('unknown keys, a wrong secret and a missing session token are refused', async () => {
    await expectError(
      describeWith({ accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'x' }),
      'InvalidClientTokenId',
      403
    )
    await expectError(
      describeWith({ accessKeyId: 'AKIASTATICSTANDIN001', secretAccessKey: 'wrong' }),
      'SignatureDoesNotMatch',
      403
    )
    const assumed = await assumedCredentials(standIn)
    await expectError(
      describeWith({ accessKeyId: assumed.accessKeyId, secretAccessKey: assumed.secretAccessKey }),
      'InvalidClientTokenId'
    )
    const ok = await describeWith({
      accessKeyId: 'AKIASTATICSTANDIN001',
      secretAccessKey: 'static-secret'
    })
    expect(ok.$metadata.httpStatusCode).toBe(200)
    expect(standIn.requests.at(-1)).toMatchObject({
      accessKeyId: 'AKIASTATICSTANDIN001',
      sessionToken: false
    })
  })
})
