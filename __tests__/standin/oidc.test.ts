// The runner's OIDC endpoint, and env(): what the toolkit and the SDK read to find the stand-in.
import { expect, test } from '@jest/globals'
import { startStandIn } from '../../test/standin/index.js'
import { oidcToken } from '../../test/support/standin.js'

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()) as Record<
    string,
    unknown
  >

test('the OIDC endpoint wants the bearer and issues GitHub-shaped JWTs', async () => {
  const standIn = await startStandIn({
    oidc: { lifetimeSeconds: 300, repository: 'octo-org/data' }
  })
  try {
    const env = standIn.env()
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    const token = await oidcToken(standIn)
    const [header, , signature] = token.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      typ: 'JWT'
    })
    expect(signature.length).toBeGreaterThan(300)
    const claims = claimsOf(token)
    expect(claims).toMatchObject({
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/data:ref:refs/heads/main',
      iss: 'https://token.actions.githubusercontent.com',
      repository: 'octo-org/data'
    })
    expect((claims.exp as number) - (claims.iat as number)).toBe(300)
    const other = await oidcToken(standIn)
    expect(claimsOf(other).jti).not.toBe(claims.jti)
    expect(standIn.requests.filter(r => r.service === 'oidc').map(r => r.status)).toEqual([
      401, 401, 200, 200
    ])
    expect(standIn.issuedSecrets()).toEqual(
      expect.arrayContaining([token, other, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN])
    )
  } finally {
    await standIn.close()
  }
})

test('env() gives what the runner and the SDK read', async () => {
  const standIn = await startStandIn({ region: 'eu-west-1' })
  try {
    expect(standIn.env()).toEqual({
      AWS_ENDPOINT_URL: standIn.url,
      AWS_REGION: 'eu-west-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: `${standIn.url}/_oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: standIn.oidcRequestToken
    })
    expect(Object.keys(standIn.env({ staticKeys: true }))).toEqual(
      expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
    )
    expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  } finally {
    await standIn.close()
  }
})
