// The workflow's inputs, checked once and turned into a Config before any AWS call. Pure: the
// caller passes the input reader and the environment, so this runs (and is tested) without the
// Actions toolkit or the AWS SDK. The first broken rule throws an InputError that names the
// input, the rule and, where a common mistake is recognised, what to write instead.
// One module per section of the contract; each returns its slice of the Config.

import type { Config } from '../config.js'
import { parseCredentials } from './credentials.js'
import { checkDestinationPlace, parseDestination } from './destination.js'
import { parseExportOnly } from './export-only.js'
import { parseMode } from './mode.js'
import { parseProxy } from './proxy.js'
import { readInputs } from './read.js'
import { resolveRegion } from './region.js'
import { parseSnapshotSection } from './snapshot.js'
import { parseSourceSection } from './source.js'
import { parseTablesSection } from './tables.js'
import { parseTask } from './task.js'
import { parseWaiting } from './waiting.js'

export { InputError, quote } from './errors.js'
export { exportOnlyProblem, splitExportOnly } from './export-only.js'
export { proxySecrets, redactProxyUrl } from './proxy.js'
export { INPUT_DEFAULTS, SOURCE_INPUTS } from './read.js'
export { ACTION_TAG_KEYS, SNAPSHOT_TAGS_MAX, parseSnapshotTags } from './snapshot.js'
export { GLUE_TABLE_PREFIX_MAX } from './tables.js'

/**
 * Checks the inputs and returns the Config, plus warnings for inputs that are given but have no
 * effect. `read` returns an input's value like core.getInput ('' when unset); '' means the
 * action.yml default. `env` supplies AWS_REGION and AWS_DEFAULT_REGION. Throws an InputError on
 * the first broken rule, section by section: the mode (and the task the other modes name), the
 * source and create-snapshot, the destination, export-only, the task, the region (then the ARNs
 * that must agree with it), the credentials, http-proxy, waiting, and the tables.
 */
export function parseInputs(
  read: (name: string) => string,
  env: Record<string, string | undefined>
): { config: Config; warnings: string[] } {
  const warnings: string[] = []
  const inputs = readInputs(read)
  const { mode, taskIdentifier } = parseMode(inputs)
  const source = parseSourceSection(inputs, mode, warnings)
  const snapshot = parseSnapshotSection(inputs, mode, source.source, warnings)
  const destination = parseDestination(inputs, mode)
  const exportOnly = parseExportOnly(inputs, mode, warnings)
  const task = parseTask(inputs, mode, taskIdentifier, warnings)
  const place = resolveRegion(inputs.raw('aws-region'), source.source, env)
  checkDestinationPlace(destination, place)
  const credentials = parseCredentials(inputs, place, warnings)
  const proxy = parseProxy(inputs)
  const waiting = parseWaiting(inputs, mode)
  const tables = parseTablesSection(inputs, mode, waiting.wait, warnings)
  const config: Config = {
    mode,
    ...source,
    ...snapshot,
    ...destination,
    exportOnly,
    ...task,
    region: place.region,
    ...credentials,
    ...proxy,
    ...waiting,
    ...tables
  }
  return { config, warnings }
}
