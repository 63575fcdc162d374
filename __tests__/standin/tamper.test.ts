// The faults the hardening work needs, through the real SDK clients: requests that are never
// answered (close() still ends them), answers garbled so the client's parser fails, and answers
// that carry crafted strings the SDK parses back exactly.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  StartExportTaskCommand,
  type RDSClient
} from '@aws-sdk/client-rds'
import { GetDatabaseCommand } from '@aws-sdk/client-glue'
import { startStandIn, type FaultRule, type StandIn } from '../../test/standin/index.js'
import { snapshotArn } from '../../test/support/e2e.js'
import {
  ONE_DATABASE_GLUE,
  SEEDS,
  exportOf,
  glueClient,
  expectError,
  failure,
  staticClient
} from '../../test/support/standin.js'

/** Strings a runner or a parser might take for something else. */
const CRAFTED = {
  newline: 'nightly\n::error::PWNED',
  carriageReturn: 'COMPLETE\r\n##[set-output name=status;]FAILED',
  markup: '<b>&amp;</b> "quoted" \'single\' $& $1',
  unicode: 'snap-\u00e4\u200b\u{1F642}\u0000',
  command: '##[add-mask]x ::stop-commands::t0k3n'
}

let standIn: StandIn
let rds: RDSClient
beforeEach(async () => {
  standIn = await startStandIn({
    ...SEEDS,
    services: [ONE_DATABASE_GLUE],
    tasks: [{ identifier: 'running', sourceArn: snapshotArn('prod-before-upgrade') }]
  })
  rds = staticClient(standIn)
})
afterEach(() => standIn.close())

const describeTask = (abortSignal?: AbortSignal) =>
  rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'running' }), { abortSignal })
const oidc = (abortSignal?: AbortSignal) => {
  const env = standIn.env()
  return fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    signal: abortSignal
  })
}
const inject = (rule: Omit<FaultRule, 'times'>) => standIn.injectFault({ times: 1, ...rule })

describe('hang: the request is read and never answered', () => {
  test('RDS and the OIDC endpoint: the client gives up, the log shows the hang', async () => {
    inject({ kind: 'hang', action: 'DescribeExportTasks' })
    inject({ kind: 'hang', action: 'OIDC' })
    const rdsError = await failure(describeTask(AbortSignal.timeout(300)))
    expect(rdsError.name).toBe('AbortError')
    await expect(oidc(AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i)
    expect(standIn.requests.map(r => [r.service, r.action, r.fault, r.status])).toEqual([
      ['rds', 'DescribeExportTasks', 'hang', 0],
      ['oidc', 'OIDC', 'hang', 0]
    ])
    // The rule is spent: the next call is answered.
    expect((await describeTask()).ExportTasks?.[0]?.ExportTaskIdentifier).toBe('running')
  })

  test('processed: the task is started, only the answer is lost', async () => {
    const start = (id: string) =>
      rds.send(new StartExportTaskCommand(exportOf(id, snapshotArn('shop-manual'))), {
        abortSignal: AbortSignal.timeout(300)
      })
    inject({ kind: 'hang', action: 'StartExportTask' })
    await failure(start('lost'))
    inject({ kind: 'hang', action: 'StartExportTask', processed: true })
    await failure(start('started-unanswered'))
    expect(standIn.tasks().map(t => t.ExportTaskIdentifier)).toEqual([
      'running',
      'started-unanswered'
    ])
  })

  test('close() ends a connection that hangs, and the client sees it end', async () => {
    inject({ kind: 'hang' })
    const pending = failure(describeTask())
    // Once the stand-in has the request, close it while the request waits for an answer.
    while (standIn.requests.length === 0) await new Promise(resolve => setTimeout(resolve, 10))
    await standIn.close()
    expect((await pending).message).toMatch(/socket hang up|ECONNRESET|closed/i)
  })
})

describe('drip: the headers at once, the body a byte at a time', () => {
  test('the whole answer arrives, a byte every dripMs', async () => {
    inject({ kind: 'drip', action: 'DescribeExportTasks', dripMs: 1 })
    const t0 = performance.now()
    const answer = await describeTask()
    expect(answer.ExportTasks?.[0]?.ExportTaskIdentifier).toBe('running')
    expect(standIn.requests.at(-1)).toMatchObject({ status: 200, fault: 'drip' })
    // Hundreds of bytes, at least a millisecond apart each.
    expect(performance.now() - t0).toBeGreaterThan(200)
  })

  test('a client that gives up mid-body ends the drip; close() ends one still dripping', async () => {
    inject({ kind: 'drip', action: 'DescribeExportTasks', dripMs: 50 })
    // The SDK's requestTimeout waits for the headers only: they come at once.
    const error = await failure(describeTask(AbortSignal.timeout(500)))
    expect(error.name).toBe('AbortError')
    inject({ kind: 'drip', action: 'OIDC', dripMs: 50 })
    const answer = await oidc()
    expect(answer.status).toBe(200)
    const body = answer.text()
    await standIn.close()
    await expect(body).rejects.toThrow(/terminated|aborted|closed|socket/i)
  })
})

describe('garbled: 200 with a body the client cannot read', () => {
  test.each(['truncated', 'malformed'] as const)('%s XML fails the SDK’s parser', async garble => {
    inject({ kind: 'garbled', action: 'DescribeExportTasks', garble })
    const error = await failure(describeTask())
    expect(error.message).toMatch(/XML parse error/)
    expect(standIn.requests.at(-1)).toMatchObject({ status: 200, fault: 'garbled' })
    expect((await describeTask()).ExportTasks).toHaveLength(1)
  })

  test('empty: the SDK finds no task in it', async () => {
    inject({ kind: 'garbled', action: 'DescribeExportTasks', garble: 'empty' })
    expect((await describeTask()).ExportTasks).toBeUndefined()
  })

  test('a garbled StartExportTask answer: the task did start', async () => {
    inject({ kind: 'garbled', action: 'StartExportTask' })
    const start = rds.send(new StartExportTaskCommand(exportOf('n1', snapshotArn('shop-manual'))))
    expect((await failure(start)).message).toMatch(/XML parse error/)
    expect(standIn.task('n1')?.Status).toBe('STARTING')
  })

  test('an error is answered as it is', async () => {
    inject({ kind: 'garbled', action: 'DescribeExportTasks' })
    await expectError(
      rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' })),
      'ExportTaskNotFoundFault',
      404
    )
  })

  test('JSON: Glue and the OIDC endpoint', async () => {
    const client = glueClient(standIn)
    for (const garble of ['truncated', 'malformed'] as const) {
      inject({ kind: 'garbled', service: 'glue', garble })
      const error = await failure(client.send(new GetDatabaseCommand({ Name: 'exports' })))
      expect(error.name).toBe('SyntaxError')
      inject({ kind: 'garbled', action: 'OIDC', garble })
      // fetch parses outside jest's realm: compare the error by name.
      await expect((await oidc()).json()).rejects.toMatchObject({ name: 'SyntaxError' })
    }
  })
})

describe('craft: chosen strings in chosen fields, parsed back exactly', () => {
  test('an export task’s fields, those it lacks added to each ExportTask', async () => {
    const fields = {
      S3Prefix: CRAFTED.newline,
      Status: CRAFTED.carriageReturn,
      ExportTaskIdentifier: CRAFTED.command,
      SourceArn: CRAFTED.markup,
      FailureCause: CRAFTED.unicode,
      WarningMessage: CRAFTED.markup
    }
    inject({
      kind: 'craft',
      action: 'DescribeExportTasks',
      craft: { fields, record: 'ExportTask' }
    })
    const [task] = (await describeTask()).ExportTasks ?? []
    expect(task).toMatchObject(fields)
    expect(standIn.requests.at(-1)).toMatchObject({ status: 200, fault: 'craft' })
    // Without `record`, only the fields the answer has.
    inject({ kind: 'craft', action: 'DescribeExportTasks', craft: { fields } })
    const [plain] = (await describeTask()).ExportTasks ?? []
    expect(plain?.Status).toBe(CRAFTED.carriageReturn)
    expect([plain?.S3Prefix, plain?.FailureCause]).toEqual([undefined, undefined])
  })

  test('StartExportTask’s answer and a snapshot’s fields', async () => {
    inject({
      kind: 'craft',
      action: 'StartExportTask',
      craft: { fields: { Status: CRAFTED.newline }, record: 'StartExportTaskResult' }
    })
    const started = await rds.send(
      new StartExportTaskCommand(exportOf('n2', snapshotArn('shop-manual')))
    )
    expect(started.Status).toBe(CRAFTED.newline)
    const fields = {
      DBSnapshotIdentifier: CRAFTED.command,
      DBSnapshotArn: CRAFTED.markup,
      Engine: CRAFTED.unicode,
      Status: CRAFTED.carriageReturn
    }
    inject({ kind: 'craft', action: 'DescribeDBSnapshots', craft: { fields } })
    const answer = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'shop' }))
    expect(answer.DBSnapshots).toEqual([expect.objectContaining(fields)])
  })

  test('JSON: a Glue answer, nested, and the OIDC token', async () => {
    const client = glueClient(standIn)
    inject({
      kind: 'craft',
      service: 'glue',
      craft: { fields: { Name: CRAFTED.newline, Description: CRAFTED.markup }, record: 'Database' }
    })
    const database = await client.send(new GetDatabaseCommand({ Name: 'exports' }))
    expect(database.Database).toMatchObject({
      Name: CRAFTED.newline,
      Description: CRAFTED.markup,
      CatalogId: '123456789012'
    })
    inject({ kind: 'craft', action: 'OIDC', craft: { fields: { value: CRAFTED.command } } })
    expect(await (await oidc()).json()).toMatchObject({ value: CRAFTED.command })
  })
})
