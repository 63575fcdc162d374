// Times in the export's metadata files. RDS writes the extraction times as English locale text
// without a time zone (`Jul 19, 2023, 11:21:00 PM`; newer Java runtimes put a narrow no-break
// space before PM). With no zone to go by they are read as UTC, and the report says so. Other
// shapes are taken too: ISO 8601 (with or without a zone) and epoch numbers. Pure.

/** What the report says about every time it shows. */
export const TIMES_NOTE =
  'Extraction times are ISO 8601 in UTC: RDS writes them without a time zone, so they are read as UTC. A time that could not be read is kept as RDS wrote it.'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

// `Jul 19, 2023, 11:21:00 PM`, `July 19, 2023 23:21`, `Jul 19 2023 11:21:00 p.m.`
const LOCALE =
  /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp])?\.?(?:[Mm]\.?)?$/
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/** ISO 8601 in UTC without milliseconds: `2023-07-19T23:21:00Z`. */
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function month(name: string): number {
  const lower = name.toLowerCase()
  const index = MONTHS.indexOf(lower.slice(0, 3))
  if (index < 0) return -1
  // `Sept` and `July` are fine, `Julyy` is not.
  return lower.length === 3 || FULL_MONTHS[index]!.startsWith(lower) || lower === 'sept'
    ? index
    : -1
}

/** Date.UTC that refuses what it would otherwise roll over (Feb 30, 25:00). */
function utc(parts: number[]): number | undefined {
  const [year, monthIndex, day, hour, minute, second] = parts as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  if (hour > 23 || minute > 59 || second > 59 || monthIndex < 0 || day < 1) return undefined
  const date = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second))
  date.setUTCFullYear(year) // Date.UTC reads years 0-99 as 1900-1999
  return date.getUTCDate() === day && date.getUTCMonth() === monthIndex ? date.getTime() : undefined
}

function fromLocale(text: string): number | undefined {
  const match = LOCALE.exec(text)
  if (!match) return undefined
  const [, name, day, year, hour, minute, second, meridiem] = match
  let hours = Number(hour)
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined
    hours = (hours % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  return utc([Number(year), month(name!), Number(day), hours, Number(minute), Number(second ?? 0)])
}

function fromIso(text: string): number | undefined {
  const match = ISO.exec(text)
  if (!match) return undefined
  const [, year, monthNumber, day, hour, minute, second, , zone] = match
  const local = utc([
    Number(year),
    Number(monthNumber) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? 0)
  ])
  if (local === undefined || !zone || zone.toUpperCase() === 'Z') return local
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))
  return local - sign * offset * 60_000
}

/**
 * A time from the export's metadata, as ISO 8601 UTC when it can be read, else the text as
 * RDS wrote it (trimmed, capped); undefined when absent. Numbers are epoch seconds or, from
 * 10^11 up, epoch milliseconds.
 */
export function readTime(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 8.64e15) return undefined
    return iso(value < 1e11 ? value * 1000 : value)
  }
  if (typeof value !== 'string') return undefined
  // Any run of spaces, no-break spaces (U+00A0, U+202F) included, counts as one space.
  const text = value.replace(/\s+/gu, ' ').trim()
  if (text === '') return undefined
  const ms = fromLocale(text) ?? fromIso(text)
  return ms === undefined ? text.slice(0, 200) : iso(ms)
}
