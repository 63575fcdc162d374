// The end of every step: the outputs, one `::error::` line or none, a warning for a task that
// finished with one, and the step summary, written once. Whether the step fails is decided here,
// from the outcome, the mode and the warnings.
import type { Config } from '../config.js'
import { ActionError, explainError, sentence } from '../errors.js'
import { hintForFailureCause } from '../hints.js'
import { InputError } from '../inputs/index.js'
import * as log from '../log.js'
import { formatDuration } from '../report/progress.js'
import { appendSummary } from '../report/summary-file.js'
import { renderSummary, type SummaryInput } from '../report/summary.js'
import { renderWarningMessage } from '../report/warnings.js'
import { isEnded, normalizeStatus } from '../status.js'
import type { Step } from '../step.js'
import type { Registered } from './catalog.js'
import type { Tables } from './tables.js'
import type { Ended } from './wait.js'

interface Failure {
  message: string
  hint?: string
}

/** How the step ran to its end: the task, and what was exported when that was read. */
export interface Result {
  ended: Ended
  tables?: Tables
  catalog?: Registered
}

/** The verdict of a step that ran to its end. */
export function finish(step: Step, config: Config, result: Result): void {
  const { ended } = result
  step.saw(ended.task)
  const failure = failureOf(config, result)
  if (failure) fail(failure)
  else if (ended.task.WarningMessage) warnAboutTask(ended)
  writeSummary(step, config, { ...summaryOf(result), outcome: ended.outcome }, failure)
}

/** A step that stopped on an error: the last task seen still gets its outputs and summary. */
export function finishWithError(step: Step, error: unknown): void {
  const failure = toFailure(error)
  const task = step.lastTask
  if (task && !isEnded(task.Status)) {
    // Say so: a step that fails while the export runs leaves it running in AWS.
    failure.message += ` Export task '${task.ExportTaskIdentifier ?? ''}' was ${normalizeStatus(task.Status)} and keeps running in AWS.`
  }
  fail(failure)
  writeSummary(step, undefined, { outcome: 'error', task }, failure)
}

function summaryOf(result: Result): Partial<SummaryInput> {
  return {
    task: result.ended.task,
    waitedMs: result.ended.waitedMs,
    tables: result.tables?.report,
    catalog: result.catalog
  }
}

function toFailure(error: unknown): Failure {
  if (error instanceof InputError) return { message: error.message }
  if (error instanceof ActionError) return { message: error.message, hint: error.hint }
  const explained = explainError(error, 'The action')
  if (error instanceof Error && error.stack) log.debug(error.stack)
  return { message: explained.message, hint: explained.hint }
}

/** One `::error::` line: what went wrong, then what to do. */
function fail(failure: Failure): void {
  log.fail(failure.hint ? `${sentence(failure.message)} Hint: ${failure.hint}` : failure.message)
}

/** Whether the step fails, by the outcome of the wait, the mode and the warnings. */
function failureOf(config: Config, result: Result): Failure | undefined {
  const { ended } = result
  if (config.mode === 'status') return undefined
  // Mode cancel fails only when its wait for CANCELED was cut short.
  if (config.mode === 'cancel' && !['timeout', 'aborted'].includes(ended.outcome)) return undefined
  const task = ended.task
  const id = task.ExportTaskIdentifier ?? ''
  const status = normalizeStatus(task.Status)
  const waited = ended.waitedMs === undefined ? '' : ` after ${formatDuration(ended.waitedMs)}`
  const limit = `wait-timeout-minutes: ${config.waitTimeoutMinutes}`
  switch (ended.outcome) {
    case 'failed':
      return {
        message: `Export task '${id}' FAILED: ${sentence(task.FailureCause || 'RDS gave no cause')}`,
        hint: hintForFailureCause(task.FailureCause)
      }
    case 'canceled':
      return { message: `Export task '${id}' was CANCELED.` }
    case 'timeout':
      return {
        message: `Export task '${id}' is still ${status}${waited} (${limit}); the export keeps running.`,
        hint: "Wait for it in a later job with mode: wait (the summary has the step to paste), raise wait-timeout-minutes, or set on-timeout: 'continue'."
      }
    case 'timeout-cancel':
      return {
        message: `Export task '${id}' did not finish${waited} (${limit}) and was cancelled (on-timeout: cancel); status ${status}.`
      }
    case 'aborted':
      return {
        message: `The run was cancelled while waiting for export task '${id}'; status ${status}${abortNote(config)}.`
      }
    case 'complete':
      return warningFailure(config, result)
    default:
      return undefined
  }
}

/**
 * fail-on-warning: RDS's warning on the task, or a table that is not complete. RDS's warning
 * names the same tables as the report's warnings (logged above): those are counted, not repeated.
 */
function warningFailure(config: Config, result: Result): Failure | undefined {
  if (!config.failOnWarning) return undefined
  const task = result.ended.task
  const rds = task.WarningMessage ? renderWarningMessage(task.WarningMessage).map(sentence) : []
  const own = (result.tables?.warnings ?? []).map(sentence)
  if (rds.length === 0 && own.length === 0) return undefined
  const said =
    rds.length === 0
      ? [...own.slice(0, 3), ...(own.length > 3 ? ['...'] : [])]
      : own.length === 0
        ? rds
        : [
            "RDS's warning:",
            ...rds,
            `The tables report warned ${own.length === 1 ? 'once' : `${own.length} times`} (above).`
          ]
  const one = (rds.length > 0 ? 1 : 0) + own.length === 1
  return {
    message: `Export task '${task.ExportTaskIdentifier ?? ''}' COMPLETE with ${one ? 'a warning' : 'warnings'} (fail-on-warning): ${said.join(' ')}`
  }
}

function abortNote(config: Config): string {
  if (config.mode === 'cancel') return ' (mode: cancel; its cancel was sent)'
  return config.cancelOnAbort ? ' (cancel-on-abort)' : ', the export keeps running'
}

function warnAboutTask(ended: Ended): void {
  const lines = renderWarningMessage(ended.task.WarningMessage ?? '')
  log.warning(`Export task '${ended.task.ExportTaskIdentifier}' has a warning: ${lines.join('; ')}`)
}

function writeSummary(
  step: Step,
  config: Config | undefined,
  input: Partial<SummaryInput> & Pick<SummaryInput, 'outcome'>,
  failure: Failure | undefined
): void {
  if (!step.summary) return
  const { GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref } = step.env
  const markdown = renderSummary({
    ...input,
    region: step.region,
    timeline: step.timeline,
    errorMessage: failure?.message,
    hint: failure?.hint,
    warnings: [...step.warnings],
    snapshot: step.snapshot,
    actionRef: repository && ref ? `${repository}@${ref}` : undefined,
    roleToAssume: config?.roleToAssume
  })
  appendSummary(step.env, markdown)
}
