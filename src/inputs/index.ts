// The workflow's inputs, checked once and turned into a Config before any AWS call. Pure: the
// caller passes the input reader and the environment, so this runs (and is tested) without the
// Actions toolkit or the AWS SDK. The first broken rule throws an InputError that names the
// input, the rule and, where a common mistake is recognised, what to write instead.

import type { Config, IfExists, Mode, OnTimeout, SnapshotType, SourceInput } from '../config.js'
import { isAccountId, isRegion, parseArn, parseRdsSourceArn } from '../arn.js'
import { exportTaskIdentifierProblem, rdsNameProblem } from '../identifier.js'

/** A bad input: `input` is the input's name, the message one plain line for the log. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}

/** The defaults of action.yml: the runner fills them in, local runs and tests don't. */
export const INPUT_DEFAULTS = {
  mode: 'start',
  'snapshot-type': 'any',
  's3-prefix': '',
  'export-only': '',
  'if-exists': 'attach',
  'max-concurrent-exports': '5',
  audience: 'sts.amazonaws.com',
  'role-duration-seconds': '3600',
  wait: 'false',
  'wait-timeout-minutes': '330',
  'on-timeout': 'fail',
  'poll-interval-seconds': '60',
  'cancel-on-abort': 'true',
  'fail-on-warning': 'false',
  summary: 'true'
} as const

/** The five ways to name the source of a `start`; exactly one is given. */
export const SOURCE_INPUTS = [
  'source-arn',
  'db-snapshot-identifier',
  'db-cluster-snapshot-identifier',
  'db-instance-identifier',
  'db-cluster-identifier'
] as const

const MODES: readonly Mode[] = ['start', 'wait', 'status', 'cancel']
const SNAPSHOT_TYPES: readonly SnapshotType[] = ['automated', 'manual', 'awsbackup', 'any']
const IF_EXISTS: readonly IfExists[] = ['attach', 'fail']
const ON_TIMEOUT: readonly OnTimeout[] = ['fail', 'continue', 'cancel']

/** The RDS limit of export tasks in progress per account and region. */
const RDS_ACTIVE_EXPORT_LIMIT = 5

/** A value as echoed in a message: quoted, control characters escaped, cut to about 80. */
export function quote(value: string): string {
  const escaped = value.replace(/\p{Cc}/gu, char =>
    char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  const chars = [...escaped]
  return `'${chars.length > 80 ? `${chars.slice(0, 77).join('')}...` : escaped}'`
}

function refuse(input: string, rule: string, value: string, detail?: string): InputError {
  return new InputError(
    input,
    `Input '${input}' ${rule}; got ${quote(value)}${detail ? `: ${detail}` : ''}.`
  )
}

function oneOf<T extends string>(input: string, value: string, choices: readonly T[]): T {
  const choice = choices.find(c => c === value)
  if (choice) return choice
  const lower = choices.find(c => c === value.toLowerCase())
  throw refuse(
    input,
    `must be one of ${choices.join(', ')}`,
    value,
    lower ? `write it in lower case, '${lower}'` : undefined
  )
}

const YAML_TRUE = ['true', 'True', 'TRUE']
const YAML_FALSE = ['false', 'False', 'FALSE']

// YAML 1.2 core schema booleans, like aws-actions/configure-aws-credentials: no yes/no/on/off.
function parseBoolean(input: string, value: string): boolean {
  if (YAML_TRUE.includes(value)) return true
  if (YAML_FALSE.includes(value)) return false
  throw refuse(input, `must be a boolean: ${[...YAML_TRUE, ...YAML_FALSE].join(', ')}`, value)
}

function parseInteger(input: string, value: string, min: number, max: number, unit: string) {
  const range = max === Infinity ? `at least ${min}` : `${min}-${max}`
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw refuse(input, `must be a whole number of ${unit}, ${range}`, value)
  }
  return n
}

// Plain decimals only: no exponent, sign, unit or Infinity, so '10m' or '1e9999' can't slip by.
function parseDecimal(
  input: string,
  value: string,
  min: number,
  inclusive: boolean,
  example: string
) {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN
  const bound = inclusive ? `at least ${min}` : `greater than ${min}`
  if (!Number.isFinite(n) || n < min || (!inclusive && n === min)) {
    throw refuse(input, `must be a number ${bound}, like ${example}`, value)
  }
  return n
}

// --- Sources --------------------------------------------------------------------------------

// Manual names follow the RDS naming rule loosely (real names must never be refused);
// automated (`rds:`) and AWS Backup (`awsbackup:`) names carry a prefix with a colon.
function snapshotNameProblem(value: string): string | undefined {
  if (value.length > 255) return `it has ${value.length} characters, at most 255 are allowed`
  const prefixed = /^(rds|awsbackup):(.*)$/.exec(value)
  const name = prefixed ? (prefixed[2] ?? '') : value
  if (name === '') return `the name after '${prefixed?.[1]}:' is missing`
  if (!prefixed && !/^[A-Za-z]/.test(name)) return 'a name begins with a letter'
  const bad = /[^A-Za-z0-9-]/u.exec(name)
  if (bad) return `${quote(bad[0])} is not allowed in a name`
  return undefined
}

function checkSnapshotInput(
  input: 'db-snapshot-identifier' | 'db-cluster-snapshot-identifier',
  value: string
): void {
  const kind = input === 'db-snapshot-identifier' ? 'snapshot' : 'cluster-snapshot'
  const what = kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
  const rule =
    `must be a ${what} name (letters, digits and hyphens; automated 'rds:...' and ` +
    `AWS Backup 'awsbackup:...' names too) or a ${what} ARN (':${kind}:')`
  if (value.startsWith('arn:')) {
    const result = parseRdsSourceArn(value)
    if ('problem' in result) throw refuse(input, result.problem, value, result.hint)
    if (result.arn.kind === kind) return
    const other =
      result.arn.kind === 'cluster'
        ? "it is an Aurora DB cluster ARN: put it in 'source-arn' for a live export"
        : result.arn.kind === 'snapshot'
          ? "it is a DB snapshot ARN: put it in 'db-snapshot-identifier' or 'source-arn'"
          : "it is a DB cluster snapshot ARN: put it in 'db-cluster-snapshot-identifier' or 'source-arn'"
    throw refuse(input, rule, value, other)
  }
  const problem = snapshotNameProblem(value)
  if (problem) throw refuse(input, rule, value, problem)
}

function checkInstanceOrClusterInput(
  input: 'db-instance-identifier' | 'db-cluster-identifier',
  value: string
): void {
  const what = input === 'db-instance-identifier' ? 'DB instance' : 'DB cluster'
  const rule = `must be a ${what} identifier (1-63 letters, digits and hyphens, beginning with a letter)`
  const arn = parseArn(value)
  if (arn) {
    throw refuse(input, rule, value, `give the name, ${quote(arn.resourceName)}, not the ARN`)
  }
  const problem = rdsNameProblem(value, 63)
  if (problem) throw refuse(input, rule, value, `it ${problem}`)
}

function parseSource(read: (name: string) => string, snapshotType: SnapshotType): SourceInput {
  const given = SOURCE_INPUTS.filter(name => read(name) !== '')
  const [input] = given
  if (input === undefined) {
    throw new InputError(
      'source-arn',
      `Mode 'start' needs one source: set exactly one of the inputs ${SOURCE_INPUTS.map(n => `'${n}'`).join(', ')}.`
    )
  }
  if (given.length > 1) {
    throw new InputError(
      input,
      `Set only one source input; got ${given.map(n => `'${n}'`).join(' and ')}.`
    )
  }
  const value = read(input)
  switch (input) {
    case 'source-arn': {
      const result = parseRdsSourceArn(value)
      if ('problem' in result) throw refuse(input, result.problem, value, result.hint)
      return { input, arn: value }
    }
    case 'db-snapshot-identifier':
    case 'db-cluster-snapshot-identifier':
      checkSnapshotInput(input, value)
      return { input, identifier: value }
    case 'db-instance-identifier':
    case 'db-cluster-identifier':
      checkInstanceOrClusterInput(input, value)
      return { input, identifier: value, snapshotType }
  }
}

/** The region in the ARN that names the source, if the source is named by an ARN. */
function sourceRegion(source: SourceInput | undefined): string | undefined {
  if (!source) return undefined
  const value = 'arn' in source ? source.arn : source.identifier
  const region = parseArn(value)?.region
  return region ? region : undefined
}

// --- Destination ----------------------------------------------------------------------------

const BUCKET_RULE = "must be a bucket name (3-63 lower-case letters, digits, '.' and '-')"

// An s3:// URI or an S3 ARN split into what goes in s3-bucket-name and s3-prefix.
function splitHint(location: string): string {
  const [bucket = '', ...keys] = location.split('/')
  const prefix = keys.join('/').replace(/^\/+|\/+$/g, '')
  return prefix
    ? `put ${quote(bucket)} in s3-bucket-name and ${quote(prefix)} in s3-prefix`
    : `put ${quote(bucket)} in s3-bucket-name`
}

function parseBucket(value: string): string {
  const input = 's3-bucket-name'
  if (value === '') {
    throw new InputError(
      input,
      `Input '${input}' is required with mode 'start': the bucket to export to.`
    )
  }
  const uri = /^s3:\/\/(.*)$/i.exec(value)
  if (uri) throw refuse(input, BUCKET_RULE, value, splitHint(uri[1] ?? ''))
  const arn = parseArn(value)
  if (arn?.service === 's3') throw refuse(input, BUCKET_RULE, value, splitHint(arn.resource))
  const bad = /[^a-z0-9.-]/u.exec(value)
  const problem =
    value.length < 3 || value.length > 63
      ? `it has ${value.length} characters`
      : bad
        ? `${quote(bad[0])} is not allowed${/[A-Z]/.test(bad[0]) ? ' (only lower case)' : ''}`
        : !/^[a-z0-9].*[a-z0-9]$/.test(value)
          ? 'it must begin and end with a letter or digit'
          : value.includes('..')
            ? "it must not contain '..'"
            : /^\d+\.\d+\.\d+\.\d+$/.test(value)
              ? 'it must not look like an IP address'
              : undefined
  if (problem) throw refuse(input, BUCKET_RULE, value, problem)
  return value
}

function parsePrefix(value: string): string {
  const input = 's3-prefix'
  if (value.includes(':')) {
    throw refuse(
      input,
      "must not contain ':' (RDS refuses it)",
      value,
      /^s3:\/\//i.test(value) ? 'give only the key prefix, like exports/daily' : undefined
    )
  }
  if (/\p{Cc}/u.test(value)) throw refuse(input, 'must not contain control characters', value)
  if (Buffer.byteLength(value) > 1024) {
    throw refuse(input, 'must be at most 1024 bytes long (the S3 key limit)', value)
  }
  return value.replace(/^\/+|\/+$/g, '')
}

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\u0021-\u007e]+\/)*[\w+=,.@-]{1,64}$/

function parseRoleArn(input: string, value: string): string {
  if (ROLE_ARN.test(value)) return value
  const rule = 'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
  const arn = parseArn(value)
  const detail = !arn
    ? /^[\w+=,.@-]{1,64}$/.test(value)
      ? `give the role's ARN, arn:aws:iam::<account>:role/${value}`
      : undefined
    : arn.service !== 'iam'
      ? `this is a ${quote(arn.service)} ARN`
      : arn.resourceType !== 'role'
        ? `this is a ${quote(arn.resourceType)} ARN, not a role`
        : !isAccountId(arn.accountId)
          ? 'the account must be 12 digits'
          : undefined
  throw refuse(input, rule, value, detail)
}

const KEY_ID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/
const ALIAS_NAME = /^[A-Za-z0-9/_-]{1,250}$/

function kmsKeyProblem(value: string): string | undefined {
  if (value.startsWith('alias/')) {
    return ALIAS_NAME.test(value.slice(6))
      ? undefined
      : "alias names are letters, digits, '/', '_' and '-'"
  }
  if (!value.startsWith('arn:')) {
    return KEY_ID.test(value) ? undefined : 'a key id is a UUID or mrk-<32 hex digits>'
  }
  const arn = parseArn(value)
  if (!arn) return 'it is not a well-formed ARN'
  if (arn.service !== 'kms') return `this is a ${quote(arn.service)} ARN`
  if (!isRegion(arn.region)) return 'the ARN must name a region'
  if (!isAccountId(arn.accountId)) return 'the account must be 12 digits'
  if (arn.resourceType === 'key') {
    return KEY_ID.test(arn.resourceName) ? undefined : 'a key id is a UUID or mrk-<32 hex digits>'
  }
  if (arn.resourceType === 'alias') {
    return ALIAS_NAME.test(arn.resourceName)
      ? undefined
      : "alias names are letters, digits, '/', '_' and '-'"
  }
  return "a KMS ARN ends with 'key/<id>' or 'alias/<name>'"
}

function parseKmsKey(value: string): string {
  const input = 'kms-key-id'
  if (value === '') {
    throw new InputError(
      input,
      `Input '${input}' is required with mode 'start': the KMS key that encrypts the export.`
    )
  }
  const problem = kmsKeyProblem(value)
  if (problem) {
    throw refuse(input, 'must be a KMS key ARN, key id, alias ARN or alias/name', value, problem)
  }
  return value
}

// --- export-only ----------------------------------------------------------------------------

const EXPORT_ONLY_PART = /^[A-Za-z0-9_$]+$/

/** The entries of export-only: one per line or comma-separated, trimmed, empty ones dropped. */
export function splitExportOnly(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(entry => entry.trim())
    .filter(entry => entry !== '')
}

function exportOnlyEntryProblem(entry: string): string | undefined {
  const parts = entry.split('.')
  if (parts.length > 3) return `it has ${parts.length} parts, at most 3 are allowed`
  if (parts.some(part => part === '')) return 'it has an empty part'
  const bad = parts.map(part => /[^A-Za-z0-9_$]/u.exec(part)?.[0]).find(Boolean)
  if (bad) return `${quote(bad)} is not allowed`
  return parts.every(part => EXPORT_ONLY_PART.test(part)) ? undefined : 'it is malformed'
}

const EXPORT_ONLY_RULE =
  "entries must be database, database.table, database.schema or database.schema.table, with parts of letters, digits, '_' and '$'"

function parseExportOnly(value: string): string[] {
  const entries = splitExportOnly(value)
  for (const entry of entries) {
    const problem = exportOnlyEntryProblem(entry)
    if (problem) throw refuse('export-only', EXPORT_ONLY_RULE, entry, problem)
  }
  return entries
}

const MYSQL_ENGINES = ['mysql', 'mariadb', 'aurora-mysql', 'aurora']
const POSTGRES_ENGINES = ['postgres', 'aurora-postgresql']

/**
 * The first export-only entry the source's engine can't take, as a whole sentence for an
 * InputError on 'export-only', or undefined. MySQL, MariaDB and Aurora MySQL take `database` or
 * `database.table`; PostgreSQL and Aurora PostgreSQL also `database.schema.table`. Engines not
 * known here are not checked beyond the entries' shape.
 */
export function exportOnlyProblem(entries: string[], engine: string): string | undefined {
  const family = MYSQL_ENGINES.includes(engine)
    ? 'mysql'
    : POSTGRES_ENGINES.includes(engine)
      ? 'postgres'
      : undefined
  for (const entry of entries) {
    const shape = exportOnlyEntryProblem(entry)
    if (shape) return `Input 'export-only' ${EXPORT_ONLY_RULE}; got ${quote(entry)}: ${shape}.`
    if (family === 'mysql' && entry.split('.').length > 2) {
      return (
        `Input 'export-only' entry ${quote(entry)} doesn't fit the source's engine, ${engine}: ` +
        `MySQL, MariaDB and Aurora MySQL exports take 'database' or 'database.table'.`
      )
    }
  }
  return undefined
}

// --- Region ---------------------------------------------------------------------------------

function resolveRegion(
  value: string,
  source: SourceInput | undefined,
  env: Record<string, string | undefined>
): string {
  const input = 'aws-region'
  const fromArn = sourceRegion(source)
  if (value !== '') {
    if (!isRegion(value)) throw refuse(input, 'must be a region like us-east-1', value)
    if (fromArn && fromArn !== value && source) {
      throw new InputError(
        input,
        `Input '${input}' is '${value}' but the ARN in '${source.input}' is in '${fromArn}': ` +
          `RDS exports a source in its own region; remove aws-region or make them agree.`
      )
    }
    return value
  }
  if (fromArn) return fromArn
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const region = env[name]?.trim()
    if (!region) continue
    if (!isRegion(region)) {
      throw new InputError(
        input,
        `Environment variable ${name} must be a region like us-east-1; got ${quote(region)}: ` +
          `fix it or set the aws-region input.`
      )
    }
    return region
  }
  throw new InputError(
    input,
    `Input '${input}' is not set and nothing else names a region: set aws-region (like us-east-1), ` +
      `give the source as an ARN, or set AWS_REGION (aws-actions/configure-aws-credentials does).`
  )
}

// --- All inputs -----------------------------------------------------------------------------

const START_ONLY_INPUTS = [
  ...SOURCE_INPUTS,
  's3-bucket-name',
  's3-prefix',
  'iam-role-arn',
  'kms-key-id',
  'export-only'
] as const

/**
 * Checks the inputs and returns the Config, plus warnings for inputs that are given but have no
 * effect. `read` returns an input's value like core.getInput ('' when unset); '' means the
 * action.yml default. `env` supplies AWS_REGION and AWS_DEFAULT_REGION. Throws an InputError on
 * the first broken rule: mode first, then the source (or the task for the other modes), then the
 * rest in the order of action.yml.
 */
export function parseInputs(
  read: (name: string) => string,
  env: Record<string, string | undefined>
): { config: Config; warnings: string[] } {
  const warnings: string[] = []
  const raw = (name: string): string => read(name).trim()
  const get = (name: keyof typeof INPUT_DEFAULTS): string => raw(name) || INPUT_DEFAULTS[name]

  const mode = oneOf('mode', get('mode'), MODES)
  const start = mode === 'start'

  const taskIdentifier = raw('export-task-identifier')
  if (!start && taskIdentifier === '') {
    throw new InputError(
      'export-task-identifier',
      `Input 'export-task-identifier' is required with mode '${mode}': name the export task to ${{ wait: 'wait for', status: 'read', cancel: 'cancel' }[mode]}.`
    )
  }

  const snapshotType = oneOf('snapshot-type', get('snapshot-type'), SNAPSHOT_TYPES)
  let source: SourceInput | undefined
  if (start) {
    source = parseSource(raw, snapshotType)
    if (snapshotType !== 'any' && !('snapshotType' in source)) {
      warnings.push(
        `Input 'snapshot-type' is ignored with '${source.input}': it only chooses among the snapshots of a db-instance-identifier or db-cluster-identifier.`
      )
    }
  } else {
    const ignored: string[] = START_ONLY_INPUTS.filter(name => raw(name) !== '')
    if (snapshotType !== 'any') ignored.push('snapshot-type')
    if (raw('if-exists') !== '' && raw('if-exists') !== INPUT_DEFAULTS['if-exists']) {
      ignored.push('if-exists')
    }
    const max = raw('max-concurrent-exports')
    if (max !== '' && max !== INPUT_DEFAULTS['max-concurrent-exports']) {
      ignored.push('max-concurrent-exports')
    }
    if (ignored.length > 0) {
      const one = ignored.length === 1
      warnings.push(
        `${one ? 'Input' : 'Inputs'} ${ignored.map(n => `'${n}'`).join(', ')} only ${one ? 'applies' : 'apply'} ` +
          `to mode 'start'; mode '${mode}' ignores ${one ? 'it' : 'them'} and uses the task named by export-task-identifier.`
      )
    }
  }

  const s3BucketName = start ? parseBucket(raw('s3-bucket-name')) : ''
  const s3Prefix = start ? parsePrefix(get('s3-prefix')) : ''
  let iamRoleArn = ''
  if (start) {
    const value = raw('iam-role-arn')
    if (value === '') {
      throw new InputError(
        'iam-role-arn',
        "Input 'iam-role-arn' is required with mode 'start': the role RDS assumes to write to the bucket."
      )
    }
    iamRoleArn = parseRoleArn('iam-role-arn', value)
  }
  const kmsKeyId = start ? parseKmsKey(raw('kms-key-id')) : ''
  const exportOnly = start ? parseExportOnly(get('export-only')) : []

  if (taskIdentifier !== '') {
    const problem = exportTaskIdentifierProblem(taskIdentifier)
    if (problem) {
      throw refuse(
        'export-task-identifier',
        "must be 1-60 letters, digits and hyphens, beginning with a letter, without '--', not ending in '-'",
        taskIdentifier,
        `it ${problem}`
      )
    }
  }

  const ifExists = oneOf('if-exists', get('if-exists'), IF_EXISTS)
  const maxConcurrentExports = parseInteger(
    'max-concurrent-exports',
    get('max-concurrent-exports'),
    1,
    Infinity,
    'exports'
  )
  if (start && maxConcurrentExports > RDS_ACTIVE_EXPORT_LIMIT) {
    warnings.push(
      `Input 'max-concurrent-exports' is ${maxConcurrentExports}, but RDS allows at most ${RDS_ACTIVE_EXPORT_LIMIT} exports in progress per account and region: above that, starting fails instead of waiting for a slot.`
    )
  }

  const region = resolveRegion(raw('aws-region'), source, env)

  const roleToAssume = raw('role-to-assume')
  if (roleToAssume !== '') parseRoleArn('role-to-assume', roleToAssume)
  const audience = get('audience')
  const roleSessionName = raw('role-session-name')
  if (roleSessionName !== '' && !/^[\w+=,.@-]{2,64}$/.test(roleSessionName)) {
    throw refuse(
      'role-session-name',
      'must be 2-64 letters, digits and the characters + = , . @ _ -',
      roleSessionName
    )
  }
  const roleDurationSeconds = parseInteger(
    'role-duration-seconds',
    get('role-duration-seconds'),
    900,
    43200,
    'seconds'
  )
  if (roleToAssume === '') {
    const unused = ['role-session-name', 'role-duration-seconds'].filter(
      name => raw(name) !== '' && raw(name) !== (INPUT_DEFAULTS as Record<string, string>)[name]
    )
    if (unused.length > 0) {
      warnings.push(
        `${unused.map(n => `Input '${n}'`).join(' and ')} ${unused.length === 1 ? 'is' : 'are'} ignored without role-to-assume: the AWS SDK's default credentials are used.`
      )
    }
  }

  const wait = parseBoolean('wait', get('wait')) || mode === 'wait'
  const waitTimeoutMinutes = parseDecimal(
    'wait-timeout-minutes',
    get('wait-timeout-minutes'),
    0,
    false,
    '330 or 0.5'
  )
  const onTimeout = oneOf('on-timeout', get('on-timeout'), ON_TIMEOUT)
  const pollIntervalSeconds = parseDecimal(
    'poll-interval-seconds',
    get('poll-interval-seconds'),
    5,
    true,
    '60'
  )
  const cancelOnAbort = parseBoolean('cancel-on-abort', get('cancel-on-abort'))
  const failOnWarning = parseBoolean('fail-on-warning', get('fail-on-warning'))
  const summary = parseBoolean('summary', get('summary'))

  const config: Config = {
    mode,
    ...(source ? { source } : {}),
    s3BucketName,
    s3Prefix,
    iamRoleArn,
    kmsKeyId,
    exportOnly,
    ...(taskIdentifier !== '' ? { exportTaskIdentifier: taskIdentifier } : {}),
    ifExists,
    maxConcurrentExports,
    region,
    ...(roleToAssume !== '' ? { roleToAssume } : {}),
    audience,
    ...(roleSessionName !== '' ? { roleSessionName } : {}),
    roleDurationSeconds,
    wait,
    waitTimeoutMinutes,
    onTimeout,
    pollIntervalSeconds,
    cancelOnAbort,
    failOnWarning,
    summary
  }
  return { config, warnings }
}
