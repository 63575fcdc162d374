// Registering the complete tables in the Glue Data Catalog (glue-database), so Athena, Redshift
// Spectrum, EMR and Glue jobs can query them at once, with no crawler. The database is created
// when missing; a table is created, or updated in place to show the newest export (no archived
// version); a table this action did not create is never changed. Every table goes in with its
// full column list or not at all. The Glue client is loaded only here.
import pLimit from 'p-limit'
import type { CatalogApi } from '../aws/catalog.js'
import type { AwsSession } from '../aws/connect.js'
import type { Config } from '../config.js'
import { ActionError } from '../errors.js'
import { isoTime } from '../report/outputs.js'
import type { Step } from '../step.js'
import {
  glueAction,
  glueConflictWarning,
  planGlueTables,
  type ExistingTable,
  type GluePlan
} from '../tables/glue.js'
import type { Tables } from '../record.js'
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
  const { plans, warnings } = planGlueTables(tables.report, config.glueTablePrefix, {
    exportTaskIdentifier: task.ExportTaskIdentifier ?? '',
    sourceArn: task.SourceArn,
    snapshotTime: isoTime(task.SnapshotTime) || undefined
  })
  const databaseCreated = await glue.ensureDatabase(
    database,
    'Tables of RDS exports to S3, registered by rds-export-action.'
  )
  const done = step.record.glueDatabase(database, databaseCreated)
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
        try {
          const action = await registerTable(glue, database, plan, existing.get(plan.name))
          if (typeof action === 'string') {
            step.record.registeredGlueTable(plan.target, plan.name, action)
          } else leave(glueConflictWarning(action.conflict, database, plan, action.table))
        } catch (error) {
          failed = true
          throw error
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
