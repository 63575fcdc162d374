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

function exported(source: ExportSource, exportTask = task) {
  const store = new S3Store()
  store.createBucket('exports-bucket')
  const written = writeExport(store, { ...exportTask, Status: 'COMPLETE' } as never, source)
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

  describe('with glue-history', () => {
    async function nightly(extra: Record<string, string> = {}, night = task) {
      const { files, step } = exported(cleanSource('postgres'), night)
      const config = waitConfig({ 'glue-database': 'exports', 'glue-history': 'true', ...extra })
      const ended = { task: night, outcome: 'complete' as const }
      const tables = await reportTables({ exportFiles: async () => files }, ended, config, step)
      return { step, tables: tables!, config, ended }
    }
    /** Registers, and what the record holds of it then. */
    async function registerOn(
      glue: ReturnType<typeof fakeCatalog>,
      { step, tables, config, ended }: Awaited<ReturnType<typeof nightly>>
    ) {
      await registerTables({ catalog: async () => glue }, tables, ended, config, step)
      return step.record.glue
    }

    test("each complete table, the empty one included, gets its history table and this export's partition", async () => {
      const { step, tables, config, ended } = await nightly()
      const glue = fakeCatalog()
      const catalog = await registerOn(glue, { step, tables, config, ended })
      const complete = tables.report.tables.filter(t => t.complete)
      expect(complete.some(t => t.empty)).toBe(true)
      const db = glue.databases.get('exports')!
      for (const t of complete) {
        const name = t.target.toLowerCase().replace(/[^a-z0-9_]/g, '_')
        expect({ t: t.target, latest: db.has(name), history: db.has(`${name}_history`) }).toEqual({
          t: t.target,
          latest: true,
          history: true
        })
        expect(db.get(`${name}_history`)!.PartitionKeys?.map(k => k.Name)).toEqual([
          'export_date',
          'export_task'
        ])
        const partitions = glue.partitions.get(`exports.${name}_history`)!
        expect([...partitions.keys()]).toEqual(['2026-11-25|nightly-7'])
      }
      expect(catalog!.history).toMatchObject({
        exportDate: '2026-11-25',
        exportTask: 'nightly-7',
        added: complete.length,
        existing: 0,
        dropped: 0
      })
      setOutputs(step)
      const output = JSON.parse(step.outputs.get('tables')!) as Record<string, string>[]
      expect(output.find(t => t.target === 'appdb.public.orders')).toMatchObject({
        'glue-table': 'appdb_public_orders',
        'glue-history-table': 'appdb_public_orders_history'
      })
      expect(step.log.join('\n')).toContain(
        `Glue history: partition export_date=2026-11-25, export_task=nightly-7 added to ${complete.length} of ${complete.length} history tables.`
      )
    })

    test('a re-run adds nothing; a later night adds one partition a table, and updates no history table', async () => {
      const { step, tables, config, ended } = await nightly()
      const glue = fakeCatalog()
      const register = (t = tables, e = ended) =>
        registerOn(glue, { step, tables: t, config, ended: e })
      await register()
      glue.calls.length = 0
      const again = await register()
      expect(again!.history).toMatchObject({ added: 0, existing: tables.report.complete })
      expect(glue.calls.filter(c => /^(create|update)/.test(c))).toEqual([])

      const later = await nightly(
        {},
        {
          ...task,
          ExportTaskIdentifier: 'nightly-8',
          SnapshotTime: new Date('2026-11-26T03:10:00Z')
        }
      )
      glue.calls.length = 0
      const next = await register(later.tables, later.ended)
      expect(next!.history).toMatchObject({ added: tables.report.complete, existing: 0 })
      // Per table: the latest table updated, one BatchCreatePartition, nothing else.
      expect(
        glue.calls.filter(c => c.startsWith('update')).every(c => !c.endsWith('_history'))
      ).toBe(true)
      expect(glue.calls.filter(c => c.startsWith('addPartitions'))).toHaveLength(
        tables.report.complete
      )
      expect(glue.calls.filter(c => c.startsWith('partitionValues'))).toEqual([])
      expect([...glue.partitions.get('exports.appdb_public_orders_history')!.keys()]).toEqual([
        '2026-11-25|nightly-7',
        '2026-11-26|nightly-8'
      ])
    })

    test('a history table this action did not make is never changed, and a warning names it', async () => {
      const { step, tables, config, ended } = await nightly()
      const theirs = {
        Name: 'appdb_public_orders_history',
        TableType: 'EXTERNAL_TABLE',
        Parameters: {}
      }
      const glue = fakeCatalog({ exports: { appdb_public_orders_history: theirs } })
      const catalog = await registerOn(glue, { step, tables, config, ended })
      expect(glue.databases.get('exports')!.get(theirs.Name)).toBe(theirs)
      expect(glue.partitions.get('exports.appdb_public_orders_history')).toBeUndefined()
      expect(catalog!.history!.tables.has('appdb.public.orders')).toBe(false)
      // The latest table is registered all the same.
      expect(catalog!.tables.get('appdb.public.orders')).toBe('appdb_public_orders')
      expect(step.warned.join('\n')).toContain(
        'Glue table exports.appdb_public_orders_history exists and was not created by this action'
      )
      setOutputs(step)
      expect(step.outputs.get('tables')).not.toContain(
        '"glue-history-table":"appdb_public_orders_history"'
      )
    })

    test('glue-history-days drops only the partitions past the horizon, asking for those only', async () => {
      const { step, tables, config, ended } = await nightly({ 'glue-history-days': '7' })
      const glue = fakeCatalog()
      await registerOn(glue, { step, tables, config, ended })
      const orders = glue.partitions.get('exports.appdb_public_orders_history')!
      const own = orders.get('2026-11-25|nightly-7')!
      for (const values of [
        ['2026-11-17', 'old'],
        ['2026-11-18', 'edge'],
        ['2026-11-24', 'recent']
      ]) {
        orders.set(values.join('|'), { ...own, Values: values })
      }
      glue.calls.length = 0
      const catalog = await registerOn(glue, { step, tables, config, ended })
      expect([...orders.keys()].sort()).toEqual([
        '2026-11-18|edge',
        '2026-11-24|recent',
        '2026-11-25|nightly-7'
      ])
      expect(catalog!.history).toMatchObject({ days: 7, dropped: 1 })
      expect(glue.calls).toContain(
        "partitionValues appdb_public_orders_history export_date < '2026-11-18'"
      )
      expect(glue.calls).toContain('dropPartitions appdb_public_orders_history 2026-11-17|old')
      expect(glue.calls.filter(c => c.startsWith('dropPartitions'))).toHaveLength(1)
    })

    test('a live cluster export is dated by its start time', async () => {
      const cluster = {
        ...task,
        SourceType: 'CLUSTER' as const,
        SnapshotTime: undefined,
        TaskStartTime: new Date('2026-11-30T23:30:00Z')
      }
      const { step, tables, config, ended } = await nightly({}, cluster)
      const glue = fakeCatalog()
      const catalog = await registerOn(glue, { step, tables, config, ended })
      expect(catalog!.history!.exportDate).toBe('2026-11-30')
    })

    test('a task with no time at all: no history partition, a warning says why', async () => {
      const { step, tables, config, ended } = await nightly(
        {},
        { ...task, SnapshotTime: undefined }
      )
      const glue = fakeCatalog()
      const catalog = await registerOn(glue, { step, tables, config, ended })
      expect(catalog!.history).toBeUndefined()
      expect(catalog!.tables.size).toBeGreaterThan(0)
      expect(glue.partitions.size).toBe(0)
      expect(step.warned.join('\n')).toContain('no export_date: no history partition is added')
    })
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
