// End-to-end, what was exported: once the task is COMPLETE the bundle reads the export's own
// files from the stand-in's S3 (metadata JSON, one Parquet footer per table), reports every table
// and registers the complete ones in its Glue Data Catalog; each registered table is then read
// back through the catalog's location and columns, as Athena would, and must give every row.
import { describe, expect } from '@jest/globals'
import type { StandIn, StandInOptions } from '../test/standin/index.js'
import { readLocation } from '../test/standin/index.js'
import { PROD_APPDB, PROD_SHOP, QUICK, exporting, waitInputs } from '../test/support/accounts.js'
import { runStep, startInputs, type StepResult } from '../test/support/e2e.js'
import { e2e, expectFailure, expectSuccess } from '../test/support/e2e-tests.js'
import { defaultSource, type ExportVariations } from '../test/standin/index.js'

const withGlue = (extra: Record<string, string> = {}) =>
  waitInputs({ 'glue-database': 'exports', ...extra })

interface TableEntry {
  target: string
  status: string
  'size-gb'?: number
  's3-uri'?: string
  'glue-table'?: string
}

const tablesOf = (step: StepResult): TableEntry[] => JSON.parse(step.outputs.tables ?? '[]')
const s3Calls = (step: StepResult) => step.requests.filter(r => r.service === 's3')

/**
 * Every table the action registered, read back as Athena reads it (the catalog's location and
 * column list): every row of the source, every column, in Glue's lower-case names.
 */
async function expectEveryRowThroughTheCatalog(standIn: StandIn, id: string): Promise<number> {
  const written = standIn.exportFiles.written(id)
  let checked = 0
  for (const name of standIn.glue.tableNames('exports')) {
    const table = standIn.glue.getTable('exports', name)
    const target = table.Parameters?.['rds-export-action.target'] ?? ''
    const source = written?.tables.find(t => t.target === target)
    expect({ name, found: Boolean(source) }).toEqual({ name, found: true })
    const columns = (table.StorageDescriptor?.Columns ?? []).map(c => c.Name)
    const rows = await readLocation(standIn.s3, table.StorageDescriptor?.Location ?? '')
    const lower = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]))
    expect(rows.map(lower)).toEqual(source!.rows.map(lower))
    if (rows[0]) expect(Object.keys(lower(rows[0])).sort()).toEqual([...columns].sort())
    checked++
  }
  return checked
}

describe('the tables of a COMPLETE export', () => {
  e2e(
    'PostgreSQL: every table reported, the complete ones registered in Glue and readable, the rest warned about',
    PROD_APPDB,
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectSuccess(step)
      const tables = tablesOf(step)
      const byTarget = new Map(tables.map(t => [t.target, t]))
      expect(byTarget.get('appdb.public.orders')).toMatchObject({
        status: 'COMPLETE',
        'glue-table': 'appdb_public_orders',
        's3-uri': expect.stringMatching(
          /^s3:\/\/acme-db-exports\/prod-export\/appdb\/public\.orders\/$/
        )
      })
      expect(byTarget.get('appdb.public.secrets')?.status).not.toBe('COMPLETE')
      expect(Number(step.outputs['tables-incomplete'])).toBeGreaterThanOrEqual(1)
      expect(Number(step.outputs['tables-complete'])).toBe(
        tables.filter(t => t.status === 'COMPLETE').length
      )
      // The skipped table is a warning that names it.
      expect(step.warnings.some(w => w.includes('appdb.public.secrets'))).toBe(true)
      // The whole report, columns and all, in tables-file.
      const file = JSON.parse(step.tablesFile ?? '{}')
      const orders = file.tables.find((t: { target: string }) => t.target === 'appdb.public.orders')
      expect(
        orders.columns.map((c: { name: string; 'glue-type': string }) => [c.name, c['glue-type']])
      ).toEqual(
        expect.arrayContaining([
          // PostgreSQL's numeric becomes a UTF-8 string in the export (RDS's conversion table).
          ['total', 'string'],
          ['id', 'bigint'],
          ['placed_at', 'string']
        ])
      )
      expect(await expectEveryRowThroughTheCatalog(standIn, 'prod-export')).toBeGreaterThanOrEqual(
        4
      )
      // A ready-to-run query for each registered table.
      expect(step.summary).toContain('`SELECT * FROM exports.appdb_public_orders LIMIT 10;`')
      expect(step.summary).toMatch(/### Tables/)
      expect(step.summary).toMatch(/### In the Glue Data Catalog/)
    }
  )

  e2e(
    'MySQL: decimals and unsigned integers typed from the Parquet footers',
    PROD_SHOP,
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectSuccess(step)
      const file = JSON.parse(step.tablesFile ?? '{}')
      const types = file.tables.flatMap((t: { columns: { 'glue-type': string }[] }) =>
        t.columns.map(c => c['glue-type'])
      )
      expect(types).toEqual(expect.arrayContaining([expect.stringMatching(/^decimal\(\d+,\d+\)$/)]))
      expect(await expectEveryRowThroughTheCatalog(standIn, 'prod-export')).toBeGreaterThan(0)
    }
  )

  e2e(
    'chained: mode: wait in a later job reports and registers the tables',
    PROD_APPDB,
    async standIn => {
      const started = await runStep(standIn, waitInputs({ wait: 'false' }))
      expectSuccess(started)
      expect(started.outputs.tables ?? '').toBe('')
      const waited = await runStep(standIn, {
        mode: 'wait',
        'export-task-identifier': 'prod-export',
        'glue-database': 'exports',
        'poll-interval-seconds': '5',
        'role-to-assume': startInputs()['role-to-assume'] ?? ''
      })
      expectSuccess(waited)
      expect(tablesOf(waited).length).toBeGreaterThan(4)
      expect(standIn.glue.tableNames('exports')).toContain('appdb_public_orders')
    }
  )

  e2e(
    'a later export updates the same Glue tables in place, with no archived version',
    PROD_APPDB,
    async standIn => {
      expectSuccess(await runStep(standIn, withGlue()))
      const second = await runStep(standIn, withGlue({ 'export-task-identifier': 'prod-export-2' }))
      expectSuccess(second)
      const orders = standIn.glue.getTable('exports', 'appdb_public_orders')
      expect(orders.Parameters?.['rds-export-action.export-task-identifier']).toBe('prod-export-2')
      expect(orders.StorageDescriptor?.Location).toContain('/prod-export-2/')
      expect(standIn.glue.getTableVersions('exports', 'appdb_public_orders')).toHaveLength(1)
      expect(second.log).toMatch(/tables created, \d+ updated/)
    }
  )

  e2e(
    "a Glue table this action didn't create is left untouched, with a warning naming it",
    {
      ...PROD_APPDB,
      glueDatabases: ['exports'],
      glueTables: [
        {
          database: 'exports',
          table: {
            Name: 'appdb_public_orders',
            TableType: 'EXTERNAL_TABLE',
            StorageDescriptor: {
              Columns: [{ Name: 'order_id', Type: 'bigint' }],
              Location: 's3://another-teams-bucket/orders/'
            }
          }
        }
      ]
    },
    async standIn => {
      const before = JSON.stringify(standIn.glue.getTable('exports', 'appdb_public_orders'))
      const step = await runStep(standIn, withGlue())
      expectSuccess(step)
      expect(JSON.stringify(standIn.glue.getTable('exports', 'appdb_public_orders'))).toBe(before)
      expect(
        step.warnings.some(w =>
          /exports\.appdb_public_orders exists and was not created by this action/.test(w)
        )
      ).toBe(true)
      expect(standIn.glue.tableNames('exports')).toContain('appdb_public_customers')
    }
  )
})

describe('S3 and KMS refusals', () => {
  const refusedS3: StandInOptions = { ...PROD_APPDB, s3Refusals: [{ bucket: 'acme-db-exports' }] }

  e2e(
    'tables-report: auto: one warning with the statement to add, and the step succeeds',
    refusedS3,
    async standIn => {
      const step = await runStep(standIn, waitInputs())
      expectSuccess(step)
      const warning = step.warnings.find(w => w.includes("can't be reported")) ?? ''
      expect(warning).toMatch(/"Action":"s3:ListBucket"/)
      expect(warning).toMatch(
        /"Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-db-exports\/prod-export\/\*"/
      )
      expect(warning).toMatch(/kms:Decrypt/)
      expect(step.outputs.tables ?? '').toBe('')
    }
  )

  e2e('tables-report: true: the same refusal fails the step', refusedS3, async standIn => {
    const step = await runStep(standIn, waitInputs({ 'tables-report': 'true' }))
    expectFailure(step, /ListObjectsV2 failed: AccessDenied/, /s3:ListBucket/)
  })

  e2e(
    'the key refused: the KMS hint, kms:Decrypt on the key',
    { ...PROD_APPDB, kmsRefusals: [{}] },
    async standIn => {
      const step = await runStep(standIn, waitInputs({ 'tables-report': 'true' }))
      expectFailure(step, /GetObject failed/, /kms:Decrypt/)
    }
  )

  e2e(
    'the key disabled: S3 passes on KMS.DisabledException, the step says to enable the key',
    { ...PROD_APPDB, kmsRefusals: [{ code: 'KMS.DisabledException' }] },
    async standIn => {
      const step = await runStep(standIn, waitInputs({ 'tables-report': 'true' }))
      expectFailure(step, /GetObject failed: KMS\.DisabledException/, /key is disabled: enable it/)
    }
  )

  e2e(
    "fail-on-warning: RDS's warning in the failure, the report's warnings counted, not repeated",
    PROD_APPDB,
    async standIn => {
      const step = await runStep(standIn, waitInputs({ 'fail-on-warning': 'true' }))
      expect(step.warnings).toHaveLength(2)
      expectFailure(
        step,
        /COMPLETE with warnings \(fail-on-warning\): RDS's warning: Skipped table appdb\.public\.secrets: PERMISSIONS_DO_NOT_EXIST\. General: reporting: FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE\. The tables report warned 2 times \(above\)\. Hint: Each warning names/
      )
      // A failed step leads with ❌ and why, then what to do.
      expect(step.summary).toMatch(
        /^## ❌ Export complete with warnings, failed by fail-on-warning\n/
      )
      expect(step.summary).toMatch(/\*\*What to do:\*\* Each warning names/)
    }
  )

  e2e('tables-report: false makes no S3 call at all', PROD_APPDB, async standIn => {
    const step = await runStep(standIn, waitInputs({ 'tables-report': 'false' }))
    expectSuccess(step)
    expect(s3Calls(step)).toEqual([])
    expect(step.requests.filter(r => r.service === 'glue')).toEqual([])
  })

  e2e(
    'Glue refused: the Glue permissions hint',
    { ...PROD_APPDB, glueRefusals: [{ code: 'AccessDeniedException' }] },
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectFailure(step, /AccessDeniedException/, /glue:CreateTable/)
      // The report was read before: its outputs are set.
      expect(tablesOf(step).length).toBeGreaterThan(0)
    }
  )
})

describe('bad data in the export: a clear warning, nothing wrong registered', () => {
  const variation = (variations: ExportVariations): StandInOptions =>
    exporting({ ...defaultSource('postgres'), variations }, QUICK)

  e2e(
    'a corrupt Parquet footer',
    variation({ corruptFooter: ['appdb.public.customers'] }),
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectSuccess(step)
      expect(step.warnings.some(w => /appdb\.public\.customers.*footer/.test(w))).toBe(true)
      expect(standIn.glue.tableNames('exports')).not.toContain('appdb_public_customers')
      expect(standIn.glue.tableNames('exports')).toContain('appdb_public_orders')
    }
  )

  e2e('malformed metadata JSON', variation({ malformed: 'export_tables_info' }), async standIn => {
    const step = await runStep(standIn, withGlue())
    expectSuccess(step)
    expect(step.warnings.some(w => /export_tables_info/.test(w))).toBe(true)
  })

  e2e(
    'the older flat layout, without batch folders',
    variation({ flatLayout: true }),
    async standIn => {
      const step = await runStep(standIn, withGlue())
      expectSuccess(step)
      expect(await expectEveryRowThroughTheCatalog(standIn, 'prod-export')).toBeGreaterThan(3)
    }
  )
})
