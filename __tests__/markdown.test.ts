// The demo's preview of the step summary: GFM rendered by micromark and cleaned as GitHub cleans
// it (scripts/gfm.ts), the same HTML as terminal text (scripts/terminal.ts), and the finder of
// empty header rows that summary tests can use.
import { describe, expect, test } from '@jest/globals'
import { decodeEntities, emptyHeaderRows, renderGfm, sanitizeHtml } from '../scripts/gfm.js'
import { htmlToText } from '../scripts/terminal.js'
import { renderSummary } from '../src/report/summary.js'
import { cases } from '../__fixtures__/cases.js'
import { bareSummary } from '../__fixtures__/summary.js'

const oneLine = (html: string): string => html.replace(/\n/g, '')

describe('renderGfm', () => {
  test('tables, alignment, lists, emphasis, code, links and escapes as GitHub renders them', () => {
    const html = renderGfm(
      [
        '## ✅ Export complete',
        '',
        '| Field | Value |',
        '| --- | ---: |',
        '| Status | IN\\_PROGRESS |',
        '| S3 location | [s3://b/p/](https://console.aws.amazon.com/s3/buckets/b?region=us-east-1&prefix=p%2F) |',
        '| Pipe | a \\| b |',
        '',
        '- one `code` item',
        '- **two**',
        '',
        '**Hint:** first<br>',
        'second &amp; _third_'
      ].join('\n')
    )
    expect(oneLine(html)).toBe(
      [
        '<h2>✅ Export complete</h2>',
        '<table><thead><tr><th>Field</th><th align="right">Value</th></tr></thead><tbody>',
        '<tr><td>Status</td><td align="right">IN_PROGRESS</td></tr>',
        '<tr><td>S3 location</td><td align="right"><a href="https://console.aws.amazon.com/s3/buckets/b?region=us-east-1&amp;prefix=p%2F">s3://b/p/</a></td></tr>',
        '<tr><td>Pipe</td><td align="right">a | b</td></tr>',
        '</tbody></table>',
        '<ul><li>one <code>code</code> item</li><li><strong>two</strong></li></ul>',
        '<p><strong>Hint:</strong> first<br>second &amp; <em>third</em></p>'
      ].join('')
    )
  })

  test('an empty header row stays, as GitHub shows it', () => {
    const html = renderGfm('| | |\n| --- | --- |\n| Status | COMPLETE |')
    expect(oneLine(html)).toContain('<thead><tr><th></th><th></th></tr></thead>')
  })

  test('<details> and <summary>, which GitHub allows, work', () => {
    const html = renderGfm(
      '<details><summary>Details</summary>\n\n| Time | Status |\n| --- | --- |\n| 09:00 | STARTING |\n\n</details>'
    )
    expect(oneLine(html)).toBe(
      '<details><summary>Details</summary><table><thead><tr><th>Time</th><th>Status</th></tr></thead>' +
        '<tbody><tr><td>09:00</td><td>STARTING</td></tr></tbody></table></details>'
    )
  })
})

describe('GitHub’s cleaning', () => {
  cases('drops %s', (_what: string, input: string) => sanitizeHtml(input), [
    ['an event handler', '<img src="x.png" onerror="alert(1)">', '<img src="x.png">'],
    ['a script, and what is in it', 'a<script>alert(1)</script>b', 'ab'],
    ['a style element', '<style>body{display:none}</style>ok', 'ok'],
    ['a style attribute', '<p style="position:fixed">x</p>', '<p>x</p>'],
    ['an element GitHub does not allow', '<form action="/x"><input name="q"></form>', ''],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['a scheme hidden by a tab', '<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['a scheme hidden by an entity', '<a href="javascript&colon;alert(1)">x</a>', '<a>x</a>'],
    ['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img>'],
    [
      'a target (rel stays)',
      '<a href="https://e.com" target="_blank" rel="x">e</a>',
      '<a href="https://e.com" rel="x">e</a>'
    ],
    ['a comment', 'a<!-- <img src=x onerror=alert(1)> -->b', 'ab'],
    ['a broken tag', '<img src=x onerror=alert(1)//', '&lt;img src=x onerror=alert(1)//']
  ])

  test('keeps what GitHub keeps: relative and web links, ids prefixed, mailto', () => {
    expect(
      sanitizeHtml(
        '<a href="#top" id="top">t</a><a href="mailto:a@b.c">m</a><div align="center">x &hellip; y</div>'
      )
    ).toBe(
      '<a href="#top" id="user-content-top">t</a><a href="mailto:a@b.c">m</a><div align="center">x &hellip; y</div>'
    )
  })

  test('raw HTML and non-web links in markdown end as text or nothing', () => {
    const html = renderGfm(
      'x <img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>y</script> <iframe src="https://e.com"></iframe>'
    )
    expect(html).not.toMatch(/onerror|<script|<iframe|javascript:/)
    expect(html).toContain('<img src="x">')
    expect(html).toContain('click')
  })

  test("a hostile failure cause in the action's own summary renders as text", () => {
    const markdown = renderSummary(
      bareSummary('failed', {
        task: {
          ExportTaskIdentifier: 'x',
          Status: 'FAILED',
          FailureCause: '<img src=x onerror=alert(1)> **[a](javascript:alert(1))** | `c`'
        }
      })
    )
    const html = renderGfm(markdown)
    // The only links are the action's own console links, never one from the cause.
    expect(html).not.toMatch(/<img|href="javascript:/)
    expect([...html.matchAll(/href="([^"]*)"/g)].map(m => m[1])).toEqual([
      'https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#exports-in-s3:'
    ])
    expect(decodeEntities(html)).toContain('<img src=x onerror=alert(1)>')
    expect(html).toMatch(/^<h2>/)
  })
})

describe('emptyHeaderRows', () => {
  test('finds the tables whose header row is empty, by their first row', () => {
    const tables = [
      '| | |\n| --- | --- |\n| Status | COMPLETE |',
      '| Time | Status |\n| --- | --- |\n| 09:00 | STARTING |',
      '|   | ` ` |\n| --- | --- |\n| **S3** | `s3://b/` |'
    ]
    const html = renderGfm(tables.join('\n\n'))
    expect(emptyHeaderRows(html)).toEqual(['Status | COMPLETE', 'S3 | s3://b/'])
  })

  test('finds none where every table has a header', () => {
    expect(emptyHeaderRows(renderGfm('| Field | Value |\n| --- | --- |\n| a | b |'))).toEqual([])
    expect(emptyHeaderRows(renderGfm('no tables at all'))).toEqual([])
  })
})

describe('htmlToText', () => {
  test('aligns tables, underlines headings, shows links as their text and details open', () => {
    const text = htmlToText(
      renderGfm(
        [
          '## Done',
          '',
          '| Field | Value |',
          '| --- | --- |',
          '| Status | COMPLETE |',
          '| S3 location | [s3://b/p/](https://example.com) |',
          '',
          '<details><summary>Timeline</summary>',
          '',
          '- 09:00 STARTING',
          '- 09:12 **IN_PROGRESS**',
          '',
          '</details>',
          '',
          'Hint: a<br>b &amp; c'
        ].join('\n')
      )
    )
    expect(text).toBe(
      [
        'Done',
        '────',
        '',
        '  Field         Value',
        '  ───────────   ─────────',
        '  Status        COMPLETE',
        '  S3 location   s3://b/p/',
        '',
        '▸ Timeline',
        '',
        '  • 09:00 STARTING',
        '  • 09:12 IN_PROGRESS',
        '',
        'Hint: a\nb & c'
      ].join('\n')
    )
  })

  test('an empty header row shows as the bar GitHub draws', () => {
    const text = htmlToText(renderGfm('| | |\n| --- | --- |\n| Status | COMPLETE |'))
    expect(text.split('\n')).toEqual(['  ', '  ──────   ────────', '  Status   COMPLETE'])
  })
})
