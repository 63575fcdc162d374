// The agents behind a proxy (see http.ts). One agent per protocol decides for each connection
// whether it goes direct or through a proxy: http-client's rules for the environment (NO_PROXY,
// loopback never proxied), or the http-proxy input for everything. https-proxy-agent opens the
// CONNECT tunnel (and TLS inside it for https endpoints).
import { Agent as HttpAgent, type ClientRequest } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Agent, type AgentConnectOpts } from 'agent-base'
import { HttpsProxyAgent } from 'https-proxy-agent'
import type { Agents } from './http.js'

class ProxyChoosingAgent extends Agent {
  private readonly tunnels = new Map<string, HttpsProxyAgent<string>>()

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
      tunnel = new HttpsProxyAgent(proxy, { keepAlive: true })
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
