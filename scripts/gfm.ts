// The step summary as GitHub shows it, for the demo's preview: GitHub Flavored Markdown rendered
// by micromark with its GFM extension, then the HTML cleaned the way GitHub cleans it (an
// allowlist of elements, attributes and URL schemes, after html-pipeline's SanitizationFilter),
// so raw HTML the summary may use (<details>, <br>) works and nothing else gets through. Also
// the same HTML as terminal text, and a finder of the empty header rows GitHub draws as a bar.
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

const ELEMENTS = new Set(
  `h1 h2 h3 h4 h5 h6 br b i strong em a pre code img tt div ins del sup sub p ol ul table thead
  tbody tfoot blockquote dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike summary
  details caption figure figcaption abbr bdo cite dfn mark small span time wbr`.split(/\s+/)
)
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr'])
/** Elements dropped with everything inside them, not just their tags. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style'])
const ANY_ELEMENT_ATTRIBUTES = new Set(
  `abbr accept accept-charset accesskey action align alt aria-describedby aria-hidden aria-label
  aria-labelledby axis border cellpadding cellspacing char charoff charset checked clear cols
  colspan color compact coords datetime dir disabled enctype for frame headers height hreflang
  hspace id ismap label lang maxlength media method multiple name nohref noshade nowrap open
  progress prompt readonly rel rev role rows rowspan rules scope selected shape size span start
  summary tabindex title type usemap valign value width itemprop`.split(/\s+/)
)
const ELEMENT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'longdesc'],
  div: ['itemscope', 'itemtype'],
  blockquote: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  q: ['cite']
}
/** URL attributes and the schemes they may use; a URL without a scheme (relative) is fine. */
const URL_SCHEMES: Record<string, string[]> = {
  href: ['http', 'https', 'mailto'],
  src: ['http', 'https'],
  longdesc: ['http', 'https'],
  cite: ['http', 'https']
}

export type Token =
  | { kind: 'open'; name: string; attributes: [string, string][] }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }

const TAG =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y
const COMMENT = /<!--[\s\S]*?-->/y
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

/**
 * HTML as tags and text (as written, character references and all); a `<` that starts no
 * well-formed tag is text. Attribute values are decoded, as a browser reads them.
 */
export function tokenize(html: string): Token[] {
  const tokens: Token[] = []
  let text = ''
  for (let i = 0; i < html.length;) {
    TAG.lastIndex = COMMENT.lastIndex = i
    const tag = html[i] === '<' ? TAG.exec(html) : null
    const comment = html[i] === '<' && !tag ? COMMENT.exec(html) : null
    if (!tag && !comment) {
      text += html[i++]
      continue
    }
    if (text) tokens.push({ kind: 'text', text })
    text = ''
    i += (tag ?? comment)![0].length
    if (!tag) continue
    const name = tag[2]!.toLowerCase()
    if (tag[1]) {
      tokens.push({ kind: 'close', name })
    } else {
      const attributes = [...tag[3]!.matchAll(ATTRIBUTE)].map(
        m => [m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')] as [string, string]
      )
      tokens.push({ kind: 'open', name, attributes })
    }
  }
  if (text) tokens.push({ kind: 'text', text })
  return tokens
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  tab: '\t',
  newline: '\n'
}

/** Character references as a browser reads them; an unknown name stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
  })
}

/** Text as HTML: `<` and `>` escaped, and `&` unless it starts a character reference. */
function escapeText(text: string): string {
  return text
    .replace(/&(?!(?:#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Whether GitHub keeps this attribute on this element, its URL checked. */
function keepAttribute(element: string, name: string, value: string): boolean {
  if (!ANY_ELEMENT_ATTRIBUTES.has(name) && !ELEMENT_ATTRIBUTES[element]?.includes(name)) {
    return false
  }
  const schemes = URL_SCHEMES[name]
  if (!schemes) return true
  // Browsers ignore control characters and spaces in a scheme (`java\tscript:`).
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]
  return scheme === undefined || schemes.includes(scheme.toLowerCase())
}

/** Only GitHub's allowed elements and attributes, every tag written anew from its parts. */
export function sanitizeHtml(html: string): string {
  let out = ''
  let droppedUntil: string | undefined
  for (const token of tokenize(html)) {
    if (droppedUntil) {
      if (token.kind === 'close' && token.name === droppedUntil) droppedUntil = undefined
    } else if (token.kind === 'text') {
      out += escapeText(token.text)
    } else if (DROPPED_WITH_CONTENT.has(token.name)) {
      if (token.kind === 'open') droppedUntil = token.name
    } else if (!ELEMENTS.has(token.name)) {
      continue
    } else if (token.kind === 'close') {
      if (!VOID_ELEMENTS.has(token.name)) out += `</${token.name}>`
    } else {
      const attributes = token.attributes
        .filter(([name, value]) => keepAttribute(token.name, name, value))
        // GitHub prefixes ids and names so that no summary can clash with the page's own.
        .map(([name, value]) =>
          name === 'id' || name === 'name' ? [name, `user-content-${value}`] : [name, value]
        )
        .map(([name, value]) => ` ${name}="${escapeHtml(value!)}"`)
      out += `<${token.name}${attributes.join('')}>`
    }
  }
  return out
}

/** GitHub Flavored Markdown as GitHub renders and cleans it. */
export function renderGfm(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  })
  return sanitizeHtml(html)
}

/**
 * The tables whose header row has only empty cells (`| | |` above `| --- | --- |`): GitHub draws
 * them as a bar with nothing in it. Each as its first body row, `Status | COMPLETE`.
 */
export function emptyHeaderRows(html: string): string[] {
  const found: string[] = []
  for (const [, table = ''] of html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)) {
    const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(table)?.[1]
    if (head === undefined) continue
    const cells = [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map(m => plain(m[1] ?? ''))
    if (cells.some(cell => cell !== '')) continue
    const body = /<tbody[^>]*>[\s\S]*?<tr[^>]*>([\s\S]*?)<\/tr>/.exec(table)?.[1] ?? ''
    const first = [...body.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(m => plain(m[1] ?? ''))
    found.push(first.join(' | '))
  }
  return found
}

/** The text of a piece of HTML, tags left out. */
function plain(html: string): string {
  return decodeEntities(
    tokenize(html)
      .map(token => (token.kind === 'text' ? token.text : ''))
      .join('')
  ).trim()
}

// GFM's extended e-mail autolink: local part, `@`, a domain with at least one period, not
// ending in `-` or `_`.
const EMAIL_AUTOLINK = /[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/g

/**
 * The e-mail addresses GitHub would turn into `mailto:` links in this HTML's text. cmark-gfm finds
 * them in the text after parsing, backslash escapes and character references already undone,
 * where micromark finds them while parsing (so it misses `a\@b.c`): this looks where GitHub does.
 */
export function emailAutolinks(html: string): string[] {
  const found: string[] = []
  let linked = 0
  for (const token of tokenize(html)) {
    if (token.kind === 'open' && token.name === 'a') linked++
    else if (token.kind === 'close' && token.name === 'a') linked = Math.max(0, linked - 1)
    else if (token.kind === 'text' && linked === 0) {
      for (const [address] of decodeEntities(token.text).matchAll(EMAIL_AUTOLINK)) {
        const end = address.replace(/[-_]+$/, '')
        if (/@[^.]+\.[^.]/.test(end)) found.push(end)
      }
    }
  }
  return found
}
