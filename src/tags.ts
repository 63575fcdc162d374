// Tags on the snapshot create-snapshot takes, by RDS's rules (API Reference, Tag): keys of
// 1-128 and values of 0-256 Unicode characters, letters, digits, white space and _ . : / = + - @
// only, neither beginning with aws: or rds: in any case. The user's tags are checked as input
// (inputs/snapshot.ts); the action's own, made from the workflow run, are made to fit.
import type { Tag } from './config.js'

/** The tags the action itself puts on a snapshot it creates (naming the workflow run). */
export const ACTION_TAG_KEYS = ['github:repository', 'github:workflow', 'github:run-id'] as const

/** RDS allows 50 tags on a resource. */
export const RDS_TAGS_MAX = 50
export const TAG_KEY_MAX = 128
export const TAG_VALUE_MAX = 256

const TAG_CHARACTERS = '\\p{L}\\p{Z}\\p{N}_.:/=+\\-@'
/** The first character RDS doesn't take in a tag. */
export const TAG_CHARACTER = new RegExp(`[^${TAG_CHARACTERS}]`, 'u')
/** Every character RDS doesn't take (global: String.replace starts each call from the first). */
const TAG_CHARACTERS_NOT_TAKEN = new RegExp(TAG_CHARACTER.source, 'gu')
/** The prefixes AWS keeps for itself, in keys and values alike. */
export const RESERVED_PREFIX = /^(aws|rds):/i

/** The length RDS counts: Unicode characters (code points), not UTF-16 units. */
export function tagLength(text: string): number {
  return [...text].length
}

/**
 * A value RDS takes, from any text: each character it doesn't take becomes '_', the result is
 * cut at 256 characters (on code points, so no character is split in two), and a reserved
 * prefix loses its colon ('aws:nightly' is sent as 'aws_nightly').
 */
export function tagValue(text: string): string {
  const allowed = text.replace(TAG_CHARACTERS_NOT_TAKEN, '_')
  const cut = [...allowed].slice(0, TAG_VALUE_MAX).join('')
  return cut.replace(RESERVED_PREFIX, '$1_')
}

/** What the action's own tags name: the repository, the workflow and the run. */
export interface WorkflowTags {
  repository?: string
  workflow?: string
  runId?: string
}

/** The action's own tags, in ACTION_TAG_KEYS' order; one whose value is empty is left out. */
export function actionTags({ repository, workflow, runId }: WorkflowTags): Tag[] {
  const values = [repository, workflow, runId]
  return ACTION_TAG_KEYS.flatMap((Key, i) => {
    const Value = tagValue(values[i] ?? '')
    return Value ? [{ Key, Value }] : []
  })
}
