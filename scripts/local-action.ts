// `npm run local-action`: runs src/main.ts (not the bundle) with @github/local-action against the
// local stand-in, so a contributor can try a change without a runner or an AWS account.
// Inputs come from .env when it exists, else .env.example; the stand-in's endpoint and a static
// key it accepts replace the AWS lines (local-action can't fetch OIDC tokens, so the SDK's
// default credential chain is used). local-action gives the step no summary file, as a runner
// would: GITHUB_STEP_SUMMARY points at a temporary one (unless .env names its own), printed at
// the end as the run page would show it, then removed with the rest of the run's files.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn } from '../test/standin/index.js'
import { scenario } from '../test/standin/scenarios.js'
import { renderGfm } from './gfm.js'
import { htmlToText } from './terminal.js'

const source = existsSync('.env') ? '.env' : '.env.example'
const standIn = await startStandIn({ ...scenario('demo'), timeScale: 60 })
const overrides: Record<string, string> = {
  ...standIn.env({ staticKeys: true }),
  'INPUT_ROLE-TO-ASSUME': ''
}
// The demo account's names, unless .env chose its own.
const defaults: Record<string, string> = {
  'INPUT_DB-INSTANCE-IDENTIFIER': 'prod',
  'INPUT_S3-BUCKET-NAME': 'demo-exports'
}
const lines = readFileSync(source, 'utf8')
  .split('\n')
  .filter(line => !/^\s*#/.test(line) && line.includes('='))
  .filter(line => !(line.split('=')[0] as string).trim().startsWith('AWS_'))
  .filter(line => !(line.split('=')[0] as string).trim().startsWith('ACTIONS_ID_TOKEN'))
  .map(line => {
    const key = (line.split('=')[0] as string).trim()
    return source === '.env.example' && key in defaults ? `${key}=${defaults[key]}` : line
  })
const workDir = mkdtempSync(join(tmpdir(), 'local-action-'))
const envFile = join(workDir, '.env')
const ownSummary = lines.find(line => /^\s*GITHUB_STEP_SUMMARY\s*=/.test(line))
const summaryFile = ownSummary
  ? ownSummary
      .slice(ownSummary.indexOf('=') + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
  : join(workDir, 'summary.md')
if (!ownSummary) overrides.GITHUB_STEP_SUMMARY = summaryFile
writeFileSync(summaryFile, '')
writeFileSync(
  envFile,
  [...lines, ...Object.entries(overrides).map(([k, v]) => `${k}=${v}`)].join('\n') + '\n'
)
console.log(`Inputs from ${source}; AWS calls go to the stand-in at ${standIn.url}`)

// Nothing of the run is left behind in the temporary directory, however it ends.
let code = 1
try {
  const child = spawn('npx', ['local-action', '.', 'src/main.ts', envFile], { stdio: 'inherit' })
  code = await new Promise<number>(done => child.on('close', c => done(c ?? 1)))
  const summary = readFileSync(summaryFile, 'utf8')
  console.log(`\nStep summary${ownSummary ? ` (${summaryFile})` : ''}:\n`)
  console.log(summary.trim() ? htmlToText(renderGfm(summary)) : '(the step wrote none)')
} finally {
  await standIn.close()
  rmSync(workDir, { recursive: true, force: true })
}
process.exit(code)
