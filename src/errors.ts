// AWS, STS and OIDC errors turned into one plain line with the hint each deserves (hints.ts),
// and the transient/permanent split the waits rely on. Pure: no SDK import, errors are
// recognised by their `name`, wire code and HTTP status.
import { CODE_ALIASES, THROTTLING_HINT, hintFor, type Service } from './hints.js'

export type { Service } from './hints.js'

/** A failure the action reports as one `::error::` line, with an optional hint. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly hint?: string
  ) {
    super(message)
    this.name = 'ActionError'
  }
}

export interface ExplainedError {
  /** `<operation> failed: <AWS message>` */
  message: string
  hint?: string
  /** Worth retrying later: throttling, 5xx, network faults, expired credentials. */
  transient: boolean
  /** The error's name or code, e.g. `ExportTaskAlreadyExistsFault`. */
  code: string
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown'
])

const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'AbortError',
  'ProxyConnectTimeout',
  'DeadlineExceeded'
])

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'])

/**
 * An answer the SDK could not read (a garbled or truncated body): the request may well have
 * worked. The SDK marks such errors with the raw response, and they carry none of the `$fault`
 * of an AWS error.
 */
export function isUnreadableAnswer(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ('$responseBodyText' in error || ('$response' in error && !('$fault' in error)))
  )
}

interface ErrorLike {
  name?: unknown
  code?: unknown
  message?: unknown
  Code?: unknown
  $metadata?: { httpStatusCode?: number }
  $retryable?: unknown
}

/** The error's canonical code: the SDK name, with wire codes mapped to their `Fault` names. */
export function errorCode(error: unknown): string {
  const e = (error ?? {}) as ErrorLike
  const raw = [e.name, e.Code, e.code].find(
    (v): v is string => typeof v === 'string' && v !== '' && v !== 'Error'
  )
  if (!raw) return 'Error'
  return CODE_ALIASES[raw] ?? raw
}

export function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike
  const code = errorCode(error)
  const status = e.$metadata?.httpStatusCode ?? 0
  return (
    THROTTLING.has(code) ||
    NETWORK.has(code) ||
    EXPIRED.has(code) ||
    code === 'IDPCommunicationErrorException' ||
    status >= 500 ||
    // A read whose answer was garbled is worth asking again, like a 5xx.
    isUnreadableAnswer(error) ||
    Boolean(e.$retryable) ||
    (typeof e.code === 'string' && NETWORK.has(e.code))
  )
}

export function isExpiredCredentials(error: unknown): boolean {
  return EXPIRED.has(errorCode(error))
}

const ORIGIN = Symbol('origin')

interface Origin {
  operation: string
  service: Service
}

/**
 * Remembers which operation and service an error came from: credential errors surface inside an
 * RDS call, and an S3 read refused for its KMS key is a KMS matter. The first tag wins.
 */
export function tagOperation<T>(error: T, operation: string, service: Service = 'rds'): T {
  if (error && typeof error === 'object' && !(ORIGIN in error)) {
    Object.defineProperty(error, ORIGIN, { value: { operation, service } satisfies Origin })
  }
  return error
}

function originOf(error: unknown): Origin | undefined {
  return error && typeof error === 'object' && ORIGIN in error
    ? (error as { [ORIGIN]: Origin })[ORIGIN]
    : undefined
}

/**
 * `operation` and `service` say where the error came from unless it was tagged on its way
 * (tagOperation), e.g. `StartExportTask` on `rds`.
 */
export function explainError(
  error: unknown,
  operation: string,
  service: Service = 'rds'
): ExplainedError {
  const origin = originOf(error) ?? { operation, service }
  const code = errorCode(error)
  const e = (error ?? {}) as ErrorLike
  const text = oneLine(typeof e.message === 'string' && e.message ? e.message : String(error))
  const hint = hintFor(code, origin.service) ?? (THROTTLING.has(code) ? THROTTLING_HINT : undefined)
  const detail = text.includes(code) || code === 'Error' ? text : `${code}: ${text}`
  return {
    message: `${origin.operation} failed: ${detail}`,
    hint,
    transient: isTransient(error),
    code
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat
}

/** A text ended once as a sentence: AWS's own messages often end with a period already. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
