import { describe, test, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import type { Config } from '../src/config.js'
import {
  INPUT_DEFAULTS,
  InputError,
  SOURCE_INPUTS,
  exportOnlyProblem,
  parseInputs,
  quote,
  splitExportOnly
} from '../src/inputs/index.js'

type Inputs = Record<string, string | undefined>

const SNAPSHOT_ARN = 'arn:aws:rds:us-east-1:123456789012:snapshot:manual-1'
const ROLE_ARN = 'arn:aws:iam::123456789012:role/rds-s3-export'
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

// The smallest valid start, as a local run gives it (no defaults filled in).
const base: Inputs = {
  'source-arn': SNAPSHOT_ARN,
  's3-bucket-name': 'my-bucket',
  'iam-role-arn': ROLE_ARN,
  'kms-key-id': KEY_ARN
}

function parse(inputs: Inputs, env: Inputs = {}) {
  return parseInputs(name => inputs[name] ?? '', env)
}

function withBase(overrides: Inputs): Inputs {
  const inputs = { ...base, ...overrides }
  for (const [name, value] of Object.entries(inputs)) if (value === undefined) delete inputs[name]
  return inputs
}

function refusal(inputs: Inputs, env: Inputs = {}): InputError {
  try {
    parse(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

const actionYml = parseYaml(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

describe('defaults', () => {
  const expected: Config = {
    mode: 'start',
    source: { input: 'source-arn', arn: SNAPSHOT_ARN },
    s3BucketName: 'my-bucket',
    s3Prefix: '',
    iamRoleArn: ROLE_ARN,
    kmsKeyId: KEY_ARN,
    exportOnly: [],
    ifExists: 'attach',
    maxConcurrentExports: 5,
    region: 'us-east-1',
    audience: 'sts.amazonaws.com',
    roleDurationSeconds: 3600,
    wait: false,
    waitTimeoutMinutes: 330,
    onTimeout: 'fail',
    pollIntervalSeconds: 60,
    cancelOnAbort: true,
    failOnWarning: false,
    summary: true
  }

  test('a local run without defaults gets the action.yml defaults', () => {
    expect(parse(base)).toEqual({ config: expected, warnings: [] })
  })

  test('the runner filling in action.yml defaults gives the same config', () => {
    const filled: Inputs = { ...base }
    for (const [name, spec] of Object.entries(actionYml.inputs)) {
      if (spec.default !== undefined) filled[name] = spec.default
    }
    expect(parse(filled)).toEqual({ config: expected, warnings: [] })
  })

  test('INPUT_DEFAULTS are exactly the defaults of action.yml', () => {
    const fromYml = Object.fromEntries(
      Object.entries(actionYml.inputs)
        .filter(([, spec]) => spec.default !== undefined)
        .map(([name, spec]) => [name, spec.default])
    )
    expect(INPUT_DEFAULTS).toEqual(fromYml)
  })

  test('every input read is declared in action.yml, and every declared one is read', () => {
    const read = new Set<string>()
    parseInputs(name => {
      read.add(name)
      return base[name] ?? ''
    }, {})
    parseInputs(name => {
      read.add(name)
      return (
        { mode: 'status', 'export-task-identifier': 'x', 'aws-region': 'us-east-1' }[name] ?? ''
      )
    }, {})
    expect([...read].sort()).toEqual(Object.keys(actionYml.inputs).sort())
  })

  test('values are trimmed', () => {
    const { config } = parse(withBase({ 's3-bucket-name': '  my-bucket \n', mode: ' start ' }))
    expect(config.s3BucketName).toBe('my-bucket')
  })
})

describe('InputError', () => {
  test('names the input and is an Error', () => {
    const error = refusal(withBase({ mode: 'begin' }))
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('InputError')
    expect(error.input).toBe('mode')
    expect(error.message).toBe(
      "Input 'mode' must be one of start, wait, status, cancel; got 'begin'."
    )
  })

  test('messages are one line, and long values are cut', () => {
    const error = refusal(withBase({ 's3-bucket-name': `Bad\n${'x'.repeat(500)}` }))
    expect(error.message).not.toContain('\n')
    expect(error.message).toContain("got 'Bad\\nxxx")
    expect(error.message.length).toBeLessThan(300)
  })

  test('quote escapes control characters and cuts to about 80', () => {
    expect(quote('a\tb')).toBe("'a\\u0009b'")
    expect(quote('x'.repeat(200))).toBe(`'${'x'.repeat(77)}...'`)
    expect(quote('x'.repeat(80))).toBe(`'${'x'.repeat(80)}'`)
  })
})

// [case, inputs, env, the input named, a phrase of the message]
const refusals: [string, Inputs, Inputs, string, string][] = [
  // mode
  [
    'unknown mode',
    withBase({ mode: 'run' }),
    {},
    'mode',
    'must be one of start, wait, status, cancel'
  ],
  [
    'mode in upper case',
    withBase({ mode: 'Start' }),
    {},
    'mode',
    "write it in lower case, 'start'"
  ],

  // sources
  [
    'no source',
    withBase({ 'source-arn': undefined }),
    {},
    'source-arn',
    "set exactly one of the inputs 'source-arn', 'db-snapshot-identifier', 'db-cluster-snapshot-identifier', 'db-instance-identifier', 'db-cluster-identifier'"
  ],
  [
    'two sources',
    withBase({ 'db-instance-identifier': 'prod' }),
    {},
    'source-arn',
    "Set only one source input; got 'source-arn' and 'db-instance-identifier'."
  ],
  [
    'three sources',
    withBase({ 'db-snapshot-identifier': 'a', 'db-cluster-identifier': 'b' }),
    {},
    'source-arn',
    "'source-arn' and 'db-snapshot-identifier' and 'db-cluster-identifier'"
  ],
  [
    'source-arn not an ARN',
    withBase({ 'source-arn': 'manual-1' }),
    {},
    'source-arn',
    'must be an ARN like'
  ],
  [
    'source-arn of another service',
    withBase({ 'source-arn': 'arn:aws:s3:::my-bucket' }),
    {},
    'source-arn',
    "must be an RDS ARN (service 'rds')"
  ],
  [
    'source-arn with a short account',
    withBase({ 'source-arn': 'arn:aws:rds:us-east-1:12345:snapshot:x' }),
    {},
    'source-arn',
    '12-digit AWS account'
  ],
  [
    'source-arn of an instance',
    withBase({ 'source-arn': 'arn:aws:rds:us-east-1:123456789012:db:prod' }),
    {},
    'source-arn',
    "not instances; got 'arn:aws:rds:us-east-1:123456789012:db:prod': use 'db-instance-identifier: prod'"
  ],
  [
    'source-arn of a parameter group',
    withBase({ 'source-arn': 'arn:aws:rds:us-east-1:123456789012:pg:default' }),
    {},
    'source-arn',
    "DB snapshot (':snapshot:'), DB cluster snapshot (':cluster-snapshot:') or Aurora DB cluster (':cluster:')"
  ],
  [
    'snapshot name with an underscore',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 'my_snap' }),
    {},
    'db-snapshot-identifier',
    "'_' is not allowed in a name"
  ],
  [
    'snapshot name beginning with a digit',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': '1snap' }),
    {},
    'db-snapshot-identifier',
    'a name begins with a letter'
  ],
  [
    'automated snapshot name without a name',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 'rds:' }),
    {},
    'db-snapshot-identifier',
    "the name after 'rds:' is missing"
  ],
  [
    'snapshot name too long',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 's'.repeat(256) }),
    {},
    'db-snapshot-identifier',
    'it has 256 characters, at most 255'
  ],
  [
    'cluster snapshot ARN as a DB snapshot',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:c1'
    }),
    {},
    'db-snapshot-identifier',
    "put it in 'db-cluster-snapshot-identifier' or 'source-arn'"
  ],
  [
    'cluster ARN as a DB snapshot',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'arn:aws:rds:us-east-1:123456789012:cluster:c1'
    }),
    {},
    'db-snapshot-identifier',
    "put it in 'source-arn' for a live export"
  ],
  [
    'instance ARN as a DB snapshot',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'arn:aws:rds:us-east-1:123456789012:db:prod'
    }),
    {},
    'db-snapshot-identifier',
    "use 'db-instance-identifier: prod'"
  ],
  [
    'snapshot ARN as a cluster snapshot',
    withBase({
      'source-arn': undefined,
      'db-cluster-snapshot-identifier': 'arn:aws:rds:us-east-1:123456789012:snapshot:s1'
    }),
    {},
    'db-cluster-snapshot-identifier',
    "put it in 'db-snapshot-identifier' or 'source-arn'"
  ],
  [
    'cluster snapshot name with a dot',
    withBase({ 'source-arn': undefined, 'db-cluster-snapshot-identifier': 'aurora.snap' }),
    {},
    'db-cluster-snapshot-identifier',
    "must be a DB cluster snapshot name (letters, digits and hyphens; automated 'rds:...' and AWS Backup 'awsbackup:...' names too) or a DB cluster snapshot ARN (':cluster-snapshot:'); got 'aurora.snap': '.' is not allowed in a name."
  ],
  [
    'instance identifier with two hyphens',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'prod--db' }),
    {},
    'db-instance-identifier',
    "it must not contain two hyphens in a row ('--')"
  ],
  [
    'instance identifier ending in a hyphen',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'prod-' }),
    {},
    'db-instance-identifier',
    'it must not end with a hyphen'
  ],
  [
    'instance identifier beginning with a digit',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': '9prod' }),
    {},
    'db-instance-identifier',
    'must be a DB instance identifier (1-63 letters, digits and hyphens, beginning with a letter)'
  ],
  [
    'instance identifier too long',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'p'.repeat(64) }),
    {},
    'db-instance-identifier',
    'at most 63 characters long; it has 64'
  ],
  [
    'instance identifier given as an ARN',
    withBase({
      'source-arn': undefined,
      'db-instance-identifier': 'arn:aws:rds:us-east-1:123456789012:db:prod'
    }),
    {},
    'db-instance-identifier',
    "give the name, 'prod', not the ARN"
  ],
  [
    'cluster identifier with an underscore',
    withBase({ 'source-arn': undefined, 'db-cluster-identifier': 'aurora_1' }),
    {},
    'db-cluster-identifier',
    "must be a DB cluster identifier (1-63 letters, digits and hyphens, beginning with a letter); got 'aurora_1': it may contain only ASCII letters, digits and hyphens"
  ],
  [
    'unknown snapshot type',
    withBase({
      'source-arn': undefined,
      'db-instance-identifier': 'prod',
      'snapshot-type': 'shared'
    }),
    {},
    'snapshot-type',
    'must be one of automated, manual, awsbackup, any'
  ],

  // s3-bucket-name
  [
    'no bucket',
    withBase({ 's3-bucket-name': undefined }),
    {},
    's3-bucket-name',
    "Input 's3-bucket-name' is required with mode 'start'"
  ],
  [
    'bucket as an s3:// URI with a prefix',
    withBase({ 's3-bucket-name': 's3://my-bucket/exports' }),
    {},
    's3-bucket-name',
    "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 's3://my-bucket/exports': put 'my-bucket' in s3-bucket-name and 'exports' in s3-prefix."
  ],
  [
    'bucket as an s3:// URI with a deep prefix and slashes',
    withBase({ 's3-bucket-name': 'S3://my-bucket/exports/daily/' }),
    {},
    's3-bucket-name',
    "put 'my-bucket' in s3-bucket-name and 'exports/daily' in s3-prefix."
  ],
  [
    'bucket as an s3:// URI without a prefix',
    withBase({ 's3-bucket-name': 's3://my-bucket/' }),
    {},
    's3-bucket-name',
    "got 's3://my-bucket/': put 'my-bucket' in s3-bucket-name."
  ],
  [
    'bucket as an S3 ARN',
    withBase({ 's3-bucket-name': 'arn:aws:s3:::my-bucket' }),
    {},
    's3-bucket-name',
    "got 'arn:aws:s3:::my-bucket': put 'my-bucket' in s3-bucket-name."
  ],
  [
    'bucket as an S3 ARN with a key',
    withBase({ 's3-bucket-name': 'arn:aws:s3:::my-bucket/exports/*' }),
    {},
    's3-bucket-name',
    "put 'my-bucket' in s3-bucket-name and 'exports/*' in s3-prefix"
  ],
  [
    'bucket too short',
    withBase({ 's3-bucket-name': 'ab' }),
    {},
    's3-bucket-name',
    "got 'ab': it has 2 characters"
  ],
  [
    'bucket too long',
    withBase({ 's3-bucket-name': 'b'.repeat(64) }),
    {},
    's3-bucket-name',
    'it has 64 characters'
  ],
  [
    'bucket in upper case',
    withBase({ 's3-bucket-name': 'My-Bucket' }),
    {},
    's3-bucket-name',
    "'M' is not allowed (only lower case)"
  ],
  [
    'bucket with an underscore',
    withBase({ 's3-bucket-name': 'my_bucket' }),
    {},
    's3-bucket-name',
    "'_' is not allowed"
  ],
  [
    'bucket ending in a hyphen',
    withBase({ 's3-bucket-name': 'my-bucket-' }),
    {},
    's3-bucket-name',
    'it must begin and end with a letter or digit'
  ],
  [
    'bucket beginning with a dot',
    withBase({ 's3-bucket-name': '.my-bucket' }),
    {},
    's3-bucket-name',
    'it must begin and end with a letter or digit'
  ],
  [
    'bucket with ..',
    withBase({ 's3-bucket-name': 'my..bucket' }),
    {},
    's3-bucket-name',
    "it must not contain '..'"
  ],
  [
    'bucket shaped like an IP address',
    withBase({ 's3-bucket-name': '192.168.5.4' }),
    {},
    's3-bucket-name',
    'it must not look like an IP address'
  ],

  // s3-prefix
  [
    'prefix with a colon',
    withBase({ 's3-prefix': 'a:b' }),
    {},
    's3-prefix',
    "must not contain ':' (RDS refuses it)"
  ],
  [
    'prefix as an s3:// URI',
    withBase({ 's3-prefix': 's3://my-bucket/exports' }),
    {},
    's3-prefix',
    'give only the key prefix, like exports/daily'
  ],
  [
    'prefix with a tab',
    withBase({ 's3-prefix': 'a\tb' }),
    {},
    's3-prefix',
    'must not contain control characters'
  ],
  [
    'prefix too long',
    withBase({ 's3-prefix': 'p'.repeat(1025) }),
    {},
    's3-prefix',
    'at most 1024 bytes'
  ],

  // iam-role-arn
  [
    'no export role',
    withBase({ 'iam-role-arn': undefined }),
    {},
    'iam-role-arn',
    'is required with mode'
  ],
  [
    'export role as a name',
    withBase({ 'iam-role-arn': 'rds-s3-export' }),
    {},
    'iam-role-arn',
    "give the role's ARN, arn:aws:iam::<account>:role/rds-s3-export"
  ],
  [
    'export role as a user ARN',
    withBase({ 'iam-role-arn': 'arn:aws:iam::123456789012:user/bob' }),
    {},
    'iam-role-arn',
    "this is a 'user' ARN, not a role"
  ],
  [
    'export role in another service',
    withBase({ 'iam-role-arn': 'arn:aws:sts::123456789012:assumed-role/x/y' }),
    {},
    'iam-role-arn',
    "this is a 'sts' ARN"
  ],
  [
    'export role with a short account',
    withBase({ 'iam-role-arn': 'arn:aws:iam::1234:role/x' }),
    {},
    'iam-role-arn',
    'the account must be 12 digits'
  ],
  [
    'export role with a region',
    withBase({ 'iam-role-arn': 'arn:aws:iam:us-east-1:123456789012:role/x' }),
    {},
    'iam-role-arn',
    'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
  ],

  // kms-key-id
  [
    'no key',
    withBase({ 'kms-key-id': undefined }),
    {},
    'kms-key-id',
    "is required with mode 'start'"
  ],
  [
    'key id not a UUID',
    withBase({ 'kms-key-id': '1234abcd' }),
    {},
    'kms-key-id',
    'must be a KMS key ARN, key id, alias ARN or alias/name'
  ],
  [
    'alias with a space',
    withBase({ 'kms-key-id': 'alias/my key' }),
    {},
    'kms-key-id',
    'alias names are'
  ],
  [
    'key ARN of another service',
    withBase({ 'kms-key-id': 'arn:aws:rds:us-east-1:123456789012:key/x' }),
    {},
    'kms-key-id',
    "this is a 'rds' ARN"
  ],
  [
    'key ARN with a bad key id',
    withBase({ 'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/not-a-uuid' }),
    {},
    'kms-key-id',
    'a key id is a UUID or mrk-<32 hex digits>'
  ],
  [
    'key ARN without a region',
    withBase({
      'kms-key-id': 'arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    }),
    {},
    'kms-key-id',
    'the ARN must name a region'
  ],
  [
    'KMS ARN of a grant',
    withBase({ 'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:grant/x' }),
    {},
    'kms-key-id',
    "a KMS ARN ends with 'key/<id>' or 'alias/<name>'"
  ],

  // export-only
  [
    'export-only with four parts',
    withBase({ 'export-only': 'db.schema.table.column' }),
    {},
    'export-only',
    "got 'db.schema.table.column': it has 4 parts, at most 3 are allowed"
  ],
  [
    'export-only with an empty part',
    withBase({ 'export-only': 'db1\ndb..table' }),
    {},
    'export-only',
    "got 'db..table': it has an empty part"
  ],
  [
    'export-only with a hyphen',
    withBase({ 'export-only': 'db1, my-db' }),
    {},
    'export-only',
    "got 'my-db': '-' is not allowed"
  ],

  // export-task-identifier
  [
    'identifier with a colon',
    withBase({ 'export-task-identifier': 'rds:export' }),
    {},
    'export-task-identifier',
    "got 'rds:export': it may contain only ASCII letters, digits and hyphens; found ':'"
  ],
  [
    'identifier too long',
    withBase({ 'export-task-identifier': 'e'.repeat(61) }),
    {},
    'export-task-identifier',
    'it must be at most 60 characters long'
  ],
  [
    'identifier with a trailing hyphen',
    withBase({ 'export-task-identifier': 'export-' }),
    {},
    'export-task-identifier',
    'it must not end with a hyphen'
  ],
  [
    'identifier missing for wait',
    { mode: 'wait', 'aws-region': 'us-east-1' },
    {},
    'export-task-identifier',
    "Input 'export-task-identifier' is required with mode 'wait': name the export task to wait for."
  ],
  [
    'identifier missing for status',
    { mode: 'status' },
    {},
    'export-task-identifier',
    "required with mode 'status'"
  ],
  [
    'identifier missing for cancel',
    { mode: 'cancel' },
    {},
    'export-task-identifier',
    "required with mode 'cancel'"
  ],

  // if-exists, max-concurrent-exports
  [
    'unknown if-exists',
    withBase({ 'if-exists': 'replace' }),
    {},
    'if-exists',
    'must be one of attach, fail'
  ],
  [
    'max-concurrent-exports zero',
    withBase({ 'max-concurrent-exports': '0' }),
    {},
    'max-concurrent-exports',
    'must be a whole number of exports, at least 1'
  ],
  [
    'max-concurrent-exports decimal',
    withBase({ 'max-concurrent-exports': '2.5' }),
    {},
    'max-concurrent-exports',
    'whole number'
  ],
  [
    'max-concurrent-exports word',
    withBase({ 'max-concurrent-exports': 'five' }),
    {},
    'max-concurrent-exports',
    "got 'five'"
  ],

  // aws-region
  [
    'malformed region',
    withBase({ 'aws-region': 'useast1' }),
    {},
    'aws-region',
    'must be a region like us-east-1'
  ],
  [
    'region disagreeing with the source ARN',
    withBase({ 'aws-region': 'eu-west-1' }),
    {},
    'aws-region',
    "Input 'aws-region' is 'eu-west-1' but the ARN in 'source-arn' is in 'us-east-1'"
  ],
  [
    'region disagreeing with a snapshot ARN in db-snapshot-identifier',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'arn:aws:rds:ap-southeast-4:123456789012:snapshot:shared',
      'aws-region': 'us-east-1'
    }),
    {},
    'aws-region',
    "the ARN in 'db-snapshot-identifier' is in 'ap-southeast-4'"
  ],
  [
    'no region anywhere',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 'manual-1' }),
    {},
    'aws-region',
    'set aws-region (like us-east-1)'
  ],
  [
    'malformed AWS_REGION',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 'manual-1' }),
    { AWS_REGION: 'Frankfurt' },
    'aws-region',
    "Environment variable AWS_REGION must be a region like us-east-1; got 'Frankfurt'"
  ],
  [
    'malformed AWS_DEFAULT_REGION',
    withBase({ 'source-arn': undefined, 'db-snapshot-identifier': 'manual-1' }),
    { AWS_DEFAULT_REGION: 'eu_west_1' },
    'aws-region',
    'Environment variable AWS_DEFAULT_REGION'
  ],

  // credentials
  [
    'role-to-assume not an ARN',
    withBase({ 'role-to-assume': 'deploy' }),
    {},
    'role-to-assume',
    "give the role's ARN, arn:aws:iam::<account>:role/deploy"
  ],
  [
    'session name too short',
    withBase({ 'role-to-assume': ROLE_ARN, 'role-session-name': 'x' }),
    {},
    'role-session-name',
    'must be 2-64 letters, digits and the characters + = , . @ _ -'
  ],
  [
    'session name with a space',
    withBase({ 'role-to-assume': ROLE_ARN, 'role-session-name': 'my session' }),
    {},
    'role-session-name',
    "got 'my session'"
  ],
  [
    'session name too long',
    withBase({ 'role-to-assume': ROLE_ARN, 'role-session-name': 's'.repeat(65) }),
    {},
    'role-session-name',
    'must be 2-64'
  ],
  [
    'role duration too short',
    withBase({ 'role-duration-seconds': '899' }),
    {},
    'role-duration-seconds',
    'must be a whole number of seconds, 900-43200'
  ],
  [
    'role duration too long',
    withBase({ 'role-duration-seconds': '43201' }),
    {},
    'role-duration-seconds',
    '900-43200'
  ],
  [
    'role duration in hours',
    withBase({ 'role-duration-seconds': '1h' }),
    {},
    'role-duration-seconds',
    "got '1h'"
  ],

  // waiting
  [
    'wait yes',
    withBase({ wait: 'yes' }),
    {},
    'wait',
    "must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'"
  ],
  ['wait 1', withBase({ wait: '1' }), {}, 'wait', 'must be a boolean'],
  ['wait tRUE', withBase({ wait: 'tRUE' }), {}, 'wait', 'must be a boolean'],
  [
    'wait-timeout text',
    withBase({ 'wait-timeout-minutes': 'abc' }),
    {},
    'wait-timeout-minutes',
    'must be a number greater than 0, like 330 or 0.5'
  ],
  [
    'wait-timeout zero',
    withBase({ 'wait-timeout-minutes': '0' }),
    {},
    'wait-timeout-minutes',
    'greater than 0'
  ],
  [
    'wait-timeout 0.0',
    withBase({ 'wait-timeout-minutes': '0.0' }),
    {},
    'wait-timeout-minutes',
    'greater than 0'
  ],
  [
    'wait-timeout negative',
    withBase({ 'wait-timeout-minutes': '-1' }),
    {},
    'wait-timeout-minutes',
    "got '-1'"
  ],
  [
    'wait-timeout exponent',
    withBase({ 'wait-timeout-minutes': '1e9999' }),
    {},
    'wait-timeout-minutes',
    "got '1e9999'"
  ],
  [
    'wait-timeout Infinity',
    withBase({ 'wait-timeout-minutes': 'Infinity' }),
    {},
    'wait-timeout-minutes',
    'greater than 0'
  ],
  [
    'wait-timeout too big for a number',
    withBase({ 'wait-timeout-minutes': '9'.repeat(400) }),
    {},
    'wait-timeout-minutes',
    'greater than 0'
  ],
  [
    'wait-timeout with a unit',
    withBase({ 'wait-timeout-minutes': '10m' }),
    {},
    'wait-timeout-minutes',
    "got '10m'"
  ],
  [
    'wait-timeout hex',
    withBase({ 'wait-timeout-minutes': '0x10' }),
    {},
    'wait-timeout-minutes',
    "got '0x10'"
  ],
  [
    'unknown on-timeout',
    withBase({ 'on-timeout': 'ignore' }),
    {},
    'on-timeout',
    'must be one of fail, continue, cancel'
  ],
  [
    'poll interval too short',
    withBase({ 'poll-interval-seconds': '4.9' }),
    {},
    'poll-interval-seconds',
    'must be a number at least 5, like 60'
  ],
  [
    'poll interval text',
    withBase({ 'poll-interval-seconds': '1min' }),
    {},
    'poll-interval-seconds',
    "got '1min'"
  ],
  [
    'cancel-on-abort on',
    withBase({ 'cancel-on-abort': 'on' }),
    {},
    'cancel-on-abort',
    'must be a boolean'
  ],
  [
    'fail-on-warning no',
    withBase({ 'fail-on-warning': 'no' }),
    {},
    'fail-on-warning',
    'must be a boolean'
  ],
  ['summary y', withBase({ summary: 'y' }), {}, 'summary', 'must be a boolean']
]

describe('refusals', () => {
  test.each(refusals)('%s', (_case, inputs, env, input, phrase) => {
    const error = refusal(inputs, env)
    expect(error.input).toBe(input)
    expect(error.message).toContain(phrase)
    expect(error.message).not.toContain('\n')
  })
})

describe('order of checks', () => {
  test('mode comes before the source', () => {
    expect(refusal({ mode: 'go' }).input).toBe('mode')
  })

  test('the source comes before the destination', () => {
    expect(refusal({ 'source-arn': 'x' }).input).toBe('source-arn')
  })

  test('the destination in the order of action.yml', () => {
    expect(refusal(withBase({ 's3-bucket-name': 'B', 'kms-key-id': 'x' })).input).toBe(
      's3-bucket-name'
    )
    expect(refusal(withBase({ 'iam-role-arn': 'x', 'kms-key-id': 'x' })).input).toBe('iam-role-arn')
  })

  test('for the other modes the task identifier comes right after mode', () => {
    expect(refusal({ mode: 'wait', wait: 'maybe' }).input).toBe('export-task-identifier')
  })
})

// [case, inputs, env, part of the config expected]
const accepted: [string, Inputs, Inputs, Partial<Config>][] = [
  // sources
  [
    'automated snapshot ARN',
    withBase({
      'source-arn': 'arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-db-2026-11-25-03-10'
    }),
    {},
    {
      source: {
        input: 'source-arn',
        arn: 'arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-db-2026-11-25-03-10'
      }
    }
  ],
  [
    'cluster snapshot ARN',
    withBase({ 'source-arn': 'arn:aws:rds:eu-central-2:123456789012:cluster-snapshot:c1' }),
    {},
    {
      source: {
        input: 'source-arn',
        arn: 'arn:aws:rds:eu-central-2:123456789012:cluster-snapshot:c1'
      },
      region: 'eu-central-2'
    }
  ],
  [
    'live Aurora cluster ARN in GovCloud',
    withBase({ 'source-arn': 'arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:aurora' }),
    {},
    { region: 'us-gov-west-1' }
  ],
  [
    'manual snapshot name',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'Manual-Snap-1',
      'aws-region': 'us-east-1'
    }),
    {},
    { source: { input: 'db-snapshot-identifier', identifier: 'Manual-Snap-1' } }
  ],
  [
    'automated snapshot name',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'rds:prod-db-2026-11-25-03-10',
      'aws-region': 'us-east-1'
    }),
    {},
    { source: { input: 'db-snapshot-identifier', identifier: 'rds:prod-db-2026-11-25-03-10' } }
  ],
  [
    'AWS Backup snapshot name',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'awsbackup:job-8a3f0c2e-1b2c-4d5e-9f00-112233445566',
      'aws-region': 'us-east-1'
    }),
    {},
    {
      source: {
        input: 'db-snapshot-identifier',
        identifier: 'awsbackup:job-8a3f0c2e-1b2c-4d5e-9f00-112233445566'
      }
    }
  ],
  [
    'shared snapshot ARN in db-snapshot-identifier gives the region',
    withBase({
      'source-arn': undefined,
      'db-snapshot-identifier': 'arn:aws:rds:eu-west-1:210987654321:snapshot:shared-1'
    }),
    { AWS_REGION: 'us-east-1' },
    {
      source: {
        input: 'db-snapshot-identifier',
        identifier: 'arn:aws:rds:eu-west-1:210987654321:snapshot:shared-1'
      },
      region: 'eu-west-1'
    }
  ],
  [
    'automated cluster snapshot name',
    withBase({
      'source-arn': undefined,
      'db-cluster-snapshot-identifier': 'rds:aurora-2026-11-25-03-10',
      'aws-region': 'us-east-1'
    }),
    {},
    {
      source: { input: 'db-cluster-snapshot-identifier', identifier: 'rds:aurora-2026-11-25-03-10' }
    }
  ],
  [
    'cluster snapshot ARN in db-cluster-snapshot-identifier',
    withBase({
      'source-arn': undefined,
      'db-cluster-snapshot-identifier': 'arn:aws:rds:us-west-2:123456789012:cluster-snapshot:c1'
    }),
    {},
    { region: 'us-west-2' }
  ],
  [
    'instance with the default snapshot type',
    withBase({
      'source-arn': undefined,
      'db-instance-identifier': 'prod-db',
      'aws-region': 'us-east-1'
    }),
    {},
    { source: { input: 'db-instance-identifier', identifier: 'prod-db', snapshotType: 'any' } }
  ],
  [
    'cluster with manual snapshots',
    withBase({
      'source-arn': undefined,
      'db-cluster-identifier': 'aurora-1',
      'snapshot-type': 'manual',
      'aws-region': 'us-east-1'
    }),
    {},
    { source: { input: 'db-cluster-identifier', identifier: 'aurora-1', snapshotType: 'manual' } }
  ],
  [
    'instance with automated and awsbackup',
    withBase({
      'source-arn': undefined,
      'db-instance-identifier': 'p'.repeat(63),
      'snapshot-type': 'awsbackup',
      'aws-region': 'us-east-1'
    }),
    {},
    {
      source: {
        input: 'db-instance-identifier',
        identifier: 'p'.repeat(63),
        snapshotType: 'awsbackup'
      }
    }
  ],

  // destination
  [
    'bucket with dots',
    withBase({ 's3-bucket-name': 'my.bucket.2026' }),
    {},
    { s3BucketName: 'my.bucket.2026' }
  ],
  ['bucket of 3 characters', withBase({ 's3-bucket-name': 'abc' }), {}, { s3BucketName: 'abc' }],
  [
    'bucket of 63 characters',
    withBase({ 's3-bucket-name': 'b'.repeat(63) }),
    {},
    { s3BucketName: 'b'.repeat(63) }
  ],
  [
    'prefix with slashes',
    withBase({ 's3-prefix': '/exports/daily/' }),
    {},
    { s3Prefix: 'exports/daily' }
  ],
  ['prefix of slashes only', withBase({ 's3-prefix': '//' }), {}, { s3Prefix: '' }],
  [
    'prefix with unicode',
    withBase({ 's3-prefix': 'données/été' }),
    {},
    { s3Prefix: 'données/été' }
  ],
  [
    'export role with a path in aws-cn',
    withBase({ 'iam-role-arn': 'arn:aws-cn:iam::123456789012:role/service-role/rds.export+1' }),
    {},
    { iamRoleArn: 'arn:aws-cn:iam::123456789012:role/service-role/rds.export+1' }
  ],
  [
    'key id',
    withBase({ 'kms-key-id': '1234ABCD-12ab-34cd-56ef-1234567890ab' }),
    {},
    { kmsKeyId: '1234ABCD-12ab-34cd-56ef-1234567890ab' }
  ],
  [
    'multi-region key id',
    withBase({ 'kms-key-id': 'mrk-1234abcd12ab34cd56ef1234567890ab' }),
    {},
    { kmsKeyId: 'mrk-1234abcd12ab34cd56ef1234567890ab' }
  ],
  [
    'alias',
    withBase({ 'kms-key-id': 'alias/rds/export_key-1' }),
    {},
    { kmsKeyId: 'alias/rds/export_key-1' }
  ],
  [
    'alias ARN',
    withBase({ 'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:alias/rds-export' }),
    {},
    { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:alias/rds-export' }
  ],
  [
    'multi-region key ARN',
    withBase({
      'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab'
    }),
    {},
    { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab' }
  ],
  [
    'export-only, lines and commas',
    withBase({ 'export-only': 'sales\n  sales.orders , app.public.users,\n\n$db_1.t$2 ,' }),
    {},
    { exportOnly: ['sales', 'sales.orders', 'app.public.users', '$db_1.t$2'] }
  ],
  [
    'export task identifier',
    withBase({ 'export-task-identifier': 'Nightly-Export-1' }),
    {},
    { exportTaskIdentifier: 'Nightly-Export-1' }
  ],
  ['if-exists fail', withBase({ 'if-exists': 'fail' }), {}, { ifExists: 'fail' }],
  [
    'max-concurrent-exports 1',
    withBase({ 'max-concurrent-exports': '1' }),
    {},
    { maxConcurrentExports: 1 }
  ],

  // region
  [
    'aws-region agreeing with the ARN',
    withBase({ 'aws-region': 'us-east-1' }),
    {},
    { region: 'us-east-1' }
  ],
  [
    'the ARN wins over AWS_REGION',
    withBase({}),
    { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' },
    { region: 'us-east-1' }
  ],
  [
    'aws-region wins over the environment',
    withBase({
      'source-arn': undefined,
      'db-instance-identifier': 'prod',
      'aws-region': 'il-central-1'
    }),
    { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' },
    { region: 'il-central-1' }
  ],
  [
    'AWS_REGION before AWS_DEFAULT_REGION',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'prod' }),
    { AWS_REGION: 'cn-north-1', AWS_DEFAULT_REGION: 'eu-west-2' },
    { region: 'cn-north-1' }
  ],
  [
    'AWS_DEFAULT_REGION last',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'prod' }),
    { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-southeast-4' },
    { region: 'ap-southeast-4' }
  ],
  [
    'a malformed AWS_DEFAULT_REGION does not matter when AWS_REGION is set',
    withBase({ 'source-arn': undefined, 'db-instance-identifier': 'prod' }),
    { AWS_REGION: 'eu-central-2', AWS_DEFAULT_REGION: 'nowhere' },
    { region: 'eu-central-2' }
  ],

  // credentials
  [
    'role to assume with its options',
    withBase({
      'role-to-assume': 'arn:aws:iam::123456789012:role/gha',
      audience: 'sts.amazonaws.com.cn',
      'role-session-name': 'deploy@repo_1.x=+,-',
      'role-duration-seconds': '43200'
    }),
    {},
    {
      roleToAssume: 'arn:aws:iam::123456789012:role/gha',
      audience: 'sts.amazonaws.com.cn',
      roleSessionName: 'deploy@repo_1.x=+,-',
      roleDurationSeconds: 43200
    }
  ],
  [
    'role duration 900',
    withBase({ 'role-duration-seconds': '900' }),
    {},
    { roleDurationSeconds: 900 }
  ],

  // waiting
  ['wait true', withBase({ wait: 'true' }), {}, { wait: true }],
  ['wait True', withBase({ wait: 'True' }), {}, { wait: true }],
  ['wait TRUE', withBase({ wait: 'TRUE' }), {}, { wait: true }],
  ['wait False', withBase({ wait: 'False' }), {}, { wait: false }],
  ['wait FALSE', withBase({ wait: 'FALSE' }), {}, { wait: false }],
  [
    'wait-timeout half a minute',
    withBase({ 'wait-timeout-minutes': '0.5' }),
    {},
    { waitTimeoutMinutes: 0.5 }
  ],
  [
    'wait-timeout .25',
    withBase({ 'wait-timeout-minutes': '.25' }),
    {},
    { waitTimeoutMinutes: 0.25 }
  ],
  ['wait-timeout 10.', withBase({ 'wait-timeout-minutes': '10.' }), {}, { waitTimeoutMinutes: 10 }],
  ['on-timeout continue', withBase({ 'on-timeout': 'continue' }), {}, { onTimeout: 'continue' }],
  ['on-timeout cancel', withBase({ 'on-timeout': 'cancel' }), {}, { onTimeout: 'cancel' }],
  ['poll interval 5', withBase({ 'poll-interval-seconds': '5' }), {}, { pollIntervalSeconds: 5 }],
  [
    'poll interval 7.5',
    withBase({ 'poll-interval-seconds': '7.5' }),
    {},
    { pollIntervalSeconds: 7.5 }
  ],
  [
    'the other booleans flipped',
    withBase({ 'cancel-on-abort': 'false', 'fail-on-warning': 'True', summary: 'FALSE' }),
    {},
    { cancelOnAbort: false, failOnWarning: true, summary: false }
  ],

  // other modes
  [
    'status needs only the task and a region',
    { mode: 'status', 'export-task-identifier': 'nightly-1' },
    { AWS_REGION: 'us-east-1' },
    {
      mode: 'status',
      exportTaskIdentifier: 'nightly-1',
      s3BucketName: '',
      s3Prefix: '',
      iamRoleArn: '',
      kmsKeyId: '',
      exportOnly: [],
      region: 'us-east-1',
      wait: false
    }
  ],
  [
    'mode wait implies wait',
    {
      mode: 'wait',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'us-east-1',
      wait: 'false'
    },
    {},
    { mode: 'wait', wait: true }
  ],
  [
    'cancel and wait',
    {
      mode: 'cancel',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'us-east-1',
      wait: 'true'
    },
    {},
    { mode: 'cancel', wait: true }
  ]
]

describe('accepted', () => {
  test.each(accepted)('%s', (_case, inputs, env, expected) => {
    const { config } = parse(inputs, env)
    expect(config).toMatchObject(expected)
  })

  test('a non-start mode has no source', () => {
    const { config } = parse({
      mode: 'status',
      'export-task-identifier': 'x',
      'aws-region': 'us-east-1'
    })
    expect(config).not.toHaveProperty('source')
    expect(config).not.toHaveProperty('roleToAssume')
    expect(config).not.toHaveProperty('roleSessionName')
  })
})

describe('warnings', () => {
  test('snapshot-type with a named snapshot', () => {
    const { warnings } = parse(withBase({ 'snapshot-type': 'manual' }))
    expect(warnings).toEqual([
      "Input 'snapshot-type' is ignored with 'source-arn': it only chooses among the snapshots of a db-instance-identifier or db-cluster-identifier."
    ])
  })

  test('snapshot-type any with a named snapshot is quiet', () => {
    expect(parse(withBase({ 'snapshot-type': 'any' })).warnings).toEqual([])
  })

  test('start-only inputs with another mode', () => {
    const { warnings } = parse({
      ...base,
      'snapshot-type': 'manual',
      'max-concurrent-exports': '5',
      'if-exists': 'fail',
      mode: 'wait',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'us-east-1'
    })
    expect(warnings).toEqual([
      "Inputs 'source-arn', 's3-bucket-name', 'iam-role-arn', 'kms-key-id', 'snapshot-type', 'if-exists' only apply to mode 'start'; mode 'wait' ignores them and uses the task named by export-task-identifier."
    ])
  })

  test('one source input with another mode, and it does not give the region', () => {
    const error = refusal({
      mode: 'status',
      'export-task-identifier': 'x',
      'source-arn': SNAPSHOT_ARN
    })
    expect(error.input).toBe('aws-region')
    const { warnings } = parse(
      { mode: 'status', 'export-task-identifier': 'x', 'db-instance-identifier': 'prod' },
      { AWS_REGION: 'us-east-1' }
    )
    expect(warnings).toEqual([
      "Input 'db-instance-identifier' only applies to mode 'start'; mode 'status' ignores it and uses the task named by export-task-identifier."
    ])
  })

  test('a non-default max-concurrent-exports with another mode', () => {
    const { warnings } = parse({
      mode: 'status',
      'export-task-identifier': 'x',
      'aws-region': 'us-east-1',
      'max-concurrent-exports': '3'
    })
    expect(warnings).toEqual([
      "Input 'max-concurrent-exports' only applies to mode 'start'; mode 'status' ignores it and uses the task named by export-task-identifier."
    ])
  })

  test('ignored start-only inputs are not checked', () => {
    const { config } = parse({
      mode: 'cancel',
      'export-task-identifier': 'x',
      'aws-region': 'us-east-1',
      's3-bucket-name': 's3://bad',
      'export-only': 'a.b.c.d'
    })
    expect(config.s3BucketName).toBe('')
    expect(config.exportOnly).toEqual([])
  })

  test('more concurrent exports than RDS allows', () => {
    const { config, warnings } = parse(withBase({ 'max-concurrent-exports': '8' }))
    expect(config.maxConcurrentExports).toBe(8)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("Input 'max-concurrent-exports' is 8, but RDS allows at most 5")
  })

  test('session options without role-to-assume', () => {
    const { warnings } = parse(
      withBase({ 'role-session-name': 'abc', 'role-duration-seconds': '7200' })
    )
    expect(warnings).toEqual([
      "Input 'role-session-name' and Input 'role-duration-seconds' are ignored without role-to-assume: the AWS SDK's default credentials are used."
    ])
  })

  test('the default role duration without role-to-assume is quiet', () => {
    expect(parse(withBase({ 'role-duration-seconds': '3600' })).warnings).toEqual([])
  })
})

describe('splitExportOnly', () => {
  test.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    [' , ,\n', []]
  ])('%j', (value, expected) => {
    expect(splitExportOnly(value)).toEqual(expected)
  })
})

describe('exportOnlyProblem', () => {
  test.each(['mysql', 'mariadb', 'aurora-mysql', 'aurora'])(
    '%s takes database and database.table',
    engine => {
      expect(exportOnlyProblem(['db', 'db.table', 'db_2.t$1'], engine)).toBeUndefined()
      expect(exportOnlyProblem(['db', 'db.schema.table'], engine)).toBe(
        `Input 'export-only' entry 'db.schema.table' doesn't fit the source's engine, ${engine}: ` +
          "MySQL, MariaDB and Aurora MySQL exports take 'database' or 'database.table'."
      )
    }
  )

  test.each(['postgres', 'aurora-postgresql'])('%s takes up to database.schema.table', engine => {
    expect(exportOnlyProblem(['db', 'db.schema', 'db.schema.table'], engine)).toBeUndefined()
  })

  test('unknown engines are not checked beyond the shape', () => {
    expect(exportOnlyProblem(['a.b.c'], 'oracle-ee')).toBeUndefined()
    expect(exportOnlyProblem(['a.b.c.d'], 'oracle-ee')).toContain("got 'a.b.c.d': it has 4 parts")
  })

  test('the shape is checked for every engine', () => {
    expect(exportOnlyProblem(['ok', 'bad-name'], 'postgres')).toContain(
      "got 'bad-name': '-' is not allowed"
    )
  })

  test('no entries, no problem', () => {
    expect(exportOnlyProblem([], 'mysql')).toBeUndefined()
  })
})

test('SOURCE_INPUTS are the five source inputs of action.yml', () => {
  expect(SOURCE_INPUTS).toHaveLength(5)
  for (const name of SOURCE_INPUTS) expect(actionYml.inputs).toHaveProperty([name])
})
