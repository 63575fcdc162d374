// The job step summary, written once at the end of every outcome. It leads with what happened
// and what to do; what was exported and where it can be queried follow; the task's details and
// the timeline are folded away. Pure: the finish phase writes it. Every value from AWS goes
// through markdown.ts (escaped, capped; the whole under 1 MiB).
import type { ExportTask } from '../aws/types.js'
import type { Snapshot } from '../snapshots.js'
import { normalizeStatus, type Outcome } from '../status.js'
import {
  databaseWarning,
  incompleteTables,
  incompleteWarning,
  type TablesReport
} from '../tables/report.js'
import { block, cell, codeBlock, enforceLimit, list, trailingJson } from './markdown.js'
import { formatDuration } from './progress.js'
import { catalogSection, tablesSection, type CatalogSummary } from './summary-tables.js'
import {
  folded,
  regionLink,
  s3Link,
  taskDetails,
  timelineTable,
  type TimelineEntry
} from './summary-task.js'
import { renderWarningMessage } from './warnings.js'

export { SUMMARY_LIMIT_BYTES } from './markdown.js'
export type { Outcome } from '../status.js'
export type { TimelineEntry } from './summary-task.js'
export type { CatalogSummary } from './summary-tables.js'

export interface SummaryInput {
  outcome: Outcome
  /** The last known task (missing when the step failed before starting one). */
  task?: ExportTask
  region: string
  /** Status changes seen by this step: a snapshot being created, then the export. */
  timeline: TimelineEntry[]
  waitedMs?: number
  /** The ::error:: line text, if the step failed. */
  errorMessage?: string
  /** What to do about it. */
  hint?: string
  /** The action's own warnings (ignored inputs, tables not complete, ...). */
  warnings?: string[]
  /** The snapshot create-snapshot took. */
  snapshot?: Snapshot
  tables?: TablesReport
  catalog?: CatalogSummary
  /** How a later job names this action (`owner/repo@ref`), for the step to paste on a timeout. */
  actionRef?: string
  /** role-to-assume, for that step. */
  roleToAssume?: string
}

function heading(input: SummaryInput, warned: boolean): string {
  const waited = input.waitedMs !== undefined ? ` after ${formatDuration(input.waitedMs)}` : ''
  const status = normalizeStatus(input.task?.Status)
  switch (input.outcome) {
    case 'started':
      return '🚀 Export started'
    case 'adopted':
      return '🔗 Existing export adopted'
    case 'status':
      return `ℹ️ Export status: ${cell(status || 'unknown')}`
    case 'canceling':
      return '🛑 Export canceling'
    case 'complete':
      // fail-on-warning: the step fails, so the heading says so first.
      if (input.errorMessage) return '❌ Export complete with warnings, failed by fail-on-warning'
      return warned ? '⚠️ Export complete, with warnings' : '✅ Export complete'
    case 'failed':
      return '❌ Export failed'
    case 'canceled':
      return '🚫 Export canceled'
    case 'timeout':
      return `⏱️ Timed out${waited} — the export keeps running`
    case 'timeout-continue':
      return `⏱️ Stopped waiting${waited} — the export keeps running`
    case 'timeout-cancel':
      return `⏱️ Timed out${waited} — the export was canceled`
    case 'aborted':
      return status === 'CANCELING' || status === 'CANCELED'
        ? '🛑 Run canceled while waiting — the export was canceled'
        : '🛑 Run canceled while waiting — the export keeps running'
    case 'error':
      // After the export ended COMPLETE (reading or registering its tables), it still is.
      return status === 'COMPLETE' ? '❌ Export complete, then the step failed' : '❌ Step failed'
  }
}

/** One sentence on the task: which, of what, where, how far. */
function lead(input: SummaryInput): string[] {
  const t = input.task
  if (!t) {
    const region = regionLink(input.region)
    return [`_No export task to show._${region ? ` Region: ${region}.` : ''}`, '']
  }
  const gb =
    typeof t.TotalExtractedDataInGB === 'number' ? `, ${cell(t.TotalExtractedDataInGB)} GB` : ''
  const where = s3Link(t, input.region)
  const taken = input.snapshot ? ' (a snapshot taken by this step)' : ''
  const source = t.SourceArn ? ` of ${cell(t.SourceArn)}${taken}` : ''
  return [
    `Export task **${cell(t.ExportTaskIdentifier)}** (${cell(normalizeStatus(t.Status))}${gb})${source}${where ? ` to ${where}` : ''}.`,
    ''
  ]
}

/** What went wrong and what to do, before anything else. */
function problem(input: SummaryInput): string[] {
  const lines: string[] = []
  if (input.errorMessage) lines.push(`**What happened:** ${block(input.errorMessage)}`, '')
  else if (input.task?.FailureCause) {
    lines.push(`**What happened:** ${block(input.task.FailureCause)}`, '')
  }
  const hint = input.hint && trailingJson(input.hint)
  if (hint)
    lines.push(`**What to do:** ${block(hint.prose)}`, '', ...codeBlock(hint.json, 'json'), '')
  else if (input.hint) lines.push(`**What to do:** ${block(input.hint)}`, '')
  return lines
}

/**
 * RDS's warning on the task, readable, and the action's own warnings. A table not complete and a
 * database RDS couldn't list are shown once, under Tables, with one line here pointing there.
 */
function warningLists(input: SummaryInput): string[] {
  const t = input.task
  const fromRds = t?.WarningMessage ? renderWarningMessage(t.WarningMessage) : []
  const report = input.tables
  const tablesBelow = new Set(report ? incompleteTables(report).map(incompleteWarning) : [])
  const databasesBelow = new Set(report ? report.databaseWarnings.map(databaseWarning) : [])
  const warnings = input.warnings ?? []
  const own = warnings.filter(w => !tablesBelow.has(w) && !databasesBelow.has(w))
  // Each table or database once, however many times it was warned about.
  const tables = new Set(warnings.filter(w => tablesBelow.has(w))).size
  const databases = new Set(warnings.filter(w => databasesBelow.has(w))).size
  // RDS's own warning names the same tables and databases; without it, point at them.
  if (tables + databases > 0 && fromRds.length === 0) {
    const counted = [
      ...(tables > 0 ? [tables === 1 ? '1 table' : `${tables} tables`] : []),
      ...(databases > 0 ? [databases === 1 ? '1 database' : `${databases} databases`] : [])
    ]
    const were = tables + databases === 1 ? 'was' : 'were'
    own.push(`${counted.join(' and ')} ${were} not exported whole: see Tables below.`)
  }
  return [
    ...list('Export warnings', fromRds.length || !t?.WarningMessage ? fromRds : [t.WarningMessage]),
    ...list('Warnings', own)
  ]
}

/** A step to paste into a later job that picks the export up where this one stopped. */
function resume(input: SummaryInput): string[] {
  const id = input.task?.ExportTaskIdentifier
  if (!['timeout', 'timeout-continue'].includes(input.outcome) || !id) return []
  // The identifier and region follow RDS's naming rules; the role was checked as an ARN.
  const safe = (value: string): boolean => /^[A-Za-z0-9:/_.@+=,-]+$/.test(value)
  if (!safe(id) || !safe(input.region)) return []
  const role =
    input.roleToAssume && safe(input.roleToAssume)
      ? [`    role-to-assume: ${input.roleToAssume}`]
      : []
  return [
    '**To wait for it in a later job**, add this step (it adopts the task and waits until it ends):',
    '',
    '```yaml',
    `- uses: ${input.actionRef ?? 'your-org/rds-export-action@v1'}`,
    '  with:',
    '    mode: wait',
    `    export-task-identifier: ${id}`,
    `    aws-region: ${input.region}`,
    ...role,
    '```',
    ''
  ]
}

const changes = (n: number): string => (n === 1 ? '1 change' : `${n} changes`)

/** The step summary markdown for this outcome. */
export function renderSummary(input: SummaryInput): string {
  const warned = Boolean(input.task?.WarningMessage) || (input.warnings ?? []).length > 0
  const details = taskDetails(input.task, input.region, input.waitedMs, input.snapshot)
  const lines = [
    `## ${heading(input, warned)}`,
    '',
    // What went wrong and what to do, or what to look at, come before the task itself.
    ...problem(input),
    ...warningLists(input),
    ...resume(input),
    ...lead(input),
    ...tablesSection(input.tables),
    ...catalogSection(input.tables, input.catalog),
    ...folded('Export task details', details),
    ...folded(`Timeline (${changes(input.timeline.length)})`, timelineTable(input.timeline))
  ]
  return enforceLimit(lines.join('\n'))
}
