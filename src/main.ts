// The action, top to bottom: inputs -> credentials -> source -> start or adopt -> wait -> report.
// Decisions live in small pure modules beside this one; this file only sequences them.
import { writeFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { ExportTask, RDSClient } from '@aws-sdk/client-rds'
import type { ResolvedSource } from './rds.js'
import { decideExisting } from './adopt.js'
import type { Config, SourceInput } from './config.js'
import { ActionError, explainError, hintFor, hintForFailureCause } from './errors.js'
import { defaultRoleSessionName, generateExportTaskIdentifier } from './identifier.js'
import { exportOnlyProblem, InputError, parseInputs } from './inputs/index.js'
import { checkOidcAvailable, withFirstTokenEarly } from './oidc.js'
import { exportLocation, normalizeStatus, taskOutputs } from './outputs.js'
import { formatDuration } from './progress.js'
import { renderSummary, type Outcome, type TimelineEntry } from './summary.js'
import { renderWarningMessage } from './warnings.js'
import { endedOutcome, isEnded, waitForExport } from './wait.js'
import { waitForExportSlot } from './slots.js'
import { sleep, type LoopDeps } from './sleep.js'

/** What the action needs from the world; tests replace the clock, sleep and AWS clients. */
export interface Deps {
  now: () => number
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  env: Record<string, string | undefined>
  /** Emits SIGINT and SIGTERM when the runner cancels the run. */
  signals: Pick<NodeJS.Process, 'on' | 'off'>
}

const defaultDeps: Deps = {
  now: () => Date.now(),
  sleep,
  env: process.env,
  signals: process
}

/** What the step knows so far: reported in the outputs and summary however it ends. */
interface Report {
  config?: Config
  task?: ExportTask
  outcome: Outcome
  timeline: TimelineEntry[]
  waitedMs?: number
  warnings: string[]
}

export async function run(overrides: Partial<Deps> = {}): Promise<void> {
  const deps: Deps = { ...defaultDeps, ...overrides }
  const report: Report = { outcome: 'error', timeline: [], warnings: [] }
  const warn = (message: string): void => {
    report.warnings.push(message)
    core.warning(message)
  }
  let published: ExportTask | undefined
  const publish = (task: ExportTask, region: string): void => {
    if (task === published) return // each output once per change of the task
    published = task
    setOutputs(task, region)
  }
  let rds: RDSClient | undefined
  // The runner cancels a run with SIGINT, then SIGTERM 7.5 s later: stop waiting, clean up.
  const cancelled = new AbortController()
  const onSignal = (): void => cancelled.abort()
  deps.signals.on('SIGINT', onSignal)
  deps.signals.on('SIGTERM', onSignal)
  // What both waits (for a slot, for the export) take from the world.
  const loop: LoopDeps = {
    now: deps.now,
    sleep: deps.sleep,
    info: line => core.info(line),
    warning: warn,
    abort: cancelled.signal
  }

  try {
    // 1. Inputs: every rule is checked here, before any AWS call.
    const { config, warnings } = parseInputs(name => core.getInput(name), deps.env)
    report.config = config
    warnings.forEach(warn)
    // One budget for all waiting in this step: for a slot, then for the export.
    const waitDeadlineMs = deps.now() + config.waitTimeoutMinutes * 60_000
    const waitBudgetMs = (): number => Math.max(0, waitDeadlineMs - deps.now())

    // 2. Credentials. The AWS SDK is loaded only now, so bad input fails fast; the first OIDC
    // token is already on its way while it loads.
    let getIDToken = (audience: string): Promise<string> => core.getIDToken(audience)
    if (config.roleToAssume) {
      checkOidcAvailable(deps.env)
      getIDToken = withFirstTokenEarly(getIDToken, config.audience)
    }
    const aws = await import('./rds.js')
    const { context } = await import('@actions/github')
    const runId = Number.isFinite(context.runId) ? String(context.runId) : undefined
    const credentials = config.roleToAssume
      ? aws.oidcRoleCredentials({
          roleArn: config.roleToAssume,
          audience: config.audience,
          roleSessionName:
            config.roleSessionName ?? defaultRoleSessionName(runId, new Date(deps.now())),
          durationSeconds: config.roleDurationSeconds,
          region: config.region,
          getIDToken,
          setSecret: secret => core.setSecret(secret),
          clientConfig: aws.CLIENT_CONFIG
        })
      : undefined
    let current = aws.createRdsClient(config.region, credentials)
    rds = current
    // The wait may replace the client (renewCredentials); always use the current one.
    const client = (): RDSClient => current
    await aws.resolveCredentials(client())

    // 3. The task: started or adopted (start), or an existing one (wait, status, cancel).
    let task: ExportTask
    if (config.mode === 'start') {
      task = await startOrAdopt()
    } else {
      task = await existingTask(config.exportTaskIdentifier ?? '')
      if (config.mode === 'cancel') task = await cancel(task)
      else core.info(describeTask('Found', task))
    }
    report.task = task
    publish(task, config.region)

    // 4. Wait, when asked to.
    if (config.wait && !isEnded(task.Status)) {
      const waited = await waitForExport(
        {
          describe: signal =>
            aws.describeExportTask(client(), task.ExportTaskIdentifier ?? '', signal),
          cancel: signal => aws.cancelExportTask(client(), task.ExportTaskIdentifier ?? '', signal),
          // Expired credentials mid-wait: a new client asks the provider (and the runner) afresh.
          renewCredentials: () => {
            current.destroy()
            current = rds = aws.createRdsClient(config.region, credentials)
          },
          ...loop
        },
        {
          task,
          timeoutMs: waitBudgetMs(),
          maxIntervalMs: config.pollIntervalSeconds * 1000,
          onTimeout: config.onTimeout,
          cancelOnAbort: config.cancelOnAbort
        }
      )
      report.task = waited.task
      report.timeline = waited.timeline
      report.waitedMs = waited.waitedMs
      report.outcome = waited.outcome
    } else {
      report.outcome = outcomeWithoutWaiting(config, report.outcome, task)
      report.timeline = [{ at: new Date(deps.now()), status: normalizeStatus(task.Status) }]
    }

    // 5. Report: outputs, summary, and success or failure by the outcome.
    publish(report.task, config.region)
    const failure = failureOf(config, report)
    if (failure) fail(failure)
    else if (report.task.WarningMessage) warnAboutTask(report.task)
    writeSummary(report, failure, deps.env)
    return

    async function startOrAdopt(): Promise<ExportTask> {
      const source = config.source
      if (!source) throw new InputError('mode', "Mode 'start' needs a source.")
      // The identifier comes from the source input's own name, not the snapshot it resolves
      // to: a re-run of the same workflow run finds its task, even if a newer snapshot has
      // appeared since.
      const runAttempt = Number.isFinite(context.runAttempt) ? context.runAttempt : 1
      const generated = config.exportTaskIdentifier === undefined
      const identifierFor = (attemptSuffix?: string): string =>
        config.exportTaskIdentifier ??
        generateExportTaskIdentifier({
          sourceName: 'arn' in source ? source.arn : source.identifier,
          runId,
          now: new Date(deps.now()),
          attemptSuffix
        })
      let identifier = identifierFor()
      let resolved: ResolvedSource | undefined
      // A start also needs the source (and its engine) and the count of active exports: they
      // are asked for together with the identifier, so a first run saves a round trip; a re-run
      // that adopts ignores those few reads.
      type Lookups = [PromiseSettledResult<ResolvedSource>, PromiseSettledResult<number>]
      let lookups: Promise<Lookups> | undefined

      // Each pass describes the identifier; StartExportTask refusing it as existing, or a full
      // account, sends us round again. Bounded: each reason can happen only so often.
      for (let pass = 0; pass < 10; pass++) {
        const wanted = {
          ExportTaskIdentifier: identifier,
          source,
          S3BucketName: config.s3BucketName,
          S3Prefix: config.s3Prefix
        }
        lookups ??= Promise.allSettled([resolved ?? resolveSource(source), countActiveExports()])
        const existing = await aws.describeExportTask(client(), identifier)
        const decision = decideExisting(existing, wanted, {
          ifExists: config.ifExists,
          generatedIdentifier: generated,
          freshIdentifierAvailable: runAttempt > 1 && identifier === identifierFor()
        })
        if (decision.action === 'conflict') {
          throw new ActionError(decision.message, hintFor('ExportTaskAlreadyExistsFault'))
        }
        if (decision.action === 'fresh-identifier') {
          core.info(
            `Export task '${identifier}' ended ${normalizeStatus(existing?.Status)}; this run attempt starts a new one.`
          )
          identifier = identifierFor(`a${runAttempt}`)
          continue
        }
        if (decision.action === 'adopt') {
          core.info(describeTask('Adopted existing', decision.task))
          report.outcome = 'adopted'
          return decision.task
        }

        const [source_, active] = await lookups
        lookups = undefined // a later pass asks again
        // A problem with the source is the one to report, whichever answer came first.
        if (source_.status === 'rejected') throw source_.reason
        if (active.status === 'rejected') throw active.reason
        if (!resolved) {
          resolved = source_.value
          core.info(`Source: ${resolved.arn}${resolved.engine ? ` (${resolved.engine})` : ''}`)
        }
        if (active.value >= config.maxConcurrentExports) await waitForSlot(active.value)
        if (cancelled.signal.aborted) {
          throw new ActionError(
            'The run was cancelled before the export started; nothing was started.'
          )
        }
        try {
          const started = await aws.startExportTask(client(), {
            ExportTaskIdentifier: identifier,
            SourceArn: resolved.arn,
            S3BucketName: config.s3BucketName,
            S3Prefix: config.s3Prefix,
            KmsKeyId: config.kmsKeyId,
            IamRoleArn: config.iamRoleArn,
            ExportOnly: config.exportOnly
          })
          core.info(describeTask('Started', started))
          report.outcome = 'started'
          return started
        } catch (error) {
          const code = explainError(error, 'StartExportTask').code
          if (code === 'ExportTaskAlreadyExistsFault') continue // another step won the race
          const active = await aws.listActiveExports(client())
          if (active.length >= config.maxConcurrentExports) continue // refused at the limit
          throw error
        }
      }
      throw new ActionError(`Could not start or adopt export task '${identifier}'.`)
    }

    async function resolveSource(source: SourceInput): Promise<ResolvedSource> {
      const resolved = await aws.resolveSource(client(), source, config.exportOnly.length > 0)
      const problem = resolved.engine && exportOnlyProblem(config.exportOnly, resolved.engine)
      if (problem) throw new InputError('export-only', problem)
      return resolved
    }

    async function countActiveExports(): Promise<number> {
      return (await aws.listActiveExports(client())).length
    }

    async function waitForSlot(activeNow: number): Promise<void> {
      await waitForExportSlot(
        {
          countActive: countActiveExports,
          ...loop
        },
        {
          maxConcurrentExports: config.maxConcurrentExports,
          activeNow,
          timeoutMs: waitBudgetMs(),
          maxIntervalMs: config.pollIntervalSeconds * 1000
        }
      )
    }

    async function existingTask(identifier: string): Promise<ExportTask> {
      const found = await aws.describeExportTask(client(), identifier)
      if (!found) {
        throw new ActionError(
          `Input 'export-task-identifier': no export task '${identifier}' in ${config.region}.`,
          hintFor('ExportTaskNotFoundFault')
        )
      }
      return found
    }

    async function cancel(found: ExportTask): Promise<ExportTask> {
      if (isEnded(found.Status)) {
        warn(
          `Export task '${found.ExportTaskIdentifier}' already ended with status ${normalizeStatus(found.Status)}; nothing to cancel.`
        )
        return found
      }
      try {
        const canceling = await aws.cancelExportTask(client(), found.ExportTaskIdentifier ?? '')
        core.info(describeTask('Cancelling', { ...found, ...canceling }))
        return { ...found, ...canceling }
      } catch (error) {
        // Ended between our describe and the cancel.
        if (explainError(error, 'CancelExportTask').code !== 'InvalidExportTaskStateFault') {
          throw error
        }
        const ended = await existingTask(found.ExportTaskIdentifier ?? '')
        warn(
          `Export task '${ended.ExportTaskIdentifier}' already ended with status ${normalizeStatus(ended.Status)}; nothing to cancel.`
        )
        return ended
      }
    }
  } catch (error) {
    const failure = toFailure(error)
    report.outcome = 'error'
    fail(failure)
    if (report.task && report.config) publish(report.task, report.config.region)
    writeSummary(report, failure, deps.env)
  } finally {
    rds?.destroy() // close kept-alive sockets so the process can exit
    deps.signals.off('SIGINT', onSignal)
    deps.signals.off('SIGTERM', onSignal)
  }
}

interface Failure {
  message: string
  hint?: string
}

function toFailure(error: unknown): Failure {
  if (error instanceof InputError) return { message: error.message }
  if (error instanceof ActionError) return { message: error.message, hint: error.hint }
  const explained = explainError(error, 'The action')
  if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack)
  return { message: explained.message, hint: explained.hint }
}

/** One `::error::` line: what went wrong, then what to do. */
function fail(failure: Failure): void {
  core.setFailed(failure.hint ? `${failure.message} Hint: ${failure.hint}` : failure.message)
}

function setOutputs(task: ExportTask, region: string): void {
  for (const [name, value] of Object.entries(taskOutputs(task, region))) {
    core.setOutput(name, value)
  }
}

function outcomeWithoutWaiting(config: Config, current: Outcome, task: ExportTask): Outcome {
  if (config.mode === 'status') return 'status'
  if (config.mode === 'cancel') return isEnded(task.Status) ? 'status' : 'canceling'
  // An adopted task may have ended already: report it as the wait would have.
  return endedOutcome(task.Status) ?? current
}

/** Whether the step fails, by the outcome of the wait and the mode. */
function failureOf(config: Config, report: Report): Failure | undefined {
  const task = report.task ?? {}
  const id = task.ExportTaskIdentifier ?? ''
  const status = normalizeStatus(task.Status)
  const waited = report.waitedMs === undefined ? '' : ` after ${formatDuration(report.waitedMs)}`
  if (config.mode === 'cancel' || config.mode === 'status') return undefined
  switch (report.outcome) {
    case 'failed':
      return {
        message: `Export task '${id}' FAILED: ${task.FailureCause || 'RDS gave no cause'}.`,
        hint: hintForFailureCause(task.FailureCause)
      }
    case 'canceled':
      return { message: `Export task '${id}' was CANCELED.` }
    case 'timeout':
      return {
        message: `Export task '${id}' is still ${status}${waited} (wait-timeout-minutes: ${config.waitTimeoutMinutes}); the export keeps running.`,
        hint: "Wait for it in a later job with mode: wait, raise wait-timeout-minutes, or set on-timeout: 'continue'."
      }
    case 'timeout-cancel':
      return {
        message: `Export task '${id}' did not finish${waited} (wait-timeout-minutes: ${config.waitTimeoutMinutes}) and was cancelled (on-timeout: cancel); status ${status}.`
      }
    case 'aborted':
      return {
        message: `The run was cancelled while waiting for export task '${id}'; status ${status}${config.cancelOnAbort ? ' (cancel-on-abort)' : ', the export keeps running'}.`
      }
    case 'complete':
      if (config.failOnWarning && task.WarningMessage) {
        return {
          message: `Export task '${id}' COMPLETE with a warning (fail-on-warning): ${renderWarningMessage(task.WarningMessage).join('; ')}`
        }
      }
      return undefined
    default:
      return undefined
  }
}

function warnAboutTask(task: ExportTask): void {
  const lines = renderWarningMessage(task.WarningMessage ?? '')
  core.warning(`Export task '${task.ExportTaskIdentifier}' has a warning: ${lines.join('; ')}`)
}

function writeSummary(
  report: Report,
  failure: Failure | undefined,
  env: Record<string, string | undefined>
): void {
  const config = report.config
  const file = env.GITHUB_STEP_SUMMARY
  if ((config && !config.summary) || !file) return
  const region = config?.region ?? ''
  const outputs = report.task ? taskOutputs(report.task, region) : undefined
  const markdown = renderSummary({
    outcome: report.outcome,
    task: report.task,
    region,
    s3Uri: outputs?.['s3-uri'],
    consoleUrl: outputs?.['console-url'],
    timeline: report.timeline,
    waitedMs: report.waitedMs,
    errorMessage: failure?.message,
    hint: failure?.hint,
    warnings: report.warnings
  })
  // Written once, synchronously: on cancellation the runner may kill the process soon after.
  writeFileSync(file, markdown + '\n', { flag: 'a' })
}

function describeTask(verb: string, task: ExportTask): string {
  const { s3Uri } = exportLocation(
    task.S3Bucket ?? '',
    task.S3Prefix,
    task.ExportTaskIdentifier ?? ''
  )
  return `${verb} export task '${task.ExportTaskIdentifier}' (${normalizeStatus(task.Status)}): ${task.SourceArn} -> ${s3Uri}`
}
