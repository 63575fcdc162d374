// RDS puts a WarningMessage on tasks that finished with something left out, often as JSON:
// {"skippedTables":[{"database":"db","schema":"public","table":"t","reason":"..."}],
//  "skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}
// The shapes vary and aren't documented, so anything unknown is still shown, never dropped.
import { TEXT_LINE_MAX as MAX_LINE, isRecord, jsonText } from '../tables/fields.js'

/** The most lines given (RDS may list thousands of tables), the last one saying how many more
 * there are: as many as the summary lists. */
export const WARNING_LINES_MAX = 50

function cap(text: string): string {
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim()
  return oneLine.length > MAX_LINE ? `${oneLine.slice(0, MAX_LINE)}…` : oneLine
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return ''
  return jsonText(v, MAX_LINE)
}

/** `skippedTables` -> `Skipped tables` */
function label(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words ? words[0]!.toUpperCase() + words.slice(1) : key
}

// `target` is the whole name (`db.schema.table`), as in the export's metadata files.
const NAME_KEYS = [
  ['target'],
  ['database', 'databasename', 'db', 'dbname'],
  ['schema', 'schemaname'],
  ['table', 'tablename', 'name', 'object', 'objectname', 'objective']
]
const REASON_KEYS = ['reason', 'message', 'error', 'cause', 'detail', 'details', 'description']

function pick(o: Record<string, unknown>, keys: string[]): [string, string] | undefined {
  for (const [k, v] of Object.entries(o)) {
    if (keys.includes(k.toLowerCase()) && v !== null && v !== undefined && v !== '') {
      return [k, scalar(v)]
    }
  }
  return undefined
}

/** An item: `db.public.t: REASON`, `REASON`, or its fields as `key: value` pairs. */
function describe(item: unknown): string {
  if (!isRecord(item)) return scalar(item)
  const used = new Set<string>()
  const names: string[] = []
  for (const keys of NAME_KEYS) {
    const hit = pick(item, keys)
    if (hit) {
      used.add(hit[0])
      names.push(hit[1])
    }
  }
  const reason = pick(item, REASON_KEYS)
  if (reason) used.add(reason[0])
  // A line holds MAX_LINE characters, so a few fields fill it.
  const rest = Object.entries(item)
    .filter(([k]) => !used.has(k))
    .slice(0, 20)
    .map(([k, v]) => `${k}: ${scalar(v)}`)
  const head = [names.join('.'), reason?.[1]].filter(Boolean).join(': ')
  return [head, ...rest].filter(Boolean).join(', ')
}

/** Keys whose items name something: `Skipped table db.public.t: REASON`. */
const SKIPPED: Record<string, string> = {
  skippedtables: 'Skipped table',
  skippedobjectives: 'Skipped objective',
  skippedobjects: 'Skipped object'
}

/** The items of a key, each with the words its line starts with. */
function entries(key: string, value: unknown): [string, unknown][] {
  const skipped = SKIPPED[key.toLowerCase()]
  const prefix = skipped ? `${skipped} ` : `${label(key)}: `
  return (Array.isArray(value) ? value : [value]).map(item => [prefix, item])
}

/** At most WARNING_LINES_MAX lines, the last saying how many more items there are. */
function render(items: readonly [string, unknown][]): string[] {
  const out: string[] = []
  const room = items.length > WARNING_LINES_MAX ? WARNING_LINES_MAX - 1 : WARNING_LINES_MAX
  let index = 0
  for (; index < items.length && out.length < room; index++) {
    const [prefix, item] = items[index]!
    const text = describe(item)
    if (text) out.push(cap(prefix + text))
  }
  const more = items.length - index
  if (more > 0) out.push(`… and ${more} more`)
  return out
}

/**
 * RDS WarningMessage as readable lines: `Skipped table db.public.t: REASON`,
 * `General: FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE`. Plain text (and malformed JSON) comes
 * back as its own lines.
 */
export function renderWarningMessage(message: string): string[] {
  const text = (message ?? '').trim()
  if (!text) return []
  let parsed: unknown
  let isJson = false
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      parsed = JSON.parse(text)
      isJson = true
    } catch {
      isJson = false
    }
  }
  if (!isJson) {
    const lines = text
      .split(/\r?\n/)
      .map(line => line.trim())
      .filter(Boolean)
    return render(lines.map(line => ['', line]))
  }
  // A JSON warning with nothing in it ({"skippedTables":[]...}) says nothing: no lines.
  if (isRecord(parsed)) {
    return render(Object.entries(parsed).flatMap(([key, value]) => entries(key, value)))
  }
  return Array.isArray(parsed) ? render(parsed.map(item => ['', item])) : []
}
