// Faults a test injects: for the next `times` requests that match a rule (by operation and,
// optionally, service), the stand-in answers with a throttle, a 5xx, an error of choice, a reset
// connection, a slow answer, an answer dripped a byte at a time, no answer at all, a garbled
// answer or one with crafted strings, instead of (or on top of) the real one. Each service says its errors in its own words: S3's
// throttle is a 503 SlowDown, Glue's a ThrottlingException, OIDC's a 429.
import { ServiceError, type ServiceModule, type ServiceName } from './service.js'
import type { Craft, Garble } from './tamper.js'

export type FaultKind =
  | 'throttle'
  | 'http500'
  | 'http503'
  | 'reset'
  | 'slow'
  | 'drip'
  | 'error'
  | 'hang'
  | 'garbled'
  | 'craft'

/** A fault for the next `times` matching requests; rules are consumed in the order given. */
export interface FaultRule {
  /** The operation (`DescribeExportTasks`, `AssumeRoleWithWebIdentity`, `GetObject`, `GetTable`,
   * ...) or `OIDC`; any if omitted. */
  action?: string
  /** Only requests to this service; any if omitted. */
  service?: ServiceName
  /** How many matching requests get it (Infinity: all of them). */
  times: number
  /** How many matching requests are answered normally first (default 0): a fault part-way. */
  after?: number
  /** throttle: the service's throttling error; http500 / http503: its internal error / service
   * unavailable; reset: the connection is destroyed; slow: answered normally after delayMs;
   * drip: the real answer's status and headers at once, then its body one byte every dripMs
   * (a server that stays alive without ever finishing); error: `code`; hang: the request is read and never answered (close() still ends it);
   * garbled: the real answer, 200, with its body garbled as `garble` says; craft: the real
   * answer with the strings of `craft` in its fields. garbled and craft change only successful
   * answers (an error is answered as it is). */
  kind: FaultKind
  /** For hang and reset: the request takes effect first (a task is started, say), then its
   * answer is lost. Default false: the service never sees it. */
  processed?: boolean
  /** For garbled, default truncated (see tamper.ts). */
  garble?: Garble
  /** For craft: the fields and what they say (see tamper.ts). */
  craft?: Craft
  /** For slow, default 2000. */
  delayMs?: number
  /** For drip: the gap between two bytes of the body, default 2000. */
  dripMs?: number
  /** For error: the wire code (IamRoleNotFound, KMSKeyNotAccessibleFault, AccessDenied, ...). */
  code?: string
  message?: string
  /** For error; default: the service's status for the code (RDS's error model), else 400. */
  status?: number
}

type Refusal = [code: string, status: number, message: string]
type Transient = 'throttle' | 'http500' | 'http503'

const QUERY: Record<Transient, Refusal> = {
  throttle: ['Throttling', 400, 'Rate exceeded'],
  http500: ['InternalFailure', 500, 'An internal error has occurred'],
  http503: ['ServiceUnavailable', 503, 'Service is unavailable']
}

const TRANSIENT: Record<ServiceName, Record<Transient, Refusal>> = {
  rds: QUERY,
  sts: QUERY,
  s3: {
    throttle: ['SlowDown', 503, 'Please reduce your request rate.'],
    http500: ['InternalError', 500, 'We encountered an internal error. Please try again.'],
    http503: ['ServiceUnavailable', 503, 'Please reduce your request rate.']
  },
  glue: {
    throttle: ['ThrottlingException', 400, 'Rate exceeded'],
    http500: ['InternalServiceException', 500, 'An internal error has occurred'],
    http503: ['ServiceUnavailableException', 503, 'Service is unavailable']
  },
  oidc: {
    throttle: ['Throttling', 429, 'Injected throttle'],
    http500: ['InternalFailure', 500, 'Injected http500'],
    http503: ['ServiceUnavailable', 503, 'Injected http503']
  }
}

/** The rules still to be consumed, in order. */
export class Faults {
  private readonly rules: FaultRule[]

  constructor(rules: FaultRule[] = []) {
    this.rules = rules.map(rule => ({ ...rule }))
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule })
  }

  /** The first rule that matches this request, consumed once; undefined when none does. */
  take(service: ServiceName, action: string): FaultRule | undefined {
    const rule = this.rules.find(
      r =>
        r.times > 0 &&
        (r.action === undefined || r.action === action) &&
        (r.service === undefined || r.service === service)
    )
    if (!rule) return undefined
    if (rule.after !== undefined && rule.after > 0) {
      rule.after--
      return undefined
    }
    rule.times--
    return rule
  }
}

/** The rule answers with an error instead of the service's answer. */
export function isErrorFault(rule: FaultRule): boolean {
  return ['throttle', 'http500', 'http503', 'error'].includes(rule.kind)
}

/** Nothing is answered: the connection is reset, or left hanging. */
export function isNoAnswer(rule: FaultRule): boolean {
  return rule.kind === 'reset' || rule.kind === 'hang'
}

/** The error a throttle, 5xx or error rule answers with, as `module`'s service says it. */
export function faultError(rule: FaultRule, module: ServiceModule): ServiceError {
  if (rule.kind === 'throttle' || rule.kind === 'http500' || rule.kind === 'http503') {
    const [code, status, message] = TRANSIENT[module.service][rule.kind]
    return new ServiceError(code, status, rule.message ?? message)
  }
  const code = rule.code ?? 'InternalFailure'
  const status = rule.status ?? module.errorStatus?.(code) ?? 400
  return new ServiceError(code, status, rule.message ?? `Injected ${code}`)
}
