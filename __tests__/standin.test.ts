// The stand-in, exercised with the real SDK clients: what the action will meet in end-to-end
// tests must parse exactly as RDS and STS answers do.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  CancelExportTaskCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand,
  paginateDescribeExportTasks,
  type DescribeDBSnapshotsCommandInput,
  type DescribeExportTasksCommandInput,
  type RDSClientConfig,
  type StartExportTaskCommandInput
} from '@aws-sdk/client-rds'
import { fromTokenFile, fromWebToken } from '@aws-sdk/credential-providers'
import { SignatureV4 } from '@smithy/signature-v4'
import type { SourceData } from '@smithy/types'
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn, type StandInOptions } from '../test/standin/index.js'
import { scenario } from '../test/standin/scenarios.js'

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-exporter`
const snapshotArn = (name: string): string => `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:${name}`
const clusterSnapshotArn = (name: string): string =>
  `arn:aws:rds:${REGION}:${ACCOUNT}:cluster-snapshot:${name}`
const clusterArn = (name: string): string => `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${name}`

const SEEDS: StandInOptions = {
  snapshots: [
    {
      identifier: 'rds:prod-2026-11-24-03-10',
      instanceIdentifier: 'prod',
      createTime: '2026-11-24T03:10:00Z'
    },
    {
      identifier: 'rds:prod-2026-11-25-03-10',
      instanceIdentifier: 'prod',
      createTime: '2026-11-25T03:10:00Z'
    },
    {
      identifier: 'prod-before-upgrade',
      instanceIdentifier: 'prod',
      createTime: '2026-11-20T12:00:00Z'
    },
    { identifier: 'prod-creating', instanceIdentifier: 'prod', status: 'creating' },
    { identifier: 'shop-manual', instanceIdentifier: 'shop', engine: 'mysql' },
    { identifier: 'west-snap', instanceIdentifier: 'prod', region: 'us-west-2' }
  ],
  clusterSnapshots: [
    {
      identifier: 'rds:aurora-2026-11-25-04-00',
      clusterIdentifier: 'aurora',
      createTime: '2026-11-25T04:00:00Z'
    },
    { identifier: 'aurora-manual', clusterIdentifier: 'aurora', engine: 'aurora-mysql' }
  ],
  clusters: [{ identifier: 'aurora' }]
}

async function oidcToken(standIn: StandIn, audience = 'sts.amazonaws.com'): Promise<string> {
  const env = standIn.env()
  const response = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { value: string }).value
}

/** An RDS client with static keys and an explicit endpoint; no retries unless asked. */
function staticClient(standIn: StandIn, maxAttempts = 1): RDSClient {
  const env = standIn.env({ staticKeys: true })
  return new RDSClient({
    region: REGION,
    endpoint: standIn.url,
    maxAttempts,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID as string,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string
    }
  })
}

function exportOf(identifier: string, sourceArn: string): StartExportTaskCommandInput {
  return {
    ExportTaskIdentifier: identifier,
    SourceArn: sourceArn,
    S3BucketName: 'analytics-exports',
    S3Prefix: 'rds',
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<{
  name: string
  message: string
  $metadata: { httpStatusCode?: number }
}> {
  try {
    await promise
  } catch (error) {
    return error as { name: string; message: string; $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the call to fail')
}

const saved = { ...process.env }
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
})

describe('routing through AWS_ENDPOINT_URL alone', () => {
  let standIn: StandIn
  beforeAll(async () => (standIn = await startStandIn(SEEDS)))
  afterAll(() => standIn.close())

  test('RDS and the STS client inside fromWebToken both reach the stand-in', async () => {
    process.env.AWS_ENDPOINT_URL = standIn.url
    const webIdentityToken = await oidcToken(standIn)
    // No endpoint anywhere: only the environment variable points the SDK here.
    const rds = new RDSClient({
      region: REGION,
      maxAttempts: 1,
      credentials: fromWebToken({
        roleArn: ROLE,
        webIdentityToken,
        clientConfig: { region: REGION }
      })
    })
    const answer = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'prod' }))
    expect(answer.DBSnapshots?.length).toBe(4)
    const sts = standIn.requests.filter(r => r.service === 'sts')
    expect(sts.map(r => [r.action, r.status])).toEqual([['AssumeRoleWithWebIdentity', 200]])
    expect(sts[0]?.params.WebIdentityToken).toBe('<redacted>')
    const last = standIn.requests.at(-1)
    expect(last).toMatchObject({ service: 'rds', action: 'DescribeDBSnapshots', status: 200 })
    expect(last?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(last?.sessionToken).toBe(true)
    expect(standIn.issuedSecrets()).toContain(webIdentityToken)
  })

  test('fromTokenFile (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) also assumes through the stand-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-'))
    try {
      writeFileSync(join(dir, 'token'), await oidcToken(standIn))
      Object.assign(process.env, {
        AWS_ENDPOINT_URL: standIn.url,
        AWS_REGION: REGION,
        AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'),
        AWS_ROLE_ARN: ROLE,
        AWS_ROLE_SESSION_NAME: 'from-file'
      })
      const before = standIn.requests.length
      const rds = new RDSClient({ maxAttempts: 1, credentials: fromTokenFile() })
      await rds.send(new DescribeExportTasksCommand({}))
      expect(
        standIn.requests.slice(before).map(r => `${r.service}:${r.action}:${r.status}`)
      ).toEqual(['sts:AssumeRoleWithWebIdentity:200', 'rds:DescribeExportTasks:200'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the default credential chain with env({ staticKeys: true }) reaches the stand-in', async () => {
    Object.assign(process.env, standIn.env({ staticKeys: true }))
    const before = standIn.requests.length
    await new RDSClient({ maxAttempts: 1 }).send(new DescribeExportTasksCommand({}))
    expect(standIn.requests.slice(before)).toMatchObject([
      { service: 'rds', status: 200, accessKeyId: process.env.AWS_ACCESS_KEY_ID, region: REGION }
    ])
  })

  test('AWS_ENDPOINT_URL_RDS wins over AWS_ENDPOINT_URL for RDS', async () => {
    const other = await startStandIn({
      ...SEEDS,
      staticCredentials: [{ accessKeyId: 'AKIAOTHERSTANDIN0001', secretAccessKey: 'other-secret' }]
    })
    try {
      process.env.AWS_ENDPOINT_URL = standIn.url
      process.env.AWS_ENDPOINT_URL_RDS = other.url
      const rds = new RDSClient({
        region: REGION,
        maxAttempts: 1,
        credentials: { accessKeyId: 'AKIAOTHERSTANDIN0001', secretAccessKey: 'other-secret' }
      })
      await rds.send(new DescribeExportTasksCommand({}))
      expect(other.requests.map(r => r.action)).toEqual(['DescribeExportTasks'])
    } finally {
      await other.close()
    }
  })
})

describe('RDS actions', () => {
  let standIn: StandIn
  let rds: RDSClient
  beforeAll(async () => {
    standIn = await startStandIn({
      ...SEEDS,
      timeline: { startingSeconds: 60, inProgressSeconds: 100, outcome: 'COMPLETE', totalGb: 40 }
    })
    rds = staticClient(standIn)
  })
  afterAll(() => standIn.close())

  test('DescribeDBSnapshots by instance, name, ARN, type and filters, in the caller region only', async () => {
    const names = async (input: DescribeDBSnapshotsCommandInput) =>
      ((await rds.send(new DescribeDBSnapshotsCommand(input))).DBSnapshots ?? []).map(
        s => s.DBSnapshotIdentifier
      )
    expect(await names({ DBInstanceIdentifier: 'prod' })).toEqual([
      'rds:prod-2026-11-24-03-10',
      'rds:prod-2026-11-25-03-10',
      'prod-before-upgrade',
      'prod-creating'
    ])
    expect(await names({ DBInstanceIdentifier: 'prod', SnapshotType: 'manual' })).toEqual([
      'prod-before-upgrade',
      'prod-creating'
    ])
    expect(await names({ DBSnapshotIdentifier: snapshotArn('shop-manual') })).toEqual([
      'shop-manual'
    ])
    expect(
      await names({
        Filters: [
          { Name: 'db-instance-id', Values: ['prod'] },
          { Name: 'snapshot-type', Values: ['automated'] }
        ]
      })
    ).toEqual(['rds:prod-2026-11-24-03-10', 'rds:prod-2026-11-25-03-10'])
    expect(await names({ DBInstanceIdentifier: 'nobody' })).toEqual([])

    const [snapshot] =
      (
        await rds.send(
          new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'rds:prod-2026-11-25-03-10' })
        )
      ).DBSnapshots ?? []
    expect(snapshot).toMatchObject({
      DBSnapshotArn: snapshotArn('rds:prod-2026-11-25-03-10'),
      Engine: 'postgres',
      Status: 'available',
      SnapshotType: 'automated',
      SnapshotCreateTime: new Date('2026-11-25T03:10:00Z')
    })
  })

  test('DescribeDBClusterSnapshots', async () => {
    const answer = await rds.send(
      new DescribeDBClusterSnapshotsCommand({
        DBClusterIdentifier: 'aurora',
        SnapshotType: 'automated'
      })
    )
    expect(answer.DBClusterSnapshots).toHaveLength(1)
    expect(answer.DBClusterSnapshots?.[0]).toMatchObject({
      DBClusterSnapshotIdentifier: 'rds:aurora-2026-11-25-04-00',
      DBClusterIdentifier: 'aurora',
      DBClusterSnapshotArn: clusterSnapshotArn('rds:aurora-2026-11-25-04-00'),
      Engine: 'aurora-postgresql',
      Status: 'available',
      AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c']
    })
    const byName = await rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'aurora-manual' })
    )
    expect(byName.DBClusterSnapshots?.[0]?.Engine).toBe('aurora-mysql')
  })

  test('a task goes STARTING, IN_PROGRESS with growing progress, then COMPLETE', async () => {
    const started = await rds.send(
      new StartExportTaskCommand({
        ...exportOf('prod-nightly', snapshotArn('rds:prod-2026-11-25-03-10')),
        ExportOnly: ['app', 'app.public.orders']
      })
    )
    expect(started).toMatchObject({
      ExportTaskIdentifier: 'prod-nightly',
      Status: 'STARTING',
      PercentProgress: 0,
      TotalExtractedDataInGB: 0,
      SourceType: 'SNAPSHOT',
      S3Bucket: 'analytics-exports',
      S3Prefix: 'rds',
      ExportOnly: ['app', 'app.public.orders'],
      SnapshotTime: new Date('2026-11-25T03:10:00Z')
    })
    expect(started.TaskStartTime).toBeUndefined()
    const describe = async () =>
      (await rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'prod-nightly' })))
        .ExportTasks?.[0]
    standIn.advance(85)
    expect(await describe()).toMatchObject({
      Status: 'IN_PROGRESS',
      PercentProgress: 25,
      TotalExtractedDataInGB: 10
    })
    standIn.advance(50)
    expect(await describe()).toMatchObject({
      Status: 'IN_PROGRESS',
      PercentProgress: 75,
      TotalExtractedDataInGB: 30
    })
    standIn.advance(25)
    const done = await describe()
    expect(done).toMatchObject({
      Status: 'COMPLETE',
      PercentProgress: 100,
      TotalExtractedDataInGB: 40
    })
    expect(Number(done?.TaskEndTime) - Number(done?.TaskStartTime)).toBe(100_000)
    expect(done?.WarningMessage).toBeUndefined()
  })

  test('cluster snapshots export as SNAPSHOT, live clusters as CLUSTER', async () => {
    const fromSnapshot = await rds.send(
      new StartExportTaskCommand(
        exportOf('aurora-snap', clusterSnapshotArn('rds:aurora-2026-11-25-04-00'))
      )
    )
    expect(fromSnapshot.SourceType).toBe('SNAPSHOT')
    const live = await rds.send(
      new StartExportTaskCommand(exportOf('aurora-live', clusterArn('aurora')))
    )
    expect(live.SourceType).toBe('CLUSTER')
  })

  test('CancelExportTask answers CANCELING, later CANCELED; an ended task cannot be cancelled', async () => {
    await rds.send(
      new StartExportTaskCommand(exportOf('to-cancel', snapshotArn('prod-before-upgrade')))
    )
    const canceling = await rds.send(
      new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' })
    )
    expect(canceling.Status).toBe('CANCELING')
    standIn.advance(6)
    expect(standIn.task('to-cancel')?.Status).toBe('CANCELED')
    const again = await failure(
      rds.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'to-cancel' }))
    )
    expect([again.name, again.$metadata.httpStatusCode]).toEqual([
      'InvalidExportTaskStateFault',
      400
    ])
  })

  test('filters and SourceType narrow DescribeExportTasks', async () => {
    standIn.addTask({
      identifier: 'other-team-1',
      sourceArn: snapshotArn('elsewhere'),
      s3Bucket: 'other-bucket'
    })
    const ids = async (input: DescribeExportTasksCommandInput) =>
      ((await rds.send(new DescribeExportTasksCommand(input))).ExportTasks ?? [])
        .map(t => t.ExportTaskIdentifier)
        .sort()
    expect(await ids({ Filters: [{ Name: 's3-bucket', Values: ['other-bucket'] }] })).toEqual([
      'other-team-1'
    ])
    expect(
      await ids({ Filters: [{ Name: 'status', Values: ['in_progress', 'starting'] }] })
    ).toEqual(['aurora-live', 'aurora-snap', 'other-team-1'].sort())
    expect(await ids({ Filters: [{ Name: 'status', Values: ['IN_PROGRESS'] }] })).toEqual([])
    expect(await ids({ SourceType: 'CLUSTER' })).toEqual(['aurora-live'])
    expect(await ids({ SourceArn: clusterArn('aurora') })).toEqual(['aurora-live'])
    expect(
      await ids({
        Filters: [{ Name: 'source-arn', Values: [snapshotArn('rds:prod-2026-11-25-03-10')] }]
      })
    ).toEqual(['prod-nightly'])
    expect(
      await ids({ Filters: [{ Name: 'export-task-identifier', Values: ['to-cancel'] }] })
    ).toEqual(['to-cancel'])
    const bad = await failure(
      rds.send(new DescribeExportTasksCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] }))
    )
    expect(bad.name).toBe('InvalidParameterValue')
  })

  test('StartExportTask refuses as RDS does', async () => {
    const cases: [StartExportTaskCommandInput, string, number][] = [
      [exportOf('9-starts-with-digit', snapshotArn('shop-manual')), 'InvalidParameterValue', 400],
      [exportOf('two--hyphens', snapshotArn('shop-manual')), 'InvalidParameterValue', 400],
      [exportOf('trailing-', snapshotArn('shop-manual')), 'InvalidParameterValue', 400],
      [exportOf('a'.repeat(61), snapshotArn('shop-manual')), 'InvalidParameterValue', 400],
      [exportOf('prod-nightly', snapshotArn('shop-manual')), 'ExportTaskAlreadyExistsFault', 400],
      [exportOf('missing-snap', snapshotArn('nope')), 'DBSnapshotNotFoundFault', 404],
      [
        exportOf('west', `arn:aws:rds:us-west-2:${ACCOUNT}:snapshot:west-snap`),
        'DBSnapshotNotFoundFault',
        404
      ],
      [
        exportOf('missing-csnap', clusterSnapshotArn('nope')),
        'DBClusterSnapshotNotFoundFault',
        404
      ],
      [exportOf('missing-cluster', clusterArn('nope')), 'DBClusterNotFoundFault', 404],
      [exportOf('creating', snapshotArn('prod-creating')), 'InvalidExportSourceStateFault', 400],
      [exportOf('busy-source', clusterArn('aurora')), 'InvalidExportSourceStateFault', 400],
      [
        {
          ...exportOf('mysql-3-parts', snapshotArn('shop-manual')),
          ExportOnly: ['shop.public.orders']
        },
        'InvalidExportOnlyFault',
        400
      ],
      [
        { ...exportOf('no-bucket', snapshotArn('shop-manual')), S3BucketName: undefined },
        'MissingParameter',
        400
      ]
    ]
    const seen = []
    for (const [input, ,] of cases) {
      const error = await failure(rds.send(new StartExportTaskCommand(input)))
      seen.push([input.ExportTaskIdentifier, error.name, error.$metadata.httpStatusCode])
    }
    expect(seen).toEqual(
      cases.map(([input, name, status]) => [input.ExportTaskIdentifier, name, status])
    )
  })

  test('unknown tasks: ExportTaskNotFound 404 for describe and cancel', async () => {
    const describe = await failure(
      rds.send(new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' }))
    )
    expect([describe.name, describe.$metadata.httpStatusCode]).toEqual([
      'ExportTaskNotFoundFault',
      404
    ])
    const cancel = await failure(
      rds.send(new CancelExportTaskCommand({ ExportTaskIdentifier: 'ghost' }))
    )
    expect([cancel.name, cancel.$metadata.httpStatusCode]).toEqual(['ExportTaskNotFoundFault', 404])
  })
})

describe('paging', () => {
  test('DescribeExportTasks pages with Marker and MaxRecords 20-100', async () => {
    const standIn = await startStandIn({
      tasks: Array.from({ length: 45 }, (_, i) => ({
        identifier: `old-${i}`,
        sourceArn: snapshotArn(`s-${i}`),
        status: 'COMPLETE' as const
      }))
    })
    try {
      const rds = staticClient(standIn)
      const first = await rds.send(new DescribeExportTasksCommand({ MaxRecords: 20 }))
      expect(first.ExportTasks).toHaveLength(20)
      expect(first.Marker).toBeDefined()
      const sizes: number[] = []
      const seen: string[] = []
      for await (const page of paginateDescribeExportTasks({ client: rds, pageSize: 20 }, {})) {
        sizes.push(page.ExportTasks?.length ?? 0)
        seen.push(...(page.ExportTasks ?? []).map(t => t.ExportTaskIdentifier as string))
      }
      expect(sizes).toEqual([20, 20, 5])
      expect(new Set(seen).size).toBe(45)
      const tooSmall = await failure(rds.send(new DescribeExportTasksCommand({ MaxRecords: 10 })))
      expect([tooSmall.name, tooSmall.$metadata.httpStatusCode]).toEqual([
        'InvalidParameterValue',
        400
      ])
    } finally {
      await standIn.close()
    }
  })

  test('DescribeDBSnapshots pages too', async () => {
    const standIn = await startStandIn({
      snapshots: Array.from({ length: 25 }, (_, i) => ({
        identifier: `snap-${i}`,
        instanceIdentifier: 'db'
      }))
    })
    try {
      const rds = staticClient(standIn)
      const first = await rds.send(
        new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'db', MaxRecords: 20 })
      )
      const second = await rds.send(
        new DescribeDBSnapshotsCommand({
          DBInstanceIdentifier: 'db',
          MaxRecords: 20,
          Marker: first.Marker
        })
      )
      expect([first.DBSnapshots?.length, second.DBSnapshots?.length, second.Marker]).toEqual([
        20,
        5,
        undefined
      ])
    } finally {
      await standIn.close()
    }
  })
})

describe('timelines and scenarios', () => {
  test('per-identifier timelines: failure, warning, uneven progress, lower-case statuses, timeScale', async () => {
    const standIn = await startStandIn({
      ...SEEDS,
      timeScale: 60,
      lowercaseStatus: true,
      timelines: {
        fails: {
          startingSeconds: 600,
          inProgressSeconds: 0,
          outcome: 'FAILED',
          failureCause: "The IAM role can't be assumed"
        },
        warns: { startingSeconds: 60, inProgressSeconds: 600, outcome: 'COMPLETE_WITH_WARNING' },
        uneven: {
          startingSeconds: 0,
          inProgressSeconds: 1000,
          outcome: 'COMPLETE',
          progressCurve: 'uneven'
        }
      }
    })
    try {
      const rds = staticClient(standIn)
      await rds.send(
        new StartExportTaskCommand(exportOf('fails', snapshotArn('rds:prod-2026-11-25-03-10')))
      )
      await rds.send(new StartExportTaskCommand(exportOf('warns', snapshotArn('shop-manual'))))
      await rds.send(
        new StartExportTaskCommand(exportOf('uneven', snapshotArn('prod-before-upgrade')))
      )
      const statuses = async () =>
        Object.fromEntries(
          ((await rds.send(new DescribeExportTasksCommand({}))).ExportTasks ?? []).map(t => [
            t.ExportTaskIdentifier,
            `${t.Status}:${t.PercentProgress}`
          ])
        )
      // 5 real seconds are 300 scenario seconds.
      standIn.advance(5)
      expect(await statuses()).toEqual({
        fails: 'starting:0',
        warns: 'in_progress:40',
        uneven: 'in_progress:5'
      })
      standIn.advance(5)
      expect(await statuses()).toEqual({
        fails: 'failed:0',
        warns: 'in_progress:90',
        uneven: 'in_progress:80'
      })
      standIn.advance(10)
      const tasks = (await rds.send(new DescribeExportTasksCommand({}))).ExportTasks ?? []
      expect(tasks.map(t => [t.ExportTaskIdentifier, t.Status])).toEqual([
        ['fails', 'failed'],
        ['warns', 'complete'],
        ['uneven', 'complete']
      ])
      expect(tasks[0]?.FailureCause).toBe("The IAM role can't be assumed")
      expect(JSON.parse(tasks[1]?.WarningMessage ?? '')).toHaveProperty('general')
      expect(tasks[2]?.WarningMessage).toBeUndefined()
    } finally {
      await standIn.close()
    }
  })

  test('the account limit: five busy exports refuse a sixth until one ends', async () => {
    const standIn = await startStandIn({
      ...SEEDS,
      tasks: Array.from({ length: 5 }, (_, i) => ({
        identifier: `busy-${i}`,
        sourceArn: snapshotArn(`other-${i}`),
        startedSecondsAgo: 100 * i,
        timeline: { startingSeconds: 0, inProgressSeconds: 1000, outcome: 'COMPLETE' as const }
      }))
    })
    try {
      const rds = staticClient(standIn)
      const full = await failure(
        rds.send(new StartExportTaskCommand(exportOf('sixth', snapshotArn('shop-manual'))))
      )
      expect([full.name, full.$metadata.httpStatusCode]).toEqual([
        'ExportTaskLimitReachedFault',
        400
      ])
      expect(full.message).toBe('You have reached the limit of 5 concurrent export tasks')
      standIn.advance(601) // busy-4 started 400 s ago and runs 1000 s
      expect(
        standIn
          .tasks()
          .filter(t => t.Status === 'COMPLETE')
          .map(t => t.ExportTaskIdentifier)
      ).toEqual(['busy-4'])
      const started = await rds.send(
        new StartExportTaskCommand(exportOf('sixth', snapshotArn('shop-manual')))
      )
      expect(started.Status).toBe('STARTING')
    } finally {
      await standIn.close()
    }
  })

  test('the busy scenario holds every slot until its first export ends', async () => {
    const seen: string[] = []
    const standIn = await startStandIn({
      ...scenario('busy', new Date('2026-11-25T12:00:00Z')),
      onRequest: entry => seen.push(`${entry.action} ${entry.status} ${entry.code ?? ''}`.trim())
    })
    try {
      const rds = staticClient(standIn)
      const [newest] = (
        await rds.send(
          new DescribeDBSnapshotsCommand({
            DBInstanceIdentifier: 'prod',
            SnapshotType: 'automated'
          })
        )
      ).DBSnapshots!.sort((a, b) => Number(b.SnapshotCreateTime) - Number(a.SnapshotCreateTime))
      expect(newest?.DBSnapshotIdentifier).toBe('rds:prod-2026-11-24-03-10')
      const input = exportOf('prod-demo', newest?.DBSnapshotArn as string)
      const full = await failure(rds.send(new StartExportTaskCommand(input)))
      expect(full.name).toBe('ExportTaskLimitReachedFault')
      standIn.advance(240 / 30) // the first busy export ends 240 scenario seconds from now, at x30
      expect((await rds.send(new StartExportTaskCommand(input))).Status).toBe('STARTING')
      expect(seen).toEqual([
        'DescribeDBSnapshots 200',
        'StartExportTask 400 ExportTaskLimitReachedFault',
        'StartExportTask 200'
      ])
    } finally {
      await standIn.close()
    }
  })

  test('ExportTaskNotFound can be swapped for an empty list', async () => {
    const standIn = await startStandIn({ unknownTaskAnswer: 'empty' })
    try {
      const answer = await staticClient(standIn).send(
        new DescribeExportTasksCommand({ ExportTaskIdentifier: 'ghost' })
      )
      expect(answer.ExportTasks).toEqual([])
    } finally {
      await standIn.close()
    }
  })
})

describe('errors as the SDK sees them', () => {
  let standIn: StandIn
  beforeAll(async () => (standIn = await startStandIn()))
  afterAll(() => standIn.close())

  // wire code -> SDK error name and HTTP status, observed with @aws-sdk/client-rds
  const table: [string, string, number][] = [
    ['ExportTaskAlreadyExists', 'ExportTaskAlreadyExistsFault', 400],
    ['IamRoleNotFound', 'IamRoleNotFoundFault', 404],
    ['IamRoleMissingPermissions', 'IamRoleMissingPermissionsFault', 400],
    ['DBSnapshotNotFound', 'DBSnapshotNotFoundFault', 404],
    ['DBClusterSnapshotNotFoundFault', 'DBClusterSnapshotNotFoundFault', 404],
    ['DBClusterNotFoundFault', 'DBClusterNotFoundFault', 404],
    ['ExportTaskNotFound', 'ExportTaskNotFoundFault', 404],
    ['InvalidExportTaskStateFault', 'InvalidExportTaskStateFault', 400],
    ['InvalidExportSourceState', 'InvalidExportSourceStateFault', 400],
    ['InvalidS3BucketFault', 'InvalidS3BucketFault', 400],
    ['KMSKeyNotAccessibleFault', 'KMSKeyNotAccessibleFault', 400],
    ['InvalidExportOnly', 'InvalidExportOnlyFault', 400],
    ['ExportTaskLimitReachedFault', 'ExportTaskLimitReachedFault', 400],
    ['Throttling', 'Throttling', 400],
    ['AccessDenied', 'AccessDenied', 403],
    ['ExpiredToken', 'ExpiredToken', 400],
    ['InternalFailure', 'InternalFailure', 500],
    ['ServiceUnavailable', 'ServiceUnavailable', 503]
  ]
  test.each(table)('%s arrives as %s (%d)', async (code, name, status) => {
    standIn.injectFault({ action: 'StartExportTask', times: 1, kind: 'error', code })
    const error = await failure(
      staticClient(standIn).send(new StartExportTaskCommand(exportOf('x', snapshotArn('y'))))
    )
    expect([error.name, error.$metadata.httpStatusCode]).toEqual([name, status])
    expect(standIn.requests.at(-1)).toMatchObject({
      action: 'StartExportTask',
      status,
      code,
      fault: 'error'
    })
  })

  test('fault kinds; the SDK retries throttling and 5xx by itself', async () => {
    const rds = staticClient(standIn)
    const kinds = [
      ['throttle', 'Throttling', 400],
      ['http500', 'InternalFailure', 500],
      ['http503', 'ServiceUnavailable', 503]
    ] as const
    for (const [kind, name, status] of kinds) {
      standIn.injectFault({ action: 'DescribeExportTasks', times: 1, kind })
      const error = await failure(rds.send(new DescribeExportTasksCommand({})))
      expect([error.name, error.$metadata.httpStatusCode]).toEqual([name, status])
    }
    standIn.injectFault({ times: 1, kind: 'reset' })
    const reset = await failure(rds.send(new DescribeExportTasksCommand({})))
    // Outside jest this is a TimeoutError with code ECONNRESET; inside jest's VM the SDK wraps
    // it ("AWS SDK error wrapper for TimeoutError: socket hang up") and the code is lost.
    expect(`${reset.name} ${reset.message}`).toMatch(/TimeoutError.*socket hang up|ECONNRESET/)

    standIn.injectFault({ action: 'DescribeExportTasks', times: 2, kind: 'throttle' })
    const retried = await staticClient(standIn, 3).send(new DescribeExportTasksCommand({}))
    expect(retried.$metadata.attempts).toBe(3)

    standIn.injectFault({ action: 'DescribeExportTasks', times: 1, kind: 'slow', delayMs: 50 })
    expect((await rds.send(new DescribeExportTasksCommand({}))).ExportTasks).toEqual([])
    expect(standIn.requests.at(-1)).toMatchObject({ fault: 'slow', status: 200 })
  })
})

describe('latency (for the benchmarks)', () => {
  test('each answer of a service waits its latencyMs, at least', async () => {
    const standIn = await startStandIn({ ...SEEDS, latencyMs: { rds: 300, oidc: 200 } })
    try {
      const rds = staticClient(standIn)
      const t0 = performance.now()
      await rds.send(new DescribeExportTasksCommand({}))
      const rdsMs = performance.now() - t0
      const t1 = performance.now()
      await oidcToken(standIn)
      const oidcMs = performance.now() - t1
      // Lower bounds only: the delay is added, so a loaded machine can only make them longer.
      expect(rdsMs).toBeGreaterThanOrEqual(290)
      expect(oidcMs).toBeGreaterThanOrEqual(190)
    } finally {
      await standIn.close()
    }
  })
})

describe('credentials', () => {
  let standIn: StandIn
  beforeAll(
    async () =>
      (standIn = await startStandIn({
        credentialLifetimeSeconds: 3600,
        staticCredentials: [
          { accessKeyId: 'AKIASTATICSTANDIN001', secretAccessKey: 'static-secret' }
        ]
      }))
  )
  afterAll(() => standIn.close())

  const rdsWith = (credentials: RDSClientConfig['credentials']) =>
    new RDSClient({ region: REGION, endpoint: standIn.url, maxAttempts: 1, credentials })

  test('assumed credentials work, then are refused with ExpiredToken once expired', async () => {
    const webIdentityToken = await oidcToken(standIn)
    const provider = fromWebToken({
      roleArn: ROLE,
      roleSessionName: 'gha-run-1',
      webIdentityToken,
      clientConfig: { region: REGION, endpoint: standIn.url }
    })
    const credentials = await provider()
    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    expect(credentials.expiration?.getTime()).toBe(
      Math.floor(standIn.now().getTime() / 1000) * 1000 + 3600_000
    )
    expect(standIn.issuedSecrets()).toEqual(
      expect.arrayContaining([
        credentials.secretAccessKey,
        credentials.sessionToken,
        webIdentityToken,
        standIn.oidcRequestToken
      ])
    )
    const rds = rdsWith(credentials)
    await rds.send(new DescribeExportTasksCommand({}))
    standIn.advance(3601)
    const expired = await failure(rds.send(new DescribeExportTasksCommand({})))
    expect([expired.name, expired.$metadata.httpStatusCode]).toEqual(['ExpiredToken', 400])
  })

  test('unknown keys, a wrong secret and a missing session token are refused', async () => {
    const unknown = await failure(
      rdsWith({ accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'x' }).send(
        new DescribeExportTasksCommand({})
      )
    )
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['InvalidClientTokenId', 403])
    const wrongSecret = await failure(
      rdsWith({ accessKeyId: 'AKIASTATICSTANDIN001', secretAccessKey: 'wrong' }).send(
        new DescribeExportTasksCommand({})
      )
    )
    expect([wrongSecret.name, wrongSecret.$metadata.httpStatusCode]).toEqual([
      'SignatureDoesNotMatch',
      403
    ])
    const assumed = await fromWebToken({
      roleArn: ROLE,
      webIdentityToken: await oidcToken(standIn),
      clientConfig: { region: REGION, endpoint: standIn.url }
    })()
    const noToken = await failure(
      rdsWith({ accessKeyId: assumed.accessKeyId, secretAccessKey: assumed.secretAccessKey }).send(
        new DescribeExportTasksCommand({})
      )
    )
    expect(noToken.name).toBe('InvalidClientTokenId')
    const ok = await rdsWith({
      accessKeyId: 'AKIASTATICSTANDIN001',
      secretAccessKey: 'static-secret'
    }).send(new DescribeExportTasksCommand({}))
    expect(ok.$metadata.httpStatusCode).toBe(200)
    expect(standIn.requests.at(-1)).toMatchObject({
      accessKeyId: 'AKIASTATICSTANDIN001',
      sessionToken: false
    })
  })
})

describe('STS AssumeRoleWithWebIdentity', () => {
  const assume = (
    standIn: StandIn,
    webIdentityToken: string,
    extra: { durationSeconds?: number; roleSessionName?: string } = {}
  ) =>
    fromWebToken({
      roleArn: ROLE,
      webIdentityToken,
      ...extra,
      clientConfig: { region: REGION, endpoint: standIn.url, maxAttempts: 1 }
    })()

  test('refuses foreign, tampered, expired and wrong-audience tokens as STS does', async () => {
    const standIn = await startStandIn({ trustedSubjects: ['repo:octo-org/octo-repo:*'] })
    try {
      const good = await oidcToken(standIn)
      const [header, payload, signature] = good.split('.') as [string, string, string]
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
        string,
        unknown
      >
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'repo:evil/repo:ref:refs/heads/main' })).toString('base64url')}.${signature}`
      const cases: [string, string, number][] = [
        ['not-a-jwt', 'InvalidIdentityTokenException', 400],
        [forged, 'InvalidIdentityTokenException', 400],
        [
          await oidcToken(standIn, 'api://AzureADTokenExchange'),
          'InvalidIdentityTokenException',
          400
        ]
      ]
      for (const [token, name, status] of cases) {
        const error = await failure(assume(standIn, token))
        expect([error.name, error.$metadata.httpStatusCode]).toEqual([name, status])
      }
      const tooLong = await failure(assume(standIn, good, { durationSeconds: 43200 }))
      expect([tooLong.name, tooLong.message]).toEqual([
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      ])
      const badName = await failure(assume(standIn, good, { roleSessionName: 'has space' }))
      expect(badName.name).toBe('ValidationError')
      standIn.advance(301)
      const expired = await failure(assume(standIn, good))
      expect([expired.name, expired.$metadata.httpStatusCode]).toEqual([
        'ExpiredTokenException',
        400
      ])
    } finally {
      await standIn.close()
    }
  })

  test('a subject the role does not trust is AccessDenied', async () => {
    const standIn = await startStandIn({ trustedSubjects: ['repo:octo-org/other-repo:*'] })
    try {
      const error = await failure(assume(standIn, await oidcToken(standIn)))
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403])
    } finally {
      await standIn.close()
    }
  })
})

describe('STS GetCallerIdentity (for the configure-aws-credentials baseline in bench/)', () => {
  /** node:crypto behind the hash interface SignatureV4 takes. */
  class Sha256 {
    private readonly hash: Hash | Hmac
    constructor(secret?: SourceData) {
      this.hash = secret ? createHmac('sha256', toBuffer(secret)) : createHash('sha256')
    }
    update(data: SourceData): void {
      this.hash.update(toBuffer(data))
    }
    digest(): Promise<Uint8Array> {
      return Promise.resolve(this.hash.digest())
    }
  }
  const toBuffer = (d: SourceData): Buffer =>
    typeof d === 'string' ? Buffer.from(d) : Buffer.from(d as ArrayBuffer)

  async function getCallerIdentity(
    standIn: StandIn,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  ): Promise<{ status: number; body: string }> {
    const url = new URL(standIn.url)
    const body = 'Action=GetCallerIdentity&Version=2011-06-15'
    const signer = new SignatureV4({ credentials, region: REGION, service: 'sts', sha256: Sha256 })
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
      body
    })
    const response = await fetch(standIn.url, {
      method: 'POST',
      headers: signed.headers,
      body
    })
    return { status: response.status, body: await response.text() }
  }

  test('answers the assumed role for its credentials and refuses unsigned callers', async () => {
    const standIn = await startStandIn({})
    try {
      const credentials = await fromWebToken({
        roleArn: ROLE,
        roleSessionName: 'GitHubActions',
        webIdentityToken: await oidcToken(standIn),
        clientConfig: { region: REGION, endpoint: standIn.url, maxAttempts: 1 }
      })()
      const answer = await getCallerIdentity(standIn, credentials)
      expect(answer.status).toBe(200)
      expect(answer.body).toContain(
        `<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/github-exporter/GitHubActions</Arn>`
      )
      expect(answer.body).toContain(`<Account>${ACCOUNT}</Account>`)
      expect(answer.body).toMatch(/<UserId>AROA[A-Z0-9]{17}:GitHubActions<\/UserId>/)

      const unsigned = await fetch(standIn.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=GetCallerIdentity&Version=2011-06-15'
      })
      expect(unsigned.status).toBe(403)
      expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>')
      const wrongSecret = await getCallerIdentity(standIn, {
        ...credentials,
        secretAccessKey: 'not-the-secret'
      })
      expect(wrongSecret.status).toBe(403)
      expect(wrongSecret.body).toContain('<Code>SignatureDoesNotMatch</Code>')
    } finally {
      await standIn.close()
    }
  })
})

describe('the OIDC endpoint', () => {
  test('wants the bearer and issues GitHub-shaped JWTs', async () => {
    const standIn = await startStandIn({
      oidc: { lifetimeSeconds: 300, repository: 'octo-org/data' }
    })
    try {
      const env = standIn.env()
      const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sts.amazonaws.com`
      expect((await fetch(url)).status).toBe(401)
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
      const token = await oidcToken(standIn)
      const [header, payload, signature] = token.split('.') as [string, string, string]
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
        alg: 'RS256',
        typ: 'JWT'
      })
      expect(signature.length).toBeGreaterThan(300)
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
        string,
        unknown
      >
      expect(claims).toMatchObject({
        aud: 'sts.amazonaws.com',
        sub: 'repo:octo-org/data:ref:refs/heads/main',
        iss: 'https://token.actions.githubusercontent.com',
        repository: 'octo-org/data'
      })
      expect((claims.exp as number) - (claims.iat as number)).toBe(300)
      const other = await oidcToken(standIn)
      expect(
        JSON.parse(Buffer.from(other.split('.')[1] as string, 'base64url').toString()).jti
      ).not.toBe(claims.jti)
      expect(standIn.requests.filter(r => r.service === 'oidc').map(r => r.status)).toEqual([
        401, 401, 200, 200
      ])
      expect(standIn.issuedSecrets()).toEqual(
        expect.arrayContaining([token, other, env.ACTIONS_ID_TOKEN_REQUEST_TOKEN])
      )
    } finally {
      await standIn.close()
    }
  })

  test('env() gives what the runner and the SDK read', async () => {
    const standIn = await startStandIn({ region: 'eu-west-1' })
    try {
      expect(standIn.env()).toEqual({
        AWS_ENDPOINT_URL: standIn.url,
        AWS_REGION: 'eu-west-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${standIn.url}/_oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: standIn.oidcRequestToken
      })
      expect(Object.keys(standIn.env({ staticKeys: true }))).toEqual(
        expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
      )
      expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    } finally {
      await standIn.close()
    }
  })
})
