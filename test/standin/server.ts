// The stand-in's HTTP server and what it does for every request, whatever the service: read the
// body, route it (router.ts), log it, wait the service's latency, take an injected fault, check
// the SigV4 signature, let the module answer, render errors in the module's protocol, and tamper
// with the answer (or withhold it) when a fault says so.
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Credentials } from './credentials.js'
import {
  faultError,
  isErrorFault,
  isNoAnswer,
  type FaultKind,
  type FaultRule,
  type Faults
} from './faults.js'
import { routeOf, UNKNOWN_REQUEST, type Route } from './router.js'
import { craft, garble } from './tamper.js'
import { ServiceError } from './service.js'
import type { ServiceAnswer, ServiceModule, ServiceName, ServiceRequest } from './service.js'

export interface RequestLogEntry {
  time: Date
  service: Route
  action: string
  /** The id the request was answered under (x-amzn-requestid, x-amz-request-id). */
  requestId: string
  /** The request's parameters (Query form, OIDC query string), WebIdentityToken redacted. */
  params: Record<string, string>
  /** sha256 (hex) of the WebIdentityToken sent to STS, so tests can tell tokens apart unseen. */
  webIdentityTokenSha256?: string
  accessKeyId?: string
  sessionToken: boolean
  /** Region of the SigV4 scope. */
  region?: string
  /** 0: no answer (the connection was reset). */
  status: number
  /** Error code answered, if any. */
  code?: string
  fault?: FaultKind
}

export interface Router {
  modules: Map<ServiceName, ServiceModule>
  credentials: Credentials
  faults: Faults
  requests: RequestLogEntry[]
  now: () => number
  latencyMs: Partial<Record<ServiceName, number>>
  onRequest?: (entry: RequestLogEntry) => void
}

/** One exchange in flight: the request as modules see it, its module and its log entry. */
interface Exchange {
  request: ServiceRequest
  /** The request target exactly as sent (path and query): what the signature covers. */
  target: string
  module: ServiceModule
  entry: RequestLogEntry
  res: ServerResponse
}

/** Listens on 127.0.0.1; close() ends every connection, answered or not. */
export async function listen(
  router: Router,
  port: number
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    serve(router, req, res).catch(error => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(error))
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}

async function serve(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request: ServiceRequest = {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers: req.headers,
    body: await readBody(req),
    requestId: randomUUID()
  }
  const route = routeOf(request)
  const module = moduleFor(router, route)
  const entry = logEntry(router, route, module, request)
  const exchange: Exchange = { request, target: req.url ?? '/', module, entry, res }
  router.requests.push(entry)
  if (route === 'unknown')
    return reply(router, exchange, await outcome(router, exchange, undefined))
  await sleep(router.latencyMs[module.service] ?? 0)
  const fault = router.faults.take(module.service, entry.action)
  if (fault) entry.fault = fault.kind
  if (fault && isNoAnswer(fault) && !fault.processed) return drop(router, exchange, fault)
  if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 2000)
  const result = await outcome(router, exchange, fault)
  if (fault && isNoAnswer(fault)) return drop(router, exchange, fault)
  const answer = result.status < 300 && fault ? tampered(result, fault) : result
  if (fault?.kind === 'drip') return drip(router, exchange, answer, fault.dripMs ?? 2000)
  reply(router, exchange, answer)
}

function moduleFor(router: Router, route: Route): ServiceModule {
  if (route === 'unknown') return UNKNOWN_REQUEST
  const module = router.modules.get(route)
  if (!module) throw new Error(`the stand-in has no ${route} module`)
  return module
}

/** The module's answer, or its rendering of the error it (or an error rule) throws. */
async function outcome(
  router: Router,
  exchange: Exchange,
  fault: FaultRule | undefined
): Promise<ServiceAnswer> {
  const { request, module, entry } = exchange
  try {
    if (fault && isErrorFault(fault)) throw faultError(fault, module)
    authenticate(router, exchange)
    return await module.handle(request, entry.action)
  } catch (error) {
    const e =
      error instanceof ServiceError
        ? error
        : new ServiceError('InternalFailure', 500, `The stand-in failed: ${String(error)}`)
    entry.code = e.code
    return module.error(e, request.requestId)
  }
}

/** Checks the SigV4 signature when the module wants it; the caller goes on the request. */
function authenticate(router: Router, { request, target, module, entry }: Exchange): void {
  if ((module.authentication?.(request, entry.action) ?? 'sigv4') === 'none') return
  const caller = router.credentials.authenticate(
    { method: request.method, url: target, headers: request.headers, body: request.body },
    module.service
  )
  request.caller = caller
  entry.accessKeyId = caller.accessKeyId
  entry.region = caller.region
}

function tampered(answer: ServiceAnswer, fault: FaultRule): ServiceAnswer {
  if (fault.kind === 'garbled') return garble(answer, fault.garble ?? 'truncated')
  if (fault.kind === 'craft' && fault.craft) return craft(answer, fault.craft)
  return answer
}

function reply(router: Router, exchange: Exchange, answer: ServiceAnswer): void {
  exchange.res.end(writeHead(router, exchange, answer))
}

/** Logs the answer and sends its status and headers; the body, for the caller to send. */
function writeHead(router: Router, { entry, res, request }: Exchange, answer: ServiceAnswer) {
  entry.status = answer.status
  router.onRequest?.(entry)
  const body = answer.body ?? ''
  // A HEAD answer has no body but says the length of the one a GET would get (HeadObject).
  const length =
    request.method === 'HEAD' && answer.headers?.['content-length'] !== undefined
      ? answer.headers['content-length']
      : Buffer.byteLength(body)
  res.writeHead(answer.status, { ...answer.headers, 'content-length': length })
  return body
}

/** The status and headers at once, then the body a byte every `gapMs` until it is all sent or
 * the connection ends (the client gave up, or close()). */
function drip(router: Router, exchange: Exchange, answer: ServiceAnswer, gapMs: number): void {
  const { res } = exchange
  const body = Buffer.from(writeHead(router, exchange, answer))
  res.flushHeaders()
  let sent = 0
  const timer = setInterval(() => {
    if (sent >= body.length) {
      clearInterval(timer)
      res.end()
      return
    }
    res.write(body.subarray(sent, ++sent))
  }, gapMs)
  res.once('close', () => clearInterval(timer))
}

/** No answer: a reset destroys the connection, a hang leaves it open (close() ends it). */
function drop(router: Router, { res, entry }: Exchange, fault: FaultRule): void {
  if (fault.kind === 'reset') res.socket?.destroy()
  router.onRequest?.(entry)
}

function logEntry(
  router: Router,
  route: Route,
  module: ServiceModule,
  request: ServiceRequest
): RequestLogEntry {
  const params = route === 'unknown' ? {} : (module.params?.(request) ?? queryParams(request))
  const entry: RequestLogEntry = {
    time: new Date(router.now()),
    service: route,
    action: module.action(request),
    requestId: request.requestId,
    params,
    sessionToken: request.headers['x-amz-security-token'] !== undefined,
    status: 0
  }
  const token = params.WebIdentityToken
  if (token !== undefined) {
    entry.params = { ...params, WebIdentityToken: '<redacted>' }
    entry.webIdentityTokenSha256 = createHash('sha256').update(token).digest('hex')
  }
  return entry
}

function queryParams(request: ServiceRequest): Record<string, string> {
  return Object.fromEntries(request.url.searchParams)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise(resolve => setTimeout(resolve, ms)) : Promise.resolve()
}
