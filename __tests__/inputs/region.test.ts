import { describe } from '@jest/globals'
import { accepted, anyRegion, noArn, refused } from './support.js'

const byName = { ...noArn, 'db-snapshot-identifier': 'manual-1' }
const byInstance = { ...noArn, ...anyRegion, 'db-instance-identifier': 'prod' }

describe('aws-region', () => {
  refused('aws-region', 'useast1', 'must be a region like us-east-1')
  refused(
    'aws-region',
    'eu-west-1',
    "Input 'aws-region' is 'eu-west-1' but the ARN in 'source-arn' is in 'us-east-1'"
  )
  refused('aws-region', 'us-east-1', "the ARN in 'db-snapshot-identifier' is in 'ap-southeast-4'", {
    with: {
      ...noArn,
      'db-snapshot-identifier': 'arn:aws:rds:ap-southeast-4:123456789012:snapshot:shared'
    }
  })
  refused('aws-region', undefined, 'set aws-region (like us-east-1)', { with: byName })
  refused(
    'aws-region',
    undefined,
    "Environment variable AWS_REGION must be a region like us-east-1; got 'Frankfurt'",
    { with: byName, env: { AWS_REGION: 'Frankfurt' } }
  )
  refused('aws-region', undefined, 'Environment variable AWS_DEFAULT_REGION', {
    with: byName,
    env: { AWS_DEFAULT_REGION: 'eu_west_1' }
  })

  accepted('aws-region', 'us-east-1', { region: 'us-east-1' })
  accepted(
    'aws-region',
    'il-central-1',
    { region: 'il-central-1' },
    {
      with: byInstance,
      env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }
    }
  )
})

describe('the region from the source ARN and the environment', () => {
  // The ARN wins over AWS_REGION.
  accepted(
    'aws-region',
    undefined,
    { region: 'us-east-1' },
    {
      env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-2' }
    }
  )
  // AWS_REGION before AWS_DEFAULT_REGION.
  accepted(
    'aws-region',
    undefined,
    { region: 'cn-north-1' },
    {
      with: { ...byInstance, 'iam-role-arn': 'arn:aws-cn:iam::123456789012:role/export' },
      env: { AWS_REGION: 'cn-north-1', AWS_DEFAULT_REGION: 'eu-west-2' }
    }
  )
  // AWS_DEFAULT_REGION last.
  accepted(
    'aws-region',
    undefined,
    { region: 'ap-southeast-4' },
    {
      with: byInstance,
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-southeast-4' }
    }
  )
  // A malformed AWS_DEFAULT_REGION does not matter when AWS_REGION is set.
  accepted(
    'aws-region',
    undefined,
    { region: 'eu-central-2' },
    {
      with: byInstance,
      env: { AWS_REGION: 'eu-central-2', AWS_DEFAULT_REGION: 'nowhere' }
    }
  )
})

describe('ARNs of another partition or region than the export', () => {
  const cnSource = 'arn:aws-cn:rds:cn-north-1:123456789012:snapshot:s'
  const inChina = { 'source-arn': cnSource, ...anyRegion }

  refused(
    'source-arn',
    'arn:aws-cn:rds:us-east-1:123456789012:snapshot:s',
    "must name a region of its own partition; got 'arn:aws-cn:rds:us-east-1:123456789012:snapshot:s': its partition is 'aws-cn' but region 'us-east-1' is in 'aws'"
  )
  refused(
    'source-arn',
    'arn:aws:rds:cn-north-1:123456789012:snapshot:s',
    "its partition is 'aws' but region 'cn-north-1' is in 'aws-cn'"
  )
  refused(
    'db-snapshot-identifier',
    'arn:aws-us-gov:rds:us-east-1:123456789012:snapshot:s',
    "its partition is 'aws-us-gov' but region 'us-east-1' is in 'aws'",
    { with: noArn }
  )
  refused(
    'iam-role-arn',
    'arn:aws-cn:iam::123456789012:role/export',
    "Input 'iam-role-arn' must be an ARN of the partition of region 'us-east-1' (from source-arn); got 'arn:aws-cn:iam::123456789012:role/export': its partition is 'aws-cn' but region 'us-east-1' is in 'aws'."
  )
  refused('iam-role-arn', 'arn:aws:iam::123456789012:role/export', "'cn-north-1' is in 'aws-cn'", {
    with: inChina
  })
  refused(
    'role-to-assume',
    'arn:aws-us-gov:iam::123456789012:role/gha',
    "must be an ARN of the partition of region 'us-east-1' (from AWS_REGION)",
    { with: byName, env: { AWS_REGION: 'us-east-1' } }
  )
  refused(
    'role-to-assume',
    'arn:aws:iam::123456789012:role/gha',
    "region 'cn-north-1' (from aws-region); got 'arn:aws:iam::123456789012:role/gha': its partition is 'aws' but",
    {
      with: {
        ...byName,
        ...anyRegion,
        'aws-region': 'cn-north-1',
        'iam-role-arn': 'arn:aws-cn:iam::123456789012:role/export'
      }
    }
  )
  refused(
    'kms-key-id',
    'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    "must name a resource in region 'us-east-1' (from source-arn); got 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab': it is in 'eu-west-1'."
  )
  refused('kms-key-id', 'arn:aws:kms:us-west-2:123456789012:alias/export', "it is in 'us-west-2'", {
    with: { ...byName, 'aws-region': 'eu-west-1' }
  })
  refused(
    'kms-key-id',
    'arn:aws-cn:kms:us-east-1:123456789012:alias/export',
    "its partition is 'aws-cn' but region 'us-east-1' is in 'aws'"
  )

  const cnRole = 'arn:aws-cn:iam::123456789012:role/export'
  const cnKey = 'arn:aws-cn:kms:cn-north-1:123456789012:alias/export'
  accepted(
    'kms-key-id',
    cnKey,
    { region: 'cn-north-1', iamRoleArn: cnRole, kmsKeyId: cnKey, roleToAssume: cnRole },
    { with: { 'source-arn': cnSource, 'iam-role-arn': cnRole, 'role-to-assume': cnRole } }
  )
  // A region no known partition claims (a new one) is taken with any partition.
  accepted(
    'aws-region',
    'xy-newregion-1',
    { region: 'xy-newregion-1' },
    {
      with: { ...byName, 'iam-role-arn': 'arn:aws-xy:iam::123456789012:role/export', ...anyRegion }
    }
  )
  // Names and key ids carry no region.
  accepted(
    'kms-key-id',
    'alias/export',
    { region: 'cn-north-1' },
    {
      with: { 'source-arn': cnSource, 'iam-role-arn': cnRole }
    }
  )
})
