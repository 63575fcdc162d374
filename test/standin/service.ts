// The shape every service of the stand-in takes, whatever its protocol: Query (RDS, STS),
// REST-XML (S3), JSON (Glue), or the runner's OIDC endpoint. The router (router.ts, server.ts)
// reads the request, picks the module by protocol and signing scope, applies injected faults,
// checks the SigV4 signature, logs the request, and hands the module a ServiceRequest; the
// module answers in its own protocol.
import type { IncomingHttpHeaders } from 'node:http'

export type ServiceName = 'rds' | 'sts' | 's3' | 'glue' | 'oidc'

/** Who signed a request, once the router has checked the signature. */
export interface Caller {
  accessKeyId: string
  /** Region of the SigV4 scope. */
  region: string
  /** An X-Amz-Security-Token came with the request (temporary credentials). */
  sessionToken: boolean
  /** The assumed-role session ARN of temporary credentials, for refusals that name the
   * caller; undefined for long-lived keys. */
  arn?: string
}

export interface ServiceRequest {
  method: string
  /** The whole URL as the client sent it (path, query string), on the stand-in's origin. */
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** The id this request is answered under (x-amzn-requestid, <RequestId>). */
  requestId: string
  /** Who signed the request (SigV4, checked by the router); undefined for unsigned calls
   * (STS AssumeRoleWithWebIdentity, the OIDC endpoint). */
  caller?: Caller
}

export interface ServiceAnswer {
  status: number
  /** content-type among them: faults that garble or craft an answer go by it (json or xml). */
  headers?: Record<string, string>
  body?: string | Buffer
}

/** An error the service answers with, in its protocol's shape: wire code, HTTP status, message. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Query protocol's <Type>: Sender for the caller's faults, Receiver for the service's. */
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender'
  ) {
    super(message)
  }
}

export interface ServiceModule {
  readonly service: ServiceName
  /** The operation a request asks for (`ListObjectsV2`, `GetTable`, ...), for the request log
   * and for fault rules; '' when the module can't tell. */
  action(request: ServiceRequest): string
  /** 'sigv4' (when omitted): the router checks the signature and sets request.caller before
   * handle; 'none': the module checks the caller itself (a bearer, a web identity token). */
  authentication?(request: ServiceRequest, action: string): 'sigv4' | 'none'
  /** The request's parameters for the request log (default: the URL's query string). */
  params?(request: ServiceRequest): Record<string, string>
  /** HTTP status of an error code of this service, for injected errors (default 400). */
  errorStatus?(code: string): number | undefined
  /** The answer; throws ServiceError for an AWS error. */
  handle(request: ServiceRequest, action: string): ServiceAnswer | Promise<ServiceAnswer>
  /** An AWS error as this protocol renders it (XML for Query and S3, JSON for Glue). */
  error(error: ServiceError, requestId: string): ServiceAnswer
}
