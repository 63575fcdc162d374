// The RDS APIs of the session (aws/export-tasks.ts, aws/snapshots.ts) on a real RDSClient whose
// `send` is mocked, and the source phase over them: what RDS is asked, and what comes back.
import { beforeEach, describe, expect, test } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand
} from '@aws-sdk/client-rds'
import { exportTasksApi } from '../../src/aws/export-tasks.js'
import { snapshotsApi } from '../../src/aws/snapshots.js'
import { explainError } from '../../src/errors.js'
import type { SourceInput } from '../../src/config.js'
import { prepareSource } from '../../src/phases/source.js'
import { startConfig } from '../../__fixtures__/config.js'
import { fakeStep } from '../../__fixtures__/step.js'

const rds = mockClient(RDSClient)
const client = new RDSClient({
  region: 'us-east-1',
  credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret' })
})
const tasks = exportTasksApi(() => client)
const snapshots = snapshotsApi(() => client)
const ARN = 'arn:aws:rds:us-east-1:123456789012'

beforeEach(() => {
  rds.reset()
})

/** The source phase over the real snapshots API, with the credentials' account as given. */
function resolveSource(
  api: typeof snapshots,
  source: SourceInput,
  exportOnly: string[],
  accountId?: string
) {
  const value = 'arn' in source ? source.arn : source.identifier
  const config = startConfig({
    [source.input]: value,
    ...('snapshotType' in source ? { 'snapshot-type': source.snapshotType } : {}),
    'export-only': exportOnly.join('\n'),
    'aws-region': 'us-east-1'
  })
  return prepareSource({ snapshots: api, accountId: async () => accountId }, config, fakeStep())
}

describe('prepareSource over the snapshots API', () => {
  test('db-instance-identifier reads every page and picks the newest available', async () => {
    rds
      .on(DescribeDBSnapshotsCommand)
      .resolvesOnce({
        DBSnapshots: [
          {
            DBSnapshotIdentifier: 'a',
            DBSnapshotArn: `${ARN}:snapshot:a`,
            Status: 'available',
            SnapshotCreateTime: new Date('2026-11-01T00:00:00Z')
          }
        ],
        Marker: 'm1'
      })
      .resolvesOnce({
        DBSnapshots: [
          {
            DBSnapshotIdentifier: 'rds:db-2026-11-24',
            DBSnapshotArn: `${ARN}:snapshot:rds:db-2026-11-24`,
            Status: 'available',
            Engine: 'mysql',
            SnapshotCreateTime: new Date('2026-11-24T00:00:00Z')
          }
        ]
      })
    const source = await resolveSource(
      snapshots,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'automated' },
      []
    )
    expect(source).toEqual({
      arn: `${ARN}:snapshot:rds:db-2026-11-24`,
      engine: 'mysql'
    })
    const calls = rds.commandCalls(DescribeDBSnapshotsCommand).map(c => c.args[0].input)
    // The paginator reuses one input object, so only the last state can be checked.
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual({
      DBInstanceIdentifier: 'db',
      SnapshotType: 'automated',
      MaxRecords: 100,
      Marker: 'm1'
    })
  })

  test("snapshot-type any also looks at AWS Backup's snapshots, which RDS lists apart", async () => {
    rds.on(DescribeDBSnapshotsCommand).callsFake(input => ({
      DBSnapshots:
        input.SnapshotType === 'awsbackup'
          ? [
              {
                DBSnapshotIdentifier: 'awsbackup:job-9',
                DBSnapshotArn: `${ARN}:snapshot:awsbackup:job-9`,
                Status: 'available',
                SnapshotCreateTime: new Date('2026-11-25T01:00:00Z')
              }
            ]
          : [
              {
                DBSnapshotIdentifier: 'rds:db-2026-11-24',
                DBSnapshotArn: `${ARN}:snapshot:rds:db-2026-11-24`,
                Status: 'available',
                SnapshotCreateTime: new Date('2026-11-24T00:00:00Z')
              }
            ]
    }))
    const source = await resolveSource(
      snapshots,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
      []
    )
    expect(source.arn).toBe(`${ARN}:snapshot:awsbackup:job-9`)
    const types = rds
      .commandCalls(DescribeDBSnapshotsCommand)
      .map(c => c.args[0].input.SnapshotType)
    expect(types.sort()).toEqual(['awsbackup', undefined])
  })

  test('no available snapshot names the input and the snapshot type', async () => {
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({ DBClusterSnapshots: [] })
    await expect(
      resolveSource(
        snapshots,
        { input: 'db-cluster-identifier', identifier: 'aurora', snapshotType: 'manual' },
        []
      )
    ).rejects.toThrow(/Input 'db-cluster-identifier': 'aurora' has no manual DB cluster snapshot/)
  })

  test('a snapshot ARN needs no call, with export-only too (RDS checks it at the start)', async () => {
    const arn = `${ARN}:snapshot:manual-1`
    expect(await resolveSource(snapshots, { input: 'source-arn', arn }, [])).toEqual({ arn })
    expect(
      await resolveSource(snapshots, { input: 'source-arn', arn }, ['app.public.orders'])
    ).toEqual({ arn })
    expect(rds.calls()).toHaveLength(0)
  })

  test("a name becomes its ARN in the credentials' account, with no call", async () => {
    const source = { input: 'db-snapshot-identifier', identifier: 'Nightly-1' } as const
    expect(await resolveSource(snapshots, source, [], '123456789012')).toEqual({
      arn: `${ARN}:snapshot:nightly-1`
    })
    const cluster = { input: 'db-cluster-snapshot-identifier', identifier: 'rds:aurora-1' } as const
    expect(await resolveSource(snapshots, cluster, [], '123456789012')).toEqual({
      arn: `${ARN}:cluster-snapshot:rds:aurora-1`
    })
    expect(rds.calls()).toHaveLength(0)
  })

  test('export-only entries the engine cannot take are refused before the start, naming the input', async () => {
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        {
          DBSnapshotIdentifier: 'shop-1',
          DBSnapshotArn: `${ARN}:snapshot:shop-1`,
          Engine: 'mysql',
          Status: 'available'
        }
      ]
    })
    const newest = {
      input: 'db-instance-identifier',
      identifier: 'shop',
      snapshotType: 'any'
    } as const
    await expect(resolveSource(snapshots, newest, ['shop.public.orders'])).rejects.toThrow(
      /Input 'export-only' entry 'shop.public.orders' doesn't fit .*mysql/
    )
  })

  test('a live cluster ARN is used as is', async () => {
    const arn = `${ARN}:cluster:aurora-prod`
    expect(await resolveSource(snapshots, { input: 'source-arn', arn }, ['db'])).toEqual({
      arn
    })
    expect(rds.calls()).toHaveLength(0)
  })

  test('an automated snapshot name is described with SnapshotType automated', async () => {
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [{ DBSnapshotIdentifier: 'rds:db-1', DBSnapshotArn: `${ARN}:snapshot:rds:db-1` }]
    })
    // Credentials that don't say their account: the name is described, as RDS documents it.
    await resolveSource(snapshots, { input: 'db-snapshot-identifier', identifier: 'rds:db-1' }, [])
    expect(rds.commandCalls(DescribeDBSnapshotsCommand)[0]?.args[0].input).toEqual({
      DBSnapshotIdentifier: 'rds:db-1',
      SnapshotType: 'automated'
    })
  })

  test('a cluster snapshot name resolves to its ARN', async () => {
    rds.on(DescribeDBClusterSnapshotsCommand).resolves({
      DBClusterSnapshots: [
        {
          DBClusterSnapshotIdentifier: 'weekly',
          DBClusterSnapshotArn: `${ARN}:cluster-snapshot:weekly`,
          Engine: 'aurora-postgresql'
        }
      ]
    })
    const source = await resolveSource(
      snapshots,
      { input: 'db-cluster-snapshot-identifier', identifier: 'weekly' },
      []
    )
    expect(source.arn).toBe(`${ARN}:cluster-snapshot:weekly`)
    expect(source.engine).toBe('aurora-postgresql')
  })
})

describe('describe', () => {
  test('an unknown identifier is undefined whether RDS answers 404 or an empty list', async () => {
    rds
      .on(DescribeExportTasksCommand)
      .rejectsOnce(Object.assign(new Error('nope'), { name: 'ExportTaskNotFoundFault' }))
      .resolvesOnce({ ExportTasks: [] })
    expect(await tasks.describe('x')).toBeUndefined()
    expect(await tasks.describe('x')).toBeUndefined()
  })

  test('other errors are thrown', async () => {
    rds
      .on(DescribeExportTasksCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDenied' }))
    await expect(tasks.describe('x')).rejects.toThrow('no')
  })
})

test('countActive filters on starting and in_progress across pages', async () => {
  rds
    .on(DescribeExportTasksCommand)
    .resolvesOnce({ ExportTasks: [{ ExportTaskIdentifier: 'a' }], Marker: 'm' })
    .resolvesOnce({ ExportTasks: [{ ExportTaskIdentifier: 'b' }] })
  expect(await tasks.countActive()).toBe(2)
  expect(rds.commandCalls(DescribeExportTasksCommand)[1]?.args[0].input).toEqual({
    Filters: [{ Name: 'status', Values: ['starting', 'in_progress'] }],
    MaxRecords: 100,
    Marker: 'm'
  })
})

describe('errors name the RDS operation they came from', () => {
  const denied = () => Object.assign(new Error('denied'), { name: 'AccessDenied' })

  test.each([
    [
      'StartExportTask',
      () =>
        tasks.start({
          ExportTaskIdentifier: 'x',
          SourceArn: `${ARN}:snapshot:s`,
          S3BucketName: 'b',
          IamRoleArn: 'r',
          KmsKeyId: 'k'
        })
    ],
    ['CancelExportTask', () => tasks.cancel('x')],
    ['DescribeExportTasks', () => tasks.countActive()],
    [
      'DescribeDBSnapshots',
      () =>
        resolveSource(
          snapshots,
          { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
          []
        )
    ],
    [
      'DescribeDBClusterSnapshots',
      () =>
        resolveSource(snapshots, { input: 'db-cluster-snapshot-identifier', identifier: 'c' }, [])
    ]
  ])('%s', async (operation, call) => {
    rds.onAnyCommand().rejects(denied())
    const error = await call().catch((e: unknown) => e)
    expect(explainError(error, 'something else').message).toMatch(
      new RegExp(`^${operation} failed`)
    )
  })

  test('StartExportTask leaves out an empty prefix and an empty export-only list', async () => {
    rds.on(StartExportTaskCommand).resolves({ ExportTaskIdentifier: 'x' })
    await tasks.start({
      ExportTaskIdentifier: 'x',
      SourceArn: `${ARN}:snapshot:s`,
      S3BucketName: 'b',
      S3Prefix: '',
      IamRoleArn: 'r',
      KmsKeyId: 'k',
      ExportOnly: []
    })
    const input = rds.commandCalls(StartExportTaskCommand)[0]?.args[0].input
    expect(input?.S3Prefix).toBeUndefined()
    expect(input?.ExportOnly).toBeUndefined()
  })

  test('a snapshot name that describes to nothing is explained', async () => {
    rds.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [] })
    await expect(
      resolveSource(snapshots, { input: 'db-snapshot-identifier', identifier: 'gone' }, [])
    ).rejects.toThrow(/found no DB snapshot 'gone'/)
  })
})
