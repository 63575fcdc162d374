import { describe } from '@jest/globals'
import { accepted, anyRegion, refused } from './support.js'

describe('s3-bucket-name', () => {
  refused('s3-bucket-name', undefined, "Input 's3-bucket-name' is required with mode 'start'")
  refused(
    's3-bucket-name',
    's3://my-bucket/exports',
    "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 's3://my-bucket/exports': put 'my-bucket' in s3-bucket-name and 'exports' in s3-prefix."
  )
  refused(
    's3-bucket-name',
    'S3://my-bucket/exports/daily/',
    "put 'my-bucket' in s3-bucket-name and 'exports/daily' in s3-prefix."
  )
  refused(
    's3-bucket-name',
    's3://my-bucket/',
    "got 's3://my-bucket/': put 'my-bucket' in s3-bucket-name."
  )
  refused(
    's3-bucket-name',
    'arn:aws:s3:::my-bucket',
    "got 'arn:aws:s3:::my-bucket': put 'my-bucket' in s3-bucket-name."
  )
  refused(
    's3-bucket-name',
    'arn:aws:s3:::my-bucket/exports/*',
    "put 'my-bucket' in s3-bucket-name and 'exports/*' in s3-prefix"
  )
  refused('s3-bucket-name', 'ab', "got 'ab': it has 2 characters")
  refused('s3-bucket-name', 'b'.repeat(64), 'it has 64 characters')
  refused('s3-bucket-name', 'My-Bucket', "'M' is not allowed (only lower case)")
  refused('s3-bucket-name', 'my_bucket', "'_' is not allowed")
  refused('s3-bucket-name', 'my-bucket-', 'it must begin and end with a letter or digit')
  refused('s3-bucket-name', '.my-bucket', 'it must begin and end with a letter or digit')
  refused('s3-bucket-name', 'my..bucket', "it must not contain '..'")
  refused('s3-bucket-name', '192.168.5.4', 'it must not look like an IP address')

  accepted('s3-bucket-name', 'my.bucket.2026', { s3BucketName: 'my.bucket.2026' })
  accepted('s3-bucket-name', 'abc', { s3BucketName: 'abc' })
  accepted('s3-bucket-name', 'b'.repeat(63), { s3BucketName: 'b'.repeat(63) })
})

describe('s3-prefix', () => {
  refused('s3-prefix', 'a:b', "must not contain ':' (RDS refuses it)")
  refused('s3-prefix', 's3://my-bucket/exports', 'give only the key prefix, like exports/daily')
  refused('s3-prefix', 'a\tb', 'must not contain control characters')
  refused('s3-prefix', 'p'.repeat(1025), 'at most 1024 bytes')

  accepted('s3-prefix', '/exports/daily/', { s3Prefix: 'exports/daily' })
  accepted('s3-prefix', '//', { s3Prefix: '' })
  accepted('s3-prefix', 'données/été', { s3Prefix: 'données/été' })
})

describe('iam-role-arn', () => {
  refused('iam-role-arn', undefined, 'is required with mode')
  refused(
    'iam-role-arn',
    'rds-s3-export',
    "give the role's ARN, arn:aws:iam::<account>:role/rds-s3-export"
  )
  refused('iam-role-arn', 'arn:aws:iam::123456789012:user/bob', "this is a 'user' ARN, not a role")
  refused('iam-role-arn', 'arn:aws:sts::123456789012:assumed-role/x/y', "this is a 'sts' ARN")
  refused('iam-role-arn', 'arn:aws:iam::1234:role/x', 'the account must be 12 digits')
  refused(
    'iam-role-arn',
    'arn:aws:iam:us-east-1:123456789012:role/x',
    'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
  )

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
  refused('iam-role-arn', `${role}${'p'.repeat(511)}/x`, 'a role path is printable ASCII')
  refused('iam-role-arn', `${role}${'n'.repeat(65)}`, 'the role name is 1-64 letters')
  refused('iam-role-arn', `${role}path/`, 'the role name is 1-64 letters')
  refused('iam-role-arn', `${role}/x`, 'a role path is printable ASCII')
  refused('iam-role-arn', `${role}p\u00e4th/x`, 'a role path is printable ASCII')
  refused(
    'iam-role-arn',
    `${role}na!me`,
    'the role name is 1-64 letters, digits and the characters + = , . @ _ -'
  )
})

describe('kms-key-id', () => {
  refused('kms-key-id', undefined, "is required with mode 'start'")
  refused('kms-key-id', '1234abcd', 'must be a KMS key ARN, key id, alias ARN or alias/name')
  refused('kms-key-id', 'alias/my key', 'alias names are')
  refused('kms-key-id', 'arn:aws:rds:us-east-1:123456789012:key/x', "this is a 'rds' ARN")
  refused(
    'kms-key-id',
    'arn:aws:kms:us-east-1:123456789012:key/not-a-uuid',
    'a key id is a UUID or mrk-<32 hex digits>'
  )
  refused(
    'kms-key-id',
    'arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    'the ARN must name a region'
  )
  refused(
    'kms-key-id',
    'arn:aws:kms:us-east-1:123456789012:grant/x',
    "a KMS ARN ends with 'key/<id>' or 'alias/<name>'"
  )

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
