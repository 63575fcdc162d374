// The session: one credentials provider behind every client, resolved once up front, renewed in
// one place when AWS says the credentials expired.
import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'

let chainCalls = 0
let chainFails = false
jest.unstable_mockModule('@aws-sdk/credential-providers', () => ({
  fromWebToken: () => async () => ({ accessKeyId: 'ASIA', secretAccessKey: 's' }),
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
    setSecret: () => undefined
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
