import { describe, test, expect } from '@jest/globals'
import { GLUE_TABLE_PREFIX_MAX } from '../../src/inputs/index.js'
import { accepted, parse, refusal, refused, refusedEach, warningsOf, withBase } from './support.js'

const waiting = { wait: 'true' }
const registering = { wait: 'true', 'glue-database': 'exports' }
const status = { mode: 'status', 'export-task-identifier': 'nightly-1', 'aws-region': 'us-east-1' }

describe('tables-report', () => {
  accepted('tables-report', 'auto', { tablesReport: 'auto' }, { with: waiting })
  for (const value of ['true', 'True', 'TRUE']) {
    accepted('tables-report', value, { tablesReport: true }, { with: waiting })
  }
  for (const value of ['false', 'False', 'FALSE']) {
    accepted('tables-report', value, { tablesReport: false }, { with: waiting })
  }
  accepted('tables-report', 'false', { tablesReport: false }, { only: status })
  accepted(
    'tables-report',
    'true',
    { tablesReport: true },
    {
      only: { ...status, mode: 'wait' }
    }
  )

  refused(
    'tables-report',
    'yes',
    "Input 'tables-report' must be auto or a boolean: true, True, TRUE, false, False, FALSE; got 'yes'.",
    { with: waiting }
  )
  refused('tables-report', 'Auto', "got 'Auto': write it in lower case, 'auto'.", {
    with: waiting
  })
})

describe('glue-database', () => {
  accepted(
    'glue-database',
    'exports',
    { glueDatabase: 'exports', tablesReport: 'auto' },
    {
      with: waiting
    }
  )
  accepted(
    'glue-database',
    'rds_exports_2026',
    { glueDatabase: 'rds_exports_2026' },
    {
      only: status
    }
  )
  accepted('glue-database', 'd'.repeat(255), { glueDatabase: 'd'.repeat(255) }, { with: waiting })
  accepted(
    'glue-database',
    'exports',
    { tablesReport: true },
    {
      with: { ...waiting, 'tables-report': 'true' }
    }
  )

  const rule =
    "Input 'glue-database' must be a Glue database name Athena can query: 1-255 lower-case letters, digits and '_'"
  refusedEach(
    'glue-database',
    [
      ['Exports', `${rule}; got 'Exports': write it in lower case, 'exports'.`],
      ['rds-exports', "got 'rds-exports': '-' is not allowed."],
      ['my db', "' ' is not allowed"],
      ['expörts', "'ö' is not allowed"],
      ['d'.repeat(256), 'it has 256 characters, at most 255']
    ],
    { with: waiting }
  )
  refused(
    'glue-database',
    'exports',
    "Input 'glue-database' registers the tables of the report, and 'tables-report' is false: set tables-report to auto or true, or remove glue-database.",
    { with: { ...waiting, 'tables-report': 'false' } }
  )
})

describe('glue-table-prefix', () => {
  test('leaves room for the longest table name in Glue', () => {
    // 255 characters, less database.schema.table of 64 characters each.
    expect(GLUE_TABLE_PREFIX_MAX).toBe(255 - (3 * 64 + 2))
  })

  accepted(
    'glue-table-prefix',
    'rds_',
    { glueDatabase: 'exports', glueTablePrefix: 'rds_' },
    {
      with: registering
    }
  )
  accepted(
    'glue-table-prefix',
    'p'.repeat(GLUE_TABLE_PREFIX_MAX),
    { glueTablePrefix: 'p'.repeat(GLUE_TABLE_PREFIX_MAX) },
    { with: registering }
  )
  refusedEach(
    'glue-table-prefix',
    [
      [
        'p'.repeat(GLUE_TABLE_PREFIX_MAX + 1),
        `must be at most ${GLUE_TABLE_PREFIX_MAX} lower-case letters, digits and '_', so that every table name fits Glue's 255 characters; got`
      ],
      ['Rds_', "write it in lower case, 'rds_'"],
      ['rds-', "'-' is not allowed"]
    ],
    { with: registering }
  )

  test('without glue-database it is ignored with a warning', () => {
    const { config, warnings } = parse(withBase({ ...waiting, 'glue-table-prefix': 'Bad-' }))
    expect(config).not.toHaveProperty('glueDatabase')
    expect(config.glueTablePrefix).toBe('')
    expect(warnings).toEqual([
      "Input 'glue-table-prefix' is ignored without glue-database: it names Glue tables."
    ])
  })
})

describe('where the tables inputs apply', () => {
  test('not to cancel: a warning, and only tables-report, a fixed set of values, is checked', () => {
    const cancel = { ...status, mode: 'cancel', 'glue-database': 'Bad-Name' }
    expect(refusal({ ...cancel, 'tables-report': 'maybe' }).refusals).toEqual([
      "Input 'tables-report' must be auto or a boolean: true, True, TRUE, false, False, FALSE; got 'maybe'."
    ])
    const { config, warnings } = parse({
      ...cancel,
      'tables-report': 'true',
      'glue-table-prefix': 'x'
    })
    expect(config).toMatchObject({ tablesReport: 'auto', glueTablePrefix: '' })
    expect(config).not.toHaveProperty('glueDatabase')
    expect(warnings).toEqual([
      "Inputs 'tables-report', 'glue-database', 'glue-table-prefix' apply once the export is seen COMPLETE; mode 'cancel' ignores them."
    ])
  })

  test('not to start without wait', () => {
    expect(warningsOf(withBase({ 'tables-report': 'true', 'glue-database': 'x' }))).toEqual([
      "Inputs 'tables-report', 'glue-database' apply once the export is seen COMPLETE, and mode 'start' without wait: true does not wait for that; they are ignored."
    ])
    const warnings = warningsOf(withBase({ 'glue-database': 'exports' }))
    expect(warnings).toEqual([
      "Input 'glue-database' applies once the export is seen COMPLETE, and mode 'start' without wait: true does not wait for that; it is ignored."
    ])
  })

  test('their defaults are quiet everywhere', () => {
    const defaults = { 'tables-report': 'auto', 'glue-table-prefix': '' }
    expect(warningsOf({ ...status, ...defaults, mode: 'cancel' })).toEqual([])
    expect(warningsOf(withBase(defaults))).toEqual([])
  })
})
