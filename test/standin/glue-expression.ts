// GetPartitions' Expression, as the Glue API reference describes it: partition keys compared with
// literals by =, <>, !=, <, <=, >, >=, BETWEEN ... AND ..., IN (...), LIKE, joined by AND, OR
// and NOT, in parentheses. Strings in single quotes ('' for a quote); numbers bare. A key that is
// not a partition key, or text that does not parse, is InvalidInputException, as Glue answers.
import { ServiceError } from './service.js'

type Value = string | number
type Predicate = (row: ReadonlyMap<string, Value>) => boolean

interface Token {
  kind: 'word' | 'string' | 'number' | 'op' | 'paren' | 'comma'
  text: string
}

function invalid(message: string): ServiceError {
  return new ServiceError('InvalidInputException', 400, message)
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = []
  const pattern =
    /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|(<=|>=|<>|!=|=|<|>)|([()])|(,)|([A-Za-z_][A-Za-z0-9_]*|`[^`]+`))/y
  let at = 0
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break
    pattern.lastIndex = at
    const m = pattern.exec(expression)
    if (!m) throw invalid(`Unsupported expression: ${expression}`)
    at = pattern.lastIndex
    if (m[1] !== undefined)
      tokens.push({ kind: 'string', text: m[1].slice(1, -1).replace(/''/g, "'") })
    else if (m[2] !== undefined) tokens.push({ kind: 'number', text: m[2] })
    else if (m[3] !== undefined) tokens.push({ kind: 'op', text: m[3] })
    else if (m[4] !== undefined) tokens.push({ kind: 'paren', text: m[4] })
    else if (m[5] !== undefined) tokens.push({ kind: 'comma', text: ',' })
    else tokens.push({ kind: 'word', text: m[6]!.replace(/`/g, '') })
  }
  return tokens
}

const NUMERIC = new Set(['int', 'bigint', 'long', 'tinyint', 'smallint'])

/** A predicate over a partition's values by key name, for the table's partition keys. */
export function partitionFilter(
  expression: string,
  keys: readonly { Name?: string; Type?: string }[]
): Predicate {
  const types = new Map(
    keys.map(k => [(k.Name ?? '').toLowerCase(), (k.Type ?? 'string').toLowerCase()])
  )
  const tokens = tokenize(expression)
  let i = 0
  const peek = () => tokens[i]
  const word = (text: string) => peek()?.kind === 'word' && peek()!.text.toUpperCase() === text
  const fail = (): never => {
    throw invalid(`Unsupported expression: ${expression}`)
  }
  const literal = (type: string): Value => {
    const t = tokens[i++]
    if (!t || (t.kind !== 'string' && t.kind !== 'number')) return fail()
    return NUMERIC.has(type) ? Number(t.text) : t.text
  }

  function comparison(): Predicate {
    const t = tokens[i++]
    if (!t || t.kind !== 'word') return fail()
    const key = t.text.toLowerCase()
    const type = types.get(key)
    if (type === undefined) throw invalid(`Unknown column '${t.text}' in expression: ${expression}`)
    const get = (row: ReadonlyMap<string, Value>): Value => {
      const raw = row.get(key)!
      return NUMERIC.has(type) ? Number(raw) : raw
    }
    if (word('BETWEEN')) {
      i++
      const low = literal(type)
      if (!word('AND')) return fail()
      i++
      const high = literal(type)
      return row => get(row) >= low && get(row) <= high
    }
    if (word('IN')) {
      i++
      if (tokens[i++]?.text !== '(') return fail()
      const list: Value[] = [literal(type)]
      while (peek()?.kind === 'comma') {
        i++
        list.push(literal(type))
      }
      if (tokens[i++]?.text !== ')') return fail()
      return row => list.includes(get(row))
    }
    if (word('LIKE')) {
      i++
      const pattern = String(literal('string'))
      const regex = new RegExp(
        `^${pattern
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.')}$`,
        's'
      )
      return row => regex.test(String(get(row)))
    }
    const op = tokens[i++]
    if (!op || op.kind !== 'op') return fail()
    const value = literal(type)
    switch (op.text) {
      case '=':
        return row => get(row) === value
      case '<>':
      case '!=':
        return row => get(row) !== value
      case '<':
        return row => get(row) < value
      case '<=':
        return row => get(row) <= value
      case '>':
        return row => get(row) > value
      default:
        return row => get(row) >= value
    }
  }

  function primary(): Predicate {
    if (word('NOT')) {
      i++
      const inner = primary()
      return row => !inner(row)
    }
    if (peek()?.text === '(' && peek()?.kind === 'paren') {
      i++
      const inner = or()
      if (tokens[i++]?.text !== ')') return fail()
      return inner
    }
    return comparison()
  }

  function and(): Predicate {
    let left = primary()
    while (word('AND')) {
      i++
      const l = left
      const r = primary()
      left = row => l(row) && r(row)
    }
    return left
  }

  function or(): Predicate {
    let left = and()
    while (word('OR')) {
      i++
      const l = left
      const r = and()
      left = row => l(row) || r(row)
    }
    return left
  }

  if (tokens.length === 0) return () => true
  const predicate = or()
  if (i !== tokens.length) fail()
  return predicate
}
