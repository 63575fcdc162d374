// Pure decisions about snapshots: no SDK, no client.
import { describe, expect, test } from '@jest/globals'
import { newestAvailable, snapshotTypeOfName, type Snapshot } from '../src/snapshots.js'
import { cases } from '../__fixtures__/cases.js'

const ARN = 'arn:aws:rds:us-east-1:123456789012'

describe('newestAvailable', () => {
  test('picks the newest available snapshot, ignoring others', () => {
    const at = (iso: string) => new Date(iso)
    const snapshot = (identifier: string, status: string, createTime?: Date): Snapshot => ({
      kind: 'snapshot',
      arn: `arn:aws:rds:us-east-1:123456789012:snapshot:${identifier}`,
      identifier,
      status,
      createTime
    })
    const snapshots = [
      snapshot('old', 'available', at('2026-11-20T00:00:00Z')),
      snapshot('creating', 'creating', at('2026-11-25T00:00:00Z')),
      snapshot('new', 'Available', at('2026-11-24T00:00:00Z')),
      snapshot('no-time', 'available')
    ]
    expect(newestAvailable(snapshots)?.identifier).toBe('new')
    expect(newestAvailable([snapshot('x', 'failed')])).toBeUndefined()
  })
})

cases('snapshotTypeOfName(%s) is %s', snapshotTypeOfName, [
  ['rds:db-2026-11-25-03-10', 'automated'],
  [`${ARN}:snapshot:rds:db-2026-11-25-03-10`, 'automated'],
  [`${ARN}:cluster-snapshot:rds:aurora-2026`, 'automated'],
  ['awsbackup:job-1234', 'awsbackup'],
  ['manual-1', undefined],
  [`${ARN}:snapshot:manual-1`, undefined]
])
