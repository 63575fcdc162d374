// A small renderer for the markdown the action writes to the step summary, to show it outside
// GitHub: as an HTML page and as plain terminal text. It covers that subset only (headings,
// tables, lists, paragraphs, fenced code; bold, italic, code, links, backslash escapes, the
// entities &amp; &lt; &gt; and <br>) and treats everything else as text, so nothing in a value
// from AWS can turn into markup. Used by scripts/demo.ts.

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; text: string }

const TABLE_DELIMITER = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length;) {
    const line = lines[i] ?? ''
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (line.trim() === '') {
      i++
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2] ?? '' })
      i++
    } else if (line.startsWith('```')) {
      const body: string[] = []
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) {
        body.push(lines[i] ?? '')
      }
      blocks.push({ kind: 'code', text: body.join('\n') })
      i++
    } else if (line.trimStart().startsWith('|') && TABLE_DELIMITER.test(lines[i + 1] ?? '')) {
      const header = splitRow(line)
      const rows: string[][] = []
      for (i += 2; i < lines.length && (lines[i] ?? '').trimStart().startsWith('|'); i++) {
        rows.push(splitRow(lines[i] ?? ''))
      }
      blocks.push({ kind: 'table', header, rows })
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = []
      for (; i < lines.length && /^\s*[-*]\s+/.test(lines[i] ?? ''); i++) {
        items.push((lines[i] ?? '').replace(/^\s*[-*]\s+/, ''))
      }
      blocks.push({ kind: 'list', items })
    } else {
      const text: string[] = []
      for (; i < lines.length && isParagraphLine(lines[i] ?? ''); i++) text.push(lines[i] ?? '')
      blocks.push({ kind: 'paragraph', text: text.join('\n') })
    }
  }
  return blocks
}

function isParagraphLine(line: string): boolean {
  return (
    line.trim() !== '' &&
    !/^#{1,6}\s/.test(line) &&
    !line.startsWith('```') &&
    !/^\s*[-*]\s+/.test(line) &&
    !line.trimStart().startsWith('|')
  )
}

/** The cells of `| a | b \| c |`: split on unescaped pipes, outer ones dropped. */
function splitRow(line: string): string[] {
  const cells: string[] = []
  let current = ''
  const text = line.trim().replace(/^\|/, '')
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[++i]
    } else if (char === '|') {
      cells.push(current.trim())
      current = ''
    } else {
      current += char
    }
  }
  if (current.trim() !== '') cells.push(current.trim())
  return cells
}

// --- Inline -------------------------------------------------------------------------------

type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~<>&]/

export function parseInline(source: string): Inline[] {
  const out: Inline[] = []
  const text = (t: string): void => {
    const last = out[out.length - 1]
    if (last?.kind === 'text') last.text += t
    else out.push({ kind: 'text', text: t })
  }
  for (let i = 0; i < source.length;) {
    const rest = source.slice(i)
    const char = source[i] as string
    let m: RegExpExecArray | null
    if (char === '\\' && ESCAPABLE.test(source[i + 1] ?? '')) {
      text(source[i + 1] as string)
      i += 2
    } else if (char === '\n') {
      text(' ')
      i++
    } else if ((m = /^<br\s*\/?>\n?/i.exec(rest))) {
      out.push({ kind: 'break' })
      i += m[0].length
    } else if ((m = /^&(amp|lt|gt|quot|#39);/.exec(rest))) {
      text(ENTITIES[m[1] as string] as string)
      i += m[0].length
    } else if ((m = /^`([^`]+)`/.exec(rest))) {
      out.push({ kind: 'code', text: m[1] as string })
      i += m[0].length
    } else if ((m = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest))) {
      out.push({ kind: 'strong', children: parseInline(m[1] as string) })
      i += m[0].length
    } else if (
      (m = /^([_*])(?=\S)([\s\S]*?\S)\1(?![A-Za-z0-9])/.exec(rest)) &&
      !/[A-Za-z0-9]/.test(source[i - 1] ?? '')
    ) {
      out.push({ kind: 'em', children: parseInline(m[2] as string) })
      i += m[0].length
    } else if ((m = /^\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/.exec(rest))) {
      const href = m[2] as string
      const children = parseInline(m[1] as string)
      // Only web links; anything else (javascript:, data:) stays as its text.
      if (/^https?:\/\//i.test(href)) out.push({ kind: 'link', href, children })
      else out.push(...children)
      i += m[0].length
    } else {
      text(char)
      i++
    }
  }
  return out
}

// --- HTML ---------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map(node => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text)
        case 'break':
          return '<br>'
        case 'code':
          return `<code>${escapeHtml(node.text)}</code>`
        case 'strong':
          return `<strong>${inlineHtml(node.children)}</strong>`
        case 'em':
          return `<em>${inlineHtml(node.children)}</em>`
        case 'link':
          return `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer">${inlineHtml(node.children)}</a>`
      }
    })
    .join('')
}

const inline = (text: string): string => inlineHtml(parseInline(text))

export function markdownToHtml(markdown: string): string {
  return parseMarkdown(markdown)
    .map(block => {
      switch (block.kind) {
        case 'heading':
          return `<h${block.level}>${inline(block.text)}</h${block.level}>`
        case 'paragraph':
          return `<p>${inline(block.text)}</p>`
        case 'code':
          return `<pre><code>${escapeHtml(block.text)}</code></pre>`
        case 'list':
          return `<ul>\n${block.items.map(item => `  <li>${inline(item)}</li>`).join('\n')}\n</ul>`
        case 'table': {
          const hasHeader = block.header.some(cell => cell !== '')
          const head = hasHeader
            ? `<thead><tr>${block.header.map(c => `<th>${inline(c)}</th>`).join('')}</tr></thead>`
            : ''
          const body = block.rows
            .map(row => `<tr>${row.map(c => `<td>${inline(c)}</td>`).join('')}</tr>`)
            .join('\n')
          return `<table>${head}<tbody>\n${body}\n</tbody></table>`
        }
      }
    })
    .join('\n')
}

/** A whole page, styles inline, no external resources. */
export function htmlPage(title: string, bodyHtml: string, footer = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
         color: #1f2328; background: #f6f8fa; margin: 0; padding: 32px 16px; }
  main { max-width: 900px; margin: 0 auto; background: #fff; border: 1px solid #d0d7de;
         border-radius: 6px; padding: 8px 24px 24px; }
  h2 { border-bottom: 1px solid #d8dee4; padding-bottom: 6px; }
  h3 { margin-top: 24px; }
  table { border-collapse: collapse; margin: 12px 0; }
  th, td { border: 1px solid #d0d7de; padding: 6px 13px; text-align: left; vertical-align: top; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
         background: rgba(175, 184, 193, 0.2); padding: 2px 4px; border-radius: 4px; }
  a { color: #0969da; text-decoration: none; }
  a:hover { text-decoration: underline; }
  footer { max-width: 900px; margin: 12px auto 0; color: #59636e; font-size: 12px; }
</style>
</head>
<body>
<main>
${bodyHtml}
</main>
${footer ? `<footer>${escapeHtml(footer)}</footer>\n` : ''}</body>
</html>
`
}

// --- Terminal text -------------------------------------------------------------------------

export interface TextStyle {
  bold: (text: string) => string
  dim: (text: string) => string
}

const PLAIN: TextStyle = { bold: t => t, dim: t => t }

function inlineText(nodes: Inline[], style: TextStyle): string {
  return nodes
    .map(node => {
      switch (node.kind) {
        case 'text':
          return node.text
        case 'break':
          return '\n'
        case 'code':
          return node.text
        case 'strong':
          return style.bold(inlineText(node.children, style))
        case 'em':
          return inlineText(node.children, style)
        case 'link':
          return inlineText(node.children, style)
      }
    })
    .join('')
}

/** Display width, near enough for this output: code points, ANSI styling left out. */
function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length
}

/** The summary as terminal text: headings underlined, tables aligned, links as their text. */
export function markdownToText(markdown: string, style: TextStyle = PLAIN): string {
  const text = (source: string): string => inlineText(parseInline(source), style)
  return parseMarkdown(markdown)
    .map(block => {
      switch (block.kind) {
        case 'heading': {
          const title = text(block.text)
          return block.level <= 2
            ? `${style.bold(title)}\n${'─'.repeat(width(title))}`
            : style.bold(title)
        }
        case 'paragraph':
          return text(block.text)
        case 'code':
          return block.text
        case 'list':
          return block.items.map(item => `  • ${text(item).replace(/\n/g, '\n    ')}`).join('\n')
        case 'table': {
          const hasHeader = block.header.some(cell => cell !== '')
          const rows = [...(hasHeader ? [block.header] : []), ...block.rows].map(row =>
            row.map(cell => text(cell).replace(/\n/g, ' '))
          )
          const widths: number[] = []
          for (const row of rows) {
            row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))))
          }
          const line = (row: string[]): string =>
            row
              .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell)))
              .join('   ')
              .trimEnd()
          const lines = rows.map(line)
          if (hasHeader) {
            lines[0] = style.bold(lines[0] ?? '')
            lines.splice(1, 0, style.dim(widths.map(w => '─'.repeat(w)).join('   ')))
          }
          return lines.map(l => `  ${l}`).join('\n')
        }
      }
    })
    .join('\n\n')
}
