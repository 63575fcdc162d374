// Every bad input of a run is named at once, each refusal naming its input and rule; a check that
// depends on another input is skipped when that input was refused, so one mistake is named once.
import { describe, expect, test } from '@jest/globals'
import { Refusals } from '../../src/inputs/errors.js'
import { InputError } from '../../src/inputs/index.js'
import { KEY_ARN, KEY_ID, anyRegion, noArn, refusal, withBase, type Inputs } from './support.js'

/** The inputs each refusal names, in order. */
function refusedInputs(inputs: Inputs, env: Inputs = {}): string[] {
  const error = refusal(inputs, env)
  return error.refusals.map(message => /^Input '([^']+)'/.exec(message)?.[1] ?? message)
}

describe('every bad input at once', () => {
  test('three in three sections: one InputError, one line, each refusal in order', () => {
    const error = refusal(
      withBase({ 's3-bucket-name': 's3://bucket/nightly', wait: 'yes', 'glue-database': 'Bad' })
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.refusals).toEqual([
      "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 's3://bucket/nightly': put 'bucket' in s3-bucket-name and 'nightly' in s3-prefix.",
      "Input 'wait' must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'.",
      "Input 'glue-database' must be a Glue database name Athena can query: 1-255 lower-case letters, digits and '_'; got 'Bad': write it in lower case, 'bad'."
    ])
    expect(error.message).toBe(`3 inputs are refused: ${error.refusals.join(' ')}`)
    expect(error.message).not.toContain('\n')
    expect(error.input).toBe('s3-bucket-name')
  })

  test('one bad input is refused as before: its own message alone', () => {
    const error = refusal(withBase({ wait: 'yes' }))
    expect(error.message).toBe(
      "Input 'wait' must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'."
    )
    expect(error.refusals).toEqual([error.message])
  })

  test('every input of one section', () => {
    const waiting = {
      wait: 'yes',
      'wait-timeout-minutes': '40000',
      'on-timeout': 'ignore',
      'poll-interval-seconds': '1',
      'cancel-on-abort': 'on',
      'fail-on-warning': 'no',
      summary: 'y'
    }
    expect(refusedInputs(withBase(waiting))).toEqual(Object.keys(waiting))
  })

  test('every required input missing', () => {
    expect(refusedInputs({ 'db-instance-identifier': 'prod', 'aws-region': 'us-east-1' })).toEqual([
      's3-bucket-name',
      'iam-role-arn',
      'kms-key-id'
    ])
  })

  test('every section: the mode aside, each named once', () => {
    const inputs = withBase({
      ...noArn,
      'db-instance-identifier': 'prod_1',
      'snapshot-type': 'Manual',
      'create-snapshot': 'true',
      'snapshot-tags': 'aws:x=1',
      's3-prefix': 'a:b',
      'export-only': 'a.b.c.d',
      'export-task-identifier': 'x--y',
      'if-exists': 'replace',
      'max-concurrent-exports': '0',
      'aws-region': 'mars-1',
      'role-to-assume': 'github',
      'role-session-name': 'x',
      'role-duration-seconds': '60',
      'output-env-credentials': 'yes',
      'http-proxy': 'ftp://proxy:21',
      wait: 'true',
      'tables-report': 'maybe',
      'glue-table-prefix': 'P-',
      'glue-database': 'db'
    })
    expect(refusedInputs(inputs)).toEqual([
      'snapshot-type',
      'db-instance-identifier',
      'snapshot-tags',
      's3-prefix',
      'export-only',
      'export-task-identifier',
      'if-exists',
      'max-concurrent-exports',
      'aws-region',
      'role-to-assume',
      'role-session-name',
      'role-duration-seconds',
      'output-env-credentials',
      'http-proxy',
      'tables-report',
      'glue-table-prefix'
    ])
  })
})

describe('one mistake is named once', () => {
  test('a source refused: the region it would have named is not asked for', () => {
    expect(refusedInputs(withBase({ 'source-arn': 'arn:aws:rds:us-east-1:1:snapshot:x' }))).toEqual(
      ['source-arn']
    )
    // aws-region's own rule still holds.
    expect(
      refusedInputs(withBase({ 'source-arn': 'arn:aws:rds:x', 'aws-region': 'Europe' }))
    ).toEqual(['source-arn', 'aws-region'])
  })

  test('two source inputs: named once, with the other inputs', () => {
    const error = refusal(withBase({ 'db-snapshot-identifier': 'snap', wait: 'maybe' }))
    expect(error.refusals).toEqual([
      "Set only one source input; got 'source-arn' and 'db-snapshot-identifier'.",
      "Input 'wait' must be a boolean: true, True, TRUE, false, False, FALSE; got 'maybe'."
    ])
  })

  test('a region refused: no ARN is judged against it', () => {
    const inputs = withBase({
      ...noArn,
      ...anyRegion,
      'db-snapshot-identifier': 'snap',
      'kms-key-id': KEY_ARN.replace('us-east-1', 'eu-west-1'),
      'role-to-assume': 'arn:aws-cn:iam::123456789012:role/r'
    })
    expect(refusal(inputs, { AWS_REGION: 'nowhere' }).refusals).toEqual([
      "Environment variable AWS_REGION must be a region like us-east-1; got 'nowhere': fix it or set the aws-region input."
    ])
    // With the region known, both are refused, each for its place.
    expect(refusedInputs(inputs, { AWS_REGION: 'us-east-1' })).toEqual([
      'kms-key-id',
      'role-to-assume'
    ])
  })

  test('an ARN refused by its shape is not judged by its place too', () => {
    expect(
      refusedInputs(withBase({ 'kms-key-id': 'arn:aws-cn:kms:cn-north-1:123:key/x' }))
    ).toEqual(['kms-key-id'])
  })

  test('a mode refused: the checks of every mode, none of those of one mode', () => {
    expect(refusedInputs({ mode: 'Start', wait: 'yes' })).toEqual(['mode', 'wait'])
    expect(refusedInputs({ mode: 'wiat' })).toEqual(['mode'])
  })

  test('a mode that needs the task: the identifier required, with the others', () => {
    expect(refusedInputs({ mode: 'wait', 'aws-region': 'us-east-1', summary: 'nope' })).toEqual([
      'export-task-identifier',
      'summary'
    ])
  })

  test('tables-report refused: glue-database is not refused for it', () => {
    expect(
      refusedInputs(withBase({ wait: 'true', 'tables-report': 'flase', 'glue-database': 'db' }))
    ).toEqual(['tables-report'])
    expect(
      refusedInputs(withBase({ wait: 'true', 'tables-report': 'false', 'glue-database': 'db' }))
    ).toEqual(['glue-database'])
  })

  test('create-snapshot with the wrong source, and its tags: both', () => {
    expect(refusedInputs(withBase({ 'create-snapshot': 'true', 'snapshot-tags': 'k' }))).toEqual([
      'create-snapshot',
      'snapshot-tags'
    ])
    expect(refusedInputs(withBase({ 'create-snapshot': 'maybe', 'snapshot-tags': 'k' }))).toEqual([
      'create-snapshot'
    ])
  })

  test('a wait refused still has the inputs that apply when waiting checked', () => {
    expect(
      refusedInputs(withBase({ wait: 'ja', 'glue-database': 'db', 'glue-table-prefix': 'A' }))
    ).toEqual(['wait', 'glue-table-prefix'])
  })

  test('a key id with the region from the environment: fine with the others refused', () => {
    expect(
      refusedInputs(
        withBase({ ...noArn, 'db-snapshot-identifier': 'snap', 'kms-key-id': KEY_ID, wait: 'x' }),
        { AWS_REGION: 'eu-west-1' }
      )
    ).toEqual(['wait'])
  })
})

describe('Refusals', () => {
  test('keeps refusals of inputs; any other error is not a refusal and goes on up', () => {
    const refusals = new Refusals()
    expect(refusals.error()).toBeUndefined()
    expect(refusals.check(() => 1)).toBe(1)
    expect(() =>
      refusals.check(() => {
        throw new TypeError('a bug')
      })
    ).toThrow('a bug')
    expect(refusals.error()).toBeUndefined()
  })
})
