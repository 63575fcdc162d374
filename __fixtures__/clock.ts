// A virtual monotonic clock that sleeping advances, for the waits' tests: an hour-long wait runs
// in milliseconds, and a wait that would busy-loop (sleep 0) fails the test instead.

export interface VirtualClock {
  clock: { ms: number }
  now: () => number
  date: () => Date
  sleep: (ms: number) => Promise<void>
}

/** `date()` is `epochMs` plus the time slept so far; `now()` starts at 0. */
export function virtualClock(epochMs = 0): VirtualClock {
  const clock = { ms: 0 }
  return {
    clock,
    now: () => clock.ms,
    date: () => new Date(epochMs + clock.ms),
    async sleep(ms) {
      if (!(ms > 0)) throw new Error(`sleep(${ms}): a wait must never busy-loop`)
      clock.ms += ms
    }
  }
}
