// The README's picture of the step summary (docs/summary.png): the default demo is run (the
// bundle, dist/index.js, against the local stand-in, about 25 s), its summary rendered as
// GitHub renders it (scripts/gfm.ts) in a page that looks like GitHub's run page card
// (scripts/summary-page.ts), and photographed by headless Chromium, cut to the card's height.
//
//   npx tsx scripts/screenshot.ts                      docs/summary.png of the default demo
//   npx tsx scripts/screenshot.ts --fresh-snapshot     of another demo (any demo option)
//   npx tsx scripts/screenshot.ts --out <file.png>     somewhere else
//   npx tsx scripts/screenshot.ts --open               with every <details> block opened
//   npx tsx scripts/screenshot.ts --html <file.html>   of a page already written (the demo's
//                                                      demo-output/summary.html), no run
//
// It needs dist/ built (npm run build) and Chromium: /usr/bin/chromium, or CHROMIUM=<path>
// (apt-get install -y chromium). Fonts change the picture: the committed one was taken with
// Liberation Sans, DejaVu Sans Mono and Noto Color Emoji (Debian's fonts-liberation,
// fonts-dejavu-core, fonts-noto-color-emoji).
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTION_ENTRY } from '../test/support/run-action.js'
import { type Demo, parseDemoArgs, runDemo } from './demo-run.js'
import { summaryPage } from './summary-page.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_OUT = join(ROOT, 'docs', 'summary.png')
export const WINDOW_WIDTH = 1100
/** The tallest picture taken; a longer page is cut here. */
export const MAX_HEIGHT = 2400
const MARK = 'data-page-height'
/** The moment the pictured run starts, every time: the picture changes only when the action's
 * summary does, not with the day it is taken. */
export const SCREENSHOT_NOW = new Date('2026-11-25T08:46:00Z')

export interface ScreenshotArgs {
  out: string
  open: boolean
  html?: string
  demoArgs: string[]
}

export function parseScreenshotArgs(argv: string[]): ScreenshotArgs {
  const args: ScreenshotArgs = { out: DEFAULT_OUT, open: false, demoArgs: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--out' || arg === '--html') {
      const value = argv[++i]
      if (!value || value.startsWith('--')) throw new Error(`${arg} needs a file name.`)
      if (arg === '--out') args.out = resolve(value)
      else args.html = resolve(value)
    } else if (arg === '--open') {
      args.open = true
    } else {
      args.demoArgs.push(arg)
    }
  }
  return args
}

/** Chromium's command line for one picture (or, without `screenshot`, for the DOM). */
export function chromiumArgs(options: {
  profile: string
  url: string
  height: number
  screenshot?: string
}): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${options.profile}`,
    `--window-size=${WINDOW_WIDTH},${options.height}`,
    ...(options.screenshot
      ? [`--screenshot=${options.screenshot}`]
      : ['--virtual-time-budget=2000', '--dump-dom']),
    options.url
  ]
}

/** A script for the page: once laid out, it writes the page's height on <html>, for --dump-dom. */
const MEASURE = `<script>
  addEventListener('load', () => {
    document.documentElement.setAttribute('${MARK}', String(Math.ceil(document.documentElement.getBoundingClientRect().height)))
  })
</script>
`

/** <details> as GitHub shows them once clicked. */
function opened(html: string): string {
  return html.replace(/<details>/g, '<details open>')
}

function chromium(args: string[]): Promise<string> {
  const binary = process.env.CHROMIUM ?? '/usr/bin/chromium'
  if (!existsSync(binary)) {
    throw new Error(`No Chromium at ${binary}: apt-get install -y chromium, or set CHROMIUM.`)
  }
  return new Promise((done, fail) =>
    execFile(binary, args, { timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? fail(new Error(`${binary} failed: ${error.message}\n${stderr}`)) : done(stdout)
    )
  )
}

/** The page the picture is of: from a file, or from a run of the demo. */
async function pageOf(args: ScreenshotArgs, demo: Demo): Promise<string> {
  if (args.html) return readFileSync(args.html, 'utf8')
  if (!existsSync(ACTION_ENTRY)) throw new Error('No dist/index.js: run npm run build first.')
  process.stdout.write(`Running the demo${demo.flag ? ` ${demo.flag}` : ''} (about 25 s)...\n`)
  const run = await runDemo(demo, { now: SCREENSHOT_NOW })
  if (run.result.exitCode !== 0) {
    throw new Error(`The demo's step failed (exit code ${run.result.exitCode}):\n${run.result.log}`)
  }
  if (run.leaks.length > 0)
    throw new Error(`Secrets in the step's output:\n${run.leaks.join('\n')}`)
  return summaryPage({
    title: 'Step summary',
    job: demo.job,
    bodyHtml: run.summaryHtml
  })
}

async function main(argv: string[]): Promise<number> {
  const args = parseScreenshotArgs(argv)
  const { demo, help } = parseDemoArgs(args.demoArgs)
  if (help) {
    const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]
    process.stdout.write(`${header?.replace(/^\/\/ ?/gm, '')}\n`)
    return 0
  }
  let page = await pageOf(args, demo)
  if (args.open) page = opened(page)
  page = page.replace('</body>', `${MEASURE}</body>`)

  const dir = mkdtempSync(join(tmpdir(), 'rds-export-screenshot-'))
  try {
    const file = join(dir, 'page.html')
    writeFileSync(file, page)
    const url = `file://${file}`
    const profile = join(dir, 'profile')
    // First the page's height, then a window that tall.
    const dom = await chromium(chromiumArgs({ profile, url, height: 800 }))
    const measured = Number(new RegExp(`${MARK}="(\\d+)"`).exec(dom)?.[1])
    if (!(measured > 0)) throw new Error("Chromium's page did not say its height.")
    const height = Math.min(measured, MAX_HEIGHT)
    await chromium(chromiumArgs({ profile, url, height, screenshot: args.out }))
    const kib = Math.round(statSync(args.out).size / 1024)
    process.stdout.write(
      `${relative(process.cwd(), args.out) || args.out}: ${WINDOW_WIDTH}x${height} px, ${kib} KiB` +
        `${measured > MAX_HEIGHT ? ` (the page is ${measured} px tall: cut at ${MAX_HEIGHT})` : ''}\n`
    )
    return 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = 1
  }
}
