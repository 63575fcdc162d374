// A ServiceModule served alone on node:http (127.0.0.1), for the S3 and Glue modules' own tests:
// the real SDK clients talk to it, so their parsers judge the answers. No SigV4 check here (the
// stand-in's router does that); errors go through the module's own renderer, as in the router.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ServiceError, type ServiceModule, type ServiceRequest } from './service.js'

/** What an SDK client needs to talk to a served module: no retries, so each call is one request. */
export function clientConfig(endpoint: string): {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  maxAttempts: number
} {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1
  }
}

export interface ServedModule {
  /** http://127.0.0.1:<port> */
  endpoint: string
  /** Every request answered: the operation the module named, its parameters as the module logs
   * them (S3's Range among them) and the status sent. */
  log: { action: string; params: Record<string, string>; status: number }[]
  close(): Promise<void>
}

async function requestOf(message: IncomingMessage): Promise<ServiceRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  return {
    method: message.method ?? 'GET',
    url: new URL(message.url ?? '/', `http://${message.headers.host ?? '127.0.0.1'}`),
    headers: message.headers,
    body: Buffer.concat(chunks),
    requestId: randomUUID()
  }
}

/** Serves the module; `before` runs ahead of every request (the export writer's hook). */
export async function serveModule(
  module: ServiceModule,
  before: () => void = () => undefined
): Promise<ServedModule> {
  const log: ServedModule['log'] = []
  const server = createServer((message, response) => {
    void requestOf(message).then(async request => {
      before()
      const action = module.action(request)
      let answer
      try {
        answer = await module.handle(request, action)
      } catch (error) {
        const failure =
          error instanceof ServiceError
            ? error
            : new ServiceError('InternalError', 500, (error as Error).message)
        answer = module.error(failure, randomUUID())
      }
      const params = module.params?.(request) ?? Object.fromEntries(request.url.searchParams)
      log.push({ action, params, status: answer.status })
      // Node sends no body for HEAD, whatever is written: S3's HEAD errors are bodiless too.
      response.writeHead(answer.status, answer.headers ?? {})
      response.end(answer.body)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
