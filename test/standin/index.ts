// A local stand-in for the services the action talks to: RDS and STS (Query protocol), S3
// (REST-XML, holding what each export writes) and the Glue Data Catalog (JSON), all reached
// through AWS_ENDPOINT_URL, and the runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL).
// One node:http server on 127.0.0.1, a router by protocol in front (router.ts, server.ts);
// test support only, never bundled into the action.
import { randomBytes } from 'node:crypto'
import { Credentials, type StaticCredential } from './credentials.js'
import { Faults, type FaultRule } from './faults.js'
import { OIDC_PATH, OidcIssuer, oidcModule, type OidcOptions } from './oidc.js'
import {
  DEFAULT_SNAPSHOT_TIMELINE,
  DEFAULT_TIMELINE,
  Rds,
  rdsModule,
  type ClusterSeed,
  type ClusterSnapshotSeed,
  type ExportTaskView,
  type InstanceSeed,
  type RdsOptions,
  type SnapshotSeed,
  type SnapshotTimeline,
  type SnapshotView,
  type TaskSeed,
  type Timeline
} from './rds.js'
import { snapshotView } from './rds/snapshots.js'
import { listen, type RequestLogEntry, type Router } from './server.js'
import type { ServiceModule, ServiceName } from './service.js'
import type { ExportFiles } from './export-files.js'
import type { GlueCatalog } from './glue.js'
import type { S3Store } from './s3.js'
import { newS3Store, newStorage, type StorageOptions } from './storage.js'
import { Sts, randomId, stsModule, type StsOptions } from './sts.js'

export type { OidcOptions } from './oidc.js'
export type { StaticCredential } from './credentials.js'
export type { FaultKind, FaultRule } from './faults.js'
export type { RequestLogEntry } from './server.js'
export type {
  Caller,
  ServiceAnswer,
  ServiceModule,
  ServiceName,
  ServiceRequest
} from './service.js'
export { ServiceError } from './service.js'
// The RDS part's seeds, views and timelines (rds.ts re-exports rds/).
export * from './rds.js'
export { STANDIN_HOST, startProxy } from './proxy.js'
export type { ProxyLogEntry, ProxyOptions, StandInProxy } from './proxy.js'
// S3, Glue, and what an export writes.
export type { StorageOptions } from './storage.js'
export type { KmsRefusal, S3Object, S3Refusal, S3Store } from './s3.js'
export type { GlueCatalog, GlueRefusal } from './glue.js'
export type {
  DatabaseSeed,
  ExportedColumn,
  ExportedTable,
  ExportSource,
  ExportVariations,
  TableSeed,
  WrittenExport
} from './export-files.js'
export type { ExportFiles } from './export-files.js'
export { readLocation, readParquetRows } from './export-files.js'
export {
  APPDB,
  ODD_NAMES,
  SHOP,
  cleanSource,
  columns,
  defaultSource,
  manyTables
} from './export-fixtures.js'

/** A module, or a function that makes one from the running stand-in (its clock, its tasks). */
export type ServiceMount = ServiceModule | ((standIn: StandIn) => ServiceModule)

export interface StandInOptions extends StsOptions, StorageOptions {
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
  /** DB instances (CreateDBSnapshot takes their snapshots). */
  instances?: InstanceSeed[]
  snapshots?: SnapshotSeed[]
  clusterSnapshots?: ClusterSnapshotSeed[]
  clusters?: ClusterSeed[]
  /** How snapshots taken with CreateDBSnapshot / CreateDBClusterSnapshot run, over
   * DEFAULT_SNAPSHOT_TIMELINE (120 scenario seconds `creating`, then `available`). */
  snapshotTimeline?: Partial<SnapshotTimeline>
  /** Timelines of new snapshots by identifier (RDS stores them in lower case). */
  snapshotTimelines?: Record<string, Partial<SnapshotTimeline>>
  /** Manual snapshots per region, for instances and for clusters each; default 100 (RDS's). */
  manualSnapshotQuota?: number
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
  latencyMs?: Partial<Record<ServiceName, number>>
  /** Modules to answer a service instead of the stand-in's own; see mount(). */
  services?: ServiceMount[]
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
  readonly url: string
  readonly region: string
  readonly account: string
  /** The bearer token of the OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  readonly oidcRequestToken: string
  /** AWS_ENDPOINT_URL, AWS_REGION, AWS_EC2_METADATA_DISABLED, ACTIONS_ID_TOKEN_REQUEST_URL and
   * _TOKEN; with staticKeys, also AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY of a static key;
   * with host, both URLs name that host instead of 127.0.0.1 (proxy.ts's STANDIN_HOST: then
   * they work only through the proxy). Every client takes AWS_ENDPOINT_URL, S3's too: on
   * 127.0.0.1 it addresses buckets by path, under STANDIN_HOST by host name
   * (`<bucket>.aws.standin.test`, which the proxy and the S3 module both understand). */
  env(options?: { staticKeys?: boolean; host?: string }): Record<string, string>
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
  addInstance(seed: InstanceSeed): void
  /** Every DB snapshot and DB cluster snapshot, as it stands now. */
  snapshots(): SnapshotView[]
  /** The timeline of new tasks with this identifier, or of all new tasks when undefined. */
  setTimeline(identifier: string | undefined, timeline: Partial<Timeline>): void
  /** The timeline of new snapshots with this identifier, or of all when undefined. */
  setSnapshotTimeline(identifier: string | undefined, timeline: Partial<SnapshotTimeline>): void
  /** S3's objects and buckets: an export's files are in it once its task is COMPLETE and S3
   * was asked (or exportFiles.sync() / written() called); refuse() and refuseKms() switch
   * AccessDenied on, allowAll() off. */
  readonly s3: S3Store
  /** The Glue Data Catalog: databaseNames(), tableNames(db), getTable(db, name),
   * getTableVersions(db, name); refuse() switches refusals on, allowAll() off. */
  readonly glue: GlueCatalog
  /** What each export wrote: written(identifier) (tables, their folders, files, columns and
   * every row), sync(). */
  readonly exportFiles: ExportFiles
  injectFault(rule: FaultRule): void
  /** Answers the module's service from now on (a replacement of a built-in one). */
  mount(module: ServiceMount): void
  /** Moves the stand-in's clock forward by real seconds (task progress, token expiry). */
  advance(seconds: number): void
  /** The stand-in's clock. */
  now(): Date
  close(): Promise<void>
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const region = options.region ?? 'us-east-1'
  const account = options.account ?? '123456789012'
  const baseClock = options.clock ?? Date.now
  let offsetMs = 0
  const now = (): number => baseClock() + offsetMs

  const s3 = newS3Store(options, account)
  const bucketExists = options.buckets && ((bucket: string) => s3.hasBucket(bucket))
  const rds = newRds({ ...options, region, account, bucketExists }, now)
  const storage = newStorage(options, { region, account, now }, s3, rds)
  const issuer = new OidcIssuer(options.oidc ?? {}, now)
  const { credentials, envKey } = accountKeys(options, now)
  const sts = new Sts(options, issuer, credentials, now)
  const modules = [rdsModule(rds), stsModule(sts, account), oidcModule(issuer), ...storage.modules]
  const router: Router = {
    modules: new Map(modules.map(byService)),
    credentials,
    faults: new Faults(options.faults),
    requests: [],
    now,
    latencyMs: { ...options.latencyMs },
    onRequest: options.onRequest
  }
  const server = await listen(router, options.port ?? 0)

  const standIn: StandIn = {
    url: server.url,
    region,
    account,
    oidcRequestToken: issuer.requestToken,
    requests: router.requests,
    env(envOptions = {}) {
      const url = envOptions.host ? server.url.replace('127.0.0.1', envOptions.host) : server.url
      return environment(url, region, issuer.requestToken, envOptions.staticKeys && envKey)
    },
    issuedSecrets: () => [...credentials.secrets(), ...issuer.issued, issuer.requestToken],
    ...rdsMethods(rds),
    s3,
    glue: storage.glue,
    exportFiles: storage.exportFiles,
    injectFault: rule => router.faults.add(rule),
    mount(mount) {
      const module = typeof mount === 'function' ? mount(standIn) : mount
      router.modules.set(module.service, module)
    },
    advance(seconds) {
      offsetMs += seconds * 1000
    },
    now: () => new Date(now()),
    close: () => server.close()
  }
  options.services?.forEach(mount => standIn.mount(mount))
  return standIn
}

/** The StandIn's reading and seeding of RDS. */
function rdsMethods(rds: Rds): Pick<StandIn, RdsMethod> {
  return {
    tasks: () => rds.exportTasks.all(),
    task: identifier => rds.exportTasks.all().find(t => t.ExportTaskIdentifier === identifier),
    addTask: seed => rds.exportTasks.add(seed),
    addSnapshot: seed => rds.snapshots.addSnapshot(seed),
    addClusterSnapshot: seed => rds.snapshots.addClusterSnapshot(seed),
    addCluster: seed => rds.snapshots.addCluster(seed),
    addInstance: seed => rds.snapshots.addInstance(seed),
    snapshots: () => rds.snapshots.all().map(snapshotView),
    setTimeline: (identifier, timeline) => rds.setTimeline(identifier, timeline),
    setSnapshotTimeline: (identifier, timeline) => rds.setSnapshotTimeline(identifier, timeline)
  }
}

type RdsMethod =
  | 'tasks'
  | 'task'
  | 'addTask'
  | 'addSnapshot'
  | 'addClusterSnapshot'
  | 'addCluster'
  | 'addInstance'
  | 'snapshots'
  | 'setTimeline'
  | 'setSnapshotTimeline'

/** The account's key store, with the static keys given and one random key always added; the
 * key env({ staticKeys }) hands out (the first given, else the random one). */
function accountKeys(
  options: StandInOptions,
  now: () => number
): { credentials: Credentials; envKey: StaticCredential } {
  const credentials = new Credentials(now, options.verifySignatures !== false)
  const random: StaticCredential = {
    accessKeyId: `AKIA${randomId(16)}`,
    secretAccessKey: randomBytes(30).toString('base64')
  }
  for (const key of [...(options.staticCredentials ?? []), random]) credentials.add(key)
  return { credentials, envKey: options.staticCredentials?.[0] ?? random }
}

function newRds(
  options: StandInOptions & Pick<RdsOptions, 'region' | 'account' | 'bucketExists'>,
  now: () => number
): Rds {
  const rds = new Rds(
    {
      region: options.region,
      account: options.account,
      timeScale: options.timeScale ?? 1,
      exportLimit: options.exportLimit ?? 5,
      defaultTimeline: { ...DEFAULT_TIMELINE, ...options.timeline },
      timelines: { ...options.timelines },
      lowercaseStatus: options.lowercaseStatus ?? false,
      cancelSeconds: options.cancelSeconds ?? 5,
      unknownTaskAnswer: options.unknownTaskAnswer ?? 'ExportTaskNotFound',
      defaultSnapshotTimeline: { ...DEFAULT_SNAPSHOT_TIMELINE, ...options.snapshotTimeline },
      snapshotTimelines: lowerCaseKeys(options.snapshotTimelines ?? {}),
      manualSnapshotQuota: options.manualSnapshotQuota ?? 100,
      bucketExists: options.bucketExists
    },
    now
  )
  options.instances?.forEach(i => rds.snapshots.addInstance(i))
  options.snapshots?.forEach(s => rds.snapshots.addSnapshot(s))
  options.clusterSnapshots?.forEach(s => rds.snapshots.addClusterSnapshot(s))
  options.clusters?.forEach(c => rds.snapshots.addCluster(c))
  options.tasks?.forEach(t => rds.exportTasks.add(t))
  return rds
}

function lowerCaseKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key.toLowerCase(), value])
  )
}

function byService(module: ServiceModule): [ServiceName, ServiceModule] {
  return [module.service, module]
}

/** What the runner and the SDK read to find the stand-in (and, with a key, to sign). */
function environment(
  url: string,
  region: string,
  requestToken: string,
  key: StaticCredential | false | undefined
): Record<string, string> {
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: region,
    // The default credential chain must never wander off to the EC2 metadata service.
    AWS_EC2_METADATA_DISABLED: 'true',
    ACTIONS_ID_TOKEN_REQUEST_URL: `${url}${OIDC_PATH}?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
  }
  if (key) {
    env.AWS_ACCESS_KEY_ID = key.accessKeyId
    env.AWS_SECRET_ACCESS_KEY = key.secretAccessKey
    if (key.sessionToken) env.AWS_SESSION_TOKEN = key.sessionToken
  }
  return env
}
