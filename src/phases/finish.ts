// The end of every step, however it ended: the run record (record.ts) turned into the outputs,
// one `::error::` line or none, a warning for a task that finished with one, and the step
// summary, each written once, here only. Whether the step fails is decided here, from the
// outcome, the mode and the warnings.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ExportTask } from '../aws/types.js'
import type { Config } from '../config.js'
import { ActionError, explainError, sentence } from '../errors.js'
import { hintForFailureCause } from '../hints.js'
import { InputError } from '../inputs/index.js'
import * as log from '../log.js'
import type { RunRecord } from '../record.js'
import { taskOutputs } from '../report/outputs.js'
import { formatDuration } from '../report/progress.js'
import { appendSummary } from '../report/summary-file.js'
import { renderSummary } from '../report/summary.js'
import { renderWarningMessage } from '../report/warnings.js'
import { isEnded, normalizeStatus, type Outcome } from '../status.js'
import type { Step } from '../step.js'
import { tablesFileDocument, tablesOutputs } from '../tables/outputs.js'
import { withGlueTables, type TablesReport } from '../tables/report.js'

interface Failure {
  message: string
  hint?: string
}

/** The verdict of a step that ran to its end with this outcome. */
export function finish(step: Step, config: Config, outcome: Outcome): void {
  const unset = attempt('Setting the outputs', () => setOutputs(step))
  // The outputs are the step's word to the next job: a step that couldn't give it doesn't pass.
  const failure =
    failureOf(config, step.record, outcome) ?? (unset ? { message: unset } : undefined)
  const task = step.record.task
  if (failure) fail(failure)
  else if (task?.WarningMessage) warnAboutTask(task)
  if (unset && failure?.message !== unset) step.warning(unset)
  summarize(step, config, outcome, failure)
}

/** A step that stopped on an error: what the record holds still gets its outputs and summary. */
export function finishWithError(step: Step, error: unknown): void {
  const failure = toFailure(error)
  const task = step.record.task
  if (task && !isEnded(task.Status)) {
    // Say so: a step that fails while the export runs leaves it running in AWS.
    failure.message = `${sentence(failure.message)} Export task '${task.ExportTaskIdentifier ?? ''}' was ${normalizeStatus(task.Status)} and keeps running in AWS.`
  }
  const unset = attempt('Setting the outputs', () => setOutputs(step))
  fail(failure)
  if (unset) step.warning(unset)
  summarize(step, undefined, 'error', failure, true)
}

/**
 * One part of the ending (the outputs, the summary) that must not stop the others: what it threw
 * is returned as a sentence, so the step still says one `::error::` line and writes what it can.
 */
function attempt(what: string, part: () => void): string | undefined {
  try {
    part()
    return undefined
  } catch (error) {
    if (error instanceof Error && error.stack) log.debug(error.stack)
    return `${what} failed: ${sentence(error instanceof Error ? error.message : String(error))}`
  }
}

function summarize(...args: Parameters<typeof writeSummary>): void {
  const unwritten = attempt('Writing the step summary', () => writeSummary(...args))
  if (unwritten) log.warning(unwritten)
}

/** The report as the outputs and the summary show it: with its Glue tables, once registered. */
function tablesReport(record: RunRecord): TablesReport | undefined {
  if (!record.tables) return undefined
  return withGlueTables(
    record.tables.report,
    record.glue?.tables ?? new Map(),
    record.glue?.history?.tables
  )
}

/** The task's outputs as the record has it: also right after the start or adoption, so the
 * identifier and S3 location are there even if the job is killed before the step ends. */
export function setTaskOutputs(step: Step): void {
  const { task } = step.record
  if (!task) return
  for (const [name, value] of Object.entries(taskOutputs(task, step.region))) {
    step.output(name, value)
  }
}

/** Every output the record can fill: the task's, then the tables' (and the tables file). */
export function setOutputs(step: Step): void {
  setTaskOutputs(step)
  const report = tablesReport(step.record)
  if (!report) return
  const outputs = tablesOutputs(report)
  if (outputs.notice) step.info(outputs.notice)
  step.output('tables', outputs.tables)
  step.output('tables-complete', outputs['tables-complete'])
  step.output('tables-incomplete', outputs['tables-incomplete'])
  const folder = step.env.RUNNER_TEMP
  if (!folder) return
  // The identifier is RDS's text: only letters, digits and hyphens of it name a file.
  const name = report.exportTaskIdentifier.replace(/[^A-Za-z0-9-]/g, '_')
  const file = join(folder, `rds-export-tables-${name}.json`)
  writeFileSync(file, tablesFileDocument(report))
  step.output('tables-file', file)
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
function failureOf(config: Config, record: RunRecord, outcome: Outcome): Failure | undefined {
  if (config.mode === 'status') return undefined
  // Mode cancel fails only when its wait for CANCELED was cut short.
  if (config.mode === 'cancel' && !['timeout', 'aborted'].includes(outcome)) return undefined
  const task = record.task ?? {}
  const id = task.ExportTaskIdentifier ?? ''
  const status = normalizeStatus(task.Status)
  const waited = record.waitedMs === undefined ? '' : ` after ${formatDuration(record.waitedMs)}`
  const limit = `wait-timeout-minutes: ${config.waitTimeoutMinutes}`
  switch (outcome) {
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
      return warningFailure(config, record)
    default:
      return undefined
  }
}

/**
 * fail-on-warning: RDS's warning on the task, or a table that is not complete. RDS's warning
 * names the same tables as the report's warnings (logged above): those are counted, not repeated.
 */
function warningFailure(config: Config, record: RunRecord): Failure | undefined {
  if (!config.failOnWarning) return undefined
  const task = record.task ?? {}
  const rds = task.WarningMessage ? renderWarningMessage(task.WarningMessage).map(sentence) : []
  const own = [...(record.tables?.warnings ?? []), ...(record.glue?.warnings ?? [])].map(sentence)
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
    message: `Export task '${task.ExportTaskIdentifier ?? ''}' COMPLETE with ${one ? 'a warning' : 'warnings'} (fail-on-warning): ${said.join(' ')}`,
    hint: 'Each warning names the table or database and why (the summary and tables-file list them). Fix the cause and export again, or set fail-on-warning: false to accept an export with warnings.'
  }
}

function abortNote(config: Config): string {
  if (config.mode === 'cancel') return ' (mode: cancel; its cancel was sent)'
  return config.cancelOnAbort ? ' (cancel-on-abort)' : ', the export keeps running'
}

function warnAboutTask(task: ExportTask): void {
  const lines = renderWarningMessage(task.WarningMessage ?? '')
  log.warning(`Export task '${task.ExportTaskIdentifier}' has a warning: ${lines.join('; ')}`)
}

function writeSummary(
  step: Step,
  config: Config | undefined,
  outcome: Outcome,
  failure: Failure | undefined,
  stopped = false
): void {
  if (!step.summary) return
  const { record } = step
  const catalog = record.glue && { ...record.glue, partial: stopped }
  const { GITHUB_ACTION_REPOSITORY: repository, GITHUB_ACTION_REF: ref } = step.env
  const markdown = renderSummary({
    outcome,
    task: record.task,
    waitedMs: record.waitedMs,
    tables: tablesReport(record),
    catalog,
    region: step.region,
    timeline: [...record.timeline],
    errorMessage: failure?.message,
    hint: failure?.hint,
    warnings: [...record.warnings],
    snapshot: record.snapshot,
    actionRef: repository && ref ? `${repository}@${ref}` : undefined,
    roleToAssume: config?.roleToAssume
  })
  appendSummary(step.env, markdown)
}
