// Deadlines on the wire: a service that accepts the connection and never answers ends the call
// instead of hanging the step. A real server on loopback that reads and never answers.
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeExportTasksCommand, RDSClient } from '@aws-sdk/client-rds'
import { requestIdToken } from '../../src/aws/oidc.js'
import { clientConfig } from '../../src/aws/session.js'

let server: Server
let url = ''
const sockets = new Set<Socket>()
let requests = 0

beforeAll(async () => {
  server = createServer(() => void requests++) // reads the request, never answers
  server.on('connection', socket => sockets.add(socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  sockets.forEach(socket => socket.destroy())
  await new Promise<void>(resolve => server.close(() => resolve()))
})

describe('a service that never answers', () => {
  test('the OIDC token request gives up after its attempts, each with its deadline', async () => {
    const before = requests
    const pauses: number[] = []
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bearer'
    }
    await expect(
      requestIdToken(env, 'sts.amazonaws.com', {
        setSecret: () => undefined,
        attemptTimeoutMs: 100,
        sleep: async ms => void pauses.push(ms)
      })
    ).rejects.toThrow(/OIDC token request failed/)
    expect(requests - before).toBe(3)
    expect(pauses).toEqual([1000, 2000])
  }, 15_000)

  test('closing the step ends a token request at once', async () => {
    const closing = new AbortController()
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/t?x=1`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'b'
    }
    const pauses: number[] = []
    const pending = requestIdToken(env, 'sts.amazonaws.com', {
      setSecret: () => undefined,
      signal: closing.signal,
      sleep: async ms => void pauses.push(ms)
    })
    closing.abort()
    await expect(pending).rejects.toThrow(/OIDC/)
    // No second attempt after the abort, so no pause before one.
    expect(pauses).toEqual([])
  })

  test('an AWS call fails with TimeoutError at the request timeout instead of waiting forever', async () => {
    const config = clientConfig(undefined)
    const rds = new RDSClient({
      ...config,
      maxAttempts: 1,
      requestHandler: { ...config.requestHandler, requestTimeout: 200 },
      region: 'us-east-1',
      endpoint: url,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' }
    })
    await expect(rds.send(new DescribeExportTasksCommand({}))).rejects.toMatchObject({
      name: 'TimeoutError'
    })
    rds.destroy()
  })
})
