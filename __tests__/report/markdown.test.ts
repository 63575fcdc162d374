// Text from AWS renders as the text it is: rendered the way GitHub renders a summary (GFM, here
// micromark with its GFM extension), it makes no link, list, heading, rule, table or tag.
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { emailAutolinks, renderGfm } from '../../scripts/gfm.js'
import {
  block,
  cell,
  codeBlock,
  escapeText,
  lines,
  trailingJson
} from '../../src/report/markdown.js'
import { JSON_TEXT_DEPTH } from '../../src/tables/fields.js'

const render = (markdown: string): string =>
  micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })

/** The HTML tags a rendered text holds, beyond the paragraph around it and hard breaks. */
const structure = (html: string): string[] =>
  [...html.matchAll(/<([a-z0-9]+)[\s>]/g)]
    .map(m => m[1] ?? '')
    .filter(t => !['p', 'br'].includes(t))

const CRAFTED = [
  'See https://evil.example/login for details',
  'http://169.254.169.254/latest/meta-data',
  'visit www.evil.example now',
  'mail admin@evil.example',
  'mailto:admin@evil.example',
  '1. first\n2. second',
  '3) third',
  '---',
  'Title\n===',
  '- item\n+ item',
  '# heading',
  '> quote',
  '<img src=x onerror=alert(1)>',
  '[click](https://evil.example)',
  '![x](https://evil.example/x.png)',
  '| a | b |\n| - | - |',
  '```\ncode\n```',
  '~~~',
  '**bold** _it_ ~~strike~~',
  '&lt;entity&gt; &amp; &#x3C;'
]

describe('AWS text stays text', () => {
  test.each(CRAFTED)('%j as a cell', text => {
    const html = render(`Failure: ${cell(text)}`)
    expect(structure(html)).toEqual([])
    expect(structure(render(`- ${cell(text)}`))).toEqual(['ul', 'li'])
    expect(structure(render(`| a |\n| --- |\n| ${cell(text)} |`)).sort()).toEqual(
      ['table', 'tbody', 'td', 'th', 'thead', 'tr', 'tr'].sort()
    )
  })

  test.each(CRAFTED)('%j as a block of lines', text => {
    expect(structure(render(block(text)))).toEqual([])
  })

  test('any text: no structure, and the words come through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text => {
        expect(structure(render(block(text)))).toEqual([])
        expect(structure(render(`Cause: ${cell(text)}`))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  test('the rendered text reads as the original (a word joiner aside)', () => {
    const html = render(cell('See https://evil.example and admin@evil.example, www.x.org'))
    expect(html.replace(/\u2060/g, '')).toContain(
      'See https://evil.example and admin@evil.example, www.x.org'
    )
  })

  test.each([
    'mail admin@evil.example',
    'ops+rds@corp.example.co.uk, db_team@x.io',
    'a.b-c@d-e.f_g',
    '@octocat and user@host.example.',
    'x\\@y.example'
  ])('%j makes no e-mail link where GitHub looks for one (after parsing)', text => {
    expect(emailAutolinks(text.replace(/\\/g, '')).length).toBeGreaterThan(0)
    for (const markdown of [cell(text), block(text), `- ${cell(text)}`, `| ${cell(text)} |`]) {
      expect(emailAutolinks(renderGfm(markdown))).toEqual([])
    }
  })

  test('any text made of address characters renders no e-mail link', () => {
    const char = fc.constantFrom(...'ab1.-_+@ :/\\&#;64x'.split(''))
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), chars => {
        const text = chars.join('')
        expect(emailAutolinks(renderGfm(`Cause: ${cell(text)}`))).toEqual([])
        expect(emailAutolinks(renderGfm(block(text)))).toEqual([])
      }),
      { numRuns: 1000 }
    )
  })

  test('escaping and line splitting are linear: 1 MB of hostile text is quick to judge', () => {
    const huge = ' '.repeat(500_000) + 'x' + '\n'.repeat(10) + 'www.'.repeat(50_000)
    expect(escapeText(huge).length).toBeGreaterThan(huge.length)
    expect(lines(huge)).toHaveLength(2)
  })
})

describe('trailingJson and codeBlock', () => {
  test('a text ending in a JSON array: its prose, and the JSON laid out', () => {
    expect(trailingJson('Add this: [{"Effect":"Allow"}]')).toEqual({
      prose: 'Add this:',
      json: '[\n  {\n    "Effect": "Allow"\n  }\n]'
    })
  })

  test('JSON nested as deep as jsonText shows is laid out; one level deeper stays prose', () => {
    const deep = (levels: number) => `Deep: ${'['.repeat(levels)}${']'.repeat(levels)}`
    expect(trailingJson(deep(JSON_TEXT_DEPTH))?.prose).toBe('Deep:')
    expect(trailingJson(deep(JSON_TEXT_DEPTH + 1))).toBeUndefined()
  })

  test.each([
    ['no JSON at all', 'Just words [1] {x}'],
    ['JSON followed by more words', 'Add [{"a":1}], or not.'],
    ['JSON nested past the bound', `Deep: ${'['.repeat(17)}${']'.repeat(17)}`],
    ['JSON nested 6,000 deep', `Deep: [${'['.repeat(6000)}${']'.repeat(6000)}]`],
    ['a scalar', 'Just "quoted"']
  ])('%s stays prose', (_, text) => {
    expect(trailingJson(text)).toBeUndefined()
  })

  test("the fence is longer than any run of backticks inside, so the code can't close it", () => {
    expect(codeBlock('a ``` b ```` c', 'json', '  ')).toEqual([
      '  `````json',
      '  a ``` b ```` c',
      '  `````'
    ])
    expect(codeBlock('{}', 'json')).toEqual(['```json', '{}', '```'])
  })
})
