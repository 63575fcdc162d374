// Every line the action writes to the log goes through here. Text from inputs and from AWS is
// data: it must never reach the runner as a command. The runner reads its stdout line by line
// and treats a line as a command when, trimmed, it starts with `::name::`, or when it contains
// `##[name]` anywhere (the older form). So the data can't start a line (line breaks become a
// visible `\n`), can't put `::` first, and can't hold `##[`.
import * as core from '@actions/core'

/** Invisible, and not white space to the runner's Trim(): it keeps `::` and `##[` apart. */
const BREAK = '\u200b'
/** `::` after what .NET's Trim() removes: JavaScript's white space and U+0085 (NEL). */
const LEADING_COMMAND = /^[\s\u0085]*::/

/** The text as one log line that the runner can't read as a command. */
export function neutralize(text: string): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, '\\n')
  const broken = oneLine.split('##[').join(`#${BREAK}#[`)
  return LEADING_COMMAND.test(broken) ? BREAK + broken : broken
}

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
