// Courses computed from the clock whenever they are read. An export task: STARTING for
// startingSeconds, IN_PROGRESS for inProgressSeconds with growing progress, then the outcome.
// A snapshot being created: `creating` with growing PercentProgress, then `available` or a
// failure status.
import type { ExportStatus, SnapshotTimeline, TaskProgress, Timeline } from './types.js'

export const DEFAULT_TIMELINE: Timeline = {
  startingSeconds: 60,
  inProgressSeconds: 240,
  outcome: 'COMPLETE',
  totalGb: 12,
  progressCurve: 'linear'
}

export const DEFAULT_WARNING =
  '{"skippedTables":[],"skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}'

/** Status, progress and when the phase ended (scenario seconds) at this scenario time. */
export function timelinePhase(
  timeline: Timeline,
  seconds: number
): TaskProgress & { endSeconds: number } {
  const totalGb = timeline.totalGb ?? 12
  const curve = timeline.progressCurve === 'uneven' ? uneven : (f: number) => f
  const end = timeline.startingSeconds + timeline.inProgressSeconds
  if (seconds < timeline.startingSeconds) {
    return { Status: 'STARTING', PercentProgress: 0, TotalExtractedDataInGB: 0, endSeconds: end }
  }
  if (seconds < end) {
    const done = curve((seconds - timeline.startingSeconds) / timeline.inProgressSeconds)
    return {
      Status: 'IN_PROGRESS',
      PercentProgress: Math.min(99, Math.floor(done * 100)),
      TotalExtractedDataInGB: Math.floor(done * totalGb),
      endSeconds: end
    }
  }
  if (timeline.outcome === 'FAILED') {
    // A task that fails keeps the progress it had; failing while STARTING leaves 0.
    const reached = timeline.inProgressSeconds > 0 ? 0.99 : 0
    return {
      Status: 'FAILED',
      PercentProgress: Math.floor(reached * 100),
      TotalExtractedDataInGB: Math.floor(reached * totalGb),
      FailureCause:
        timeline.failureCause ??
        "The export task failed because the IAM role isn't authorized to call s3:PutObject on the S3 bucket.",
      endSeconds: end
    }
  }
  return {
    Status: 'COMPLETE',
    PercentProgress: 100,
    TotalExtractedDataInGB: totalGb,
    WarningMessage:
      timeline.outcome === 'COMPLETE_WITH_WARNING'
        ? (timeline.warningMessage ?? DEFAULT_WARNING)
        : undefined,
    endSeconds: end
  }
}

/** Slow start (restoring metadata, small tables), a fast middle, a slow tail (one big table). */
function uneven(f: number): number {
  if (f < 0.3) return (f / 0.3) * 0.05
  if (f < 0.6) return 0.05 + ((f - 0.3) / 0.3) * 0.75
  return 0.8 + ((f - 0.6) / 0.4) * 0.2
}

export function isActive(status: ExportStatus): boolean {
  return status === 'STARTING' || status === 'IN_PROGRESS'
}

export const DEFAULT_SNAPSHOT_TIMELINE: SnapshotTimeline = {
  creatingSeconds: 120,
  outcome: 'available'
}

/** A snapshot's status and PercentProgress this many scenario seconds after it was begun. */
export function snapshotPhase(
  timeline: SnapshotTimeline,
  seconds: number
): { status: string; percentProgress: number } {
  if (seconds < timeline.creatingSeconds) {
    const done = Math.floor((seconds / timeline.creatingSeconds) * 100)
    return { status: 'creating', percentProgress: Math.min(99, done) }
  }
  // A snapshot that fails keeps the progress it had; one that fails at once has none.
  const failedAt = timeline.creatingSeconds > 0 ? 99 : 0
  const available = timeline.outcome === 'available'
  return { status: timeline.outcome, percentProgress: available ? 100 : failedAt }
}
