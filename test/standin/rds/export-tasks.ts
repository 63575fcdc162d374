// Export tasks: StartExportTask with RDS's checks, DescribeExportTasks with its filters and
// paging, CancelExportTask, and each task's view at this moment (from its timeline and clock).
import { exportWarningMessage } from '../export-files.js'
import { filters, memberList, page, required, type Filter, type Params } from '../query.js'
import { rdsError, taskNotFound, unknownFilter } from './errors.js'
import { parseSourceArn, type ExportSource, type Snapshots } from './snapshots.js'
import { DEFAULT_TIMELINE, isActive, timelinePhase } from './timeline.js'
import type {
  Clock,
  ExportedData,
  ExportTaskView,
  RdsOptions,
  TaskProgress,
  TaskSeed,
  Timeline
} from './types.js'

export interface Task {
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
  pinned?: TaskProgress
  /** The source's engine, and what the export writes (export-files.ts). */
  engine: string
  data: ExportedData
  /** The WarningMessage its seeded databases give ('' none), once worked out. */
  tablesWarning?: string
}

const TASK_IDENTIFIER = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,59}$/

/** DescribeExportTasks' SourceType values (ExportSourceType in the API reference). */
const SOURCE_TYPES = ['SNAPSHOT', 'CLUSTER']

/** The ExportOnly list may hold at most 200 KB in all (the RDS user guide's export limitations). */
export const EXPORT_ONLY_MAX_BYTES = 200 * 1024

export class ExportTasks {
  private readonly tasks: Task[] = []

  constructor(
    private readonly options: RdsOptions,
    private readonly snapshots: Snapshots,
    private readonly clock: Clock
  ) {}

  add(seed: TaskSeed): void {
    const arn = parseSourceArn(seed.sourceArn)
    const createdAt = this.clock.after(this.clock.now(), -(seed.startedSecondsAgo ?? 0))
    const { account, region } = this.options
    const seeded = this.snapshots.exportedData(seed.sourceArn)
    this.tasks.push({
      identifier: seed.identifier,
      sourceArn: seed.sourceArn,
      sourceType: arn?.type === 'cluster' ? 'CLUSTER' : 'SNAPSHOT',
      exportOnly: seed.exportOnly ?? [],
      snapshotTime:
        this.snapshots.byArn(seed.sourceArn)?.createTime ?? new Date(createdAt - 3600_000),
      s3Bucket: seed.s3Bucket ?? 'other-team-exports',
      s3Prefix: seed.s3Prefix,
      iamRoleArn: seed.iamRoleArn ?? `arn:aws:iam::${account}:role/other-team-export`,
      kmsKeyId:
        seed.kmsKeyId ??
        `arn:aws:kms:${region}:${account}:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      region: seed.region ?? arn?.region ?? region,
      createdAt,
      timeline: {
        ...DEFAULT_TIMELINE,
        startingSeconds: 0,
        inProgressSeconds: 3600,
        ...seed.timeline
      },
      pinned: seed.status ? pinnedProgress(seed) : undefined,
      engine: seeded?.engine ?? seed.engine ?? 'postgres',
      data: {
        databases: seed.databases ?? seeded?.data.databases,
        exportVariations: seed.exportVariations ?? seeded?.data.exportVariations
      }
    })
  }

  /** The engine of a task's source and what its export writes; undefined for no such task. */
  exportedData(
    view: Pick<ExportTaskView, 'ExportTaskIdentifier' | 'SourceArn' | 'S3Bucket'>
  ): { engine: string; data: ExportedData } | undefined {
    const task = this.tasks.find(
      t =>
        t.identifier === view.ExportTaskIdentifier &&
        t.sourceArn === view.SourceArn &&
        t.s3Bucket === view.S3Bucket
    )
    return task && { engine: task.engine, data: task.data }
  }

  /** Every task, as it stands now. */
  all(): ExportTaskView[] {
    return this.tasks.map(task => this.view(task))
  }

  start(params: Params, region: string): ExportTaskView {
    const identifier = required(params, 'ExportTaskIdentifier')
    const sourceArn = required(params, 'SourceArn')
    const s3Bucket = required(params, 'S3BucketName')
    const iamRoleArn = required(params, 'IamRoleArn')
    const kmsKeyId = required(params, 'KmsKeyId')
    const exportOnly = memberList(params, 'ExportOnly')
    if (!TASK_IDENTIFIER.test(identifier) || identifier.endsWith('-')) {
      throw rdsError(
        'InvalidParameterValue',
        `The parameter ExportTaskIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`
      )
    }
    checkExportOnlySize(exportOnly)
    if (params.S3Prefix?.includes(':')) {
      // The RDS and Aurora user guides: exports to S3 don't support prefixes with a colon.
      throw rdsError(
        'InvalidParameterValue',
        `The S3 prefix ${params.S3Prefix} isn't valid: S3 prefixes can't contain a colon (:).`
      )
    }
    if (this.tasks.some(t => t.identifier === identifier && t.region === region)) {
      throw rdsError(
        'ExportTaskAlreadyExists',
        `Cannot start export task because a task with the identifier ${identifier} already exists.`
      )
    }
    const source = this.snapshots.source(sourceArn, region)
    this.checkExportable(source, sourceArn, exportOnly, region)
    if (this.options.bucketExists?.(s3Bucket) === false) {
      throw rdsError('InvalidS3BucketFault', `The S3 bucket ${s3Bucket} doesn't exist.`)
    }
    const task: Task = {
      identifier,
      sourceArn,
      sourceType: source.kind === 'cluster' ? 'CLUSTER' : 'SNAPSHOT',
      exportOnly,
      snapshotTime: source.kind === 'cluster' ? new Date(this.clock.now()) : source.createTime,
      s3Bucket,
      s3Prefix: params.S3Prefix || undefined,
      iamRoleArn,
      kmsKeyId,
      region,
      createdAt: this.clock.now(),
      timeline: { ...this.options.defaultTimeline, ...this.options.timelines[identifier] },
      engine: source.engine,
      data: this.snapshots.exportedData(source.arn)?.data ?? {}
    }
    this.tasks.push(task)
    return this.view(task)
  }

  describe(params: Params, region: string): { items: ExportTaskView[]; marker?: string } {
    const identifier = params.ExportTaskIdentifier
    let tasks = this.tasks.filter(t => t.region === region)
    if (identifier !== undefined) {
      tasks = tasks.filter(t => t.identifier === identifier)
      if (tasks.length === 0 && this.options.unknownTaskAnswer === 'ExportTaskNotFound') {
        throw taskNotFound(identifier)
      }
    }
    if (params.SourceArn !== undefined) tasks = tasks.filter(t => t.sourceArn === params.SourceArn)
    if (params.SourceType !== undefined) {
      if (!SOURCE_TYPES.includes(params.SourceType)) {
        throw rdsError(
          'InvalidParameterValue',
          `Invalid value for SourceType: ${params.SourceType}. Valid values: ${SOURCE_TYPES.join(', ')}.`
        )
      }
      tasks = tasks.filter(t => t.sourceType === params.SourceType)
    }
    for (const filter of filters(params)) tasks = tasks.filter(t => this.matches(t, filter))
    const { items, marker } = page(tasks, params)
    return { items: items.map(t => this.view(t)), marker }
  }

  cancel(params: Params, region: string): ExportTaskView {
    const identifier = required(params, 'ExportTaskIdentifier')
    const task = this.tasks.find(t => t.identifier === identifier && t.region === region)
    if (!task) throw taskNotFound(identifier)
    const status = this.view(task).Status
    if (!isActive(status) || task.pinned) {
      throw rdsError(
        'InvalidExportTaskStateFault',
        `Cannot cancel export task ${identifier} because it is in the ${status} state.`
      )
    }
    task.canceledAt = this.clock.now()
    return this.view(task)
  }

  /** The source must be available, fit ExportOnly, not be exporting, and a slot must be free. */
  private checkExportable(
    source: ExportSource,
    sourceArn: string,
    exportOnly: string[],
    region: string
  ): void {
    if (source.status !== 'available') {
      throw rdsError(
        'InvalidExportSourceState',
        `The source ${sourceArn} is in the ${source.status} state; it must be available to be exported.`
      )
    }
    const badEntry = exportOnly.find(entry => !exportOnlyFits(entry, source.engine))
    if (badEntry !== undefined) {
      throw rdsError(
        'InvalidExportOnly',
        `The ExportOnly value '${badEntry}' isn't valid for the ${source.engine} engine.`
      )
    }
    const active = this.tasks.filter(t => t.region === region && isActive(this.view(t).Status))
    if (active.some(t => t.sourceArn === sourceArn)) {
      throw rdsError(
        'InvalidExportSourceState',
        `An export task is already in progress for the source ${sourceArn}.`
      )
    }
    if (active.length >= this.options.exportLimit) {
      throw rdsError(
        'ExportTaskLimitReachedFault',
        `You have reached the limit of ${this.options.exportLimit} concurrent export tasks`
      )
    }
  }

  private matches(task: Task, filter: Filter): boolean {
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

  /** The task now; once COMPLETE with databases seeded, the WarningMessage RDS gives for their
   * skipped tables and database warnings (unless the timeline or seed names one). */
  private view(task: Task): ExportTaskView {
    const view = this.progressView(task)
    const { databases } = task.data
    if (view.Status !== 'COMPLETE' || view.WarningMessage || !databases) return view
    // Once per task: a source may hold thousands of tables, and every S3 request reads views.
    task.tablesWarning ??=
      exportWarningMessage({ engine: task.engine, databases }, task.exportOnly) ?? ''
    return { ...view, WarningMessage: task.tablesWarning || undefined }
  }

  /** The task now: timeline phase, progress, and the cancel if there was one. */
  private progressView(task: Task): ExportTaskView {
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
    const { endSeconds, ...phase } = timelinePhase(
      task.timeline,
      this.clock.elapsed(task.createdAt, task.canceledAt)
    )
    const at = (seconds: number): Date => new Date(this.clock.after(task.createdAt, seconds))
    const view: ExportTaskView = {
      ...base,
      ...phase,
      TaskStartTime: phase.Status === 'STARTING' ? undefined : at(task.timeline.startingSeconds),
      TaskEndTime: isActive(phase.Status) ? undefined : at(endSeconds)
    }
    return task.canceledAt === undefined ? view : this.canceled(view, task, task.canceledAt)
  }

  /** CANCELING for cancelSeconds after the cancel, then CANCELED. */
  private canceled(view: ExportTaskView, task: Task, canceledAt: number): ExportTaskView {
    const done = this.clock.elapsed(canceledAt) >= this.options.cancelSeconds
    return {
      ...view,
      Status: done ? 'CANCELED' : 'CANCELING',
      TaskEndTime: done
        ? new Date(this.clock.after(canceledAt, this.options.cancelSeconds))
        : undefined,
      TaskStartTime: view.TaskStartTime ?? new Date(task.createdAt)
    }
  }
}

function pinnedProgress(seed: TaskSeed): TaskProgress {
  const status = seed.status ?? 'COMPLETE'
  return {
    Status: status,
    PercentProgress: seed.percentProgress ?? (status === 'COMPLETE' ? 100 : 0),
    TotalExtractedDataInGB: seed.totalExtractedDataInGB ?? 0,
    FailureCause: seed.failureCause,
    WarningMessage: seed.warningMessage
  }
}

/**
 * ExportOnly over 200 KB in all is refused: each entry's UTF-8 bytes plus one between entries,
 * KB as 1024 bytes (how RDS measures it, and the error it gives, are not documented).
 */
function checkExportOnlySize(exportOnly: string[]): void {
  const entries = exportOnly.reduce((sum, entry) => sum + Buffer.byteLength(entry, 'utf8'), 0)
  const bytes = entries + Math.max(exportOnly.length - 1, 0)
  if (bytes > EXPORT_ONLY_MAX_BYTES) {
    throw rdsError(
      'InvalidExportOnly',
      `The ExportOnly list is ${bytes} bytes; it can't be more than 200 KB (${EXPORT_ONLY_MAX_BYTES} bytes).`
    )
  }
}

/** Entries RDS accepts for this engine: database[.table] or database[.schema[.table]]. */
function exportOnlyFits(entry: string, engine: string): boolean {
  const parts = entry.split('.')
  if (parts.some(part => part === '')) return false
  const mysqlFamily = /mysql|mariadb|^aurora$/.test(engine)
  return parts.length <= (mysqlFamily ? 2 : 3)
}
