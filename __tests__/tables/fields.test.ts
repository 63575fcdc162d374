import { describe, expect, test } from '@jest/globals'
import {
  Fields,
  Tally,
  cap,
  JSON_TEXT_DEPTH,
  hasControlCharacter,
  jsonText,
  listSome,
  readNumber,
  readString,
  readText,
  withoutControlCharacters
} from '../../src/tables/fields.js'
import { cases } from '../../__fixtures__/cases.js'

describe('Fields', () => {
  test('finds a field in any case; the exact spelling wins over a later look-alike', () => {
    const fields = new Fields({ SizeGB: 1, sizegb: 2, Target: 'a' })
    expect(fields.get('sizeGB')).toBe(1)
    expect(fields.has('TARGET')).toBe(true)
    expect(fields.has('status')).toBe(false)
  })

  test('first skips absent, null and empty values', () => {
    const fields = new Fields({ a: null, b: '', c: 0, d: 'x' })
    expect(fields.first(['a', 'b', 'c', 'd'])).toBe(0)
    expect(fields.first(['a', 'b', 'z'])).toBeUndefined()
  })

  test('of and record give undefined for what is not an object', () => {
    expect(Fields.of([1])).toBeUndefined()
    expect(Fields.of(null)).toBeUndefined()
    expect(new Fields({ stats: 'no' }).record('stats')).toBeUndefined()
    expect(new Fields({ stats: { n: 1 } }).record('STATS')?.get('n')).toBe(1)
  })
})

describe('readers', () => {
  cases('readNumber(%p) is %p', readNumber, [
    [1.5, 1.5],
    ['1.5', 1.5],
    [' 42 ', 42],
    ['1e3', 1000],
    ['.5', 0.5],
    ['-2', -2],
    ['', undefined],
    ['1,5', undefined],
    ['12abc', undefined],
    ['0x10', undefined],
    [Infinity, undefined],
    [Number.NaN, undefined],
    [true, undefined],
    [null, undefined]
  ])

  cases('readString(%p) is %p', readString, [
    ['  a  ', 'a'],
    ['', undefined],
    ['   ', undefined],
    [3, '3'],
    [false, 'false'],
    [{}, undefined]
  ])

  test('readText: strings as they are, anything else as JSON, one line, capped', () => {
    expect(readText('a\n  b')).toBe('a b')
    expect(readText('a\u0000\u001bb')).toBe('a b')
    expect(readText({ reason: 'X' })).toBe('{"reason":"X"}')
    expect(readText('')).toBeUndefined()
    expect(readText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
  })

  test('cap, listSome', () => {
    expect(cap('abc', 3)).toBe('abc')
    expect(cap('abcd', 3)).toBe('ab…')
    expect(listSome(['a', 'b'])).toBe('a, b')
    expect(listSome(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more')
  })

  test('control characters', () => {
    expect(hasControlCharacter('a\tb')).toBe(true)
    expect(hasControlCharacter('a\u007fb')).toBe(true)
    expect(hasControlCharacter('a é b')).toBe(false)
    expect(withoutControlCharacters('a\nb\u0000c')).toBe('a b c')
  })
})

describe('Tally', () => {
  test('one message a kind, with the count and some examples', () => {
    const tally = new Tally()
    for (const n of [1, 2, 3, 4, 5, 6, 7]) tally.add('entries without a target', `#${n}`)
    tally.add('odd entries', '#9')
    expect(tally.messages('f.json: ')).toEqual([
      'f.json: entries without a target: 7 (#1, #2, #3, #4, #5 and 2 more)',
      'f.json: odd entries: 1 (#9)'
    ])
  })
})

/** `{"a":{"a":...{"a":"x"}}}`, `depth` levels, as JSON text. */
const nested = (depth: number, key = 'a'): string =>
  `{"${key}":`.repeat(depth) + '"x"' + '}'.repeat(depth)

describe('jsonText', () => {
  test('writes JSON as JSON.stringify does, when it fits', () => {
    const value = { a: [1, 'two', true, null, { b: 'c"d' }], e: {}, f: [] }
    expect(jsonText(value, 1000)).toBe(JSON.stringify(value))
  })

  test('a value nested 100,000 deep (JSON.stringify throws RangeError): cut, no throw', () => {
    const value: unknown = JSON.parse(nested(100_000))
    expect(() => JSON.stringify(value)).toThrow(RangeError)
    const text = jsonText(value, 1000)
    expect(text).toBe('{"a":'.repeat(JSON_TEXT_DEPTH) + '{…}' + '}'.repeat(JSON_TEXT_DEPTH))
    expect(readText(value)).toBe(text)
  })

  test('arrays nested deep, and wide values, stop at max characters', () => {
    const deepArray: unknown = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000))
    expect(jsonText(deepArray, 1000)).toContain('[…]')
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))
    const text = jsonText(wide, 100)
    expect(text).toHaveLength(101)
    expect(text.endsWith('…')).toBe(true)
    expect(jsonText(['x'.repeat(1_000_000)], 50)).toHaveLength(51)
  })

  test('an undefined or function inside is null', () => {
    expect(jsonText([undefined, () => 1], 100)).toBe('[null,null]')
  })
})
