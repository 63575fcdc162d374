// The Query protocol (RDS, STS): requests are form-encoded POSTs
// (`Action=..&Version=..&Param.member.1=..`), answers an XML envelope around the action's
// result, errors an <ErrorResponse>. queryModule turns a service's action handler into a
// ServiceModule for the router; the helpers read the form as the services do.
import { ServiceError } from './service.js'
import type { ServiceAnswer, ServiceModule, ServiceName, ServiceRequest } from './service.js'
import { queryError, queryResponse } from './xml.js'

export type Params = Record<string, string>

/** HTTP status of the errors every Query service shares (AWS's common errors). */
export const QUERY_ERROR_STATUS: Record<string, number> = {
  InvalidParameterValue: 400,
  InvalidParameterCombination: 400,
  MissingParameter: 400,
  Throttling: 400,
  AccessDenied: 403,
  ExpiredToken: 400,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  InternalFailure: 500,
  ServiceUnavailable: 503
}

export function parseForm(body: string): Params {
  const params: Params = {}
  for (const [key, value] of new URLSearchParams(body)) params[key] = value
  return params
}

const forms = new WeakMap<ServiceRequest, Params>()

/** The request's form, parsed once (an empty form for anything but a POST). */
export function formOf(request: ServiceRequest): Params {
  let params = forms.get(request)
  if (!params) {
    params = request.method === 'POST' ? parseForm(request.body.toString('utf8')) : {}
    forms.set(request, params)
  }
  return params
}

export interface QueryService {
  service: ServiceName
  /** The XML namespace of answers and errors. */
  namespace: string
  /** The result XML of one action; throws ServiceError as the service answers. */
  handle(action: string, params: Params, request: ServiceRequest): string
  /** Default: every action is signed. */
  authentication?(action: string): 'sigv4' | 'none'
  errorStatus?(code: string): number | undefined
}

/** A Query-protocol service as the router wants it. */
export function queryModule(service: QueryService): ServiceModule {
  return {
    service: service.service,
    action: request => formOf(request).Action ?? '',
    authentication: (_request, action) => service.authentication?.(action) ?? 'sigv4',
    params: formOf,
    errorStatus: code => service.errorStatus?.(code) ?? QUERY_ERROR_STATUS[code],
    handle(request, action): ServiceAnswer {
      const result = service.handle(action, formOf(request), request)
      const xml = queryResponse(action, service.namespace, result, request.requestId)
      return xmlAnswer(200, xml, request.requestId)
    },
    error: (error, requestId) =>
      xmlAnswer(
        error.status,
        queryError(service.namespace, error.type, error.code, error.message, requestId),
        requestId
      )
  }
}

function xmlAnswer(status: number, body: string, requestId: string): ServiceAnswer {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body }
}

/** `Name.member.1`, `Name.member.2`, ... (or another member name) in index order. */
export function memberList(params: Params, name: string, memberName = 'member'): string[] {
  const prefix = `${name}.${memberName}.`
  return Object.keys(params)
    .filter(key => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map(key => params[key] as string)
}

export interface Filter {
  name: string
  values: string[]
}

/** `Filters.Filter.N.Name` with `Filters.Filter.N.Values.Value.M`. */
export function filters(params: Params): Filter[] {
  const result: Filter[] = []
  for (let n = 1; params[`Filters.Filter.${n}.Name`] !== undefined; n++) {
    const name = params[`Filters.Filter.${n}.Name`] as string
    result.push({ name, values: memberList(params, `Filters.Filter.${n}.Values`, 'Value') })
  }
  return result
}

export function required(params: Params, name: string): string {
  const value = params[name]
  if (value === undefined || value === '') {
    throw new ServiceError(
      'MissingParameter',
      400,
      `The request must contain the parameter ${name}`
    )
  }
  return value
}

/** MaxRecords as RDS checks it: default 100, 20 to 100. */
export function maxRecords(params: Params): number {
  const raw = params.MaxRecords
  if (raw === undefined) return 100
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 20 || value > 100) {
    throw new ServiceError(
      'InvalidParameterValue',
      400,
      `Invalid value ${raw} for MaxRecords. Must be between 20 and 100`
    )
  }
  return value
}

/** One page of items and the opaque Marker for the next one. */
export function page<T>(items: T[], params: Params): { items: T[]; marker: string | undefined } {
  const size = maxRecords(params)
  const start = params.Marker ? decodeMarker(params.Marker) : 0
  const end = start + size
  return {
    items: items.slice(start, end),
    marker: end < items.length ? encodeMarker(end) : undefined
  }
}

function encodeMarker(offset: number): string {
  return Buffer.from(`standin-marker:${offset}`).toString('base64')
}

function decodeMarker(marker: string): number {
  const match = /^standin-marker:(\d+)$/.exec(Buffer.from(marker, 'base64').toString())
  if (!match) throw new ServiceError('InvalidParameterValue', 400, `Invalid marker: ${marker}`)
  return Number(match[1])
}
