// RDS puts a WarningMessage on tasks that finished with something left out, often as JSON:
// {"skippedTables":[{"database":"db","schema":"public","table":"t","reason":"..."}],
//  "skippedObjectives":[],"general":[{"reason":"FAILED_TO_EXTRACT_TABLES_LIST_FOR_DATABASE"}]}
// The shapes vary and aren't documented, so anything unknown is still shown, never dropped.
import { isRecord } from '../tables/fields.js'

/** The longest single line kept; the summary caps the number of lines. */
const MAX_LINE = 1000

function cap(text: string): string {
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim()
  return oneLine.length > MAX_LINE ? `${oneLine.slice(0, MAX_LINE)}…` : oneLine
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return ''
  const json = JSON.stringify(v)
  return json.length > MAX_LINE ? `${json.slice(0, MAX_LINE)}…` : json
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
  const rest = Object.entries(item)
    .filter(([k]) => !used.has(k))
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

function renderEntries(key: string, value: unknown, out: string[]): void {
  const skipped = SKIPPED[key.toLowerCase()]
  const prefix = skipped ? `${skipped} ` : `${label(key)}: `
  const items = Array.isArray(value) ? value : [value]
  for (const item of items) {
    const text = describe(item)
    if (text) out.push(cap(prefix + text))
  }
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
    return text
      .split(/\r?\n/)
      .map(line => line.trim())
      .filter(Boolean)
      .map(cap)
  }
  const out: string[] = []
  if (isRecord(parsed)) {
    for (const [key, value] of Object.entries(parsed)) renderEntries(key, value, out)
  } else if (Array.isArray(parsed)) {
    for (const item of parsed) {
      const line = describe(item)
      if (line) out.push(cap(line))
    }
  }
  // A JSON warning with nothing in it ({"skippedTables":[]...}) says nothing: no lines.
  return out
}
