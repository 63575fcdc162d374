// The summary's folded sections: the export task's details (a table with a real header row)
// and the timeline of status changes. Pure.
import type { ExportTask } from '../aws/types.js'
import { normalizeStatus } from '../status.js'
import { cell, dateText, safeUrl } from './markdown.js'
import { exportLocation, rdsConsoleUrl, s3ConsoleUrl } from './outputs.js'
import { formatDuration, progressBar } from './progress.js'
import type { Snapshot } from '../snapshots.js'

export interface TimelineEntry {
  at: Date
  /** An export task status, or with `subject` a snapshot's as RDS writes it (`creating`). */
  status: string
  percentProgress?: number
  /** What the status is of, when not the export task: `DB snapshot 'prod-4242'`. */
  subject?: string
}

const MAX_TIMELINE = 100
const MAX_EXPORT_ONLY = 50

/** The export's S3 location as a link to the S3 console (plain text if no link can be made). */
export function s3Link(task: ExportTask, region: string): string | undefined {
  if (!task.S3Bucket) return undefined
  const { s3Prefix, s3Uri } = exportLocation(
    task.S3Bucket,
    task.S3Prefix,
    task.ExportTaskIdentifier ?? ''
  )
  const url = safeUrl(s3ConsoleUrl(region, task.S3Bucket, s3Prefix))
  return url ? `[${cell(s3Uri)}](${url})` : cell(s3Uri)
}

/** A `<details>` block: GitHub renders the Markdown inside it when blank lines surround it. */
export function folded(title: string, body: string[]): string[] {
  if (body.length === 0) return []
  return ['<details>', `<summary>${cell(title)}</summary>`, '', ...body, '', '</details>', '']
}

function fieldTable(rows: [string, string | undefined][]): string[] {
  const present = rows.filter((row): row is [string, string] => Boolean(row[1]))
  if (present.length === 0) return []
  return ['| Field | Value |', '| --- | --- |', ...present.map(([k, v]) => `| ${k} | ${v} |`)]
}

/** The region, linked to its exports in the RDS console. No region before the inputs were
 * read: nothing rather than a link to nowhere. */
export function regionLink(region: string): string | undefined {
  const consoleUrl = region ? safeUrl(rdsConsoleUrl(region)) : undefined
  return consoleUrl ? `[${cell(region)}](${consoleUrl}) (exports in the RDS console)` : cell(region)
}

/** Every field of the task worth a look, in a table headed Field / Value; nothing without a
 * task or a snapshot (the region alone is said in the lead). */
export function taskDetails(
  task: ExportTask | undefined,
  region: string,
  waitedMs: number | undefined,
  snapshot: Snapshot | undefined
): string[] {
  if (!task && !snapshot) return []
  const t = task ?? {}
  const source = cell(t.SourceArn)
  const start = t.TaskStartTime?.getTime()
  const end = t.TaskEndTime?.getTime()
  const exportOnly = t.ExportOnly ?? []
  const more = exportOnly.length - MAX_EXPORT_ONLY
  return fieldTable([
    ['Export task', cell(t.ExportTaskIdentifier)],
    ['Source', source && t.SourceType ? `${source} (${cell(t.SourceType)})` : source],
    [
      'Snapshot taken',
      snapshot ? `${cell(snapshot.identifier)} (${cell(snapshot.status)}; kept)` : undefined
    ],
    ['Status', cell(normalizeStatus(t.Status))],
    [
      'Progress',
      typeof t.PercentProgress === 'number' ? progressBar(t.PercentProgress) : undefined
    ],
    [
      'Data extracted',
      typeof t.TotalExtractedDataInGB === 'number'
        ? `${cell(t.TotalExtractedDataInGB)} GB`
        : undefined
    ],
    ['S3 location', task ? s3Link(task, region) : undefined],
    ['Region', regionLink(region)],
    ['KMS key', cell(t.KmsKeyId)],
    ['IAM role', cell(t.IamRoleArn)],
    [
      'Export only',
      exportOnly.length
        ? exportOnly
            .slice(0, MAX_EXPORT_ONLY)
            .map(e => cell(e, 200))
            .join(', ') + (more > 0 ? ` and ${more} more` : '')
        : undefined
    ],
    ['Snapshot time', dateText(t.SnapshotTime)],
    ['Started', dateText(t.TaskStartTime)],
    ['Ended', dateText(t.TaskEndTime)],
    [
      'Duration',
      // From the times as shown above (whole seconds), so that the three rows agree.
      start !== undefined && end !== undefined && Number.isFinite(end - start)
        ? formatDuration(wholeSecond(end) - wholeSecond(start))
        : undefined
    ],
    [
      snapshot ? 'Waited for the export' : 'Waited',
      waitedMs === undefined ? undefined : formatDuration(waitedMs)
    ]
  ])
}

/** The timeline of status changes; past MAX_TIMELINE, its first and last halves. With a
 * snapshot taken by the step, a column says what each status is of. */
export function timelineTable(entries: TimelineEntry[]): string[] {
  if (entries.length === 0) return []
  const subjects = entries.some(e => e.subject)
  const row = (e: TimelineEntry): string => {
    const p = typeof e.percentProgress === 'number' ? `${cell(e.percentProgress)}%` : '—'
    const of = subjects ? ` ${cell(e.subject ?? 'Export task', 200)} |` : ''
    const status = cell(e.subject ? e.status : normalizeStatus(e.status), 200)
    return `| ${dateText(e.at) ?? ''} |${of} ${status} | ${p} |`
  }
  const lines = subjects
    ? ['| Time | Of | Status | Progress |', '| --- | --- | --- | --- |']
    : ['| Time | Status | Progress |', '| --- | --- | --- |']
  if (entries.length <= MAX_TIMELINE) return [...lines, ...entries.map(row)]
  const half = MAX_TIMELINE / 2
  const gap = subjects ? '| … | | more changes | |' : '| … | more changes | |'
  return [
    ...lines,
    ...entries.slice(0, half).map(row),
    gap.replace('more changes', `${entries.length - MAX_TIMELINE} more changes`),
    ...entries.slice(-half).map(row)
  ]
}

const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000
