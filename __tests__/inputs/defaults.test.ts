import { describe, test, expect } from '@jest/globals'
import type { Config } from '../../src/config.js'
import { INPUT_DEFAULTS, SOURCE_INPUTS, parseInputs, quote } from '../../src/inputs/index.js'
import {
  KEY_ARN,
  ROLE_ARN,
  SNAPSHOT_ARN,
  actionYml,
  base,
  parse,
  refusal,
  withBase,
  type Inputs
} from './support.js'

describe('defaults', () => {
  const expected: Config = {
    mode: 'start',
    source: { input: 'source-arn', arn: SNAPSHOT_ARN },
    createSnapshot: false,
    snapshotTags: [],
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
    outputEnvCredentials: false,
    wait: false,
    waitTimeoutMinutes: 330,
    onTimeout: 'fail',
    pollIntervalSeconds: 60,
    cancelOnAbort: true,
    failOnWarning: false,
    summary: true,
    tablesReport: 'auto',
    glueTablePrefix: ''
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

  test('quote cuts a long value of control characters and a 1 MB value alike', () => {
    expect(quote('\u0001'.repeat(100))).toBe(`'${'\\u0001'.repeat(12)}\\u000...'`)
    expect(quote(`${'y'.repeat(1 << 20)}\n`)).toBe(`'${'y'.repeat(77)}...'`)
    expect(quote('\u{1F600}'.repeat(90))).toBe(`'${'\u{1F600}'.repeat(77)}...'`)
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

test('SOURCE_INPUTS are the five source inputs of action.yml', () => {
  expect(SOURCE_INPUTS).toHaveLength(5)
  for (const name of SOURCE_INPUTS) expect(actionYml.inputs).toHaveProperty([name])
})
