import { describe, test, expect } from '@jest/globals'
import { partition } from '@aws-sdk/core/client'
import {
  isAccountId,
  isRegion,
  parseArn,
  parseRdsSourceArn,
  partitionOf,
  partitionProblem
} from '../src/arn.js'
import { equalCases, phraseCases } from '../__fixtures__/cases.js'

describe('parseArn', () => {
  equalCases('%s', parseArn, [
    [
      'arn:aws:rds:us-east-1:123456789012:snapshot:manual-1',
      {
        partition: 'aws',
        service: 'rds',
        region: 'us-east-1',
        accountId: '123456789012',
        resource: 'snapshot:manual-1',
        resourceType: 'snapshot',
        resourceName: 'manual-1'
      }
    ],
    [
      'arn:aws:rds:eu-west-1:123456789012:snapshot:rds:prod-db-2026-11-25-03-10',
      {
        partition: 'aws',
        service: 'rds',
        region: 'eu-west-1',
        accountId: '123456789012',
        resource: 'snapshot:rds:prod-db-2026-11-25-03-10',
        resourceType: 'snapshot',
        resourceName: 'rds:prod-db-2026-11-25-03-10'
      }
    ],
    [
      'arn:aws-us-gov:iam::123456789012:role/service/RdsExport',
      {
        partition: 'aws-us-gov',
        service: 'iam',
        region: '',
        accountId: '123456789012',
        resource: 'role/service/RdsExport',
        resourceType: 'role',
        resourceName: 'service/RdsExport'
      }
    ],
    [
      'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      {
        partition: 'aws-cn',
        service: 'kms',
        region: 'cn-north-1',
        accountId: '123456789012',
        resource: 'key/1234abcd-12ab-34cd-56ef-1234567890ab',
        resourceType: 'key',
        resourceName: '1234abcd-12ab-34cd-56ef-1234567890ab'
      }
    ],
    [
      'arn:aws:kms:us-east-1:123456789012:alias/rds/export',
      {
        partition: 'aws',
        service: 'kms',
        region: 'us-east-1',
        accountId: '123456789012',
        resource: 'alias/rds/export',
        resourceType: 'alias',
        resourceName: 'rds/export'
      }
    ],
    [
      'arn:aws:s3:::my-bucket',
      {
        partition: 'aws',
        service: 's3',
        region: '',
        accountId: '',
        resource: 'my-bucket',
        resourceType: '',
        resourceName: 'my-bucket'
      }
    ]
  ])

  test('a cluster snapshot ARN keeps its hyphenated type', () => {
    const arn = parseArn('arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:aurora-2026')
    expect(arn?.resourceType).toBe('cluster-snapshot')
    expect(arn?.resourceName).toBe('rds:aurora-2026')
  })

  test.each([
    ['', 'empty'],
    ['my-snapshot', 'a plain name'],
    ['arn:aws:rds:us-east-1:123456789012', 'no resource'],
    ['arn:aws:rds:us-east-1:123456789012:', 'an empty resource'],
    ['arn:azure:rds:us-east-1:123456789012:snapshot:x', 'an unknown partition'],
    ['arn:AWS:rds:us-east-1:123456789012:snapshot:x', 'an upper-case partition'],
    ['arn:aws::us-east-1:123456789012:snapshot:x', 'no service'],
    ['ARN:aws:rds:us-east-1:123456789012:snapshot:x', 'an upper-case prefix'],
    ['arn:aws:rds:us-east-1:123456789012:snapshot:my snap', 'a space'],
    ['s3://bucket/key', 'an S3 URI']
  ])('%j is not an ARN (%s)', value => {
    expect(parseArn(value)).toBeUndefined()
  })
})

describe('isRegion and isAccountId', () => {
  test.each([
    'us-east-1',
    'eu-central-2',
    'us-gov-west-1',
    'cn-north-1',
    'ap-southeast-4',
    'il-central-1',
    'us-isob-east-1',
    'eusc-de-east-1'
  ])('%s is a region', value => {
    expect(isRegion(value)).toBe(true)
  })

  test.each(['', 'us-east', 'US-EAST-1', 'useast1', 'us-east-100', 'us_east_1', 'us-east-1a'])(
    '%j is not a region',
    value => {
      expect(isRegion(value)).toBe(false)
    }
  )

  test('account ids have 12 digits', () => {
    expect(isAccountId('123456789012')).toBe(true)
    expect(isAccountId('12345678901')).toBe(false)
    expect(isAccountId('1234567890123')).toBe(false)
    expect(isAccountId('12345678901a')).toBe(false)
  })
})

describe('partitionOf', () => {
  // Regions of every partition, the newest included: the SDK's endpoint rules are the reference.
  const regions = [
    'us-east-1',
    'eu-central-2',
    'ap-southeast-7',
    'mx-central-1',
    'il-central-1',
    'ca-west-1',
    'cn-north-1',
    'cn-northwest-1',
    'us-gov-west-1',
    'us-gov-east-1',
    'us-iso-east-1',
    'us-iso-west-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'eusc-de-east-1'
  ]

  test.each(regions)('%s is in the partition the AWS SDK puts it in', region => {
    expect(partitionOf(region)).toBe(partition(region).name)
  })

  test('a region no partition claims has none (the SDK would guess aws)', () => {
    expect(partitionOf('xx-east-1')).toBeUndefined()
  })

  phraseCases('%s in %s: %s', partitionProblem, [
    ['aws-cn', 'us-east-1', "its partition is 'aws-cn' but region 'us-east-1' is in 'aws'"],
    ['aws', 'cn-north-1', "its partition is 'aws' but region 'cn-north-1' is in 'aws-cn'"],
    ['aws-us-gov', 'us-east-1', "its partition is 'aws-us-gov' but region 'us-east-1' is in 'aws'"],
    [
      'aws',
      'us-gov-west-1',
      "its partition is 'aws' but region 'us-gov-west-1' is in 'aws-us-gov'"
    ],
    ['aws-iso', 'us-isob-east-1', "region 'us-isob-east-1' is in 'aws-iso-b'"]
  ])

  test.each([
    ['aws', 'us-east-1'],
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-iso-f', 'us-isof-east-1'],
    ['aws-new', 'xx-east-1']
  ])('%s in %s agree', (arnPartition, region) => {
    expect(partitionProblem(arnPartition, region)).toBeUndefined()
  })
})

describe('parseRdsSourceArn', () => {
  test.each([
    ['arn:aws:rds:us-east-1:123456789012:snapshot:manual-1', 'snapshot', 'manual-1'],
    [
      'arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-2026-11-25-03-10',
      'snapshot',
      'rds:prod-2026-11-25-03-10'
    ],
    [
      'arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-1a2b',
      'snapshot',
      'awsbackup:job-1a2b'
    ],
    [
      'arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:aurora-snap',
      'cluster-snapshot',
      'aurora-snap'
    ],
    ['arn:aws-cn:rds:cn-north-1:123456789012:cluster:aurora-live', 'cluster', 'aurora-live'],
    ['arn:aws-us-gov:rds:us-gov-west-1:123456789012:snapshot:gov', 'snapshot', 'gov']
  ])('%s is a %s', (value, kind, name) => {
    const result = parseRdsSourceArn(value)
    expect(result).toHaveProperty('arn')
    if (!('arn' in result)) return
    expect(result.arn.kind).toBe(kind)
    expect(result.arn.resourceName).toBe(name)
  })

  test.each([
    ['not-an-arn', 'must be an ARN like arn:aws:rds:'],
    ['arn:aws:s3:::bucket', "must be an RDS ARN (service 'rds'): it is an 's3' ARN"],
    [
      'arn:aws:rds:useast1:123456789012:snapshot:x',
      "region like us-east-1 in its fourth field: found 'useast1'"
    ],
    ['arn:aws:rds::123456789012:snapshot:x', 'must name a region'],
    [
      'arn:aws:rds:us-east-1:1234:snapshot:x',
      "12-digit AWS account in its fifth field: found '1234'"
    ],
    ['arn:aws:rds:us-east-1:123456789012:db:prod', "must not be a DB instance ARN (':db:')"],
    [
      'arn:aws:rds:us-east-1:123456789012:og:default',
      "or Aurora DB cluster (':cluster:'): it is a 'og' ARN"
    ],
    ['arn:aws:rds:us-east-1:123456789012:snapshot:', "must end with the snapshot's name"],
    [
      'arn:aws-cn:rds:us-east-1:123456789012:snapshot:x',
      "must name a region of its own partition: its partition is 'aws-cn' but region 'us-east-1' is in 'aws'"
    ],
    [
      'arn:aws:rds:cn-north-1:123456789012:cluster:x',
      "its partition is 'aws' but region 'cn-north-1' is in 'aws-cn'"
    ],
    ['arn:aws:rds:us-east-1:123456789012:cluster:a/b', "must end with the cluster's name"]
  ])('%s is refused: %s', (value, phrase) => {
    const result = parseRdsSourceArn(value)
    expect(result).toHaveProperty('problem')
    if (!('problem' in result)) return
    expect([result.problem, result.hint].filter(Boolean).join(': ')).toContain(phrase)
  })

  test('an instance ARN gets the hint to use db-instance-identifier', () => {
    expect(parseRdsSourceArn('arn:aws:rds:us-east-1:123456789012:db:prod')).toEqual({
      problem: expect.stringContaining('not instances'),
      hint: "use 'db-instance-identifier: prod' to export the instance's newest snapshot"
    })
  })

  test('the refusal of other kinds names the allowed kinds', () => {
    const result = parseRdsSourceArn('arn:aws:rds:us-east-1:123456789012:pg:params')
    expect(result).toEqual({
      problem: expect.stringMatching(/':snapshot:'.*':cluster-snapshot:'.*':cluster:'/),
      hint: "it is a 'pg' ARN"
    })
  })

  test('long fields are cut when echoed', () => {
    const result = parseRdsSourceArn(`arn:aws:rds:us-east-1:${'9'.repeat(200)}:snapshot:x`)
    if (!('problem' in result)) throw new Error('expected a problem')
    expect(result.hint).toBe(`found '${'9'.repeat(40)}…'`)
  })
})
