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

function trimHyphens(value: string): string {
  return value.replace(/^-+|-+$/g, '')
}

// Bounds for the parts kept whole, so the source's name always keeps a few characters.
const RUN_PART_MAX = 40
const ATTEMPT_PART_MAX = 10

/**
 * The export task identifier used when the workflow gives none: `<source name>-<run id>`, plus
 * `-<attempt suffix>` when the task with the plain one FAILED or was CANCELED. The source name is
 * a snapshot or cluster name or an ARN (its name is used; `rds:` and `awsbackup:` names are fine);
 * outside GitHub Actions (no run id) a UTC timestamp from `now` stands in for the run id.
 * All lower case, within the rules of exportTaskIdentifierProblem; the name is shortened to fit
 * 60 characters, the run id and the suffix are kept whole. With a run id the result depends only
 * on the arguments, so a re-run of the same workflow run finds its own task.
 */
export function generateExportTaskIdentifier(args: {
  sourceName: string
  runId?: string
  now: Date
  attemptSuffix?: string
}): string {
  const name = parseArn(args.sourceName)?.resourceName ?? args.sourceName
  const run =
    sanitize(args.runId ?? '', RUN_PART_MAX) ||
    sanitize(compactUtcTimestamp(args.now), RUN_PART_MAX)
  const attempt = sanitize(args.attemptSuffix ?? '', ATTEMPT_PART_MAX)
  const tail = `-${run}${attempt ? `-${attempt}` : ''}`
  let head = sanitize(name, EXPORT_TASK_IDENTIFIER_MAX_LENGTH)
  if (!/^[a-z]/.test(head)) head = head ? `export-${head}` : 'export'
  head = trimHyphens(head.slice(0, EXPORT_TASK_IDENTIFIER_MAX_LENGTH - tail.length))
  return head + tail
}

/** The session name when the workflow gives none: `rds-export-<run id>`, 2-64 of [\w+=,.@-]. */
export function defaultRoleSessionName(runId: string | undefined, now: Date): string {
  const run = (runId ?? '').replace(/[^\w+=,.@-]+/g, '-').replace(/^-+|-+$/g, '')
  return `rds-export-${run || compactUtcTimestamp(now)}`.slice(0, 64)
}
