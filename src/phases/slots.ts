// Waiting for a free export slot: RDS runs at most 5 export tasks per account and region, so a
// matrix of many databases waits here instead of failing. The budget is the step's one wait
// budget (wait-timeout-minutes).
import type { ExportTasksApi } from '../aws/export-tasks.js'
import { ActionError } from '../errors.js'
import { poll, type LoopDeps } from '../loop.js'
import { formatDuration } from '../report/progress.js'

export interface SlotOptions {
  maxConcurrentExports: number
  /** The count the caller has just read, used instead of a first check. */
  activeNow?: number
  deadlineMs: number
  maxIntervalMs: number
}

const FIRST_CHECK_MS = 5_000

/** Resolves once fewer than maxConcurrentExports are active; throws on timeout or abort. */
export async function waitForExportSlot(
  api: Pick<ExportTasksApi, 'countActive'>,
  deps: LoopDeps,
  options: SlotOptions
): Promise<void> {
  const startMs = deps.now()
  let delayMs = Math.min(FIRST_CHECK_MS, options.maxIntervalMs)
  let lastCount: number | undefined
  const result = await poll(deps, {
    operation: 'DescribeExportTasks',
    check: signal => api.countActive(signal),
    first: options.activeNow,
    done(active) {
      const free = active < options.maxConcurrentExports
      if (!free && active !== lastCount) {
        deps.info(
          `${active} export tasks are active in this account and region (max-concurrent-exports: ${options.maxConcurrentExports}); waiting for a free slot.`
        )
      }
      if (free && lastCount !== undefined) {
        deps.info(`An export slot is free after ${formatDuration(deps.now() - startMs)}.`)
      }
      lastCount = active
      return free
    },
    nextDelayMs() {
      const gap = delayMs
      delayMs = Math.min(delayMs * 2, options.maxIntervalMs)
      return gap
    },
    deadlineMs: options.deadlineMs,
    maxIntervalMs: options.maxIntervalMs
  })
  if (result.end === 'aborted') {
    throw new ActionError(
      'The run was cancelled while waiting for an export slot; nothing was started.'
    )
  }
  if (result.end === 'timeout') {
    throw new ActionError(
      `No export slot became free within wait-timeout-minutes (${formatDuration(deps.now() - startMs)}); nothing was started.`,
      'RDS allows 5 active exports per account and region. Raise wait-timeout-minutes, or spread the exports over time.'
    )
  }
}
