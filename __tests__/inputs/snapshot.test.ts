import { describe, test, expect } from '@jest/globals'
import { SNAPSHOT_TAGS_MAX, parseSnapshotTags } from '../../src/inputs/index.js'
import { ACTION_TAG_KEYS } from '../../src/tags.js'
import {
  accepted,
  noArn,
  parse,
  refusal,
  refused,
  refusedEach,
  warningsOf,
  withBase
} from './support.js'

const instance = { ...noArn, 'db-instance-identifier': 'prod', 'aws-region': 'us-east-1' }
const creating = { ...instance, 'create-snapshot': 'true' }

describe('create-snapshot', () => {
  accepted(
    'create-snapshot',
    'true',
    {
      source: { input: 'db-instance-identifier', identifier: 'prod', snapshotType: 'any' },
      createSnapshot: true,
      snapshotTags: []
    },
    { with: instance }
  )
  accepted(
    'create-snapshot',
    'True',
    { createSnapshot: true },
    {
      with: { ...noArn, 'db-cluster-identifier': 'aurora-1', 'aws-region': 'us-east-1' }
    }
  )
  accepted('create-snapshot', 'FALSE', { createSnapshot: false }, { with: instance })
  accepted('create-snapshot', 'false', { createSnapshot: false })

  refused('create-snapshot', 'yes', 'must be a boolean: true, True, TRUE, false, False, FALSE', {
    with: instance
  })
  refused(
    'create-snapshot',
    'true',
    "Input 'create-snapshot' takes a new snapshot of a DB instance or an Aurora DB cluster: it goes with 'db-instance-identifier' or 'db-cluster-identifier', not with 'source-arn'."
  )
  for (const input of ['db-snapshot-identifier', 'db-cluster-snapshot-identifier']) {
    refused('create-snapshot', 'true', `not with '${input}'`, {
      with: { ...noArn, [input]: 'snap-1', 'aws-region': 'us-east-1' }
    })
  }

  test('snapshot-type is ignored with a warning', () => {
    const { config, warnings } = parse(withBase({ ...creating, 'snapshot-type': 'manual' }))
    expect(config.createSnapshot).toBe(true)
    expect(warnings).toEqual([
      "Input 'snapshot-type' is ignored with create-snapshot: the export uses the snapshot taken now."
    ])
    expect(warningsOf(withBase({ ...creating, 'snapshot-type': 'any' }))).toEqual([])
  })

  test('with another mode it is ignored, with the other start-only inputs; a typo is a typo', () => {
    const status = { mode: 'status', 'export-task-identifier': 'x', 'aws-region': 'us-east-1' }
    // A boolean is checked in every mode (the contract); snapshot-tags, free text, is not.
    expect(refusal({ ...status, 'create-snapshot': 'maybe', 'snapshot-tags': 'aws:bad' })).toEqual(
      expect.objectContaining({
        input: 'create-snapshot',
        refusals: [
          "Input 'create-snapshot' must be a boolean: true, True, TRUE, false, False, FALSE; got 'maybe'."
        ]
      })
    )
    const warnings = warningsOf({
      ...status,
      'create-snapshot': 'true',
      'snapshot-tags': 'aws:bad'
    })
    expect(warnings).toEqual([
      "Inputs 'create-snapshot', 'snapshot-tags' only apply to mode 'start'; mode 'status' ignores them and uses the task named by export-task-identifier."
    ])
    const quiet = { mode: 'wait', 'export-task-identifier': 'x', 'aws-region': 'us-east-1' }
    expect(parse({ ...quiet, 'create-snapshot': 'false' })).toMatchObject({
      config: { createSnapshot: false, snapshotTags: [] },
      warnings: []
    })
  })
})

describe('snapshot-tags', () => {
  // The tags a value gives, written as [key, value] pairs to keep each case on a few lines.
  const tagged = (...pairs: [string, string][]) => ({
    snapshotTags: pairs.map(([Key, Value]) => ({ Key, Value }))
  })
  accepted(
    'snapshot-tags',
    'team=data, purpose = pre-migration backup\nticket=OPS-12\n\nurl=https://x.example/a+b@c',
    tagged(
      ['team', 'data'],
      ['purpose', 'pre-migration backup'],
      ['ticket', 'OPS-12'],
      ['url', 'https://x.example/a+b@c']
    ),
    { with: creating }
  )
  accepted(
    'snapshot-tags',
    'empty=, équipe=données, 名前=値, a=b=c',
    tagged(['empty', ''], ['équipe', 'données'], ['名前', '値'], ['a', 'b=c']),
    { with: creating }
  )
  accepted(
    'snapshot-tags',
    `${'k'.repeat(128)}=${'v'.repeat(256)}`,
    tagged(['k'.repeat(128), 'v'.repeat(256)]),
    { with: creating }
  )
  accepted('snapshot-tags', 'GitHub:Run-Id=7', tagged(['GitHub:Run-Id', '7']), { with: creating })

  const rule = "Input 'snapshot-tags' must be key=value tags, one per line or comma-separated"
  refusedEach(
    'snapshot-tags',
    [
      ['team', `${rule}; got 'team': write it as key=value.`],
      ['a=1, =x', "got '=x': the key before = is empty"],
      [`${'k'.repeat(129)}=v`, 'the key has 129 characters, at most 128'],
      [`k=${'v'.repeat(257)}`, 'the value has 257 characters, at most 256']
    ],
    { with: creating }
  )
  for (const key of ['aws:team', 'AWS:team', 'Aws:x', 'rds:team', 'RDS:x']) {
    refused('snapshot-tags', `${key}=1`, 'which AWS reserves (aws: and rds:, in any case)', {
      with: creating
    })
  }
  refusedEach(
    'snapshot-tags',
    [
      ['team=aws:data', "the value begins with 'aws:', which AWS reserves"],
      ['team#1=x', "'#' is not allowed in a tag"],
      ['team=a\tb', "'\\u0009' is not allowed in a tag"],
      ['team=a;b', "';' is not allowed"],
      ['team=x, team=y', "got 'team=y': the key 'team' is given twice"]
    ],
    { with: creating }
  )
  for (const key of ACTION_TAG_KEYS) {
    refused(
      'snapshot-tags',
      `${key}=mine`,
      `the action sets '${key}' itself (github:repository, github:workflow, github:run-id)`,
      { with: creating }
    )
  }

  test('at most 47: RDS allows 50 on a snapshot and the action adds 3', () => {
    expect(SNAPSHOT_TAGS_MAX).toBe(47)
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join(',')
    expect(parseSnapshotTags(tags(47))).toHaveLength(47)
    expect(() => parseSnapshotTags(tags(48))).toThrow(
      "Input 'snapshot-tags' must have at most 47 tags: RDS allows 50 on a snapshot and the action adds 3 (github:repository, github:workflow, github:run-id); got 48."
    )
  })

  test('without create-snapshot they are ignored with a warning, and not checked', () => {
    const { config, warnings } = parse(withBase({ ...instance, 'snapshot-tags': 'aws:x' }))
    expect(config.snapshotTags).toEqual([])
    expect(warnings).toEqual([
      "Input 'snapshot-tags' is ignored without create-snapshot: it tags the snapshot the action takes."
    ])
  })
})
