// The session: one credentials provider behind every client, resolved once up front, renewed in
// one place when AWS says the credentials expired.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'

let chainCalls = 0
let chainFails = false
let assumed = 0
let assumeFails = false
let now = Date.parse('2026-11-25T08:00:00Z')
jest.unstable_mockModule('@aws-sdk/credential-providers', () => ({
  fromWebToken: () => async () => {
    if (assumeFails) throw Object.assign(new Error('no'), { name: 'AccessDenied' })
    assumed++
    return {
      accessKeyId: `ASIA${assumed}`,
      secretAccessKey: `secret-${assumed}`,
      sessionToken: `token-${assumed}`,
      expiration: new Date(now + 3600_000)
    }
  },
  fromNodeProviderChain: () => async () => {
    chainCalls++
    if (chainFails)
      throw Object.assign(new Error('no credentials'), { name: 'CredentialsProviderError' })
    return { accessKeyId: `AKIA${chainCalls}`, secretAccessKey: 'secret' }
  }
}))
const { DescribeExportTasksCommand, DescribeDBSnapshotsCommand, RDSClient } =
  await import('@aws-sdk/client-rds')
const { openSession } = await import('../../src/aws/session.js')
const { explainError } = await import('../../src/errors.js')
const { configFor } = await import('../../__fixtures__/config.js')

const rds = mockClient(RDSClient)
const config = configFor({
  mode: 'status',
  'export-task-identifier': 'x',
  'aws-region': 'eu-west-1'
})
const session = () =>
  openSession({
    config,
    date: () => new Date(),
    getIDToken: async () => 'jwt',
    setSecret: () => undefined,
    exportVariable: () => undefined
  })
const expired = () =>
  Object.assign(new Error('The security token included in the request is expired'), {
    name: 'ExpiredToken',
    $metadata: { httpStatusCode: 400 }
  })

beforeEach(() => {
  rds.reset()
  chainCalls = 0
  chainFails = false
  assumed = 0
  assumeFails = false
})

describe('openSession', () => {
  test('credentials are resolved once up front, and their failure is named as such', async () => {
    chainFails = true
    const error = await session()
      .resolveCredentials()
      .catch((e: unknown) => e)
    expect(explainError(error, 'something else').message).toMatch(/^Loading AWS credentials failed/)
  })

  test('every API shares one client and one credentials provider', async () => {
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [] })
    rds.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [] })
    const aws = session()
    await aws.resolveCredentials()
    await aws.exportTasks.describe('x')
    await aws.snapshots.describe('snapshot', { parent: 'db' })
    expect(chainCalls).toBe(1)
    aws.close()
  })

  test('expired credentials renew the client and the next call goes on with new ones', async () => {
    rds
      .on(DescribeExportTasksCommand)
      .rejectsOnce(expired())
      .resolves({ ExportTasks: [{ ExportTaskIdentifier: 'x', Status: 'IN_PROGRESS' }] })
    const aws = session()
    await aws.resolveCredentials()
    await expect(aws.exportTasks.describe('x')).rejects.toMatchObject({ name: 'ExpiredToken' })
    expect((await aws.exportTasks.describe('x'))?.Status).toBe('IN_PROGRESS')
    // A new client made the second call (the mock replaces send, so no credentials are read
    // there), and the shared provider was emptied: the next read asks the chain again.
    const clients = new Set(rds.calls().map(call => call.thisValue))
    expect(clients.size).toBe(2)
    await aws.resolveCredentials()
    expect(chainCalls).toBe(2)
    aws.close()
  })
})

describe('output-env-credentials: the job environment gets the credentials for later steps', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/gha'
  /** A session assuming ROLE, recording what is masked and exported, in one ordered list. */
  function assuming(outputEnvCredentials: string) {
    const events: string[] = []
    const aws = openSession({
      config: configFor({
        mode: 'status',
        'export-task-identifier': 'x',
        'aws-region': 'eu-west-1',
        'role-to-assume': ROLE,
        'output-env-credentials': outputEnvCredentials
      }),
      date: () => new Date(now),
      getIDToken: async () => 'jwt',
      setSecret: secret => events.push(`mask ${secret}`),
      exportVariable: (name, value) => events.push(`${name}=${value}`)
    })
    return { aws, events }
  }
  const exported = (n: number) => [
    `AWS_ACCESS_KEY_ID=ASIA${n}`,
    `AWS_SECRET_ACCESS_KEY=secret-${n}`,
    `AWS_SESSION_TOKEN=token-${n}`,
    'AWS_REGION=eu-west-1',
    'AWS_DEFAULT_REGION=eu-west-1'
  ]
  const noWarning = (message: string): never => {
    throw new Error(`unexpected warning: ${message}`)
  }
  const masked = (n: number) => [`mask ASIA${n}`, `mask secret-${n}`, `mask token-${n}`]
  // The shared provider reads Date.now for expiry; the session's clock is `date`.
  let clock: { mockRestore(): void } | undefined
  beforeEach(() => {
    now = Date.parse('2026-11-25T08:00:00Z')
    clock = jest.spyOn(Date, 'now').mockImplementation(() => now)
  })
  afterEach(() => clock?.mockRestore())

  test('exported as soon as assumed, each value masked first', async () => {
    const { aws, events } = assuming('true')
    await aws.resolveCredentials()
    expect(events).toEqual([...masked(1), ...exported(1)])
    aws.close()
  })

  test('fresh ones are handed over as they are: no second AssumeRoleWithWebIdentity', async () => {
    const { aws, events } = assuming('true')
    await aws.resolveCredentials()
    now += 10 * 60_000
    await aws.handOverCredentials(noWarning)
    expect(assumed).toBe(1)
    expect(events).toEqual([...masked(1), ...exported(1)])
    aws.close()
  })

  test('after a long wait the role is assumed afresh, so later steps get its full duration', async () => {
    const { aws, events } = assuming('true')
    await aws.resolveCredentials()
    now += 20 * 60_000
    await aws.handOverCredentials(noWarning)
    expect(assumed).toBe(2)
    expect(events).toEqual([...masked(1), ...exported(1), ...masked(2), ...exported(2)])
    aws.close()
  })

  test('a renewal that fails is a warning naming the call: the earlier credentials stay', async () => {
    const { aws, events } = assuming('true')
    await aws.resolveCredentials()
    now += 20 * 60_000
    assumeFails = true
    const warnings: string[] = []
    await aws.handOverCredentials(message => warnings.push(message))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^AssumeRoleWithWebIdentity \(arn:aws:iam::123456789012:role\/gha\) failed: AccessDenied.* Later steps have the credentials assumed earlier, valid until \d{4}-/
    )
    expect(events).toEqual([...masked(1), ...exported(1)])
    aws.close()
  })

  test('without it, nothing is exported and nothing renewed', async () => {
    const { aws, events } = assuming('false')
    await aws.resolveCredentials()
    now += 20 * 60_000
    await aws.handOverCredentials(noWarning)
    expect(assumed).toBe(1)
    expect(events).toEqual(masked(1))
    aws.close()
  })
})
