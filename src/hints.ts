// What to do about an AWS error, by the service that raised it, as the services document their
// errors: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html and each
// operation's Errors section of the RDS, STS, S3, KMS and Glue API references.
// The same code means different things per service: an AccessDenied from STS is the role's trust
// policy, from RDS the calling role's RDS permissions, from S3 or Glue their own permissions.

export type Service = 'rds' | 'sts' | 's3' | 'kms' | 'glue'

const EXPORT_ONLY_FORMATS =
  'export-only entries are `database` or `database.table` for MySQL, MariaDB and Aurora MySQL, and `database`, `database.schema` or `database.schema.table` for PostgreSQL and Aurora PostgreSQL; each part is letters, digits, `_` or `$`.'

const RDS_PERMISSIONS =
  'The calling role needs rds:StartExportTask, rds:DescribeExportTasks, rds:CancelExportTask, rds:DescribeDBSnapshots, rds:DescribeDBClusterSnapshots, iam:PassRole on the export role (iam-role-arn), and kms:CreateGrant and kms:DescribeKey on the KMS key; with create-snapshot also rds:CreateDBSnapshot or rds:CreateDBClusterSnapshot and rds:AddTagsToResource.'

const SNAPSHOT_STATE =
  'A snapshot can be taken only while the DB instance is `available` (or `storage-optimization`), or the DB cluster `available`: wait for the running backup, modification or restart to end, then re-run.'

const TRUST_POLICY =
  "The role's trust policy must trust the OIDC provider token.actions.githubusercontent.com with audience sts.amazonaws.com (or the audience input) and a `sub` condition that matches this repository, branch or environment."

const S3_READ =
  "Reading the export's files needs s3:ListBucket on the bucket (for the export's prefix) and s3:GetObject on the export's files (<s3-prefix>/<export-task-identifier>/*) for the calling role; or set tables-report: false."

const KMS_DECRYPT =
  "The export's files are encrypted with its KMS key (kms-key-id): the calling role needs kms:Decrypt on that key, in its IAM policy and allowed by the key policy; or set tables-report: false."

const GLUE_PERMISSIONS =
  'Registering the tables needs glue:GetDatabase, glue:CreateDatabase, glue:GetTable, glue:GetTables, glue:CreateTable and glue:UpdateTable on arn:aws:glue:<region>:<account>:catalog, :database/<glue-database> and :table/<glue-database>/*; where AWS Lake Formation governs the catalog, also the Lake Formation permissions CREATE_TABLE on the database and ALTER on its tables.'

const EXPIRED =
  'The AWS credentials expired. With role-to-assume they are refreshed with a new OIDC token; with the default credential chain, use credentials that outlive the step.'

const THROTTLED =
  'AWS API calls share a per-account rate limit with every other tool in the account; the action backs off and retries, but something else may be calling the API heavily.'

/** Whatever the service: credentials and the account's rate limit. */
const ANY_SERVICE: Readonly<Record<string, string>> = {
  ExpiredToken: EXPIRED,
  ExpiredTokenException: EXPIRED,
  CredentialsProviderError:
    'No AWS credentials were found. Set role-to-assume (with `permissions: id-token: write`), or provide credentials before this step, for example with aws-actions/configure-aws-credentials.',
  Throttling: THROTTLED,
  DeadlineExceeded:
    "AWS, or a proxy on the way, sent its answer too slowly. Checks while waiting are retried; other calls are not: re-run the job, and if it happens again, look at the runner's network or proxy.",
  TransientTokenError:
    "The runner's OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL) failed every attempt: a 5xx, a 429, a network fault or no complete answer in time. This is usually transient: re-run the job; behind a proxy, check that it reaches the runner's token service.",
  ProxyConnectRefused:
    'The proxy (the http-proxy input, else HTTPS_PROXY / HTTP_PROXY) must allow CONNECT to the AWS endpoints on port 443 (sts, rds, s3 and glue.<region>.amazonaws.com); 407 means it wants credentials, http://user:password@host:port. A host listed in NO_PROXY is reached directly.',
  ProxyConnectTimeout:
    'The proxy (the http-proxy input, else HTTPS_PROXY / HTTP_PROXY) accepted the connection but opened no tunnel: check that it is up and reaches the AWS endpoints on port 443, or list them in NO_PROXY to reach them directly.'
}

const BY_SERVICE: Readonly<Record<Service, Readonly<Record<string, string>>>> = {
  rds: {
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
    DBClusterNotFoundFault:
      'Check the cluster name or ARN (db-cluster-identifier, source-arn) and the region (aws-region).',
    ExportTaskNotFoundFault:
      'No export task with that identifier exists in this account and region (aws-region).',
    InvalidExportTaskStateFault: 'The export task has already ended.',
    InvalidParameterValue:
      'A parameter breaks an RDS rule, for example an identifier that is not 1-60 letters, digits and hyphens starting with a letter.',
    InvalidParameterCombination: 'RDS refused this combination of parameters.',
    AccessDenied: RDS_PERMISSIONS,
    AccessDeniedException: RDS_PERMISSIONS,
    SnapshotQuotaExceededFault:
      'RDS allows 100 manual snapshots per region for DB instances and 100 for DB clusters (AWS Backup snapshots do not count): delete old manual snapshots, or raise the quota in Service Quotas.',
    InvalidDBInstanceStateFault: SNAPSHOT_STATE,
    InvalidDBClusterStateFault: SNAPSHOT_STATE,
    DBInstanceNotFoundFault: 'Check db-instance-identifier and the region (aws-region).',
    ExportTaskLimitReachedFault:
      'RDS runs at most 5 export tasks per account and region; the action waits for a free slot (max-concurrent-exports, bounded by wait-timeout-minutes), so this means the slots filled up in between.'
  },
  sts: {
    AccessDenied: TRUST_POLICY,
    InvalidIdentityTokenException: TRUST_POLICY,
    InvalidIdentityToken: TRUST_POLICY,
    IDPRejectedClaimException: TRUST_POLICY,
    IDPCommunicationErrorException:
      "STS couldn't reach GitHub's OIDC provider to verify the token (\"Couldn't retrieve verification key\"); this is transient: re-run the job."
  },
  s3: {
    AccessDenied: S3_READ,
    AllAccessDisabled: S3_READ,
    NoSuchBucket:
      "The export's bucket no longer exists, or it is in another account or region than the calling role can see.",
    NoSuchKey: 'A file of the export is missing: it was deleted or moved after the export ended.',
    InvalidObjectState:
      "A file of the export is in an archive storage class (a lifecycle rule moved it): restore it, or keep the export's prefix out of that rule; or set tables-report: false."
  },
  // KMS's own codes; S3 passes them on with a `KMS.` prefix (KMS.DisabledException).
  kms: {
    AccessDenied: KMS_DECRYPT,
    AccessDeniedException: KMS_DECRYPT,
    DisabledException: "The export's KMS key is disabled: enable it to read the files.",
    KMSInvalidStateException:
      "The export's KMS key is pending deletion or unavailable: cancel the deletion to read the files.",
    NotFoundException: "The export's KMS key no longer exists: the files can't be read."
  },
  glue: {
    AccessDeniedException: GLUE_PERMISSIONS,
    AccessDenied: GLUE_PERMISSIONS,
    EntityNotFoundException: 'Check glue-database and the region (aws-region).',
    ResourceNumberLimitExceededException:
      'The Glue Data Catalog is at a quota (databases or tables per account): raise it in Service Quotas or delete unused tables.',
    ConcurrentModificationException:
      'Something else changed the Glue table at the same time; re-run the step.',
    InvalidInputException:
      'Glue refused a database or table definition; its message names the field. Please report it with that message.',
    GlueEncryptionException:
      'The Data Catalog is encrypted with a KMS key: the calling role needs kms:Decrypt, kms:Encrypt and kms:GenerateDataKey on it.',
    OperationTimeoutException: 'A Glue call timed out; re-run the step.',
    ResourceNotReadyException: 'The Glue database or table was not ready; re-run the step.'
  }
}

// Wire codes that the SDK names with a `Fault` suffix; the hints are stored under one name.
export const CODE_ALIASES: Readonly<Record<string, string>> = {
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
  InvalidExportTaskState: 'InvalidExportTaskStateFault',
  SnapshotQuotaExceeded: 'SnapshotQuotaExceededFault',
  InvalidDBInstanceState: 'InvalidDBInstanceStateFault',
  DBInstanceNotFound: 'DBInstanceNotFoundFault'
}

/** The hint for an error code (SDK name or wire code) raised by a service, if there is one. */
export function hintFor(code: string, service: Service = 'rds'): string | undefined {
  const bare = service === 'kms' ? code.replace(/^KMS\./, '') : code
  const name = CODE_ALIASES[bare] ?? bare
  return BY_SERVICE[service][name] ?? ANY_SERVICE[name]
}

/** The hint every throttling error gets, whatever its code. */
export const THROTTLING_HINT = THROTTLED

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

/** The hint for a FailureCause that RDS wrote on a FAILED task, if one matches. */
export function hintForFailureCause(cause: string | undefined): string | undefined {
  if (!cause) return undefined
  const match = FAILURE_CAUSES.find(([pattern]) => pattern.test(cause))
  return match ? hintFor(match[1]) : undefined
}
