// The IAM permissions the README and the examples give are the ones the action uses: the main
// flows of each feature run against the stand-in, and the calls in its request log, as IAM
// actions (test/support/iam.ts maps them), must be exactly what the README's statements for that
// feature grant. Every example must list exactly the actions of the features its steps use.
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import type { StandIn, StandInOptions } from '../test/standin/index.js'
import { PROD_APPDB, QUICK, SCALE, running } from '../test/support/accounts.js'
import { calls, clusterArn, runStep, startInputs } from '../test/support/e2e.js'
import { E2E_TIMEOUT_MS, expectSuccess } from '../test/support/e2e-tests.js'
import { withStandIn } from '../test/support/e2e.js'
import {
  COMPARED,
  FEATURES,
  exampleActions,
  featuresOf,
  iamActionsOf,
  readmeActions,
  statementsBySid,
  type Feature
} from '../test/support/iam.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')
/** The README's statements for the role in role-to-assume (the export role's are RDS's). */
const readme = read('README.md')
const callingRole = readme.slice(
  readme.indexOf("### (b) The calling role's permissions"),
  readme.indexOf('### (c) ')
)
const statements = statementsBySid(callingRole)

const HOUR = 3600_000
const ago = (hours: number): Date => new Date(Date.now() - hours * HOUR)

/** An instance and an Aurora cluster with an old and a new snapshot each; quick exports. */
const ACCOUNT: StandInOptions = {
  ...QUICK,
  instances: [{ identifier: 'prod' }],
  snapshots: [
    { identifier: 'prod-old', instanceIdentifier: 'prod', createTime: ago(48) },
    { identifier: 'prod-new', instanceIdentifier: 'prod', createTime: ago(1) }
  ],
  clusters: [{ identifier: 'aurora' }],
  clusterSnapshots: [
    { identifier: 'aurora-old', clusterIdentifier: 'aurora', createTime: ago(48) },
    { identifier: 'aurora-new', clusterIdentifier: 'aurora', createTime: ago(1) }
  ],
  snapshotTimeline: { creatingSeconds: 1 * SCALE, outcome: 'available' },
  // Still running when mode cancel comes for it.
  tasks: [running('long-running')]
}

const ROLE = { 'role-to-assume': startInputs()['role-to-assume'] ?? '' }

/** Runs each step in turn (each must succeed); every call they made, as `service:Operation`. */
async function callsOf(standIn: StandIn, steps: Record<string, string>[]): Promise<string[]> {
  const made: string[] = []
  for (const inputs of steps) {
    const step = await runStep(standIn, inputs)
    expectSuccess(step)
    made.push(...calls(step.requests))
  }
  return made
}

/** The main flows of each feature: together, every call the feature makes. */
const FLOWS: Record<Feature, { options: StandInOptions; steps: Record<string, string>[] }> = {
  export: {
    options: ACCOUNT,
    steps: [
      startInputs({ 'db-instance-identifier': 'prod', 'export-task-identifier': 'a' }),
      startInputs({ 'db-snapshot-identifier': 'prod-old', 'export-task-identifier': 'b' }),
      startInputs({ 'db-cluster-identifier': 'aurora', 'export-task-identifier': 'c' }),
      startInputs({
        'db-cluster-snapshot-identifier': 'aurora-old',
        'export-task-identifier': 'd'
      }),
      startInputs({ 'source-arn': clusterArn('aurora'), 'export-task-identifier': 'e' }),
      {
        mode: 'status',
        'export-task-identifier': 'a',
        ...ROLE,
        'tables-report': 'false'
      },
      {
        mode: 'cancel',
        'export-task-identifier': 'long-running',
        ...ROLE
      },
      {
        mode: 'wait',
        'export-task-identifier': 'c',
        ...ROLE,
        'tables-report': 'false',
        'poll-interval-seconds': '5'
      }
    ]
  },
  'create-snapshot': {
    options: ACCOUNT,
    steps: [
      startInputs({
        'db-instance-identifier': 'prod',
        'create-snapshot': 'true',
        'snapshot-tags': 'purpose=backup',
        'poll-interval-seconds': '5'
      }),
      startInputs({
        'db-cluster-identifier': 'aurora',
        'create-snapshot': 'true',
        'poll-interval-seconds': '5'
      })
    ]
  },
  'tables-report': {
    options: PROD_APPDB,
    steps: [
      startInputs({
        'db-snapshot-identifier': 'prod-before-upgrade',
        wait: 'true',
        'tables-report': 'true',
        'poll-interval-seconds': '5'
      })
    ]
  },
  'glue-database': {
    options: {
      ...PROD_APPDB,
      // The third run's first CreateTable is lost on the way back after Glue made the table: the
      // SDK's retry is refused AlreadyExists, and the action reads the table with GetTable.
      faults: [{ action: 'CreateTable', kind: 'reset', processed: true, times: 1 }]
    },
    // The first run creates the database and the tables (its CreateTable retried, see above);
    // the second updates them.
    steps: ['first', 'second'].map((id, i) =>
      startInputs({
        'db-snapshot-identifier': i === 0 ? 'prod-before-upgrade' : 'prod-weekly',
        'export-task-identifier': id,
        wait: 'true',
        'glue-database': 'exports',
        'poll-interval-seconds': '5'
      })
    )
  }
}

describe('the IAM actions the action calls are the ones the README grants, feature by feature', () => {
  test.concurrent.each(Object.keys(FLOWS) as Feature[])(
    '%s',
    feature =>
      withStandIn(FLOWS[feature].options, async standIn => {
        const { steps } = FLOWS[feature]
        const used = iamActionsOf(await callsOf(standIn, steps))
        // Granted: the statements of every feature these steps use (a glue-database step reads
        // the tables report too). Nothing they call may be missing: it would be AccessDenied.
        const granted = new Set(
          steps
            .flatMap(inputs => featuresOf(inputs))
            .flatMap(f => [...readmeActions(statements, f)])
        )
        expect([...used].filter(action => !granted.has(action))).toEqual([])
        // And the feature's own statements name nothing these flows don't call.
        const own = [...readmeActions(statements, feature)]
        expect(own.filter(action => !used.has(action))).toEqual([])
      }),
    E2E_TIMEOUT_MS * 2
  )
})

interface ExampleWorkflow {
  jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}

/** The features an example's steps of this action use, and the IAM actions they need. */
function exampleNeeds(content: string): { features: Feature[]; actions: Set<string> } {
  const workflow = parseYaml(content) as ExampleWorkflow
  const features = new Set<Feature>()
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps ?? []) {
      if (!/\/rds-export-action@/.test(step.uses ?? '')) continue
      featuresOf(step.with ?? {}).forEach(feature => features.add(feature))
    }
  }
  const actions = new Set([...features].flatMap(f => [...readmeActions(statements, f)]))
  return { features: [...features], actions }
}

/** What an example's IAM list lacks (AccessDenied) and names beyond what its steps call. */
function exampleProblems(content: string): { missing: string[]; extra: string[] } {
  const listed = exampleActions(content)
  const { actions } = exampleNeeds(content)
  return {
    missing: [...actions].filter(action => !listed.has(action)).sort(),
    extra: [...listed].filter(action => !actions.has(action)).sort()
  }
}

describe('every example names exactly the IAM actions its steps call', () => {
  const examples = readdirSync(path.join(root, 'examples')).filter(name => name.endsWith('.yml'))

  test.each(examples)('%s', name => {
    const content = read(`examples/${name}`)
    expect(exampleNeeds(content).features.length).toBeGreaterThan(0)
    expect(exampleProblems(content)).toEqual({ missing: [], extra: [] })
  })

  test('the features of each example, as its steps set them', () => {
    const features = Object.fromEntries(
      examples.map(name => [name, exampleNeeds(read(`examples/${name}`)).features.sort()])
    )
    expect(features).toEqual({
      'export-then-load.yml': ['export', 'glue-database', 'tables-report'],
      'nightly-export.yml': ['export'],
      'release-backup-before-migration.yml': ['create-snapshot', 'export', 'tables-report']
    })
  })

  test('an action left out of an example, or one it does not call, is reported', () => {
    const content = read('examples/export-then-load.yml')
    const without = content.replace('glue:GetTables, ', '')
    expect(without).not.toBe(content)
    expect(exampleProblems(without)).toEqual({ missing: ['glue:GetTables'], extra: [] })
    const more = content.replace('glue:GetTables, ', 'glue:GetTables, glue:DeleteTable, ')
    expect(exampleProblems(more)).toEqual({ missing: [], extra: ['glue:DeleteTable'] })
  })

  test('every feature has README statements, and every compared action of them a feature', () => {
    expect(callingRole.length).toBeGreaterThan(1000)
    const sids = Object.values(FEATURES).flatMap(f => f.statements)
    const granted = [...statements]
      .filter(([sid]) => !sids.includes(sid))
      .flatMap(([sid, actions]) => [...actions].map(action => `${sid}: ${action}`))
    // A statement outside FEATURES grants nothing the action calls on RDS, S3 or Glue.
    expect(granted).toEqual([])
    for (const feature of Object.keys(FEATURES) as Feature[]) {
      expect(readmeActions(statements, feature).size).toBeGreaterThan(0)
    }
    expect(COMPARED.test('glue:GetTables') && !COMPARED.test('kms:Decrypt')).toBe(true)
  })
})
