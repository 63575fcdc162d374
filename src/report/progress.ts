// What a person reads in the log while the step waits: one line per check that changed
// something (status, percent, GB, failure cause, warning).

import type { ExportTask } from '../aws/types.js'
import { normalizeStatus, sameStatus } from '../status.js'
import type { Snapshot } from '../snapshots.js'
import { exportLocation } from './outputs.js'

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** `45s`, `12m 30s`, `1h 02m` (seconds dropped from an hour on). Negative or NaN is `0s`. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h ${pad2(m)}m`
  if (m > 0) return `${m}m ${pad2(s)}s`
  return `${s}s`
}

/** An estimate deserves no false precision: `45s`, `17m`, `1h 05m`. */
function roughDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0
  if (total < 60) return `${total}s`
  const minutes = Math.round(total / 60)
  if (minutes < 60) return `${minutes}m`
  return `${Math.floor(minutes / 60)}h ${pad2(minutes % 60)}m`
}

const clampPercent = (percent: number): number =>
  Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0

/**
 * `████████░░░░░░░░░░░░ 42%`; the percent is clamped to 0-100 and rounded down, bar and number
 * alike: 99.6% is not done, so it never shows a full bar or 100%.
 */
export function progressBar(percent: number, width = 20): string {
  const p = clampPercent(percent)
  const w = Number.isFinite(width) && width > 0 ? Math.floor(width) : 20
  const filled = Math.floor((p / 100) * w)
  return `${'█'.repeat(filled)}${'░'.repeat(w - filled)} ${Math.floor(p)}%`
}

/** `08:47:12Z` */
function clock(now: Date): string {
  return Number.isNaN(now.getTime()) ? '--:--:--Z' : `${now.toISOString().slice(11, 19)}Z`
}

/**
 * `08:47:12Z IN_PROGRESS 42% 110 GB elapsed 12m 30s, about 17m left`: time in UTC, the status
 * upper case, then what RDS reports, the time waited and the estimated time left when known.
 */
export function formatProgressLine(args: {
  now: Date
  task: ExportTask
  elapsedMs: number
  remainingMs?: number
}): string {
  const { now, task, elapsedMs, remainingMs } = args
  const parts = [clock(now), normalizeStatus(task.Status) || 'UNKNOWN']
  if (typeof task.PercentProgress === 'number') parts.push(`${task.PercentProgress}%`)
  if (typeof task.TotalExtractedDataInGB === 'number')
    parts.push(`${task.TotalExtractedDataInGB} GB`)
  let line = `${parts.join(' ')} elapsed ${formatDuration(elapsedMs)}`
  if (remainingMs !== undefined && Number.isFinite(remainingMs)) {
    line += `, about ${roughDuration(remainingMs)} left`
  }
  return line
}

/** Whether the task changed in a way worth a log line. */
export function changedSinceLast(prev: ExportTask | undefined, next: ExportTask): boolean {
  if (!prev) return true
  return (
    !sameStatus(prev.Status, next.Status) ||
    prev.PercentProgress !== next.PercentProgress ||
    prev.TotalExtractedDataInGB !== next.TotalExtractedDataInGB ||
    (prev.FailureCause ?? '') !== (next.FailureCause ?? '') ||
    (prev.WarningMessage ?? '') !== (next.WarningMessage ?? '')
  )
}

/** `Started export task 'id' (STARTING): <source ARN> -> s3://bucket/prefix/id/` */
export function describeTask(verb: string, task: ExportTask): string {
  const { s3Uri } = exportLocation(
    task.S3Bucket ?? '',
    task.S3Prefix,
    task.ExportTaskIdentifier ?? ''
  )
  return `${verb} export task '${task.ExportTaskIdentifier}' (${normalizeStatus(task.Status)}): ${task.SourceArn} -> ${s3Uri}`
}

/**
 * `08:47:12Z DB snapshot 'prod-4242' creating 42% elapsed 3m 10s, about 4m left`: the time left
 * from PercentProgress, as the rate since the wait began.
 */
export function formatSnapshotLine(args: {
  now: Date
  snapshot: Snapshot
  elapsedMs: number
}): string {
  const { now, snapshot, elapsedMs } = args
  const kind = snapshot.kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
  const parts = [clock(now), kind, `'${snapshot.identifier}'`, snapshot.status ?? 'unknown']
  const percent = snapshot.percentProgress
  if (typeof percent === 'number') parts.push(`${percent}%`)
  let line = `${parts.join(' ')} elapsed ${formatDuration(elapsedMs)}`
  if (typeof percent === 'number' && percent > 0 && percent < 100 && elapsedMs > 0) {
    line += `, about ${roughDuration((elapsedMs * (100 - percent)) / percent)} left`
  }
  return line
}
