// Names the action checks or makes up: export task identifiers and the role session name.
// Pure and SDK-free, so inputs.ts can use them before any AWS client is loaded.

import { parseArn } from './arn.js'

/** StartExportTask's limit on ExportTaskIdentifier. */
export const EXPORT_TASK_IDENTIFIER_MAX_LENGTH = 60

// What a user sees for a character that breaks a rule: the character itself when printable.
function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  if (char === ' ') return "' ' (a space)"
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `${hex} (a control character)`
  return `'${char}' (${hex})`
}

/**
 * The broken rule of RDS's common naming scheme (DB instances, clusters, export tasks): 1 to
 * maxLength ASCII letters, digits and hyphens, beginning with a letter, no '--', no trailing '-'.
 * Undefined when the value follows it. The words complete "Input 'x' ...".
 */
export function rdsNameProblem(value: string, maxLength: number): string | undefined {
  if (value === '') return `must not be empty (1-${maxLength} characters)`
  if (value.length > maxLength) {
    return `must be at most ${maxLength} characters long; it has ${value.length}`
  }
  if (!/^[A-Za-z]/.test(value)) {
    const first = String.fromCodePoint(value.codePointAt(0) ?? 0)
    return `must begin with a letter (A-Z or a-z), not ${describeCharacter(first)}`
  }
  const bad = /[^A-Za-z0-9-]/u.exec(value)
  if (bad) {
    return `may contain only ASCII letters, digits and hyphens; found ${describeCharacter(bad[0])}`
  }
  if (value.includes('--')) return "must not contain two hyphens in a row ('--')"
  if (value.endsWith('-')) return "must not end with a hyphen ('-')"
  return undefined
}

/** The rule an export task identifier breaks, in words, or undefined when it is valid. */
export function exportTaskIdentifierProblem(value: string): string | undefined {
  return rdsNameProblem(value, EXPORT_TASK_IDENTIFIER_MAX_LENGTH)
}

/** A UTC timestamp for names made outside GitHub Actions: 20261125T084600Z. */
export function compactUtcTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
}

// Lower-case ASCII letters and digits joined by single hyphens: accents are dropped from their
// letters, everything else (':' of automated snapshots, '_', spaces, emoji) becomes a hyphen.
function sanitize(value: string, maxLength: number): string {
  const plain = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
  return trimHyphens(trimHyphens(plain).slice(0, maxLength))
}

/** Without leading and trailing hyphens; a loop, as a pattern would be quadratic on a long run. */
function trimHyphens(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && value[start] === '-') start++
  while (end > start && value[end - 1] === '-') end--
  return value.slice(start, end)
}

// Bounds for the parts kept whole, so the source's name always keeps a few characters.
const RUN_PART_MAX = 40
const ATTEMPT_PART_MAX = 10

/** What a generated identifier is made of: a name, the run, and a suffix for a re-run attempt. */
export interface GeneratedName {
  /** A snapshot or cluster name, or an ARN (its name is used; `rds:` and `awsbackup:` are fine). */
  sourceName: string
  /** GITHUB_RUN_ID; outside GitHub Actions a UTC timestamp from `now` stands in for it. */
  runId?: string
  now: Date
  /** `a<attempt>`, when the thing made under the plain name FAILED or was CANCELED. */
  attemptSuffix?: string
}

/**
 * `<name>-<run id>[-<attempt suffix>]`: all lower case, within RDS's naming rules (a letter
 * first, letters, digits and single hyphens, no trailing hyphen), at most `maxLength`; the name
 * is shortened to fit, the run id and the suffix are kept whole. With a run id the result depends
 * only on the arguments, so a re-run of the same workflow run finds what its first attempt made.
 */
function generateName(args: GeneratedName, maxLength: number, fallbackHead: string): string {
  const name = parseArn(args.sourceName)?.resourceName ?? args.sourceName
  const run =
    sanitize(args.runId ?? '', RUN_PART_MAX) ||
    sanitize(compactUtcTimestamp(args.now), RUN_PART_MAX)
  const attempt = sanitize(args.attemptSuffix ?? '', ATTEMPT_PART_MAX)
  const tail = `-${run}${attempt ? `-${attempt}` : ''}`
  let head = sanitize(name, maxLength)
  if (!/^[a-z]/.test(head)) head = head ? `${fallbackHead}-${head}` : fallbackHead
  head = trimHyphens(head.slice(0, maxLength - tail.length))
  return head + tail
}

/** The export task identifier used when the workflow gives none (1-60 characters). */
export function generateExportTaskIdentifier(args: GeneratedName): string {
  return generateName(args, EXPORT_TASK_IDENTIFIER_MAX_LENGTH, 'export')
}

/** RDS's limits on a new snapshot's identifier: DB snapshots 255, DB cluster snapshots 63. */
export const SNAPSHOT_IDENTIFIER_MAX_LENGTH = { snapshot: 255, 'cluster-snapshot': 63 } as const

/**
 * The identifier of the snapshot create-snapshot takes of `sourceName` (the instance or
 * cluster): `<instance>-<run id>`, so a re-run of the workflow run finds its own snapshot.
 */
export function generateSnapshotIdentifier(
  args: GeneratedName & { kind: 'snapshot' | 'cluster-snapshot' }
): string {
  return generateName(args, SNAPSHOT_IDENTIFIER_MAX_LENGTH[args.kind], 'snapshot')
}

/** The session name when the workflow gives none: `rds-export-<run id>`, 2-64 of [\w+=,.@-]. */
export function defaultRoleSessionName(runId: string | undefined, now: Date): string {
  const run = trimHyphens((runId ?? '').replace(/[^\w+=,.@-]+/g, '-'))
  return `rds-export-${run || compactUtcTimestamp(now)}`.slice(0, 64)
}
