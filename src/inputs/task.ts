// The export task: its identifier, what to do when it exists, and how many exports may run.

import type { Config, IfExists, Mode } from '../config.js'
import { exportTaskIdentifierProblem } from '../identifier.js'
import { RDS_ACTIVE_EXPORT_LIMIT } from '../status.js'
import { refuse, type Refusals } from './errors.js'
import type { Inputs } from './read.js'
import { oneOf, parseInteger } from './values.js'

const IF_EXISTS: readonly IfExists[] = ['attach', 'fail']

type Task = Pick<Config, 'exportTaskIdentifier' | 'ifExists' | 'maxConcurrentExports'>

/** The task section; `taskIdentifier` is export-task-identifier as parseMode read it. */
export function parseTask(
  inputs: Inputs,
  mode: Mode,
  taskIdentifier: string,
  warnings: string[],
  refusals: Refusals
): Task {
  const problem = taskIdentifier === '' ? undefined : exportTaskIdentifierProblem(taskIdentifier)
  if (problem) {
    refusals.add(
      refuse(
        'export-task-identifier',
        "must be 1-60 letters, digits and hyphens, beginning with a letter, without '--', not ending in '-'",
        taskIdentifier,
        `it ${problem}`
      )
    )
  }
  const ifExists = refusals.check(() => oneOf('if-exists', inputs.get('if-exists'), IF_EXISTS))
  const maxConcurrentExports = refusals.check(() =>
    parseInteger(
      'max-concurrent-exports',
      inputs.get('max-concurrent-exports'),
      1,
      Infinity,
      'exports'
    )
  )
  if (mode === 'start' && maxConcurrentExports && maxConcurrentExports > RDS_ACTIVE_EXPORT_LIMIT) {
    warnings.push(
      `Input 'max-concurrent-exports' is ${maxConcurrentExports}, but RDS allows at most ${RDS_ACTIVE_EXPORT_LIMIT} exports in progress per account and region: above that, starting fails instead of waiting for a slot.`
    )
  }
  return {
    ...(taskIdentifier !== '' ? { exportTaskIdentifier: taskIdentifier } : {}),
    ifExists: ifExists ?? 'attach',
    maxConcurrentExports: maxConcurrentExports ?? RDS_ACTIVE_EXPORT_LIMIT
  }
}
