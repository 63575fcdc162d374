// Table tests of a function, in one line each: a test per row `[...args, expected]`, titled as
// test.each titles them (%s, %j, %p take the row's values in order), so that the many
// `test.each(rows)(title, (a, b) => expect(fn(a)).toBe(b))` of the tests are written once.
import { expect, test } from '@jest/globals'

type Row<A extends unknown[], E> = readonly [...A, E]

function table<A extends unknown[], E>(
  title: string,
  rows: readonly Row<A, E>[],
  check: (args: A, expected: E) => void
): void {
  test.each(rows as readonly (readonly unknown[])[])(title, (...row: unknown[]) => {
    check(row.slice(0, -1) as A, row[row.length - 1] as E)
  })
}

/** A test per row: `fn(...args)` is `expected` (toBe). */
export function cases<A extends unknown[], R>(
  title: string,
  fn: (...args: A) => R,
  rows: readonly Row<A, R>[]
): void {
  table(title, rows, (args, expected) => expect(fn(...args)).toBe(expected))
}

/** A test per row: `fn(...args)` equals `expected` (toEqual). */
export function equalCases<A extends unknown[], R>(
  title: string,
  fn: (...args: A) => R,
  rows: readonly Row<A, R>[]
): void {
  table(title, rows, (args, expected) => expect(fn(...args)).toEqual(expected))
}

/** A test per row: the text `fn(...args)` contains `phrase` (toContain). */
export function phraseCases<A extends unknown[]>(
  title: string,
  fn: (...args: A) => string | undefined,
  rows: readonly Row<A, string>[]
): void {
  table(title, rows, (args, phrase) => expect(fn(...args)).toContain(phrase))
}
