// The account's DB snapshots, DB cluster snapshots and DB clusters (the export's sources), and
// how DescribeDBSnapshots / DescribeDBClusterSnapshots find them.
import { filters, page, type Filter, type Params } from '../query.js'
import { sourceNotFound, unknownFilter, rdsError } from './errors.js'
import type { ClusterSeed, ClusterSnapshotSeed, SnapshotSeed } from './types.js'

export type SnapshotKind = 'snapshot' | 'cluster-snapshot'

export interface Snapshot {
  kind: SnapshotKind
  identifier: string
  /** The DB instance or DB cluster it was taken of. */
  parent: string
  engine: string
  engineVersion: string
  createTime: Date
  status: string
  type: string
  region: string
  account: string
  allocatedStorage: number
  arn: string
}

export interface Cluster {
  kind: 'cluster'
  identifier: string
  engine: string
  status: string
  region: string
  account: string
  createTime: Date
  arn: string
}

/** What StartExportTask can export. */
export type ExportSource = Snapshot | Cluster

const SOURCE_ARN =
  /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(snapshot|cluster-snapshot|cluster|db):(.+)$/

/** The parts of an RDS source ARN: region, account, resource type, name. */
export function parseSourceArn(
  arn: string
): { region: string; account: string; type: string; name: string } | undefined {
  const match = SOURCE_ARN.exec(arn)
  if (!match) return undefined
  const [, region, account, type, name] = match as unknown as [
    string,
    string,
    string,
    string,
    string
  ]
  return { region, account, type, name }
}

export class Snapshots {
  private readonly snapshots: Snapshot[] = []
  private readonly clusters: Cluster[] = []

  constructor(
    private readonly home: { region: string; account: string },
    private readonly now: () => number
  ) {}

  addSnapshot(seed: SnapshotSeed): void {
    this.snapshots.push(this.snapshotOf('snapshot', seed, seed.instanceIdentifier, 'postgres'))
  }

  addClusterSnapshot(seed: ClusterSnapshotSeed): void {
    this.snapshots.push(
      this.snapshotOf('cluster-snapshot', seed, seed.clusterIdentifier, 'aurora-postgresql')
    )
  }

  addCluster(seed: ClusterSeed): void {
    const region = seed.region ?? this.home.region
    const account = seed.account ?? this.home.account
    this.clusters.push({
      kind: 'cluster',
      identifier: seed.identifier,
      engine: seed.engine ?? 'aurora-postgresql',
      status: seed.status ?? 'available',
      region,
      account,
      createTime: new Date(seed.createTime ?? this.now() - 30 * 86400_000),
      arn: `arn:aws:rds:${region}:${account}:cluster:${seed.identifier}`
    })
  }

  /** A seeded snapshot with this ARN, in any region (the snapshot time of a seeded task). */
  byArn(arn: string): Snapshot | undefined {
    return this.snapshots.find(s => s.arn === arn)
  }

  /** DescribeDBSnapshots or DescribeDBClusterSnapshots: one page of matches and the marker. */
  describe(
    kind: SnapshotKind,
    params: Params,
    region: string
  ): { items: Snapshot[]; marker: string | undefined } {
    const cluster = kind === 'cluster-snapshot'
    const wanted = params[cluster ? 'DBClusterSnapshotIdentifier' : 'DBSnapshotIdentifier']
    const parent = params[cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier']
    const includeShared = params.IncludeShared === 'true' || params.SnapshotType === 'shared'
    let found = this.snapshots.filter(s => s.kind === kind && s.region === region)
    if (wanted !== undefined) {
      found = found.filter(s => sameName(s, wanted))
      if (found.length === 0) throw sourceNotFound(kind, wanted)
    } else {
      found = found.filter(s => includeShared || s.account === this.home.account)
    }
    if (parent !== undefined) {
      found = found.filter(s => s.parent.toLowerCase() === parent.toLowerCase())
    }
    if (params.SnapshotType !== undefined) {
      const type = params.SnapshotType
      found = found.filter(s =>
        type === 'shared' ? s.account !== this.home.account : s.type === type
      )
    }
    for (const filter of filters(params)) found = found.filter(s => snapshotMatches(s, filter))
    return page(found, params)
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
      const found = this.clusters.find(
        c => c.region === region && arn.region === region && c.arn === sourceArn
      )
      if (!found) throw sourceNotFound('cluster', arn.name)
      return found
    }
    const found = this.snapshots.find(
      s =>
        s.kind === arn.type &&
        s.region === region &&
        s.arn.toLowerCase() === sourceArn.toLowerCase()
    )
    if (!found) throw sourceNotFound(arn.type as SnapshotKind, arn.name)
    return found
  }

  private snapshotOf(
    kind: SnapshotKind,
    seed: SnapshotSeed | ClusterSnapshotSeed,
    parent: string,
    defaultEngine: string
  ): Snapshot {
    const region = seed.region ?? this.home.region
    const account = seed.account ?? this.home.account
    const identifier = seed.identifier
    const engine = seed.engine ?? defaultEngine
    return {
      kind,
      identifier,
      parent,
      engine,
      engineVersion: seed.engineVersion ?? (/postgres/.test(engine) ? '16.4' : '8.0.39'),
      createTime: new Date(seed.createTime ?? this.now() - 3600_000),
      status: seed.status ?? 'available',
      type: seed.type ?? (identifier.startsWith('rds:') ? 'automated' : 'manual'),
      region,
      account,
      allocatedStorage: seed.allocatedStorage ?? 100,
      arn: `arn:aws:rds:${region}:${account}:${kind}:${identifier}`
    }
  }
}

function sameName(snapshot: Snapshot, wanted: string): boolean {
  const w = wanted.toLowerCase()
  return snapshot.identifier.toLowerCase() === w || snapshot.arn.toLowerCase() === w
}

function snapshotMatches(snapshot: Snapshot, filter: Filter): boolean {
  const values = filter.values.map(v => v.toLowerCase())
  const parentArn = snapshot.arn
    .replace(/:(cluster-)?snapshot:.*$/, snapshot.kind === 'snapshot' ? ':db:' : ':cluster:')
    .concat(snapshot.parent)
    .toLowerCase()
  switch (filter.name) {
    case 'db-instance-id':
    case 'db-cluster-id':
      return values.includes(snapshot.parent.toLowerCase()) || values.includes(parentArn)
    case 'db-snapshot-id':
    case 'db-cluster-snapshot-id':
      return values.some(
        v => v === snapshot.identifier.toLowerCase() || v === snapshot.arn.toLowerCase()
      )
    case 'snapshot-type':
      return values.includes(snapshot.type)
    case 'engine':
      return values.includes(snapshot.engine)
    default:
      throw unknownFilter(filter.name)
  }
}
