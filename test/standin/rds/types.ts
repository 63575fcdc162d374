// What the RDS stand-in holds and shows: the seeds tests give it, the options it runs with, and
// the views it answers with (the SDK's field names).
import type { DatabaseSeed, ExportVariations } from '../export-files.js'

export type ExportStatus =
  'STARTING' | 'IN_PROGRESS' | 'COMPLETE' | 'FAILED' | 'CANCELING' | 'CANCELED'

/** How a new export task runs, in scenario seconds (`timeScale` of them pass per real second). */
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

/** How a snapshot being created runs, in scenario seconds (scaled by `timeScale` like export
 * timelines): `creating` with PercentProgress growing for creatingSeconds, then the outcome. */
export interface SnapshotTimeline {
  creatingSeconds: number
  /** `available`, or a failure status: `failed`, `incompatible-restore`, ... Default available. */
  outcome: string
}

/** What an export of a source writes to S3 (export-files.ts). A source without `databases` of
 * its own has those of its DB instance or cluster, else cleanSource(engine)'s tables. */
export interface ExportedData {
  /** The databases and tables in the source. Given, a COMPLETE export's WarningMessage names
   * its skipped tables and database warnings as RDS does. */
  databases?: DatabaseSeed[]
  /** How the files come out: malformed JSON, a missing chunk, the flat layout, ... */
  exportVariations?: ExportVariations
}

/** A DB instance or an Aurora DB cluster (its databases: those of its snapshots too). */
export interface DbSeed extends ExportedData {
  identifier: string
  /** Default postgres for an instance, aurora-postgresql for a cluster. */
  engine?: string
  engineVersion?: string
  /** Default available; snapshots are taken when available or storage-optimization. */
  status?: string
  region?: string
  account?: string
  createTime?: Date | string
  allocatedStorage?: number
}

export type InstanceSeed = DbSeed

export interface SnapshotSeed extends ExportedData {
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
  /** A snapshot still being created at createTime: its status follows this timeline from then
   * (status is ignored). */
  timeline?: Partial<SnapshotTimeline>
  /** Its TagList. */
  tags?: Record<string, string>
  /** Default automated for `rds:` names, else manual. */
  type?: 'manual' | 'automated' | 'awsbackup'
  region?: string
  /** Another account than the stand-in's makes it a shared snapshot (or a public one). */
  account?: string
  /** With another account: marked public rather than shared with this account. */
  public?: boolean
  allocatedStorage?: number
}

export interface ClusterSnapshotSeed extends Omit<SnapshotSeed, 'instanceIdentifier'> {
  clusterIdentifier: string
}

export type ClusterSeed = DbSeed

export interface TaskSeed extends ExportedData {
  identifier: string
  /** Needn't be a seeded source (a busy export of some other team's snapshot). */
  sourceArn: string
  /** Of an unseeded source; default postgres (a seeded source's is its own). */
  engine?: string
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

/** The part of a task's view its timeline (or a pinned status) decides. */
export type TaskProgress = Pick<
  ExportTaskView,
  'Status' | 'PercentProgress' | 'TotalExtractedDataInGB' | 'FailureCause' | 'WarningMessage'
>

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
  /** How new snapshots (CreateDBSnapshot, CreateDBClusterSnapshot) run. */
  defaultSnapshotTimeline: SnapshotTimeline
  /** Timelines of new snapshots by identifier (lower case, as RDS stores it), over the default. */
  snapshotTimelines: Record<string, Partial<SnapshotTimeline>>
  /** Manual snapshots per region, for DB instances and for DB clusters each (RDS: 100). */
  manualSnapshotQuota: number
  /** Given: StartExportTask refuses a bucket for which it says false (InvalidS3BucketFault). */
  bucketExists?: (bucket: string) => boolean
}

/** The stand-in's clock (ms since epoch) and its scenario time. */
export interface Clock {
  now(): number
  /** Scenario seconds from `since` until `until` (or now), both real ms since epoch. */
  elapsed(since: number, until?: number): number
  /** The real ms since epoch `scenarioSeconds` after `since`. */
  after(since: number, scenarioSeconds: number): number
}

export function scenarioClock(now: () => number, timeScale: number): Clock {
  return {
    now,
    elapsed: (since, until = now()) => (Math.max(0, until - since) / 1000) * timeScale,
    after: (since, scenarioSeconds) => since + (scenarioSeconds / timeScale) * 1000
  }
}
