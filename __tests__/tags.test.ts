import { describe, expect, test } from '@jest/globals'
import { actionTags, tagLength, tagValue, TAG_VALUE_MAX } from '../src/tags.js'

// RDS's value rule (API Reference, Tag), as the stand-in checks it.
const RDS_VALUE = /^(?!(aws|rds):)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/iu

describe('tagValue: any text as a value RDS takes', () => {
  test.each([
    ['aws:nightly', 'aws_nightly'],
    ['RDS: backup', 'RDS_ backup'],
    ['Aws:x', 'Aws_x'],
    ['rDs:', 'rDs_'],
    ['nightly aws:export', 'nightly aws:export'],
    ['Release (prod)', 'Release _prod_'],
    ['octo-org/octo-repo', 'octo-org/octo-repo'],
    ['Café ☕ nightly', 'Café _ nightly'],
    ['', '']
  ])('%j is sent as %j', (text, value) => {
    expect(tagValue(text)).toBe(value)
    expect(tagValue(text)).toMatch(RDS_VALUE)
  })

  test('a long name is cut at 256 characters, never inside one', () => {
    // Letters outside the BMP are two UTF-16 units each: a cut at 256 units after one ASCII
    // letter would split the 128th in two.
    const value = tagValue(`a${'\u{1D400}'.repeat(300)}`)
    expect(tagLength(value)).toBe(TAG_VALUE_MAX)
    expect(value.length).toBe(1 + 2 * 255)
    expect(value).not.toMatch(/\p{Cs}/u) // no lone surrogate
    expect(() => encodeURIComponent(value)).not.toThrow()
  })

  test('300 emoji become 256 underscores, one per emoji', () => {
    expect(tagValue('🚀'.repeat(300))).toBe('_'.repeat(256))
  })

  test('a reserved prefix made by the cut or by replacement is still caught', () => {
    expect(tagValue('aws\u00a0:x')).toBe('aws\u00a0:x') // a space between: not the prefix
    expect(tagValue('rds;x')).toBe('rds_x')
    expect(tagValue('aws:'.repeat(100))).toMatch(RDS_VALUE)
  })
})

describe('actionTags', () => {
  test('the repository, the workflow and the run, each made to fit; empty ones left out', () => {
    expect(actionTags({ repository: 'octo/repo', workflow: 'aws:nightly', runId: '42' })).toEqual([
      { Key: 'github:repository', Value: 'octo/repo' },
      { Key: 'github:workflow', Value: 'aws_nightly' },
      { Key: 'github:run-id', Value: '42' }
    ])
    expect(actionTags({ workflow: '', runId: '42' })).toEqual([
      { Key: 'github:run-id', Value: '42' }
    ])
  })
})
