// Parsers for the kinds of value several inputs share: a choice, a boolean, a number, a list.

import { refuse } from './errors.js'

/** The value when it is one of the choices; a choice in the wrong case gets a hint. */
export function oneOf<T extends string>(input: string, value: string, choices: readonly T[]): T {
  const choice = choices.find(c => c === value)
  if (choice) return choice
  const lower = choices.find(c => c === value.toLowerCase())
  throw refuse(
    input,
    `must be one of ${choices.join(', ')}`,
    value,
    lower ? `write it in lower case, '${lower}'` : undefined
  )
}

export const YAML_TRUE = ['true', 'True', 'TRUE']
export const YAML_FALSE = ['false', 'False', 'FALSE']
export const YAML_BOOLEANS = [...YAML_TRUE, ...YAML_FALSE].join(', ')

/** A YAML 1.2 boolean, undefined for anything else. */
export function yamlBoolean(value: string): boolean | undefined {
  if (YAML_TRUE.includes(value)) return true
  if (YAML_FALSE.includes(value)) return false
  return undefined
}

// YAML 1.2 core schema booleans, like aws-actions/configure-aws-credentials: no yes/no/on/off.
export function parseBoolean(input: string, value: string): boolean {
  const parsed = yamlBoolean(value)
  if (parsed === undefined) throw refuse(input, `must be a boolean: ${YAML_BOOLEANS}`, value)
  return parsed
}

export function parseInteger(input: string, value: string, min: number, max: number, unit: string) {
  const range = max === Infinity ? `at least ${min}` : `${min}-${max}`
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw refuse(input, `must be a whole number of ${unit}, ${range}`, value)
  }
  return n
}

/** The bounds of a decimal: at least `min`, or greater than it; at most `max`, and why. */
export interface Bound {
  min: number
  inclusive: boolean
  max?: { value: number; why: string }
  example: string
}

// Plain decimals only: no exponent, sign, unit or Infinity, so '10m' or '1e9999' can't slip by.
export function parseDecimal(
  input: string,
  value: string,
  { min, inclusive, max, example }: Bound
) {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN
  const lower = inclusive ? `at least ${min}` : `greater than ${min}`
  const bound = max ? `${lower} and at most ${max.value} (${max.why})` : lower
  if (!Number.isFinite(n) || n < min || (!inclusive && n === min) || (max && n > max.value)) {
    throw refuse(input, `must be a number ${bound}, like ${example}`, value)
  }
  return n
}

/** A list input's entries: one per line or comma-separated, trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(entry => entry.trim())
    .filter(entry => entry !== '')
}
