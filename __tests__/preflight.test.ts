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

  test('bad input: one error command naming the input, and the summary', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'preflight-')), 'summary.md')
    const written: string[] = []
    const ok = preflight(
      {
        'INPUT_DB-INSTANCE-IDENTIFIER': 'prod',
        'INPUT_S3-BUCKET-NAME': 's3://bucket/nightly\n##[error]x',
        GITHUB_STEP_SUMMARY: summary,
        AWS_REGION: 'eu-west-1'
      },
      text => written.push(text)
    )
    expect(ok).toBe(false)
    const commands = runnerCommands(written.join(''))
    expect(commands.map(c => c.name)).toEqual(['error'])
    expect(commands[0]?.data).toMatch(/^Input 's3-bucket-name'/)
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ❌ Step failed/)
  })
})
