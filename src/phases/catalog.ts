// Registering the complete tables in the Glue Data Catalog (glue-database), so Athena, Redshift
// Spectrum, EMR and Glue jobs can query them at once, with no crawler. The database is created
// when missing; a table is created, or updated in place to show the newest export (no archived
// version); a table this action did not create is never changed. Every table goes in with its
// full column list or not at all. The Glue client is loaded only here.
import pLimit from 'p-limit'
import type { CatalogApi } from '../aws/catalog.js'
import type { AwsSession } from '../aws/connect.js'
import type { Config } from '../config.js'
import { isoTime } from '../report/outputs.js'
import type { Step } from '../step.js'
import {
  glueAction,
  glueConflictWarning,
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
    publishTables(step, withGlueTables(tables.report, registered?.catalog.tables ?? new Map()))
  }
  const report = withGlueTables(tables.report, registered.catalog.tables)
  const warnings = [...tables.warnings, ...registered.warnings]
  return { tables: { report, warnings }, catalog: registered.catalog }
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
  const { plans, warnings } = planGlueTables(tables.report, config.glueTablePrefix, {
    exportTaskIdentifier: task.ExportTaskIdentifier ?? '',
    sourceArn: task.SourceArn,
    snapshotTime: isoTime(task.SnapshotTime) || undefined
  })
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
    unchanged: 0
  }
  const limit = pLimit(GLUE_CONCURRENCY)
  await Promise.all(
    plans.map(plan =>
      limit(async () => {
        const action = await registerTable(glue, database, plan, existing.get(plan.name))
        if (typeof action !== 'string') {
          warnings.push(glueConflictWarning(action.conflict, database, plan, action.table))
          return
        }
        done[action]++
        done.tables.set(plan.target, plan.name)
      })
    )
  )
  warnings.forEach(warning => step.warning(warning))
  step.info(
    `Glue database '${database}'${databaseCreated ? ' (created)' : ''}: ${done.created} tables created, ${done.updated} updated, ${done.unchanged} already up to date.`
  )
  return { catalog: done, warnings }
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
