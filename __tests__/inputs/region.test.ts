import { describe } from '@jest/globals'
import { accepted, noArn, refused } from './support.js'

const byName = { ...noArn, 'db-snapshot-identifier': 'manual-1' }
const byInstance = { ...noArn, 'db-instance-identifier': 'prod' }

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
      with: byInstance,
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
