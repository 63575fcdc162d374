// The action's validated configuration: src/inputs/ turns the workflow's inputs into this, once,
// before any AWS call. Everything after validation reads this object, never core.getInput.

export type Mode = 'start' | 'wait' | 'status' | 'cancel'
export type SnapshotType = 'automated' | 'manual' | 'awsbackup' | 'any'
export type IfExists = 'attach' | 'fail'
export type OnTimeout = 'fail' | 'continue' | 'cancel'

/** The one source input given for `mode: start`, as the workflow named it. */
export type SourceInput =
  | { input: 'source-arn'; arn: string }
  | { input: 'db-snapshot-identifier'; identifier: string }
  | { input: 'db-cluster-snapshot-identifier'; identifier: string }
  | { input: 'db-instance-identifier'; identifier: string; snapshotType: SnapshotType }
  | { input: 'db-cluster-identifier'; identifier: string; snapshotType: SnapshotType }

/** A tag as RDS takes it (CreateDBSnapshot's Tags). */
export interface Tag {
  Key: string
  Value: string
}

export interface Config {
  mode: Mode
  /** Set for mode start only. */
  source?: SourceInput
  /** create-snapshot: take a snapshot of the instance or cluster in `source` first (start only). */
  createSnapshot: boolean
  /** snapshot-tags: the user's tags only, in order; [] without createSnapshot. */
  snapshotTags: Tag[]
  /** Required for start; empty for the other modes (they read it from the task). */
  s3BucketName: string
  /** Without leading or trailing '/'; '' when none. */
  s3Prefix: string
  iamRoleArn: string
  kmsKeyId: string
  /** Entries as given (trimmed, empty ones dropped). */
  exportOnly: string[]
  /** Given by the workflow; undefined means generate one (start only). */
  exportTaskIdentifier?: string
  ifExists: IfExists
  maxConcurrentExports: number
  /** Resolved: aws-region input, else the source ARN's region, else AWS_REGION, else AWS_DEFAULT_REGION. */
  region: string
  roleToAssume?: string
  audience: string
  /** Undefined means derive it from the run id. */
  roleSessionName?: string
  roleDurationSeconds: number
  /** output-env-credentials: put the assumed credentials and the region in the job's environment
   * for later steps. Always false without roleToAssume (ignored with a warning). */
  outputEnvCredentials: boolean
  /** http-proxy as given: http:// or https://, a host, an optional port and user:password. */
  httpProxy?: string
  /** Mode wait implies true. */
  wait: boolean
  waitTimeoutMinutes: number
  onTimeout: OnTimeout
  pollIntervalSeconds: number
  cancelOnAbort: boolean
  failOnWarning: boolean
  summary: boolean
  /** tables-report: read the export's metadata once COMPLETE; 'auto' turns S3 refusals into a warning. */
  tablesReport: 'auto' | boolean
  /** glue-database: register the COMPLETE tables in this Glue database (needs the report). */
  glueDatabase?: string
  /** glue-table-prefix: '' when none; always '' without glueDatabase. */
  glueTablePrefix: string
}
