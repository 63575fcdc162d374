// The demo's renderer of the step summary (scripts/markdown.ts): the subset the action writes,
// and nothing from AWS turning into markup.
import { describe, expect, test } from '@jest/globals'
import { markdownToHtml, markdownToText, parseMarkdown } from '../scripts/markdown.js'
import { renderSummary } from '../src/report/summary.js'

describe('markdownToHtml', () => {
  test('headings, key-value and headed tables, lists, bold, code, links and escapes', () => {
    const html = markdownToHtml(
      [
        '## ✅ Export complete',
        '',
        '| | |',
        '| --- | --- |',
        '| Status | IN\\_PROGRESS |',
        '| S3 location | [s3://b/p/](https://console.aws.amazon.com/s3/buckets/b?region=us-east-1&prefix=p%2F) |',
        '| Pipe | a \\| b |',
        '',
        '### Timeline',
        '',
        '| Time | Status |',
        '| --- | --- |',
        '| 09:00 | STARTING |',
        '',
        '- one `code` item',
        '- **two**',
        '',
        '**Hint:** first<br>',
        'second &amp; _third_'
      ].join('\n')
    )
    expect(html).toBe(
      [
        '<h2>✅ Export complete</h2>',
        '<table><tbody>',
        '<tr><td>Status</td><td>IN_PROGRESS</td></tr>',
        '<tr><td>S3 location</td><td><a href="https://console.aws.amazon.com/s3/buckets/b?region=us-east-1&amp;prefix=p%2F" rel="noopener noreferrer">s3://b/p/</a></td></tr>',
        '<tr><td>Pipe</td><td>a | b</td></tr>',
        '</tbody></table>',
        '<h3>Timeline</h3>',
        '<table><thead><tr><th>Time</th><th>Status</th></tr></thead><tbody>',
        '<tr><td>09:00</td><td>STARTING</td></tr>',
        '</tbody></table>',
        '<ul>',
        '  <li>one <code>code</code> item</li>',
        '  <li><strong>two</strong></li>',
        '</ul>',
        '<p><strong>Hint:</strong> first<br>second &amp; <em>third</em></p>'
      ].join('\n')
    )
  })

  test('raw HTML and non-web links stay text', () => {
    const html = markdownToHtml(
      'x <img src=x onerror=alert(1)> [click](javascript:alert(1)) <script>y</script>'
    )
    expect(html).not.toMatch(/<img|<script|href=/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('click')
  })

  test("a hostile failure cause in the action's own summary renders as text", () => {
    const markdown = renderSummary({
      outcome: 'failed',
      region: 'us-east-1',
      timeline: [],
      task: {
        ExportTaskIdentifier: 'x',
        Status: 'FAILED',
        FailureCause: '<img src=x onerror=alert(1)> **[a](javascript:alert(1))** | `c`'
      }
    })
    const html = markdownToHtml(markdown)
    expect(html).not.toMatch(/<img|javascript:alert\(1\)"|<a href="javascript/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(parseMarkdown(markdown)[0]).toMatchObject({ kind: 'heading', level: 2 })
  })
})

describe('markdownToText', () => {
  test('aligns tables, underlines headings and shows links as their text', () => {
    const text = markdownToText(
      [
        '## Done',
        '',
        '| | |',
        '| --- | --- |',
        '| Status | COMPLETE |',
        '| S3 location | [s3://b/p/](https://example.com) |'
      ].join('\n')
    )
    expect(text).toBe(
      ['Done', '────', '', '  Status        COMPLETE', '  S3 location   s3://b/p/'].join('\n')
    )
  })
})
