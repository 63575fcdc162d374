import { describe, expect, test } from '@jest/globals'
import { aboutAsked } from '../../src/phases/answer.js'

describe('aboutAsked', () => {
  test('the answer about the task asked for is taken as it is', () => {
    const task = { ExportTaskIdentifier: 'nightly-7', Status: 'STARTING' }
    expect(aboutAsked('StartExportTask', 'nightly-7', task)).toBe(task)
  })

  test.each([['../../x'], ['nightly-8'], ['NIGHTLY-7'], [undefined]])(
    'an answer naming %s instead is an error naming both',
    named => {
      expect(() =>
        aboutAsked('CancelExportTask', 'nightly-7', { ExportTaskIdentifier: named })
      ).toThrow(
        `CancelExportTask answered about export task '${named ?? ''}' when asked about 'nightly-7'`
      )
    }
  )
})
