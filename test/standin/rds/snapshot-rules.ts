// What CreateDBSnapshot and CreateDBClusterSnapshot check of their parameters, as RDS documents
// it: snapshot identifiers (a letter first; letters, digits and hyphens; no `--`, no trailing
// `-`; up to 255 characters for DB snapshots, 63 for cluster snapshots; stored lower case) and
// tags (at most 50; keys 1-128 and values up to 256 characters of letters, digits, white space
// and `_ . : / = + - @`; no key twice, no key or value starting with `aws:` or `rds:`).
import { required, type Params } from '../query.js'
import { rdsError } from './errors.js'
import type { SnapshotKind } from './snapshots.js'

export interface Tag {
  Key: string
  Value: string
}

const IDENTIFIER = /^[A-Za-z](?!.*--)[A-Za-z0-9-]*$/
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
const MAX_TAGS = 50

/** The identifier parameter of the create call, checked, in lower case. */
export function newSnapshotIdentifier(kind: SnapshotKind, params: Params): string {
  const name = kind === 'snapshot' ? 'DBSnapshotIdentifier' : 'DBClusterSnapshotIdentifier'
  const identifier = required(params, name)
  const longest = kind === 'snapshot' ? 255 : 63
  if (!IDENTIFIER.test(identifier) || identifier.endsWith('-') || identifier.length > longest) {
    throw rdsError(
      'InvalidParameterValue',
      `The parameter ${name} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; must not end with a hyphen or contain two consecutive hyphens; and must be 1 to ${longest} characters long.`
    )
  }
  return identifier.toLowerCase()
}

/** `Tags.Tag.N.Key` / `Tags.Tag.N.Value` (the form the SDK sends), checked. */
export function tagsOf(params: Params): Tag[] {
  const tags: Tag[] = []
  for (let n = 1; params[`Tags.Tag.${n}.Key`] !== undefined; n++) {
    tags.push({
      Key: params[`Tags.Tag.${n}.Key`] ?? '',
      Value: params[`Tags.Tag.${n}.Value`] ?? ''
    })
  }
  if (tags.length > MAX_TAGS) {
    throw rdsError('InvalidParameterValue', `A resource can have at most ${MAX_TAGS} tags.`)
  }
  const keys = tags.map(tag => tag.Key)
  const twice = keys.find((key, i) => keys.indexOf(key) !== i)
  if (twice !== undefined) throw rdsError('InvalidParameterValue', `Duplicate tag key: ${twice}.`)
  const bad = tags.find(tag => tagProblem(tag) !== undefined)
  if (bad) throw rdsError('InvalidParameterValue', tagProblem(bad) as string)
  return tags
}

// RDS counts Unicode characters, not UTF-16 units.
function tagProblem({ Key: key, Value: value }: Tag): string | undefined {
  const keyLength = [...key].length
  if (keyLength < 1 || keyLength > 128) return 'Tag keys must be 1 to 128 characters long.'
  if ([...value].length > 256) return 'Tag values must be at most 256 characters long.'
  if (/^(aws|rds):/i.test(key)) return `The tag key ${key} can't start with aws: or rds:.`
  if (/^(aws|rds):/i.test(value)) return `The tag value ${value} can't start with aws: or rds:.`
  if (!TAG_TEXT.test(key) || !TAG_TEXT.test(value)) {
    return 'Tags may contain only letters, digits, white space and _ . : / = + - @.'
  }
  return undefined
}
