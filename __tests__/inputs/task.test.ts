import { describe, test, expect } from '@jest/globals'
import { accepted, parse, refused, refusedEach, withBase } from './support.js'

describe('export-task-identifier', () => {
  refusedEach('export-task-identifier', [
    [
      'rds:export',
      "got 'rds:export': it may contain only ASCII letters, digits and hyphens; found ':'"
    ],
    ['e'.repeat(61), 'it must be at most 60 characters long'],
    ['export-', 'it must not end with a hyphen']
  ])

  accepted('export-task-identifier', 'Nightly-Export-1', {
    exportTaskIdentifier: 'Nightly-Export-1'
  })
})

describe('if-exists', () => {
  refused('if-exists', 'replace', 'must be one of attach, fail')
  accepted('if-exists', 'fail', { ifExists: 'fail' })
})

describe('max-concurrent-exports', () => {
  refusedEach('max-concurrent-exports', [
    ['0', 'must be a whole number of exports, at least 1'],
    ['2.5', 'whole number'],
    ['five', "got 'five'"]
  ])
  accepted('max-concurrent-exports', '1', { maxConcurrentExports: 1 })

  test('more than RDS allows is a warning', () => {
    const { config, warnings } = parse(withBase({ 'max-concurrent-exports': '8' }))
    expect(config.maxConcurrentExports).toBe(8)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("Input 'max-concurrent-exports' is 8, but RDS allows at most 5")
  })
})
