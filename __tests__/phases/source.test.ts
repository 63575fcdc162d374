// A snapshot found by its name: the SnapshotType each kind of name needs, and only the types AWS
// documents for that API (DescribeDBClusterSnapshots has no awsbackup).
import { expect, test } from '@jest/globals'
import type { SnapshotsApi } from '../../src/aws/snapshots.js'
import { byName } from '../../src/phases/source.js'
import type { SnapshotKind } from '../../src/snapshots.js'

test.each([
  ['snapshot', 'rds:prod-2026-11-29-03-10', 'automated'],
  ['snapshot', 'awsbackup:job-1a2b3c', 'awsbackup'],
  ['snapshot', 'prod-before-v42', undefined],
  ['cluster-snapshot', 'rds:aurora-2026-11-29-03-10', 'automated'],
  ['cluster-snapshot', 'awsbackup:job-1a2b3c', undefined]
] as const)('%s %s is described with SnapshotType %s', async (kind, name, type) => {
  const asked: unknown[] = []
  const snapshots = {
    async describe(k: SnapshotKind, query: { snapshotType?: string }) {
      asked.push(query.snapshotType)
      return [{ kind: k, identifier: name, arn: `arn:aws:rds:us-east-1:123456789012:${k}:${name}` }]
    }
  } as unknown as SnapshotsApi
  await byName(snapshots, kind, name)
  expect(asked).toEqual([type])
})
