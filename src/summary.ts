// The job step summary, written once at the end of every outcome. Pure: main.ts writes it.
// Every value from AWS is escaped (it can't break a table or inject HTML) and capped, and the
// whole text stays under the 1 MiB GitHub accepts per step, whatever the input.

import type { ExportTask } from '@aws-sdk/client-rds'
import { exportLocation, normalizeStatus, s3ConsoleUrl } from './outputs.js'
import { formatDuration, progressBar } from './progress.js'
import { renderWarningMessage } from './warnings.js'

export type Outcome =
  | 'started'
  | 'adopted'
  | 'status'
  | 'canceling'
  | 'complete'
  | 'failed'
  | 'canceled'
  | 'timeout'
  | 'timeout-continue'
  | 'timeout-cancel'
  | 'aborted'
  | 'error'

export interface TimelineEntry {
  at: Date
  status: string
  percentProgress?: number
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

export const SUMMARY_LIMIT_BYTES = 1024 * 1024

const MAX_CELL = 2000
const MAX_BLOCK = 20_000
const MAX_LIST = 50
const MAX_TIMELINE = 100
const TRUNCATED_NOTE = '\n\n_Summary truncated to fit the 1 MiB limit._\n'

/** Cut to n UTF-16 units without splitting a surrogate pair. */
function cut(text: string, n: number): string {
  if (text.length <= n) return text
  let end = n
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** Markdown and HTML in a value from AWS become literal text. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1')
}

/** One line, escaped, capped: fit for a table cell or a list item. */
function cell(value: unknown, max = MAX_CELL): string {
  const text = value === undefined || value === null ? '' : String(value)
  return escapeText(cut(text.replace(/\s*[\r\n]+\s*/g, ' ').trim(), max))
}

/** Several lines kept as lines (joined with a hard break), escaped, capped. */
function block(value: string): string {
  return cut(value.trim(), MAX_BLOCK)
    .split(/\r?\n/)
    .map(line => escapeText(line.trim()))
    .filter(Boolean)
    .join('<br>\n')
}

/** Only plain https links, with the characters that would end a markdown link encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:') return undefined
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')
  } catch {
    return undefined
  }
}

function dateText(d: Date | undefined): string | undefined {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return undefined
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

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
    const shown = t.ExportOnly.slice(0, MAX_LIST).map(e => cell(e, 200))
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
    return `| ${dateText(e.at) ?? ''} | ${cell(normalizeStatus(e.status), 100)} | ${p} |`
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

function list(title: string, items: string[]): string[] {
  if (items.length === 0) return []
  const shown = items.slice(0, MAX_LIST).map(item => `- ${cell(item, 1000)}`)
  const more = items.length - shown.length
  if (more > 0) shown.push(`- … and ${more} more`)
  return [`### ${title}`, '', ...shown, '']
}

/** Trim to the limit at a character boundary, saying so. */
function enforceLimit(text: string): string {
  if (Buffer.byteLength(text, 'utf8') < SUMMARY_LIMIT_BYTES) return text
  const room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(TRUNCATED_NOTE, 'utf8') - 16
  const head = Buffer.from(text, 'utf8')
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD+$/, '')
  return head + TRUNCATED_NOTE
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
