import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readTime } from '../../src/tables/times.js'
import { cases } from '../../__fixtures__/cases.js'

describe('readTime', () => {
  cases('%j is %s', readTime, [
    // RDS's locale text, read as UTC
    ['Jul 19, 2023, 11:21:00 PM', '2023-07-19T23:21:00Z'],
    ['Jul 19, 2023, 11:21:00 AM', '2023-07-19T11:21:00Z'],
    ['Jul 19, 2023, 12:05:09 AM', '2023-07-19T00:05:09Z'],
    ['Jul 19, 2023, 12:05:09 PM', '2023-07-19T12:05:09Z'],
    ['Jul 19, 2023, 11:21:00\u202fPM', '2023-07-19T23:21:00Z'],
    ['Jul 19, 2023, 11:21:00\u00a0pm', '2023-07-19T23:21:00Z'],
    ['  Jan 2, 2024,  1:02:03 p.m. ', '2024-01-02T13:02:03Z'],
    ['July 4, 2023 23:21', '2023-07-04T23:21:00Z'],
    ['Sept 30, 2023, 8:00:00 AM', '2023-09-30T08:00:00Z'],
    ['Feb 29, 2024, 1:00:00 AM', '2024-02-29T01:00:00Z'],
    // ISO 8601, with and without a zone
    ['2023-07-19T23:21:00Z', '2023-07-19T23:21:00Z'],
    ['2023-07-19T23:21:00.123Z', '2023-07-19T23:21:00Z'],
    ['2023-07-20T01:21:00+02:00', '2023-07-19T23:21:00Z'],
    ['2023-07-19T18:21:00-0500', '2023-07-19T23:21:00Z'],
    ['2023-07-19 23:21:00', '2023-07-19T23:21:00Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00Z']
  ])

  test.each([
    ['Feb 30, 2023, 1:00:00 AM'],
    ['Feb 29, 2023, 1:00:00 AM'],
    ['Jul 19, 2023, 13:21:00 PM'],
    ['Jul 19, 2023, 0:21:00 AM'],
    ['Jul 19, 2023, 24:00:00'],
    ['Jul 19, 2023, 23:60:00'],
    ['Julyy 19, 2023, 11:21:00 PM'],
    ['Foo 19, 2023, 11:21:00 PM'],
    ['2023-13-01T00:00:00Z'],
    ['19/07/2023 23:21'],
    ['yesterday']
  ])('%j is kept as written', text => {
    expect(readTime(text)).toBe(text)
  })

  test('epoch numbers: seconds, and milliseconds from 10^11 up', () => {
    expect(readTime(1689808860)).toBe('2023-07-19T23:21:00Z')
    expect(readTime(1689808860000)).toBe('2023-07-19T23:21:00Z')
  })

  test.each([[undefined], [null], [''], ['   '], [{}], [[]], [Number.NaN], [-1], [1e20], [true]])(
    '%p is no time',
    value => {
      expect(readTime(value)).toBeUndefined()
    }
  )

  test('long unreadable text is capped', () => {
    expect(readTime('x'.repeat(5000))).toHaveLength(200)
  })

  test('never throws, and any ISO answer is a real UTC time to the second', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.date()), value => {
        const input = value instanceof Date ? value.toUTCString() : value
        const time = readTime(input)
        if (time !== undefined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(time)) {
          expect(new Date(time).toISOString().replace(/\.000Z$/, 'Z')).toBe(time)
        }
      })
    )
  })

  test('round-trips any time written the way RDS writes it', () => {
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01Z'),
          max: new Date('2999-12-31Z'),
          noInvalidDate: true
        }),
        date => {
          const whole = new Date(Math.floor(date.getTime() / 1000) * 1000)
          const hours = whole.getUTCHours()
          const pad = (n: number) => String(n).padStart(2, '0')
          const text = `${months[whole.getUTCMonth()]} ${whole.getUTCDate()}, ${whole.getUTCFullYear()}, ${hours % 12 || 12}:${pad(whole.getUTCMinutes())}:${pad(whole.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`
          expect(readTime(text)).toBe(whole.toISOString().replace(/\.000Z$/, 'Z'))
        }
      )
    )
  })
})
