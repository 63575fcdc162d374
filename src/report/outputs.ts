// The action's outputs, computed from the export task as RDS describes it. Pure.
import type { ExportTask } from '../aws/types.js'
import { normalizeStatus } from '../status.js'

export const OUTPUT_NAMES = [
  'export-task-identifier',
  'status',
  's3-bucket',
  's3-prefix',
  's3-uri',
  'source-arn',
  'source-type',
  'percent-progress',
  'total-extracted-data-in-gb',
  'failure-cause',
  'warning-message',
  'snapshot-time',
  'task-start-time',
  'task-end-time',
  'console-url'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Record<OutputName, string>

/** Where this export's files land: `<prefix>/<identifier>/` in the bucket. */
export function exportLocation(
  bucket: string,
  prefix: string | undefined,
  identifier: string
): { s3Prefix: string; s3Uri: string } {
  const trimmed = trimSlashes(prefix)
  const s3Prefix = trimmed ? `${trimmed}/${identifier}/` : `${identifier}/`
  return { s3Prefix, s3Uri: `s3://${bucket}/${s3Prefix}` }
}

/** The RDS console's "Exports in Amazon S3" page of the region, in the region's partition. */
export function rdsConsoleUrl(region: string): string {
  return `https://${consoleHost(region)}/rds/home?region=${region}#exports-in-s3:`
}

/** The S3 console page of the export's prefix. */
export function s3ConsoleUrl(region: string, bucket: string, s3Prefix: string): string {
  const query = new URLSearchParams({ region, prefix: s3Prefix, showversions: 'false' })
  return `https://${consoleHost(region)}/s3/buckets/${bucket}?${query.toString()}`
}

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'console.amazonaws.cn'
  if (region.startsWith('us-gov-')) return 'console.amazonaws-us-gov.com'
  return `${region}.console.aws.amazon.com`
}

/** Every output, from the task; fields RDS left out are empty strings. */
export function taskOutputs(task: ExportTask, region: string): Outputs {
  const identifier = task.ExportTaskIdentifier ?? ''
  const bucket = task.S3Bucket ?? ''
  const location = exportLocation(bucket, task.S3Prefix, identifier)
  return {
    'export-task-identifier': identifier,
    status: normalizeStatus(task.Status),
    's3-bucket': bucket,
    's3-prefix': location.s3Prefix,
    's3-uri': location.s3Uri,
    'source-arn': task.SourceArn ?? '',
    'source-type': normalizeStatus(task.SourceType),
    'percent-progress': integer(task.PercentProgress),
    'total-extracted-data-in-gb': integer(task.TotalExtractedDataInGB),
    'failure-cause': task.FailureCause ?? '',
    'warning-message': task.WarningMessage ?? '',
    'snapshot-time': isoTime(task.SnapshotTime),
    'task-start-time': isoTime(task.TaskStartTime),
    'task-end-time': isoTime(task.TaskEndTime),
    'console-url': rdsConsoleUrl(region)
  }
}

function integer(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(Math.trunc(value))
}

/** ISO 8601 in UTC, without milliseconds (RDS reports whole seconds). */
export function isoTime(value: Date | undefined): string {
  if (!value || Number.isNaN(value.getTime())) return ''
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A key prefix without leading or trailing '/': RDS and users write it either way. */
export function trimSlashes(prefix: string | undefined): string {
  const text = prefix ?? ''
  let start = 0
  let end = text.length
  while (start < end && text[start] === '/') start++
  while (end > start && text[end - 1] === '/') end--
  return text.slice(start, end)
}
