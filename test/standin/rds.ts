// RDS as the export action sees it: snapshots, cluster snapshots, clusters and export tasks in
// one account. A task's status is computed from the clock when it is read, from its timeline:
// STARTING for startingSeconds, IN_PROGRESS for inProgressSeconds, then the outcome. Timelines
// run in scenario seconds; `timeScale` scenario seconds pass per real second.
import {
  QueryError,
  filters,
  memberList,
  page,
  required,
  type Filter,
  type Params
} from './query.js'
import { fields, list, stringList, tag, wrap } from './xml.js'

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/'

export type ExportStatus =
  'STARTING' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'CANCELING' | 'CANCELED'

export interface Timeline {
  startingSeconds: number
  inProgressSeconds: number
  outcome: 'COMPLETE' | 'FAILED' | 'COMPLETE_WITH_WARNING'
  failureCause?: string
  warningMessage?: string
  /** TotalExtractedDataInGB at the end, default 12. */
  totalGb?: number
  /** linear, or uneven: slow start, fast middle, slow tail. */
  progressCurve?: 'linear' | 'uneven'
}

export const DEFAULT_TIMELINE: Timeline = {
  startingSeconds: 60,
  inProgressSeconds: 240,
  outcome: 'COMPLETE',
  totalGb: 12,
  progressCurve: 'linear'
}

export const DEFAULT_WARNING =
  '{"skippedTables":[],"skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}'

export interface SnapshotSeed {
  /** e.g. `nightly-2026-11-25`, or `rds:prod-2026-11-25-03-10` for an automated one. */
  identifier: string
  instanceIdentifier: string
  /** Default postgres. */
  engine?: string
  engineVersion?: string
  /** Default: an hour before the stand-in started. */
  createTime?: Date | string
  /** Default available. */
  status?: string
  /** Default automated for `rds:` names, else manual. */
  type?: 'manual' | 'automated' | 'awsbackup'
  region?: string
  /** Another account than the stand-in's makes it a shared snapshot. */
  account?: string
  allocatedStorage?: number
}

export interface ClusterSnapshotSeed extends Omit<SnapshotSeed, 'instanceIdentifier'> {
  clusterIdentifier: string
}

export interface ClusterSeed {
  identifier: string
  /** Default aurora-postgresql. */
  engine?: string
  status?: string
  region?: string
  account?: string
  createTime?: Date | string
}

export interface TaskSeed {
  identifier: string
  /** Needn't be a seeded source (a busy export of some other team's snapshot). */
  sourceArn: string
  s3Bucket?: string
  s3Prefix?: string
  iamRoleArn?: string
  kmsKeyId?: string
  exportOnly?: string[]
  /** Scenario seconds since the task was started, default 0. */
  startedSecondsAgo?: number
  /** Default: busy (IN_PROGRESS) for a scenario hour. */
  timeline?: Partial<Timeline>
  /** Pins the task in this status for good (an old FAILED task, say); the timeline is ignored. */
  status?: ExportStatus
  failureCause?: string
  warningMessage?: string
  percentProgress?: number
  totalExtractedDataInGB?: number
  region?: string
}

/** A task as DescribeExportTasks shows it, with the SDK's field names. */
export interface ExportTaskView {
  ExportTaskIdentifier: string
  SourceArn: string
  SourceType: 'SNAPSHOT' | 'CLUSTER'
  ExportOnly: string[]
  SnapshotTime: Date
  TaskStartTime?: Date
  TaskEndTime?: Date
  S3Bucket: string
  S3Prefix?: string
  IamRoleArn: string
  KmsKeyId: string
  Status: ExportStatus
  PercentProgress: number
  TotalExtractedDataInGB: number
  FailureCause?: string
  WarningMessage?: string
}

export interface RdsOptions {
  region: string
  account: string
  timeScale: number
  /** Active (STARTING or IN_PROGRESS) exports allowed per account and region, default 5. */
  exportLimit: number
  defaultTimeline: Timeline
  /** Timelines for new tasks by ExportTaskIdentifier, over the default. */
  timelines: Record<string, Partial<Timeline>>
  /** Answer statuses in lower case, as some stand-ins do. */
  lowercaseStatus: boolean
  /** Scenario seconds a cancelled task stays CANCELING, default 5. */
  cancelSeconds: number
  /** DescribeExportTasks with an unknown ExportTaskIdentifier: a 404 or an empty list. */
  unknownTaskAnswer: 'ExportTaskNotFound' | 'empty'
}

interface Snapshot {
  kind: 'snapshot' | 'cluster-snapshot'
  identifier: string
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

interface Cluster {
  identifier: string
  engine: string
  status: string
  region: string
  account: string
  createTime: Date
  arn: string
}

interface Task {
  identifier: string
  sourceArn: string
  sourceType: 'SNAPSHOT' | 'CLUSTER'
  exportOnly: string[]
  snapshotTime: Date
  s3Bucket: string
  s3Prefix?: string
  iamRoleArn: string
  kmsKeyId: string
  region: string
  /** Real ms since epoch (stand-in clock). */
  createdAt: number
  timeline: Timeline
  canceledAt?: number
  pinned?: Pick<
    ExportTaskView,
    'Status' | 'PercentProgress' | 'TotalExtractedDataInGB' | 'FailureCause' | 'WarningMessage'
  >
}

const SOURCE_ARN =
  /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(snapshot|cluster-snapshot|cluster|db):(.+)$/
const TASK_IDENTIFIER = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,59}$/

export class Rds {
  private readonly snapshots: Snapshot[] = []
  private readonly clusters: Cluster[] = []
  private readonly exportTasks: Task[] = []

  constructor(
    readonly options: RdsOptions,
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
    const region = seed.region ?? this.options.region
    const account = seed.account ?? this.options.account
    this.clusters.push({
      identifier: seed.identifier,
      engine: seed.engine ?? 'aurora-postgresql',
      status: seed.status ?? 'available',
      region,
      account,
      createTime: new Date(seed.createTime ?? this.now() - 30 * 86400_000),
      arn: `arn:aws:rds:${region}:${account}:cluster:${seed.identifier}`
    })
  }

  addTask(seed: TaskSeed): void {
    const arn = SOURCE_ARN.exec(seed.sourceArn)
    const snapshot = this.snapshots.find(s => s.arn === seed.sourceArn)
    const createdAt = this.now() - ((seed.startedSecondsAgo ?? 0) / this.options.timeScale) * 1000
    this.exportTasks.push({
      identifier: seed.identifier,
      sourceArn: seed.sourceArn,
      sourceType: arn?.[3] === 'cluster' ? 'CLUSTER' : 'SNAPSHOT',
      exportOnly: seed.exportOnly ?? [],
      snapshotTime: snapshot?.createTime ?? new Date(createdAt - 3600_000),
      s3Bucket: seed.s3Bucket ?? 'other-team-exports',
      s3Prefix: seed.s3Prefix,
      iamRoleArn: seed.iamRoleArn ?? `arn:aws:iam::${this.options.account}:role/other-team-export`,
      kmsKeyId:
        seed.kmsKeyId ??
        `arn:aws:kms:${this.options.region}:${this.options.account}:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      region: seed.region ?? arn?.[1] ?? this.options.region,
      createdAt,
      timeline: {
        ...DEFAULT_TIMELINE,
        startingSeconds: 0,
        inProgressSeconds: 3600,
        ...seed.timeline
      },
      pinned: seed.status
        ? {
            Status: seed.status,
            PercentProgress: seed.percentProgress ?? (seed.status === 'COMPLETE' ? 100 : 0),
            TotalExtractedDataInGB: seed.totalExtractedDataInGB ?? 0,
            FailureCause: seed.failureCause,
            WarningMessage: seed.warningMessage
          }
        : undefined
    })
  }

  /** Every task, as it stands now. */
  tasks(): ExportTaskView[] {
    return this.exportTasks.map(task => this.view(task))
  }

  /** The result XML for one RDS action; throws QueryError as RDS answers. */
  handle(action: string, params: Params, region: string): string {
    switch (action) {
      case 'StartExportTask':
        return this.taskFields(this.startExportTask(params, region))
      case 'DescribeExportTasks':
        return this.describeExportTasks(params, region)
      case 'CancelExportTask':
        return this.taskFields(this.cancelExportTask(params, region))
      case 'DescribeDBSnapshots':
        return this.describeSnapshots('snapshot', params, region)
      case 'DescribeDBClusterSnapshots':
        return this.describeSnapshots('cluster-snapshot', params, region)
      default:
        throw new QueryError(
          'InvalidAction',
          400,
          `The action ${action} is not valid for this web service.`
        )
    }
  }

  private startExportTask(params: Params, region: string): Task {
    const identifier = required(params, 'ExportTaskIdentifier')
    const sourceArn = required(params, 'SourceArn')
    const s3Bucket = required(params, 'S3BucketName')
    const iamRoleArn = required(params, 'IamRoleArn')
    const kmsKeyId = required(params, 'KmsKeyId')
    const exportOnly = memberList(params, 'ExportOnly')
    if (!TASK_IDENTIFIER.test(identifier) || identifier.endsWith('-')) {
      throw new QueryError(
        'InvalidParameterValue',
        400,
        `The parameter ExportTaskIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`
      )
    }
    if (this.exportTasks.some(t => t.identifier === identifier && t.region === region)) {
      throw new QueryError(
        'ExportTaskAlreadyExists',
        400,
        `Cannot start export task because a task with the identifier ${identifier} already exists.`
      )
    }
    const source = this.findSource(sourceArn, region)
    if (source.status !== 'available') {
      throw new QueryError(
        'InvalidExportSourceState',
        400,
        `The source ${sourceArn} is in the ${source.status} state; it must be available to be exported.`
      )
    }
    const badEntry = exportOnly.find(entry => !exportOnlyFits(entry, source.engine))
    if (badEntry !== undefined) {
      throw new QueryError(
        'InvalidExportOnly',
        400,
        `The ExportOnly value '${badEntry}' isn't valid for the ${source.engine} engine.`
      )
    }
    const active = this.exportTasks.filter(
      t => t.region === region && isActive(this.view(t).Status)
    )
    if (active.some(t => t.sourceArn === sourceArn)) {
      throw new QueryError(
        'InvalidExportSourceState',
        400,
        `An export task is already in progress for the source ${sourceArn}.`
      )
    }
    if (active.length >= this.options.exportLimit) {
      throw new QueryError(
        'ExportTaskLimitReachedFault',
        400,
        `You have reached the limit of ${this.options.exportLimit} concurrent export tasks`
      )
    }
    const task: Task = {
      identifier,
      sourceArn,
      sourceType: source.kind === 'cluster' ? 'CLUSTER' : 'SNAPSHOT',
      exportOnly,
      snapshotTime: source.kind === 'cluster' ? new Date(this.now()) : source.createTime,
      s3Bucket,
      s3Prefix: params.S3Prefix || undefined,
      iamRoleArn,
      kmsKeyId,
      region,
      createdAt: this.now(),
      timeline: { ...this.options.defaultTimeline, ...this.options.timelines[identifier] }
    }
    this.exportTasks.push(task)
    return task
  }

  private describeExportTasks(params: Params, region: string): string {
    const identifier = params.ExportTaskIdentifier
    let tasks = this.exportTasks.filter(t => t.region === region)
    if (identifier !== undefined) {
      tasks = tasks.filter(t => t.identifier === identifier)
      if (tasks.length === 0 && this.options.unknownTaskAnswer === 'ExportTaskNotFound') {
        throw taskNotFound(identifier)
      }
    }
    if (params.SourceArn !== undefined) tasks = tasks.filter(t => t.sourceArn === params.SourceArn)
    if (params.SourceType !== undefined)
      tasks = tasks.filter(t => t.sourceType === params.SourceType)
    for (const filter of filters(params)) tasks = tasks.filter(t => this.taskMatches(t, filter))
    const { items, marker } = page(tasks, params)
    return (
      tag('Marker', marker) +
      list(
        'ExportTasks',
        'ExportTask',
        items.map(t => this.taskFields(t))
      )
    )
  }

  private cancelExportTask(params: Params, region: string): Task {
    const identifier = required(params, 'ExportTaskIdentifier')
    const task = this.exportTasks.find(t => t.identifier === identifier && t.region === region)
    if (!task) throw taskNotFound(identifier)
    const status = this.view(task).Status
    if (!isActive(status) || task.pinned) {
      throw new QueryError(
        'InvalidExportTaskStateFault',
        400,
        `Cannot cancel export task ${identifier} because it is in the ${status} state.`
      )
    }
    task.canceledAt = this.now()
    return task
  }

  private describeSnapshots(kind: Snapshot['kind'], params: Params, region: string): string {
    const cluster = kind === 'cluster-snapshot'
    const idParam = cluster ? 'DBClusterSnapshotIdentifier' : 'DBSnapshotIdentifier'
    const parentParam = cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier'
    const wanted = params[idParam]
    const includeShared = params.IncludeShared === 'true' || params.SnapshotType === 'shared'
    let snapshots = this.snapshots.filter(s => s.kind === kind && s.region === region)
    if (wanted !== undefined) {
      snapshots = snapshots.filter(s => sameName(s, wanted))
      if (snapshots.length === 0) throw notFound(kind, wanted)
    } else {
      snapshots = snapshots.filter(s => includeShared || s.account === this.options.account)
    }
    if (params[parentParam] !== undefined) {
      snapshots = snapshots.filter(
        s => s.parent.toLowerCase() === params[parentParam]?.toLowerCase()
      )
    }
    if (params.SnapshotType !== undefined) {
      const type = params.SnapshotType
      snapshots = snapshots.filter(s =>
        type === 'shared' ? s.account !== this.options.account : s.type === type
      )
    }
    for (const filter of filters(params)) {
      snapshots = snapshots.filter(s => snapshotMatches(s, filter))
    }
    const { items, marker } = page(snapshots, params)
    const member = cluster ? 'DBClusterSnapshot' : 'DBSnapshot'
    return (
      tag('Marker', marker) +
      list(
        `${member}s`,
        member,
        items.map(s => snapshotFields(s))
      )
    )
  }

  private findSource(
    sourceArn: string,
    region: string
  ): Snapshot | (Cluster & { kind: 'cluster' }) {
    const arn = SOURCE_ARN.exec(sourceArn)
    if (!arn || arn[3] === 'db') {
      throw new QueryError(
        'InvalidParameterValue',
        400,
        `The source ARN ${sourceArn} isn't the ARN of a DB snapshot, DB cluster snapshot or DB cluster.`
      )
    }
    const [, arnRegion, , kind, name] = arn as unknown as [string, string, string, string, string]
    if (kind === 'cluster') {
      const found = this.clusters.find(
        c => c.region === region && arnRegion === region && c.arn === sourceArn
      )
      if (!found) throw notFound('cluster', name)
      return { ...found, kind: 'cluster' }
    }
    const found = this.snapshots.find(
      s => s.kind === kind && s.region === region && s.arn.toLowerCase() === sourceArn.toLowerCase()
    )
    if (!found) throw notFound(kind as Snapshot['kind'], name)
    return found
  }

  private taskMatches(task: Task, filter: Filter): boolean {
    switch (filter.name) {
      case 'export-task-identifier':
        return filter.values.includes(task.identifier)
      case 's3-bucket':
        return filter.values.includes(task.s3Bucket)
      case 'source-arn':
        return filter.values.includes(task.sourceArn)
      case 'status':
        // RDS wants lower case here: `in_progress`, not `IN_PROGRESS`.
        return filter.values.includes(this.view(task).Status.toLowerCase())
      default:
        throw unknownFilter(filter.name)
    }
  }

  /** The task now: timeline phase, progress, and the cancel if there was one. */
  private view(task: Task): ExportTaskView {
    const base = {
      ExportTaskIdentifier: task.identifier,
      SourceArn: task.sourceArn,
      SourceType: task.sourceType,
      ExportOnly: task.exportOnly,
      SnapshotTime: task.snapshotTime,
      S3Bucket: task.s3Bucket,
      S3Prefix: task.s3Prefix,
      IamRoleArn: task.iamRoleArn,
      KmsKeyId: task.kmsKeyId
    }
    if (task.pinned) {
      const ended = !isActive(task.pinned.Status) && task.pinned.Status !== 'CANCELING'
      return {
        ...base,
        ...task.pinned,
        TaskStartTime: new Date(task.createdAt),
        TaskEndTime: ended ? new Date(task.createdAt) : undefined
      }
    }
    const scale = this.options.timeScale
    const at = (scenarioSeconds: number): Date =>
      new Date(task.createdAt + (scenarioSeconds / scale) * 1000)
    const phase = timelinePhase(task.timeline, this.elapsed(task.createdAt, task.canceledAt))
    const view: ExportTaskView = {
      ...base,
      ...phase,
      TaskStartTime: phase.Status === 'STARTING' ? undefined : at(task.timeline.startingSeconds),
      TaskEndTime: isActive(phase.Status) ? undefined : at(phase.endSeconds)
    }
    if (task.canceledAt !== undefined) {
      const sinceCancel = this.elapsed(task.canceledAt)
      const canceled = sinceCancel >= this.options.cancelSeconds
      view.Status = canceled ? 'CANCELED' : 'CANCELING'
      view.TaskEndTime = canceled
        ? new Date(task.canceledAt + (this.options.cancelSeconds / scale) * 1000)
        : undefined
      if (!view.TaskStartTime) view.TaskStartTime = new Date(task.createdAt)
    }
    delete (view as Partial<typeof phase>).endSeconds
    return view
  }

  /** Scenario seconds from `since` until `until` (or now). */
  private elapsed(since: number, until = this.now()): number {
    return (Math.max(0, until - since) / 1000) * this.options.timeScale
  }

  private taskFields(task: Task): string {
    const view = this.view(task)
    const status = this.options.lowercaseStatus ? view.Status.toLowerCase() : view.Status
    return (
      fields({ ExportTaskIdentifier: view.ExportTaskIdentifier, SourceArn: view.SourceArn }) +
      (view.ExportOnly.length > 0 ? stringList('ExportOnly', 'member', view.ExportOnly) : '') +
      fields({
        SnapshotTime: view.SnapshotTime,
        TaskStartTime: view.TaskStartTime,
        TaskEndTime: view.TaskEndTime,
        S3Bucket: view.S3Bucket,
        S3Prefix: view.S3Prefix,
        IamRoleArn: view.IamRoleArn,
        KmsKeyId: view.KmsKeyId,
        Status: status,
        PercentProgress: view.PercentProgress,
        TotalExtractedDataInGB: view.TotalExtractedDataInGB,
        FailureCause: view.FailureCause,
        WarningMessage: view.WarningMessage,
        SourceType: view.SourceType
      })
    )
  }

  private snapshotOf(
    kind: Snapshot['kind'],
    seed: SnapshotSeed | ClusterSnapshotSeed,
    parent: string,
    defaultEngine: string
  ): Snapshot {
    const region = seed.region ?? this.options.region
    const account = seed.account ?? this.options.account
    const identifier = seed.identifier
    return {
      kind,
      identifier,
      parent,
      engine: seed.engine ?? defaultEngine,
      engineVersion:
        seed.engineVersion ?? (/postgres/.test(seed.engine ?? defaultEngine) ? '16.4' : '8.0.39'),
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

/** Status, progress and when the phase ended (scenario seconds) at this scenario time. */
export function timelinePhase(
  timeline: Timeline,
  seconds: number
): Pick<
  ExportTaskView,
  'Status' | 'PercentProgress' | 'TotalExtractedDataInGB' | 'FailureCause' | 'WarningMessage'
> & { endSeconds: number } {
  const totalGb = timeline.totalGb ?? 12
  const curve = timeline.progressCurve === 'uneven' ? uneven : (f: number) => f
  const end = timeline.startingSeconds + timeline.inProgressSeconds
  if (seconds < timeline.startingSeconds) {
    return { Status: 'STARTING', PercentProgress: 0, TotalExtractedDataInGB: 0, endSeconds: end }
  }
  if (seconds < end) {
    const done = curve((seconds - timeline.startingSeconds) / timeline.inProgressSeconds)
    return {
      Status: 'IN_PROGRESS',
      PercentProgress: Math.min(99, Math.floor(done * 100)),
      TotalExtractedDataInGB: Math.floor(done * totalGb),
      endSeconds: end
    }
  }
  if (timeline.outcome === 'FAILED') {
    // A task that fails keeps the progress it had; failing while STARTING leaves 0.
    const reached = timeline.inProgressSeconds > 0 ? 0.99 : 0
    return {
      Status: 'FAILED',
      PercentProgress: Math.floor(reached * 100),
      TotalExtractedDataInGB: Math.floor(reached * totalGb),
      FailureCause:
        timeline.failureCause ??
        "The export task failed because the IAM role isn't authorized to call s3:PutObject on the S3 bucket.",
      endSeconds: end
    }
  }
  return {
    Status: 'COMPLETE',
    PercentProgress: 100,
    TotalExtractedDataInGB: totalGb,
    WarningMessage:
      timeline.outcome === 'COMPLETE_WITH_WARNING'
        ? (timeline.warningMessage ?? DEFAULT_WARNING)
        : undefined,
    endSeconds: end
  }
}

/** Slow start (restoring metadata, small tables), a fast middle, a slow tail (one big table). */
function uneven(f: number): number {
  if (f < 0.3) return (f / 0.3) * 0.05
  if (f < 0.6) return 0.05 + ((f - 0.3) / 0.3) * 0.75
  return 0.8 + ((f - 0.6) / 0.4) * 0.2
}

function isActive(status: ExportStatus): boolean {
  return status === 'STARTING' || status === 'IN_PROGRESS'
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

function snapshotFields(s: Snapshot): string {
  const common = {
    SnapshotCreateTime: s.createTime,
    Engine: s.engine,
    AllocatedStorage: s.allocatedStorage,
    Status: s.status,
    Port: /postgres/.test(s.engine) ? 5432 : 3306
  }
  if (s.kind === 'snapshot') {
    return (
      fields({
        DBSnapshotIdentifier: s.identifier,
        DBInstanceIdentifier: s.parent,
        ...common,
        AvailabilityZone: `${s.region}a`,
        VpcId: 'vpc-0a1b2c3d4e5f60718',
        InstanceCreateTime: new Date(s.createTime.getTime() - 90 * 86400_000),
        MasterUsername: 'admin',
        EngineVersion: s.engineVersion,
        LicenseModel: /postgres/.test(s.engine) ? 'postgresql-license' : 'general-public-license',
        SnapshotType: s.type,
        PercentProgress: s.status === 'available' ? 100 : 42,
        StorageType: 'gp3',
        Encrypted: true,
        DBSnapshotArn: s.arn,
        IAMDatabaseAuthenticationEnabled: false,
        DbiResourceId: `db-${s.parent
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .padEnd(26, 'X')
          .slice(0, 26)}`
      }) +
      wrap('TagList', '') +
      fields({ SnapshotTarget: 'region', DedicatedLogVolume: false })
    )
  }
  return (
    list('AvailabilityZones', 'AvailabilityZone', [
      `${s.region}a`,
      `${s.region}b`,
      `${s.region}c`
    ]) +
    fields({
      DBClusterSnapshotIdentifier: s.identifier,
      DBClusterIdentifier: s.parent,
      ...common,
      EngineMode: 'provisioned',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      ClusterCreateTime: new Date(s.createTime.getTime() - 90 * 86400_000),
      MasterUsername: 'admin',
      EngineVersion: s.engineVersion,
      LicenseModel: /postgres/.test(s.engine) ? 'postgresql-license' : 'amazon-aurora',
      SnapshotType: s.type,
      PercentProgress: s.status === 'available' ? 100 : 42,
      StorageEncrypted: true,
      DBClusterSnapshotArn: s.arn,
      IAMDatabaseAuthenticationEnabled: false
    }) +
    wrap('TagList', '')
  )
}

/** Entries RDS accepts for this engine: database[.table] or database[.schema[.table]]. */
function exportOnlyFits(entry: string, engine: string): boolean {
  const parts = entry.split('.')
  if (parts.some(part => part === '')) return false
  const mysqlFamily = /mysql|mariadb|^aurora$/.test(engine)
  return parts.length <= (mysqlFamily ? 2 : 3)
}

function taskNotFound(identifier: string): QueryError {
  return new QueryError(
    'ExportTaskNotFound',
    404,
    `Cannot find export task with identifier ${identifier}.`
  )
}

function notFound(kind: Snapshot['kind'] | 'cluster', name: string): QueryError {
  if (kind === 'snapshot')
    return new QueryError('DBSnapshotNotFound', 404, `DBSnapshot ${name} not found.`)
  if (kind === 'cluster-snapshot') {
    return new QueryError(
      'DBClusterSnapshotNotFoundFault',
      404,
      `DBClusterSnapshot ${name} not found.`
    )
  }
  return new QueryError('DBClusterNotFoundFault', 404, `DBCluster ${name} not found.`)
}

function unknownFilter(name: string): QueryError {
  return new QueryError('InvalidParameterValue', 400, `Unrecognized filter name: ${name}`)
}

/** HTTP status of each RDS error code (from the SDK's error model), for injected errors. */
export const RDS_ERROR_STATUS: Record<string, number> = {
  ExportTaskAlreadyExists: 400,
  ExportTaskNotFound: 404,
  ExportTaskLimitReachedFault: 400,
  IamRoleNotFound: 404,
  IamRoleMissingPermissions: 400,
  DBSnapshotNotFound: 404,
  DBClusterSnapshotNotFoundFault: 404,
  DBClusterNotFoundFault: 404,
  InvalidExportTaskStateFault: 400,
  InvalidExportSourceState: 400,
  InvalidS3BucketFault: 400,
  KMSKeyNotAccessibleFault: 400,
  InvalidExportOnly: 400,
  InvalidParameterValue: 400,
  InvalidParameterCombination: 400,
  Throttling: 400,
  AccessDenied: 403,
  ExpiredToken: 400,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  MissingParameter: 400,
  InternalFailure: 500,
  ServiceUnavailable: 503
}
