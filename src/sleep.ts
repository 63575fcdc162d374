// The real sleep of the wait loops: a timer that a cancelled run (SIGINT, SIGTERM) cuts short.
// Tests replace it with a virtual clock.
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/** What a waiting loop (for a slot, for the export) takes from the world; tests fake it all. */
export interface LoopDeps {
  now: () => number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  info: (line: string) => void
  warning: (line: string) => void
  /** Aborted when the runner cancels the run (SIGINT, SIGTERM). */
  abort: AbortSignal
}
