// The GitHub OIDC token, before any AWS code is loaded: whether the job can get one at all, and
// the first token asked for early, so its round trip to the runner's token service overlaps the
// loading of the AWS SDK. Later tokens (credential refreshes) are always fetched fresh.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { ActionError } from '../errors.js'
import { sleep } from '../loop.js'
import { CONNECT_TIMEOUT_MS, ProxyTunnelError, type Agents } from './http.js'

/** Fails early, before any AWS call, when the job can't get an OIDC token. */
export function checkOidcAvailable(env: Record<string, string | undefined>): void {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(
      "Input 'role-to-assume' needs the job's GitHub OIDC token, but the runner did not provide one (ACTIONS_ID_TOKEN_REQUEST_URL is not set).",
      'Add `permissions: id-token: write` to the job or workflow. Pull requests from forks never get an OIDC token; use credentials from the default chain there.'
    )
  }
}

/**
 * Starts fetching one token now and returns a getIDToken that hands out that token on its
 * first call and fetches a new one on every later call.
 */
export function withFirstTokenEarly(
  getIDToken: (audience: string) => Promise<string>,
  audience: string
): (audience: string) => Promise<string> {
  let early: Promise<string> | undefined = getIDToken(audience)
  early.catch(() => undefined) // reported when it is used, not as an unhandled rejection
  return wanted => {
    const token = early && wanted === audience ? early : getIDToken(wanted)
    early = undefined
    return token
  }
}

export interface IdTokenOptions {
  /** The agents to reach the runner's token service through (a proxy), if any. */
  agents?: Agents
  /** Masks the token before anything can print it (`core.setSecret`). */
  setSecret: (secret: string) => void
  /** Ends every attempt at once (the step is closing). */
  signal?: AbortSignal
  /** One attempt's deadline; default ATTEMPT_TIMEOUT_MS. */
  attemptTimeoutMs?: number
  /** The pause between attempts, cut short by `signal`; default loop.ts's sleep. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Attempts at the token service; a 5xx, 429 or network fault is tried again, after 1 s, 2 s. */
export const ATTEMPTS = 3
/** The runner's token service answers in well under a second; this is one attempt's deadline. */
export const ATTEMPT_TIMEOUT_MS = 10_000

/**
 * A fresh OIDC token from the runner's token service, as core.getIDToken asks for it, but with a
 * deadline on every attempt: a service that accepts the connection and never answers ends the
 * attempt after ATTEMPT_TIMEOUT_MS instead of hanging the step.
 */
export async function requestIdToken(
  env: Record<string, string | undefined>,
  audience: string,
  options: IdTokenOptions
): Promise<string> {
  const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '')
  url.searchParams.set('audience', audience)
  for (let attempt = 1; ; attempt++) {
    try {
      const token = await getToken(url, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '', options)
      options.setSecret(token)
      return token
    } catch (error) {
      // A closing step wants no more attempts: the abort is not a fault of the token service.
      const closing = options.signal?.aborted === true
      if (!(error instanceof TransientTokenError) || attempt >= ATTEMPTS || closing) throw error
      await (options.sleep ?? sleep)(1000 * attempt, options.signal ?? new AbortController().signal)
    }
  }
}

/** A failure worth another attempt: a timeout, a network fault, a 5xx or 429 answer. */
class TransientTokenError extends Error {
  override readonly name = 'TransientTokenError'
}

function getToken(url: URL, bearer: string, options: IdTokenOptions): Promise<string> {
  const secure = url.protocol === 'https:'
  // Through a proxy the attempt waits for the tunnel's own deadline too, which names the proxy.
  const deadlineMs =
    options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS + (options.agents ? CONNECT_TIMEOUT_MS : 0)
  const deadline = AbortSignal.timeout(deadlineMs)
  const signals = [deadline, ...(options.signal ? [options.signal] : [])]
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(url, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
      agent: secure ? options.agents?.httpsAgent : options.agents?.httpAgent,
      signal: AbortSignal.any(signals)
    })
    // The whole answer, body included, within the deadline: one dripped slowly is cut off too.
    const failed = (error: Error): void => {
      if (error instanceof ProxyTunnelError) return reject(error)
      const reason = deadline.aborted
        ? `no complete answer within ${deadlineMs / 1000} s`
        : error.message
      reject(new TransientTokenError(`The GitHub OIDC token request failed: ${reason}`))
    }
    request.on('error', failed)
    request.on('response', response => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', failed)
      response.on('end', () => {
        const status = response.statusCode ?? 0
        const body = Buffer.concat(chunks).toString('utf8')
        if (status >= 500 || status === 429) {
          return reject(
            new TransientTokenError(`The GitHub OIDC token service answered ${status}.`)
          )
        }
        const value = status === 200 ? tokenIn(body) : undefined
        if (value) return resolve(value)
        reject(
          new ActionError(
            `The GitHub OIDC token service answered ${status} without a token.`,
            'The job needs `permissions: id-token: write`; re-run the job if it has it.'
          )
        )
      })
    })
    request.end()
  })
}

function tokenIn(body: string): string | undefined {
  try {
    const value: unknown = (JSON.parse(body) as { value?: unknown }).value
    return typeof value === 'string' && value !== '' ? value : undefined
  } catch {
    return undefined
  }
}
