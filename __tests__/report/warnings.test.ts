import { describe, test, expect } from '@jest/globals'
import { renderWarningMessage } from '../../src/report/warnings.js'

describe('renderWarningMessage', () => {
  test('the documented JSON shape', () => {
    const message = JSON.stringify({
      skippedTables: [
        { database: 'db', schema: 'public', table: 't', reason: 'UNSUPPORTED_DATA_TYPE' },
        { database: 'shop', table: 'orders', reason: 'TABLE_TOO_LARGE' }
      ],
      skippedObjectives: [],
      general: [{ reason: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' }]
    })
    expect(renderWarningMessage(message)).toEqual([
      'Skipped table db.public.t: UNSUPPORTED_DATA_TYPE',
      'Skipped table shop.orders: TABLE_TOO_LARGE',
      'General: FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE'
    ])
  })

  test('an all-empty JSON warning has no lines', () => {
    expect(
      renderWarningMessage('{"skippedTables":[],"skippedObjectives":[],"general":[]}')
    ).toEqual([])
    expect(renderWarningMessage('')).toEqual([])
    expect(renderWarningMessage('   ')).toEqual([])
  })

  test('arrays of strings, single objects, unknown keys and extra fields', () => {
    const message = JSON.stringify({
      skippedTables: ['db.public.t1'],
      general: 'SOMETHING_ODD',
      skippedObjectives: [{ name: 'db.view1', type: 'VIEW', reason: 'NOT_SUPPORTED' }],
      newThing: [{ code: 7 }, 'text', 42, null],
      count: 3
    })
    expect(renderWarningMessage(message)).toEqual([
      'Skipped table db.public.t1',
      'General: SOMETHING_ODD',
      'Skipped objective db.view1: NOT_SUPPORTED, type: VIEW',
      'New thing: code: 7',
      'New thing: text',
      'New thing: 42',
      'Count: 3'
    ])
  })

  test('case-insensitive field names, nested values as JSON', () => {
    const message = JSON.stringify({
      SkippedTables: [{ DatabaseName: 'db', TableName: 't', Message: 'gone', extra: { a: 1 } }]
    })
    expect(renderWarningMessage(message)).toEqual(['Skipped table db.t: gone, extra: {"a":1}'])
  })

  test('a top-level JSON array', () => {
    expect(renderWarningMessage('[{"reason":"A"},"B"]')).toEqual(['A', 'B'])
  })

  test('plain text passes through, one line per line', () => {
    expect(renderWarningMessage('Some tables were skipped.')).toEqual(['Some tables were skipped.'])
    expect(renderWarningMessage('first\n\n  second  \r\nthird')).toEqual([
      'first',
      'second',
      'third'
    ])
  })

  test('malformed JSON passes through as text', () => {
    expect(renderWarningMessage('{"skippedTables":[{"table":')).toEqual([
      '{"skippedTables":[{"table":'
    ])
  })

  test('very long items are cut', () => {
    const lines = renderWarningMessage(JSON.stringify({ general: ['x'.repeat(5000)] }))
    expect(lines).toHaveLength(1)
    expect(lines[0]!.length).toBeLessThan(1100)
    expect(lines[0]!.endsWith('…')).toBe(true)
  })

  test('newlines inside items do not break lines', () => {
    expect(renderWarningMessage(JSON.stringify({ general: ['a\nb'] }))).toEqual(['General: a b'])
  })

  test('a reason nested 6,000 deep is shown cut, not thrown', () => {
    const deep = '{"cause":'.repeat(6000) + '"x"' + '}'.repeat(6000)
    const message = `{"skippedTables":[{"table":"t","reason":${deep}}]}`
    const lines = renderWarningMessage(message)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Skipped table t: \{"cause":\{"cause":.*\{…\}\}+$/)
  })

  test('thousands of items: 50 lines, the last saying how many more', () => {
    const skippedTables = Array.from({ length: 5000 }, (_, i) => ({ table: `t${i}`, reason: 'R' }))
    const lines = renderWarningMessage(JSON.stringify({ skippedTables }))
    expect(lines).toHaveLength(50)
    expect(lines[48]).toBe('Skipped table t48: R')
    expect(lines[49]).toBe('… and 4951 more')
    expect(renderWarningMessage('line\n'.repeat(100))).toHaveLength(50)
    expect(renderWarningMessage('line\n'.repeat(50))).toHaveLength(50)
  })

  test('an item with thousands of fields is one capped line', () => {
    const item = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v']))
    const [line] = renderWarningMessage(JSON.stringify([item]))
    expect(line!.length).toBeLessThanOrEqual(1001)
  })
})
