// The shape every service of the stand-in takes, whatever its protocol: Query (RDS, STS),
// REST-XML (S3) or JSON (Glue). The router (index.ts) reads the request, checks its SigV4
// signature, picks the module by protocol and signing scope, applies injected faults, logs the
// request, and hands the module a ServiceRequest; the module answers in its own protocol.
import type { IncomingHttpHeaders } from 'node:http'

export type ServiceName = 'rds' | 'sts' | 's3' | 'glue'

export interface ServiceRequest {
  method: string
  /** The whole URL as the client sent it (path, query string), on the stand-in's origin. */
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** Who signed the request (SigV4, checked by the router); undefined for unsigned calls
   * (STS AssumeRoleWithWebIdentity). */
  caller?: { accessKeyId: string; region: string }
}

export interface ServiceAnswer {
  status: number
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
  /** The answer; throws ServiceError for an AWS error. */
  handle(request: ServiceRequest, action: string): ServiceAnswer | Promise<ServiceAnswer>
  /** An AWS error as this protocol renders it (XML for Query and S3, JSON for Glue). */
  error(error: ServiceError, requestId: string): ServiceAnswer
}
