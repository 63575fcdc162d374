// Reading Query protocol requests (form-encoded `Action=..&Version=..&Param.member.1=..`) and the
// error type every handler throws. Status codes come from the services' own error models.

export type Params = Record<string, string>

export function parseForm(body: string): Params {
  const params: Params = {}
  for (const [key, value] of new URLSearchParams(body)) params[key] = value
  return params
}

/** An error the service answers with: wire code, HTTP status, message. */
export class QueryError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender'
  ) {
    super(message)
  }
}

/** `Name.member.1`, `Name.member.2`, ... (or another member name) in index order. */
export function memberList(params: Params, name: string, memberName = 'member'): string[] {
  const prefix = `${name}.${memberName}.`
  return Object.keys(params)
    .filter(key => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .map(key => params[key] as string)
}

export interface Filter {
  name: string
  values: string[]
}

/** `Filters.Filter.N.Name` with `Filters.Filter.N.Values.Value.M`. */
export function filters(params: Params): Filter[] {
  const result: Filter[] = []
  for (let n = 1; params[`Filters.Filter.${n}.Name`] !== undefined; n++) {
    const name = params[`Filters.Filter.${n}.Name`] as string
    result.push({ name, values: memberList(params, `Filters.Filter.${n}.Values`, 'Value') })
  }
  return result
}

export function required(params: Params, name: string): string {
  const value = params[name]
  if (value === undefined || value === '') {
    throw new QueryError('MissingParameter', 400, `The request must contain the parameter ${name}`)
  }
  return value
}

/** MaxRecords as RDS checks it: default 100, 20 to 100. */
export function maxRecords(params: Params): number {
  const raw = params.MaxRecords
  if (raw === undefined) return 100
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 20 || value > 100) {
    throw new QueryError(
      'InvalidParameterValue',
      400,
      `Invalid value ${raw} for MaxRecords. Must be between 20 and 100`
    )
  }
  return value
}

/** One page of items and the opaque Marker for the next one. */
export function page<T>(items: T[], params: Params): { items: T[]; marker: string | undefined } {
  const size = maxRecords(params)
  const start = params.Marker ? decodeMarker(params.Marker) : 0
  const end = start + size
  return {
    items: items.slice(start, end),
    marker: end < items.length ? encodeMarker(end) : undefined
  }
}

function encodeMarker(offset: number): string {
  return Buffer.from(`standin-marker:${offset}`).toString('base64')
}

function decodeMarker(marker: string): number {
  const match = /^standin-marker:(\d+)$/.exec(Buffer.from(marker, 'base64').toString())
  if (!match) throw new QueryError('InvalidParameterValue', 400, `Invalid marker: ${marker}`)
  return Number(match[1])
}
