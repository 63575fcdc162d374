// The CONNECT proxy for the self-hosted-runner tests, with the clients the action uses: the AWS
// SDK through https-proxy-agent, and @actions/http-client (the OIDC token request) through its
// tunnel agent from HTTP_PROXY / NO_PROXY. The stand-in's made-up name works only through it.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeExportTasksCommand, RDSClient } from '@aws-sdk/client-rds'
import { HttpClient } from '@actions/http-client'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { request } from 'node:http'
import { connect } from 'node:net'
import {
  STANDIN_HOST,
  startProxy,
  startStandIn,
  type StandIn,
  type StandInProxy
} from '../../test/standin/index.js'
import { REGION } from '../../test/support/e2e.js'
import { envRestorer, failure, staticKey } from '../../test/support/standin.js'

let standIn: StandIn
let port: number
beforeAll(async () => {
  standIn = await startStandIn()
  port = Number(new URL(standIn.url).port)
})
afterAll(() => standIn.close())
afterEach(envRestorer())

/** Runs `fn` with a fresh proxy; always closes it. */
async function withProxy(
  options: Parameters<typeof startProxy>[0],
  fn: (proxy: StandInProxy) => Promise<void>
): Promise<void> {
  const proxy = await startProxy(options)
  try {
    await fn(proxy)
  } finally {
    await proxy.close()
  }
}

/** An RDS client for the stand-in under its made-up name, through `proxyUrl` when given. */
function rdsVia(proxyUrl?: string): RDSClient {
  return new RDSClient({
    region: REGION,
    endpoint: standIn.env({ host: STANDIN_HOST }).AWS_ENDPOINT_URL,
    maxAttempts: 1,
    credentials: staticKey(standIn),
    requestHandler: proxyUrl
      ? new NodeHttpHandler({ httpAgent: new HttpsProxyAgent(proxyUrl) })
      : undefined
  })
}

/** The OIDC token request as @actions/core makes it, proxy settings from the environment. */
async function oidcStatus(): Promise<number> {
  const env = standIn.env({ host: STANDIN_HOST })
  const client = new HttpClient('actions/oidc-client', [], { allowRetries: false })
  const answer = await client.get(
    `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`,
    {
      authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`
    }
  )
  await answer.readBody()
  return answer.message.statusCode ?? 0
}

/** The proxy's whole answer to one CONNECT for the stand-in. */
function rawConnect(proxy: StandInProxy): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
    socket.write(`CONNECT ${STANDIN_HOST}:${port} HTTP/1.1\r\nHost: ${STANDIN_HOST}\r\n\r\n`)
  })
}

const hostPort = (proxy: StandInProxy) =>
  proxy.requests.map(r => `${r.method} ${r.host}:${r.port} ${r.status}`)

describe('through the proxy', () => {
  test('the SDK (https-proxy-agent) and the OIDC request (HTTP_PROXY) both tunnel to the stand-in', () =>
    withProxy({}, async proxy => {
      const answer = await rdsVia(proxy.url).send(new DescribeExportTasksCommand({}))
      expect(answer.$metadata.httpStatusCode).toBe(200)
      Object.assign(process.env, proxy.env())
      expect(await oidcStatus()).toBe(200)
      expect(hostPort(proxy)).toEqual([
        `CONNECT ${STANDIN_HOST}:${port} 200`,
        `CONNECT ${STANDIN_HOST}:${port} 200`
      ])
      expect(standIn.requests.slice(-2).map(r => `${r.service}:${r.status}`)).toEqual([
        'rds:200',
        'oidc:200'
      ])
    }))

  test('without it the name leads nowhere; NO_PROXY sends the OIDC request around it', () =>
    withProxy({}, async proxy => {
      const direct = await failure(rdsVia().send(new DescribeExportTasksCommand({})))
      expect(`${direct.name} ${direct.message}`).toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo/)
      Object.assign(process.env, proxy.env(), { NO_PROXY: STANDIN_HOST })
      await expect(oidcStatus()).rejects.toThrow(/ENOTFOUND|EAI_AGAIN|getaddrinfo/)
      expect(proxy.requests).toEqual([])
    }))

  test('Basic auth: 407 without the right credentials, a tunnel with them', () =>
    withProxy({ auth: { username: 'runner', password: 'p@ss word' } }, async proxy => {
      const wrong = proxy.url.replace('p%40ss%20word', 'wrong')
      await failure(rdsVia(wrong).send(new DescribeExportTasksCommand({})))
      await failure(
        rdsVia(proxy.url.replace(/\/\/.*@/, '//')).send(new DescribeExportTasksCommand({}))
      )
      const answer = await rdsVia(proxy.url).send(new DescribeExportTasksCommand({}))
      expect(answer.$metadata.httpStatusCode).toBe(200)
      expect(proxy.requests.map(r => r.status)).toEqual([407, 407, 200])
    }))

  test('absolute-form requests are forwarded too; unknown names are refused', () =>
    withProxy({}, async proxy => {
      const proxyPort = Number(new URL(proxy.url).port)
      const get = (target: string) =>
        new Promise<number>((resolve, reject) => {
          request({ host: '127.0.0.1', port: proxyPort, path: target }, answer => {
            answer.resume()
            resolve(answer.statusCode ?? 0)
          })
            .on('error', reject)
            .end()
        })
      // The OIDC endpoint without its bearer: the stand-in's own 401, forwarded.
      expect(await get(`http://${STANDIN_HOST}:${port}/_oidc/token?api-version=2.0`)).toBe(401)
      expect(await get('http://example.com/')).toBe(502)
      expect(hostPort(proxy)).toEqual([`GET ${STANDIN_HOST}:${port} 401`, 'GET example.com:80 502'])
    }))

  test('connectFault refuse: every CONNECT answered with that status and an HTML page', () =>
    withProxy({ connectFault: { refuse: 403 } }, async proxy => {
      const answer = await rawConnect(proxy)
      expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/)
      expect(answer).toContain('Content-Type: text/html')
      expect(hostPort(proxy)).toEqual([`CONNECT ${STANDIN_HOST}:${port} 403`])
    }))

  test('connectFault hold: CONNECT is read and never answered; close() ends it', () =>
    withProxy({ connectFault: 'hold' }, async proxy => {
      const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1')
      let answered = false
      socket.on('data', () => (answered = true))
      const closed = new Promise(resolve => socket.once('close', resolve))
      socket.write(`CONNECT ${STANDIN_HOST}:${port} HTTP/1.1\r\nHost: ${STANDIN_HOST}\r\n\r\n`)
      while (proxy.requests.length === 0) await new Promise(resolve => setTimeout(resolve, 10))
      await new Promise(resolve => setTimeout(resolve, 200))
      expect(answered).toBe(false)
      expect(hostPort(proxy)).toEqual([`CONNECT ${STANDIN_HOST}:${port} 0`])
      await proxy.close()
      await closed
    }))

  test('close() ends tunnels still open', () =>
    withProxy({}, async proxy => {
      const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1')
      const closed = new Promise(resolve => socket.once('close', resolve))
      const established = new Promise(resolve => socket.once('data', resolve))
      socket.write(`CONNECT ${STANDIN_HOST}:${port} HTTP/1.1\r\nHost: ${STANDIN_HOST}\r\n\r\n`)
      expect(String(await established)).toMatch(/^HTTP\/1\.1 200/)
      await proxy.close()
      await closed
      expect(socket.destroyed).toBe(true)
    }))
})
