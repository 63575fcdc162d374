// The mode, and for the modes that act on an existing task, the task it names. The inputs of
// mode 'start' alone are ignored by the others, with a warning.

import type { Mode, SnapshotType } from '../config.js'
import { inputsPhrase, required, type Refusals } from './errors.js'
import { SOURCE_INPUTS, type Inputs } from './read.js'
import { oneOf } from './values.js'

const MODES: readonly Mode[] = ['start', 'wait', 'status', 'cancel']

const PURPOSE: Record<Exclude<Mode, 'start'>, string> = {
  wait: 'wait for',
  status: 'read',
  cancel: 'cancel'
}

/**
 * The mode, undefined when it is refused, and the task identifier as given ('' when none;
 * required by every mode but start).
 */
export function parseMode(
  inputs: Inputs,
  refusals: Refusals
): { mode: Mode | undefined; taskIdentifier: string } {
  const mode = refusals.check(() => oneOf('mode', inputs.get('mode'), MODES))
  const taskIdentifier = inputs.raw('export-task-identifier')
  if (mode !== undefined && mode !== 'start' && taskIdentifier === '') {
    refusals.add(
      required('export-task-identifier', mode, `name the export task to ${PURPOSE[mode]}`)
    )
  }
  return { mode, taskIdentifier }
}

/** The inputs that only mode 'start' reads, in the order of action.yml. */
export const START_ONLY_INPUTS = [
  ...SOURCE_INPUTS,
  'create-snapshot',
  'snapshot-tags',
  's3-bucket-name',
  's3-prefix',
  'iam-role-arn',
  'kms-key-id',
  'export-only'
] as const

/** The warning for start-only inputs given to another mode, which doesn't check them. */
export function startOnlyWarning(
  inputs: Inputs,
  mode: Mode,
  snapshotType: SnapshotType
): string | undefined {
  const ignored: string[] = START_ONLY_INPUTS.filter(name => inputs.given(name))
  if (snapshotType !== 'any') ignored.push('snapshot-type')
  for (const name of ['if-exists', 'max-concurrent-exports']) {
    if (inputs.given(name)) ignored.push(name)
  }
  if (ignored.length === 0) return undefined
  const { phrase, one } = inputsPhrase(ignored)
  return (
    `${phrase} only ${one ? 'applies' : 'apply'} to mode 'start'; ` +
    `mode '${mode}' ignores ${one ? 'it' : 'them'} and uses the task named by export-task-identifier.`
  )
}
