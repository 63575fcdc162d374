// The whole flow of main.ts with the real RDS client whose `send` is mocked by
// aws-sdk-client-mock, @actions/core replaced by a recording fake, and a virtual clock.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  jest,
  test
} from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CancelExportTaskCommand,
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand,
  type ExportTask
} from '@aws-sdk/client-rds'

const inputs = new Map<string, string>()
const outputs = new Map<string, string>()
const failures: string[] = []
const warnings: string[] = []
const infos: string[] = []
const getIDToken = jest.fn(async (_audience?: string) => 'oidc-token')

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs.get(name) ?? '',
  setOutput: (name: string, value: string) => outputs.set(name, value),
  setFailed: (message: string) => failures.push(message),
  warning: (message: string) => warnings.push(message),
  info: (message: string) => infos.push(message),
  debug: () => undefined,
  isDebug: () => false,
  setSecret: () => undefined
}))
// fromWebToken is the STS call: answered here, so the OIDC path runs without a network.
const assumed: string[] = []
jest.unstable_mockModule('@aws-sdk/credential-providers', () => ({
  // Without role-to-assume: the default chain, here the environment's keys.
  fromNodeProviderChain: () => async () => ({
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? ''
  }),
  fromWebToken: (init: { webIdentityToken: string }) => async () => {
    assumed.push(init.webIdentityToken)
    return {
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'assumed-secret',
      sessionToken: 'assumed-session',
      expiration: new Date(Date.now() + 3_600_000)
    }
  }
}))
const { run } = await import('../src/main.js')

const rds = mockClient(RDSClient)
const ACCOUNT = '123456789012'
const SNAPSHOT_ARN = `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:rds:prod-db-2026-11-25-03-10`
const BASE_INPUTS = {
  'db-instance-identifier': 'prod-db',
  's3-bucket-name': 'exports-bucket',
  's3-prefix': 'nightly',
  'iam-role-arn': `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
  'kms-key-id': 'alias/rds-export',
  'aws-region': 'eu-west-1'
}
/** The slot check's DescribeExportTasks: the account's exports in progress. */
const ACTIVE_EXPORTS = { Filters: [{ Name: 'status', Values: ['starting', 'in_progress'] }] }
const clock = { ms: Date.parse('2026-11-25T08:00:00Z') }
const deps = {
  now: () => clock.ms,
  date: () => new Date(clock.ms),
  sleep: async (ms: number) => {
    clock.ms += ms
  },
  // The workflow run, as the runner sets it.
  env: { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' } as Record<string, string | undefined>,
  signals: { on: () => process, off: () => process } as unknown as Pick<
    NodeJS.Process,
    'on' | 'off'
  >
}

function setInputs(values: Record<string, string>): void {
  inputs.clear()
  for (const [k, v] of Object.entries(values)) inputs.set(k, v)
}

function notFound(): Error {
  return Object.assign(new Error('Export task not found'), {
    name: 'ExportTaskNotFoundFault',
    $metadata: { httpStatusCode: 404 }
  })
}

/** RDS refusing a start because a task with the identifier exists. */
function alreadyExists(): Error {
  return Object.assign(new Error('exists'), {
    name: 'ExportTaskAlreadyExistsFault',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 }
  })
}

function task(over: Partial<ExportTask> = {}): ExportTask {
  return {
    ExportTaskIdentifier: 'prod-db-4242',
    SourceArn: SNAPSHOT_ARN,
    S3Bucket: 'exports-bucket',
    S3Prefix: 'nightly',
    Status: 'STARTING',
    PercentProgress: 0,
    TotalExtractedDataInGB: 0,
    SourceType: 'SNAPSHOT',
    ...over
  }
}

beforeEach(() => {
  rds.reset()
  outputs.clear()
  failures.length = warnings.length = infos.length = 0
  getIDToken.mockClear()
  deps.env.GITHUB_RUN_ATTEMPT = '1'
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE'
  process.env.AWS_SECRET_ACCESS_KEY = 'secret-example'
  delete process.env.GITHUB_STEP_SUMMARY
  setInputs(BASE_INPUTS)
  rds.on(DescribeDBSnapshotsCommand).resolves({
    DBSnapshots: [
      {
        DBSnapshotIdentifier: 'rds:prod-db-2026-11-25-03-10',
        DBSnapshotArn: SNAPSHOT_ARN,
        Status: 'available',
        Engine: 'postgres',
        SnapshotCreateTime: new Date('2026-11-25T03:10:00Z')
      }
    ]
  })
})

afterEach(() => {
  delete process.env.AWS_ACCESS_KEY_ID
  delete process.env.AWS_SECRET_ACCESS_KEY
})

describe('start', () => {
  test('starts an export of the newest snapshot across pages and sets every output', async () => {
    rds.reset()
    const page1 = [
      {
        DBSnapshotIdentifier: 'rds:prod-db-2026-11-24-03-10',
        DBSnapshotArn: SNAPSHOT_ARN.replace('25', '24'),
        Status: 'available',
        SnapshotCreateTime: new Date('2026-11-24T03:10:00Z')
      },
      {
        DBSnapshotIdentifier: 'rds:prod-db-2026-11-26-03-10',
        DBSnapshotArn: 'creating-one',
        Status: 'creating',
        SnapshotCreateTime: new Date('2026-11-26T03:10:00Z')
      }
    ]
    const page2 = [
      {
        DBSnapshotIdentifier: 'rds:prod-db-2026-11-25-03-10',
        DBSnapshotArn: SNAPSHOT_ARN,
        Status: 'available',
        SnapshotCreateTime: new Date('2026-11-25T03:10:00Z')
      }
    ]
    const backup = [
      {
        DBSnapshotIdentifier: 'awsbackup:job-1',
        DBSnapshotArn: 'older-backup',
        Status: 'available',
        SnapshotCreateTime: new Date('2026-11-20T00:00:00Z')
      }
    ]
    // Automated and manual snapshots in two pages; AWS Backup's in a listing of their own.
    rds.on(DescribeDBSnapshotsCommand).callsFake(input => {
      if (input.SnapshotType === 'awsbackup') return { DBSnapshots: backup }
      return input.Marker === 'page-2'
        ? { DBSnapshots: page2 }
        : { DBSnapshots: page1, Marker: 'page-2' }
    })
    rds.on(DescribeExportTasksCommand).rejects(notFound())
    rds.on(DescribeExportTasksCommand, ACTIVE_EXPORTS).resolves({ ExportTasks: [] })
    rds.on(StartExportTaskCommand).resolves(task())

    await run(deps)

    expect(failures).toEqual([])
    expect(rds.commandCalls(DescribeDBSnapshotsCommand)).toHaveLength(3)
    const start = rds.commandCalls(StartExportTaskCommand)
    expect(start).toHaveLength(1)
    expect(start[0]?.args[0].input).toEqual({
      ExportTaskIdentifier: 'prod-db-4242',
      SourceArn: SNAPSHOT_ARN,
      S3BucketName: 'exports-bucket',
      S3Prefix: 'nightly',
      IamRoleArn: BASE_INPUTS['iam-role-arn'],
      KmsKeyId: 'alias/rds-export',
      ExportOnly: undefined
    })
    expect(Object.fromEntries(outputs)).toMatchObject({
      'export-task-identifier': 'prod-db-4242',
      status: 'STARTING',
      's3-bucket': 'exports-bucket',
      's3-prefix': 'nightly/prod-db-4242/',
      's3-uri': 's3://exports-bucket/nightly/prod-db-4242/',
      'source-arn': SNAPSHOT_ARN,
      'source-type': 'SNAPSHOT'
    })
  })

  test('StartExportTask comes first: no describe of the identifier, no count of the slots', async () => {
    rds.on(StartExportTaskCommand).resolves(task())
    await run(deps)
    expect(failures).toEqual([])
    const calls = rds.calls().map(call => call.args[0].constructor.name)
    expect(calls.filter(name => name !== 'DescribeDBSnapshotsCommand')).toEqual([
      'StartExportTaskCommand'
    ])
  })

  test('a rerun that adopts ignores a source lookup that fails meanwhile', async () => {
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [task({ Status: 'IN_PROGRESS' })] })
    rds
      .on(DescribeDBSnapshotsCommand)
      .rejects(Object.assign(new Error('gone'), { name: 'DBSnapshotNotFoundFault' }))
    await run(deps)
    expect(failures).toEqual([])
    expect(infos.join('\n')).toContain('Adopted existing export task')
    expect(infos.join('\n')).not.toContain('Source:')
  })

  test('a rerun adopts the task with the same identifier, source, bucket and prefix', async () => {
    rds.on(StartExportTaskCommand).rejects(alreadyExists())
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [task({ Status: 'IN_PROGRESS' })] })
    await run(deps)
    expect(failures).toEqual([])
    // RDS refused the start (the task exists), and only then was the task described.
    expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(1)
    expect(rds.commandCalls(DescribeExportTasksCommand)).toHaveLength(1)
    expect(outputs.get('status')).toBe('IN_PROGRESS')
    expect(infos.join('\n')).toContain('Adopted existing export task')
  })

  test('a task with the same identifier but another bucket is a conflict', async () => {
    rds.on(StartExportTaskCommand).rejects(alreadyExists())
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [task({ S3Bucket: 'other' })] })
    await run(deps)
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/'prod-db-4242' already exists .*bucket/)
    expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(1)
  })

  test('ExportTaskAlreadyExists, then the task gone when described (a race): started again', async () => {
    rds.on(DescribeExportTasksCommand, { ExportTaskIdentifier: 'prod-db-4242' }).rejects(notFound())
    rds.on(StartExportTaskCommand).rejectsOnce(alreadyExists()).resolves(task())
    await run(deps)
    expect(failures).toEqual([])
    expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(2)
    expect(outputs.get('export-task-identifier')).toBe('prod-db-4242')
  })

  test('a FAILED task under a generated identifier gets a fresh one on a re-run attempt', async () => {
    deps.env.GITHUB_RUN_ATTEMPT = '2'
    rds
      .on(DescribeExportTasksCommand, { ExportTaskIdentifier: 'prod-db-4242' })
      .resolves({ ExportTasks: [task({ Status: 'FAILED' })] })
    rds
      .on(DescribeExportTasksCommand, {
        ExportTaskIdentifier: 'prod-db-4242-a2'
      })
      .rejects(notFound())
    rds.on(StartExportTaskCommand).callsFake(input => {
      if (input.ExportTaskIdentifier === 'prod-db-4242') throw alreadyExists()
      return task({ ExportTaskIdentifier: input.ExportTaskIdentifier })
    })
    await run(deps)
    expect(failures).toEqual([])
    expect(
      rds.commandCalls(StartExportTaskCommand).map(c => c.args[0].input.ExportTaskIdentifier)
    ).toEqual(['prod-db-4242', 'prod-db-4242-a2'])
  })

  test('export-only is checked against the engine before anything is started', async () => {
    setInputs({ ...BASE_INPUTS, 'export-only': 'sales.public.orders' })
    rds.on(DescribeExportTasksCommand).rejects(notFound())
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        {
          DBSnapshotArn: SNAPSHOT_ARN,
          Status: 'available',
          Engine: 'mysql',
          SnapshotCreateTime: new Date()
        }
      ]
    })
    await run(deps)
    expect(failures[0]).toMatch(/export-only/)
    expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(0)
  })

  test('refused at the export limit, it counts, waits for a slot, then starts', async () => {
    const busy = Array.from({ length: 5 }, (_, i) => task({ ExportTaskIdentifier: `busy-${i}` }))
    rds
      .on(DescribeExportTasksCommand, ACTIVE_EXPORTS)
      .resolvesOnce({ ExportTasks: busy })
      .resolvesOnce({ ExportTasks: busy })
      .resolves({ ExportTasks: busy.slice(1) })
    // The refusal at the limit has no documented code: any refusal makes the action count.
    rds
      .on(StartExportTaskCommand)
      .rejectsOnce(Object.assign(new Error('limit'), { name: 'ExportTaskLimitReachedFault' }))
      .resolves(task())
    const before = clock.ms
    await run(deps)
    expect(failures).toEqual([])
    expect(clock.ms).toBeGreaterThan(before)
    expect(infos.join('\n')).toMatch(/5 export tasks are active/)
    expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(2)
  })

  test('max-concurrent-exports below 5: the slots are counted before the start', async () => {
    setInputs({ ...BASE_INPUTS, 'max-concurrent-exports': '2' })
    rds.on(DescribeExportTasksCommand, ACTIVE_EXPORTS).resolves({ ExportTasks: [task()] })
    rds.on(StartExportTaskCommand).resolves(task())
    await run(deps)
    expect(failures).toEqual([])
    const calls = rds.calls().map(call => call.args[0].constructor.name)
    expect(calls.filter(name => name !== 'DescribeDBSnapshotsCommand')).toEqual([
      'DescribeExportTasksCommand',
      'StartExportTaskCommand'
    ])
  })
})

describe('bad input starts nothing', () => {
  test.each([
    [{ 's3-bucket-name': 's3://exports-bucket/nightly' }, 's3-bucket-name'],
    [{ 'source-arn': SNAPSHOT_ARN }, 'source-arn'],
    [{ wait: 'yes' }, 'wait'],
    [{ 'aws-region': 'Europe' }, 'aws-region']
  ])('%p names %s', async (extra, input) => {
    setInputs({ ...BASE_INPUTS, ...extra })
    await run(deps)
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain(input)
    expect(rds.calls()).toHaveLength(0)
  })

  test('role-to-assume without id-token: write is explained before any AWS call', async () => {
    setInputs({ ...BASE_INPUTS, 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/gha` })
    await run(deps)
    expect(failures[0]).toMatch(/id-token: write/)
    expect(getIDToken).not.toHaveBeenCalled()
    expect(rds.calls()).toHaveLength(0)
  })
})

describe('other modes', () => {
  test('status reads the task once and sets outputs', async () => {
    setInputs({ mode: 'status', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds.on(DescribeExportTasksCommand).resolves({
      ExportTasks: [
        task({ ExportTaskIdentifier: 'nightly-1', Status: 'in_progress', PercentProgress: 40 })
      ]
    })
    await run(deps)
    expect(failures).toEqual([])
    expect(rds.calls()).toHaveLength(1)
    expect(outputs.get('status')).toBe('IN_PROGRESS')
    expect(outputs.get('percent-progress')).toBe('40')
  })

  test('status of an unknown task fails (empty list or ExportTaskNotFound)', async () => {
    setInputs({ mode: 'status', 'export-task-identifier': 'nope', 'aws-region': 'eu-west-1' })
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [] })
    await run(deps)
    expect(failures[0]).toMatch(/no export task 'nope'/)
  })

  test('cancel reports CANCELING', async () => {
    setInputs({ mode: 'cancel', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds
      .on(DescribeExportTasksCommand)
      .resolves({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1' })] })
    rds
      .on(CancelExportTaskCommand)
      .resolves(task({ ExportTaskIdentifier: 'nightly-1', Status: 'CANCELING' }))
    await run(deps)
    expect(failures).toEqual([])
    expect(outputs.get('status')).toBe('CANCELING')
  })

  test('cancel of an ended task is a warning, not a failure', async () => {
    setInputs({ mode: 'cancel', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds
      .on(DescribeExportTasksCommand)
      .resolves({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'COMPLETE' })] })
    await run(deps)
    expect(failures).toEqual([])
    expect(warnings.join('\n')).toMatch(/already ended with status COMPLETE/)
    expect(rds.commandCalls(CancelExportTaskCommand)).toHaveLength(0)
  })

  test('wait adopts the task and waits until it ends, failing on FAILED with the cause', async () => {
    setInputs({ mode: 'wait', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds
      .on(DescribeExportTasksCommand)
      .resolvesOnce({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1' })] })
      .resolvesOnce({
        ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'IN_PROGRESS' })]
      })
      .resolves({
        ExportTasks: [
          task({
            ExportTaskIdentifier: 'nightly-1',
            Status: 'FAILED',
            FailureCause: "The IAM role isn't authorized to call s3:PutObject."
          })
        ]
      })
    await run(deps)
    expect(outputs.get('status')).toBe('FAILED')
    expect(outputs.get('failure-cause')).toContain('s3:PutObject')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/FAILED: The IAM role isn't authorized.*Hint: .*s3:PutObject\*/)
  })
})

describe('waiting through run()', () => {
  const waitInputs = {
    mode: 'wait',
    'export-task-identifier': 'nightly-1',
    'aws-region': 'eu-west-1'
  }
  const inProgress = task({
    ExportTaskIdentifier: 'nightly-1',
    Status: 'IN_PROGRESS',
    PercentProgress: 5
  })

  test('COMPLETE with a warning: a warning, and the summary is written once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'))
    const summaryFile = join(dir, 'summary.md')
    setInputs(waitInputs)
    rds
      .on(DescribeExportTasksCommand)
      .resolvesOnce({ ExportTasks: [inProgress] })
      .resolves({
        ExportTasks: [
          task({
            ExportTaskIdentifier: 'nightly-1',
            Status: 'COMPLETE',
            PercentProgress: 100,
            WarningMessage:
              '{"skippedTables":[{"database":"db","schema":"public","table":"t","reason":"UNSUPPORTED"}]}'
          })
        ]
      })
    await run({ ...deps, env: { ...deps.env, GITHUB_STEP_SUMMARY: summaryFile } })
    expect(failures).toEqual([])
    expect(warnings.join('\n')).toMatch(/has a warning: Skipped table db\.public\.t/)
    const summary = readFileSync(summaryFile, 'utf8')
    expect(summary).toContain('nightly-1')
    expect(summary.match(/^## /gm)).toHaveLength(1)
  })

  test('fail-on-warning fails a COMPLETE task that has a warning', async () => {
    setInputs({ ...waitInputs, 'fail-on-warning': 'true' })
    rds.on(DescribeExportTasksCommand).resolves({
      ExportTasks: [
        task({
          ExportTaskIdentifier: 'nightly-1',
          Status: 'COMPLETE',
          WarningMessage: 'Some tables were skipped'
        })
      ]
    })
    await run(deps)
    expect(failures[0]).toMatch(
      /COMPLETE with a warning \(fail-on-warning\): Some tables were skipped/
    )
  })

  test.each([
    ['fail', /still IN_PROGRESS after 6m .*keeps running/],
    ['cancel', /was cancelled \(on-timeout: cancel\); status CANCELING/]
  ])('on-timeout %s fails with its message', async (onTimeout, message) => {
    setInputs({ ...waitInputs, 'wait-timeout-minutes': '6', 'on-timeout': onTimeout })
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [inProgress] })
    rds.on(CancelExportTaskCommand).resolves({ ...inProgress, Status: 'CANCELING' })
    await run(deps)
    expect(failures[0]).toMatch(message)
    expect(rds.commandCalls(CancelExportTaskCommand)).toHaveLength(onTimeout === 'cancel' ? 1 : 0)
  })

  test('on-timeout continue succeeds with the running state in the outputs', async () => {
    setInputs({ ...waitInputs, 'wait-timeout-minutes': '0.5', 'on-timeout': 'continue' })
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [inProgress] })
    await run(deps)
    expect(failures).toEqual([])
    expect(outputs.get('status')).toBe('IN_PROGRESS')
  })

  test('SIGINT while waiting cancels the export and fails the step as cancelled', async () => {
    const { EventEmitter } = await import('node:events')
    const signals = new EventEmitter()
    setInputs(waitInputs)
    rds.on(DescribeExportTasksCommand).resolves({ ExportTasks: [inProgress] })
    rds.on(CancelExportTaskCommand).resolves({ ...inProgress, Status: 'CANCELING' })
    let sleeps = 0
    await run({
      ...deps,
      signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
      sleep: async ms => {
        clock.ms += ms
        if (++sleeps === 3) signals.emit('SIGINT')
      }
    })
    expect(rds.commandCalls(CancelExportTaskCommand)).toHaveLength(1)
    expect(outputs.get('status')).toBe('CANCELING')
    expect(failures[0]).toMatch(
      /run was cancelled .*'nightly-1'; status CANCELING \(cancel-on-abort\)/
    )
    expect(signals.listenerCount('SIGINT')).toBe(0)
  })

  test('mode cancel with wait: SIGINT fails the step with its summary, and sends no second cancel', async () => {
    const { EventEmitter } = await import('node:events')
    const signals = new EventEmitter()
    const summaryFile = join(mkdtempSync(join(tmpdir(), 'cancel-')), 'summary.md')
    setInputs({
      mode: 'cancel',
      wait: 'true',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'eu-west-1'
    })
    rds
      .on(DescribeExportTasksCommand)
      .resolves({ ExportTasks: [{ ...inProgress, Status: 'CANCELING' }] })
    rds.on(CancelExportTaskCommand).resolves({ ...inProgress, Status: 'CANCELING' })
    rds
      .on(DescribeExportTasksCommand)
      .resolvesOnce({ ExportTasks: [inProgress] })
      .resolves({ ExportTasks: [{ ...inProgress, Status: 'CANCELING' }] })
    let sleeps = 0
    await run({
      ...deps,
      env: { ...deps.env, GITHUB_STEP_SUMMARY: summaryFile },
      signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
      sleep: async ms => {
        clock.ms += ms
        if (++sleeps === 2) signals.emit('SIGINT')
      }
    })
    expect(rds.commandCalls(CancelExportTaskCommand)).toHaveLength(1)
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/run was cancelled .*'nightly-1'; status CANCELING \(mode: cancel/)
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/Run canceled while waiting/)
  })

  test('a canceled task fails a wait', async () => {
    setInputs(waitInputs)
    rds.on(DescribeExportTasksCommand).resolves({
      ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'CANCELED' })]
    })
    await run(deps)
    expect(failures[0]).toMatch(/'nightly-1' was CANCELED/)
  })
})

describe('AWS errors through run()', () => {
  test('StartExportTask refused: the error line names the operation and carries the hint', async () => {
    rds.on(DescribeExportTasksCommand, { ExportTaskIdentifier: 'prod-db-4242' }).rejects(notFound())
    rds.on(DescribeExportTasksCommand, ACTIVE_EXPORTS).resolves({ ExportTasks: [] })
    rds.on(StartExportTaskCommand).rejects(
      Object.assign(new Error('The S3 bucket exports-bucket does not exist.'), {
        name: 'InvalidS3BucketFault',
        $metadata: { httpStatusCode: 400 }
      })
    )
    await run(deps)
    expect(failures).toEqual([
      expect.stringMatching(
        /^StartExportTask failed: InvalidS3BucketFault: The S3 bucket exports-bucket does not exist\. Hint: .*another region/
      )
    ])
  })

  test('a summary is written for a failure before any task exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'))
    const summaryFile = join(dir, 'summary.md')
    setInputs({ ...BASE_INPUTS, 's3-bucket-name': 'Bad_Bucket' })
    await run({ ...deps, env: { ...deps.env, GITHUB_STEP_SUMMARY: summaryFile } })
    expect(readFileSync(summaryFile, 'utf8')).toContain('s3-bucket-name')
  })

  test('summary: false writes none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'))
    const summaryFile = join(dir, 'summary.md')
    setInputs({ ...BASE_INPUTS, summary: 'false' })
    rds.on(StartExportTaskCommand).resolves(task())
    await run({ ...deps, env: { ...deps.env, GITHUB_STEP_SUMMARY: summaryFile } })
    expect(failures).toEqual([])
    expect(() => readFileSync(summaryFile, 'utf8')).toThrow()
  })
})

describe('credentials and races through run()', () => {
  // The runner's token service, on loopback: it answers each request through getIDToken.
  const tokenService = createServer((req, res) => {
    const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience') ?? ''
    void getIDToken(audience).then(value => res.end(JSON.stringify({ value })))
  })
  const oidcEnv: Record<string, string> = { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' }
  beforeAll(async () => {
    await new Promise<void>(resolve => tokenService.listen(0, '127.0.0.1', resolve))
    const { port } = tokenService.address() as AddressInfo
    oidcEnv.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${port}/?api-version=2.0`
  })
  afterAll(() => new Promise<void>(resolve => tokenService.close(() => resolve())))

  test('role-to-assume: the OIDC token is exchanged before the first RDS call', async () => {
    assumed.length = 0
    setInputs({
      mode: 'status',
      'export-task-identifier': 'nightly-1',
      'aws-region': 'eu-west-1',
      'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/gha`,
      audience: 'sts.example'
    })
    rds
      .on(DescribeExportTasksCommand)
      .resolves({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1' })] })
    await run({ ...deps, env: { ...deps.env, ...oidcEnv } })
    expect(failures).toEqual([])
    expect(getIDToken).toHaveBeenCalledWith('sts.example')
    expect(assumed).toEqual(['oidc-token'])
  })

  test('expired credentials during a wait: a new client, and the wait goes on', async () => {
    setInputs({ mode: 'wait', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds
      .on(DescribeExportTasksCommand)
      .resolvesOnce({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1' })] })
      .rejectsOnce(
        Object.assign(new Error('The security token included in the request is expired'), {
          name: 'ExpiredToken',
          $metadata: { httpStatusCode: 400 }
        })
      )
      .resolves({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'COMPLETE' })] })
    await run(deps)
    expect(failures).toEqual([])
    expect(outputs.get('status')).toBe('COMPLETE')
    expect(warnings.join('\n')).toMatch(/ExpiredToken.*transient/)
  })

  test('a task that ends between describe and cancel is a warning', async () => {
    setInputs({ mode: 'cancel', 'export-task-identifier': 'nightly-1', 'aws-region': 'eu-west-1' })
    rds
      .on(DescribeExportTasksCommand)
      .resolvesOnce({
        ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'IN_PROGRESS' })]
      })
      .resolves({ ExportTasks: [task({ ExportTaskIdentifier: 'nightly-1', Status: 'COMPLETE' })] })
    rds.on(CancelExportTaskCommand).rejects(
      Object.assign(new Error('The export task has already completed.'), {
        name: 'InvalidExportTaskStateFault',
        $metadata: { httpStatusCode: 400 }
      })
    )
    await run(deps)
    expect(failures).toEqual([])
    expect(outputs.get('status')).toBe('COMPLETE')
    expect(warnings.join('\n')).toMatch(/already ended with status COMPLETE/)
  })

  test('cancel of an unknown task fails', async () => {
    setInputs({ mode: 'cancel', 'export-task-identifier': 'nope', 'aws-region': 'eu-west-1' })
    rds.on(DescribeExportTasksCommand).rejects(notFound())
    await run(deps)
    expect(failures[0]).toMatch(/no export task 'nope'.*Hint: No export task/)
  })
})

test('wait-timeout-minutes is one budget for the slot wait and the export wait', async () => {
  setInputs({ ...BASE_INPUTS, wait: 'true', 'wait-timeout-minutes': '30' })
  const start = clock.ms
  rds.on(DescribeExportTasksCommand, { ExportTaskIdentifier: 'prod-db-4242' }).rejects(notFound())
  const busy = Array.from({ length: 5 }, (_, i) => task({ ExportTaskIdentifier: `busy-${i}` }))
  rds
    .on(DescribeExportTasksCommand, ACTIVE_EXPORTS)
    .callsFake(() => ({ ExportTasks: clock.ms - start < 20 * 60_000 ? busy : busy.slice(1) }))
  let started = false
  rds.on(StartExportTaskCommand).callsFake(() => {
    // Refused at the limit for the first 20 minutes.
    if (clock.ms - start < 20 * 60_000) {
      throw Object.assign(new Error('limit'), { name: 'ExportTaskLimitReachedFault' })
    }
    started = true
    // From now on the task is described as running forever.
    rds.on(DescribeExportTasksCommand, { ExportTaskIdentifier: 'prod-db-4242' }).resolves({
      ExportTasks: [task({ ExportTaskIdentifier: 'prod-db-4242', Status: 'IN_PROGRESS' })]
    })
    return task({ ExportTaskIdentifier: 'prod-db-4242' })
  })
  await run(deps)
  expect(started).toBe(true)
  expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(2)
  expect(failures[0]).toMatch(/still IN_PROGRESS after 9m \d+s \(wait-timeout-minutes: 30\)/)
  expect(clock.ms - start).toBe(30 * 60_000)
})

test('a run cancelled before StartExportTask starts nothing', async () => {
  const { EventEmitter } = await import('node:events')
  const signals = new EventEmitter()
  rds.on(DescribeDBSnapshotsCommand).callsFake(() => {
    signals.emit('SIGINT') // the runner cancels while the action is still looking around
    return {
      DBSnapshots: [
        { DBSnapshotArn: SNAPSHOT_ARN, Status: 'available', SnapshotCreateTime: new Date() }
      ]
    }
  })
  await run({ ...deps, signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'> })
  expect(rds.commandCalls(StartExportTaskCommand)).toHaveLength(0)
  expect(failures[0]).toMatch(/cancelled before the export started; nothing was started/)
})
