import { describe, test, expect } from '@jest/globals'
import { exportOnlyProblem, splitExportOnly } from '../../src/inputs/index.js'
import { accepted, refused } from './support.js'

describe('export-only', () => {
  refused(
    'export-only',
    'db.schema.table.column',
    "got 'db.schema.table.column': it has 4 parts, at most 3 are allowed"
  )
  refused('export-only', 'db1\ndb..table', "got 'db..table': it has an empty part")
  refused('export-only', 'db1, my-db', "got 'my-db': '-' is not allowed")

  accepted('export-only', 'sales\n  sales.orders , app.public.users,\n\n$db_1.t$2 ,', {
    exportOnly: ['sales', 'sales.orders', 'app.public.users', '$db_1.t$2']
  })
})

describe('splitExportOnly', () => {
  test.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb\r\nc', ['a', 'b', 'c']],
    [' , ,\n', []]
  ])('%j', (value, expected) => {
    expect(splitExportOnly(value)).toEqual(expected)
  })
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

  test('no entries, no problem', () => {
    expect(exportOnlyProblem([], 'mysql')).toBeUndefined()
  })
})
