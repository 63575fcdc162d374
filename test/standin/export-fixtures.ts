// Sources the stand-in exports: a PostgreSQL instance (`appdb`, with a table Athena needs quoted,
// a table split over two batches and three files, an empty table, a skipped table, a second
// schema, and a database RDS couldn't list), a MySQL one (`shop`), names with the characters
// RDS replaces in paths, and a generator of many tables for benchmarks.
import type { DatabaseSeed, ExportSource, TableSeed } from './export-files.js'
import type { ColumnSeed } from './export-types.js'

/** Columns from `name type` specs (`'total numeric(12,2)'`), or seeds as they are. */
export function columns(...specs: (string | ColumnSeed)[]): ColumnSeed[] {
  return specs.map(spec => {
    if (typeof spec !== 'string') return spec
    const space = spec.indexOf(' ')
    return { name: spec.slice(0, space), type: spec.slice(space + 1) }
  })
}

export const APPDB: DatabaseSeed[] = [
  {
    name: 'appdb',
    tables: [
      {
        name: 'customers',
        columns: columns(
          'id integer',
          'name varchar(80)',
          'email text',
          'active boolean',
          'created_at timestamp without time zone',
          'CustomerRef uuid'
        ),
        rows: 5
      },
      {
        name: 'orders',
        columns: columns(
          'id bigint',
          'customer_id integer',
          'total numeric(12,2)',
          { name: 'status', type: 'order_status', enumValues: ['new', 'paid', 'shipped'] },
          'placed_at timestamptz',
          'ordered_on date',
          'meta jsonb',
          'tags text[]'
        ),
        rows: 7,
        files: [1, 2]
      },
      {
        // A reserved word in Athena: queries must quote it.
        name: 'order',
        columns: columns('id integer', 'note text')
      },
      {
        name: 'line-items',
        columns: columns(
          'id integer',
          'order_id bigint',
          'qty smallint',
          'price real',
          'weight double precision',
          'sku varchar(20)',
          'image bytea'
        ),
        rows: 4
      },
      {
        name: 'audit_log',
        columns: columns('id bigint', 'event text'),
        rows: 0
      },
      {
        name: 'secrets',
        columns: columns('id integer', 'token text'),
        skipped: { reason: 'PERMISSIONS_DO_NOT_EXIST' }
      },
      {
        name: 'invoices',
        schema: 'billing',
        columns: columns('id integer', 'amount numeric(10,2)', 'issued_on date'),
        rows: 2
      }
    ]
  },
  { name: 'reporting', tables: [], warning: 'FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE' }
]

export const SHOP: DatabaseSeed[] = [
  {
    name: 'shop',
    tables: [
      {
        name: 'products',
        columns: columns(
          'id int',
          'sku varchar(255)',
          'price decimal(10,2)',
          'weight double',
          'active tinyint(1)',
          'added_at datetime',
          'photo blob'
        ),
        rows: 4
      },
      {
        name: 'stock_moves',
        columns: columns(
          'id bigint unsigned',
          'product_id int unsigned',
          'qty int',
          'moved_at datetime',
          "kind enum('in','out')"
        ),
        rows: 6,
        files: [2, 1]
      }
    ]
  }
]

/** Names with `\`, backtick, `"` and space: RDS writes `_` for each in the paths. */
export const ODD_NAMES: DatabaseSeed[] = [
  {
    name: 'app db',
    tables: ['line items', 'say "hi"', 'back\\slash', 'tick`s'].map((name): TableSeed => ({
      name,
      schema: 'my schema',
      columns: columns('id integer', 'label text'),
      rows: 2
    }))
  }
]

/** The default source of an RDS engine: appdb for PostgreSQL engines, shop for MySQL ones. */
export function defaultSource(engine: string): ExportSource {
  return { engine, databases: /postgres/i.test(engine) ? APPDB : SHOP }
}

/** The default source without what makes an export warn (the skipped table, the database RDS
 * couldn't list): every table COMPLETE, the empty one included. */
export function cleanSource(engine: string): ExportSource {
  const databases = defaultSource(engine)
    .databases.filter(db => !db.warning)
    .map(db => ({ ...db, tables: db.tables.filter(table => !table.skipped) }))
  return { engine, databases }
}

/**
 * A source of `count` tables (t00001, ...) in database `bench`, alike in columns and rows, so
 * that one Parquet body is encoded and shared by every table (for benchmarks of 10,000).
 */
export function manyTables(count: number, engine = 'postgres'): ExportSource {
  const shared = columns('id integer', 'name text')
  const tables = Array.from({ length: count }, (_, i): TableSeed => ({
    name: `t${String(i + 1).padStart(5, '0')}`,
    columns: shared,
    rows: 2
  }))
  return { engine, databases: [{ name: 'bench', tables }] }
}
