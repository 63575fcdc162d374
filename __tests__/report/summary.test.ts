import { describe, test, expect } from '@jest/globals'
import type { ExportTask } from '../../src/aws/types.js'
import {
  renderSummary,
  SUMMARY_LIMIT_BYTES,
  type Outcome,
  type SummaryInput
} from '../../src/report/summary.js'
import { emptyHeaderRows, renderGfm } from '../../scripts/gfm.js'
import { bareSummary } from '../../__fixtures__/summary.js'

const start = new Date('2026-05-01T08:00:00Z')
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

const task: ExportTask = {
  ExportTaskIdentifier: 'orders-export-1234',
  SourceArn: 'arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:orders-2026-05-01',
  SourceType: 'CLUSTER',
  SnapshotTime: new Date('2026-05-01T03:10:00Z'),
  TaskStartTime: start,
  S3Bucket: 'exports-bucket',
  S3Prefix: 'rds',
  IamRoleArn: 'arn:aws:iam::123456789012:role/rds-export',
  KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  Status: 'IN_PROGRESS',
  PercentProgress: 42,
  TotalExtractedDataInGB: 110
}

const base: SummaryInput = {
  outcome: 'status',
  task,
  region: 'eu-west-1',
  timeline: [
    { at: at(0), status: 'STARTING', percentProgress: 0 },
    { at: at(12), status: 'IN_PROGRESS', percentProgress: 0 }
  ],
  waitedMs: 30 * 60_000
}

const ended = (Status: string, extra: Partial<ExportTask> = {}): ExportTask => ({
  ...task,
  Status,
  TaskEndTime: at(62),
  ...extra
})

const cases: [Outcome, Partial<SummaryInput>][] = [
  [
    'started',
    { task: { ...task, Status: 'STARTING', PercentProgress: 0 }, timeline: [], waitedMs: undefined }
  ],
  [
    'adopted',
    { waitedMs: undefined, warnings: ['wait-timeout-minutes is ignored in mode status'] }
  ],
  ['status', {}],
  ['canceling', { task: { ...task, Status: 'CANCELING' } }],
  [
    'complete',
    {
      task: ended('COMPLETE', { PercentProgress: 100, TotalExtractedDataInGB: 263 }),
      timeline: [...base.timeline, { at: at(62), status: 'COMPLETE', percentProgress: 100 }]
    }
  ],
  [
    'failed',
    {
      task: ended('FAILED', {
        FailureCause:
          "The export task can't assume the IAM role arn:aws:iam::123456789012:role/rds-export."
      }),
      errorMessage:
        "Export task orders-export-1234 failed: The export task can't assume the IAM role.",
      hint: "The export role's trust policy must allow export.rds.amazonaws.com to sts:AssumeRole."
    }
  ],
  ['canceled', { task: ended('CANCELED') }],
  [
    'timeout',
    {
      waitedMs: 330 * 60_000,
      errorMessage: 'Timed out after 5h 30m waiting for export task orders-export-1234.'
    }
  ],
  ['timeout-continue', { waitedMs: 330 * 60_000 }],
  ['timeout-cancel', { waitedMs: 330 * 60_000, task: { ...task, Status: 'CANCELING' } }],
  ['aborted', { task: { ...task, Status: 'CANCELING' } }],
  [
    'error',
    {
      task: undefined,
      timeline: [],
      waitedMs: undefined,
      errorMessage: 'StartExportTask: the KMS key is not accessible (KMSKeyNotAccessibleFault).',
      hint: 'The caller needs kms:CreateGrant and kms:DescribeKey on the key.'
    }
  ]
]

describe('renderSummary snapshots', () => {
  test.each(cases)('%s', (outcome, patch) => {
    expect(renderSummary({ ...base, ...patch, outcome })).toMatchSnapshot()
  })

  test('complete with a JSON warning message', () => {
    const md = renderSummary({
      ...base,
      outcome: 'complete',
      task: ended('COMPLETE', {
        PercentProgress: 100,
        WarningMessage:
          '{"skippedTables":[{"database":"db","schema":"public","table":"t","reason":"UNSUPPORTED"}],"skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}'
      })
    })
    expect(md).toContain('### Export warnings')
    expect(md).toContain('- Skipped table db.public.t: UNSUPPORTED')
    expect(md).toContain('- General: FAILED\\_TO\\_EXTRACT\\_TABLES\\_LIST\\_FOR\\_DATABASE')
    // A warning is the first thing below a heading that says so.
    expect(md).toMatch(/^## ⚠️ Export complete, with warnings\n\n### Export warnings\n/)
    expect(md).toMatchSnapshot()
  })
})

describe('renderSummary content', () => {
  test('headings in plain words', () => {
    expect(renderSummary({ ...base, outcome: 'complete' })).toMatch(/^## ✅ Export complete\n/)
    expect(renderSummary({ ...base, outcome: 'failed' })).toMatch(/^## ❌ Export failed\n/)
    expect(renderSummary({ ...base, outcome: 'timeout', waitedMs: 330 * 60_000 })).toMatch(
      /^## ⏱️ Timed out after 5h 30m — the export keeps running\n/
    )
    expect(renderSummary({ ...base, outcome: 'aborted' })).toContain('the export keeps running')
  })

  test('a failed step leads with ❌ and why, even when the export itself is COMPLETE', () => {
    const complete = ended('COMPLETE', { PercentProgress: 100 })
    const failed = { errorMessage: 'It failed.', hint: 'Do this.' }
    // fail-on-warning
    expect(renderSummary({ ...base, ...failed, outcome: 'complete', task: complete })).toMatch(
      /^## ❌ Export complete with warnings, failed by fail-on-warning\n\n\*\*What happened:\*\* It failed\.\n\n\*\*What to do:\*\* Do this\./
    )
    // Reading or registering the tables of a COMPLETE export failed.
    expect(renderSummary({ ...base, ...failed, outcome: 'error', task: complete })).toMatch(
      /^## ❌ Export complete, then the step failed\n/
    )
    expect(renderSummary({ ...base, ...failed, outcome: 'error' })).toMatch(/^## ❌ Step failed\n/)
  })

  test('S3 console link for the bucket and prefix, RDS console link', () => {
    const md = renderSummary(base)
    expect(md).toContain(
      '| S3 location | [s3://exports-bucket/rds/orders-export-1234/](https://eu-west-1.console.aws.amazon.com/s3/buckets/exports-bucket?region=eu-west-1&prefix=rds%2Forders-export-1234%2F&showversions=false) |'
    )
    expect(md).toContain(
      '| Region | [eu-west-1](https://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1#exports-in-s3:) (exports in the RDS console) |'
    )
  })

  test('the S3 console link is in the partition of the region', () => {
    const md = renderSummary({ ...base, region: 'cn-north-1' })
    expect(md).toContain(
      '](https://console.amazonaws.cn/s3/buckets/exports-bucket?region=cn-north-1&'
    )
  })

  test('the S3 location comes from the task, whatever slashes its prefix has', () => {
    const md = renderSummary({ ...base, task: { ...task, S3Prefix: '/rds/' } })
    expect(md).toContain('[s3://exports-bucket/rds/orders-export-1234/]')
  })

  test('missing task: what is known, no table rows from the task', () => {
    const md = renderSummary(bareSummary('error', { errorMessage: 'boom' }))
    expect(md).toContain('## ❌ Step failed')
    expect(md).toContain('boom')
    // The region in the lead, not a details block holding only it.
    expect(md).toMatch(/_No export task to show\._ Region: \[us-east-1\]\(https:\/\/us-east-1\./)
    expect(md).not.toContain('<details>')
    expect(md).not.toContain('Export task |')
    expect(md).not.toContain('Timeline')
  })

  test('one change is one change; a change without progress shows a dash, not an empty cell', () => {
    const md = renderSummary({ ...base, timeline: [{ at: at(0), status: 'COMPLETE' }] })
    expect(md).toContain('<summary>Timeline (1 change)</summary>')
    expect(md).toContain('| COMPLETE | — |')
  })

  test('a policy statement to add is a JSON code block, in a warning and in what to do', () => {
    const policy = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/p/*' }]
    const text = `Add this statement to the calling role's policy: ${JSON.stringify(policy)}`
    const md = renderSummary({ ...base, warnings: [text], hint: text, errorMessage: 'x' })
    const block = ['```json', ...JSON.stringify(policy, null, 2).split('\n'), '```']
    expect(md).toContain(
      ["**What to do:** Add this statement to the calling role's policy:", '', ...block].join('\n')
    )
    expect(md).toContain(
      [
        "- Add this statement to the calling role's policy:",
        '',
        ...block.map(line => `  ${line}`)
      ].join('\n')
    )
    expect(emptyHeaderRows(renderGfm(md))).toEqual([])
  })

  test('Duration agrees with Started and Ended as shown, in whole seconds', () => {
    const at = (time: string) => new Date(`2026-11-30T${time}Z`)
    const task = { ExportTaskIdentifier: 'nightly-1', Status: 'COMPLETE' }
    const times = { TaskStartTime: at('00:05:01.900'), TaskEndTime: at('00:05:18.100') }
    const md = renderSummary(bareSummary('complete', { task: { ...task, ...times } }))
    expect(md).toContain('| Started | 2026-11-30 00:05:01 UTC |')
    expect(md).toContain('| Ended | 2026-11-30 00:05:18 UTC |')
    expect(md).toContain('| Duration | 17s |')
  })

  test('input refused before the region was known: no region row, no empty details, no link', () => {
    const md = renderSummary(bareSummary('error', { region: '', errorMessage: 'bad input' }))
    expect(md).toContain('bad input')
    expect(md).not.toContain('Region')
    expect(md).not.toContain('Export task details')
    expect(md).not.toMatch(/\]\(https:/)
  })
})

describe('escaping values from AWS', () => {
  const hostile =
    'a|b <img src=x onerror=alert(1)> `code` [link](https://evil.example) *x*\nnext | row'

  test('table cells stay one cell on one line, with no HTML', () => {
    const md = renderSummary({
      ...base,
      task: { ...task, ExportTaskIdentifier: hostile, KmsKeyId: hostile },
      timeline: [{ at: at(1), status: hostile }]
    })
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/[^\\]\]\(https:\/\/evil/)
    for (const line of md.split('\n').filter(l => l.startsWith('| '))) {
      // Unescaped pipes are the cell borders only: 2 columns of details, 3 of the timeline.
      const borders = line.replace(/\\\|/g, '').split('|').length - 1
      expect(borders === 3 || borders === 4).toBe(true)
    }
    expect(md).toContain(
      '| Export task | a\\|b &lt;img src=x onerror=alert(1)&gt; \\`code\\` \\[link\\](https\\://evil.example) \\*x\\* next \\| row |'
    )
  })

  test('failure cause, error, hint and warnings are escaped', () => {
    const md = renderSummary({
      ...base,
      outcome: 'failed',
      task: { ...task, FailureCause: hostile, WarningMessage: hostile },
      errorMessage: '<script>alert(1)</script>',
      hint: '<b>bold</b>',
      warnings: ['<i>x</i>']
    })
    expect(md).not.toMatch(/<(script|img|b|i)\b/)
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(md).toContain('a\\|b &lt;img')
  })
})

describe('the 1 MiB cap', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

  test('a 5 MB warning message in plain text', () => {
    const md = renderSummary({
      ...base,
      outcome: 'complete',
      task: ended('COMPLETE', {
        WarningMessage: 'ü'.repeat(2_500_000),
        FailureCause: '€'.repeat(2_000_000)
      })
    })
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('### Export warnings')
  })

  test('100k skipped tables: a few lines and a count of the rest', () => {
    const skippedTables = Array.from({ length: 100_000 }, (_, i) => ({
      database: 'db',
      schema: 'public',
      table: `t${i}`,
      reason: 'UNSUPPORTED_DATA_TYPE'
    }))
    const md = renderSummary({
      ...base,
      outcome: 'complete',
      task: ended('COMPLETE', { WarningMessage: JSON.stringify({ skippedTables }) })
    })
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(md).toContain('- Skipped table db.public.t0: UNSUPPORTED\\_DATA\\_TYPE')
    // RDS's warning gives 49 lines and a count, all of which the summary lists.
    expect(md).toContain(
      '- Skipped table db.public.t48: UNSUPPORTED\\_DATA\\_TYPE\n- … and 99951 more'
    )
    expect(md).not.toContain('t99999')
  })

  test('everything huge at once still fits, cut at a character boundary', () => {
    const big = '🙂'.repeat(600_000)
    const md = renderSummary({
      ...base,
      outcome: 'failed',
      task: {
        ...task,
        ExportTaskIdentifier: big,
        SourceArn: big,
        FailureCause: big,
        WarningMessage: big,
        ExportOnly: Array(10_000).fill(big)
      },
      timeline: Array.from({ length: 50_000 }, (_, i) => ({ at: at(i), status: big })),
      errorMessage: big,
      hint: big,
      warnings: Array(10_000).fill(big)
    })
    expect(bytes(md)).toBeLessThan(SUMMARY_LIMIT_BYTES)
    expect(md).not.toContain('\uFFFD')
    expect(md).toContain('Summary truncated to fit the 1 MiB limit')
  })

  test('a long timeline: its first and last fifty changes, and a count of the rest', () => {
    const timeline = Array.from({ length: 50_000 }, (_, i) => ({
      at: at(i),
      status: 'IN_PROGRESS'
    }))
    const md = renderSummary({ ...base, timeline })
    expect(md).toContain('| … | 49900 more changes | |')
    expect(md).toContain('<summary>Timeline (50000 changes)</summary>')
  })
})

describe('a summary that leads with what matters', () => {
  const failed: SummaryInput = {
    ...base,
    outcome: 'failed',
    task: ended('FAILED', {
      FailureCause: "The export task can't assume the IAM role rds-s3-export."
    }),
    errorMessage:
      "Export task 'orders-export-1234' FAILED: The export task can't assume the IAM role rds-s3-export.",
    hint: "The export role's trust policy must allow export.rds.amazonaws.com."
  }

  test('a failure: what happened and what to do first, the cause once, the details folded', () => {
    const md = renderSummary(failed)
    expect(md).toMatch(/^## ❌ Export failed\n\n\*\*What happened:\*\* .*\n\n\*\*What to do:\*\* /)
    expect(md.split("can't assume the IAM role")).toHaveLength(2)
    expect(md).not.toContain('..')
    expect(md.indexOf('**What to do:**')).toBeLessThan(md.indexOf('<details>'))
    expect(md).toContain('<summary>Export task details</summary>')
  })

  test('every table has a real header row, as GitHub renders it', () => {
    for (const [outcome, patch] of cases) {
      const html = renderGfm(renderSummary({ ...base, ...patch, outcome }))
      expect({ outcome, empty: emptyHeaderRows(html) }).toEqual({ outcome, empty: [] })
    }
  })

  test('99% is not a full bar', () => {
    const md = renderSummary({ ...base, task: { ...task, PercentProgress: 99.6 } })
    expect(md).toContain('| Progress | ███████████████████░ 99% |')
  })

  test('a timeout gives the step to paste into a later job, with the identifier and region', () => {
    const md = renderSummary({
      ...base,
      outcome: 'timeout',
      actionRef: 'acme/rds-export-action@v1',
      roleToAssume: 'arn:aws:iam::123456789012:role/gha'
    })
    expect(md).toContain(
      [
        '```yaml',
        '- uses: acme/rds-export-action@v1',
        '  with:',
        '    mode: wait',
        '    export-task-identifier: orders-export-1234',
        '    aws-region: eu-west-1',
        '    role-to-assume: arn:aws:iam::123456789012:role/gha',
        '```'
      ].join('\n')
    )
    expect(renderSummary({ ...base, outcome: 'complete' })).not.toContain('mode: wait')
  })

  test('the snapshot create-snapshot took is in the details, kept', () => {
    const md = renderSummary({
      ...base,
      snapshot: { kind: 'snapshot', identifier: 'prod-4242', arn: 'arn:s', status: 'available' }
    })
    expect(md).toContain('| Snapshot taken | prod-4242 (available; kept) |')
  })
})
