// npm run demo: the bundled action (dist/index.js) exports a 263 GB PostgreSQL snapshot and
// waits for it, against a local stand-in of RDS, STS and GitHub's OIDC endpoint. No AWS account
// and no network: everything listens on 127.0.0.1. AWS's own example of such an export took
// about 39 minutes; here the stand-in's clock runs about 117 times faster, so it takes about 20
// seconds. The action itself runs exactly as the runner runs it and does not know.
//
// It streams the step's log as a workflow run would show it, then prints the outputs and the
// step summary, and writes the summary as an HTML page (demo-output/summary.html), rendered and
// cleaned as GitHub does it (scripts/gfm.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStandIn, type Timeline } from '../test/standin/index.js'
import { scenario } from '../test/standin/scenarios.js'
import { findLeaks } from '../test/support/e2e.js'
import { ACTION_ENTRY, runAction } from '../test/support/run-action.js'
import { htmlPage, renderGfm } from './gfm.js'
import { htmlToText, type TextStyle } from './terminal.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUTPUT_DIR = join(ROOT, 'demo-output')

/** AWS's example: 263 GB in about 39 minutes; restoring the snapshot first takes a while. */
const DEMO_263: Timeline = {
  startingSeconds: 6 * 60,
  inProgressSeconds: 33 * 60,
  outcome: 'COMPLETE',
  totalGb: 263,
  progressCurve: 'uneven'
}
const DEMO_SECONDS = 20
const TIME_SCALE = (DEMO_263.startingSeconds + DEMO_263.inProgressSeconds) / DEMO_SECONDS

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'
const INPUTS: Record<string, string> = {
  'db-instance-identifier': 'prod',
  's3-bucket-name': 'acme-db-exports',
  's3-prefix': 'nightly',
  'iam-role-arn': `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
  'kms-key-id': `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
  'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/github-rds-export`,
  wait: 'true',
  // The real default is 60 s; the demo's minutes pass in seconds.
  'poll-interval-seconds': '5'
}

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

async function main(): Promise<number> {
  say(bold('rds-export-action demo'))
  say(
    `A 263 GB PostgreSQL snapshot export (about 39 minutes on AWS), compressed to about ${DEMO_SECONDS} s.\n` +
      'RDS, STS and the GitHub OIDC endpoint are a local stand-in on 127.0.0.1: no AWS account, no network.\n'
  )
  say(dim('The workflow step being run:'))
  say(dim('  - uses: your-org/rds-export-action@v1'))
  say(dim('    with:'))
  for (const [name, value] of Object.entries(INPUTS)) say(dim(`      ${name}: ${value}`))
  say(dim('  (job permissions: id-token: write)'))
  say()

  const standIn = await startStandIn({
    ...scenario('demo'),
    timeScale: TIME_SCALE,
    timeline: DEMO_263
  })
  try {
    say(`${bold('Step log')} ${dim(`(node ${relative(ROOT, ACTION_ENTRY)})`)}`)
    const log = new LogPrinter(standIn.issuedSecrets)
    const result = await runAction({
      inputs: INPUTS,
      env: {
        ...standIn.env(),
        GITHUB_RUN_ID: '8812345678',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW: 'Nightly export',
        GITHUB_REPOSITORY: 'acme/warehouse'
      },
      onOutput: chunk => log.write(chunk)
    })
    log.flush()
    say(dim(`  (exit code ${result.exitCode ?? result.signal})`))
    say()

    say(bold('Outputs') + dim(' (steps.<id>.outputs.<name> in later steps)'))
    const names = Object.keys(result.outputs)
    const pad = Math.max(...names.map(n => n.length))
    for (const name of names) {
      say(
        `  ${name.padEnd(pad)}  ${result.outputs[name] === '' ? dim('(empty)') : result.outputs[name]}`
      )
    }
    say()

    say(bold('Step summary') + dim(' (as the run page shows it)'))
    say()
    const summaryHtml = renderGfm(result.summary)
    say(indent(htmlToText(summaryHtml, STYLE)))
    say(
      dim(
        `  Times are real seconds: the stand-in ran its clock ${Math.round(TIME_SCALE)}x fast, so its 39 minutes took about ${DEMO_SECONDS} s.`
      )
    )
    say()

    mkdirSync(OUTPUT_DIR, { recursive: true })
    const htmlFile = join(OUTPUT_DIR, 'summary.html')
    writeFileSync(
      htmlFile,
      htmlPage(
        `Export ${result.outputs['export-task-identifier'] ?? ''}`,
        summaryHtml,
        'Step summary of rds-export-action, written by npm run demo against the local stand-in.'
      )
    )
    say(`Step summary as a web page: ${relative(process.cwd(), htmlFile) || htmlFile}`)

    const requests = new Map<string, number>()
    for (const r of standIn.requests) {
      const key =
        r.service === 'oidc' ? 'GitHub OIDC token' : `${r.service.toUpperCase()} ${r.action}`
      requests.set(key, (requests.get(key) ?? 0) + 1)
    }
    say(`The stand-in answered: ${[...requests].map(([k, n]) => `${k} ×${n}`).join(', ')}.`)
    const secrets = standIn.issuedSecrets()
    const leaks = findLeaks(result, secrets)
    if (leaks.length > 0) {
      say(red(`Secrets appeared in the step's output:\n${leaks.join('\n')}`))
      return 1
    }
    say(
      `None of the ${secrets.length} keys and tokens the stand-in issued appear in the log, outputs or summary.`
    )
    say()

    const status = result.outputs.status
    if (result.exitCode === 0 && status === 'COMPLETE') {
      say(
        green(
          `✔ Export task ${result.outputs['export-task-identifier']} COMPLETE: ` +
            `${result.outputs['total-extracted-data-in-gb']} GB in ${result.outputs['s3-uri']}`
        )
      )
      return 0
    }
    say(
      red(
        `✘ The export did not complete: status ${status || 'unknown'}, exit code ${result.exitCode}.`
      )
    )
    return 1
  } finally {
    await standIn.close()
  }
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
      const [, kind, message] = command
      const shown = `${kind === 'error' ? 'Error' : kind === 'warning' ? 'Warning' : 'Notice'}: ${message}`
      text = kind === 'error' ? red(shown) : kind === 'warning' ? yellow(shown) : shown
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

process.exitCode = await main()
