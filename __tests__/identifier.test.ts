import { describe, test, expect } from '@jest/globals'
import fc from 'fast-check'
import {
  compactUtcTimestamp,
  defaultRoleSessionName,
  exportTaskIdentifierProblem,
  generateExportTaskIdentifier,
  rdsNameProblem
} from '../src/identifier.js'
import { cases, phraseCases } from '../__fixtures__/cases.js'

const now = new Date('2026-11-25T08:46:00.123Z')

describe('exportTaskIdentifierProblem', () => {
  test.each([
    'a',
    'A',
    'export-1',
    'My-Export-2026-11-25',
    'x'.repeat(60),
    'a1-b2-c3',
    'prod-db-2026-11-25-03-10-12345678901'
  ])('%j is valid', value => {
    expect(exportTaskIdentifierProblem(value)).toBeUndefined()
  })

  phraseCases('%j: %s', exportTaskIdentifierProblem, [
    ['', 'must not be empty (1-60 characters)'],
    ['x'.repeat(61), 'must be at most 60 characters long; it has 61'],
    ['1export', "must begin with a letter (A-Z or a-z), not '1'"],
    ['-export', 'must begin with a letter'],
    ['éxport', 'must begin with a letter'],
    ['rds:prod-2026', "found ':' (U+003A)"],
    ['my_export', "found '_' (U+005F)"],
    ['my export', "found ' ' (a space)"],
    ['my\texport', 'found U+0009 (a control character)'],
    ['exporté', "found 'é' (U+00E9)"],
    ['export🚀', "found '🚀' (U+1F680)"],
    ['my--export', "must not contain two hyphens in a row ('--')"],
    ['my-export-', "must not end with a hyphen ('-')"],
    ['a-', 'must not end with a hyphen']
  ])

  test('rdsNameProblem uses the given limit', () => {
    expect(rdsNameProblem('d'.repeat(63), 63)).toBeUndefined()
    expect(rdsNameProblem('d'.repeat(64), 63)).toBe('must be at most 63 characters long; it has 64')
    expect(rdsNameProblem('', 63)).toBe('must not be empty (1-63 characters)')
  })
})

describe('compactUtcTimestamp', () => {
  test('is the UTC time to the second', () => {
    expect(compactUtcTimestamp(now)).toBe('20261125T084600Z')
    expect(compactUtcTimestamp(new Date('2027-01-02T03:04:05+02:00'))).toBe('20270102T010405Z')
  })
})

describe('generateExportTaskIdentifier', () => {
  test.each([
    [{ sourceName: 'manual-snap', runId: '12345678901' }, 'manual-snap-12345678901'],
    [
      { sourceName: 'rds:prod-db-2026-11-25-03-10', runId: '12345678901' },
      'rds-prod-db-2026-11-25-03-10-12345678901'
    ],
    [
      {
        sourceName: 'arn:aws:rds:us-east-1:123456789012:snapshot:rds:prod-db-2026-11-25-03-10',
        runId: '42'
      },
      'rds-prod-db-2026-11-25-03-10-42'
    ],
    [
      {
        sourceName: 'awsbackup:job-8a3f0c2e-1b2c-4d5e-9f00-112233445566',
        runId: '12345678901'
      },
      'awsbackup-job-8a3f0c2e-1b2c-4d5e-9f00-1122334455-12345678901'
    ],
    [{ sourceName: 'Prod_DB', runId: '7' }, 'prod-db-7'],
    [
      { sourceName: 'arn:aws:rds:eu-west-1:123456789012:cluster:aurora-live', runId: '9' },
      'aurora-live-9'
    ],
    [{ sourceName: '2026-nightly', runId: '9' }, 'export-2026-nightly-9'],
    [{ sourceName: '::', runId: '9' }, 'export-9'],
    [{ sourceName: '', runId: '9' }, 'export-9'],
    [{ sourceName: 'Café--Ünïcode', runId: '9' }, 'cafe-unicode-9'],
    [
      { sourceName: 'manual-snap', runId: '12345678901', attemptSuffix: 'a2' },
      'manual-snap-12345678901-a2'
    ],
    [{ sourceName: 'manual-snap' }, 'manual-snap-20261125t084600z'],
    [{ sourceName: 'manual-snap', runId: '' }, 'manual-snap-20261125t084600z']
  ])('%j -> %s', (args, expected) => {
    const id = generateExportTaskIdentifier({ now, ...args })
    expect(id).toBe(expected)
    expect(exportTaskIdentifierProblem(id)).toBeUndefined()
  })

  test('a long name is shortened, the run id and suffix are kept whole', () => {
    const id = generateExportTaskIdentifier({
      sourceName: `rds:${'a'.repeat(50)}-b-2026-11-25-03-10`,
      runId: '98765432101',
      attemptSuffix: 'a3',
      now
    })
    expect(id).toBe(`rds-${'a'.repeat(41)}-98765432101-a3`)
    expect(id).toHaveLength(60)
  })

  test('shortening never leaves a hyphen before the run id', () => {
    // 47 characters fit before '-123456789012'; the 47th of the name is a hyphen.
    const id = generateExportTaskIdentifier({
      sourceName: `${'b'.repeat(46)}-cccc`,
      runId: '123456789012',
      now
    })
    expect(id).toBe(`${'b'.repeat(46)}-123456789012`)
  })

  const sourceNames = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({
      unit: fc.constantFrom('-', ':', '_', '.', ' ', 'a', 'Z', '0', '9'),
      maxLength: 120
    }),
    fc.stringMatching(/^rds:[a-z][a-z0-9-]{0,62}-\d{4}-\d\d-\d\d-\d\d-\d\d$/),
    fc.stringMatching(
      /^awsbackup:job-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    ),
    fc
      .stringMatching(/^[a-z][a-z0-9-]{0,200}$/)
      .map(name => `arn:aws:rds:us-east-1:123456789012:snapshot:${name}`),
    fc
      .tuple(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 5, maxLength: 30 }),
        fc.constantFrom('-', ':', '_', '--')
      )
      .map(([words, separator]) => words.join(separator)),
    fc.constantFrom('', '-', '----', '::', ':', '0', '0db', 'a'.repeat(300), '🚀🚀', 'rds:', 'ß')
  )
  const runIds = fc.option(fc.stringMatching(/^[1-9]\d{0,19}$/), { nil: undefined })
  const attempts = fc.option(
    fc.integer({ min: 2, max: 99 }).map(n => `a${n}`),
    { nil: undefined }
  )
  const dates = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true
  })

  test('always valid, at most 60 characters, deterministic, keeping run id and suffix', () => {
    fc.assert(
      fc.property(
        sourceNames,
        runIds,
        attempts,
        dates,
        (sourceName, runId, attemptSuffix, date) => {
          const args = { sourceName, runId, attemptSuffix, now: date }
          const id = generateExportTaskIdentifier(args)
          expect(exportTaskIdentifierProblem(id)).toBeUndefined()
          expect(id.length).toBeLessThanOrEqual(60)
          expect(generateExportTaskIdentifier({ ...args })).toBe(id)
          const run = runId ?? compactUtcTimestamp(date).toLowerCase()
          expect(id.endsWith(`-${run}${attemptSuffix ? `-${attemptSuffix}` : ''}`)).toBe(true)
        }
      ),
      { numRuns: 2000 }
    )
  })

  test('with a run id the clock does not matter', () => {
    fc.assert(
      fc.property(sourceNames, dates, dates, (sourceName, a, b) => {
        expect(generateExportTaskIdentifier({ sourceName, runId: '5', now: a })).toBe(
          generateExportTaskIdentifier({ sourceName, runId: '5', now: b })
        )
      })
    )
  })

  test('the attempt suffix changes the identifier', () => {
    fc.assert(
      fc.property(sourceNames, runIds, dates, (sourceName, runId, date) => {
        const first = generateExportTaskIdentifier({ sourceName, runId, now: date })
        const second = generateExportTaskIdentifier({
          sourceName,
          runId,
          now: date,
          attemptSuffix: 'a2'
        })
        expect(second).not.toBe(first)
      })
    )
  })

  test('a run id full of junk still gives a valid identifier', () => {
    fc.assert(
      fc.property(sourceNames, fc.string({ maxLength: 200 }), dates, (sourceName, runId, date) => {
        const id = generateExportTaskIdentifier({
          sourceName,
          runId,
          now: date,
          attemptSuffix: 'x!'
        })
        expect(exportTaskIdentifierProblem(id)).toBeUndefined()
      })
    )
  })
})

describe('defaultRoleSessionName', () => {
  cases('%j -> %s', (runId?: string) => defaultRoleSessionName(runId, now), [
    ['12345678901', 'rds-export-12345678901'],
    [undefined, 'rds-export-20261125T084600Z'],
    ['', 'rds-export-20261125T084600Z'],
    ['run 7/8', 'rds-export-run-7-8'],
    ['x'.repeat(100), `rds-export-${'x'.repeat(53)}`]
  ])

  test('always 2-64 of [\\w+=,.@-]', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), runId => {
        expect(defaultRoleSessionName(runId, now)).toMatch(/^[\w+=,.@-]{2,64}$/)
      })
    )
  })
})
