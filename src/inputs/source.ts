// The source of a `start`: exactly one of the five source inputs, and snapshot-type for the
// two "newest snapshot of" forms.

import type { Config, Mode, SnapshotType, SourceInput } from '../config.js'
import { parseArn, parseRdsSourceArn, type RdsSourceArn } from '../arn.js'
import { rdsNameProblem } from '../identifier.js'
import { InputError, names, quote, refuse, type Refusals } from './errors.js'
import { startOnlyWarning } from './mode.js'
import { SOURCE_INPUTS, type Inputs } from './read.js'
import { oneOf } from './values.js'

type SourceInputName = (typeof SOURCE_INPUTS)[number]

const SNAPSHOT_TYPES: readonly SnapshotType[] = ['automated', 'manual', 'awsbackup', 'any']

// A character as a message shows it: with its code point when it is not ASCII, so a look-alike
// (a Cyrillic 'а' for a Latin 'a') can be seen for what it is.
function character(char: string): string {
  const code = char.codePointAt(0) ?? 0
  return code < 0x80
    ? quote(char)
    : `${quote(char)} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`
}

// Manual names follow the RDS naming rule loosely (real names must never be refused);
// automated (`rds:`) and AWS Backup (`awsbackup:`) names carry a prefix with a colon. Manual
// DB snapshot names have at most 255 characters, manual cluster snapshot names 63.
function snapshotNameProblem(value: string, manualMax: number): string | undefined {
  if (value.length > 255) return `it has ${value.length} characters, at most 255 are allowed`
  const prefixed = /^(rds|awsbackup):/.exec(value)
  const name = prefixed ? value.slice(prefixed[0].length) : value
  if (name === '') return `the name after '${prefixed?.[1]}:' is missing`
  const bad = /[^A-Za-z0-9-]/u.exec(name)
  if (bad) return `${character(bad[0])} is not allowed in a name`
  if (prefixed) return undefined
  if (!/^[A-Za-z]/.test(name)) return 'a name begins with a letter'
  if (name.length > manualMax) {
    return `it has ${name.length} characters, at most ${manualMax} are allowed`
  }
  return undefined
}

const SNAPSHOT_NAME_MAX = { snapshot: 255, 'cluster-snapshot': 63 } as const

const IDENTIFIER_RULE = '(1-63 letters, digits and hyphens, beginning with a letter)'
const CLUSTER_RULE = `DB cluster identifier ${IDENTIFIER_RULE}`

const SNAPSHOT_WHAT = {
  snapshot: 'DB snapshot',
  'cluster-snapshot': 'DB cluster snapshot'
} as const

function snapshotRule(kind: 'snapshot' | 'cluster-snapshot'): string {
  return (
    `${SNAPSHOT_WHAT[kind]} name (letters, digits and hyphens; ` +
    `automated 'rds:...' and AWS Backup 'awsbackup:...' names too)`
  )
}

// The name at the end of a source ARN, by the rules of its kind.
function arnNameProblem(arn: RdsSourceArn): { rule: string; problem: string } | undefined {
  if (arn.kind === 'cluster') {
    const problem = rdsNameProblem(arn.resourceName, 63)
    return problem
      ? { rule: `must end with a ${CLUSTER_RULE}`, problem: `it ${problem}` }
      : undefined
  }
  const problem = snapshotNameProblem(arn.resourceName, SNAPSHOT_NAME_MAX[arn.kind])
  return problem ? { rule: `must end with a ${snapshotRule(arn.kind)}`, problem } : undefined
}

/** An ARN given as the source, checked by parseRdsSourceArn and then by its name. */
function checkSourceArn(input: SourceInputName, value: string): RdsSourceArn {
  const result = parseRdsSourceArn(value)
  if ('problem' in result) throw refuse(input, result.problem, value, result.hint)
  const name = arnNameProblem(result.arn)
  if (name) throw refuse(input, name.rule, value, name.problem)
  return result.arn
}

const MISPLACED_ARN = {
  cluster: "it is an Aurora DB cluster ARN: put it in 'source-arn' for a live export",
  snapshot: "it is a DB snapshot ARN: put it in 'db-snapshot-identifier' or 'source-arn'",
  'cluster-snapshot':
    "it is a DB cluster snapshot ARN: put it in 'db-cluster-snapshot-identifier' or 'source-arn'"
} as const

function checkSnapshotInput(
  input: 'db-snapshot-identifier' | 'db-cluster-snapshot-identifier',
  value: string
): void {
  const kind = input === 'db-snapshot-identifier' ? 'snapshot' : 'cluster-snapshot'
  const rule = `must be a ${snapshotRule(kind)} or a ${SNAPSHOT_WHAT[kind]} ARN (':${kind}:')`
  if (value.startsWith('arn:')) {
    const arn = checkSourceArn(input, value)
    if (arn.kind === kind) return
    throw refuse(input, rule, value, MISPLACED_ARN[arn.kind])
  }
  const problem = snapshotNameProblem(value, SNAPSHOT_NAME_MAX[kind])
  if (problem) throw refuse(input, rule, value, problem)
}

function checkInstanceOrClusterInput(
  input: 'db-instance-identifier' | 'db-cluster-identifier',
  value: string
): void {
  const what = input === 'db-instance-identifier' ? 'DB instance' : 'DB cluster'
  const rule = `must be a ${what} identifier ${IDENTIFIER_RULE}`
  const arn = parseArn(value)
  if (arn) {
    throw refuse(input, rule, value, `give the name, ${quote(arn.resourceName)}, not the ARN`)
  }
  const problem = rdsNameProblem(value, 63)
  if (problem) throw refuse(input, rule, value, `it ${problem}`)
}

function onlySourceInput(inputs: Inputs): SourceInputName {
  const given = SOURCE_INPUTS.filter(name => inputs.raw(name) !== '')
  const [input] = given
  if (input === undefined) {
    throw new InputError(
      'source-arn',
      `Mode 'start' needs one source: set exactly one of the inputs ${names(SOURCE_INPUTS)}.`
    )
  }
  if (given.length > 1) {
    throw new InputError(input, `Set only one source input; got ${names(given, ' and ')}.`)
  }
  return input
}

function parseSource(inputs: Inputs, snapshotType: SnapshotType): SourceInput {
  const input = onlySourceInput(inputs)
  const value = inputs.raw(input)
  switch (input) {
    case 'source-arn':
      checkSourceArn(input, value)
      return { input, arn: value }
    case 'db-snapshot-identifier':
    case 'db-cluster-snapshot-identifier':
      checkSnapshotInput(input, value)
      return { input, identifier: value }
    case 'db-instance-identifier':
    case 'db-cluster-identifier':
      checkInstanceOrClusterInput(input, value)
      return { input, identifier: value, snapshotType }
  }
}

/**
 * The source section: the source for mode start (none for the others, which warn about the
 * start-only inputs they ignore). snapshot-type is checked in every mode. In mode start, a
 * source that is refused is undefined.
 */
export function parseSourceSection(
  inputs: Inputs,
  mode: Mode,
  warnings: string[],
  refusals: Refusals
): Pick<Config, 'source'> {
  const snapshotType = refusals.check(() =>
    oneOf('snapshot-type', inputs.get('snapshot-type'), SNAPSHOT_TYPES)
  )
  if (mode !== 'start') {
    const warning = startOnlyWarning(inputs, mode, snapshotType ?? 'any')
    if (warning) warnings.push(warning)
    return {}
  }
  const source = refusals.check(() => parseSource(inputs, snapshotType ?? 'any'))
  if (!source) return {}
  if (snapshotType === 'awsbackup' && source.input === 'db-cluster-identifier') {
    // DescribeDBClusterSnapshots documents automated, manual, shared and public only.
    const rule =
      "can be 'awsbackup' only with db-instance-identifier: AWS documents no AWS Backup type for DB cluster snapshots"
    refusals.add(refuse('snapshot-type', rule, 'awsbackup', "use 'manual', 'automated' or 'any'"))
  } else if (snapshotType && snapshotType !== 'any' && !('snapshotType' in source)) {
    warnings.push(
      `Input 'snapshot-type' is ignored with '${source.input}': it only chooses among the snapshots of a db-instance-identifier or db-cluster-identifier.`
    )
  }
  return { source }
}
