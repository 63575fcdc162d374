// Reading JSON that RDS writes but doesn't document: keys in any case, numbers as numbers or
// strings, anything missing. Nothing here throws; an unreadable value is `undefined` and the
// caller decides whether that is worth a warning. Pure.

export type JsonRecord = Record<string, unknown>

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The fields of one JSON object, looked up by name in any case (`sizeGB`, `sizeGb`, `SizeGB`). */
export class Fields {
  // Built on the first look-up that misses the exact spelling, which is rare.
  private byLowerName?: Map<string, unknown>

  constructor(private readonly source: JsonRecord) {}

  static of(value: unknown): Fields | undefined {
    return isRecord(value) ? new Fields(value) : undefined
  }

  private lower(): Map<string, unknown> {
    if (!this.byLowerName) {
      this.byLowerName = new Map()
      for (const [key, value] of Object.entries(this.source)) {
        const lower = key.toLowerCase()
        // An exact spelling is found first; among look-alikes, the first met wins.
        if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, value)
      }
    }
    return this.byLowerName
  }

  has(name: string): boolean {
    return Object.hasOwn(this.source, name) || this.lower().has(name.toLowerCase())
  }

  get(name: string): unknown {
    if (Object.hasOwn(this.source, name)) return this.source[name]
    return this.lower().get(name.toLowerCase())
  }

  /** The first of `names` that is present with a value other than null or ''. */
  first(names: readonly string[]): unknown {
    for (const name of names) {
      const value = this.get(name)
      if (value !== undefined && value !== null && value !== '') return value
    }
    return undefined
  }

  record(name: string): Fields | undefined {
    return Fields.of(this.get(name))
  }
}

/** A value that is absent (so not worth a warning when it can't be read). */
export const isAbsent = (value: unknown): boolean =>
  value === undefined || value === null || value === ''

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** A finite number, from a number or a numeric string (`"1.5"`); else undefined. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !NUMERIC.test(value.trim())) return undefined
  const number = Number(value.trim())
  return Number.isFinite(number) ? number : undefined
}

/** A string from a string, number or boolean, trimmed; undefined when absent or empty. */
export function readString(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** The longest line of text from AWS shown (a reason, a line of RDS's warning): a bound the
 * README's Security section states. */
export const TEXT_LINE_MAX = 1000

/** Text for a person: a string as it is, anything else as JSON, on one line, capped. */
export function readText(value: unknown, max = TEXT_LINE_MAX): string | undefined {
  if (isAbsent(value)) return undefined
  const text = typeof value === 'string' ? value : jsonText(value, max)
  return cap(withoutControlCharacters(text).replace(/\s+/g, ' ').trim(), max)
}

/** Levels of JSON from AWS shown: deeper ones are `{…}` or `[…]` in jsonText, and JSON nested
 * deeper is not laid out in the summary (report/markdown.ts). */
export const JSON_TEXT_DEPTH = 16

/**
 * A parsed JSON value written back as JSON for a person, cut at about `max` characters and
 * JSON_TEXT_DEPTH levels. JSON.stringify recurses and throws RangeError on a value nested a few
 * thousand levels deep (which JSON.parse accepts): this walks with a stack of its own, and stops
 * once `max` is written, so its work is bounded by `max` whatever the value holds.
 */
export function jsonText(value: unknown, max: number): string {
  let out = ''
  // What is still to write, the next last: literal text, or a value at its depth.
  const todo: (string | { value: unknown; depth: number })[] = [{ value, depth: 0 }]
  while (todo.length > 0 && out.length <= max) {
    const next = todo.pop()!
    if (typeof next === 'string') {
      out += next
      continue
    }
    const { value: v, depth } = next
    if (typeof v === 'string') out += JSON.stringify(cap(v, max + 1))
    else if (typeof v === 'number' || typeof v === 'boolean') out += String(v)
    else if (typeof v !== 'object' || v === null) out += 'null'
    else if (depth >= JSON_TEXT_DEPTH) out += Array.isArray(v) ? '[…]' : '{…}'
    else {
      // Parts in the order written; at most `max` of them (each is at least one character).
      const parts: (string | { value: unknown; depth: number })[] = []
      const array = Array.isArray(v)
      let count = 0
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue
        if (count++ === max) break
        if (count > 1) parts.push(',')
        if (!array) parts.push(`${JSON.stringify(cap(key, max + 1))}:`)
        parts.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1 })
      }
      out += array ? '[' : '{'
      todo.push(array ? ']' : '}', ...parts.reverse())
    }
  }
  return out.length > max ? `${out.slice(0, max)}…` : out
}

const isControl = (code: number): boolean => code < 0x20 || code === 0x7f

/** Whether the text has a C0 control character or DEL (Glue's single-line names refuse them). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true
  return false
}

/** The text with each control character turned into a space. */
export function withoutControlCharacters(text: string): string {
  if (!hasControlCharacter(text)) return text
  return Array.from(text, char => (isControl(char.charCodeAt(0)) ? ' ' : char)).join('')
}

/** At most `max` characters, with an ellipsis when cut. */
export function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** `a, b, c and 7 more`: a list a person can read, however long the list. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

/**
 * Problems of one kind gathered into one warning, so a file with 10,000 bad entries gives one
 * line, not 10,000: `file: entries left out for having no target: 3 (#4, #7, #9)`.
 */
export class Tally {
  private readonly kinds = new Map<string, string[]>()

  add(kind: string, example: string): void {
    const examples = this.kinds.get(kind)
    if (examples) examples.push(example)
    else this.kinds.set(kind, [example])
  }

  /** One message a kind: the kind, how many, some examples. */
  messages(prefix: string): string[] {
    return [...this.kinds].map(
      ([kind, examples]) => `${prefix}${kind}: ${examples.length} (${listSome(examples)})`
    )
  }
}
