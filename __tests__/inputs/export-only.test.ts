import { describe, test, expect } from '@jest/globals'
import { exportOnlyProblem, splitExportOnly } from '../../src/inputs/index.js'
import { accepted, parse, refusal, refused, refusedEach, withBase } from './support.js'
import { equalCases } from '../../__fixtures__/cases.js'

describe('export-only', () => {
  refusedEach('export-only', [
    [
      'db.schema.table.column',
      "got 'db.schema.table.column': it has 4 parts, at most 3 are allowed"
    ],
    ['db1\ndb..table', "got 'db..table': it has an empty part"],
    ['db1, my-db', "got 'my-db': '-' is not allowed"]
  ])

  accepted('export-only', 'sales\n  sales.orders , app.public.users,\n\n$db_1.t$2 ,', {
    exportOnly: ['sales', 'sales.orders', 'app.public.users', '$db_1.t$2']
  })

  // Parts as long as the engines allow: 64 characters before the engine is known.
  refused(
    'export-only',
    `db.${'t'.repeat(65)}`,
    `part '${'t'.repeat(65)}' has 65 characters, at most 64 (MySQL's identifier limit; PostgreSQL's is 63)`
  )
  accepted('export-only', `${'d'.repeat(64)}.${'t'.repeat(64)}`, {
    exportOnly: [`${'d'.repeat(64)}.${'t'.repeat(64)}`]
  })
})

describe('the size of export-only', () => {
  // n distinct entries of 9 characters ('db.t' and 5 digits), 10 bytes each with a separator.
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => `db.t${String(i).padStart(5, '0')}`).join('\n')

  test('at most 200 KB of entries as RDS receives them', () => {
    const limit = 200 * 1024
    const fits = Math.floor((limit + 1) / 10)
    expect(parse(withBase({ 'export-only': entries(fits) })).config.exportOnly).toHaveLength(fits)
    const error = refusal(withBase({ 'export-only': entries(fits + 1) }))
    expect(error.input).toBe('export-only')
    expect(error.message).toBe(
      `Input 'export-only' must be at most 200 KB (204800 bytes), the RDS limit; its ${fits + 1} entries make ${(fits + 1) * 10 - 1}: name whole databases or schemas instead of their tables.`
    )
  })

  test('242 KB and 672 KB, as sent in the report, are refused', () => {
    for (const kb of [242, 672]) {
      const value = entries(Math.ceil((kb * 1024) / 10))
      expect(refusal(withBase({ 'export-only': value })).input).toBe('export-only')
    }
  })

  test('repeats are dropped with one warning, before the size is counted', () => {
    const twice = `${entries(15000)}\n${entries(15000)}`
    const { config, warnings } = parse(withBase({ 'export-only': twice }))
    expect(config.exportOnly).toHaveLength(15000)
    expect(warnings).toEqual([
      "Input 'export-only' repeats 'db.t00000', 'db.t00001', 'db.t00002', 'db.t00003', 'db.t00004' and 14995 more; each is exported once."
    ])
  })

  test('a single repeat keeps the first place of each entry', () => {
    const { config, warnings } = parse(withBase({ 'export-only': 'b, a.t, b, c, a.t' }))
    expect(config.exportOnly).toEqual(['b', 'a.t', 'c'])
    expect(warnings).toEqual(["Input 'export-only' repeats 'b', 'a.t'; each is exported once."])
  })
})

describe('splitExportOnly', () => {
  equalCases('%j', splitExportOnly, [
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    [' , ,\n', []]
  ])
})

describe('exportOnlyProblem', () => {
  test.each(['mysql', 'mariadb', 'aurora-mysql', 'aurora'])(
    '%s takes database and database.table',
    engine => {
      expect(exportOnlyProblem(['db', 'db.table', 'db_2.t$1'], engine)).toBeUndefined()
      expect(exportOnlyProblem(['db', 'db.schema.table'], engine)).toBe(
        `Input 'export-only' entry 'db.schema.table' doesn't fit the source's engine, ${engine}: ` +
          "MySQL, MariaDB and Aurora MySQL exports take 'database' or 'database.table'."
      )
    }
  )

  test.each(['postgres', 'aurora-postgresql'])('%s takes up to database.schema.table', engine => {
    expect(exportOnlyProblem(['db', 'db.schema', 'db.schema.table'], engine)).toBeUndefined()
  })

  test('unknown engines are not checked beyond the shape', () => {
    expect(exportOnlyProblem(['a.b.c'], 'oracle-ee')).toBeUndefined()
    expect(exportOnlyProblem(['a.b.c.d'], 'oracle-ee')).toContain("got 'a.b.c.d': it has 4 parts")
  })

  test('the shape is checked for every engine', () => {
    expect(exportOnlyProblem(['ok', 'bad-name'], 'postgres')).toContain(
      "got 'bad-name': '-' is not allowed"
    )
  })

  test('PostgreSQL parts are at most 63 bytes, MySQL parts 64 characters', () => {
    const part64 = `db.${'t'.repeat(64)}`
    expect(exportOnlyProblem([part64], 'postgres')).toContain(
      `part '${'t'.repeat(64)}' has 64 characters, at most 63 (PostgreSQL's identifier limit, in bytes)`
    )
    expect(exportOnlyProblem([part64], 'aurora-postgresql')).toContain('at most 63')
    expect(exportOnlyProblem([`db.${'t'.repeat(63)}`], 'postgres')).toBeUndefined()
    expect(exportOnlyProblem([part64], 'mysql')).toBeUndefined()
    expect(exportOnlyProblem([`db.${'t'.repeat(65)}`], 'mariadb')).toContain(
      "at most 64 (MySQL's identifier limit)"
    )
  })

  test('no entries, no problem', () => {
    expect(exportOnlyProblem([], 'mysql')).toBeUndefined()
  })
})
