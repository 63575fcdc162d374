// The demo (scripts/demo.ts, demo-run.ts) and the README's screenshot (scripts/screenshot.ts,
// summary-page.ts), without running an export (that takes tens of seconds: npm run demo): the
// options and their documentation, every demo's inputs accepted by the action's own checks, the
// preview page, Chromium's command line.
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { parseInputs } from '../src/inputs/index.js'
import { SCENARIOS } from '../test/standin/scenarios.js'
import {
  DEFAULT_DEMO,
  DEMOS,
  RUN_ENV,
  clockOffsetEnv,
  helpText,
  parseDemoArgs
} from '../scripts/demo-run.js'
import { SCREENSHOT_NOW, chromiumArgs, parseScreenshotArgs } from '../scripts/screenshot.js'
import { summaryPage } from '../scripts/summary-page.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')

describe('npm run demo: options', () => {
  test('no option is the default demo: an export waited for, with Glue', () => {
    expect(parseDemoArgs([])).toEqual({ demo: DEFAULT_DEMO, help: false })
    expect(DEFAULT_DEMO.inputs).toMatchObject({ wait: 'true', 'glue-database': 'rds_exports' })
  })

  test('--fresh-snapshot: create-snapshot on the scenario where prod has no snapshot yet', () => {
    const { demo } = parseDemoArgs(['--fresh-snapshot'])
    expect(demo.scenario).toBe('demo-snapshot')
    expect(demo.inputs).toMatchObject({
      'create-snapshot': 'true',
      'db-instance-identifier': 'prod',
      wait: 'true'
    })
  })

  test('--help, an unknown option, two demos at once', () => {
    expect(parseDemoArgs(['--help']).help).toBe(true)
    expect(parseDemoArgs(['--busy', '-h'])).toMatchObject({ help: true, demo: { name: 'busy' } })
    expect(() => parseDemoArgs(['--fresh'])).toThrow(
      "Unknown option '--fresh'. Usage: npm run demo -- [--fresh-snapshot] | [--warnings] | [--busy] [--help]"
    )
    expect(() => parseDemoArgs(['--busy', '--warnings'])).toThrow('Pick one demo at a time')
  })

  test("every option is in --help and in demo.ts's header", () => {
    const header = read('scripts/demo.ts').split('\nimport ')[0] ?? ''
    for (const demo of DEMOS) {
      const flag = demo.flag ?? '(no option)'
      const line = helpText()
        .split('\n')
        .find(l => l.trim().startsWith(`${flag} `))
      expect(line?.trim().slice(flag.length).trim()).toBe(demo.help)
      if (demo.flag) expect(header).toContain(`npm run demo -- ${demo.flag}`)
    }
    expect(header).toContain('npm run demo -- --help')
  })

  test.each(DEMOS.map(d => [d.name, d] as const))(
    'the %s demo: a known scenario, inputs that action.yml declares and the action accepts',
    (_, demo) => {
      expect(SCENARIOS).toContain(demo.scenario)
      const action = parseYaml(read('action.yml')) as { inputs: Record<string, unknown> }
      expect(Object.keys(demo.inputs).filter(name => !(name in action.inputs))).toEqual([])
      const { warnings } = parseInputs(name => demo.inputs[name] ?? '', {
        AWS_REGION: 'us-east-1',
        ...RUN_ENV
      })
      expect(warnings).toEqual([])
    }
  )
})

describe('the preview page and the screenshot', () => {
  test("the summary in GitHub's card, named after the job, with nothing loaded from elsewhere", () => {
    const page = summaryPage({
      title: 'Export <x>',
      job: 'export',
      bodyHtml: '<h2>✅ Export complete</h2>',
      footer: 'by <npm run demo>'
    })
    expect(page).toContain('<title>Export &lt;x&gt;</title>')
    expect(page).toContain('<span>export summary</span>')
    expect(page).toContain('<div class="markdown-body">\n<h2>✅ Export complete</h2>\n</div>')
    expect(page).toContain('<footer>by &lt;npm run demo&gt;</footer>')
    expect(page).not.toMatch(/(src|href)=|@import|url\(/)
  })

  test('options: the demo to run, --out, --html, --open', () => {
    expect(parseScreenshotArgs([])).toEqual({
      out: path.join(root, 'docs', 'summary.png'),
      open: false,
      demoArgs: []
    })
    expect(
      parseScreenshotArgs(['--fresh-snapshot', '--out', 'a.png', '--html', 'b.html', '--open'])
    ).toEqual({
      out: path.resolve('a.png'),
      html: path.resolve('b.html'),
      open: true,
      demoArgs: ['--fresh-snapshot']
    })
    expect(() => parseScreenshotArgs(['--out'])).toThrow('--out needs a file name.')
  })

  test('Chromium runs headless, offline, in a profile of its own', () => {
    const args = chromiumArgs({
      profile: '/tmp/p',
      url: 'file:///tmp/page.html',
      height: 900,
      screenshot: '/tmp/s.png'
    })
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--user-data-dir=/tmp/p',
        '--screenshot=/tmp/s.png',
        '--window-size=1100,900'
      ])
    )
    expect(args.at(-1)).toBe('file:///tmp/page.html')
    expect(chromiumArgs({ profile: '/tmp/p', url: 'file:///x', height: 800 })).toContain(
      '--dump-dom'
    )
  })
})

describe("the screenshot's clock", () => {
  test('the step runs at SCREENSHOT_NOW whatever the day: Date.now(), new Date() and Date() alike', () => {
    const offsetMs = SCREENSHOT_NOW.getTime() - Date.now()
    const printed = execFileSync(
      process.execPath,
      [
        '-e',
        'console.log(JSON.stringify([Date.now(), new Date().getTime(), Date(), new Date(0).getTime()]))'
      ],
      { env: { PATH: process.env.PATH, ...clockOffsetEnv(offsetMs) }, encoding: 'utf8' }
    )
    const [now, constructed, called, epoch] = JSON.parse(printed) as [
      number,
      number,
      string,
      number
    ]
    for (const ms of [now, constructed, Date.parse(called)]) {
      expect(Math.abs(ms - SCREENSHOT_NOW.getTime())).toBeLessThan(10_000)
    }
    expect(epoch).toBe(0)
    expect(read('scripts/screenshot.ts')).toContain('runDemo(demo, { now: SCREENSHOT_NOW })')
  })
})
