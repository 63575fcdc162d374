// http-proxy: the proxy every AWS call goes through (self-hosted runners). A proxy URL may
// carry a password, so no message shows more of it than the scheme and the host.

import type { Config } from '../config.js'
import { InputError, quote } from './errors.js'
import type { Inputs } from './read.js'

const INPUT = 'http-proxy'
const RULE =
  'must be a proxy URL like http://proxy.example.com:3128 (http:// or https://, a host, an optional port, an optional user:password)'

// A bare host:port, safe to echo: no '@', so no user:password, and a port, so not a lone
// word that could be a password pasted in the wrong place.
const HOST_PORT = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/

/** The URL as a message may show it: scheme and host, any user:password as ***. */
export function redactProxyUrl(url: URL): string {
  return `${url.protocol}//${url.username || url.password ? '***@' : ''}${url.host}`
}

/** The secrets in a proxy URL, as written and decoded, for the log to mask; [] when none. */
export function proxySecrets(value: string): string[] {
  if (!URL.canParse(value)) return []
  const { password } = new URL(value)
  if (password === '') return []
  let decoded = password
  try {
    decoded = decodeURIComponent(password)
  } catch {
    // A malformed escape: mask it as written.
  }
  return [...new Set([password, decoded])]
}

// A refusal that shows nothing of the value: what was wrong with it, in words only.
function unshown(detail: string): InputError {
  return new InputError(
    INPUT,
    `Input '${INPUT}' ${RULE}; ${detail} (the value is not shown: it may hold a password).`
  )
}

function shown(url: URL, detail: string): InputError {
  return new InputError(
    INPUT,
    `Input '${INPUT}' ${RULE}; got ${quote(redactProxyUrl(url))}: ${detail}.`
  )
}

// The URL, or the refusal that says what is wrong without showing a password.
function proxyUrl(value: string): URL {
  if (/[\p{Cc}\p{Z}]/u.test(value)) throw unshown('it contains a space or a control character')
  if (!value.includes('://')) {
    if (!HOST_PORT.test(value)) throw unshown('it has no scheme (http:// or https://)')
    throw new InputError(
      INPUT,
      `Input '${INPUT}' ${RULE}; got ${quote(value)}: write it as a URL, ${quote(`http://${value}`)}.`
    )
  }
  if (!URL.canParse(value)) throw unshown('it is not a well-formed URL')
  return new URL(value)
}

function checkProxyUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw shown(
      url,
      `the scheme is ${quote(url.protocol.slice(0, -1))}; only http and https proxies are supported`
    )
  }
  if (url.hostname === '') throw shown(url, 'it has no host')
  if (url.port === '0') throw shown(url, 'the port must be 1-65535')
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw shown(url, 'a proxy URL has no path, query or fragment')
  }
}

/** The proxy section: http-proxy as given, when given. */
export function parseProxy(inputs: Inputs): Pick<Config, 'httpProxy'> {
  const value = inputs.raw(INPUT)
  if (value === '') return {}
  checkProxyUrl(proxyUrl(value))
  return { httpProxy: value }
}
