// Text from inputs and from AWS as a log line the runner can't read as a command (log.ts says
// how the runner reads its log). Pure and free of @actions/core, so the preflight can use it.

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
