// Markdown that text from inputs and from AWS can't break out of: every value is escaped (it
// can't open a link, a table cell or an HTML tag), capped, and the whole summary stays under the
// 1 MiB GitHub accepts per step. Every pattern here is linear in its input.
import { JSON_TEXT_DEPTH } from '../tables/fields.js'

export const SUMMARY_LIMIT_BYTES = 1024 * 1024

const MAX_CELL = 2000
const MAX_BLOCK = 20_000
const MAX_LIST = 50
const TRUNCATED_NOTE = '\n\n_Summary truncated to fit the 1 MiB limit._\n'

/** Cut to n UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, n: number): string {
  if (text.length <= n) return text
  let end = n
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** U+2060 WORD JOINER: invisible, and not a character an address's domain may start with. */
const WORD_JOINER = '\u2060'

/**
 * Markdown and HTML in a value from AWS become literal text: no emphasis, link, table cell or
 * tag; no URL or e-mail address that GitHub would turn into a link; and nothing at the start that
 * would make a list, a heading or a rule. URL autolinks are found while parsing, so an escaped
 * `:` or `.` breaks them; e-mail addresses (and @mentions) are found in the text afterwards,
 * escapes already undone, so a word joiner after each `@` breaks those.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1')
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1')
}

/** The lines of a text, each trimmed, blank ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/[\r\n]/)
    .map(line => line.trim())
    .filter(Boolean)
}

/** One line, escaped, capped: fit for a table cell or a list item. */
export function cell(value: unknown, max = MAX_CELL): string {
  const text = value === undefined || value === null ? '' : String(value)
  return escapeText(cut(lines(text).join(' '), max))
}

/** Several lines kept as lines (joined with a hard break), escaped, capped. */
export function block(value: string): string {
  return lines(cut(value.trim(), MAX_BLOCK)).map(escapeText).join('<br>\n')
}

/** Only plain https links, with the characters that would end a markdown link encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    if (u.protocol !== 'https:') return undefined
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20')
  } catch {
    return undefined
  }
}

/** `2026-05-01 08:00:00 UTC`, or undefined for a missing or invalid date. */
export function dateText(d: Date | undefined): string | undefined {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return undefined
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

const MAX_JSON = 10_000

/** How deep brackets nest in a text (those inside strings counted too: a bound, not a parse). */
function nesting(text: string): number {
  let depth = 0
  let deepest = 0
  for (const char of text) {
    if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth)
    else if (char === ']' || char === '}') depth--
  }
  return deepest
}

/**
 * A text that ends in a JSON object or array (a policy statement to add, say) as its prose and
 * the JSON laid out; undefined when it doesn't end in valid JSON.
 */
export function trailingJson(text: string): { prose: string; json: string } | undefined {
  const start = text.search(/[[{][[{"]/)
  if (start < 0 || text.length - start > MAX_JSON) return undefined
  // Deeper JSON stays prose: its laid-out form would grow with the square of its depth.
  if (nesting(text.slice(start)) > JSON_TEXT_DEPTH) return undefined
  try {
    const value: unknown = JSON.parse(text.slice(start))
    if (typeof value !== 'object' || value === null) return undefined
    return { prose: text.slice(0, start).trim(), json: JSON.stringify(value, null, 2) }
  } catch {
    return undefined
  }
}

/** A fenced code block, its fence longer than any run of backticks in it, indented as asked. */
export function codeBlock(code: string, language: string, indent = ''): string[] {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [`${fence}${language}`, ...code.split('\n'), fence].map(line => indent + line)
}

/** One list item: an escaped line, or a line and the JSON it ends with as a code block. */
function item(text: string): string[] {
  const split = trailingJson(text)
  if (!split) return [`- ${cell(text, 1000)}`]
  return [`- ${cell(split.prose, 1000)}`, '', ...codeBlock(split.json, 'json', '  '), '']
}

/** A titled bullet list of at most MAX_LIST items, each one escaped line (and its JSON). */
export function list(title: string, items: string[]): string[] {
  if (items.length === 0) return []
  const shown = items.slice(0, MAX_LIST).flatMap(item)
  const more = items.length - shown.length
  if (more > 0) shown.push(`- … and ${more} more`)
  return [`### ${title}`, '', ...shown, '']
}

/** Trim to the limit at a character boundary, saying so. */
export function enforceLimit(text: string): string {
  if (Buffer.byteLength(text, 'utf8') < SUMMARY_LIMIT_BYTES) return text
  const room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(TRUNCATED_NOTE, 'utf8') - 16
  let head = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8')
  // A character cut in two decodes as U+FFFD: drop it.
  while (head.endsWith('\uFFFD')) head = head.slice(0, -1)
  return head + TRUNCATED_NOTE
}
