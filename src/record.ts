// What the run saw, as it saw it: the last export task, the snapshot create-snapshot took, the
// timeline of status changes, the tables report, the Glue tables registered and the warnings.
// The phases write here the moment they learn something (not when they return), so whatever
// ends the run (an error on the 5th check of a wait, a cancel between two Glue calls), the
// finish phase turns the same record into the outputs and the summary, and nothing is lost.
//
// For the catalog phase: `glueDatabase(name, created)` once the database is there, then
// `registeredGlueTable(target, name, action)` as soon as each CreateTable or UpdateTable
// succeeded (or the table was found up to date), and `glueTableLeft(warning)` for a table left
// alone. The outputs and the summary name exactly the tables registered, even when the step
// ends on an error or a cancel part-way (the summary then says "registered before the step
// stopped").
import type { ExportTask } from './aws/types.js'
import type { TimelineEntry } from './report/summary-task.js'
import type { Snapshot } from './snapshots.js'
import type { TablesReport } from './tables/report.js'

/** What was exported, table by table, and the report's warnings (each counts for fail-on-warning). */
export interface Tables {
  report: TablesReport
  warnings: string[]
}

/** What registration did in the Glue Data Catalog so far. */
export interface GlueRegistration {
  database: string
  databaseCreated: boolean
  /** Each registered table by its target: the Glue table name. */
  tables: Map<string, string>
  created: number
  updated: number
  unchanged: number
  /** Tables left alone (another owner's, another export's): each counts for fail-on-warning. */
  warnings: string[]
}

export type GlueAction = 'created' | 'updated' | 'unchanged'

export class RunRecord {
  #task: ExportTask | undefined
  #waitedMs: number | undefined
  #snapshot: Snapshot | undefined
  #tables: Tables | undefined
  #glue: GlueRegistration | undefined
  readonly #timeline: TimelineEntry[] = []
  readonly #warnings: string[] = []

  /** The export task as last described (or started, adopted, cancelled). */
  get task(): ExportTask | undefined {
    return this.#task
  }
  /** How long the step has waited for the export so far (set while it waits). */
  get waitedMs(): number | undefined {
    return this.#waitedMs
  }
  /** The snapshot create-snapshot took (or found), as last seen. */
  get snapshot(): Snapshot | undefined {
    return this.#snapshot
  }
  /** Status changes, in order: a snapshot being created, then the export. */
  get timeline(): readonly TimelineEntry[] {
    return this.#timeline
  }
  /** The action's own warnings, in order. */
  get warnings(): readonly string[] {
    return this.#warnings
  }
  get tables(): Tables | undefined {
    return this.#tables
  }
  get glue(): GlueRegistration | undefined {
    return this.#glue
  }

  sawTask(task: ExportTask, waitedMs?: number): void {
    this.#task = task
    if (waitedMs !== undefined) this.#waitedMs = waitedMs
  }

  sawSnapshot(snapshot: Snapshot): void {
    this.#snapshot = snapshot
  }

  /** A status change, for the timeline. */
  changed(entry: TimelineEntry): void {
    this.#timeline.push(entry)
  }

  warned(message: string): void {
    this.#warnings.push(message)
  }

  reportedTables(tables: Tables): void {
    this.#tables = tables
  }

  /** The Glue database is there (created by this step or not): registration has begun. */
  glueDatabase(database: string, databaseCreated: boolean): Readonly<GlueRegistration> {
    return (this.#glue = {
      database,
      databaseCreated,
      tables: new Map(),
      created: 0,
      updated: 0,
      unchanged: 0,
      warnings: []
    })
  }

  /** One table is in Glue as this export shows it: its CreateTable or UpdateTable succeeded, or
   * it was already up to date. */
  registeredGlueTable(target: string, name: string, action: GlueAction): void {
    if (!this.#glue) throw new Error('registeredGlueTable before glueDatabase')
    this.#glue.tables.set(target, name)
    this.#glue[action]++
  }

  /** A table left out of Glue, and why (also a warning of the step). */
  glueTableLeft(warning: string): void {
    this.#glue?.warnings.push(warning)
  }
}
