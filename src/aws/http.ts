// How the action reaches the network: the deadlines every call enforces, and the proxy. The
// AWS SDK ignores HTTPS_PROXY, so the clients get agents that choose, per connection, the proxy
// the `http-proxy` input names (every AWS call), or else the one HTTPS_PROXY / HTTP_PROXY name
// unless NO_PROXY exempts the host, with the rules of @actions/http-client (the toolkit's own).
// Nothing here is loaded for a runner without a proxy.
import type { Agent } from 'node:http'

/** A connection must be up within this, and a whole request and answer done within that. */
export const CONNECTION_TIMEOUT_MS = 5_000
export const REQUEST_TIMEOUT_MS = 30_000
/** A proxy must answer CONNECT within this, from the connection to it to its status line: a
 * proxy resolves the AWS host and connects to it first. */
export const CONNECT_TIMEOUT_MS = 10_000

/** The proxy refused the tunnel, or never answered: named by its code. Neither the SDK's retries
 * nor the OIDC request's attempts try it again at once. A refusal is final (a proxy that refuses a
 * host refuses it next time too); a timeout is transient (errors.ts), so a wait's next check tries
 * the proxy again. */
export class ProxyTunnelError extends Error {
  constructor(
    readonly code: 'ProxyConnectRefused' | 'ProxyConnectTimeout',
    message: string
  ) {
    super(message)
    this.name = code
  }
}

export interface Agents {
  httpAgent: Agent
  httpsAgent: Agent
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

/**
 * Agents for AWS calls through a proxy, or undefined when none is configured (the SDK's own
 * agents then). `httpProxy` is the input; `env` the process environment.
 */
export async function proxyAgents(
  httpProxy: string | undefined,
  env: Record<string, string | undefined>
): Promise<Agents | undefined> {
  if (!httpProxy && !PROXY_VARIABLES.some(name => env[name])) return undefined
  const { proxyChoosingAgents } = await import('./proxy-agent.js')
  return proxyChoosingAgents(httpProxy)
}

/** Agents for the GitHub OIDC request: the environment's proxy rules, never the input's. */
export async function oidcAgents(
  env: Record<string, string | undefined>
): Promise<Agents | undefined> {
  return proxyAgents(undefined, env)
}
