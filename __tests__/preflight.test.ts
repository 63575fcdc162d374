// Bad input is refused before the action proper is loaded: one `::error::` line (escaped as the
// runner reads commands) and the summary, from the environment alone.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { inputFrom, preflight } from '../src/preflight.js'
import { runnerCommands } from '../test/support/runner.js'

describe('preflight', () => {
  test('inputs read as core.getInput reads them: INPUT_<NAME>, spaces as _, trimmed', () => {
    const read = inputFrom({ 'INPUT_SOURCE-ARN': '  arn:x \n', INPUT_A_B: 'v' })
    expect(read('source-arn')).toBe('arn:x')
    expect(read('a b')).toBe('v')
    expect(read('missing')).toBe('')
  })

  test('good inputs pass and write nothing', () => {
    const written: string[] = []
    const ok = preflight(
      {
        'INPUT_DB-INSTANCE-IDENTIFIER': 'prod',
        'INPUT_S3-BUCKET-NAME': 'exports-bucket',
        'INPUT_IAM-ROLE-ARN': 'arn:aws:iam::123456789012:role/rds-s3-export',
        'INPUT_KMS-KEY-ID': 'alias/rds-export',
        AWS_REGION: 'eu-west-1'
      },
      text => written.push(text)
    )
    expect(ok).toBe(true)
    expect(written).toEqual([])
  })

  const destination = {
    'INPUT_IAM-ROLE-ARN': 'arn:aws:iam::123456789012:role/rds-s3-export',
    'INPUT_KMS-KEY-ID': 'alias/rds-export'
  }

  test('bad input: one error command naming the input, and the summary', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'preflight-')), 'summary.md')
    const written: string[] = []
    const ok = preflight(
      {
        'INPUT_DB-INSTANCE-IDENTIFIER': 'prod',
        'INPUT_S3-BUCKET-NAME': 's3://bucket/nightly\n##[error]x',
        ...destination,
        GITHUB_STEP_SUMMARY: summary,
        AWS_REGION: 'eu-west-1'
      },
      text => written.push(text)
    )
    expect(ok).toBe(false)
    const commands = runnerCommands(written.join(''))
    expect(commands.map(c => c.name)).toEqual(['error'])
    expect(commands[0]?.data).toMatch(/^Input 's3-bucket-name'/)
    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toMatch(/^## ❌ Step failed/)
    expect(markdown).toContain("**What happened:** Input 's3-bucket-name' must be a bucket name")
  })

  test('every bad input: one error command naming them all, one line each in the summary', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'preflight-')), 'summary.md')
    const written: string[] = []
    const ok = preflight(
      {
        'INPUT_DB-INSTANCE-IDENTIFIER': 'prod',
        'INPUT_S3-BUCKET-NAME': 'Exports',
        ...destination,
        INPUT_WAIT: 'yes',
        'INPUT_ON-TIMEOUT': 'ignore',
        GITHUB_STEP_SUMMARY: summary,
        AWS_REGION: 'eu-west-1'
      },
      text => written.push(text)
    )
    expect(ok).toBe(false)
    const commands = runnerCommands(written.join(''))
    expect(commands.map(c => c.name)).toEqual(['error'])
    expect(commands[0]?.data).toMatch(
      /^3 inputs are refused: Input 's3-bucket-name' .*\. Input 'wait' .*\. Input 'on-timeout' .*\.$/
    )
    const what = readFileSync(summary, 'utf8').split('**What happened:** ')[1]?.split('\n\n')[0]
    expect(what?.split('<br>\n')).toEqual([
      '3 inputs are refused:',
      "Input 's3-bucket-name' must be a bucket name (3-63 lower-case letters, digits, '.' and '-'); got 'Exports': 'E' is not allowed (only lower case).",
      "Input 'wait' must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'.",
      "Input 'on-timeout' must be one of fail, continue, cancel; got 'ignore'."
    ])
  })
})
