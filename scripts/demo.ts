// npm run demo: the bundled action (dist/index.js) runs as a workflow step would, against a local
// stand-in of RDS, STS, S3, the Glue Data Catalog and GitHub's OIDC endpoint. No AWS account and
// no network: everything listens on 127.0.0.1. The stand-in's clock runs about 117 times fast,
// so AWS's example export (263 GB, about 39 minutes) takes about 20 seconds; the action does not
// know.
//
//   npm run demo                      the newest snapshot of prod exported and waited for; its
//                                     tables reported and registered in Glue (rds_exports), an
//                                     Athena query per table in the summary (about 25 s)
//   npm run demo -- --fresh-snapshot  create-snapshot: true: a snapshot of prod taken now, waited
//                                     for until available, then exported (about 35 s)
//   npm run demo -- --warnings        the default run, but RDS skips a table and can't list a
//                                     database: the warnings in the log and the summary
//   npm run demo -- --busy            five exports of other teams hold every slot: the step
//                                     waits for one, then exports
//   npm run demo -- --help            these options
//
// It says what it is about to do, streams the step's log as a workflow run shows it, then prints
// the outputs and the step summary, and writes the summary as a page that looks like GitHub's
// (demo-output/summary.html; summary-<option>.html for the others), with the summary's markdown
// and the tables-file next to it. `npm run demo` builds dist/ first; `npx tsx scripts/demo.ts`
// runs the bundle as it is. The runs themselves are in demo-run.ts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ACTION_ENTRY } from '../test/support/run-action.js'
import {
  DEMO_SECONDS,
  type Demo,
  type DemoRun,
  TIME_SCALE,
  helpText,
  parseDemoArgs,
  runDemo
} from './demo-run.js'
import { summaryPage } from './summary-page.js'
import { htmlToText, type TextStyle } from './terminal.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUTPUT_DIR = join(ROOT, 'demo-output')
/** How the action is named in a workflow (release.test.ts checks it against package.json). */
const USES = 'your-org/rds-export-action@v1'

const color = process.stdout.isTTY && !process.env.NO_COLOR
const sgr =
  (code: string) =>
  (text: string): string =>
    color ? `\u001b[${code}m${text}\u001b[0m` : text
const bold = sgr('1')
const dim = sgr('2')
const red = sgr('31')
const green = sgr('32')
const yellow = sgr('33')
const STYLE: TextStyle = { bold, dim }

const say = (text = ''): void => void process.stdout.write(`${text}\n`)
const shown = (file: string): string => relative(process.cwd(), file) || file

async function main(argv: string[]): Promise<number> {
  let args
  try {
    args = parseDemoArgs(argv)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    return 2
  }
  if (args.help) {
    say(helpText())
    return 0
  }
  const { demo } = args

  say(bold(`rds-export-action demo${demo.flag ? ` (${demo.flag})` : ''}`))
  for (const line of demo.story) say(line)
  say(
    dim(
      "Everything runs on this machine: RDS, STS, S3, Glue and GitHub's OIDC endpoint are a local\n" +
        `stand-in on 127.0.0.1 whose clock runs ${Math.round(TIME_SCALE)}x fast. No AWS account, no network.`
    )
  )
  say()
  say(dim('The workflow step being run:'))
  say(dim(`  - uses: ${USES}`))
  say(dim('    with:'))
  for (const [name, value] of Object.entries(demo.inputs)) say(dim(`      ${name}: ${value}`))
  say(dim('  (job permissions: id-token: write)'))
  say()

  say(
    `${bold('Step log')} ${dim(`(node ${relative(ROOT, ACTION_ENTRY)}, as the run page shows it)`)}`
  )
  let printer: LogPrinter | undefined
  const run = await runDemo(demo, {
    onOutput: (chunk, issuedSecrets) => (printer ??= new LogPrinter(issuedSecrets)).write(chunk)
  })
  printer?.flush()
  const { result } = run
  say(
    dim(`  (exit code ${result.exitCode ?? result.signal}, ${Math.round(result.wallMs / 1000)} s)`)
  )
  say()

  const files = writeFiles(demo, run)
  printOutputs(run, files.tables)

  say(
    bold('Step summary') +
      dim(' (as the run page shows it; a ▸ block is folded there until clicked)')
  )
  say()
  say(indent(htmlToText(run.summaryHtml, STYLE)))
  say()
  say(
    dim(
      `Times are real seconds: the stand-in's clock ran ${Math.round(TIME_SCALE)}x fast, so the export's 39 minutes took about ${DEMO_SECONDS} s.`
    )
  )
  say()

  if (run.account.length > 0) {
    say(bold("What the step left in the stand-in's account"))
    for (const line of run.account) say(`  ${line}`)
    say()
  }

  say(bold('Files') + dim(` (in ${shown(OUTPUT_DIR)}/)`))
  const listed: [string, string][] = [
    [files.html, `the summary as GitHub shows it: ${pathToFileURL(files.html).href}`],
    [files.markdown, 'the markdown the step wrote to GITHUB_STEP_SUMMARY'],
    ...(files.tables
      ? [[files.tables, 'the tables-file: every table and its columns'] as [string, string]]
      : [])
  ]
  const filePad = Math.max(...listed.map(([file]) => shown(file).length))
  for (const [file, what] of listed) say(`  ${shown(file).padEnd(filePad)}  ${what}`)
  say()

  say(`The stand-in answered: ${[...run.requests].map(([k, n]) => `${k} ×${n}`).join(', ')}.`)
  if (run.leaks.length > 0) {
    say(red(`Secrets appeared in the step's output:\n${run.leaks.join('\n')}`))
    return 1
  }
  say(
    `None of the ${run.secrets.length} keys and tokens the stand-in issued appear in the log, outputs or summary.`
  )
  say()
  return verdict(demo, run)
}

/** The last line: did the run do what this demo shows? */
function verdict(demo: Demo, { result }: DemoRun): number {
  const out = result.outputs
  const id = out['export-task-identifier']
  if (result.exitCode === 0 && out.status === 'COMPLETE') {
    const tables =
      out['tables-complete'] !== undefined
        ? `, ${out['tables-complete']} tables complete, ${out['tables-incomplete']} not`
        : ''
    const snapshot =
      demo.inputs['create-snapshot'] === 'true'
        ? `Snapshot ${out['source-arn']?.split(':snapshot:')[1] ?? '?'} taken and kept, `
        : ''
    const warned = result.warnings.length > 0
    const line = `${warned ? '⚠' : '✔'} ${snapshot}${snapshot ? 'export' : 'Export'} task ${id} COMPLETE: ${out['total-extracted-data-in-gb']} GB in ${out['s3-uri']}${tables}${warned ? `, ${result.warnings.length} warnings` : ''}.`
    say(warned ? yellow(line) : green(line))
    return 0
  }
  say(
    red(
      `✘ The export did not complete: status ${out.status || 'unknown'}, exit code ${result.exitCode}.`
    )
  )
  return 1
}

function printOutputs({ result }: DemoRun, tablesCopy: string | undefined): void {
  say(bold('Outputs') + dim(' (steps.<id>.outputs.<name> in later steps)'))
  const names = Object.keys(result.outputs)
  const pad = Math.max(...names.map(n => n.length))
  const columns = Math.max((process.stdout.columns || 120) - pad - 4, 40)
  for (const name of names) {
    const value = result.outputs[name] ?? ''
    let text = value === '' ? dim('(empty)') : value
    if (name === 'tables' && value !== '') text = tablesOutput(value, columns)
    if (name === 'tables-file' && value !== '') {
      text = `${value} ${dim(`(under RUNNER_TEMP, gone after the job${tablesCopy ? `; a copy: ${shown(tablesCopy)}` : ''})`)}`
    }
    say(`  ${name.padEnd(pad)}  ${text}`)
  }
  say()
}

/** The tables output is one JSON line; shown as its size and its start. */
function tablesOutput(value: string, columns: number): string {
  let count = ''
  try {
    const tables = JSON.parse(value) as unknown[]
    count = `${tables.length} tables, `
  } catch {
    // shown as it is
  }
  const note = dim(` (JSON: ${count}${value.length.toLocaleString('en-US')} characters)`)
  const room = Math.max(columns - width(note) - 1, 20)
  return `${value.length > room ? `${value.slice(0, room - 1)}…` : value}${note}`
}

function width(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length
}

/** demo-output/summary.html, .md and tables.json; -<demo> in the names but for the default. */
function writeFiles(demo: Demo, run: DemoRun): { html: string; markdown: string; tables?: string } {
  mkdirSync(OUTPUT_DIR, { recursive: true })
  const suffix = demo.flag ? `-${demo.name}` : ''
  const html = join(OUTPUT_DIR, `summary${suffix}.html`)
  const markdown = join(OUTPUT_DIR, `summary${suffix}.md`)
  const id = run.result.outputs['export-task-identifier'] ?? ''
  writeFileSync(
    html,
    summaryPage({
      title: `Export ${id}`.trim(),
      job: demo.job,
      bodyHtml: run.summaryHtml,
      footer: `The step summary of rds-export-action, written by npm run demo${demo.flag ? ` -- ${demo.flag}` : ''} against the local stand-in.`
    })
  )
  writeFileSync(markdown, run.result.summary)
  if (run.result.tablesFile === undefined) return { html, markdown }
  const tables = join(OUTPUT_DIR, `tables${suffix}.json`)
  writeFileSync(tables, run.result.tablesFile)
  return { html, markdown, tables }
}

/**
 * Prints the step's log line by line as a run page shows it: workflow commands turned into
 * their display (errors, warnings), debug lines and `::add-mask::` lines hidden, masked values
 * and every secret the stand-in issued replaced by ***, the SDK's Node version notice left out.
 */
class LogPrinter {
  private buffer = ''
  private readonly masks = new Set<string>()
  private inNodeNotice = false

  constructor(private readonly issuedSecrets: () => string[]) {}

  write(chunk: string): void {
    this.buffer += chunk
    let newline: number
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      this.line(this.buffer.slice(0, newline).replace(/\r$/, ''))
      this.buffer = this.buffer.slice(newline + 1)
    }
  }

  flush(): void {
    if (this.buffer) this.line(this.buffer)
    this.buffer = ''
  }

  private line(raw: string): void {
    if (raw.startsWith('::add-mask::')) {
      this.masks.add(raw.slice('::add-mask::'.length))
      return
    }
    if (raw.startsWith('::debug::')) return
    // "(node:123) Warning: NodeVersionSupportWarning: ..." up to "(Use `node --trace-warnings ...`)"
    if (/NodeVersionSupportWarning/.test(raw)) this.inNodeNotice = true
    if (this.inNodeNotice) {
      if (/--trace-warnings/.test(raw)) this.inNodeNotice = false
      return
    }
    let text = raw
    for (const secret of [...this.masks, ...this.issuedSecrets()]) {
      if (secret.length >= 4) text = text.split(secret).join('***')
    }
    const command = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(text)
    if (command) {
      const [, kind, message = ''] = command
      // The runner shows a command's %0A as a new line, %25 as %.
      const decoded = message.replace(/%0D/g, '').replace(/%0A/g, '\n').replace(/%25/g, '%')
      const label = `${kind === 'error' ? 'Error' : kind === 'warning' ? 'Warning' : 'Notice'}: ${decoded}`
      const paint = kind === 'error' ? red : kind === 'warning' ? yellow : (t: string) => t
      for (const line of label.split('\n')) say(`  ${dim('│')} ${paint(line)}`)
      return
    }
    say(`  ${dim('│')} ${text}`)
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map(line => (line ? `  ${line}` : line))
    .join('\n')
}

process.exitCode = await main(process.argv.slice(2))
