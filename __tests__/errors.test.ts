import { describe, expect, test } from '@jest/globals'
import {
  ActionError,
  errorCode,
  explainError,
  isExpiredCredentials,
  isTransient,
  isUnreadableAnswer,
  tagOperation,
  type Service
} from '../src/errors.js'
import { hintFor, hintForFailureCause } from '../src/hints.js'
import { phraseCases } from '../__fixtures__/cases.js'

/** An error shaped like the SDK's service exceptions. */
function awsError(name: string, status: number, message = `${name} message`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
}

// Each row of the facts table: the SDK error, the HTTP status, a phrase of the hint it must get.
const FACTS: Array<[string, number, string, Service?]> = [
  ['ExportTaskAlreadyExistsFault', 400, 'never reusable'],
  ['IamRoleNotFoundFault', 404, 'export.rds.amazonaws.com'],
  ['IamRoleMissingPermissionsFault', 400, 's3:GetBucketLocation'],
  ['InvalidS3BucketFault', 400, 'another region'],
  ['KMSKeyNotAccessibleFault', 400, 'kms:CreateGrant'],
  ['InvalidExportOnlyFault', 400, 'database.schema.table'],
  ['InvalidExportSourceStateFault', 400, '`available`'],
  ['DBSnapshotNotFoundFault', 404, 'db-cluster-snapshot-identifier'],
  ['DBClusterSnapshotNotFoundFault', 404, 'region'],
  ['DBClusterNotFoundFault', 404, 'region'],
  ['ExportTaskNotFoundFault', 404, 'this account and region'],
  ['InvalidExportTaskStateFault', 400, 'already ended'],
  ['InvalidParameterValue', 400, '1-60 letters'],
  ['AccessDenied', 403, 'iam:PassRole'],
  ['AccessDeniedException', 403, 'rds:DescribeDBClusterSnapshots'],
  ['InvalidIdentityTokenException', 400, 'token.actions.githubusercontent.com', 'sts'],
  ['IDPCommunicationErrorException', 400, 'transient', 'sts'],
  ['CredentialsProviderError', 0, 'role-to-assume'],
  ['ExportTaskLimitReachedFault', 400, 'free slot']
]

describe('explainError', () => {
  test.each(FACTS)('%s gets its hint', (name, status, phrase, service = 'rds') => {
    const explained = explainError(
      awsError(name, status, 'RDS said no.'),
      'StartExportTask',
      service
    )
    expect(explained.code).toBe(name)
    expect(explained.message).toBe(`StartExportTask failed: ${name}: RDS said no.`)
    expect(explained.hint).toContain(phrase)
  })

  test.each([
    ['ExportTaskAlreadyExists', 'ExportTaskAlreadyExistsFault'],
    ['DBSnapshotNotFound', 'DBSnapshotNotFoundFault'],
    ['IamRoleNotFound', 'IamRoleNotFoundFault']
  ])('the wire code %s is read as %s', (wire, name) => {
    expect(errorCode(awsError(wire, 400))).toBe(name)
    expect(explainError(awsError(wire, 400), 'X').hint).toBe(hintFor(name))
  })

  test('the message stays one line and short', () => {
    const explained = explainError(awsError('Odd', 400, 'a\nb\n' + 'x'.repeat(2000)), 'Op')
    expect(explained.message).not.toContain('\n')
    expect(explained.message.length).toBeLessThan(600)
    expect(explained.hint).toBeUndefined()
  })

  test('a tagged error names the operation it came from', () => {
    const error = tagOperation(awsError('AccessDenied', 403), 'AssumeRoleWithWebIdentity', 'sts')
    tagOperation(error, 'DescribeExportTasks') // the first tag wins
    expect(explainError(error, 'DescribeExportTasks').message).toMatch(
      /^AssumeRoleWithWebIdentity failed/
    )
  })

  test('AccessDenied from STS gets the trust policy hint, not the RDS permissions one', () => {
    const error = tagOperation(
      awsError('AccessDenied', 403),
      'AssumeRoleWithWebIdentity (arn:x)',
      'sts'
    )
    expect(explainError(error, 'DescribeExportTasks').hint).toContain(
      'token.actions.githubusercontent.com'
    )
    expect(explainError(awsError('AccessDenied', 403), 'StartExportTask').hint).toContain(
      'iam:PassRole'
    )
  })

  test('plain errors and non-errors', () => {
    expect(explainError(new Error('boom'), 'Op').message).toBe('Op failed: boom')
    expect(explainError('text', 'Op').message).toBe('Op failed: text')
    expect(explainError(undefined, 'Op').code).toBe('Error')
  })
})

/** Errors as each SDK client raises them: name, HTTP status, $fault, the service's message. */
const s3AccessDenied = Object.assign(new Error('Access Denied'), {
  name: 'AccessDenied',
  Code: 'AccessDenied',
  $fault: 'client',
  $metadata: { httpStatusCode: 403 }
})
const kmsViaS3 = Object.assign(
  new Error(
    'User: arn:aws:sts::123456789012:assumed-role/gha/run is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because no identity-based policy allows the kms:Decrypt action'
  ),
  { name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 } }
)
const glueAccessDenied = Object.assign(
  new Error(
    'User: arn:aws:sts::123456789012:assumed-role/gha/run is not authorized to perform: glue:CreateTable'
  ),
  { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }
)

describe('hints by service', () => {
  test.each([
    ['S3 ListObjectsV2', s3AccessDenied, 's3', 's3:ListBucket', 'rds:StartExportTask'],
    ['S3 GetObject refused for the key', kmsViaS3, 'kms', 'kms:Decrypt', 's3:ListBucket'],
    ['Glue CreateTable', glueAccessDenied, 'glue', 'glue:CreateTable', 'rds:StartExportTask'],
    ['RDS StartExportTask', awsError('AccessDenied', 403), 'rds', 'iam:PassRole', 'glue:'],
    ['STS', awsError('AccessDenied', 403), 'sts', 'token.actions.githubusercontent.com', 'rds:']
  ] as const)(
    'AccessDenied from %s gets its own hint',
    (operation, error, service, has, hasNot) => {
      const explained = explainError(error, operation, service)
      expect(explained.hint).toContain(has)
      expect(explained.hint).not.toContain(hasNot)
      expect(explained.message).toMatch(new RegExp(`^${operation} failed: `))
    }
  )

  /** Codes each service documents, with the words their hint must have. */
  const documented = {
    'KMS.DisabledException': ['kms', 'disabled'],
    'KMS.KMSInvalidStateException': ['kms', 'pending deletion'],
    'KMS.NotFoundException': ['kms', 'no longer exists'],
    InvalidObjectState: ['s3', 'archive storage class'],
    GlueEncryptionException: ['glue', 'kms:GenerateDataKey'],
    InvalidInputException: ['glue', 'names the field'],
    OperationTimeoutException: ['glue', 're-run']
  } as const
  test.each(
    Object.entries(documented).map(([code, [service, has]]) => [code, service, has] as const)
  )('%s (as %s raises it) gets its hint', (code, service, has) => {
    // S3 passes KMS's refusals on under KMS's code with a `KMS.` prefix, status 403 or 400.
    const error = Object.assign(new Error('refused'), {
      name: code,
      Code: code,
      $fault: 'client',
      $metadata: { httpStatusCode: 400 }
    })
    expect(explainError(error, 'Op', service).hint).toContain(has)
  })

  test('a tag names the service, whatever the caller assumes', () => {
    const error = tagOperation(
      Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
      'GetTable',
      'glue'
    )
    expect(explainError(error, 'Something', 'rds').hint).toContain('glue:GetTable')
  })

  test("a partition call refused: the hint names exactly glue-history's partition actions", () => {
    const error = tagOperation(
      Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
      'BatchCreatePartition',
      'glue'
    )
    const hint = explainError(error, 'Something', 'rds').hint ?? ''
    expect(hint).toContain(
      'with glue-history also glue:BatchCreatePartition, glue:GetPartitions and glue:BatchDeletePartition'
    )
    expect(hint.match(/glue:\w*Partition\w*/g)).toEqual([
      'glue:BatchCreatePartition',
      'glue:GetPartitions',
      'glue:BatchDeletePartition'
    ])
  })

  test('throttling and expired credentials get the same hint from any service', () => {
    for (const service of ['rds', 's3', 'glue', 'kms', 'sts'] as const) {
      expect(explainError(awsError('SlowDown', 503), 'Op', service).hint).toContain('rate limit')
      expect(hintFor('ExpiredToken', service)).toContain('expired')
    }
  })
})

describe('isTransient', () => {
  test.each([
    awsError('Throttling', 400),
    awsError('ThrottlingException', 400),
    awsError('InternalFailure', 500),
    awsError('ServiceUnavailable', 503),
    awsError('ExpiredToken', 400),
    awsError('IDPCommunicationErrorException', 400),
    Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    Object.assign(new Error('timed out'), { name: 'TimeoutError' })
  ])('%s is transient', error => {
    expect(isTransient(error)).toBe(true)
  })

  test.each([
    awsError('AccessDenied', 403),
    awsError('ExportTaskNotFoundFault', 404),
    awsError('InvalidS3BucketFault', 400),
    new ActionError('no')
  ])('%s is permanent', error => {
    expect(isTransient(error)).toBe(false)
  })

  test('an answer the SDK could not read (garbled, truncated) is transient, an AWS error is not', () => {
    const garbled = Object.defineProperty(new Error('Unexpected end of XML'), '$response', {
      value: { statusCode: 200 }
    })
    const parsed = Object.defineProperty(new Error('<Error'), '$responseBodyText', {
      value: '<Err'
    })
    const denied = Object.defineProperty(awsError('AccessDenied', 403), '$response', {
      value: { statusCode: 403 }
    })
    Object.assign(denied, { $fault: 'client' })
    expect([garbled, parsed].map(isUnreadableAnswer)).toEqual([true, true])
    expect([garbled, parsed].map(isTransient)).toEqual([true, true])
    expect(isUnreadableAnswer(denied)).toBe(false)
    expect(isTransient(denied)).toBe(false)
  })

  test('expired credentials are recognised', () => {
    expect(isExpiredCredentials(awsError('ExpiredToken', 400))).toBe(true)
    expect(isExpiredCredentials(awsError('AccessDenied', 403))).toBe(false)
  })
})

describe('hintForFailureCause', () => {
  phraseCases('%s', hintForFailureCause, [
    ["The export task failed because it can't assume the IAM role.", 'export.rds.amazonaws.com'],
    ["The IAM role isn't authorized to call s3:PutObject.", 's3:PutObject*'],
    ['The export task failed because the KMS key check failed.', 'kms:CreateGrant'],
    ["The S3 bucket isn't located in the current AWS Region.", 'another region']
  ])

  test('unknown causes get no hint', () => {
    expect(hintForFailureCause('Something else entirely')).toBeUndefined()
    expect(hintForFailureCause(undefined)).toBeUndefined()
  })
})
