import { expect, test } from '@jest/globals'
import { sleep } from '../src/loop.js'

test('sleep resolves after its time', async () => {
  const start = Date.now()
  await sleep(20, new AbortController().signal)
  expect(Date.now() - start).toBeGreaterThanOrEqual(15)
})

test('a cancelled run cuts the sleep short', async () => {
  const controller = new AbortController()
  const slept = sleep(60_000, controller.signal)
  controller.abort()
  await expect(slept).resolves.toBeUndefined()
})

test('an already cancelled run does not sleep at all', async () => {
  const controller = new AbortController()
  controller.abort()
  await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined()
})
