import { describe, expect, test } from '@jest/globals'
import type { ExportTask } from '@aws-sdk/client-rds'
import { decideExisting, differences, sourceMatches, type WantedExport } from '../src/adopt.js'
import { cases } from '../__fixtures__/cases.js'

const SOURCE_ARN = 'arn:aws:rds:us-east-1:123456789012:snapshot:prod-1'
const wanted: WantedExport = {
  ExportTaskIdentifier: 'nightly-42',
  source: { input: 'source-arn', arn: SOURCE_ARN },
  S3BucketName: 'exports',
  S3Prefix: 'nightly'
}
const same: ExportTask = {
  ExportTaskIdentifier: 'nightly-42',
  SourceArn: SOURCE_ARN,
  S3Bucket: 'exports',
  S3Prefix: 'nightly/',
  Status: 'IN_PROGRESS'
}
const attach = {
  ifExists: 'attach' as const,
  generatedIdentifier: false,
  freshIdentifierAvailable: false
}

describe('decideExisting', () => {
  test('no task: start one', () => {
    expect(decideExisting(undefined, wanted, attach)).toEqual({ action: 'start' })
  })

  test('the same export is adopted (prefix slashes do not matter)', () => {
    expect(decideExisting(same, wanted, attach)).toEqual({ action: 'adopt', task: same })
  })

  test('a different export is a conflict naming the identifier and every difference', () => {
    const other = {
      ...same,
      SourceArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:other',
      S3Bucket: 'b2'
    }
    const decision = decideExisting(other, wanted, attach)
    expect(decision.action).toBe('conflict')
    const message = (decision as { message: string }).message
    expect(message).toContain("'nightly-42'")
    expect(message).toContain('source')
    expect(message).toContain('bucket')
    expect(message).not.toContain('prefix (')
  })

  test('if-exists: fail refuses even the same export', () => {
    const decision = decideExisting(same, wanted, { ...attach, ifExists: 'fail' })
    expect(decision).toMatchObject({ action: 'conflict' })
    expect((decision as { message: string }).message).toContain("if-exists is 'fail'")
  })

  test.each(['FAILED', 'canceled'])(
    'a generated identifier whose task ended %s gets a fresh one when available',
    status => {
      const ended = { ...same, Status: status }
      const options = { ...attach, generatedIdentifier: true, freshIdentifierAvailable: true }
      expect(decideExisting(ended, wanted, options)).toEqual({ action: 'fresh-identifier' })
      // Not for an identifier the workflow chose, nor when no fresh one is available.
      expect(decideExisting(ended, wanted, attach).action).toBe('adopt')
      expect(
        decideExisting(ended, wanted, { ...options, freshIdentifierAvailable: false }).action
      ).toBe('adopt')
    }
  )

  test('a COMPLETE task under a generated identifier is adopted, not redone', () => {
    const options = { ...attach, generatedIdentifier: true, freshIdentifierAvailable: true }
    expect(decideExisting({ ...same, Status: 'COMPLETE' }, wanted, options).action).toBe('adopt')
  })
})

test('differences lists prefix changes', () => {
  expect(differences({ ...same, S3Prefix: 'other' }, wanted)).toEqual([
    "prefix (task: 'other', wanted: 'nightly')"
  ])
})

describe('sourceMatches', () => {
  const acct = 'arn:aws:rds:us-east-1:123456789012'
  cases('%s vs %j: %s', sourceMatches, [
    [`${acct}:snapshot:prod-1`, { input: 'source-arn', arn: `${acct}:snapshot:prod-1` }, true],
    [`${acct}:snapshot:prod-2`, { input: 'source-arn', arn: `${acct}:snapshot:prod-1` }, false],
    [
      `${acct}:snapshot:rds:db-1`,
      { input: 'db-snapshot-identifier', identifier: 'rds:db-1' },
      true
    ],
    [`${acct}:snapshot:db-1`, { input: 'db-snapshot-identifier', identifier: 'other' }, false],
    [`${acct}:cluster-snapshot:w`, { input: 'db-snapshot-identifier', identifier: 'w' }, false],
    [
      `${acct}:cluster-snapshot:w`,
      { input: 'db-cluster-snapshot-identifier', identifier: 'w' },
      true
    ],
    [
      `${acct}:snapshot:rds:db-2026`,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
      true
    ],
    [
      `${acct}:cluster:aurora`,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
      false
    ],
    [
      `${acct}:cluster-snapshot:rds:a-1`,
      { input: 'db-cluster-identifier', identifier: 'a', snapshotType: 'any' },
      true
    ]
  ])
})
