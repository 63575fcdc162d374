// The job step summary, written once at the end of every outcome. Pure: the finish phase writes
// it. Every value from AWS goes through markdown.ts (escaped, capped; the whole under 1 MiB).

import type { ExportTask } from '../aws/types.js'
import { normalizeStatus, type Outcome } from '../status.js'
import { block, cell, dateText, enforceLimit, list, safeUrl } from './markdown.js'
import { exportLocation, s3ConsoleUrl } from './outputs.js'
import { formatDuration, progressBar } from './progress.js'
import { renderWarningMessage } from './warnings.js'

export { SUMMARY_LIMIT_BYTES } from './markdown.js'
export type { Outcome } from '../status.js'

export interface TimelineEntry {
  at: Date
  /** An export task status, or with `subject` a snapshot's as RDS writes it (`creating`). */
  status: string
  percentProgress?: number
  /** What the status is of, when not the export task: `DB snapshot 'prod-4242'`. */
  subject?: string
}

export interface SummaryInput {
  outcome: Outcome
  /** The last known task (missing when the step failed before starting one). */
  task?: ExportTask
  region: string
  /** s3://bucket/prefix/id/ */
  s3Uri?: string
  /** The RDS console exports page for the region. */
  consoleUrl?: string
  /** Status changes seen by this step. */
  timeline: TimelineEntry[]
  waitedMs?: number
  /** The ::error:: line text, if the step failed. */
  errorMessage?: string
  /** The hint for a known AWS error. */
  hint?: string
  /** The action's own warnings (e.g. ignored inputs). */
  warnings?: string[]
}

const MAX_TIMELINE = 100
const MAX_EXPORT_ONLY = 50

/** Bucket and key prefix of this export's files, from s3-uri or the task. */
function s3Location(
  input: SummaryInput
): { uri: string; bucket: string; prefix: string } | undefined {
  const m = input.s3Uri ? /^s3:\/\/([^/]+)\/?(.*)$/.exec(input.s3Uri) : null
  if (m) return { uri: input.s3Uri!, bucket: m[1]!, prefix: m[2]! }
  const t = input.task
  if (!t?.S3Bucket) return undefined
  const { s3Prefix, s3Uri } = exportLocation(t.S3Bucket, t.S3Prefix, t.ExportTaskIdentifier ?? '')
  return { uri: s3Uri, bucket: t.S3Bucket, prefix: s3Prefix }
}

function heading(input: SummaryInput): string {
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
      return '✅ Export complete'
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
        ? '🛑 Run cancelled while waiting — the export was canceled'
        : '🛑 Run cancelled while waiting — the export keeps running'
    case 'error':
      return '❌ Step failed'
  }
}

function taskTable(input: SummaryInput): string[] {
  const t = input.task ?? {}
  const rows: [string, string][] = []
  const add = (name: string, value: string | undefined): void => {
    if (value) rows.push([name, value])
  }
  add('Export task', cell(t.ExportTaskIdentifier))
  const source = cell(t.SourceArn)
  add('Source', source && t.SourceType ? `${source} (${cell(t.SourceType)})` : source)
  add('Status', cell(normalizeStatus(t.Status)))
  if (typeof t.PercentProgress === 'number') add('Progress', progressBar(t.PercentProgress))
  if (typeof t.TotalExtractedDataInGB === 'number') {
    add('Data extracted', `${cell(t.TotalExtractedDataInGB)} GB`)
  }
  const s3 = s3Location(input)
  if (s3) {
    const url = safeUrl(s3ConsoleUrl(input.region, s3.bucket, s3.prefix))
    add('S3 location', url ? `[${cell(s3.uri)}](${url})` : cell(s3.uri))
  }
  const consoleUrl = safeUrl(input.consoleUrl)
  if (consoleUrl) add('RDS console', `[Exports in ${cell(input.region)}](${consoleUrl})`)
  else add('Region', cell(input.region))
  add('KMS key', cell(t.KmsKeyId))
  add('IAM role', cell(t.IamRoleArn))
  if (t.ExportOnly?.length) {
    const shown = t.ExportOnly.slice(0, MAX_EXPORT_ONLY).map(e => cell(e, 200))
    const more = t.ExportOnly.length - shown.length
    add('Export only', shown.join(', ') + (more > 0 ? ` and ${more} more` : ''))
  }
  add('Snapshot time', dateText(t.SnapshotTime))
  add('Started', dateText(t.TaskStartTime))
  add('Ended', dateText(t.TaskEndTime))
  const start = t.TaskStartTime?.getTime()
  const end = t.TaskEndTime?.getTime()
  if (start !== undefined && end !== undefined && Number.isFinite(end - start)) {
    add('Duration', formatDuration(end - start))
  }
  if (input.waitedMs !== undefined) add('Waited', formatDuration(input.waitedMs))
  if (rows.length === 0) return []
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '']
}

function timeline(entries: TimelineEntry[]): string[] {
  if (entries.length === 0) return []
  const row = (e: TimelineEntry): string => {
    const p = typeof e.percentProgress === 'number' ? `${cell(e.percentProgress)}%` : ''
    const status = e.subject ? `${e.subject} ${e.status}` : normalizeStatus(e.status)
    return `| ${dateText(e.at) ?? ''} | ${cell(status, 200)} | ${p} |`
  }
  const lines = ['### Timeline', '', '| Time | Status | Progress |', '| --- | --- | --- |']
  if (entries.length <= MAX_TIMELINE) {
    lines.push(...entries.map(row))
  } else {
    const half = MAX_TIMELINE / 2
    lines.push(...entries.slice(0, half).map(row))
    lines.push(`| … | ${entries.length - MAX_TIMELINE} more changes | |`)
    lines.push(...entries.slice(-half).map(row))
  }
  return [...lines, '']
}

/** The step summary markdown for this outcome. */
export function renderSummary(input: SummaryInput): string {
  const t = input.task
  const lines: string[] = [`## ${heading(input)}`, '']
  if (input.errorMessage) lines.push(block(input.errorMessage), '')
  if (!t) lines.push('_No export task to show._', '')
  lines.push(...taskTable(input))
  lines.push(...timeline(input.timeline))
  if (t?.FailureCause) lines.push('### Failure cause', '', block(t.FailureCause), '')
  if (t?.WarningMessage) {
    const rendered = renderWarningMessage(t.WarningMessage)
    lines.push(...list('Export warnings', rendered.length ? rendered : [t.WarningMessage]))
  }
  lines.push(...list('Action warnings', input.warnings ?? []))
  if (input.hint) lines.push(`**Hint:** ${block(input.hint)}`, '')
  return enforceLimit(lines.join('\n'))
}
