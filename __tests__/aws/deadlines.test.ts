// Deadlines that cover a whole answer, and proxies that will not tunnel, with the real SDK clients
// and a real server on loopback: an answer whose headers come at once and whose body drips is
// cut off at the call's deadline, its socket closed; a proxy's refusal or silence is named.
import { readFileSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeExportTasksCommand, RDSClient } from '@aws-sdk/client-rds'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import {
  CONNECT_TIMEOUT_MS,
  CONNECTION_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  type Agents
} from '../../src/aws/http.js'
import { ATTEMPTS, ATTEMPT_TIMEOUT_MS, requestIdToken } from '../../src/aws/oidc.js'
import { proxyChoosingAgents } from '../../src/aws/proxy-agent.js'
import { CALL_DEADLINE_MS, DeadlineExceeded, deadlinePlugin } from '../../src/aws/session.js'
import { READ_DEADLINE_MS } from '../../src/aws/export-files.js'
import { explainError } from '../../src/errors.js'
import { startProxy } from '../../test/standin/index.js'

/** How the server answers the next request: at once, dripped, or its headers late. */
let answer: 'whole' | 'drip' | 'late' = 'whole'
let server: Server
let url = ''
/** Each connection's socket, and whether it has closed. */
const sockets: Socket[] = []
const BODY =
  '<DescribeExportTasksResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeExportTasksResult><ExportTasks/></DescribeExportTasksResult></DescribeExportTasksResponse>'

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    const mode = answer
    const head = () => res.writeHead(200, { 'content-length': 1000 }).flushHeaders()
    if (mode === 'whole') return void res.writeHead(200, { 'content-type': 'text/xml' }).end(BODY)
    if (mode === 'late') return void setTimeout(head, 400)
    head()
    const drip = setInterval(() => res.write('x'), 20)
    res.once('close', () => clearInterval(drip))
  })
  server.on('connection', socket => sockets.push(socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  sockets.forEach(socket => socket.destroy())
  await new Promise<void>(resolve => server.close(() => resolve()))
})

const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' }

function rds(deadlineMs: number, endpoint = url): RDSClient {
  const client = new RDSClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 4 })
  client.middlewareStack.use(deadlinePlugin(deadlineMs))
  return client
}

/** Resolves once the socket of the latest connection has closed. */
const lastSocketClosed = (): Promise<void> => {
  const socket = sockets.at(-1)
  return socket?.closed ? Promise.resolve() : new Promise(resolve => socket?.once('close', resolve))
}

describe('the deadline of a call covers the whole answer', () => {
  test("the numbers, as the README's Security section says them", () => {
    const security = /\n## Security\n([\s\S]*?)\n## /.exec(readFileSync('README.md', 'utf8'))?.[1]
    const said = security?.replace(/\s+/g, ' ') ?? ''
    const s = (ms: number) => `${ms / 1000} s`
    expect(said).toContain(`connect within ${s(CONNECTION_TIMEOUT_MS)}`)
    expect(said).toContain(`headers within ${s(REQUEST_TIMEOUT_MS)}`)
    expect(said).toContain(
      `ends at ${s(CALL_DEADLINE_MS)} for RDS, STS and Glue, ${s(READ_DEADLINE_MS)} for an S3 read`
    )
    expect(said).toContain(`answer CONNECT within ${s(CONNECT_TIMEOUT_MS)}`)
    expect(said).toContain(
      `OIDC token request gives up after ${s(ATTEMPT_TIMEOUT_MS)} an attempt (${ATTEMPTS} attempts)`
    )
  })

  test('a body that keeps dripping is cut off, once, not retried by the SDK', async () => {
    answer = 'drip'
    const before = sockets.length
    const started = performance.now()
    const error = await rds(300)
      .send(new DescribeExportTasksCommand({}))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeadlineExceeded)
    expect((error as Error).message).toMatch(/^no complete answer within 0.3 s, the deadline/)
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(sockets.length - before).toBe(1)
    await lastSocketClosed()
    const explained = explainError(error, 'DescribeExportTasks')
    expect(explained.transient).toBe(true)
    expect(explained.message).toMatch(/^DescribeExportTasks failed: DeadlineExceeded: no complete/)
    expect(explained.hint).toMatch(/too slowly\. Checks while waiting are retried/)
  })

  test('headers later than the deadline: cut off as soon as they come', async () => {
    answer = 'late'
    await expect(rds(200).send(new DescribeExportTasksCommand({}))).rejects.toBeInstanceOf(
      DeadlineExceeded
    )
    await lastSocketClosed()
  })

  test('a streaming GetObject: its Body, read later, fails at the deadline', async () => {
    answer = 'drip'
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: url,
      credentials,
      forcePathStyle: true,
      maxAttempts: 1
    })
    s3.middlewareStack.use(deadlinePlugin(300))
    const object = await s3.send(
      new GetObjectCommand({ Bucket: 'b', Key: 'k', Range: 'bytes=0-9' })
    )
    await expect(object.Body?.transformToByteArray()).rejects.toBeInstanceOf(DeadlineExceeded)
    await lastSocketClosed()
  })

  test('an answer in time is untouched; a failure before any answer is passed on as it is', async () => {
    answer = 'whole'
    const answered = await rds(300).send(new DescribeExportTasksCommand({}))
    expect(answered.$metadata.httpStatusCode).toBe(200)
    const refused = rds(300, 'http://127.0.0.1:1')
    // (Inside jest's VM the SDK wraps a Node error in one of its own realm: match the text.)
    await expect(refused.send(new DescribeExportTasksCommand({}))).rejects.toThrow(/ECONNREFUSED/)
  })

  test('the OIDC token request: a dripped answer ends each attempt at its deadline', async () => {
    answer = 'drip'
    const pauses: number[] = []
    await expect(
      requestIdToken(
        { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/t`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'b' },
        'a',
        {
          setSecret: () => undefined,
          attemptTimeoutMs: 200,
          sleep: async ms => void pauses.push(ms)
        }
      )
    ).rejects.toThrow('The GitHub OIDC token request failed: no complete answer within 0.2 s')
    expect(pauses).toEqual([1000, 2000])
  })
})

/** A GET through `agents` to the server; the error it fails with. */
function getThrough(agents: Agents, signal?: AbortSignal): Promise<Error> {
  return new Promise((resolve, reject) => {
    request(`${url}/x`, { agent: agents.httpAgent, signal }, (res: IncomingMessage) => {
      res.resume()
      reject(new Error(`answered ${res.statusCode}`))
    })
      .on('error', resolve)
      .end()
  })
}

describe('a proxy that will not tunnel', () => {
  test('a refusal names the proxy, without its password, and its status line', async () => {
    const proxy = await startProxy({ connectFault: { refuse: 403 } })
    try {
      const withPassword = proxy.url.replace('http://', 'http://ci:pw@')
      const error = await getThrough(proxyChoosingAgents(withPassword))
      expect(error.name).toBe('ProxyConnectRefused')
      expect(error.message).toBe(
        `The proxy ${proxy.url.replace('http://', 'http://***@')} refused CONNECT ${url.slice(7)}: it answered 403 Forbidden`
      )
      expect(explainError(error, 'GetObject', 's3').hint).toMatch(/must allow CONNECT/)
      // The OIDC request is not tried again against a refusing proxy.
      answer = 'whole'
      const pauses: number[] = []
      await expect(
        requestIdToken(
          { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/t`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'b' },
          'a',
          {
            agents: proxyChoosingAgents(proxy.url),
            setSecret: () => undefined,
            sleep: async ms => void pauses.push(ms)
          }
        )
      ).rejects.toMatchObject({ name: 'ProxyConnectRefused' })
      expect(pauses).toEqual([])
    } finally {
      await proxy.close()
    }
  })

  test('an unreachable proxy: the error keeps its code, its message names the proxy', async () => {
    const error = await getThrough(proxyChoosingAgents('http://127.0.0.1:1'))
    expect(error).toMatchObject({ code: 'ECONNREFUSED' })
    expect(error.message).toMatch(/^The proxy http:\/\/127\.0\.0\.1:1: connect ECONNREFUSED/)
  })

  describe('a proxy that holds CONNECT', () => {
    let holder: Server
    let holderUrl = ''
    /** The proxy's side of each CONNECT, and whether the client has ended it. */
    const held: { socket: Socket; ended: Promise<unknown> }[] = []
    const heldEnded = () => held.at(-1)?.ended
    beforeAll(async () => {
      holder = createServer()
      holder.on('connect', (_req, socket: Socket) =>
        held.push({ socket, ended: new Promise(resolve => socket.once('end', resolve)) })
      )
      await new Promise<void>(resolve => holder.listen(0, '127.0.0.1', resolve))
      holderUrl = `http://127.0.0.1:${(holder.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      held.forEach(({ socket }) => socket.destroy())
      await new Promise<void>(resolve => holder.close(() => resolve()))
    })

    test('a request given up ends its CONNECT at once: nothing is left open', async () => {
      const error = await getThrough(proxyChoosingAgents(holderUrl), AbortSignal.timeout(200))
      expect(error.name).toBe('AbortError')
      await heldEnded()
    })

    test(
      'no answer within the CONNECT deadline: the error names the proxy and the deadline',
      async () => {
        const started = performance.now()
        const error = await getThrough(proxyChoosingAgents(holderUrl))
        expect(error.name).toBe('ProxyConnectTimeout')
        expect(error.message).toBe(
          `The proxy ${holderUrl} did not answer CONNECT ${url.slice(7)} within 10 s`
        )
        expect(performance.now() - started).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50)
        expect(explainError(error, 'DescribeExportTasks').transient).toBe(true)
        await heldEnded()
      },
      CONNECT_TIMEOUT_MS + 5_000
    )
  })
})
