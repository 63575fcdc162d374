// Starting or adopting, over a fake export-task API: what the phase decides, whatever order the
// calls take.
import { describe, expect, test } from '@jest/globals'
import { fakeExportTasks, unreadableAnswer } from '../../__fixtures__/aws.js'
import { startConfig } from '../../__fixtures__/config.js'
import { fakeStep } from '../../__fixtures__/step.js'
import { startOrAdopt } from '../../src/phases/start.js'

const SNAPSHOT = 'arn:aws:rds:eu-west-1:123456789012:snapshot:prod-before-upgrade'
const config = startConfig({ 'source-arn': SNAPSHOT, 'aws-region': '' })
const source = { arn: SNAPSHOT }
const ID = 'prod-before-upgrade-4242'

/** The fake API with a task already under ID: of SNAPSHOT, into `bucket`, in `status`. */
const taskUnderId = (bucket: string, status: string) =>
  fakeExportTasks([
    { ExportTaskIdentifier: ID, SourceArn: SNAPSHOT, S3Bucket: bucket, Status: status }
  ])

describe('startOrAdopt', () => {
  test('a first run starts the export under the generated identifier', async () => {
    const api = fakeExportTasks()
    const started = await startOrAdopt(api, config, source, fakeStep())
    expect(started.outcome).toBe('started')
    expect(started.task).toMatchObject({ ExportTaskIdentifier: ID, SourceArn: SNAPSHOT })
  })

  test('a re-run adopts the task its first attempt started', async () => {
    const api = fakeExportTasks()
    await startOrAdopt(api, config, source, fakeStep())
    const again = await startOrAdopt(api, config, source, fakeStep())
    expect(again.outcome).toBe('adopted')
    expect(api.tasks.size).toBe(1)
    // The re-run's start was refused (the task exists); only then was the task described.
    expect(api.calls).toEqual([`start ${ID}`, `start ${ID}`, `describe ${ID}`])
  })

  test('a first start makes one call: StartExportTask', async () => {
    const api = fakeExportTasks()
    await startOrAdopt(api, config, source, fakeStep())
    expect(api.calls).toEqual([`start ${ID}`])
  })

  test('max-concurrent-exports below 5: the slots are counted first, and waited for', async () => {
    const api = fakeExportTasks()
    api.busy = 2
    const step = fakeStep()
    const freeLater = api.countActive
    api.countActive = async () => {
      if (step.clock.ms > 60_000) api.busy = 1
      return freeLater()
    }
    const lowered = startConfig({
      'source-arn': SNAPSHOT,
      'aws-region': '',
      'max-concurrent-exports': '2'
    })
    await startOrAdopt(api, lowered, source, step)
    expect(api.calls[0]).toBe('countActive')
    expect(api.calls.at(-1)).toBe(`start ${ID}`)
    expect(step.clock.ms).toBeGreaterThan(60_000)
    expect(step.log.join('\n')).toMatch(/2 export tasks are active/)
  })

  test('any other refusal is counted against the limit: below it, the refusal stands', async () => {
    const api = fakeExportTasks()
    api.start = async params => {
      api.calls.push(`start ${params.ExportTaskIdentifier}`)
      throw Object.assign(new Error('bucket gone'), { name: 'InvalidS3BucketFault' })
    }
    await expect(startOrAdopt(api, config, source, fakeStep())).rejects.toThrow('bucket gone')
    expect(api.calls).toEqual([`start ${ID}`, 'countActive'])
  })

  test('a FAILED task of this identifier: a re-run attempt starts a fresh one', async () => {
    const api = taskUnderId('exports-bucket', 'FAILED')
    const step = fakeStep({ run: { id: '4242', attempt: 2 } })
    const started = await startOrAdopt(api, config, source, step)
    expect(started.task.ExportTaskIdentifier).toBe(`${ID}-a2`)
    expect(api.calls).toEqual([`start ${ID}`, `describe ${ID}`, `start ${ID}-a2`])
  })

  test('a task of another export under the identifier is a conflict naming what differs', async () => {
    const api = taskUnderId('other-bucket', 'COMPLETE')
    await expect(startOrAdopt(api, config, source, fakeStep())).rejects.toThrow(
      /already exists for a different export: bucket \(task: 'other-bucket', wanted: 'exports-bucket'\)/
    )
  })

  test('a garbled StartExportTask answer: the task is described, found started, and reported', async () => {
    const api = fakeExportTasks()
    const start = api.start
    api.start = async params => {
      await start(params)
      throw unreadableAnswer('StartExportTask')
    }
    const step = fakeStep()
    const started = await startOrAdopt(api, config, source, step)
    expect(started).toMatchObject({ outcome: 'started', task: { ExportTaskIdentifier: ID } })
    expect(step.log.join('\n')).toMatch(/answer could not be read, but DescribeExportTasks shows/)
  })

  test('a garbled answer and no task: the error stands', async () => {
    const api = fakeExportTasks()
    api.start = async () => {
      throw unreadableAnswer('StartExportTask')
    }
    await expect(startOrAdopt(api, config, source, fakeStep())).rejects.toThrow(
      /Unexpected end of XML/
    )
  })

  test('a run cancelled before the start starts nothing', async () => {
    const api = fakeExportTasks()
    const step = fakeStep()
    step.cancel()
    await expect(startOrAdopt(api, config, source, step)).rejects.toThrow(/nothing was started/)
    expect(api.calls.some(c => c.startsWith('start'))).toBe(false)
  })
})
