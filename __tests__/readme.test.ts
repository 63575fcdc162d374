// The README is the action's manual: its Inputs and Outputs tables must say what action.yml says,
// name for name, default for default, and the quick start must work as written.
import { describe, test, expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { FOOTER_FETCH_BYTES, METADATA_MAX_BYTES } from '../src/aws/export-files.js'
import { WARNING_LINES_MAX } from '../src/report/warnings.js'
import { JSON_TEXT_DEPTH, TEXT_LINE_MAX } from '../src/tables/fields.js'
import { FOOTER_MAX_BYTES, SCHEMA_MAX_ELEMENTS } from '../src/tables/footer.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')

interface ActionMetadata {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs?: { using: string }
}
const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionMetadata

/** The text of a `## Title` section (`### Title` at level 3), up to the next heading as high. */
function section(markdown: string, title: string, level = 2): string {
  const lines = markdown.split('\n')
  const hashes = '#'.repeat(level)
  const start = lines.findIndex(line => line === `${hashes} ${title}`)
  if (start < 0) return ''
  const end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** The `## ` headings, in order. */
function topSections(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(line => line.startsWith('## '))
    .map(line => line.slice(3))
}

interface Row {
  name: string
  cells: string[]
}

/** Table rows of a section whose first cell is one backticked name. */
function rows(text: string): Row[] {
  return text
    .split('\n')
    .filter(line => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map(line =>
      line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
    )
    .map(line => line.split('|').map(cell => cell.trim()))
    .flatMap(cells => {
      const name = /^`([a-z0-9-]+)`$/.exec(cells[0] ?? '')?.[1]
      return name ? [{ name, cells: cells.slice(1) }] : []
    })
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** How the README shows a default: `value` in backticks, or — when there is none. */
function shownDefault(value: string | undefined): string {
  return value === undefined || value === '' ? '—' : `\`${value}\``
}

/** Every difference between a README's tables and action.yml, in words. */
function tableProblems(markdown: string, metadata: ActionMetadata): string[] {
  const problems: string[] = []
  const inputRows = rows(section(markdown, 'Inputs'))
  const outputRows = rows(section(markdown, 'Outputs'))
  const check = (
    kind: 'input' | 'output',
    found: Row[],
    declared: Record<string, { description: string; default?: string }>
  ): void => {
    for (const [name, spec] of Object.entries(declared)) {
      const matches = found.filter(row => row.name === name)
      if (matches.length !== 1) {
        problems.push(`${kind} \`${name}\` appears ${matches.length} times in the ${kind}s tables`)
        continue
      }
      const cells = matches[0]?.cells ?? []
      const description = normalize(cells[cells.length - 1] ?? '')
      if (description !== normalize(spec.description)) {
        problems.push(`${kind} \`${name}\`: description differs from action.yml`)
      }
      if (kind === 'input' && cells[0] !== shownDefault(spec.default)) {
        problems.push(
          `input \`${name}\`: default ${cells[0]}, action.yml says ${shownDefault(spec.default)}`
        )
      }
    }
    for (const row of found) {
      if (!(row.name in declared)) problems.push(`${kind} \`${row.name}\` is not in action.yml`)
    }
  }
  check('input', inputRows, metadata.inputs)
  check('output', outputRows, metadata.outputs)
  return problems
}

/** The code blocks of a piece of markdown, with their language. */
function codeBlocks(markdown: string): { lang: string; body: string }[] {
  return [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(m => ({
    lang: m[1] ?? '',
    body: m[2] ?? ''
  }))
}

/** Files a script writes (`npm run bench`): linked before the first run has committed them. */
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** The first Actions runner release that runs each runtime (actions/runner's release notes). */
const RUNNER_MINIMUM: Record<string, string> = { node20: '2.308.0', node24: '2.327.1' }

describe('README', () => {
  test("names the runner version that action.yml's runtime needs, for self-hosted and GHES", () => {
    const using = action.runs?.using ?? ''
    const minimum = RUNNER_MINIMUM[using]
    expect(minimum).toBeDefined()
    const text = section(readme, 'Self-hosted runners and proxies')
    expect(text).toContain(`\`${using}\``)
    expect(text).toContain(
      `[v${minimum}](https://github.com/actions/runner/releases/tag/v${minimum})`
    )
    expect(text).toContain('GitHub Enterprise Server')
  })

  test("the data bounds, as the Security section says them, are the code's", () => {
    const said = section(readme, 'Security').replace(/\s+/g, ' ')
    const n = (count: number) => count.toLocaleString('en-US')
    const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`
    expect(said).toContain(
      `at most ${JSON_TEXT_DEPTH} levels deep and ${n(TEXT_LINE_MAX)} characters a line, ` +
        `RDS's warning at most ${WARNING_LINES_MAX} lines`
    )
    expect(said).toContain(
      `at most ${mib(FOOTER_MAX_BYTES)} (the length before the closing \`PAR1\`) and ` +
        `${n(SCHEMA_MAX_ELEMENTS)} schema elements`
    )
    expect(said).toContain(`one footer larger than ${FOOTER_FETCH_BYTES / 1024} KiB`)
    expect(said).toContain(`a metadata file beyond ${mib(METADATA_MAX_BYTES)}`)
  })

  test('its Inputs and Outputs tables match action.yml exactly', () => {
    expect(tableProblems(readme, action)).toEqual([])
  })

  test('the tables hold every input and output (counted)', () => {
    expect(
      rows(section(readme, 'Inputs'))
        .map(r => r.name)
        .sort()
    ).toEqual(Object.keys(action.inputs).sort())
    expect(
      rows(section(readme, 'Outputs'))
        .map(r => r.name)
        .sort()
    ).toEqual(Object.keys(action.outputs).sort())
  })

  test('"Quick start" comes first: action users do not clone', () => {
    expect(topSections(readme)[0]).toBe('Quick start')
  })

  test('"Try it locally", under Development, is exactly the two commands', () => {
    expect(section(section(readme, 'Development'), 'Try it locally', 3)).not.toBe('')
    const blocks = codeBlocks(section(readme, 'Try it locally', 3))
    expect(blocks.map(b => b.body.trim())).toEqual(['npm ci && npm run demo\nnpm test'])
  })

  test('the quick start workflow asks for id-token: write and uses the action by its v1 tag', () => {
    const quickStart = section(readme, 'Quick start')
    const workflows = codeBlocks(quickStart).filter(b => b.lang === 'yaml')
    expect(workflows).toHaveLength(1)
    const workflow = parseYaml(workflows[0]?.body ?? '') as {
      permissions: Record<string, string>
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>
    }
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read' })
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
    const own = steps.find(step => step.uses === 'your-org/rds-export-action@v1')
    expect(own?.with).toMatchObject({ 'db-instance-identifier': 'prod-db', wait: true })
    expect(quickStart).toContain('id-token: write')
  })

  test('the IAM policies are valid JSON and name what the facts require', () => {
    const iam = section(readme, 'What you need in AWS')
    const json = codeBlocks(iam).filter(b => b.lang === 'json')
    expect(json).toHaveLength(6)
    const all = json.map(b => JSON.stringify(JSON.parse(b.body))).join('\n')
    for (const needed of [
      'token.actions.githubusercontent.com:aud',
      'sts.amazonaws.com',
      'repo:OWNER/REPO:ref:refs/heads/main',
      'rds:StartExportTask',
      'rds:DescribeExportTasks',
      'rds:CancelExportTask',
      'rds:DescribeDBSnapshots',
      'rds:DescribeDBClusterSnapshots',
      'iam:PassRole',
      'kms:CreateGrant',
      'kms:DescribeKey',
      'export.rds.amazonaws.com',
      's3:PutObject*',
      's3:GetObject*',
      's3:ListBucket',
      's3:DeleteObject*',
      's3:GetBucketLocation',
      'arn:aws:s3:::my-company-rds-exports/*',
      // create-snapshot, the tables report and Glue registration
      'rds:CreateDBSnapshot',
      'rds:CreateDBClusterSnapshot',
      'rds:AddTagsToResource',
      's3:GetObject',
      'kms:Decrypt',
      'glue:GetTables',
      'glue:CreateTable',
      'glue:UpdateTable',
      // glue-history's partitions
      'glue:BatchCreatePartition',
      'glue:GetPartitions',
      'glue:BatchDeletePartition'
    ]) {
      expect({ needed, found: all.includes(needed) }).toEqual({ needed, found: true })
    }
  })

  test('its links point at files and headings that exist', () => {
    const anchors = new Set(
      readme
        .split('\n')
        .filter(line => /^#{1,6} /.test(line))
        .map(line => anchor(line.replace(/^#+ /, '')))
    )
    const broken: string[] = []
    for (const [, target = ''] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target)) continue
      if (target.startsWith('#')) {
        if (!anchors.has(target.slice(1))) broken.push(target)
      } else if (!existsSync(path.join(root, target.split('#')[0] ?? ''))) {
        broken.push(target)
      }
    }
    expect(broken).toEqual([])
  })
})

interface PollingRow {
  duration: string
  curve: string
  strategy: string
  calls: number
  p95: number
}

/** The rows of bench/results.md's polling table, exports of 30 minutes and longer. */
function longPollingRows(results: string): PollingRow[] {
  return section(results, '3. Polling (virtual clock, 400 exports per row)')
    .split('\n')
    .filter(line => /^\|\s*\d/.test(line))
    .map(line => line.split('|').map(cell => cell.trim()))
    .map(([, duration = '', curve = '', strategy = '', calls = '', , p95 = '']) => ({
      duration,
      curve,
      strategy,
      calls: Number(calls),
      p95: parseFloat(p95)
    }))
    .filter(row => row.duration !== '5 min')
}

/**
 * A poll strategy's figures as the README words them: its calls as a share of the fixed 30 s
 * loop's at the same duration and curve (`50.6-58.3 %`), and its worst notice p95 (`20.1 s`).
 */
function pollingFigures(rows: PollingRow[], strategy: string): { share: string; p95: string } {
  const ours = rows.filter(r => r.strategy === strategy)
  const shares = ours.map(r => {
    const loop = rows.find(
      l => l.strategy === 'fixed 30 s' && l.duration === r.duration && l.curve === r.curve
    )
    return (100 * r.calls) / (loop?.calls ?? NaN)
  })
  const range = `${Math.min(...shares).toFixed(1)}-${Math.max(...shares).toFixed(1)} %`
  return { share: range, p95: `${Math.max(...ours.map(r => r.p95)).toFixed(1)} s` }
}

describe("the README's load snippet runs as written", () => {
  interface SnippetStep {
    name: string
    'timeout-minutes'?: number
    with?: Record<string, unknown>
    env?: Record<string, string>
    run?: string
  }
  const block = codeBlocks(section(readme, 'Load the data: tables in the Glue Data Catalog')).find(
    b => b.lang === 'yaml' && b.body.includes('aws athena')
  )
  const [exportStep, queryStep] = parseYaml(block?.body ?? '[]') as SnippetStep[]

  /**
   * The query step's script as the runner runs it (bash --noprofile --norc -eo pipefail), its env
   * as written, against a stand-in `aws` that answers like the AWS CLI with `--output text`:
   * the query is RUNNING for `polls` checks, then ends `final`. What the CLI was asked, in order.
   */
  function runQueryStep(
    polls: number,
    final: string
  ): { code: number; out: string; calls: string[] } {
    const bin = mkdtempSync(path.join(tmpdir(), 'readme-aws-'))
    try {
      const fake = (name: string, body: string): void => {
        writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`)
        chmodSync(path.join(bin, name), 0o755)
      }
      fake('sleep', 'exit 0')
      fake(
        'aws',
        [
          `printf '%s\\n' "$*" >> "${bin}/calls"`,
          // A later step without credentials fails, as the real CLI does.
          '[ -n "$AWS_ACCESS_KEY_ID" ] && [ -n "$AWS_SESSION_TOKEN" ] || { echo "Unable to locate credentials" >&2; exit 253; }',
          'case "$2 $*" in',
          '  start-query-execution*) echo q-123 ;;',
          '  get-query-execution*StateChangeReason*) echo "line 1:8: Table not found" ;;',
          `  get-query-execution*) n=$(cat "${bin}/n" 2>/dev/null || echo 0); echo $((n + 1)) > "${bin}/n"`,
          `    if [ "$n" -lt ${polls} ]; then echo RUNNING; else echo ${final}; fi ;;`,
          '  get-query-results*) echo 42 ;;',
          '  *) echo "unexpected: $*" >&2; exit 2 ;;',
          'esac'
        ].join('\n')
      )
      const tables = JSON.stringify([
        { target: 'appdb.public.orders', status: 'COMPLETE', 'glue-table': 'appdb_public_orders' }
      ])
      const result = spawnSync(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', '-c', queryStep?.run ?? 'exit 99'],
        {
          encoding: 'utf8',
          env: {
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            ...queryStep?.env,
            TABLES: tables,
            // What output-env-credentials put in the job's environment.
            AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
            AWS_SECRET_ACCESS_KEY: 'secret',
            AWS_SESSION_TOKEN: 'token',
            AWS_REGION: 'eu-west-1'
          }
        }
      )
      const calls = existsSync(path.join(bin, 'calls'))
        ? readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n')
        : []
      return { code: result.status ?? -1, out: result.stdout + result.stderr, calls }
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  }

  test('the export step hands its credentials to the next step', () => {
    expect(exportStep?.with).toMatchObject({
      'role-to-assume': expect.stringMatching(/^arn:aws:iam::/),
      wait: true,
      'glue-database': 'rds_exports',
      'output-env-credentials': true
    })
    expect(queryStep?.env?.RESULTS).toMatch(/^s3:\/\/[a-z0-9.-]+\/.*\/$/)
    expect(queryStep?.['timeout-minutes']).toBeGreaterThan(0)
  })

  test('the query names its database and result location, is waited for, and its count printed', () => {
    const { code, out, calls } = runQueryStep(3, 'SUCCEEDED')
    expect({ code, out }).toEqual({
      code: 0,
      out: 'appdb.public.orders COMPLETE appdb_public_orders\n42\n'
    })
    expect(calls[0]).toContain('athena start-query-execution --work-group primary')
    expect(calls[0]).toContain('--query-execution-context Database=rds_exports')
    expect(calls[0]).toContain('--result-configuration OutputLocation=s3://')
    expect(calls.slice(1)).toEqual([
      ...Array(4).fill(
        'athena get-query-execution --query-execution-id q-123 --query QueryExecution.Status.State --output text'
      ),
      'athena get-query-results --query-execution-id q-123 --query ResultSet.Rows[1].Data[0].VarCharValue --output text'
    ])
  })

  test.each(['FAILED', 'CANCELLED'])('a query that ends %s fails the step, saying why', final => {
    const { code, out } = runQueryStep(1, final)
    expect(code).toBe(1)
    expect(out).toContain(`::error::Athena query q-123: ${final}: line 1:8: Table not found`)
  })
})

describe('the README and the benchmarks', () => {
  const rows = longPollingRows(readFileSync(path.join(root, 'bench/results.md'), 'utf8'))
  const waiting = section(readme, 'Waiting, timeouts and cancellation').replace(/\s+/g, ' ')

  test.each([
    ['schedule, max 60 s', 'the default makes'],
    ['schedule, max 90 s', '`poll-interval-seconds: 90` makes']
  ])('the README gives the figures of "%s" as bench/results.md has them', (strategy, words) => {
    expect(rows.length).toBeGreaterThanOrEqual(24)
    const { share, p95 } = pollingFigures(rows, strategy)
    const said = waiting.slice(waiting.indexOf(words))
    expect(said).toContain(`${words} ${share}`)
    expect(said).toContain(`within ${p95}`)
  })

  test('the notes of bench/results.md speak to readers outside the project', () => {
    const results = readFileSync(path.join(root, 'bench/results.md'), 'utf8')
    const notes = results.slice(results.indexOf('<!-- notes'), results.indexOf('<!-- /notes -->'))
    expect(notes.length).toBeGreaterThan(1000)
    expect(notes.match(/\bissue #?\d+|\bcommits? [0-9a-f]{7}\b|steering/gi)).toBeNull()
  })

  test('and the worst notice delay of the loop it is compared with', () => {
    const loop = pollingFigures(rows, 'fixed 30 s').p95
    expect(waiting).toContain(`against ${loop} for the loop`)
  })
})

describe('the README checks can fail', () => {
  const table = (inputs: string, outputs: string): string =>
    [
      '## Inputs',
      '',
      '| Input | Default | Description |',
      '| --- | --- | --- |',
      inputs,
      '',
      '## Outputs',
      '',
      '| Output | Description |',
      '| --- | --- |',
      outputs,
      '',
      '## Modes'
    ].join('\n')
  const metadata: ActionMetadata = {
    inputs: {
      mode: { description: 'What the step does.', default: 'start' },
      'source-arn': { description: 'ARN of a snapshot.' }
    },
    outputs: { status: { description: 'The task status.' } }
  }
  const goodInputs =
    '| `mode` | `start` | What the step does. |\n| `source-arn` | — | ARN of a snapshot. |'
  const goodOutputs = '| `status` | The task status. |'

  test('matching tables pass', () => {
    expect(tableProblems(table(goodInputs, goodOutputs), metadata)).toEqual([])
  })

  test('a missing input, a wrong default and an unknown output are all reported', () => {
    const inputs = '| `mode` | `wait` | What the step does. |'
    const outputs = `${goodOutputs}\n| \`state\` | Not declared. |`
    expect(tableProblems(table(inputs, outputs), metadata)).toEqual([
      'input `mode`: default `wait`, action.yml says `start`',
      'input `source-arn` appears 0 times in the inputs tables',
      'output `state` is not in action.yml'
    ])
  })

  test('a name outside the Inputs section does not count', () => {
    const markdown = `| \`source-arn\` | — | ARN of a snapshot. |\n\n${table('| `mode` | `start` | What the step does. |', goodOutputs)}`
    expect(tableProblems(markdown, metadata)).toEqual([
      'input `source-arn` appears 0 times in the inputs tables'
    ])
  })

  test('a changed description is reported', () => {
    const inputs = goodInputs.replace('ARN of a snapshot.', 'ARN of anything.')
    expect(tableProblems(table(inputs, goodOutputs), metadata)).toEqual([
      'input `source-arn`: description differs from action.yml'
    ])
  })

  test('anchors follow GitHub', () => {
    expect(
      anchor("(a) The GitHub OIDC identity provider and the calling role's trust policy")
    ).toBe('a-the-github-oidc-identity-provider-and-the-calling-roles-trust-policy')
    expect(anchor('Timeouts: `wait-timeout-minutes` and `on-timeout`')).toBe(
      'timeouts-wait-timeout-minutes-and-on-timeout'
    )
  })
})
