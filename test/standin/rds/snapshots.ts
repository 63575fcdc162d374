// The account's DB instances and DB clusters, their snapshots (seeded, or taken with
// CreateDBSnapshot / CreateDBClusterSnapshot and `creating` until their timeline says
// otherwise), and how DescribeDBSnapshots / DescribeDBClusterSnapshots find them.
import { page, type Params } from '../query.js'
import { rdsError, sourceNotFound } from './errors.js'
import { search } from './snapshot-search.js'
import { newSnapshotIdentifier, tagsOf, type Tag } from './snapshot-rules.js'
import { DEFAULT_SNAPSHOT_TIMELINE, snapshotPhase } from './timeline.js'
import type {
  Clock,
  ClusterSeed,
  ClusterSnapshotSeed,
  DbSeed,
  ExportedData,
  InstanceSeed,
  RdsOptions,
  SnapshotSeed,
  SnapshotTimeline
} from './types.js'

export type SnapshotKind = 'snapshot' | 'cluster-snapshot'

export interface Snapshot {
  kind: SnapshotKind
  identifier: string
  /** The DB instance or DB cluster it was taken of. */
  parent: string
  engine: string
  engineVersion: string
  createTime: Date
  /** Its status for good; undefined while `timeline` decides it. */
  fixedStatus?: string
  timeline?: SnapshotTimeline
  type: string
  region: string
  account: string
  /** A snapshot of another account marked public (not shared with this one). */
  public: boolean
  allocatedStorage: number
  arn: string
  tags: Tag[]
  /** What exporting it writes, over its DB instance's or cluster's. */
  data: ExportedData
}

/** A snapshot as it stands now. */
export interface SnapshotState extends Snapshot {
  status: string
  percentProgress: number
}

/** A snapshot as tests read it back (StandIn.snapshots()). */
export interface SnapshotView {
  kind: SnapshotKind
  identifier: string
  arn: string
  /** The DB instance or DB cluster identifier. */
  parent: string
  status: string
  percentProgress: number
  type: string
  engine: string
  createTime: Date
  region: string
  account: string
  tags: Record<string, string>
}

export function snapshotView(s: SnapshotState): SnapshotView {
  const { kind, identifier, arn, parent, status, percentProgress, type, engine } = s
  const { createTime, region, account } = s
  const tags = Object.fromEntries(s.tags.map(t => [t.Key, t.Value]))
  return {
    kind,
    identifier,
    arn,
    parent,
    status,
    percentProgress,
    type,
    engine,
    createTime,
    region,
    account,
    tags
  }
}

/** A DB instance or a DB cluster: what snapshots are taken of (and clusters export live). */
export interface Database {
  kind: 'db' | 'cluster'
  identifier: string
  engine: string
  engineVersion: string
  status: string
  region: string
  account: string
  allocatedStorage: number
  createTime: Date
  arn: string
  /** What exporting it (or its snapshots) writes. */
  data: ExportedData
}

/** What StartExportTask can export. */
export type ExportSource = SnapshotState | (Database & { kind: 'cluster' })

/** Instance and cluster states in which RDS takes a snapshot. */
const SNAPSHOT_READY = ['available', 'storage-optimization']

const SOURCE_ARN =
  /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(snapshot|cluster-snapshot|cluster|db):(.+)$/

/** The parts of an RDS source ARN: region, account, resource type, name. */
export function parseSourceArn(
  arn: string
): { region: string; account: string; type: string; name: string } | undefined {
  const match = SOURCE_ARN.exec(arn)
  if (!match) return undefined
  const [region = '', account = '', type = '', name = ''] = match.slice(1)
  return { region, account, type, name }
}

export class Snapshots {
  private readonly snapshots: Snapshot[] = []
  private readonly databases: Database[] = []

  constructor(
    private readonly options: RdsOptions,
    private readonly clock: Clock
  ) {}

  addInstance(seed: InstanceSeed): void {
    this.databases.push(this.databaseOf('db', seed, 'postgres'))
  }

  addCluster(seed: ClusterSeed): void {
    this.databases.push(this.databaseOf('cluster', seed, 'aurora-postgresql'))
  }

  addSnapshot(seed: SnapshotSeed): void {
    this.snapshots.push(this.snapshotOf('snapshot', seed, seed.instanceIdentifier, 'postgres'))
  }

  addClusterSnapshot(seed: ClusterSnapshotSeed): void {
    this.snapshots.push(
      this.snapshotOf('cluster-snapshot', seed, seed.clusterIdentifier, 'aurora-postgresql')
    )
  }

  /** Every snapshot, as it stands now. */
  all(): SnapshotState[] {
    return this.snapshots.map(s => this.state(s))
  }

  /** A seeded snapshot with this ARN, in any region (the snapshot time of a seeded task). */
  byArn(arn: string): Snapshot | undefined {
    return this.snapshots.find(s => s.arn === arn)
  }

  /** The engine of a snapshot, cluster snapshot or cluster, and what exporting it writes: its
   * own databases and variations, else those of the instance or cluster it was taken of.
   * Undefined for an ARN of nothing here. */
  exportedData(arn: string): { engine: string; data: ExportedData } | undefined {
    const snapshot = this.snapshots.find(s => s.arn.toLowerCase() === arn.toLowerCase())
    if (!snapshot) {
      const cluster = this.databases.find(d => d.kind === 'cluster' && d.arn === arn)
      return cluster && { engine: cluster.engine, data: cluster.data }
    }
    const kind = snapshot.kind === 'snapshot' ? 'db' : 'cluster'
    const parent = this.databases.find(
      d =>
        d.kind === kind &&
        d.region === snapshot.region &&
        d.account === snapshot.account &&
        d.identifier.toLowerCase() === snapshot.parent.toLowerCase()
    )
    const { databases, exportVariations } = snapshot.data
    return {
      engine: snapshot.engine,
      data: {
        databases: databases ?? parent?.data.databases,
        exportVariations: exportVariations ?? parent?.data.exportVariations
      }
    }
  }

  /** CreateDBSnapshot or CreateDBClusterSnapshot, checked as RDS checks it. */
  create(kind: SnapshotKind, params: Params, region: string): SnapshotState {
    const identifier = newSnapshotIdentifier(kind, params)
    const tags = tagsOf(params)
    const database = this.databaseToSnapshot(kind, params, region)
    const mine = this.snapshots.filter(
      s => s.kind === kind && s.region === region && s.account === this.options.account
    )
    if (mine.some(s => s.identifier.toLowerCase() === identifier)) {
      throw alreadyExists(kind, identifier)
    }
    if (!SNAPSHOT_READY.includes(database.status)) throw notReady(database)
    // AWS Backup's snapshots and automated ones don't count against the quota.
    if (mine.filter(s => s.type === 'manual').length >= this.options.manualSnapshotQuota) {
      throw rdsError(
        'SnapshotQuotaExceeded',
        `Cannot create more than ${this.options.manualSnapshotQuota} manual snapshots.`
      )
    }
    const snapshot = this.snapshotOf(
      kind,
      {
        identifier,
        engine: database.engine,
        engineVersion: database.engineVersion,
        createTime: new Date(this.clock.now()),
        timeline: {
          ...this.options.defaultSnapshotTimeline,
          ...this.options.snapshotTimelines[identifier]
        },
        type: 'manual',
        region,
        allocatedStorage: database.allocatedStorage,
        tags: Object.fromEntries(tags.map(t => [t.Key, t.Value]))
      },
      database.identifier,
      database.engine
    )
    this.snapshots.push(snapshot)
    return this.state(snapshot)
  }

  /** DescribeDBSnapshots or DescribeDBClusterSnapshots: one page of matches and the marker. */
  describe(
    kind: SnapshotKind,
    params: Params,
    region: string
  ): { items: SnapshotState[]; marker: string | undefined } {
    const visible = this.all().filter(s => s.kind === kind && s.region === region)
    return page(search(visible, kind, params, this.options.account), params)
  }

  /** The source StartExportTask names, in the caller's region; throws as RDS refuses. */
  source(sourceArn: string, region: string): ExportSource {
    const arn = parseSourceArn(sourceArn)
    if (!arn || arn.type === 'db') {
      throw rdsError(
        'InvalidParameterValue',
        `The source ARN ${sourceArn} isn't the ARN of a DB snapshot, DB cluster snapshot or DB cluster.`
      )
    }
    if (arn.type === 'cluster') {
      const found = this.databases.find(
        c =>
          c.kind === 'cluster' &&
          c.region === region &&
          arn.region === region &&
          c.arn === sourceArn
      )
      if (!found) throw sourceNotFound('cluster', arn.name)
      return found as Database & { kind: 'cluster' }
    }
    const found = this.snapshots.find(
      s =>
        s.kind === arn.type &&
        s.region === region &&
        s.arn.toLowerCase() === sourceArn.toLowerCase()
    )
    if (!found) throw sourceNotFound(arn.type as SnapshotKind, arn.name)
    return this.state(found)
  }

  private state(snapshot: Snapshot): SnapshotState {
    if (snapshot.timeline) {
      const seconds = this.clock.elapsed(snapshot.createTime.getTime())
      const { status, percentProgress } = snapshotPhase(snapshot.timeline, seconds)
      return { ...snapshot, status, percentProgress }
    }
    const status = snapshot.fixedStatus ?? 'available'
    return { ...snapshot, status, percentProgress: status === 'available' ? 100 : 42 }
  }

  /** The instance or cluster a create call names, in the caller's region. */
  private databaseToSnapshot(kind: SnapshotKind, params: Params, region: string): Database {
    const type = kind === 'snapshot' ? 'db' : 'cluster'
    const name = kind === 'snapshot' ? 'DBInstanceIdentifier' : 'DBClusterIdentifier'
    const wanted = (params[name] ?? '').toLowerCase()
    const found = this.databases.find(
      d =>
        d.kind === type &&
        d.region === region &&
        d.account === this.options.account &&
        d.identifier.toLowerCase() === wanted
    )
    if (found) return found
    if (kind === 'cluster-snapshot') throw sourceNotFound('cluster', params[name] ?? '')
    throw rdsError('DBInstanceNotFound', `DBInstance ${params[name] ?? ''} not found.`)
  }

  private databaseOf(kind: Database['kind'], seed: DbSeed, defaultEngine: string): Database {
    const region = seed.region ?? this.options.region
    const account = seed.account ?? this.options.account
    const engine = seed.engine ?? defaultEngine
    return {
      kind,
      identifier: seed.identifier,
      engine,
      engineVersion: seed.engineVersion ?? defaultVersion(engine),
      status: seed.status ?? 'available',
      region,
      account,
      allocatedStorage: seed.allocatedStorage ?? 100,
      createTime: new Date(seed.createTime ?? this.clock.now() - 30 * 86400_000),
      arn: `arn:aws:rds:${region}:${account}:${kind}:${seed.identifier}`,
      data: dataOf(seed)
    }
  }

  private snapshotOf(
    kind: SnapshotKind,
    seed: Omit<SnapshotSeed, 'instanceIdentifier'>,
    parent: string,
    defaultEngine: string
  ): Snapshot {
    const region = seed.region ?? this.options.region
    const account = seed.account ?? this.options.account
    const identifier = seed.identifier
    const engine = seed.engine ?? defaultEngine
    return {
      kind,
      identifier,
      parent,
      engine,
      engineVersion: seed.engineVersion ?? defaultVersion(engine),
      createTime: new Date(seed.createTime ?? this.clock.now() - 3600_000),
      fixedStatus: seed.timeline ? undefined : (seed.status ?? 'available'),
      timeline: seed.timeline && { ...DEFAULT_SNAPSHOT_TIMELINE, ...seed.timeline },
      type: seed.type ?? (identifier.startsWith('rds:') ? 'automated' : 'manual'),
      region,
      account,
      public: seed.public ?? false,
      allocatedStorage: seed.allocatedStorage ?? 100,
      arn: `arn:aws:rds:${region}:${account}:${kind}:${identifier}`,
      tags: Object.entries(seed.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      data: dataOf(seed)
    }
  }
}

function dataOf(seed: ExportedData): ExportedData {
  return { databases: seed.databases, exportVariations: seed.exportVariations }
}

function defaultVersion(engine: string): string {
  return /postgres/.test(engine) ? '16.4' : '8.0.39'
}

function alreadyExists(kind: SnapshotKind, identifier: string) {
  return kind === 'snapshot'
    ? rdsError(
        'DBSnapshotAlreadyExists',
        `Cannot create the snapshot because a snapshot with the identifier ${identifier} already exists.`
      )
    : rdsError(
        'DBClusterSnapshotAlreadyExistsFault',
        `Cannot create the cluster snapshot because one with the identifier ${identifier} already exists.`
      )
}

function notReady(database: Database) {
  return database.kind === 'db'
    ? rdsError(
        'InvalidDBInstanceState',
        `Cannot create a snapshot because the database instance ${database.identifier} is not currently in the available state.`
      )
    : rdsError(
        'InvalidDBClusterStateFault',
        `Cannot create a snapshot because the DB cluster ${database.identifier} is in the ${database.status} state, not available.`
      )
}
