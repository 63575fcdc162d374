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
import { ActionError } from '../errors.js'
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
import type { GlueHistory, Tables } from '../record.js'
import type { Ended } from './wait.js'

const RERUN_HINT =
  'Run the step again with mode: status, this export-task-identifier and glue-database to register them.'

/** Glue writes in flight at once, within Glue's request rates. */
const GLUE_CONCURRENCY = 8

/** With glue-database and a tables report: each table registered is in the run record as soon
 * as Glue took it, so an error part-way still names those made. */
export async function registerTables(
  aws: Pick<AwsSession, 'catalog'>,
  tables: Tables | undefined,
  ended: Ended,
  config: Config,
  step: Step
): Promise<void> {
  const database = config.glueDatabase
  if (!tables || !database) return
  if (step.abort.aborted) {
    throw new ActionError(
      `The run was cancelled before the tables were registered in Glue database '${database}'; none was.`,
      RERUN_HINT
    )
  }
  const glue = await aws.catalog()
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
  const done = step.record.glueDatabase(database, databaseCreated)
  const history = date
    ? step.record.glueHistory(date, task.ExportTaskIdentifier ?? '', config.glueHistoryDays)
    : undefined
  const leave = (warning: string): void => {
    step.record.glueTableLeft(warning)
    step.warning(warning)
  }
  warnings.forEach(leave)
  const existing = await glue.tables(database)
  const limit = pLimit(GLUE_CONCURRENCY)
  // After an error or a cancel no new table is begun, and those under way are let finish, so
  // the record names every table Glue took before the step ends.
  let failed = false
  const settled = await Promise.allSettled(
    plans.map(plan =>
      limit(async () => {
        if (failed || step.abort.aborted) return
        // The latest table and the history are independent: their calls go at once.
        const latest = async () => {
          const action = await registerTable(glue, database, plan, existing.get(plan.name))
          if (typeof action === 'string') {
            step.record.registeredGlueTable(plan.target, plan.name, action)
          } else leave(glueConflictWarning(action.conflict, database, plan, action.table))
        }
        const past = async () => {
          if (!plan.history || !history) return
          const left = await registerHistory(glue, database, plan, existing, step)
          if (left) leave(left)
        }
        // Both let finish, so the record holds whatever Glue took; the first refusal then stands.
        const pair = await Promise.allSettled([latest(), past()])
        const error = pair.find(result => result.status === 'rejected')
        if (error) {
          failed = true
          throw error.reason
        }
      })
    )
  )
  const refused = settled.find(result => result.status === 'rejected')
  if (refused) throw refused.reason
  if (step.abort.aborted) {
    throw new ActionError(
      `The run was cancelled while registering tables in Glue database '${database}': ${done.tables.size} of ${plans.length} registered (the tables output and the summary name them), the others not.`,
      RERUN_HINT
    )
  }
  step.info(
    `Glue database '${database}'${databaseCreated ? ' (created)' : ''}: ${done.created} tables created, ${done.updated} updated, ${done.unchanged} already up to date.`
  )
  if (history) step.info(historySentence(history))
}

function historySentence(history: Readonly<GlueHistory>): string {
  const { exportDate: date, exportTask, tables, added, existing, days, dropped } = history
  const again = existing > 0 ? ` (${existing} already there)` : ''
  const horizon = days ? `; ${dropped} partitions older than ${days} days dropped` : ''
  return `Glue history: partition export_date=${date}, export_task=${exportTask} added to ${added} of ${tables.size} history tables${again}${horizon}.`
}

/**
 * A table's history: the history table created, updated or left as it is (never one this action
 * did not make), this export's partition added, and with glue-history-days the partitions past
 * the horizon dropped; each written into the record as Glue takes it. The warning for a history
 * table left alone, or undefined.
 */
async function registerHistory(
  glue: CatalogApi,
  database: string,
  plan: GluePlan,
  existing: ReadonlyMap<string, ExistingTable>,
  step: Step
): Promise<string | undefined> {
  const history = plan.history!
  const asPlan = { target: plan.target, name: history.name, input: history.input }
  const action = await registerTable(glue, database, asPlan, existing.get(history.name))
  if (typeof action !== 'string') {
    return glueConflictWarning(action.conflict, database, asPlan, action.table)
  }
  if (step.abort.aborted) return undefined
  const { added } = await glue.addPartitions(database, history.name, [history.partition])
  const record = step.record.historyPartition(plan.target, history.name, added > 0)
  if (!record.days || step.abort.aborted) return undefined
  // Only the partitions past the horizon are listed, never the whole history.
  const expression = expiredExpression(record.exportDate, record.days)
  const answered = await glue.partitionValues(database, history.name, expression)
  const drop = partitionsToDrop(
    answered.map(Values => ({ Values })),
    record.exportDate,
    record.days,
    history.partition.Values
  )
  if (drop.length === 0) return undefined
  step.record.droppedHistoryPartitions(await glue.dropPartitions(database, history.name, drop))
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
