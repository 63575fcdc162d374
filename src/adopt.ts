// What to do when a task with our identifier already exists (if-exists). Pure.
import type { ExportTask } from './aws/types.js'
import type { IfExists, SourceInput } from './config.js'
import { trimSlashes } from './report/outputs.js'
import { normalizeStatus } from './status.js'

export interface WantedExport {
  ExportTaskIdentifier: string
  /** The source as the workflow named it: matched without resolving it (no extra call). */
  source: SourceInput
  S3BucketName: string
  /** Without leading or trailing '/'. */
  S3Prefix: string
}

export type ExistingDecision =
  | { action: 'start' }
  | { action: 'adopt'; task: ExportTask }
  /** A generated identifier whose task FAILED or was CANCELED: try again under a fresh one. */
  | { action: 'fresh-identifier' }
  | { action: 'conflict'; message: string }

/** The fields that must match for a task to be adopted, as `what (task: x, wanted: y)`. */
export function differences(task: ExportTask, wanted: WantedExport): string[] {
  const found: string[] = []
  const compare = (what: string, actual: string, expected: string): void => {
    if (actual !== expected) found.push(`${what} (task: '${actual}', wanted: '${expected}')`)
  }
  if (!sourceMatches(task.SourceArn ?? '', wanted.source)) {
    found.push(`source (task: '${task.SourceArn ?? ''}', wanted: ${describeSource(wanted.source)})`)
  }
  compare('bucket', task.S3Bucket ?? '', wanted.S3BucketName)
  compare('prefix', trimSlashes(task.S3Prefix), wanted.S3Prefix)
  return found
}

export function decideExisting(
  existing: ExportTask | undefined,
  wanted: WantedExport,
  options: { ifExists: IfExists; generatedIdentifier: boolean; freshIdentifierAvailable: boolean }
): ExistingDecision {
  if (!existing) return { action: 'start' }
  const id = wanted.ExportTaskIdentifier
  const status = normalizeStatus(existing.Status)
  const diff = differences(existing, wanted)
  if (
    options.generatedIdentifier &&
    options.freshIdentifierAvailable &&
    diff.length === 0 &&
    (status === 'FAILED' || status === 'CANCELED')
  ) {
    return { action: 'fresh-identifier' }
  }
  if (options.ifExists === 'fail') {
    return {
      action: 'conflict',
      message: `Export task '${id}' already exists (status ${status}) and if-exists is 'fail'. Identifiers are never reusable: set another export-task-identifier, or if-exists: attach to adopt it.`
    }
  }
  if (diff.length > 0) {
    return {
      action: 'conflict',
      message: `Export task '${id}' already exists for a different export: ${diff.join('; ')}. Identifiers are never reusable: set another export-task-identifier.`
    }
  }
  return { action: 'adopt', task: existing }
}

/**
 * Whether a task's SourceArn is the source the workflow named. For the "newest snapshot" forms
 * any snapshot of the right kind matches: a re-run must adopt the task its first attempt
 * started, even if a newer snapshot has appeared since.
 */
export function sourceMatches(taskArn: string, source: SourceInput): boolean {
  switch (source.input) {
    case 'source-arn':
      return taskArn === source.arn
    case 'db-snapshot-identifier':
      return sameNamed(taskArn, source.identifier, 'snapshot')
    case 'db-cluster-snapshot-identifier':
      return sameNamed(taskArn, source.identifier, 'cluster-snapshot')
    case 'db-instance-identifier':
      return /^arn:[^:]+:rds:[^:]*:\d*:snapshot:/.test(taskArn)
    case 'db-cluster-identifier':
      return /^arn:[^:]+:rds:[^:]*:\d*:cluster-snapshot:/.test(taskArn)
  }
}

// RDS stores identifiers in lower case, so a name matches its ARN whatever the case.
function sameNamed(taskArn: string, identifier: string, kind: string): boolean {
  const arn = taskArn.toLowerCase()
  const name = identifier.toLowerCase()
  if (name.startsWith('arn:')) return arn === name
  return arn.endsWith(`:${kind}:${name}`)
}

function describeSource(source: SourceInput): string {
  if (source.input === 'source-arn') return `'${source.arn}'`
  return `${source.input} '${source.identifier}'`
}
