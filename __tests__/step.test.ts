import { describe, expect, test } from '@jest/globals'
import { openStep, workflowRunFrom } from '../src/step.js'

describe('workflowRunFrom', () => {
  test('the run id and attempt the runner sets', () => {
    expect(workflowRunFrom({ GITHUB_RUN_ID: '1658821493', GITHUB_RUN_ATTEMPT: '3' })).toEqual({
      id: '1658821493',
      attempt: 3
    })
  })

  test('outside GitHub Actions: no id, the first attempt', () => {
    expect(workflowRunFrom({})).toEqual({ id: undefined, attempt: 1 })
    expect(workflowRunFrom({ GITHUB_RUN_ID: '', GITHUB_RUN_ATTEMPT: '' })).toEqual({
      id: undefined,
      attempt: 1
    })
  })

  test("parsed as @actions/github's context parses them (parseInt, base 10)", () => {
    expect(workflowRunFrom({ GITHUB_RUN_ID: ' 0042x', GITHUB_RUN_ATTEMPT: '2.5' })).toEqual({
      id: '42',
      attempt: 2
    })
    expect(workflowRunFrom({ GITHUB_RUN_ID: 'abc', GITHUB_RUN_ATTEMPT: 'two' })).toEqual({
      id: undefined,
      attempt: 1
    })
  })

  test("the step reads its own environment, not @actions/github's", async () => {
    const step = openStep({
      now: () => 0,
      date: () => new Date(0),
      sleep: async () => undefined,
      env: { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' },
      signals: { on: () => process, off: () => process } as unknown as Pick<
        NodeJS.Process,
        'on' | 'off'
      >
    })
    await expect(step.workflowRun()).resolves.toEqual({ id: '77', attempt: 2 })
    step.close()
  })
})
