// A step for phase tests: a virtual clock that sleeping advances (an hours-long wait runs in
// milliseconds), recorded log lines, warnings and outputs, and an abort controller to cancel
// the run. Mirrors src/step.ts without @actions/core; its record is a real RunRecord.
import { RunRecord } from '../src/record.js'
import type { Step, WorkflowRun } from '../src/step.js'

/** The wall-clock time the virtual clock's 0 stands for. */
export const EPOCH_MS = Date.parse('2026-11-25T08:00:00Z')

export interface FakeStep extends Step {
  clock: { ms: number }
  log: string[]
  warned: string[]
  cancel(): void
  outputs: Map<string, string>
  /** The gaps slept, in order. */
  slept: number[]
}

export function fakeStep(
  options: { startMs?: number; waitTimeoutMs?: number; run?: WorkflowRun; region?: string } = {}
): FakeStep {
  const clock = { ms: options.startMs ?? 0 }
  const controller = new AbortController()
  const log: string[] = []
  const warned: string[] = []
  const slept: number[] = []
  const outputs = new Map<string, string>()
  const record = new RunRecord()
  let deadlineMs = clock.ms + (options.waitTimeoutMs ?? 6 * 3_600_000)
  const step: FakeStep = {
    clock,
    log,
    warned,
    record,
    slept,
    env: {},
    now: () => clock.ms,
    date: () => new Date(EPOCH_MS + clock.ms),
    async sleep(ms) {
      if (!(ms > 0)) throw new Error(`sleep(${ms}): a wait must never busy-loop`)
      slept.push(ms)
      clock.ms += ms
    },
    abort: controller.signal,
    cancel: () => controller.abort(),
    info: line => void log.push(line),
    warning(line) {
      warned.push(line)
      record.warned(line)
    },
    begin(o) {
      deadlineMs = clock.ms + o.waitTimeoutMs
    },
    waitDeadlineMs: () => deadlineMs,
    output: (name, value) => void outputs.set(name, value),
    outputs,
    region: options.region ?? 'us-east-1',
    summary: true,
    workflowRun: async () => options.run ?? { id: '4242', attempt: 1 },
    onClose: () => undefined,
    close: () => undefined
  }
  return step
}
