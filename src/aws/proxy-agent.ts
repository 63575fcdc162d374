// The agents behind a proxy (see http.ts). One agent per protocol decides for each connection
// whether it goes direct or through a proxy: http-client's rules for the environment (NO_PROXY,
// loopback never proxied), or the http-proxy input for everything. https-proxy-agent opens the
// CONNECT tunnel (and TLS inside it for https endpoints); here it gets a deadline, and any
// answer but 200 becomes an error that names the proxy and its answer (https-proxy-agent hands
// the refusal to the SDK as if the endpoint had sent it, which the SDK reads as "Unknown").
import { Agent as HttpAgent, type ClientRequest } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { Socket } from 'node:net'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Agent, type AgentConnectOpts } from 'agent-base'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { redactProxyUrl } from '../inputs/index.js'
import { CONNECT_TIMEOUT_MS, ProxyTunnelError, type Agents } from './http.js'

/** The status line of https-proxy-agent's `proxyConnect` event. */
interface ConnectAnswer {
  statusCode: number
  statusText: string
}

/** A CONNECT tunnel with a deadline, and an error for any answer but 200. */
class Tunnel extends HttpsProxyAgent<string> {
  override async connect(req: ClientRequest, opts: AgentConnectOpts): Promise<Socket> {
    const proxy = redactProxyUrl(this.proxy)
    const target = `${opts.host ?? ''}:${opts.port}`
    // The socket to the proxy ends when the deadline passes or the request is given up (the
    // caller's abort, the SDK's deadlines): nothing of a held CONNECT outlives its request. A
    // request destroyed before it has a socket says so to no one until it gets one, so its
    // destroy() is heard here while the tunnel is being opened.
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), CONNECT_TIMEOUT_MS)
    const destroy = req.destroy
    req.destroy = function (this: ClientRequest, error?: Error) {
      abort.abort()
      return destroy.call(this, error)
    }
    let answer: ConnectAnswer | undefined
    req.once('proxyConnect', (connect: ConnectAnswer) => (answer = connect))
    // https-proxy-agent opens its socket with connectOpts before its first await.
    const shared = this.connectOpts
    this.connectOpts = { ...shared, signal: abort.signal }
    let socket: Socket
    try {
      socket = await super.connect(req, opts).finally(() => {
        clearTimeout(timer)
        req.destroy = destroy
      })
    } catch (error) {
      // Given up by the request (its own error is the one told), or the proxy unreachable
      // (ECONNREFUSED, ...): the same error, its code kept for the retries.
      if (req.destroyed) throw error
      if (!abort.signal.aborted) throw named(error, proxy)
      throw new ProxyTunnelError(
        'ProxyConnectTimeout',
        `The proxy ${proxy} did not answer CONNECT ${target} within ${CONNECT_TIMEOUT_MS / 1000} s`
      )
    } finally {
      this.connectOpts = shared
    }
    if (answer && answer.statusCode !== 200) {
      socket.destroy()
      throw new ProxyTunnelError(
        'ProxyConnectRefused',
        `The proxy ${proxy} refused CONNECT ${target}: it answered ${answer.statusCode} ${answer.statusText}`
      )
    }
    return socket
  }
}

/** The error, its message prefixed with the proxy it came from. */
function named(error: unknown, proxy: string): unknown {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    error.message = `The proxy ${proxy}: ${String(error.message)}`
  }
  return error
}

class ProxyChoosingAgent extends Agent {
  private readonly tunnels = new Map<string, Tunnel>()

  constructor(
    private readonly direct: HttpAgent,
    private readonly proxyFor: (target: URL) => string | undefined
  ) {
    super({ keepAlive: true })
  }

  connect(req: ClientRequest, options: AgentConnectOpts): HttpAgent {
    const scheme = options.secureEndpoint ? 'https' : 'http'
    const proxy = this.proxyFor(new URL(`${scheme}://${req.host}:${options.port}`))
    if (!proxy) return this.direct
    let tunnel = this.tunnels.get(proxy)
    if (!tunnel) {
      tunnel = new Tunnel(proxy, { keepAlive: true })
      this.tunnels.set(proxy, tunnel)
    }
    return tunnel
  }

  override destroy(): void {
    this.direct.destroy()
    this.tunnels.forEach(tunnel => tunnel.destroy())
    super.destroy()
  }
}

export function proxyChoosingAgents(httpProxy: string | undefined): Agents {
  const proxyFor = (target: URL): string | undefined => httpProxy ?? getProxyUrl(target)?.toString()
  return {
    httpAgent: new ProxyChoosingAgent(new HttpAgent({ keepAlive: true }), proxyFor),
    httpsAgent: new ProxyChoosingAgent(new HttpsAgent({ keepAlive: true }), proxyFor)
  }
}
