// How the end-to-end tests are written: one concurrent test per fresh stand-in, the verdicts
// every step gets (succeeded; failed with one `::error::` line saying what), and a step that is
// acted on (a signal, a clock jump, a fault) once its log shows it has reached a point.
// Jest only: bench/ and scripts/ use e2e.ts, which must not load @jest/globals.
import { expect, test } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import type { StandIn, StandInOptions } from '../standin/index.js'
import { logWatcher, runStep, withStandIn, type StepOptions, type StepResult } from './e2e.js'

/** Each test spawns the action at least once: jest's own 30 s is too short on a busy machine. */
export const E2E_TIMEOUT_MS = 60_000

/** One end-to-end test with a stand-in of its own, run concurrently with the others. */
export function e2e(
  name: string,
  options: StandInOptions,
  fn: (standIn: StandIn) => Promise<void>
): void {
  test.concurrent(name, () => withStandIn(options, fn), E2E_TIMEOUT_MS)
}

/** No `::error::` line, exit code 0. */
export function expectSuccess(step: StepResult): void {
  expect(step.errors).toEqual([])
  expect(step.exitCode).toBe(0)
}

/** Exit code 1 and one `::error::` line, which contains each string and matches each pattern. */
export function expectFailure(step: StepResult, ...says: (string | RegExp)[]): void {
  expect(step.exitCode).toBe(1)
  expect(step.errors).toHaveLength(1)
  for (const part of says) {
    if (typeof part === 'string') expect(step.errors[0]).toContain(part)
    else expect(step.errors[0]).toMatch(part)
  }
}

/**
 * Runs a step and, once its log matches `when`, calls `act` with the process (send it a signal,
 * move the stand-in's clock, inject a fault); the result, and when `act` ran (ms since epoch).
 */
export async function runStepUntil(
  standIn: StandIn,
  inputs: Record<string, string>,
  when: RegExp,
  act: (child: ChildProcess) => void,
  options: StepOptions = {}
): Promise<StepResult & { actedAt: number }> {
  const watcher = logWatcher()
  let child: ChildProcess | undefined
  const done = runStep(standIn, inputs, {
    ...options,
    onSpawn: c => (child = c),
    onOutput: watcher.onOutput
  })
  await watcher.until(log => when.test(log))
  const actedAt = Date.now()
  if (child) act(child)
  return { ...(await done), actedAt }
}

/**
 * How long a process may live after its `::error::` line and still count as exiting by itself.
 * Generous on purpose (the machines are shared): a socket or timer left behind holds it until the
 * harness kills it (50 s), so this tells "exits" from "held" without timing the action.
 */
export const EXITS_AFTER_ERROR_MS = 10_000

/**
 * Runs a step and says how long its process lived after the first `::error::` line reached the
 * log (Infinity when there was none): a socket or timer left behind keeps a process alive.
 */
export async function runStepTimed(
  standIn: StandIn,
  inputs: Record<string, string>,
  options: StepOptions = {}
): Promise<StepResult & { afterErrorMs: number }> {
  let errorAt: number | undefined
  const step = await runStep(standIn, inputs, {
    ...options,
    onOutput: chunk => {
      options.onOutput?.(chunk)
      if (errorAt === undefined && chunk.includes('::error')) errorAt = performance.now()
    }
  })
  return { ...step, afterErrorMs: performance.now() - (errorAt ?? -Infinity) }
}
