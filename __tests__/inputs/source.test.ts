import { describe } from '@jest/globals'
import { accepted, anyRegion, noArn, refused, refusedEach, warns, withBase } from './support.js'

const inRegion = { ...noArn, 'aws-region': 'us-east-1' }

describe('exactly one source', () => {
  refused(
    'source-arn',
    undefined,
    "set exactly one of the inputs 'source-arn', 'db-snapshot-identifier', 'db-cluster-snapshot-identifier', 'db-instance-identifier', 'db-cluster-identifier'"
  )
  refused(
    'db-instance-identifier',
    'prod',
    "Set only one source input; got 'source-arn' and 'db-instance-identifier'.",
    { named: 'source-arn' }
  )
  refused(
    'db-snapshot-identifier',
    'a',
    "'source-arn' and 'db-snapshot-identifier' and 'db-cluster-identifier'",
    { with: { 'db-cluster-identifier': 'b' }, named: 'source-arn' }
  )
})

describe('source-arn', () => {
  refusedEach('source-arn', [
    ['manual-1', 'must be an ARN like'],
    ['arn:aws:s3:::my-bucket', "must be an RDS ARN (service 'rds')"],
    ['arn:aws:rds:us-east-1:12345:snapshot:x', '12-digit AWS account'],
    [
      'arn:aws:rds:us-east-1:123456789012:db:prod',
      "not instances; got 'arn:aws:rds:us-east-1:123456789012:db:prod': use 'db-instance-identifier: prod'"
    ],
    [
      'arn:aws:rds:us-east-1:123456789012:pg:default',
      "DB snapshot (':snapshot:'), DB cluster snapshot (':cluster-snapshot:') or Aurora DB cluster (':cluster:')"
    ]
  ])

  const automated = 'arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-db-2026-11-25-03-10'
  accepted('source-arn', automated, { source: { input: 'source-arn', arn: automated } })
  const clusterSnapshot = 'arn:aws:rds:eu-central-2:123456789012:cluster-snapshot:c1'
  accepted(
    'source-arn',
    clusterSnapshot,
    { source: { input: 'source-arn', arn: clusterSnapshot }, region: 'eu-central-2' },
    { with: anyRegion }
  )
  accepted(
    'source-arn',
    'arn:aws-us-gov:rds:us-gov-west-1:123456789012:cluster:aurora',
    { region: 'us-gov-west-1' },
    { with: { ...anyRegion, 'iam-role-arn': 'arn:aws-us-gov:iam::123456789012:role/export' } }
  )
})

describe('db-snapshot-identifier and db-cluster-snapshot-identifier', () => {
  refusedEach(
    'db-snapshot-identifier',
    [
      ['my_snap', "'_' is not allowed in a name"],
      ['1snap', 'a name begins with a letter'],
      ['rds:', "the name after 'rds:' is missing"],
      ['s'.repeat(256), 'it has 256 characters, at most 255'],
      [
        'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:c1',
        "put it in 'db-cluster-snapshot-identifier' or 'source-arn'"
      ],
      ['arn:aws:rds:us-east-1:123456789012:cluster:c1', "put it in 'source-arn' for a live export"],
      ['arn:aws:rds:us-east-1:123456789012:db:prod', "use 'db-instance-identifier: prod'"]
    ],
    { with: noArn }
  )
  refused(
    'db-cluster-snapshot-identifier',
    'arn:aws:rds:us-east-1:123456789012:snapshot:s1',
    "put it in 'db-snapshot-identifier' or 'source-arn'",
    { with: noArn }
  )
  refused(
    'db-cluster-snapshot-identifier',
    'aurora.snap',
    "must be a DB cluster snapshot name (letters, digits and hyphens; automated 'rds:...' and AWS Backup 'awsbackup:...' names too) or a DB cluster snapshot ARN (':cluster-snapshot:'); got 'aurora.snap': '.' is not allowed in a name.",
    { with: noArn }
  )

  accepted(
    'db-snapshot-identifier',
    'Manual-Snap-1',
    { source: { input: 'db-snapshot-identifier', identifier: 'Manual-Snap-1' } },
    { with: inRegion }
  )
  accepted(
    'db-snapshot-identifier',
    'rds:prod-db-2026-11-25-03-10',
    { source: { input: 'db-snapshot-identifier', identifier: 'rds:prod-db-2026-11-25-03-10' } },
    { with: inRegion }
  )
  const backup = 'awsbackup:job-8a3f0c2e-1b2c-4d5e-9f00-112233445566'
  accepted(
    'db-snapshot-identifier',
    backup,
    { source: { input: 'db-snapshot-identifier', identifier: backup } },
    { with: inRegion }
  )
  const shared = 'arn:aws:rds:eu-west-1:210987654321:snapshot:shared-1'
  accepted(
    'db-snapshot-identifier',
    shared,
    { source: { input: 'db-snapshot-identifier', identifier: shared }, region: 'eu-west-1' },
    { with: { ...noArn, ...anyRegion }, env: { AWS_REGION: 'us-east-1' } }
  )
  accepted(
    'db-cluster-snapshot-identifier',
    'rds:aurora-2026-11-25-03-10',
    {
      source: { input: 'db-cluster-snapshot-identifier', identifier: 'rds:aurora-2026-11-25-03-10' }
    },
    { with: inRegion }
  )
  accepted(
    'db-cluster-snapshot-identifier',
    'arn:aws:rds:us-west-2:123456789012:cluster-snapshot:c1',
    { region: 'us-west-2' },
    { with: { ...noArn, ...anyRegion } }
  )
})

describe('db-instance-identifier and db-cluster-identifier', () => {
  refusedEach(
    'db-instance-identifier',
    [
      ['prod--db', "it must not contain two hyphens in a row ('--')"],
      ['prod-', 'it must not end with a hyphen'],
      [
        '9prod',
        'must be a DB instance identifier (1-63 letters, digits and hyphens, beginning with a letter)'
      ],
      ['p'.repeat(64), 'at most 63 characters long; it has 64'],
      ['arn:aws:rds:us-east-1:123456789012:db:prod', "give the name, 'prod', not the ARN"]
    ],
    { with: noArn }
  )
  refused(
    'db-cluster-identifier',
    'aurora_1',
    "must be a DB cluster identifier (1-63 letters, digits and hyphens, beginning with a letter); got 'aurora_1': it may contain only ASCII letters, digits and hyphens",
    { with: noArn }
  )
  refused('snapshot-type', 'shared', 'must be one of automated, manual, awsbackup, any', {
    with: { ...noArn, 'db-instance-identifier': 'prod' }
  })
  refused(
    'snapshot-type',
    'awsbackup',
    "can be 'awsbackup' only with db-instance-identifier: AWS documents no AWS Backup type for DB cluster snapshots; got 'awsbackup': use 'manual', 'automated' or 'any'",
    { with: { ...noArn, 'db-cluster-identifier': 'aurora-1' } }
  )

  accepted(
    'db-instance-identifier',
    'prod-db',
    { source: { input: 'db-instance-identifier', identifier: 'prod-db', snapshotType: 'any' } },
    { with: inRegion }
  )
  accepted(
    'db-cluster-identifier',
    'aurora-1',
    { source: { input: 'db-cluster-identifier', identifier: 'aurora-1', snapshotType: 'manual' } },
    { with: { ...inRegion, 'snapshot-type': 'manual' } }
  )
  accepted(
    'db-instance-identifier',
    'p'.repeat(63),
    {
      source: {
        input: 'db-instance-identifier',
        identifier: 'p'.repeat(63),
        snapshotType: 'awsbackup'
      }
    },
    { with: { ...inRegion, 'snapshot-type': 'awsbackup' } }
  )
})

describe('snapshot-type with a named snapshot', () => {
  warns('is ignored with a warning', withBase({ 'snapshot-type': 'manual' }), [
    "Input 'snapshot-type' is ignored with 'source-arn': it only chooses among the snapshots of a db-instance-identifier or db-cluster-identifier."
  ])
  warns('any is quiet', withBase({ 'snapshot-type': 'any' }), [])
})

describe('the name inside a source ARN', () => {
  const arn = (kind: string, name: string) => `arn:aws:rds:us-east-1:123456789012:${kind}:${name}`

  refusedEach('source-arn', [
    [arn('snapshot', 'm\u0430nual-1'), "'\u0430' (U+0430) is not allowed in a name"],
    [arn('snapshot', 's'.repeat(1 << 20)), 'it has 1048576 characters, at most 255'],
    [arn('snapshot', 'rds:prod_db'), "'_' is not allowed in a name"],
    [arn('snapshot', '1st'), 'must end with a DB snapshot name'],
    [
      arn('cluster-snapshot', 'c'.repeat(64)),
      'must end with a DB cluster snapshot name (letters, digits and hyphens; automated'
    ],
    [arn('cluster-snapshot', 'c'.repeat(64)), 'it has 64 characters, at most 63'],
    [arn('cluster', 'aurora--1'), 'it must not contain two hyphens in a row'],
    [
      arn('cluster', 'c'.repeat(64)),
      'must end with a DB cluster identifier (1-63 letters, digits and hyphens, beginning with a letter)'
    ],
    [arn('cluster', 'аurora'), "not '\u0430' (U+0430)"]
  ])
  refused(
    'db-cluster-snapshot-identifier',
    arn('cluster-snapshot', 'a.b'),
    "'.' is not allowed in a name",
    { with: noArn }
  )
  refused('db-cluster-snapshot-identifier', 'c'.repeat(64), 'it has 64 characters, at most 63', {
    with: noArn
  })
  refused('db-snapshot-identifier', 'snap\u2010shot', "'\u2010' (U+2010) is not allowed", {
    with: noArn
  })

  for (const [kind, name] of [
    ['snapshot', 's'.repeat(255)],
    ['snapshot', `rds:${'p'.repeat(63)}-2026-11-25-03-10`],
    ['cluster-snapshot', 'c'.repeat(63)],
    ['cluster-snapshot', `rds:${'c'.repeat(63)}-2026-11-25-03-10`],
    ['cluster-snapshot', 'awsbackup:job-8a3f0c2e-1b2c-4d5e-9f00-112233445566'],
    ['cluster', 'c'.repeat(63)]
  ] as const) {
    accepted('source-arn', arn(kind, name), {
      source: { input: 'source-arn', arn: arn(kind, name) }
    })
  }
  accepted(
    'db-cluster-snapshot-identifier',
    `rds:${'c'.repeat(63)}-2026-11-25-03-10`,
    {},
    { with: { ...noArn, 'aws-region': 'us-east-1' } }
  )
})
