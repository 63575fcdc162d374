// The end of every step: the outputs, one `::error::` line or none, a warning for a task that
// finished with one, and the step summary, written once. Whether the step fails is decided here,
// from the outcome and the mode.
import { writeFileSync } from 'node:fs'
import type { Config } from '../config.js'
import { ActionError, explainError } from '../errors.js'
import { hintForFailureCause } from '../hints.js'
import { InputError } from '../inputs/index.js'
import * as log from '../log.js'
import { taskOutputs } from '../report/outputs.js'
import { formatDuration } from '../report/progress.js'
import { renderSummary } from '../report/summary.js'
import { renderWarningMessage } from '../report/warnings.js'
import { isEnded, normalizeStatus } from '../status.js'
import type { Step } from '../step.js'
import type { Ended } from './wait.js'

interface Failure {
  message: string
  hint?: string
}

/** The verdict of a step that ran to its end. */
export function finish(step: Step, config: Config, ended: Ended): void {
  step.saw(ended.task)
  const failure = failureOf(config, ended)
  if (failure) fail(failure)
  else if (ended.task.WarningMessage) warnAboutTask(ended)
  writeSummary(step, ended, failure)
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
  writeSummary(step, { outcome: 'error', task: step.lastTask }, failure)
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
  log.fail(failure.hint ? `${failure.message} Hint: ${failure.hint}` : failure.message)
}

/** Whether the step fails, by the outcome of the wait and the mode. */
function failureOf(config: Config, ended: Ended): Failure | undefined {
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
        message: `Export task '${id}' FAILED: ${task.FailureCause || 'RDS gave no cause'}.`,
        hint: hintForFailureCause(task.FailureCause)
      }
    case 'canceled':
      return { message: `Export task '${id}' was CANCELED.` }
    case 'timeout':
      return {
        message: `Export task '${id}' is still ${status}${waited} (${limit}); the export keeps running.`,
        hint: "Wait for it in a later job with mode: wait, raise wait-timeout-minutes, or set on-timeout: 'continue'."
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
      if (!config.failOnWarning || !task.WarningMessage) return undefined
      return {
        message: `Export task '${id}' COMPLETE with a warning (fail-on-warning): ${renderWarningMessage(task.WarningMessage).join('; ')}`
      }
    default:
      return undefined
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

function writeSummary(step: Step, ended: Partial<Ended>, failure: Failure | undefined): void {
  const file = step.env.GITHUB_STEP_SUMMARY
  if (!file || !step.summary) return
  const outputs = ended.task ? taskOutputs(ended.task, step.region) : undefined
  const markdown = renderSummary({
    outcome: ended.outcome ?? 'error',
    task: ended.task,
    region: step.region,
    s3Uri: outputs?.['s3-uri'],
    consoleUrl: outputs?.['console-url'],
    timeline: step.timeline,
    waitedMs: ended.waitedMs,
    errorMessage: failure?.message,
    hint: failure?.hint,
    warnings: [...step.warnings]
  })
  // Written once, synchronously: on cancellation the runner may kill the process soon after.
  writeFileSync(file, markdown + '\n', { flag: 'a' })
}
