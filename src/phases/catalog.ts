// Registering the complete tables in the Glue Data Catalog (glue-database), so Athena, Redshift
// Spectrum, EMR and Glue jobs can query them at once, with no crawler. The database is created
// when missing; a table is created, or updated in place to show the newest export (no archived
// version); a table this action did not create is never changed. Every table goes in with its
// full column list or not at all. With glue-history, each table's history table is registered
// the same way and this export's partition added to it (a re-run adds nothing twice: Glue's
// AlreadyExists per partition), then glue-history-days drops the partitions past the horizon
// (from the catalog only). The Glue client is loaded only here.
import pLimit from 'p-limit'
import type { CatalogApi } from '../aws/catalog.js'
import type { AwsSession } from '../aws/connect.js'
import type { Config } from '../config.js'
import { isoTime } from '../report/outputs.js'
import type { Step } from '../step.js'
import {
  exportDate,
  expiredExpression,
  glueAction,
  glueConflictWarning,
  partitionsToDrop,
  planGlueTables,
  type ExistingTable,
  type GluePlan
} from '../tables/glue.js'
import { withGlueTables } from '../tables/report.js'
import { publishTables, type Tables } from './tables.js'
import type { Ended } from './wait.js'

/** Glue writes in flight at once, within Glue's request rates. */
const GLUE_CONCURRENCY = 8

export interface Registered {
  database: string
  databaseCreated: boolean
  /** Each registered table by its target: the Glue table name. */
  tables: Map<string, string>
  created: number
  updated: number
  unchanged: number
  /** With glue-history. */
  history?: HistoryRegistered
}

/** What glue-history did: this export's partition, the history tables, what was dropped. */
export interface HistoryRegistered {
  exportDate: string
  exportTask: string
  /** Each target whose history table has this export's partition: the history table name. */
  tables: Map<string, string>
  /** Partitions added, and those that were already there (a re-run). */
  added: number
  existing: number
  /** glue-history-days, and the partitions it dropped. */
  days?: number
  dropped: number
}

export async function registerTables(
  aws: Pick<AwsSession, 'catalog'>,
  tables: Tables | undefined,
  ended: Ended,
  config: Config,
  step: Step
): Promise<{ tables?: Tables; catalog?: Registered }> {
  const database = config.glueDatabase
  if (!tables || !database) return { tables }
  let registered: { catalog: Registered; warnings: string[] } | undefined
  try {
    registered = await register(await aws.catalog(), database, tables, ended, config, step)
  } finally {
    // The tables outputs once, with the Glue tables when they were registered: the report
    // stands when Glue fails.
    const catalog = registered?.catalog
    publishTables(
      step,
      withGlueTables(tables.report, catalog?.tables ?? new Map(), catalog?.history?.tables)
    )
  }
  const { catalog } = registered
  const report = withGlueTables(tables.report, catalog.tables, catalog.history?.tables)
  const warnings = [...tables.warnings, ...registered.warnings]
  return { tables: { report, warnings }, catalog }
}

async function register(
  glue: CatalogApi,
  database: string,
  tables: Tables,
  ended: Ended,
  config: Config,
  step: Step
): Promise<{ catalog: Registered; warnings: string[] }> {
  const task = ended.task
  const date = config.glueHistory ? exportDate(task) : undefined
  const { plans, warnings } = planGlueTables(
    tables.report,
    config.glueTablePrefix,
    {
      exportTaskIdentifier: task.ExportTaskIdentifier ?? '',
      sourceArn: task.SourceArn,
      snapshotTime: isoTime(task.SnapshotTime) || undefined
    },
    date ? { exportDate: date } : undefined
  )
  if (config.glueHistory && !date) {
    warnings.push(
      'The export task gives neither a snapshot time nor a start time, so it has no export_date: no history partition is added.'
    )
  }
  const databaseCreated = await glue.ensureDatabase(
    database,
    'Tables of RDS exports to S3, registered by rds-export-action.'
  )
  const existing = await glue.tables(database)
  const done: Registered = {
    database,
    databaseCreated,
    tables: new Map(),
    created: 0,
    updated: 0,
    unchanged: 0,
    ...(date
      ? {
          history: {
            exportDate: date,
            exportTask: task.ExportTaskIdentifier ?? '',
            tables: new Map(),
            added: 0,
            existing: 0,
            dropped: 0,
            ...(config.glueHistoryDays ? { days: config.glueHistoryDays } : {})
          }
        }
      : {})
  }
  const limit = pLimit(GLUE_CONCURRENCY)
  await Promise.all(
    plans.map(plan =>
      limit(async () => {
        const action = await registerTable(glue, database, plan, existing.get(plan.name))
        if (typeof action !== 'string') {
          warnings.push(glueConflictWarning(action.conflict, database, plan, action.table))
        } else {
          done[action]++
          done.tables.set(plan.target, plan.name)
        }
        if (!plan.history || !done.history) return
        const history = await registerHistory(glue, database, plan, existing, done.history)
        if (history) warnings.push(history)
      })
    )
  )
  warnings.forEach(warning => step.warning(warning))
  step.info(
    `Glue database '${database}'${databaseCreated ? ' (created)' : ''}: ${done.created} tables created, ${done.updated} updated, ${done.unchanged} already up to date.`
  )
  if (done.history) step.info(historySentence(done.history))
  return { catalog: done, warnings }
}

function historySentence(history: HistoryRegistered): string {
  const { exportDate: date, exportTask, tables, added, existing, days, dropped } = history
  const again = existing > 0 ? ` (${existing} already there)` : ''
  const horizon = days ? `; ${dropped} partitions older than ${days} days dropped` : ''
  return `Glue history: partition export_date=${date}, export_task=${exportTask} added to ${added} of ${tables.size} history tables${again}${horizon}.`
}

/**
 * A table's history: the history table created, updated or left as it is (never one this action
 * did not make), this export's partition added, and with glue-history-days the partitions past
 * the horizon dropped. The warning for a history table left alone, or undefined.
 */
async function registerHistory(
  glue: CatalogApi,
  database: string,
  plan: GluePlan,
  existing: ReadonlyMap<string, ExistingTable>,
  done: HistoryRegistered
): Promise<string | undefined> {
  const history = plan.history!
  const asPlan = { target: plan.target, name: history.name, input: history.input }
  const action = await registerTable(glue, database, asPlan, existing.get(history.name))
  if (typeof action !== 'string') {
    return glueConflictWarning(action.conflict, database, asPlan, action.table)
  }
  const { added, existing: there } = await glue.addPartitions(database, history.name, [
    history.partition
  ])
  done.added += added
  done.existing += there
  done.tables.set(plan.target, history.name)
  if (!done.days) return undefined
  // Only the partitions past the horizon are listed, never the whole history.
  const expression = expiredExpression(done.exportDate, done.days)
  const answered = await glue.partitionValues(database, history.name, expression)
  const drop = partitionsToDrop(
    answered.map(Values => ({ Values })),
    done.exportDate,
    done.days,
    history.partition.Values
  )
  if (drop.length > 0) done.dropped += await glue.dropPartitions(database, history.name, drop)
  return undefined
}

type Conflict = { conflict: 'foreign' | 'other-target'; table: ExistingTable }

/**
 * One table created, updated or left as it is, decided from what GetTables listed. A table made
 * since by someone else (a CreateTable refused as AlreadyExists) is looked up and decided again.
 */
async function registerTable(
  glue: CatalogApi,
  database: string,
  plan: GluePlan,
  table: ExistingTable | undefined
): Promise<'created' | 'updated' | 'unchanged' | Conflict> {
  const action = glueAction(table, plan)
  if (action === 'foreign' || action === 'other-target') return { conflict: action, table: table! }
  if (action === 'unchanged') return 'unchanged'
  if (action === 'update') {
    await glue.update(database, plan.input)
    return 'updated'
  }
  if (await glue.create(database, plan.input)) return 'created'
  const now = await glue.table(database, plan.name)
  if (!now) {
    throw new Error(
      `Glue table '${plan.name}' was created and deleted by something else while this step registered it; re-run the step.`
    )
  }
  // Now it exists, so the decision is an update, unchanged or a conflict: never another create.
  return registerTable(glue, database, plan, now)
}
