// End-to-end, data from AWS built to take the step down, through the bundle: JSON nested
// thousands of levels deep, e-mail addresses in AWS's text, Parquet footers built to exhaust
// memory, and an S3 emulator that sends the whole object's checksum on a ranged GET. Each run
// ends with exit 0 or 1, and a failure always with its `::error::` line and its summary.
import { describe, expect } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { emailAutolinks, renderGfm } from '../scripts/gfm.js'
import { APPDB, defaultSource, manyTables, type ExportVariations } from '../test/standin/index.js'
import { QUICK, exporting, waitInputs } from '../test/support/accounts.js'
import type { StandIn } from '../test/standin/index.js'
import { runStep, type StepResult } from '../test/support/e2e.js'
import { e2e, expectSuccess } from '../test/support/e2e-tests.js'

const APPDB_WITH = (variations: ExportVariations) =>
  exporting({ ...defaultSource('postgres'), variations }, QUICK)

/** `{"cause":...}` nested `depth` deep around a text, as JSON text. */
const nested = (depth: number, text: string): string =>
  '{"cause":'.repeat(depth) + JSON.stringify(text) + '}'.repeat(depth)

/** A step that ended as a step should: exit 0, or exit 1 with one error line; a summary. */
function expectWhole(step: StepResult): void {
  expect(step.log).not.toContain('Maximum call stack size exceeded')
  expect([0, 1]).toContain(step.exitCode)
  if (step.exitCode === 1) expect(step.errors).toHaveLength(1)
  expect(step.summary).toMatch(/^## /)
}

describe('JSON nested thousands of levels deep', () => {
  for (const field of ['warningMessage', 'failureCause'] as const) {
    e2e(
      `export_tables_info with a ${field} nested 6,000 deep: reported, cut, no crash`,
      APPDB_WITH({ nestedMessages: { depth: 6000, field } }),
      async standIn => {
        const step = await runStep(standIn, waitInputs())
        expectWhole(step)
        expectSuccess(step)
        const tables = JSON.parse(step.outputs.tables ?? '[]') as { target: string }[]
        expect(tables.map(t => t.target)).toContain('appdb.public.secrets')
        // The skipped table's reason, shown as JSON cut at 16 levels.
        expect(step.log).toMatch(/Table appdb\.public\.secrets is not complete: .*\{"cause":\{/)
        expect(step.log).toContain('{…}')
      }
    )
  }

  e2e(
    "RDS's WarningMessage nested 6,000 deep: the summary is written, the warning cut",
    {
      ...QUICK,
      faults: [
        {
          action: 'DescribeExportTasks',
          kind: 'craft',
          times: Infinity,
          craft: {
            record: 'ExportTask',
            fields: { WarningMessage: `{"skippedTables":[${nested(6000, 'TOO_DEEP')}]}` }
          }
        }
      ]
    },
    async standIn => {
      const step = await runStep(standIn, waitInputs({ 'fail-on-warning': 'true' }))
      expectWhole(step)
      expect(step.exitCode).toBe(1)
      expect(step.errors[0]).toContain('(fail-on-warning)')
      expect(step.summary).toContain('{…}')
      expect(step.outputs.status).toBe('COMPLETE')
    }
  )
})

describe('e-mail addresses in AWS text', () => {
  const TEXT = 'Write to dba+rds@corp.example.co.uk or ops@evil.example (@octocat).'
  e2e(
    'a FailureCause and a WarningMessage with e-mail addresses: no mailto link in the summary',
    {
      ...QUICK,
      faults: [
        {
          action: 'DescribeExportTasks',
          kind: 'craft',
          times: Infinity,
          craft: { record: 'ExportTask', fields: { WarningMessage: TEXT, FailureCause: TEXT } }
        }
      ]
    },
    async standIn => {
      const step = await runStep(standIn, waitInputs())
      expectSuccess(step)
      const html = renderGfm(step.summary)
      expect(html.replace(/\u2060/g, '')).toContain('ops@evil.example')
      expect(html).not.toContain('mailto:')
      expect(emailAutolinks(html)).toEqual([])
    }
  )
})

describe("an S3 emulator that sends the whole object's checksum on a ranged GET", () => {
  const customers = APPDB[0]!.tables.find(t => t.name === 'customers')!
  e2e(
    'a 75 KB Parquet file (its footer read by range): read, typed, registered in Glue',
    {
      ...exporting(
        {
          engine: 'postgres',
          databases: [{ name: 'appdb', tables: [{ ...customers, rows: 5000 }] }]
        },
        QUICK
      ),
      s3EchoChecksums: true
    },
    async standIn => {
      const step = await runStep(standIn, waitInputs({ 'glue-database': 'exports' }))
      expectSuccess(step)
      expect(step.warnings).toEqual([])
      const written = standIn.exportFiles.written('prod-export')!
      const file = standIn.s3.getObject(written.bucket, written.tables[0]!.files[0]!)!
      expect(file.body.length).toBeGreaterThan(64 * 1024)
      // The footer was read by range, and S3 answered each range with the whole file's CRC32.
      const ranged = step.requests.filter(r => r.action === 'GetObject' && r.params.Range)
      expect(ranged.length).toBeGreaterThan(0)
      const table = standIn.glue.getTable('exports', 'appdb_public_customers')
      // Typed from the footer, as the export's oracle has them.
      expect(table.StorageDescriptor?.Columns?.map(c => `${c.Name} ${c.Type}`)).toEqual(
        written.tables[0]!.columns.map(c => `${c.name.toLowerCase()} ${c.glueType}`)
      )
    }
  )
})

describe('Parquet footer bombs', () => {
  const GIB = 1024 ** 3
  const PEAK_RSS = resolve('test/support/peak-rss.mjs')

  /** The step, with glue-database, and its peak resident memory in bytes. */
  async function measured(standIn: StandIn): Promise<StepResult & { peak: number }> {
    const file = join(mkdtempSync(join(tmpdir(), 'peak-')), 'rss')
    const step = await runStep(standIn, waitInputs({ 'glue-database': 'exports' }), {
      // The heap capped at 1.5 GB so that a bomb that gets through fails the test (the process
      // aborts) instead of taking the shared machine's memory; the peak must stay under 1 GB.
      env: {
        NODE_OPTIONS: `--import=${PEAK_RSS} --max-old-space-size=1536`,
        PEAK_RSS_FILE: file
      }
    })
    expectWhole(step)
    return { ...step, peak: Number(readFileSync(file, 'utf8')) }
  }

  const targets = (count: number) =>
    manyTables(count).databases[0]!.tables.map(t => `bench.public.${t.name}`)
  const withTargets = (count: number, bytes: number, kind: 'schema' | 'rowGroups') => {
    const source = manyTables(count)
    return exporting(
      { ...source, variations: { footerBombs: { targets: targets(count), bytes, kind } } },
      QUICK
    )
  }

  e2e(
    'one 30 MB footer of empty schema elements: a warning naming the table, not registered, under 1 GB',
    withTargets(1, 30_000_000, 'schema'),
    async standIn => {
      const step = await measured(standIn)
      expectSuccess(step)
      expect(step.warnings.join('\n')).toMatch(
        /Table bench\.public\.t00001: its Parquet footer can't be read \(its footer is 28\.6 MiB, over the 2\.0 MiB this action reads\)/
      )
      expect(standIn.glue.tableNames('exports')).toEqual([])
      expect(step.peak).toBeLessThan(GIB)
    }
  )

  e2e(
    'twelve 4 MB footers of empty schema elements: each a warning, none read whole, under 1 GB',
    withTargets(12, 4_000_000, 'schema'),
    async standIn => {
      const step = await measured(standIn)
      expectSuccess(step)
      const bombs = step.warnings.filter(w => /footer is 3\.8 MiB, over the 2\.0 MiB/.test(w))
      expect(bombs).toHaveLength(10)
      expect(step.warnings.join('\n')).toMatch(/2 more complete tables have problems/)
      expect(standIn.glue.tableNames('exports')).toEqual([])
      expect(step.peak).toBeLessThan(GIB)
    }
  )

  e2e(
    'a 1.9 MB footer of 1,900,000 empty schema elements: refused by its count, before parsing',
    withTargets(1, 1_900_000, 'schema'),
    async standIn => {
      const step = await measured(standIn)
      expectSuccess(step)
      expect(step.warnings.join('\n')).toContain(
        'its footer holds 1900000 schema elements, over the 10000 this action reads'
      )
      expect(standIn.glue.tableNames('exports')).toEqual([])
      expect(step.peak).toBeLessThan(GIB)
    }
  )

  e2e(
    'twelve footers of 2 MB of empty row groups (within both bounds): parsed one at a time, under 1 GB',
    withTargets(12, 2_000_000, 'rowGroups'),
    async standIn => {
      const step = await measured(standIn)
      expectSuccess(step)
      expect(step.warnings.join('\n')).toMatch(/Table bench\.public\.t00001: its Parquet footer/)
      expect(standIn.glue.tableNames('exports')).toEqual([])
      expect(step.peak).toBeLessThan(GIB)
      // Each footer in two GETs: the file's last 64 KiB, then only the footer's bytes before
      // them (a bomb file is `PAR1`, its footer from byte 4, the footer's length and `PAR1`).
      const gets = step.requests.filter(r => r.action === 'GetObject' && r.params.Range)
      const keys = [...new Set(gets.map(r => r.params.Key!))]
      expect(keys).toHaveLength(12)
      for (const key of keys) {
        const size = standIn.s3.getObject(gets[0]!.params.Bucket!, key)!.body.length
        expect(gets.filter(r => r.params.Key === key).map(r => r.params.Range)).toEqual([
          `bytes=${size - 65_536}-${size - 1}`,
          `bytes=4-${size - 65_537}`
        ])
      }
    }
  )
})
