// The rendered step summary (scripts/gfm.ts) as terminal text, for `npm run demo`: headings
// underlined, tables aligned (header rows bold, empty ones too, as GitHub draws them), lists
// bulleted, a <details> block shown open under its summary, links as their text.
import { decodeEntities, tokenize, type Token } from './gfm.js'

export interface TextStyle {
  bold: (text: string) => string
  dim: (text: string) => string
}

const PLAIN: TextStyle = { bold: t => t, dim: t => t }

/** Display width, near enough for this output: code points, ANSI styling left out. */
function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length
}

interface Row {
  cells: string[]
  head: boolean
}

function alignTable(rows: Row[], style: TextStyle): string {
  const widths: number[] = []
  for (const row of rows) {
    row.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))))
  }
  const line = (cells: string[]): string =>
    widths
      .map((w, i) => (cells[i] ?? '') + ' '.repeat(w - width(cells[i] ?? '')))
      .join('   ')
      .trimEnd()
  const lines: string[] = []
  rows.forEach((row, i) => {
    lines.push(row.head ? style.bold(line(row.cells)) : line(row.cells))
    if (row.head && !rows[i + 1]?.head) {
      lines.push(style.dim(widths.map(w => '─'.repeat(Math.max(w, 1))).join('   ')))
    }
  })
  return lines.map(l => `  ${l}`).join('\n')
}

/** Reads the tokens in order and keeps the blocks they make. */
class TextWriter {
  readonly blocks: string[] = []
  private inline = ''
  private readonly boldFrom: number[] = []
  private listDepth = 0
  private items: string[] = []
  private rows: Row[] = []
  private row: string[] = []
  private inHead = false
  private inPre = false

  constructor(private readonly style: TextStyle) {}

  add(token: Token): void {
    if (token.kind === 'text') {
      const text = decodeEntities(token.text)
      this.inline += this.inPre ? text : text.replace(/\s*\n\s*/g, ' ')
    } else if (token.kind === 'open') {
      this.open(token.name)
    } else {
      this.close(token.name)
    }
  }

  private take(): string {
    const text = this.inline.trim()
    this.inline = ''
    return text
  }

  private open(name: string): void {
    if (name === 'br') this.inline += '\n'
    else if (name === 'strong' || name === 'b') this.boldFrom.push(this.inline.length)
    else if (name === 'ul' || name === 'ol') this.listDepth++
    else if (name === 'thead') this.inHead = true
    else if (name === 'pre') this.inPre = true
    else if (name === 'tr') this.row = []
    else if (name === 'table') this.rows = []
  }

  private close(name: string): void {
    const { style } = this
    if (/^h[1-6]$/.test(name)) {
      const title = style.bold(this.take())
      this.blocks.push(Number(name[1]) <= 2 ? `${title}\n${'─'.repeat(width(title))}` : title)
    } else if (name === 'strong' || name === 'b') {
      const from = this.boldFrom.pop() ?? 0
      this.inline = this.inline.slice(0, from) + style.bold(this.inline.slice(from))
    } else if (name === 'p' && this.listDepth === 0) {
      this.blocks.push(this.take())
    } else if (name === 'li') {
      this.items.push(`${'  '.repeat(this.listDepth)}• ${this.take().replace(/\n/g, '\n    ')}`)
    } else if ((name === 'ul' || name === 'ol') && --this.listDepth === 0) {
      this.blocks.push(this.items.join('\n'))
      this.items = []
    } else if (name === 'th' || name === 'td') {
      this.row.push(this.take().replace(/\n/g, ' '))
    } else if (name === 'tr') {
      this.rows.push({ cells: this.row, head: this.inHead })
    } else if (name === 'thead') {
      this.inHead = false
    } else if (name === 'table') {
      this.blocks.push(alignTable(this.rows, style))
    } else if (name === 'summary') {
      this.blocks.push(`▸ ${style.bold(this.take())}`)
    } else if (name === 'pre') {
      this.inPre = false
      this.blocks.push(this.inline.replace(/\n$/, ''))
      this.inline = ''
    }
  }
}

/** Rendered summary HTML as terminal text, blocks apart by a blank line. */
export function htmlToText(html: string, style: TextStyle = PLAIN): string {
  const writer = new TextWriter(style)
  for (const token of tokenize(html)) writer.add(token)
  return writer.blocks.filter(block => block !== '').join('\n\n')
}
