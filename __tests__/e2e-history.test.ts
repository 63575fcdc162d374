// End-to-end, every night queryable by date (glue-history): the bundle registers, beside each
// complete table's latest Glue table, a `_history` table partitioned by export_date and
// export_task, and adds one partition per export. Read back as a catalog reader does: each
// partition's own location and columns, through the stand-in's S3 and real Parquet files.
import { describe, expect } from '@jest/globals'
import type { StandIn, StandInOptions } from '../test/standin/index.js'
import { defaultSource, readLocation } from '../test/standin/index.js'
import { QUICK, exporting, waitInputs } from '../test/support/accounts.js'
import { BUCKET, runStep, type StepResult } from '../test/support/e2e.js'
import { e2e, expectSuccess } from '../test/support/e2e-tests.js'

const night = (day: number) => ({
  identifier: `prod-night-${day}`,
  instanceIdentifier: 'prod',
  createTime: new Date(Date.UTC(2026, 11, day, 3, 10))
})

/** prod with a snapshot taken at 03:10 UTC on each of these December days. */
const NIGHTS: StandInOptions = exporting(defaultSource('postgres'), {
  ...QUICK,
  snapshots: [night(1), night(4), night(5)]
})

/** The export of the night of December `day`, registered with glue-history. */
const nightly = (day: number, extra: Record<string, string> = {}) =>
  waitInputs({
    'db-snapshot-identifier': `prod-night-${day}`,
    'export-task-identifier': `night-${day}`,
    'glue-database': 'exports',
    'glue-history': 'true',
    ...extra
  })

interface TableEntry {
  target: string
  status: string
  'glue-table'?: string
  'glue-history-table'?: string
}
const tablesOf = (step: StepResult): TableEntry[] => JSON.parse(step.outputs.tables ?? '[]')
const lower = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]))

/**
 * Every history table read as Athena reads a partitioned table: each partition at its own
 * location, with its own columns. Each night's partition gives that night's export's rows.
 */
async function expectEveryNightThroughThePartitions(standIn: StandIn): Promise<number> {
  let read = 0
  for (const name of standIn.glue.tableNames('exports').filter(n => n.endsWith('_history'))) {
    const table = standIn.glue.getTable('exports', name)
    const target = table.Parameters?.['rds-export-action.target'] ?? ''
    for (const partition of standIn.glue.getPartitions('exports', name)) {
      const [date, task] = partition.Values ?? []
      const source = standIn.exportFiles.written(task ?? '')?.tables.find(t => t.target === target)
      expect({ name, task, found: Boolean(source) }).toEqual({ name, task, found: true })
      const location = partition.StorageDescriptor?.Location ?? ''
      expect(location).toContain(`/${task}/`)
      const rows = await readLocation(standIn.s3, location)
      expect(rows.map(lower)).toEqual(source!.rows.map(lower))
      const columns = (partition.StorageDescriptor?.Columns ?? []).map(c => c.Name).sort()
      if (rows[0]) expect(Object.keys(lower(rows[0])).sort()).toEqual(columns)
      expect(date).toMatch(/^2026-12-0\d$/)
      read += rows.length
    }
  }
  return read
}

const s3Objects = (standIn: StandIn) =>
  standIn.s3.keys(BUCKET).map(key => `${key} ${standIn.s3.getObject(BUCKET, key)?.body.length}`)

describe('glue-history: every night queryable by date', () => {
  e2e(
    'two nights make latest + _history for each complete table (the empty one too), a re-run adds nothing, and a reader finds both nights',
    NIGHTS,
    async standIn => {
      const first = await runStep(standIn, nightly(4))
      expectSuccess(first)
      const complete = tablesOf(first).filter(t => t.status === 'COMPLETE')
      expect(complete.length).toBeGreaterThanOrEqual(5)
      const names = standIn.glue.tableNames('exports')
      for (const t of complete) {
        expect(t['glue-table']).toBeDefined()
        expect(t['glue-history-table']).toBe(`${t['glue-table']}_history`)
        expect(names).toEqual(expect.arrayContaining([t['glue-table'], t['glue-history-table']]))
      }
      // The empty table: registered, latest and history, at the folder RDS uses for it.
      const audit = complete.find(t => t.target === 'appdb.public.audit_log')!
      expect(audit['glue-history-table']).toBe('appdb_public_audit_log_history')
      expect(
        standIn.glue.getTable('exports', 'appdb_public_audit_log').StorageDescriptor?.Location
      ).toBe(`s3://${BUCKET}/night-4/appdb/public.audit_log/`)
      const history = standIn.glue.getTable('exports', 'appdb_public_orders_history')
      expect(history.PartitionKeys?.map(k => [k.Name, k.Type])).toEqual([
        ['export_date', 'string'],
        ['export_task', 'string']
      ])
      expect(first.summary).toContain(
        "`SELECT * FROM exports.appdb_public_orders_history WHERE export_date = '2026-12-04' LIMIT 10;`"
      )
      expect(first.summary).toMatch(
        /History: partition export_date = 2026-12-04, export_task = night-4 added to \d+ of \d+ history tables\./
      )

      const second = await runStep(standIn, nightly(5))
      expectSuccess(second)
      const partitions = () =>
        standIn.glue.getPartitions('exports', 'appdb_public_orders_history').map(p => p.Values)
      expect(partitions()).toEqual([
        ['2026-12-04', 'night-4'],
        ['2026-12-05', 'night-5']
      ])
      // A later night with the same columns: the history tables are left as they are.
      const glueWrites = (step: StepResult, action: string) =>
        step.requests.filter(r => r.service === 'glue' && r.action === action)
      expect(
        glueWrites(second, 'UpdateTable').filter(r =>
          r.params['TableInput.Name']?.endsWith('_history')
        )
      ).toEqual([])
      expect(glueWrites(second, 'BatchCreatePartition')).toHaveLength(complete.length)
      expect(glueWrites(second, 'GetPartitions')).toEqual([])

      const again = await runStep(standIn, nightly(5))
      expectSuccess(again)
      expect(partitions()).toHaveLength(2)
      expect(again.log).toMatch(
        new RegExp(
          `added to 0 of ${complete.length} history tables \\(${complete.length} already there\\)`
        )
      )
      expect(glueWrites(again, 'CreateTable')).toEqual([])
      expect(glueWrites(again, 'UpdateTable')).toEqual([])

      const rows = await expectEveryNightThroughThePartitions(standIn)
      const perNight = standIn.exportFiles
        .written('night-4')!
        .tables.filter(t => complete.some(c => c.target === t.target))
        .reduce((n, t) => n + t.rows.length, 0)
      expect(rows).toBe(2 * perNight)
    }
  )

  e2e(
    'glue-history-days drops only the partitions past the horizon, and touches no S3 object',
    NIGHTS,
    async standIn => {
      expectSuccess(await runStep(standIn, nightly(1)))
      expectSuccess(await runStep(standIn, nightly(4)))
      const before = s3Objects(standIn)
      // December 5 with a horizon of 2 days: December 1 goes, December 4 (1 day before) stays.
      const last = await runStep(standIn, nightly(5, { 'glue-history-days': '2' }))
      expectSuccess(last)
      for (const name of standIn.glue.tableNames('exports').filter(n => n.endsWith('_history'))) {
        expect({
          name,
          values: standIn.glue.getPartitions('exports', name).map(p => p.Values)
        }).toEqual({
          name,
          values: [
            ['2026-12-04', 'night-4'],
            ['2026-12-05', 'night-5']
          ]
        })
      }
      const tables = tablesOf(last).filter(t => t['glue-history-table']).length
      expect(last.summary).toContain(
        `more than 2 days before this export's: ${tables} dropped (from the catalog only`
      )
      // Only the partitions past the horizon were asked for.
      const asked = last.requests.filter(r => r.action === 'GetPartitions')
      expect(asked).toHaveLength(tables)
      expect(asked.every(r => r.params.Expression === "export_date < '2026-12-03'")).toBe(true)
      // The files of December 1 are all still there: the catalog drops, S3 keeps.
      const after = s3Objects(standIn)
      expect(after.filter(o => !before.includes(o)).every(o => o.startsWith('night-5/'))).toBe(true)
      expect(before.filter(o => !after.includes(o))).toEqual([])
      expect(before.some(o => o.startsWith('night-1/'))).toBe(true)
      const s3Actions = new Set(last.requests.filter(r => r.service === 's3').map(r => r.action))
      expect(
        [...s3Actions].every(a => ['ListObjectsV2', 'GetObject', 'HeadObject'].includes(a))
      ).toBe(true)
    }
  )
})
