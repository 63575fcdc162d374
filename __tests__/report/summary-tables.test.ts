// The summary's tables and Glue sections, and how the top of the summary points at them: each
// problem said once, sizes even, nothing listed as "largest" that holds no data.
import { describe, expect, test } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { catalogSection, gbText, tablesSection } from '../../src/report/summary-tables.js'
import { timelineTable } from '../../src/report/summary-task.js'
import {
  databaseWarning,
  incompleteWarning,
  type TableReport,
  type TablesReport
} from '../../src/tables/report.js'
import { bareSummary } from '../../__fixtures__/summary.js'

const table = (target: string, fields: Partial<TableReport> = {}): TableReport => ({
  target,
  status: 'COMPLETE',
  sizeGB: 1,
  columns: [],
  columnsFrom: 'parquet',
  complete: true,
  problems: [],
  ...fields
})

function report(tables: TableReport[], databaseWarnings: TablesReport['databaseWarnings'] = []) {
  const counts = new Map<string, number>()
  for (const t of tables) counts.set(t.status, (counts.get(t.status) ?? 0) + 1)
  return {
    exportTaskIdentifier: 'nightly-1',
    s3Uri: 's3://exports/p/nightly-1/',
    tables,
    counts: [...counts].map(([status, n]) => ({ status, tables: n })),
    complete: tables.filter(t => t.complete).length,
    incomplete: tables.filter(t => !t.complete).length,
    databaseWarnings,
    warnings: []
  } satisfies TablesReport
}

const APPDB = report(
  [
    table('appdb.public.orders', { sizeGB: 146.913 }),
    table('appdb.public.customers', { sizeGB: 39.8292 }),
    table('appdb.public.tiny', { sizeGB: 0.0001 }),
    table('appdb.public.audit_log', { sizeGB: 0, empty: true }),
    table('appdb.public.secrets', {
      status: 'SKIPPED',
      sizeGB: 0,
      empty: true,
      complete: false,
      reason: 'its status is SKIPPED: PERMISSIONS_DO_NOT_EXIST'
    })
  ],
  [
    {
      target: 'reporting',
      message: 'FAILED_TO_EXTRACT_TABLES_LIST',
      file: 'export_tables_info_1.json'
    }
  ]
)

describe('tablesSection', () => {
  const text = tablesSection(APPDB).join('\n')

  test('counts by status in one sentence', () => {
    expect(text).toContain('5 tables: 4 COMPLETE, 1 SKIPPED.')
    expect(tablesSection(report([table('a.b'), table('a.c')])).join('\n')).toContain(
      '2 tables, all COMPLETE.'
    )
  })

  test('the largest: complete tables holding data, sizes with two decimals', () => {
    const largest = text.slice(text.indexOf('**Largest**'), text.indexOf('**Not complete**'))
    expect(largest).toContain('| appdb.public.orders | 146.91 |')
    expect(largest).toContain('| appdb.public.customers | 39.83 |')
    expect(largest).toContain('| appdb.public.tiny | < 0.01 |')
    expect(largest).not.toContain('audit\\_log')
    expect(largest).not.toContain('secrets')
  })

  test('past ten, how many of how many', () => {
    const many = report(Array.from({ length: 12 }, (_, i) => table(`db.t${i}`, { sizeGB: i + 1 })))
    expect(tablesSection(many).join('\n')).toContain('**Largest 10 of 12**')
  })

  test('every table not complete with its reason, the empty ones, the database warnings', () => {
    expect(text).toContain(
      '- appdb.public.secrets: its status is SKIPPED: PERMISSIONS\\_DO\\_NOT\\_EXIST'
    )
    expect(text).toContain(
      '**Empty:** appdb.public.audit\\_log (complete, no rows: RDS wrote no files for it).'
    )
    expect(text.match(/secrets/g)).toHaveLength(1)
    expect(text).toContain('reporting: FAILED\\_TO\\_EXTRACT\\_TABLES\\_LIST')
  })

  test('gbText', () => {
    expect([0, 0.004, 0.005, 2, 1234.5].map(gbText)).toEqual([
      '0.00',
      '< 0.01',
      '0.01',
      '2.00',
      '1,234.50'
    ])
  })
})

describe('catalogSection', () => {
  test('each registered table with its Athena query', () => {
    const tables = new Map([['appdb.public.orders', 'appdb_public_orders']])
    const text = catalogSection(APPDB, {
      database: 'exports',
      databaseCreated: true,
      tables
    }).join('\n')
    expect(text).toContain('Database exports (created by this step): 1 table, ready')
    expect(text).toContain('`SELECT * FROM exports.appdb_public_orders LIMIT 10;`')
  })

  test('the step stopped part-way: the tables registered before, said as such', () => {
    const tables = new Map([['appdb.public.orders', 'appdb_public_orders']])
    const text = catalogSection(APPDB, {
      database: 'exports',
      databaseCreated: false,
      tables,
      partial: true
    }).join('\n')
    expect(text).toContain(
      'Database exports: 1 table registered before the step stopped (the others were not)'
    )
    expect(text).toContain('| appdb.public.orders | appdb\\_public\\_orders |')
  })
})

describe('catalogSection with glue-history', () => {
  test('with glue-history: the history tables, the partition added, how many dropped, a query by export_date', () => {
    const tables = new Map([
      ['appdb.public.orders', 'appdb_public_orders'],
      ['appdb.public.audit_log', 'appdb_public_audit_log']
    ])
    const text = catalogSection(APPDB, {
      database: 'exports',
      databaseCreated: false,
      tables,
      history: {
        exportDate: '2026-11-25',
        exportTask: 'nightly_*1*',
        tables: new Map([['appdb.public.orders', 'appdb_public_orders_history']]),
        added: 1,
        existing: 1,
        days: 30,
        dropped: 2
      }
    }).join('\n')
    expect(text).toContain(
      'History: partition export_date = 2026-11-25, export_task = nightly\\_\\*1\\* added to 1 of 1 history tables (1 already there: a re-run).'
    )
    expect(text).toContain(
      "more than 30 days before this export's: 2 dropped (from the catalog only; the files stay in S3 until a lifecycle rule expires them)."
    )
    expect(text).toContain('| Table | Glue table | History table | Athena query (this night) |')
    expect(text).toContain(
      "| appdb.public.orders | appdb\\_public\\_orders | appdb\\_public\\_orders\\_history | `SELECT * FROM exports.appdb_public_orders_history WHERE export_date = '2026-11-25' LIMIT 10;` |"
    )
    // A table without its history (a history table someone else owns): the latest query.
    expect(text).toContain(
      '| appdb.public.audit\\_log | appdb\\_public\\_audit\\_log | — | `SELECT * FROM exports.appdb_public_audit_log LIMIT 10;` |'
    )
  })
})

describe('catalogSection with glue-history, many tables', () => {
  test('a first night: no re-run, no horizon; past 50 tables one line says how many more', () => {
    const targets = Array.from({ length: 52 }, (_, i) => `db.public.t${i}`)
    const many = report(targets.map(t => table(t)))
    const text = catalogSection(many, {
      database: 'exports',
      databaseCreated: false,
      tables: new Map(targets.map(t => [t, t.replace(/\./g, '_')])),
      history: {
        exportDate: '2026-11-25',
        exportTask: 'n-1',
        tables: new Map(targets.map(t => [t, `${t.replace(/\./g, '_')}_history`])),
        added: 52,
        existing: 0,
        dropped: 0
      }
    }).join('\n')
    expect(text).toContain('added to 52 of 52 history tables.')
    expect(text).not.toContain('already there')
    expect(text).not.toContain('dropped')
    expect(text).toContain('| … and 2 more | | | |')
  })

  test('without history, the overflow line has three cells', () => {
    const targets = Array.from({ length: 51 }, (_, i) => `db.public.t${i}`)
    const text = catalogSection(report(targets.map(t => table(t))), {
      database: 'exports',
      databaseCreated: false,
      tables: new Map(targets.map(t => [t, t.replace(/\./g, '_')]))
    }).join('\n')
    expect(text).toContain('| … and 1 more | | |')
    expect(text).not.toContain('History')
  })
})

describe('the warnings at the top', () => {
  const base = bareSummary('complete', {
    task: { ExportTaskIdentifier: 'nightly-1', Status: 'COMPLETE' }
  })

  test('a table not complete and a database warning are listed under Tables only', () => {
    const ignored = 'snapshot-type is ignored with create-snapshot.'
    const md = renderSummary({
      ...base,
      tables: APPDB,
      warnings: [
        incompleteWarning(APPDB.tables[4]!),
        databaseWarning(APPDB.databaseWarnings[0]!),
        ignored
      ]
    })
    expect(md).toMatch(/^## ⚠️ Export complete, with warnings/)
    const top = md.slice(0, md.indexOf('### Tables'))
    expect(top).toContain('snapshot-type is ignored')
    expect(top).toContain('1 table and 1 database were not exported whole: see Tables below.')
    expect(top).not.toContain('appdb.public.secrets')
    expect(md.split('appdb.public.secrets').length - 1).toBe(1)
  })

  test('one skipped table warned about twice is counted once', () => {
    const skipped = incompleteWarning(APPDB.tables[4]!)
    const md = renderSummary({ ...base, tables: APPDB, warnings: [skipped, skipped] })
    expect(md).toContain('- 1 table was not exported whole: see Tables below.')
  })

  test("RDS's own warning names them already: no pointer", () => {
    const md = renderSummary({
      ...base,
      task: {
        ...base.task,
        WarningMessage: '{"skippedTables":[{"target":"appdb.public.secrets"}]}'
      },
      tables: APPDB,
      warnings: [incompleteWarning(APPDB.tables[4]!)]
    })
    expect(md).toContain('Skipped table appdb.public.secrets')
    expect(md).not.toContain('see Tables below')
    expect(md).not.toContain('### Warnings')
  })

  test('without a tables report, every warning stays at the top', () => {
    const md = renderSummary({ ...base, warnings: [incompleteWarning(APPDB.tables[4]!)] })
    expect(md).toContain('Table appdb.public.secrets is not complete')
    expect(md).not.toContain('see Tables below')
  })
})

test('the lead says when the source is a snapshot this step took', () => {
  const arn = 'arn:aws:rds:us-east-1:123456789012:snapshot:prod-42'
  const md = renderSummary(
    bareSummary('complete', {
      task: { ExportTaskIdentifier: 'prod-42', Status: 'COMPLETE', SourceArn: arn },
      snapshot: { kind: 'snapshot', arn, identifier: 'prod-42', status: 'available' },
      waitedMs: 20_000
    })
  )
  expect(md).toContain(`of ${arn} (a snapshot taken by this step).`)
  expect(md).toContain('| Waited for the export | 20s |')
})

describe('timelineTable', () => {
  const at = new Date('2026-11-29T10:00:00Z')

  test('with a snapshot taken by the step, a column says what each status is of', () => {
    const rows = timelineTable([
      { at, status: 'creating', percentProgress: 40, subject: "DB snapshot 'prod-42'" },
      { at, status: 'starting', percentProgress: 0 }
    ])
    expect(rows[0]).toBe('| Time | Of | Status | Progress |')
    expect(rows[2]).toBe("| 2026-11-29 10:00:00 UTC | DB snapshot 'prod-42' | creating | 40% |")
    expect(rows[3]).toBe('| 2026-11-29 10:00:00 UTC | Export task | STARTING | 0% |')
  })

  test('an export alone: no such column', () => {
    expect(timelineTable([{ at, status: 'COMPLETE', percentProgress: 100 }])).toEqual([
      '| Time | Status | Progress |',
      '| --- | --- | --- |',
      '| 2026-11-29 10:00:00 UTC | COMPLETE | 100% |'
    ])
  })
})
