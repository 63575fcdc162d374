// The tables phase and the Glue phase over the stand-in's object store and an in-memory catalog
// (no HTTP): what is read, what is reported, what is registered, what it costs in calls.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { fakeCatalog, storeExportFiles } from '../../__fixtures__/aws.js'
import { configFor } from '../../__fixtures__/config.js'
import { fakeStep } from '../../__fixtures__/step.js'
import type { ExportTask } from '../../src/aws/types.js'
import { registerTables } from '../../src/phases/catalog.js'
import { setOutputs } from '../../src/phases/finish.js'
import { reportTables } from '../../src/phases/tables.js'
import { TABLES_OUTPUT_MAX_BYTES } from '../../src/tables/outputs.js'
import { cleanSource, defaultSource, manyTables } from '../../test/standin/export-fixtures.js'
import { writeExport, type ExportSource } from '../../test/standin/export-files.js'
import { S3Store } from '../../test/standin/s3.js'

const task: ExportTask = {
  ExportTaskIdentifier: 'nightly-7',
  SourceArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:prod-1',
  S3Bucket: 'exports-bucket',
  S3Prefix: 'nightly',
  KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  IamRoleArn: 'arn:aws:iam::123456789012:role/rds-s3-export',
  Status: 'COMPLETE',
  SnapshotTime: new Date('2026-11-25T03:10:00Z')
}
const waitConfig = (extra: Record<string, string> = {}) =>
  configFor({
    mode: 'wait',
    'export-task-identifier': 'nightly-7',
    'aws-region': 'eu-west-1',
    ...extra
  })

function exported(source: ExportSource) {
  const store = new S3Store()
  store.createBucket('exports-bucket')
  const written = writeExport(store, { ...task, Status: 'COMPLETE' } as never, source)
  const files = storeExportFiles(store)
  const step = fakeStep()
  step.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'tables-'))
  return { written, files, step }
}

describe('reportTables', () => {
  test('every table reported with its columns; outputs and the tables file set', async () => {
    const { files, step, written } = exported(cleanSource('postgres'))
    const tables = await reportTables(
      { exportFiles: async () => files },
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    expect(tables?.report.tables.map(t => t.target).sort()).toEqual(
      written.tables.map(t => t.target).sort()
    )
    expect(step.record.tables).toBe(tables)
    setOutputs(step)
    expect(step.outputs.get('tables-complete')).toBe(String(tables?.report.complete))
    const file = JSON.parse(readFileSync(step.outputs.get('tables-file') ?? '', 'utf8'))
    expect(file.tables).toHaveLength(written.tables.length)
    expect(tables?.warnings).toEqual([])
  })

  test('a constant number of calls a table: one listing, one footer', async () => {
    const { files, step } = exported(manyTables(300))
    await reportTables(
      { exportFiles: async () => files },
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    const footers = files.calls.filter(c => c.startsWith('footer')).length
    const lists = files.calls.filter(c => c.startsWith('list')).length
    expect(footers).toBe(300)
    expect(lists).toBeLessThanOrEqual(300 + 3)
  })

  test('skipped tables and a database warning are warnings that name them', async () => {
    const { files, step } = exported(defaultSource('postgres'))
    const tables = await reportTables(
      { exportFiles: async () => files },
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    expect(tables?.warnings.some(w => w.includes('appdb.public.secrets'))).toBe(true)
    expect(step.warned.some(w => w.includes('reporting'))).toBe(true)
  })

  test('10,000 tables: every one in tables-file, the tables output under 1 MB', async () => {
    const { files, step } = exported(manyTables(10_000))
    const tables = await reportTables(
      { exportFiles: async () => files },
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    expect(tables?.report.tables).toHaveLength(10_000)
    setOutputs(step)
    expect(Buffer.byteLength(step.outputs.get('tables') ?? '')).toBeLessThanOrEqual(
      TABLES_OUTPUT_MAX_BYTES
    )
    const file = JSON.parse(readFileSync(step.outputs.get('tables-file') ?? '', 'utf8'))
    expect(file.tables).toHaveLength(10_000)
  }, 120_000)

  test.each([
    ['tables-report: false', waitConfig({ 'tables-report': 'false' }), task],
    ['a task not COMPLETE', waitConfig(), { ...task, Status: 'FAILED' }],
    [
      'mode cancel',
      configFor({ mode: 'cancel', 'export-task-identifier': 'x', 'aws-region': 'eu-west-1' }),
      task
    ]
  ])('%s: nothing read, the S3 client never loaded', async (_, config, seen) => {
    let loaded = false
    const step = fakeStep()
    const result = await reportTables(
      { exportFiles: async () => ((loaded = true), storeExportFiles(new S3Store())) },
      { task: seen, outcome: 'complete' },
      config,
      step
    )
    expect(result).toBeUndefined()
    expect(loaded).toBe(false)
  })
})

describe('registerTables', () => {
  // A postgres export reported with glue-database set, an empty catalog, and registerTables
  // over them as the Glue phase calls it.
  async function reported() {
    const { files, step } = exported(cleanSource('postgres'))
    const config = waitConfig({ 'glue-database': 'exports' })
    const ended = { task, outcome: 'complete' as const }
    const tables = await reportTables({ exportFiles: async () => files }, ended, config, step)
    const glue = fakeCatalog()
    /** Registers, and what the record holds of it then. */
    const register = async (on = step) => {
      await registerTables({ catalog: async () => glue }, tables, ended, config, on)
      return { catalog: on.record.glue }
    }
    return { step, glue, register }
  }

  test('creates the database and a table per complete table; the Glue client only here', async () => {
    const { step, glue, register } = await reported()
    const { catalog } = await register()
    expect(catalog?.databaseCreated).toBe(true)
    const registered = [...(glue.databases.get('exports')?.keys() ?? [])]
    expect(registered).toContain('appdb_public_orders')
    setOutputs(step)
    expect(step.outputs.get('tables')).toContain('"glue-table":"appdb_public_orders"')
    // GetTables once, then one write a table.
    expect(glue.calls.filter(c => c.startsWith('tables'))).toHaveLength(1)
    expect(glue.calls.filter(c => c.startsWith('create'))).toHaveLength(registered.length)
  })

  test('the phases set no output: the finish phase sets them once, from the record', async () => {
    const { step, register } = await reported()
    await register()
    expect(step.outputs.size).toBe(0)
  })

  test('Glue fails part-way: the record names the tables Glue took before it failed', async () => {
    const { step, glue, register } = await reported()
    const create = glue.create.bind(glue)
    let calls = 0
    glue.create = async (database, input) => {
      if (++calls > 2) throw new Error('Glue is down')
      return create(database, input)
    }
    await expect(register()).rejects.toThrow('Glue is down')
    const made = [...(glue.databases.get('exports')?.keys() ?? [])]
    expect(made).toHaveLength(2)
    expect([...(step.record.glue?.tables.values() ?? [])].sort()).toEqual(made.sort())
    setOutputs(step)
    const listed = JSON.parse(step.outputs.get('tables') ?? '[]') as { 'glue-table'?: string }[]
    expect(listed.flatMap(t => t['glue-table'] ?? []).sort()).toEqual(made.sort())
  })

  test('run again: nothing changed, nothing written', async () => {
    const { glue, register } = await reported()
    await register()
    glue.calls.length = 0
    const again = await register()
    expect(glue.calls.filter(c => /^(create|update)/.test(c))).toEqual([])
    expect(again.catalog?.unchanged).toBeGreaterThan(0)
  })

  test('two steps registering at once: each table created once, the other step finds it done', async () => {
    const { step, glue, register } = await reported()
    const other = fakeStep()
    const [first, second] = await Promise.all([register(), register(other)])
    const count = glue.databases.get('exports')!.size
    expect(first.catalog!.created + second.catalog!.created).toBe(count)
    expect(first.catalog!.unchanged + second.catalog!.unchanged).toBe(count)
    // Each refused CreateTable was followed by one GetTable of that table.
    expect(glue.calls.filter(c => c.startsWith('table ')).length).toBe(count)
    expect([...step.warned, ...other.warned].filter(w => /Glue/.test(w))).toEqual([])
  })

  test('a table made by someone else after GetTables: looked up again, never overwritten', async () => {
    const { step, glue, register } = await reported()
    const theirs = { Name: 'appdb_public_orders', TableType: 'VIRTUAL_VIEW', Parameters: {} }
    const list = glue.tables.bind(glue)
    glue.tables = async database => {
      const listed = await list(database)
      glue.databases.get(database)!.set(theirs.Name, theirs)
      return listed
    }
    const { catalog } = await register()
    expect(glue.databases.get('exports')!.get(theirs.Name)).toBe(theirs)
    expect(glue.calls).toContain('table appdb_public_orders')
    expect(catalog!.tables.has('appdb.public.orders')).toBe(false)
    expect(step.warned.join('\n')).toMatch(/appdb_public_orders/)
    expect(catalog!.warnings.join('\n')).toMatch(/appdb_public_orders/)
  })

  test('no glue-database: the Glue client is never loaded', async () => {
    let loaded = false
    const step = fakeStep()
    await registerTables(
      { catalog: async () => ((loaded = true), fakeCatalog()) },
      undefined,
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    expect(step.record.glue).toBeUndefined()
    expect(loaded).toBe(false)
  })
})

describe('the tables file', () => {
  test("is named from the identifier's letters, digits and hyphens only, under RUNNER_TEMP", async () => {
    const { files, step } = exported(cleanSource('postgres'))
    const tables = await reportTables(
      { exportFiles: async () => files },
      { task, outcome: 'complete' },
      waitConfig(),
      step
    )
    step.record.reportedTables({
      ...tables!,
      report: { ...tables!.report, exportTaskIdentifier: '../../x' }
    })
    setOutputs(step)
    const file = step.outputs.get('tables-file') ?? ''
    expect(file).toBe(join(step.env.RUNNER_TEMP ?? '', 'rds-export-tables-______x.json'))
  })
})

describe('registerTables when the run is cancelled', () => {
  test('before it begins: nothing asked of Glue, and the error says none was registered', async () => {
    const { files, step } = exported(cleanSource('postgres'))
    const config = waitConfig({ 'glue-database': 'exports' })
    const ended = { task, outcome: 'complete' as const }
    const tables = await reportTables({ exportFiles: async () => files }, ended, config, step)
    step.cancel()
    let loaded = false
    const registering = registerTables(
      { catalog: async () => ((loaded = true), fakeCatalog()) },
      tables,
      ended,
      config,
      step
    )
    await expect(registering).rejects.toThrow(
      "The run was cancelled before the tables were registered in Glue database 'exports'; none was."
    )
    expect(loaded).toBe(false)
  })
})
