// Every input is judged in time linear in its length: no pattern may backtrack without bound.
// Measured against a bound far above what a linear check needs (a 64 KiB value takes well
// under a millisecond), with a second try before failing, so a busy machine can't fail it; a
// quadratic pattern takes seconds on these values, an exponential one hours.

import { describe, test, expect } from '@jest/globals'
import fc from 'fast-check'
import { performance } from 'node:perf_hooks'
import { InputError, SOURCE_INPUTS, parseInputs } from '../../src/inputs/index.js'
import { actionYml, base, noArn, refusal, withBase, type Inputs } from './support.js'

const BOUND_MS = 250
const MAX_LENGTH = 64 * 1024

// Every input the parser reads, and every input action.yml declares.
function inputNames(): string[] {
  const names = new Set(Object.keys(actionYml.inputs))
  const record = (inputs: Inputs) => (name: string) => (names.add(name), inputs[name] ?? '')
  const status = { mode: 'status', 'export-task-identifier': 'x', 'aws-region': 'us-east-1' }
  parseInputs(record(base), {})
  parseInputs(record(status), {})
  return [...names].sort()
}

// A start in which `name` is read and checked: a source input as the source, any other input
// beside an instance that gets a new snapshot (so snapshot-tags count too) and waits.
function context(name: string, value: string): Inputs {
  const source = (SOURCE_INPUTS as readonly string[]).includes(name)
  const creates = !source || name === 'db-instance-identifier' || name === 'db-cluster-identifier'
  return withBase({
    ...noArn,
    ...(source ? {} : { 'db-instance-identifier': 'prod' }),
    ...(creates ? { 'create-snapshot': 'true' } : {}),
    'aws-region': 'us-east-1',
    wait: 'true',
    [name]: value
  })
}

function judge(inputs: Inputs): number {
  const started = performance.now()
  try {
    parseInputs(name => inputs[name] ?? '', {})
  } catch (error) {
    if (!(error instanceof InputError)) throw error
  }
  return performance.now() - started
}

// The faster of two tries: noise makes one slow, a bad pattern makes both.
function judged(inputs: Inputs): number {
  const first = judge(inputs)
  return first <= BOUND_MS ? first : Math.min(first, judge(inputs))
}

// Openings that get a value past the first checks of some input, to where its patterns run.
const PREFIXES = [
  '',
  'arn:aws:iam::123456789012:role/',
  'arn:aws:rds:us-east-1:123456789012:snapshot:',
  'arn:aws:kms:us-east-1:123456789012:key/',
  'alias/',
  's3://bucket/',
  'rds:',
  'http://',
  'http://user:secret@',
  'key='
]
// Letters, digits and the separators the checks split on; a look-alike Cyrillic 'а'.
const CHARS = [...'a0/-_:.,=@ \n\u0430']
// A run of one character (a run of '/' or '-' breaks trimming patterns), or of 'a' and one
// character ('a/' breaks nested path patterns).
const UNITS = [...CHARS, ...CHARS.map(char => `a${char}`)]
// An ending that makes a match fail at the very last character, or none.
const ENDINGS = ['', '!']

// prefix + 'a' + unit repeated + ending, at most 64 KiB.
function long(prefix: string, unit: string, ending: string, fill = 1): string {
  const room = MAX_LENGTH - prefix.length - ending.length - 1
  const count = Math.max(1, Math.floor((room * fill) / unit.length))
  return `${prefix}a${unit.repeat(count)}${ending}`
}

describe('every input is judged in linear time', () => {
  const names = inputNames()

  test('the inputs tried include every declared one', () => {
    expect(names).toEqual(expect.arrayContaining(Object.keys(actionYml.inputs)))
  })

  // Every input, every opening, every repeated unit: the shapes that make patterns backtrack.
  test.each(PREFIXES)('runs after %j in every input', prefix => {
    const slow: string[] = []
    for (const unit of UNITS) {
      for (const ending of ENDINGS) {
        const value = long(prefix, unit, ending)
        for (const name of names) {
          const ms = judged(context(name, value))
          if (ms >= BOUND_MS)
            slow.push(`${name}: ${JSON.stringify(unit)} x ${value.length} (${ms} ms)`)
        }
      }
    }
    expect(slow).toEqual([])
  })

  test('mixed units of any length up to 64 KiB, in any input', () => {
    const mixed = fc.record({
      name: fc.constantFrom(...names),
      prefix: fc.constantFrom(...PREFIXES),
      unit: fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 6 }),
      ending: fc.constantFrom(...ENDINGS),
      fill: fc.double({ min: 0, max: 1, noNaN: true })
    })
    fc.assert(
      fc.property(mixed, ({ name, prefix, unit, ending, fill }) => {
        const value = long(prefix, unit, ending, fill)
        expect(value.length).toBeLessThanOrEqual(MAX_LENGTH)
        expect(judged(context(name, value))).toBeLessThan(BOUND_MS)
      }),
      { numRuns: 300 }
    )
  })

  test('role-to-assume with a path of a/ 34 times (178 s of CPU before)', () => {
    const inputs = withBase({
      'role-to-assume': `arn:aws:iam::123456789012:role/${'a/'.repeat(34)}`
    })
    expect(judged(inputs)).toBeLessThan(BOUND_MS)
    expect(refusal(inputs).input).toBe('role-to-assume')
  })

  test('iam-role-arn with a path of ab/ 30 times and a space (120 s before)', () => {
    const inputs = withBase({
      'iam-role-arn': `arn:aws:iam::123456789012:role/${'ab/'.repeat(30)} x`
    })
    expect(judged(inputs)).toBeLessThan(BOUND_MS)
    expect(refusal(inputs).input).toBe('iam-role-arn')
  })
})
