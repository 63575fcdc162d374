// Answers changed on their way out, for the hardening tests: garbled (cut short, broken, or
// empty, so the client's parser fails or finds nothing) and crafted (chosen strings in chosen
// fields, delivered so that the SDK parses them back exactly). Both go by the answer's
// content-type: JSON for Glue and the OIDC endpoint, XML for everything else.
import type { ServiceAnswer } from './service.js'
import { escapeXml } from './xml.js'

export type Garble = 'truncated' | 'malformed' | 'empty'

/** What the fields of a crafted answer say. */
export interface Craft {
  /** Field name -> the string it says: every field of that name in the answer, at any depth (an
   * XML element holding only text, or a JSON key holding a scalar). */
  fields: Record<string, string>
  /** Where a field the answer lacks is added: each XML element of this name (`ExportTask`,
   * `DBSnapshot`, `StartExportTaskResult`), or each JSON object under this key (or each object
   * of the array under it). Without it, only fields the answer has are changed. */
  record?: string
}

/**
 * truncated: the first half of the body's bytes; malformed: the whole body with its last closing
 * tag misspelled (XML) or its last `}` turned into `]` (JSON); empty: no body at all.
 */
export function garble(answer: ServiceAnswer, how: Garble): ServiceAnswer {
  const body = Buffer.from(answer.body ?? '')
  if (how === 'empty') return { ...answer, body: '' }
  if (how === 'truncated') return { ...answer, body: body.subarray(0, Math.floor(body.length / 2)) }
  const text = body.toString('utf8')
  const broken = isJson(answer)
    ? text.replace(/\}(?=[^}]*$)/, ']')
    : text.replace(/<\/([^<>]+)>(?![^]*<\/)/, '</$1-garbled>')
  return { ...answer, body: broken }
}

export function craft(answer: ServiceAnswer, how: Craft): ServiceAnswer {
  const text = Buffer.from(answer.body ?? '').toString('utf8')
  return { ...answer, body: isJson(answer) ? craftJson(text, how) : craftXml(text, how) }
}

function craftXml(xml: string, { fields, record }: Craft): string {
  let result = xml
  for (const [name, value] of Object.entries(fields)) {
    const element = `<${name}>${xmlText(value)}</${name}>`
    result = result.replace(
      new RegExp(`<${name}(?:>[^<]*</${name}>|\\s*/>)`, 'g'),
      // A function, so that `$` in the value is taken as it is.
      () => element
    )
    if (record !== undefined) {
      result = result.replace(new RegExp(`<${record}>([^]*?)</${record}>`, 'g'), (whole, inner) =>
        String(inner).includes(`<${name}>`) ? whole : `<${record}>${inner}${element}</${record}>`
      )
    }
  }
  return result
}

/** Text as XML carries it exactly to the SDK's parser: escaped, and a carriage return as a
 * reference (the parser turns a literal one into a line feed before it reads the document). */
function xmlText(value: string): string {
  return escapeXml(value).replace(/\r/g, '&#13;')
}

function craftJson(text: string, { fields, record }: Craft): string {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return text // nothing to craft in a body that isn't JSON
  }
  const visit = (value: unknown, inRecord: boolean): void => {
    if (Array.isArray(value)) return value.forEach(item => visit(item, inRecord))
    if (typeof value !== 'object' || value === null) return
    const object = value as Record<string, unknown>
    for (const [name, said] of Object.entries(fields)) {
      const scalar = typeof object[name] !== 'object' || object[name] === null
      if ((name in object && scalar) || (inRecord && !(name in object))) object[name] = said
    }
    for (const [key, child] of Object.entries(object)) visit(child, key === record)
  }
  visit(document, false)
  return JSON.stringify(document)
}

function isJson(answer: ServiceAnswer): boolean {
  return /json/i.test(answer.headers?.['content-type'] ?? '')
}
