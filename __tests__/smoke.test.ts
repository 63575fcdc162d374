import { jest, test, expect } from '@jest/globals'

const setFailed = jest.fn<(message: string | Error) => void>()
jest.unstable_mockModule('@actions/core', () => ({ setFailed }))
const { run } = await import('../src/main.js')

test('run reports through core', async () => {
  await run()
  expect(setFailed).toHaveBeenCalled()
})
