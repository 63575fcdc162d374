import { beforeEach, describe, expect, test } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  DescribeDBClusterSnapshotsCommand,
  DescribeDBSnapshotsCommand,
  DescribeExportTasksCommand,
  RDSClient,
  StartExportTaskCommand
} from '@aws-sdk/client-rds'
import { explainError } from '../src/errors.js'
import {
  cancelExportTask,
  createRdsClient,
  resolveCredentials,
  startExportTask,
  describeExportTask,
  listActiveExports,
  newestAvailable,
  resolveSource,
  snapshotTypeOfName
} from '../src/rds.js'

const rds = mockClient(RDSClient)
const client = createRdsClient('us-east-1', async () => ({
  accessKeyId: 'AKID',
  secretAccessKey: 'secret'
}))
const ARN = 'arn:aws:rds:us-east-1:123456789012'

beforeEach(() => {
  rds.reset()
})

describe('newestAvailable', () => {
  test('picks the newest available snapshot, ignoring others', () => {
    const at = (iso: string) => new Date(iso)
    const snapshots = [
      { id: 'old', Status: 'available', t: at('2026-11-20T00:00:00Z') },
      { id: 'creating', Status: 'creating', t: at('2026-11-25T00:00:00Z') },
      { id: 'new', Status: 'Available', t: at('2026-11-24T00:00:00Z') },
      { id: 'no-time', Status: 'available', t: undefined }
    ]
    expect(newestAvailable(snapshots, s => s.t)?.id).toBe('new')
    expect(newestAvailable([{ Status: 'failed' }], () => undefined)).toBeUndefined()
  })
})

describe('resolveSource', () => {
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
      client,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'automated' },
      false
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
      client,
      { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
      false
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
        client,
        { input: 'db-cluster-identifier', identifier: 'aurora', snapshotType: 'manual' },
        false
      )
    ).rejects.toThrow(/Input 'db-cluster-identifier': 'aurora' has no manual DB cluster snapshot/)
  })

  test('a snapshot ARN needs no call unless the engine is wanted', async () => {
    const arn = `${ARN}:snapshot:manual-1`
    expect(await resolveSource(client, { input: 'source-arn', arn }, false)).toEqual({
      arn
    })
    expect(rds.calls()).toHaveLength(0)
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [{ DBSnapshotIdentifier: 'manual-1', DBSnapshotArn: arn, Engine: 'postgres' }]
    })
    expect((await resolveSource(client, { input: 'source-arn', arn }, true)).engine).toBe(
      'postgres'
    )
  })

  test('a live cluster ARN is used as is', async () => {
    const arn = `${ARN}:cluster:aurora-prod`
    expect(await resolveSource(client, { input: 'source-arn', arn }, true)).toEqual({
      arn
    })
    expect(rds.calls()).toHaveLength(0)
  })

  test('an automated snapshot name is described with SnapshotType automated', async () => {
    rds.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [{ DBSnapshotIdentifier: 'rds:db-1', DBSnapshotArn: `${ARN}:snapshot:rds:db-1` }]
    })
    await resolveSource(client, { input: 'db-snapshot-identifier', identifier: 'rds:db-1' }, false)
    expect(rds.commandCalls(DescribeDBSnapshotsCommand)[0]?.args[0].input).toEqual({
      DBSnapshotIdentifier: 'rds:db-1',
      SnapshotType: 'automated',
      IncludeShared: false
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
      client,
      { input: 'db-cluster-snapshot-identifier', identifier: 'weekly' },
      false
    )
    expect(source.arn).toBe(`${ARN}:cluster-snapshot:weekly`)
    expect(source.engine).toBe('aurora-postgresql')
  })
})

test.each([
  ['rds:db-2026-11-25-03-10', 'automated'],
  [`${ARN}:snapshot:rds:db-2026-11-25-03-10`, 'automated'],
  [`${ARN}:cluster-snapshot:rds:aurora-2026`, 'automated'],
  ['awsbackup:job-1234', 'awsbackup'],
  ['manual-1', undefined],
  [`${ARN}:snapshot:manual-1`, undefined]
])('snapshotTypeOfName(%s) is %s', (name, type) => {
  expect(snapshotTypeOfName(name)).toBe(type)
})

describe('describeExportTask', () => {
  test('an unknown identifier is undefined whether RDS answers 404 or an empty list', async () => {
    rds
      .on(DescribeExportTasksCommand)
      .rejectsOnce(Object.assign(new Error('nope'), { name: 'ExportTaskNotFoundFault' }))
      .resolvesOnce({ ExportTasks: [] })
    expect(await describeExportTask(client, 'x')).toBeUndefined()
    expect(await describeExportTask(client, 'x')).toBeUndefined()
  })

  test('other errors are thrown', async () => {
    rds
      .on(DescribeExportTasksCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDenied' }))
    await expect(describeExportTask(client, 'x')).rejects.toThrow('no')
  })
})

test('listActiveExports filters on starting and in_progress across pages', async () => {
  rds
    .on(DescribeExportTasksCommand)
    .resolvesOnce({ ExportTasks: [{ ExportTaskIdentifier: 'a' }], Marker: 'm' })
    .resolvesOnce({ ExportTasks: [{ ExportTaskIdentifier: 'b' }] })
  const active = await listActiveExports(client)
  expect(active.map(t => t.ExportTaskIdentifier)).toEqual(['a', 'b'])
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
        startExportTask(client, {
          ExportTaskIdentifier: 'x',
          SourceArn: `${ARN}:snapshot:s`,
          S3BucketName: 'b',
          IamRoleArn: 'r',
          KmsKeyId: 'k'
        })
    ],
    ['CancelExportTask', () => cancelExportTask(client, 'x')],
    ['DescribeExportTasks', () => listActiveExports(client)],
    [
      'DescribeDBSnapshots',
      () =>
        resolveSource(
          client,
          { input: 'db-instance-identifier', identifier: 'db', snapshotType: 'any' },
          false
        )
    ],
    [
      'DescribeDBClusterSnapshots',
      () =>
        resolveSource(client, { input: 'db-cluster-snapshot-identifier', identifier: 'c' }, false)
    ],
    [
      'Loading AWS credentials',
      () =>
        resolveCredentials(
          createRdsClient('us-east-1', async () => {
            throw denied()
          })
        )
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
    await startExportTask(client, {
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
      resolveSource(client, { input: 'db-snapshot-identifier', identifier: 'gone' }, false)
    ).rejects.toThrow(/found no DB snapshot 'gone'/)
  })
})
