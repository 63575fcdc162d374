import { describe, test, expect } from '@jest/globals'
import {
  SNAPSHOT_ARN,
  accepted,
  base,
  parse,
  refusal,
  refused,
  warningsOf,
  warns
} from './support.js'

describe('mode', () => {
  refused('mode', 'run', 'must be one of start, wait, status, cancel')
  refused('mode', 'Start', "write it in lower case, 'start'")
})

describe('the task named by the other modes', () => {
  refused(
    'mode',
    'wait',
    "Input 'export-task-identifier' is required with mode 'wait': name the export task to wait for.",
    { only: { 'aws-region': 'us-east-1' }, named: 'export-task-identifier' }
  )
  refused('mode', 'status', "required with mode 'status'", {
    only: {},
    named: 'export-task-identifier'
  })
  refused('mode', 'cancel', "required with mode 'cancel'", {
    only: {},
    named: 'export-task-identifier'
  })

  accepted(
    'mode',
    'status',
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
    },
    { only: { 'export-task-identifier': 'nightly-1' }, env: { AWS_REGION: 'us-east-1' } }
  )
  accepted(
    'mode',
    'wait',
    { mode: 'wait', wait: true },
    { only: { 'export-task-identifier': 'nightly-1', 'aws-region': 'us-east-1', wait: 'false' } }
  )
  accepted(
    'mode',
    'cancel',
    { mode: 'cancel', wait: true },
    { only: { 'export-task-identifier': 'nightly-1', 'aws-region': 'us-east-1', wait: 'true' } }
  )

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

describe('start-only inputs with another mode', () => {
  warns(
    'are named in one warning',
    {
      ...base,
      'snapshot-type': 'manual',
      'max-concurrent-exports': '5',
      'if-exists': 'fail',
      mode: 'wait',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'us-east-1'
    },
    [
      "Inputs 'source-arn', 's3-bucket-name', 'iam-role-arn', 'kms-key-id', 'snapshot-type', 'if-exists' only apply to mode 'start'; mode 'wait' ignores them and uses the task named by export-task-identifier."
    ]
  )

  test('one source input with another mode, and it does not give the region', () => {
    const error = refusal({
      mode: 'status',
      'export-task-identifier': 'x',
      'source-arn': SNAPSHOT_ARN
    })
    expect(error.input).toBe('aws-region')
    const warnings = warningsOf(
      { mode: 'status', 'export-task-identifier': 'x', 'db-instance-identifier': 'prod' },
      { AWS_REGION: 'us-east-1' }
    )
    expect(warnings).toEqual([
      "Input 'db-instance-identifier' only applies to mode 'start'; mode 'status' ignores it and uses the task named by export-task-identifier."
    ])
  })

  warns(
    'a non-default max-concurrent-exports with another mode',
    {
      mode: 'status',
      'export-task-identifier': 'x',
      'aws-region': 'us-east-1',
      'max-concurrent-exports': '3'
    },
    [
      "Input 'max-concurrent-exports' only applies to mode 'start'; mode 'status' ignores it and uses the task named by export-task-identifier."
    ]
  )

  test('are not checked', () => {
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
})
