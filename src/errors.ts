// AWS, STS and OIDC errors turned into one plain line with the hint each deserves
// (../shared/rds-export-facts.md), and the transient/permanent split the wait loop relies on.
// Pure: no SDK import, errors are recognised by their `name`, wire code and HTTP status.

/** A failure the action reports as one `::error::` line, with an optional hint. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly hint?: string
  ) {
    super(message)
    this.name = 'ActionError'
  }
}

export interface ExplainedError {
  /** `<operation> failed: <AWS message>` */
  message: string
  hint?: string
  /** Worth retrying later: throttling, 5xx, network faults, expired credentials. */
  transient: boolean
  /** The error's name or code, e.g. `ExportTaskAlreadyExistsFault`. */
  code: string
}

const EXPORT_ONLY_FORMATS =
  'export-only entries are `database` or `database.table` for MySQL, MariaDB and Aurora MySQL, and `database`, `database.schema` or `database.schema.table` for PostgreSQL and Aurora PostgreSQL; each part is letters, digits, `_` or `$`.'

const CALLER_PERMISSIONS =
  'The calling role needs rds:StartExportTask, rds:DescribeExportTasks, rds:CancelExportTask, rds:DescribeDBSnapshots, rds:DescribeDBClusterSnapshots, iam:PassRole on the export role (iam-role-arn), and kms:CreateGrant and kms:DescribeKey on the KMS key.'

const TRUST_POLICY =
  "The role's trust policy must trust the OIDC provider token.actions.githubusercontent.com with audience sts.amazonaws.com (or the audience input) and a `sub` condition that matches this repository, branch or environment."

/** Hints keyed by SDK error name and by wire code (both appear, depending on the SDK path). */
const HINTS: Record<string, string> = {
  ExportTaskAlreadyExistsFault:
    'Export task identifiers are never reusable, even after the task ends: adopt the task (if-exists: attach) or choose another export-task-identifier.',
  IamRoleNotFoundFault:
    "The export role (iam-role-arn) doesn't exist, or its trust policy doesn't allow export.rds.amazonaws.com to sts:AssumeRole.",
  IamRoleMissingPermissionsFault:
    'The export role (iam-role-arn) needs s3:PutObject*, s3:GetObject*, s3:ListBucket, s3:DeleteObject* and s3:GetBucketLocation on arn:aws:s3:::<bucket> and arn:aws:s3:::<bucket>/*.',
  InvalidS3BucketFault:
    'The bucket is missing, in another region than the source, or not reachable by the export role (iam-role-arn).',
  KMSKeyNotAccessibleFault:
    'The caller needs kms:CreateGrant and kms:DescribeKey on the key; the key policy must let the export role Encrypt and Decrypt, and any Deny statement must exclude export.rds.amazonaws.com.',
  InvalidExportOnlyFault: EXPORT_ONLY_FORMATS,
  InvalidExportSourceStateFault:
    'The snapshot must be `available` before it can be exported, and one source can have only one export running at a time.',
  DBSnapshotNotFoundFault:
    'Check the snapshot name or ARN and the region (aws-region). Aurora snapshots are DB cluster snapshots: use db-cluster-snapshot-identifier.',
  DBClusterSnapshotNotFoundFault:
    'Check the cluster snapshot name or ARN and the region (aws-region). RDS instance snapshots are DB snapshots: use db-snapshot-identifier.',
  DBClusterNotFoundFault: 'Check the cluster name or ARN and the region (aws-region).',
  ExportTaskNotFoundFault:
    'No export task with that identifier exists in this account and region (aws-region).',
  InvalidExportTaskStateFault: 'The export task has already ended.',
  InvalidParameterValue:
    'A parameter breaks an RDS rule, for example an identifier that is not 1-60 letters, digits and hyphens starting with a letter.',
  InvalidParameterCombination: 'RDS refused this combination of parameters.',
  AccessDenied: CALLER_PERMISSIONS,
  AccessDeniedException: CALLER_PERMISSIONS,
  InvalidIdentityTokenException: TRUST_POLICY,
  InvalidIdentityToken: TRUST_POLICY,
  IDPCommunicationErrorException:
    "STS couldn't reach GitHub's OIDC provider to verify the token (\"Couldn't retrieve verification key\"); this is transient: re-run the job.",
  IDPRejectedClaimException: TRUST_POLICY,
  ExpiredToken:
    'The AWS credentials expired. With role-to-assume they are refreshed with a new OIDC token; with the default credential chain, use credentials that outlive the step.',
  ExpiredTokenException:
    'The AWS credentials expired. With role-to-assume they are refreshed with a new OIDC token; with the default credential chain, use credentials that outlive the step.',
  CredentialsProviderError:
    'No AWS credentials were found. Set role-to-assume (with `permissions: id-token: write`), or provide credentials before this step, for example with aws-actions/configure-aws-credentials.',
  ExportTaskLimitReachedFault:
    'RDS runs at most 5 export tasks per account and region; the action waits for a free slot (max-concurrent-exports, bounded by wait-timeout-minutes), so this means the slots filled up in between.',
  Throttling:
    'RDS API calls share a per-account rate limit with every other tool in the account; the action backs off and retries, but something else may be calling RDS heavily.'
}

// Wire codes that the SDK names with a `Fault` suffix; the hints are stored under one name.
const ALIASES: Record<string, string> = {
  ExportTaskAlreadyExists: 'ExportTaskAlreadyExistsFault',
  IamRoleNotFound: 'IamRoleNotFoundFault',
  IamRoleMissingPermissions: 'IamRoleMissingPermissionsFault',
  InvalidS3Bucket: 'InvalidS3BucketFault',
  KMSKeyNotAccessible: 'KMSKeyNotAccessibleFault',
  InvalidExportOnly: 'InvalidExportOnlyFault',
  InvalidExportSourceState: 'InvalidExportSourceStateFault',
  DBSnapshotNotFound: 'DBSnapshotNotFoundFault',
  DBClusterSnapshotNotFound: 'DBClusterSnapshotNotFoundFault',
  DBClusterNotFound: 'DBClusterNotFoundFault',
  ExportTaskNotFound: 'ExportTaskNotFoundFault',
  InvalidExportTaskState: 'InvalidExportTaskStateFault'
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown'
])

const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'AbortError'
])

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'])

interface ErrorLike {
  name?: unknown
  code?: unknown
  message?: unknown
  Code?: unknown
  $metadata?: { httpStatusCode?: number }
  $retryable?: unknown
  $fault?: unknown
}

/** The error's canonical code: the SDK name, with wire codes mapped to their `Fault` names. */
export function errorCode(error: unknown): string {
  const e = (error ?? {}) as ErrorLike
  const raw = [e.name, e.Code, e.code].find(
    (v): v is string => typeof v === 'string' && v !== '' && v !== 'Error'
  )
  if (!raw) return 'Error'
  return ALIASES[raw] ?? raw
}

export function isTransient(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike
  const code = errorCode(error)
  const status = e.$metadata?.httpStatusCode ?? 0
  return (
    THROTTLING.has(code) ||
    NETWORK.has(code) ||
    EXPIRED.has(code) ||
    code === 'IDPCommunicationErrorException' ||
    status >= 500 ||
    Boolean(e.$retryable) ||
    (typeof e.code === 'string' && NETWORK.has(e.code))
  )
}

export function isExpiredCredentials(error: unknown): boolean {
  return EXPIRED.has(errorCode(error))
}

const OPERATION = Symbol('operation')

/** Remembers which step an error came from (credential errors surface inside an RDS call). */
export function tagOperation<T>(error: T, operation: string): T {
  if (error && typeof error === 'object' && !(OPERATION in error)) {
    Object.defineProperty(error, OPERATION, { value: operation })
  }
  return error
}

/** `operation` is the AWS operation or step, e.g. `StartExportTask` or `GitHub OIDC token`. */
export function explainError(error: unknown, operation: string): ExplainedError {
  if (error && typeof error === 'object' && OPERATION in error) {
    operation = String((error as { [OPERATION]: unknown })[OPERATION])
  }
  const code = errorCode(error)
  const e = (error ?? {}) as ErrorLike
  const text = oneLine(typeof e.message === 'string' && e.message ? e.message : String(error))
  // STS answers AccessDenied when the role's trust policy refuses this repository's token.
  const fromSts = operation.startsWith('AssumeRoleWithWebIdentity')
  const hint =
    fromSts && code === 'AccessDenied'
      ? TRUST_POLICY
      : (HINTS[code] ?? (THROTTLING.has(code) ? HINTS.Throttling : undefined))
  const detail = text.includes(code) || code === 'Error' ? text : `${code}: ${text}`
  return { message: `${operation} failed: ${detail}`, hint, transient: isTransient(error), code }
}

export function hintFor(code: string): string | undefined {
  return HINTS[ALIASES[code] ?? code]
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat
}

/** FailureCause texts RDS writes on FAILED tasks, matched to the hint of the matching error. */
const FAILURE_CAUSES: Array<[RegExp, string]> = [
  [/assume the IAM role|AssumeRole/i, 'IamRoleNotFoundFault'],
  [
    /isn't authorized to call|not authorized to perform|AccessDenied/i,
    'IamRoleMissingPermissionsFault'
  ],
  [/KMS/i, 'KMSKeyNotAccessibleFault'],
  [/bucket.*(Region|region)|NoSuchBucket|bucket does not exist/i, 'InvalidS3BucketFault'],
  [/export.?only|table list/i, 'InvalidExportOnlyFault']
]

export function hintForFailureCause(cause: string | undefined): string | undefined {
  if (!cause) return undefined
  const match = FAILURE_CAUSES.find(([pattern]) => pattern.test(cause))
  return match ? HINTS[match[1]] : undefined
}
