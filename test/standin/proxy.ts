// A forward proxy on 127.0.0.1 for the self-hosted-runner tests: HTTP CONNECT tunnels (what
// https-proxy-agent and @actions/http-client's tunnel agents send) and absolute-form requests
// (`GET http://host:port/path`, what a plain HTTP proxy agent sends). Clients never proxy
// loopback hosts, so the stand-in is reached under a made-up name (STANDIN_HOST, in the
// reserved .test domain, which no resolver knows): the proxy maps it to 127.0.0.1, and an
// AWS_ENDPOINT_URL with that name works only through the proxy. Every request it receives is
// logged (method, host, port, status), so a test can check that each connection went through
// it. With `auth`, it wants `Proxy-Authorization: Basic` and answers 407 without it. With
// `connectFault`, every CONNECT is refused with a status of choice (a proxy whose allow-list
// lacks the host) or held: read and never answered (a proxy that has lost its upstream).
import {
  STATUS_CODES,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

/** The name the stand-in answers to through the proxy. */
export const STANDIN_HOST = 'aws.standin.test'

export interface ProxyOptions {
  /** Names the proxy resolves (with every name under them), to an address; default
   * { [STANDIN_HOST]: '127.0.0.1' }. Any other name is refused with a 502 (the proxy looks
   * nothing up), literal 127.0.0.1 is tunnelled. */
  hosts?: Record<string, string>
  /** Credentials the proxy wants in Proxy-Authorization (Basic); none by default. */
  auth?: { username: string; password: string }
  /** Default 0: a free port. */
  port?: number
  /** Every CONNECT refused with `refuse` (403 Forbidden, say), or held without an answer until
   * the client gives up or close(); absolute-form requests are forwarded as ever. */
  connectFault?: { refuse: number } | 'hold'
}

export interface ProxyLogEntry {
  time: Date
  /** CONNECT for a tunnel, else the method of a forwarded request. */
  method: string
  host: string
  port: number
  /** 200 tunnel established or answer forwarded; 407 no or wrong credentials; 502 unknown
   * host or the target refused; the status of connectFault's refuse, 0 held; for forwarded
   * requests, the target's status. */
  status: number
}

export interface StandInProxy {
  /** `http://127.0.0.1:<port>`, with the credentials in it when `auth` is set. */
  readonly url: string
  /** Every request the proxy received, in order. */
  readonly requests: ProxyLogEntry[]
  /** HTTP_PROXY and HTTPS_PROXY (and their lower-case twins) naming this proxy. */
  env(): Record<string, string>
  close(): Promise<void>
}

export async function startProxy(options: ProxyOptions = {}): Promise<StandInProxy> {
  const hosts = options.hosts ?? { [STANDIN_HOST]: '127.0.0.1' }
  const requests: ProxyLogEntry[] = []
  const sockets = new Set<Socket>()
  const log = (method: string, host: string, port: number, status: number): void => {
    requests.push({ time: new Date(), method, host, port, status })
  }
  const gate = { hosts, auth: options.auth, log, connectFault: options.connectFault }
  const server: Server = createServer((req, res) => forward(gate, req, res))
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) =>
    tunnel(gate, req, client, head, sockets)
  )
  server.on('connection', socket => track(sockets, socket))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.username)}:${encodeURIComponent(options.auth.password)}@`
    : ''
  const url = `http://${credentials}127.0.0.1:${port}`
  return {
    url,
    requests,
    env: () => ({ HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, https_proxy: url }),
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}

interface Gate {
  hosts: Record<string, string>
  auth?: { username: string; password: string }
  connectFault?: ProxyOptions['connectFault']
  log: (method: string, host: string, port: number, status: number) => void
}

/** Where a name goes: its mapped address (a name under a mapped one too: the S3 client asks
 * for `<bucket>.aws.standin.test`), 127.0.0.1 as itself, undefined for anything else. */
function resolve(gate: Gate, host: string): string | undefined {
  const name = host.toLowerCase()
  const mapped = Object.keys(gate.hosts).find(known => name === known || name.endsWith(`.${known}`))
  return mapped ? gate.hosts[mapped] : host === '127.0.0.1' ? host : undefined
}

function authorized(gate: Gate, req: IncomingMessage): boolean {
  if (!gate.auth) return true
  const expected = Buffer.from(`${gate.auth.username}:${gate.auth.password}`).toString('base64')
  return req.headers['proxy-authorization'] === `Basic ${expected}`
}

/** CONNECT host:port: a tunnel to the mapped address, bytes both ways until either side ends. */
function tunnel(
  gate: Gate,
  req: IncomingMessage,
  client: Socket,
  head: Buffer,
  all: Set<Socket>
): void {
  const [host = '', portText = ''] = splitHostPort(req.url ?? '')
  const port = Number(portText)
  const refuse = (status: number, reason: string, extra = '', body = ''): void => {
    gate.log('CONNECT', host, port, status)
    const length = Buffer.byteLength(body)
    client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: ${length}\r\n\r\n${body}`)
  }
  if (!authorized(gate, req)) {
    return refuse(
      407,
      'Proxy Authentication Required',
      'Proxy-Authenticate: Basic realm="standin"\r\n'
    )
  }
  if (gate.connectFault === 'hold') {
    client.on('error', () => client.destroy())
    return gate.log('CONNECT', host, port, 0)
  }
  if (gate.connectFault) {
    // As a filtering proxy refuses: its own status and an HTML page.
    const { refuse: status } = gate.connectFault
    const page = `<html><body><h1>${status}</h1>The proxy refused ${host}.</body></html>`
    return refuse(status, STATUS_CODES[status] ?? 'Refused', 'Content-Type: text/html\r\n', page)
  }
  const address = resolve(gate, host)
  if (!address || !Number.isInteger(port)) return refuse(502, 'Bad Gateway')
  let established = false
  const target = track(all, connect(port, address))
  target.once('error', () => (established ? client.destroy() : refuse(502, 'Bad Gateway')))
  target.once('connect', () => {
    established = true
    gate.log('CONNECT', host, port, 200)
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) target.write(head)
    target.pipe(client).on('error', () => target.destroy())
    client.pipe(target).on('error', () => client.destroy())
  })
  client.on('error', () => target.destroy())
}

/** An absolute-form request (`GET http://host:port/path`): sent on, the answer piped back. */
function forward(gate: Gate, req: IncomingMessage, res: ServerResponse): void {
  let url: URL
  try {
    url = new URL(req.url ?? '')
  } catch {
    res.writeHead(400).end('absolute-form request target expected')
    return
  }
  const port = Number(url.port || 80)
  const address = resolve(gate, url.hostname)
  const refuse = (status: number, headers: Record<string, string> = {}): void => {
    gate.log(req.method ?? 'GET', url.hostname, port, status)
    res.writeHead(status, headers).end()
  }
  if (!authorized(gate, req)) return refuse(407, { 'proxy-authenticate': 'Basic realm="standin"' })
  if (!address) return refuse(502)
  const headers = { ...req.headers }
  delete headers['proxy-authorization']
  delete headers['proxy-connection']
  const upstream = httpRequest(
    { host: address, port, method: req.method, path: url.pathname + url.search, headers },
    answer => {
      gate.log(req.method ?? 'GET', url.hostname, port, answer.statusCode ?? 0)
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.on('error', () => (res.headersSent ? res.destroy() : refuse(502)))
  req.pipe(upstream)
}

/** `host:port`, `[v6]:port`. */
function splitHostPort(authority: string): [string, string] {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(authority)
  return match ? [match[1] ?? '', match[2] ?? ''] : [authority, '']
}

function track(all: Set<Socket>, socket: Socket): Socket {
  all.add(socket)
  socket.once('close', () => all.delete(socket))
  return socket
}
