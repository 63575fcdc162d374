// The workflow's inputs, checked once and turned into a Config before any AWS call. Pure: the
// caller passes the input reader and the environment, so this runs (and is tested) without the
// Actions toolkit or the AWS SDK. Every input that breaks a rule is named at once, in one
// InputError: each refusal names the input, the rule and, where a common mistake is
// recognised, what to write instead.
// One module per section of the contract; each returns its slice of the Config.

import type { Config, Mode, SourceInput } from '../config.js'
import { parseCredentials } from './credentials.js'
import { checkDestinationPlace, parseDestination } from './destination.js'
import { parseExportOnly } from './export-only.js'
import { parseMode } from './mode.js'
import { parseProxy } from './proxy.js'
import { Refusals } from './errors.js'
import { readInputs, type Inputs } from './read.js'
import { checkRegionInput, resolveRegion, type Place } from './region.js'
import { parseSnapshotSection } from './snapshot.js'
import { parseSourceSection } from './source.js'
import { parseTablesSection } from './tables.js'
import { parseTask } from './task.js'
import { parseWaiting } from './waiting.js'

export { InputError, quote } from './errors.js'
export { exportOnlyProblem, splitExportOnly } from './export-only.js'
export { proxySecrets, redactProxyUrl } from './proxy.js'
export { INPUT_DEFAULTS, SOURCE_INPUTS } from './read.js'
export { SNAPSHOT_TAGS_MAX, parseSnapshotTags } from './snapshot.js'
export { GLUE_TABLE_PREFIX_MAX } from './tables.js'

/**
 * Checks the inputs and returns the Config, plus warnings for inputs that are given but have no
 * effect. `read` returns an input's value like core.getInput ('' when unset); '' means the
 * action.yml default. `env` supplies AWS_REGION and AWS_DEFAULT_REGION. Every input is checked,
 * section by section: the mode (and the task the other modes name), the source and
 * create-snapshot, the destination, export-only, the task, the region (then the ARNs that must
 * agree with it), the credentials, http-proxy, waiting, and the tables. When any is refused, one
 * InputError names every refused input: a check that depends on another input (the region on the
 * source, an ARN's region on the region) is skipped when that input was refused, so one mistake
 * is named once.
 */
export function parseInputs(
  read: (name: string) => string,
  env: Record<string, string | undefined>
): { config: Config; warnings: string[] } {
  const warnings: string[] = []
  const refusals = new Refusals()
  const inputs = readInputs(read)
  const parsed = parseMode(inputs, refusals)
  // A mode refused: the checks every mode makes, none of those of mode start.
  const mode = parsed.mode ?? 'status'
  const source = parseSourceSection(inputs, mode, warnings, refusals)
  const snapshot = parseSnapshotSection(inputs, mode, source.source, warnings, refusals)
  const destination = parseDestination(inputs, mode, refusals)
  const exportOnly = refusals.check(() => parseExportOnly(inputs, mode, warnings)) ?? []
  const task = parseTask(inputs, mode, parsed.taskIdentifier, warnings, refusals)
  const place = findPlace(inputs, parsed.mode, source.source, env, refusals)
  if (place) checkDestinationPlace(destination, place, refusals)
  const credentials = parseCredentials(inputs, place, warnings, refusals)
  const proxy = refusals.check(() => parseProxy(inputs)) ?? {}
  const waiting = parseWaiting(inputs, mode, refusals)
  const tables = parseTablesSection(inputs, mode, waiting.wait, warnings, refusals)
  const refused = refusals.error()
  if (refused) throw refused
  const config: Config = {
    mode,
    ...source,
    ...snapshot,
    ...destination,
    exportOnly,
    ...task,
    region: place?.region ?? '',
    ...credentials,
    ...proxy,
    ...waiting,
    ...tables
  }
  return { config, warnings }
}

// The region, where the mode and the source that may name it are known; otherwise only
// aws-region's own rule is checked (a source ARN refused, or a mode, may have named it).
function findPlace(
  inputs: Inputs,
  mode: Mode | undefined,
  source: SourceInput | undefined,
  env: Record<string, string | undefined>,
  refusals: Refusals
): Place | undefined {
  const value = inputs.raw('aws-region')
  if (mode === undefined || (mode === 'start' && !source)) {
    refusals.check(() => checkRegionInput(value))
    return undefined
  }
  return refusals.check(() => resolveRegion(value, source, env))
}
