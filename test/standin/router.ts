// Which service a request is for, told by its protocol as AWS's front ends tell it:
//   GET on the OIDC path                      -> the runner's OIDC endpoint
//   X-Amz-Target: AWSGlue.<Operation>         -> Glue (JSON 1.1)
//   a form POST with Action=                  -> Query: STS for Version=2011-06-15 or the
//                                                unsigned AssumeRoleWithWebIdentity, else RDS
//   anything else signed for the `s3` scope   -> S3 (REST-XML, path-style /<bucket>/<key>)
// S3 and Glue are mounted by default (s3.ts, glue.ts; see storage.ts); a request no rule fits
// gets the Query InvalidAction.
import { OIDC_PATH } from './oidc.js'
import { formOf } from './query.js'
import { RDS_NAMESPACE } from './rds.js'
import { ServiceError } from './service.js'
import type { ServiceAnswer, ServiceModule, ServiceName, ServiceRequest } from './service.js'
import { parseAuthorization } from './sigv4.js'
import { escapeXml, queryError } from './xml.js'

export type Route = ServiceName | 'unknown'

/** The service a request is for, by protocol; 'unknown' when no rule fits. */
export function routeOf(request: ServiceRequest): Route {
  if (request.method === 'GET' && request.url.pathname === OIDC_PATH) return 'oidc'
  if (/^AWSGlue\./.test(header(request, 'x-amz-target'))) return 'glue'
  const form = isForm(request) ? formOf(request) : {}
  if (form.Action) {
    const sts = form.Version === '2011-06-15' || form.Action === 'AssumeRoleWithWebIdentity'
    return sts ? 'sts' : 'rds'
  }
  if (parseAuthorization(header(request, 'authorization'))?.service === 's3') return 's3'
  return 'unknown'
}

function isForm(request: ServiceRequest): boolean {
  return (
    request.method === 'POST' &&
    /^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type'))
  )
}

function header(request: ServiceRequest, name: string): string {
  const value = request.headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** What answers a request no rule fits: the Query protocol's InvalidAction, in RDS's namespace.
 * The server logs it as `unknown` and gives it no latency and no fault. */
export const UNKNOWN_REQUEST: ServiceModule = {
  service: 'rds',
  action: () => '',
  authentication: () => 'none',
  handle() {
    throw new ServiceError('InvalidAction', 400, 'Could not find operation for this request.')
  },
  error: (error, requestId) => ({
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: queryError(RDS_NAMESPACE, error.type, error.code, error.message, requestId)
  })
}

/** An S3 (REST-XML) error document. */
export function restXmlError(error: ServiceError, requestId: string): ServiceAnswer {
  return {
    status: error.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message><RequestId>${requestId}</RequestId></Error>`
  }
}

/** A JSON-protocol (Glue) error: `__type` names the code. */
export function jsonError(error: ServiceError, requestId: string): ServiceAnswer {
  return {
    status: error.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: error.code, message: error.message })
  }
}
