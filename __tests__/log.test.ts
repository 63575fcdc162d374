// Data in the log never acts as a runner command: every line the action writes goes through
// log.ts, checked here the way the runner reads its output (test/support/runner.ts).
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { neutralize } from '../src/log.js'
import { runnerCommands } from '../test/support/runner.js'

/** Strings made of the pieces that make commands, and anything else. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '::',
        '##[',
        ']',
        '\n',
        '\r',
        '\r\n',
        ' ',
        '\t',
        'error',
        'warning',
        'add-mask',
        'set-output name=x',
        'stop-commands',
        '::error::PWNED',
        '##[error]PWNED',
        '%0A',
        '\u0085'
      ),
      fc.string()
    ),
    { maxLength: 12 }
  )
  .map(parts => parts.join(''))

describe('neutralize', () => {
  test.each([
    ['nightly ##[error]PWNED', 'the older form anywhere in a line'],
    ['prefix\n::error::PWNED', 'a line break, then a command'],
    ['  ::add-mask::secret', 'a command after white space'],
    ['a\r::warning::b', 'a carriage return'],
    ['##[stop-commands]token', 'stopping command processing'],
    ['::set-output name=status::x', 'an output'],
    ['\u0085::error::x', 'after a character only .NET counts as white space']
  ])('%j (%s) is no command', text => {
    expect(runnerCommands(neutralize(text))).toEqual([])
    expect(runnerCommands(`Started export task: ${neutralize(text)}`)).toEqual([])
  })

  test('any text: one line, and never a command, alone or after our own words', () => {
    fc.assert(
      fc.property(hostile, text => {
        const line = neutralize(text)
        expect(line).not.toMatch(/[\r\n]/)
        expect(runnerCommands(line)).toEqual([])
        expect(runnerCommands(`Source: ${line}`)).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })

  test('plain text is left as it is; line breaks show as \\n', () => {
    expect(neutralize('Started export task prod-1 (STARTING)')).toBe(
      'Started export task prod-1 (STARTING)'
    )
    expect(neutralize('one\ntwo')).toBe('one\\ntwo')
  })
})

describe('runnerCommands (the test oracle itself)', () => {
  test('finds what the runner would run', () => {
    expect(runnerCommands('::error::boom\n  ::warning file=a::w\nx ##[add-mask]s\nplain')).toEqual([
      { line: 1, name: 'error', data: 'boom' },
      { line: 2, name: 'warning', data: 'w' },
      { line: 3, name: 'add-mask', data: 's' }
    ])
    expect(runnerCommands('::unknown::x\n##[nope]y')).toEqual([])
  })
})
