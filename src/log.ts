// Every line the action writes to the log goes through here. Text from inputs and from AWS is
// data: it must never reach the runner as a command. The runner reads its stdout line by line
// and treats a line as a command when, trimmed, it starts with `::name::`, or when it contains
// `##[name]` anywhere (the older form). So the data can't start a line (line breaks become a
// visible `\n`), can't put `::` first, and can't hold `##[`.
import * as core from '@actions/core'
import { neutralize } from './neutralize.js'

export { neutralize } from './neutralize.js'

export function info(line: string): void {
  core.info(neutralize(line))
}

/** A `::warning::` annotation. */
export function warning(message: string): void {
  core.warning(neutralize(message))
}

/** The step's one `::error::` line; the step fails (exit code 1). */
export function fail(message: string): void {
  core.setFailed(neutralize(message))
}

/** Shown only with step debug logging on. */
export function debug(message: string): void {
  if (core.isDebug()) core.debug(neutralize(message))
}
