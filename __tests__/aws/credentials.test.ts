// The OIDC credentials provider, inside a real RDSClient: the SDK refreshes credentials that
// come within five minutes of expiry, and each refresh must fetch a *new* OIDC token.
import { describe, expect, jest, test } from '@jest/globals'

interface WebTokenInit {
  roleArn: string
  webIdentityToken: string
  roleSessionName?: string
  durationSeconds?: number
  clientConfig?: Record<string, unknown>
}
let lifetimeMs = 60_000
let issued = 0
const fromWebToken = jest.fn((init: WebTokenInit) => async () => {
  issued++
  return {
    accessKeyId: `ASIA${issued}`,
    secretAccessKey: `secret-${issued}`,
    sessionToken: `session-${issued}-for-${init.webIdentityToken}`,
    expiration: new Date(Date.now() + lifetimeMs)
  }
})
const fromNodeProviderChain = jest.fn(() => async () => ({
  accessKeyId: 'AKIA-from-chain',
  secretAccessKey: 'chain-secret'
}))
jest.unstable_mockModule('@aws-sdk/credential-providers', () => ({
  fromWebToken,
  fromNodeProviderChain
}))
const {
  defaultChainCredentials,
  environmentFor,
  exportingToEnvironment,
  oidcRoleCredentials,
  shareCredentials,
  staleForLaterSteps
} = await import('../../src/aws/credentials.js')
const { checkOidcAvailable, withFirstTokenEarly } = await import('../../src/aws/oidc.js')
const { RDSClient } = await import('@aws-sdk/client-rds')

function provider(getIDToken: (audience: string) => Promise<string>, secrets: string[] = []) {
  return oidcRoleCredentials({
    roleArn: 'arn:aws:iam::123456789012:role/gha',
    audience: 'sts.amazonaws.com',
    roleSessionName: 'rds-export-42',
    durationSeconds: 3600,
    region: 'eu-west-1',
    getIDToken,
    setSecret: secret => secrets.push(secret),
    clientConfig: { maxAttempts: 4 }
  })
}

describe('oidcRoleCredentials', () => {
  test('every refresh near expiry asks the runner for a new OIDC token', async () => {
    lifetimeMs = 10 * 60_000
    let now = Date.parse('2026-11-25T08:00:00Z')
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now)
    try {
      let tokens = 0
      const getIDToken = jest.fn(async (_audience: string) => `jwt-${++tokens}`)
      const client = new RDSClient({ region: 'eu-west-1', credentials: provider(getIDToken) })
      const first = await client.config.credentials()
      now += 60_000 // nine minutes left: still good
      expect(await client.config.credentials()).toBe(first)
      now += 5 * 60_000 // four minutes left: inside the SDK's refresh window
      const second = await client.config.credentials()
      now += 6 * 60_000
      const third = await client.config.credentials()
      expect(getIDToken).toHaveBeenCalledTimes(3)
      expect(getIDToken).toHaveBeenCalledWith('sts.amazonaws.com')
      expect([first, second, third].map(c => c.sessionToken)).toEqual([
        expect.stringContaining('for-jwt-1'),
        expect.stringContaining('for-jwt-2'),
        expect.stringContaining('for-jwt-3')
      ])
      expect(fromWebToken.mock.calls.at(-1)?.[0]).toMatchObject({
        roleArn: 'arn:aws:iam::123456789012:role/gha',
        webIdentityToken: 'jwt-3',
        roleSessionName: 'rds-export-42',
        durationSeconds: 3600,
        clientConfig: { region: 'eu-west-1', maxAttempts: 4 }
      })
    } finally {
      clock.mockRestore()
    }
  })

  test('fresh credentials are reused until they near expiry', async () => {
    lifetimeMs = 3_600_000
    const getIDToken = jest.fn(async (_audience: string) => 'jwt')
    const client = new RDSClient({ region: 'eu-west-1', credentials: provider(getIDToken) })
    await client.config.credentials()
    await client.config.credentials()
    expect(getIDToken).toHaveBeenCalledTimes(1)
  })

  test('every credential value is masked', async () => {
    const secrets: string[] = []
    const creds = await provider(async () => 'jwt', secrets)()
    expect(secrets).toEqual([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken])
  })

  test('an OIDC failure is reported as such', async () => {
    const failing = provider(async () => {
      throw new Error('Failed to get ID Token. Error Code : 403')
    })
    const { explainError } = await import('../../src/errors.js')
    const error = await failing().catch((e: unknown) => e)
    expect(explainError(error, 'DescribeExportTasks').message).toMatch(
      /^Getting the GitHub OIDC token failed/
    )
  })
})

test('a missing id-token: write permission is detected up front', () => {
  expect(() => checkOidcAvailable({})).toThrow(/ACTIONS_ID_TOKEN_REQUEST_URL is not set/)
  expect(() => checkOidcAvailable({ ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x' })).toThrow(
    expect.objectContaining({ hint: expect.stringMatching(/permissions: id-token: write/) })
  )
  expect(() =>
    checkOidcAvailable({
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
    })
  ).not.toThrow()
})

test('the first token is fetched early and used once; every later call fetches anew', async () => {
  let fetched = 0
  const fetch = jest.fn(async (audience: string) => `${audience}-jwt-${++fetched}`)
  const getIDToken = withFirstTokenEarly(fetch, 'sts.amazonaws.com')
  expect(fetch).toHaveBeenCalledTimes(1) // already on its way
  expect(await getIDToken('sts.amazonaws.com')).toBe('sts.amazonaws.com-jwt-1')
  expect(await getIDToken('sts.amazonaws.com')).toBe('sts.amazonaws.com-jwt-2')
  expect(await getIDToken('sts.amazonaws.com')).toBe('sts.amazonaws.com-jwt-3')
  expect(fetch).toHaveBeenCalledTimes(3)
})

test('an early token that failed is reported when used, not before', async () => {
  const fetch = jest.fn(async (_audience: string): Promise<string> => {
    throw new Error('Failed to get ID Token')
  })
  const getIDToken = withFirstTokenEarly(fetch, 'aud')
  await new Promise(resolve => setImmediate(resolve)) // no unhandled rejection in between
  await expect(getIDToken('aud')).rejects.toThrow('Failed to get ID Token')
})

describe('shareCredentials: one provider for every client of the step', () => {
  const credentials = (id: string, expiresInMs?: number) => ({
    accessKeyId: id,
    secretAccessKey: `secret-${id}`,
    ...(expiresInMs === undefined ? {} : { expiration: new Date(Date.now() + expiresInMs) })
  })

  test('concurrent callers share one call, and later ones reuse fresh credentials', async () => {
    let calls = 0
    const shared = shareCredentials(async () => credentials(`k${++calls}`, 3_600_000))
    const [a, b] = await Promise.all([shared(), shared()])
    expect(await shared()).toBe(a)
    expect(b).toBe(a)
    expect(calls).toBe(1)
  })

  test('credentials within five minutes of expiry are asked for again', async () => {
    let calls = 0
    const shared = shareCredentials(async () => credentials(`k${++calls}`, 4 * 60_000))
    await shared()
    expect((await shared()).accessKeyId).toBe('k2')
  })

  test('invalidate drops what is cached (RDS said the credentials expired)', async () => {
    let calls = 0
    const shared = shareCredentials(async () => credentials(`k${++calls}`))
    expect((await shared()).accessKeyId).toBe('k1')
    expect((await shared()).accessKeyId).toBe('k1')
    shared.invalidate()
    expect((await shared()).accessKeyId).toBe('k2')
  })

  test('a failure is not kept: the next call asks again', async () => {
    let calls = 0
    const shared = shareCredentials(async () => {
      if (++calls === 1) throw new Error('STS unreachable')
      return credentials('k2')
    })
    await expect(shared()).rejects.toThrow('STS unreachable')
    expect((await shared()).accessKeyId).toBe('k2')
  })

  test('without role-to-assume: the SDK default chain', async () => {
    expect((await defaultChainCredentials()()).accessKeyId).toBe('AKIA-from-chain')
    expect(fromNodeProviderChain).toHaveBeenCalled()
  })
})

describe('credentials for later steps (output-env-credentials)', () => {
  test('the variables configure-aws-credentials sets, the session token cleared when there is none', () => {
    expect(environmentFor({ accessKeyId: 'AKIA', secretAccessKey: 's' }, 'eu-west-1')).toEqual([
      ['AWS_ACCESS_KEY_ID', 'AKIA'],
      ['AWS_SECRET_ACCESS_KEY', 's'],
      ['AWS_SESSION_TOKEN', ''],
      ['AWS_REGION', 'eu-west-1'],
      ['AWS_DEFAULT_REGION', 'eu-west-1']
    ])
  })

  test('every credentials the provider returns are exported, after it masked them', async () => {
    const events: string[] = []
    const secrets: string[] = []
    const masking = provider(async () => 'jwt', secrets)
    const exporting = exportingToEnvironment(
      async () => {
        const credentials = await masking()
        events.push(`masked ${secrets.length}`)
        return credentials
      },
      'eu-west-1',
      (name, value) => events.push(`${name}=${value}`)
    )
    const first = await exporting()
    const second = await exporting()
    expect(second.accessKeyId).not.toBe(first.accessKeyId)
    expect(events).toEqual(
      [first, second].flatMap((c, i) => [
        `masked ${3 * (i + 1)}`,
        `AWS_ACCESS_KEY_ID=${c.accessKeyId}`,
        `AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`,
        `AWS_SESSION_TOKEN=${c.sessionToken}`,
        'AWS_REGION=eu-west-1',
        'AWS_DEFAULT_REGION=eu-west-1'
      ])
    )
  })

  test.each([
    [3600, 59 * 60, false], // a minute old
    [3600, 46 * 60, false], // just under 15 minutes old
    [3600, 44 * 60, true], // 16 minutes old: later steps would get 44 of 60
    [43200, 11 * 3600, true],
    [900, 10 * 60, false], // the shortest session: the SDK's five-minute window renews it
    [900, -1, true] // expired
  ])('lasting %i s with %i s left: assumed afresh for later steps: %p', (duration, left, stale) => {
    const now = Date.parse('2026-11-25T08:00:00Z')
    const credentials = {
      accessKeyId: 'a',
      secretAccessKey: 's',
      expiration: new Date(now + left * 1000)
    }
    expect(staleForLaterSteps(credentials, now, duration)).toBe(stale)
  })

  test('credentials that never expire are never renewed', () => {
    expect(staleForLaterSteps({ accessKeyId: 'a', secretAccessKey: 's' }, 0, 3600)).toBe(false)
  })
})
