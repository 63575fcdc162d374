// create-snapshot and snapshot-tags: take a manual snapshot of the instance or cluster now, and
// export that, instead of choosing among its existing snapshots.

import type { Config, Mode, SourceInput, Tag } from '../config.js'
import {
  ACTION_TAG_KEYS,
  RDS_TAGS_MAX,
  RESERVED_PREFIX,
  TAG_CHARACTER,
  TAG_KEY_MAX,
  TAG_VALUE_MAX,
  tagLength
} from '../tags.js'
import { InputError, quote, refuse, type Refusals } from './errors.js'
import type { Inputs } from './read.js'
import { parseBoolean, splitList } from './values.js'

/** RDS allows 50 tags on a snapshot; the action's own take 3 of them. */
export const SNAPSHOT_TAGS_MAX = RDS_TAGS_MAX - ACTION_TAG_KEYS.length

const TAG_RULE = 'must be key=value tags, one per line or comma-separated'

// Why a tag key or value can't be used, or undefined.
function tagTextProblem(what: 'key' | 'value', text: string, max: number): string | undefined {
  const length = tagLength(text)
  if (length > max) return `the ${what} has ${length} characters, at most ${max}`
  if (RESERVED_PREFIX.test(text)) {
    return `the ${what} begins with ${quote(text.slice(0, 4))}, which AWS reserves (aws: and rds:, in any case)`
  }
  const bad = TAG_CHARACTER.exec(text)
  if (bad) {
    return `${quote(bad[0])} is not allowed in a tag: letters, digits, spaces and _ . : / = + - @ are`
  }
  return undefined
}

function parseTag(entry: string, seen: Set<string>): Tag {
  const input = 'snapshot-tags'
  const equals = entry.indexOf('=')
  if (equals < 0) throw refuse(input, TAG_RULE, entry, 'write it as key=value')
  const Key = entry.slice(0, equals).trim()
  const Value = entry.slice(equals + 1).trim()
  if (Key === '') throw refuse(input, TAG_RULE, entry, 'the key before = is empty')
  const problem =
    tagTextProblem('key', Key, TAG_KEY_MAX) ?? tagTextProblem('value', Value, TAG_VALUE_MAX)
  if (problem) throw refuse(input, TAG_RULE, entry, problem)
  if ((ACTION_TAG_KEYS as readonly string[]).includes(Key)) {
    throw refuse(
      input,
      TAG_RULE,
      entry,
      `the action sets ${quote(Key)} itself (${ACTION_TAG_KEYS.join(', ')})`
    )
  }
  if (seen.has(Key)) throw refuse(input, TAG_RULE, entry, `the key ${quote(Key)} is given twice`)
  seen.add(Key)
  return { Key, Value }
}

/** The tags of snapshot-tags, in order: at most SNAPSHOT_TAGS_MAX, each as RDS takes it. */
export function parseSnapshotTags(value: string): Tag[] {
  const entries = splitList(value)
  if (entries.length > SNAPSHOT_TAGS_MAX) {
    throw new InputError(
      'snapshot-tags',
      `Input 'snapshot-tags' must have at most ${SNAPSHOT_TAGS_MAX} tags: RDS allows ${RDS_TAGS_MAX} on a snapshot ` +
        `and the action adds ${ACTION_TAG_KEYS.length} (${ACTION_TAG_KEYS.join(', ')}); got ${entries.length}.`
    )
  }
  const seen = new Set<string>()
  return entries.map(entry => parseTag(entry, seen))
}

const INSTANCE_OR_CLUSTER = ['db-instance-identifier', 'db-cluster-identifier']

/**
 * The snapshot section, for the source parseSourceSection returned (none outside start, or when
 * it was refused). create-snapshot is checked in every mode; snapshot-tags whenever it applies.
 */
export function parseSnapshotSection(
  inputs: Inputs,
  mode: Mode,
  source: SourceInput | undefined,
  warnings: string[],
  refusals: Refusals
): Pick<Config, 'createSnapshot' | 'snapshotTags'> {
  const none = { createSnapshot: false, snapshotTags: [] }
  const createSnapshot = refusals.check(() =>
    parseBoolean('create-snapshot', inputs.get('create-snapshot'))
  )
  if (mode !== 'start' || createSnapshot === undefined) return none
  const tags = inputs.raw('snapshot-tags')
  if (!createSnapshot) {
    if (tags !== '') {
      warnings.push(
        "Input 'snapshot-tags' is ignored without create-snapshot: it tags the snapshot the action takes."
      )
    }
    return none
  }
  if (source && !INSTANCE_OR_CLUSTER.includes(source.input)) {
    refusals.add(
      new InputError(
        'create-snapshot',
        `Input 'create-snapshot' takes a new snapshot of a DB instance or an Aurora DB cluster: ` +
          `it goes with 'db-instance-identifier' or 'db-cluster-identifier', not with '${source.input}'.`
      )
    )
  } else if (source && 'snapshotType' in source && source.snapshotType !== 'any') {
    warnings.push(
      "Input 'snapshot-type' is ignored with create-snapshot: the export uses the snapshot taken now."
    )
  }
  const snapshotTags = refusals.check(() => parseSnapshotTags(tags)) ?? []
  return { createSnapshot, snapshotTags }
}
