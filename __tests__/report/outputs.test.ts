import { describe, expect, test } from '@jest/globals'
import {
  exportLocation,
  isoTime,
  OUTPUT_NAMES,
  rdsConsoleUrl,
  s3ConsoleUrl,
  taskOutputs
} from '../../src/report/outputs.js'

describe('exportLocation', () => {
  test.each([
    ['exports', 'exports/my-task/'],
    ['/exports/nightly/', 'exports/nightly/my-task/'],
    ['', 'my-task/'],
    [undefined, 'my-task/']
  ])('prefix %p', (prefix, expected) => {
    expect(exportLocation('bucket', prefix, 'my-task')).toEqual({
      s3Prefix: expected,
      s3Uri: `s3://bucket/${expected}`
    })
  })
})

describe('taskOutputs', () => {
  test('every output, upper-case status, integers, ISO times without milliseconds', () => {
    const outputs = taskOutputs(
      {
        ExportTaskIdentifier: 'nightly-1',
        Status: 'in_progress',
        SourceArn: 'arn:aws:rds:eu-west-1:123456789012:snapshot:rds:prod-2026-11-25-03-10',
        SourceType: 'SNAPSHOT',
        S3Bucket: 'exports',
        S3Prefix: 'db',
        PercentProgress: 42,
        TotalExtractedDataInGB: 110,
        SnapshotTime: new Date('2026-11-25T03:10:00.000Z'),
        TaskStartTime: new Date('2026-11-25T08:00:01.250Z')
      },
      'eu-west-1'
    )
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
    expect(outputs).toMatchObject({
      'export-task-identifier': 'nightly-1',
      status: 'IN_PROGRESS',
      's3-bucket': 'exports',
      's3-prefix': 'db/nightly-1/',
      's3-uri': 's3://exports/db/nightly-1/',
      'source-type': 'SNAPSHOT',
      'percent-progress': '42',
      'total-extracted-data-in-gb': '110',
      'failure-cause': '',
      'warning-message': '',
      'snapshot-time': '2026-11-25T03:10:00Z',
      'task-start-time': '2026-11-25T08:00:01Z',
      'task-end-time': '',
      'console-url':
        'https://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1#exports-in-s3:'
    })
  })

  test('an empty task gives empty strings, not "undefined"', () => {
    const outputs = taskOutputs({}, 'us-east-1')
    for (const [name, value] of Object.entries(outputs)) {
      if (name !== 's3-prefix' && name !== 's3-uri' && name !== 'console-url') {
        expect(value).toBe('')
      }
      expect(value).not.toContain('undefined')
    }
  })
})

describe('console links', () => {
  test('partitions', () => {
    expect(rdsConsoleUrl('cn-north-1')).toMatch(/^https:\/\/console\.amazonaws\.cn\//)
    expect(rdsConsoleUrl('us-gov-west-1')).toMatch(/^https:\/\/console\.amazonaws-us-gov\.com\//)
    expect(s3ConsoleUrl('us-east-1', 'b', 'p/id/')).toBe(
      'https://us-east-1.console.aws.amazon.com/s3/buckets/b?region=us-east-1&prefix=p%2Fid%2F&showversions=false'
    )
  })

  test('isoTime ignores invalid dates', () => {
    expect(isoTime(new Date('nope'))).toBe('')
  })
})
