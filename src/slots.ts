// Waiting for a free export slot: RDS runs at most 5 export tasks per account and region, so a
// matrix of many databases waits here instead of failing. Clock and sleep are injected.
import { ActionError, explainError } from './errors.js'
import { formatDuration } from './progress.js'
import type { LoopDeps } from './sleep.js'

export interface SlotDeps extends LoopDeps {
  /** Export tasks STARTING or IN_PROGRESS in the account and region. */
  countActive: () => Promise<number>
}

export interface SlotOptions {
  maxConcurrentExports: number
  /** The count the caller has just read, used instead of the first countActive(). */
  activeNow?: number
  timeoutMs: number
  maxIntervalMs: number
}

const FIRST_CHECK_MS = 5_000

/** Resolves once fewer than maxConcurrentExports are active; throws on timeout or abort. */
export async function waitForExportSlot(deps: SlotDeps, options: SlotOptions): Promise<void> {
  const startMs = deps.now()
  let delayMs = Math.min(FIRST_CHECK_MS, options.maxIntervalMs)
  let lastCount = -1
  let known = options.activeNow
  for (;;) {
    let active: number
    try {
      active = known ?? (await deps.countActive())
      known = undefined
    } catch (error) {
      const explained = explainError(error, 'DescribeExportTasks')
      if (!explained.transient) throw error
      deps.warning(`${explained.message} (transient); checking again shortly.`)
      active = lastCount < 0 ? options.maxConcurrentExports : lastCount
    }
    if (active < options.maxConcurrentExports) {
      if (lastCount >= 0) {
        deps.info(`An export slot is free after ${formatDuration(deps.now() - startMs)}.`)
      }
      return
    }
    if (active !== lastCount) {
      deps.info(
        `${active} export tasks are active in this account and region (max-concurrent-exports: ${options.maxConcurrentExports}); waiting for a free slot.`
      )
      lastCount = active
    }
    const remainingMs = startMs + options.timeoutMs - deps.now()
    if (remainingMs <= 0) {
      throw new ActionError(
        `No export slot became free within wait-timeout-minutes (${formatDuration(options.timeoutMs)}); nothing was started.`,
        'RDS allows 5 active exports per account and region. Raise wait-timeout-minutes, or spread the exports over time.'
      )
    }
    await deps.sleep(Math.min(delayMs, remainingMs), deps.abort)
    if (deps.abort.aborted) {
      throw new ActionError(
        'The run was cancelled while waiting for an export slot; nothing was started.'
      )
    }
    delayMs = Math.min(delayMs * 2, options.maxIntervalMs)
  }
}
