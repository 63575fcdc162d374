// A local stand-in for the services the action talks to: RDS and STS (Query protocol, reached
// through AWS_ENDPOINT_URL) and the runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL).
// One node:http server on 127.0.0.1; test support only, never bundled into the action.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OidcIssuer, type OidcOptions } from './oidc.js'
import { QueryError, parseForm, type Params } from './query.js'
import {
  DEFAULT_TIMELINE,
  RDS_ERROR_STATUS,
  RDS_NAMESPACE,
  Rds,
  type ClusterSeed,
  type ClusterSnapshotSeed,
  type ExportTaskView,
  type SnapshotSeed,
  type TaskSeed,
  type Timeline
} from './rds.js'
import { STS_NAMESPACE, Sts, randomId, type StaticCredential, type StsOptions } from './sts.js'
import { queryError, queryResponse } from './xml.js'

export type {
  ClusterSeed,
  ClusterSnapshotSeed,
  ExportStatus,
  ExportTaskView,
  SnapshotSeed,
  TaskSeed,
  Timeline
} from './rds.js'
export type { OidcOptions } from './oidc.js'
export type { StaticCredential } from './sts.js'
export { DEFAULT_TIMELINE, DEFAULT_WARNING, timelinePhase } from './rds.js'

export type FaultKind = 'throttle' | 'http500' | 'http503' | 'reset' | 'slow' | 'error'

/** A fault for the next `times` matching requests; rules are consumed in the order given. */
export interface FaultRule {
  /** Query Action (`DescribeExportTasks`, `AssumeRoleWithWebIdentity`, ...) or `OIDC`; any if omitted. */
  action?: string
  times: number
  /** throttle: 400 Throttling; http500: 500 InternalFailure; http503: 503 ServiceUnavailable;
   * reset: the connection is destroyed; slow: answered normally after delayMs; error: `code`. */
  kind: FaultKind
  /** For slow, default 2000. */
  delayMs?: number
  /** For error: the wire code (IamRoleNotFound, KMSKeyNotAccessibleFault, AccessDenied, ...). */
  code?: string
  message?: string
  /** For error; default from the RDS error model, else 400. */
  status?: number
}

export interface StandInOptions extends Omit<StsOptions, 'staticCredentials'> {
  /** Default us-east-1. */
  region?: string
  /** Default 123456789012. */
  account?: string
  /** Scenario seconds per real second, for task timelines; default 1. */
  timeScale?: number
  /** Active exports per account and region, default 5. */
  exportLimit?: number
  /** Timeline of new tasks, over DEFAULT_TIMELINE. */
  timeline?: Partial<Timeline>
  /** Timelines of new tasks by ExportTaskIdentifier. */
  timelines?: Record<string, Partial<Timeline>>
  snapshots?: SnapshotSeed[]
  clusterSnapshots?: ClusterSnapshotSeed[]
  clusters?: ClusterSeed[]
  /** Tasks that exist before the action runs (busy exports of other sources, old ones). */
  tasks?: TaskSeed[]
  faults?: FaultRule[]
  /** Answer task statuses in lower case. */
  lowercaseStatus?: boolean
  /** Scenario seconds a cancelled task stays CANCELING, default 5. */
  cancelSeconds?: number
  /** DescribeExportTasks for an unknown identifier: ExportTaskNotFound (default) or an empty list. */
  unknownTaskAnswer?: 'ExportTaskNotFound' | 'empty'
  /** Long-lived keys RDS accepts; one random key is always added (see env({ staticKeys })). */
  staticCredentials?: StaticCredential[]
  oidc?: OidcOptions
  /** ms since epoch; default Date.now. `advance()` moves the stand-in's clock on top of it. */
  clock?: () => number
  /** Default 0: a free port. */
  port?: number
  /** Called as each request is answered (status 0: the connection was reset). */
  onRequest?: (entry: RequestLogEntry) => void
  /** Ms each answer of a service waits: network and service time, for the benchmarks. */
  latencyMs?: Partial<Record<'oidc' | 'sts' | 'rds', number>>
}

export interface RequestLogEntry {
  time: Date
  service: 'rds' | 'sts' | 'oidc' | 'unknown'
  action: string
  /** The form parameters, WebIdentityToken redacted. */
  params: Params
  /** sha256 (hex) of the WebIdentityToken sent to STS, so tests can tell tokens apart unseen. */
  webIdentityTokenSha256?: string
  accessKeyId?: string
  sessionToken: boolean
  /** Region of the SigV4 scope. */
  region?: string
  status: number
  /** Error code answered, if any. */
  code?: string
  fault?: FaultKind
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
  readonly url: string
  readonly region: string
  readonly account: string
  /** The bearer token of the OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  readonly oidcRequestToken: string
  /** AWS_ENDPOINT_URL, AWS_REGION, AWS_EC2_METADATA_DISABLED, ACTIONS_ID_TOKEN_REQUEST_URL and
   * _TOKEN; with staticKeys, also AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of a static key. */
  env(options?: { staticKeys?: boolean }): Record<string, string>
  /** Every request, in order. */
  readonly requests: RequestLogEntry[]
  /** Every secret key, session token, OIDC JWT and the OIDC request token handed out. */
  issuedSecrets(): string[]
  tasks(): ExportTaskView[]
  task(identifier: string): ExportTaskView | undefined
  addTask(seed: TaskSeed): void
  addSnapshot(seed: SnapshotSeed): void
  addClusterSnapshot(seed: ClusterSnapshotSeed): void
  addCluster(seed: ClusterSeed): void
  /** The timeline of new tasks with this identifier, or of all new tasks when undefined. */
  setTimeline(identifier: string | undefined, timeline: Partial<Timeline>): void
  injectFault(rule: FaultRule): void
  /** Moves the stand-in's clock forward by real seconds (task progress, token expiry). */
  advance(seconds: number): void
  /** The stand-in's clock. */
  now(): Date
  close(): Promise<void>
}

const OIDC_PATH = '/_oidc/token'

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const region = options.region ?? 'us-east-1'
  const account = options.account ?? '123456789012'
  const baseClock = options.clock ?? Date.now
  let offsetMs = 0
  const now = (): number => baseClock() + offsetMs

  const rds = new Rds(
    {
      region,
      account,
      timeScale: options.timeScale ?? 1,
      exportLimit: options.exportLimit ?? 5,
      defaultTimeline: { ...DEFAULT_TIMELINE, ...options.timeline },
      timelines: { ...options.timelines },
      lowercaseStatus: options.lowercaseStatus ?? false,
      cancelSeconds: options.cancelSeconds ?? 5,
      unknownTaskAnswer: options.unknownTaskAnswer ?? 'ExportTaskNotFound'
    },
    now
  )
  options.snapshots?.forEach(s => rds.addSnapshot(s))
  options.clusterSnapshots?.forEach(s => rds.addClusterSnapshot(s))
  options.clusters?.forEach(c => rds.addCluster(c))
  options.tasks?.forEach(t => rds.addTask(t))

  const issuer = new OidcIssuer(options.oidc ?? {}, now)
  const defaultStatic: StaticCredential = {
    accessKeyId: `AKIA${randomId(16)}`,
    secretAccessKey: randomBytes(30).toString('base64')
  }
  const sts = new Sts(
    { ...options, staticCredentials: [...(options.staticCredentials ?? []), defaultStatic] },
    issuer,
    now
  )
  const faults: FaultRule[] = (options.faults ?? []).map(f => ({ ...f }))
  const requests: RequestLogEntry[] = []

  async function latency(service: 'oidc' | 'sts' | 'rds'): Promise<void> {
    const ms = options.latencyMs?.[service] ?? 0
    if (ms > 0) await sleep(ms)
  }

  function takeFault(action: string): FaultRule | undefined {
    const rule = faults.find(f => f.times > 0 && (f.action === undefined || f.action === action))
    if (rule) rule.times--
    return rule
  }

  function reset(req: IncomingMessage, entry: RequestLogEntry): void {
    req.socket.destroy()
    options.onRequest?.(entry)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const entry: RequestLogEntry = {
      time: new Date(now()),
      service: 'unknown',
      action: '',
      params: {},
      sessionToken: req.headers['x-amz-security-token'] !== undefined,
      status: 0
    }
    requests.push(entry)

    if (req.method === 'GET' && url.pathname === OIDC_PATH) {
      entry.service = 'oidc'
      entry.action = 'OIDC'
      entry.params = Object.fromEntries(url.searchParams)
      await latency('oidc')
      const fault = takeFault('OIDC')
      if (fault) entry.fault = fault.kind
      if (fault?.kind === 'reset') return reset(req, entry)
      if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 2000)
      const answer =
        fault && fault.kind !== 'slow'
          ? oidcFault(fault)
          : issuer.answer(url, req.headers.authorization)
      entry.status = answer.status
      options.onRequest?.(entry)
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' })
      return void res.end(JSON.stringify(answer.body))
    }

    const params = req.method === 'POST' ? parseForm(body) : {}
    const action = params.Action ?? ''
    const isSts = action === 'AssumeRoleWithWebIdentity' || params.Version === '2011-06-15'
    entry.service = req.method !== 'POST' || !action ? 'unknown' : isSts ? 'sts' : 'rds'
    entry.action = action
    entry.params =
      params.WebIdentityToken === undefined ? params : { ...params, WebIdentityToken: '<redacted>' }
    if (params.WebIdentityToken !== undefined) {
      entry.webIdentityTokenSha256 = createHash('sha256')
        .update(params.WebIdentityToken)
        .digest('hex')
    }
    const namespace = isSts ? STS_NAMESPACE : RDS_NAMESPACE
    const requestId = randomUUID()
    if (entry.service !== 'unknown') await latency(entry.service)

    try {
      if (entry.service === 'unknown') {
        throw new QueryError('InvalidAction', 400, 'Could not find operation for this request.')
      }
      const fault = takeFault(action)
      if (fault) {
        entry.fault = fault.kind
        if (fault.kind === 'reset') return reset(req, entry)
        if (fault.kind === 'slow') await sleep(fault.delayMs ?? 2000)
        else throw queryFault(fault)
      }
      let result: string
      if (isSts) {
        if (action === 'AssumeRoleWithWebIdentity') {
          result = sts.assumeRoleWithWebIdentity(params)
        } else if (action === 'GetCallerIdentity') {
          // The action never calls it; the benchmark's configure-aws-credentials baseline does.
          const caller = sts.authenticate(
            { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body },
            'sts'
          )
          entry.accessKeyId = caller.accessKeyId
          entry.region = caller.region
          result = sts.getCallerIdentity(caller.accessKeyId, account)
        } else {
          throw new QueryError(
            'InvalidAction',
            400,
            `Could not find operation ${action} for version 2011-06-15`
          )
        }
      } else {
        const caller = sts.authenticate(
          { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body },
          'rds'
        )
        entry.accessKeyId = caller.accessKeyId
        entry.region = caller.region
        result = rds.handle(action, params, caller.region)
      }
      entry.status = 200
      options.onRequest?.(entry)
      send(res, 200, queryResponse(action, namespace, result, requestId), requestId)
    } catch (error) {
      const e =
        error instanceof QueryError
          ? error
          : new QueryError('InternalFailure', 500, `The stand-in failed: ${String(error)}`)
      entry.status = e.status
      entry.code = e.code
      options.onRequest?.(entry)
      send(res, e.status, queryError(namespace, e.type, e.code, e.message, requestId), requestId)
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    region,
    account,
    oidcRequestToken: issuer.requestToken,
    requests,
    env(envOptions = {}) {
      const env: Record<string, string> = {
        AWS_ENDPOINT_URL: url,
        AWS_REGION: region,
        // The default credential chain must never wander off to the EC2 metadata service.
        AWS_EC2_METADATA_DISABLED: 'true',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}${OIDC_PATH}?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken
      }
      if (envOptions.staticKeys) {
        const key = options.staticCredentials?.[0] ?? defaultStatic
        env.AWS_ACCESS_KEY_ID = key.accessKeyId
        env.AWS_SECRET_ACCESS_KEY = key.secretAccessKey
        if (key.sessionToken) env.AWS_SESSION_TOKEN = key.sessionToken
      }
      return env
    },
    issuedSecrets: () => [...sts.secrets(), ...issuer.issued, issuer.requestToken],
    tasks: () => rds.tasks(),
    task: identifier => rds.tasks().find(t => t.ExportTaskIdentifier === identifier),
    addTask: seed => rds.addTask(seed),
    addSnapshot: seed => rds.addSnapshot(seed),
    addClusterSnapshot: seed => rds.addClusterSnapshot(seed),
    addCluster: seed => rds.addCluster(seed),
    setTimeline(identifier, timeline) {
      if (identifier === undefined) Object.assign(rds.options.defaultTimeline, timeline)
      else rds.options.timelines[identifier] = timeline
    },
    injectFault: rule => void faults.push({ ...rule }),
    advance(seconds) {
      offsetMs += seconds * 1000
    },
    now: () => new Date(now()),
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function queryFault(fault: FaultRule): QueryError {
  switch (fault.kind) {
    case 'throttle':
      return new QueryError('Throttling', 400, fault.message ?? 'Rate exceeded')
    case 'http500':
      return new QueryError(
        'InternalFailure',
        500,
        fault.message ?? 'An internal error has occurred'
      )
    case 'http503':
      return new QueryError('ServiceUnavailable', 503, fault.message ?? 'Service is unavailable')
    default: {
      const code = fault.code ?? 'InternalFailure'
      return new QueryError(
        code,
        fault.status ?? RDS_ERROR_STATUS[code] ?? 400,
        fault.message ?? `Injected ${code}`
      )
    }
  }
}

function oidcFault(fault: FaultRule): { status: number; body: unknown } {
  const status =
    fault.kind === 'throttle' ? 429 : fault.kind === 'http503' ? 503 : (fault.status ?? 500)
  return { status, body: { message: fault.message ?? `Injected ${fault.kind}` } }
}

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amzn-requestid': requestId
  })
  res.end(xml)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
