// A step for phase tests: a virtual clock that sleeping advances (an hours-long wait runs in
// milliseconds), recorded log lines, warnings and outputs, and an abort controller to cancel
// the run. Mirrors src/step.ts without @actions/core.
import type { ExportTask } from '../src/aws/types.js'
import type { TimelineEntry } from '../src/report/summary.js'
import type { Snapshot } from '../src/snapshots.js'
import type { Step, WorkflowRun } from '../src/step.js'

/** The wall-clock time the virtual clock's 0 stands for. */
export const EPOCH_MS = Date.parse('2026-11-25T08:00:00Z')

export interface FakeStep extends Omit<Step, 'snapshot'> {
  snapshot: Snapshot | undefined
  clock: { ms: number }
  log: string[]
  warned: string[]
  /** Every task passed to saw(), in order. */
  seen: ExportTask[]
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
  const seen: ExportTask[] = []
  const slept: number[] = []
  const outputs = new Map<string, string>()
  const timeline: TimelineEntry[] = []
  let deadlineMs = clock.ms + (options.waitTimeoutMs ?? 6 * 3_600_000)
  const step: FakeStep = {
    clock,
    log,
    warned,
    seen,
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
    warning: line => void warned.push(line),
    warnings: warned,
    timeline,
    begin(o) {
      deadlineMs = clock.ms + o.waitTimeoutMs
    },
    waitDeadlineMs: () => deadlineMs,
    saw: task => void seen.push(task),
    output: (name, value) => void outputs.set(name, value),
    outputs,
    tookSnapshot(taken) {
      step.snapshot = taken
    },
    snapshot: undefined,
    get lastTask() {
      return seen.at(-1)
    },
    region: options.region ?? 'us-east-1',
    summary: true,
    workflowRun: async () => options.run ?? { id: '4242', attempt: 1 },
    onClose: () => undefined,
    close: () => undefined
  }
  return step
}
