// Injected faults and latency, as the real SDK client meets them: every RDS error code arrives
// under the name and status the SDK gives it; throttling, 5xx, resets and slow answers.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeExportTasksCommand, StartExportTaskCommand } from '@aws-sdk/client-rds'
import { startStandIn, type StandIn } from '../../test/standin/index.js'
import { snapshotArn } from '../../test/support/e2e.js'
import {
  SEEDS,
  expectError,
  exportOf,
  failure,
  oidcToken,
  staticClient
} from '../../test/support/standin.js'

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
    await expectError(
      staticClient(standIn).send(new StartExportTaskCommand(exportOf('x', snapshotArn('y')))),
      name,
      status
    )
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
      await expectError(rds.send(new DescribeExportTasksCommand({})), name, status)
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

    // A fault part-way: the first `after` matching requests are answered as usual.
    standIn.injectFault({ action: 'DescribeExportTasks', after: 1, times: 1, kind: 'throttle' })
    expect((await rds.send(new DescribeExportTasksCommand({}))).ExportTasks).toEqual([])
    await expectError(rds.send(new DescribeExportTasksCommand({})), 'Throttling', 400)
    expect((await rds.send(new DescribeExportTasksCommand({}))).ExportTasks).toEqual([])
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
