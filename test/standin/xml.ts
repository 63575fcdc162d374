// XML for the AWS Query protocol: the envelopes RDS and STS answer with, and small builders for
// their result bodies. Answers are strings; the SDK's own parser reads them in the tests.

export type XmlScalar = string | number | boolean | Date | undefined | null

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** ISO 8601 with milliseconds, as RDS writes timestamps. */
export function xmlTime(date: Date): string {
  return date.toISOString()
}

/** One element; nothing at all when the value is undefined or null (AWS omits empty fields). */
export function tag(name: string, value: XmlScalar): string {
  if (value === undefined || value === null) return ''
  const text = value instanceof Date ? xmlTime(value) : escapeXml(String(value))
  return `<${name}>${text}</${name}>`
}

/** An element holding already built XML. */
export function wrap(name: string, innerXml: string): string {
  return `<${name}>${innerXml}</${name}>`
}

/** A record of fields in order, skipping undefined ones. */
export function fields(record: Record<string, XmlScalar>): string {
  return Object.entries(record)
    .map(([name, value]) => tag(name, value))
    .join('')
}

/** A wrapped list: <ExportOnly><member>a</member></ExportOnly>. */
export function list(name: string, memberName: string, membersXml: string[]): string {
  return wrap(name, membersXml.map(m => wrap(memberName, m)).join(''))
}

export function stringList(name: string, memberName: string, values: string[]): string {
  return list(name, memberName, values.map(escapeXml))
}

/** <XResponse xmlns=..><XResult>..</XResult><ResponseMetadata><RequestId>..</RequestId>.. */
export function queryResponse(
  action: string,
  namespace: string,
  resultXml: string,
  requestId: string
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${resultXml}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  )
}

/** The Query protocol's error document, shared by RDS and STS. */
export function queryError(
  namespace: string,
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse xmlns="${namespace}">` +
    `<Error>${tag('Type', type)}${tag('Code', code)}${tag('Message', message)}</Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>\n`
  )
}
