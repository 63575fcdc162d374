import { describe } from '@jest/globals'
import { accepted, anyRegion, refusedEach } from './support.js'

describe('s3-bucket-name', () => {
  refusedEach('s3-bucket-name', [
    [undefined, "Input 's3-bucket-name' is required with mode 'start'"],
    [
      's3://my-bucket/exports',
      "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 's3://my-bucket/exports': put 'my-bucket' in s3-bucket-name and 'exports' in s3-prefix."
    ],
    [
      'S3://my-bucket/exports/daily/',
      "put 'my-bucket' in s3-bucket-name and 'exports/daily' in s3-prefix."
    ],
    ['s3://my-bucket/', "got 's3://my-bucket/': put 'my-bucket' in s3-bucket-name."],
    ['arn:aws:s3:::my-bucket', "got 'arn:aws:s3:::my-bucket': put 'my-bucket' in s3-bucket-name."],
    [
      'arn:aws:s3:::my-bucket/exports/*',
      "put 'my-bucket' in s3-bucket-name and 'exports/*' in s3-prefix"
    ],
    ['ab', "got 'ab': it has 2 characters"],
    ['b'.repeat(64), 'it has 64 characters'],
    ['My-Bucket', "'M' is not allowed (only lower case)"],
    ['my_bucket', "'_' is not allowed"],
    ['my-bucket-', 'it must begin and end with a letter or digit'],
    ['.my-bucket', 'it must begin and end with a letter or digit'],
    ['my..bucket', "it must not contain '..'"],
    ['192.168.5.4', 'it must not look like an IP address']
  ])

  accepted('s3-bucket-name', 'my.bucket.2026', { s3BucketName: 'my.bucket.2026' })
  accepted('s3-bucket-name', 'abc', { s3BucketName: 'abc' })
  accepted('s3-bucket-name', 'b'.repeat(63), { s3BucketName: 'b'.repeat(63) })
})

describe('s3-prefix', () => {
  refusedEach('s3-prefix', [
    ['a:b', "must not contain ':' (RDS refuses it)"],
    ['s3://my-bucket/exports', 'give only the key prefix, like exports/daily'],
    ['a\tb', 'must not contain control characters'],
    ['p'.repeat(1025), 'at most 1024 bytes']
  ])

  accepted('s3-prefix', '/exports/daily/', { s3Prefix: 'exports/daily' })
  accepted('s3-prefix', '//', { s3Prefix: '' })
  accepted('s3-prefix', 'données/été', { s3Prefix: 'données/été' })
})

describe('iam-role-arn', () => {
  refusedEach('iam-role-arn', [
    [undefined, 'is required with mode'],
    ['rds-s3-export', "give the role's ARN, arn:aws:iam::<account>:role/rds-s3-export"],
    ['arn:aws:iam::123456789012:user/bob', "this is a 'user' ARN, not a role"],
    ['arn:aws:sts::123456789012:assumed-role/x/y', "this is a 'sts' ARN"],
    ['arn:aws:iam::1234:role/x', 'the account must be 12 digits'],
    [
      'arn:aws:iam:us-east-1:123456789012:role/x',
      'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
    ]
  ])

  const withPath = 'arn:aws-cn:iam::123456789012:role/service-role/rds.export+1'
  accepted(
    'iam-role-arn',
    withPath,
    { iamRoleArn: withPath },
    { with: { 'source-arn': 'arn:aws-cn:rds:cn-north-1:123456789012:snapshot:s', ...anyRegion } }
  )

  const role = 'arn:aws:iam::123456789012:role/'
  const deep = `${role}${'a/'.repeat(34)}export`
  accepted('iam-role-arn', deep, { iamRoleArn: deep })
  const longest = `${role}${'p'.repeat(510)}/${'n'.repeat(64)}`
  accepted('iam-role-arn', longest, { iamRoleArn: longest })
  refusedEach('iam-role-arn', [
    [`${role}${'p'.repeat(511)}/x`, 'a role path is printable ASCII'],
    [`${role}${'n'.repeat(65)}`, 'the role name is 1-64 letters'],
    [`${role}path/`, 'the role name is 1-64 letters'],
    [`${role}/x`, 'a role path is printable ASCII'],
    [`${role}p\u00e4th/x`, 'a role path is printable ASCII'],
    [`${role}na!me`, 'the role name is 1-64 letters, digits and the characters + = , . @ _ -']
  ])
})

describe('kms-key-id', () => {
  refusedEach('kms-key-id', [
    [undefined, "is required with mode 'start'"],
    ['1234abcd', 'must be a KMS key ARN, key id, alias ARN or alias/name'],
    ['alias/my key', 'alias names are'],
    ['arn:aws:rds:us-east-1:123456789012:key/x', "this is a 'rds' ARN"],
    [
      'arn:aws:kms:us-east-1:123456789012:key/not-a-uuid',
      'a key id is a UUID or mrk-<32 hex digits>'
    ],
    [
      'arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'the ARN must name a region'
    ],
    [
      'arn:aws:kms:us-east-1:123456789012:grant/x',
      "a KMS ARN ends with 'key/<id>' or 'alias/<name>'"
    ]
  ])

  for (const key of [
    '1234ABCD-12ab-34cd-56ef-1234567890ab',
    'mrk-1234abcd12ab34cd56ef1234567890ab',
    'alias/rds/export_key-1',
    'arn:aws:kms:us-east-1:123456789012:alias/rds-export',
    'arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab'
  ]) {
    accepted('kms-key-id', key, { kmsKeyId: key })
  }
})
