// Start the export, or adopt the task a previous attempt of this workflow run started, in the
// fewest round trips: StartExportTask at once. The identifier is described only when RDS answers
// that it already exists (adopt, conflict, or a fresh identifier after FAILED or CANCELED), and
// the account's active exports are counted only when RDS refuses the start, or first when
// max-concurrent-exports is below RDS's own limit of 5 (then counting first is the only way).
import type { AwsSession } from '../aws/connect.js'
import type { ExportTasksApi } from '../aws/export-tasks.js'
import type { ExportTask } from '../aws/types.js'
import { decideExisting, differences, type WantedExport } from '../adopt.js'
import type { Config, SourceInput } from '../config.js'
import { ActionError, errorCode, isUnreadableAnswer } from '../errors.js'
import { hintFor } from '../hints.js'
import { generateExportTaskIdentifier } from '../identifier.js'
import { describeTask } from '../report/progress.js'
import { RDS_ACTIVE_EXPORT_LIMIT, normalizeStatus, type Outcome } from '../status.js'
import type { Step, WorkflowRun } from '../step.js'
import { aboutAsked } from './answer.js'
import { prepareSource, type ResolvedSource } from './source.js'
import { waitForExportSlot } from './slots.js'

export interface Started {
  task: ExportTask
  outcome: Extract<Outcome, 'started' | 'adopted'>
}

/** Each pass ends in a start, an adoption, or one more pass for a known reason. */
const MAX_PASSES = 10

/** Mode start: the source (resolved, or a snapshot taken now), then the export. */
export async function startExport(
  aws: Pick<AwsSession, 'exportTasks' | 'snapshots' | 'accountId'>,
  config: Config,
  step: Step
): Promise<Started> {
  let source: ResolvedSource
  try {
    source = await prepareSource(aws, config, step)
  } catch (error) {
    // A re-run whose first attempt started the export needs no source: adopt it if it is there.
    const adopted = await adoptIfStarted(aws.exportTasks, config, step)
    if (adopted) return adopted
    throw error
  }
  return startOrAdopt(aws.exportTasks, config, source, step)
}

export async function startOrAdopt(
  api: ExportTasksApi,
  config: Config,
  source: ResolvedSource,
  step: Step
): Promise<Started> {
  const naming = identifierNaming(config, await step.workflowRun(), step.date())
  let identifier = naming.identifier()
  if (config.maxConcurrentExports < RDS_ACTIVE_EXPORT_LIMIT) await waitForSlot(api, config, step)
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (step.abort.aborted) {
      throw new ActionError('The run was cancelled before the export started; nothing was started.')
    }
    let task: ExportTask
    try {
      task = await api.start(startParams(config, source, identifier))
    } catch (error) {
      // A garbled answer says nothing about the start itself: ask RDS whether the task is there.
      if (isUnreadableAnswer(error)) return startedDespite(error, api, config, identifier, step)
      if (errorCode(error) !== 'ExportTaskAlreadyExistsFault') {
        // RDS's refusal at its limit has no documented code: count, and wait for a slot if full.
        if (!(await waitForSlot(api, config, step))) throw error
        continue
      }
      const existing = await api.describe(identifier)
      const decision = decideExisting(existing, wanted(config, identifier), {
        ifExists: config.ifExists,
        generatedIdentifier: naming.generated,
        freshIdentifierAvailable: naming.freshAvailable(identifier)
      })
      if (decision.action === 'adopt') return adopted(decision.task, step)
      if (decision.action === 'conflict') {
        throw new ActionError(decision.message, hintFor('ExportTaskAlreadyExistsFault'))
      }
      if (decision.action === 'fresh-identifier') {
        step.info(
          `Export task '${identifier}' ended ${normalizeStatus(existing?.Status)}; this run attempt starts a new one.`
        )
        identifier = naming.identifier(naming.attemptSuffix)
      }
      // 'start': the task vanished between the two calls; start again.
      continue
    }
    // Outside the try: an answer about another task is an error, not a refusal to retry.
    return started(aboutAsked('StartExportTask', identifier, task), step)
  }
  throw new ActionError(`Could not start or adopt export task '${identifier}'.`)
}

function startParams(config: Config, source: ResolvedSource, identifier: string) {
  return {
    ExportTaskIdentifier: identifier,
    SourceArn: source.arn,
    S3BucketName: config.s3BucketName,
    S3Prefix: config.s3Prefix,
    KmsKeyId: config.kmsKeyId,
    IamRoleArn: config.iamRoleArn,
    ExportOnly: config.exportOnly
  }
}

function started(task: ExportTask, step: Step): Started {
  step.record.sawTask(task)
  step.info(describeTask('Started', task))
  return { task, outcome: 'started' }
}

function adopted(task: ExportTask, step: Step): Started {
  step.record.sawTask(task)
  step.info(describeTask('Adopted existing', task))
  return { task, outcome: 'adopted' }
}

async function adoptIfStarted(
  api: ExportTasksApi,
  config: Config,
  step: Step
): Promise<Started | undefined> {
  const naming = identifierNaming(config, await step.workflowRun(), step.date())
  const identifier = naming.identifier()
  const decision = decideExisting(await api.describe(identifier), wanted(config, identifier), {
    ifExists: config.ifExists,
    generatedIdentifier: naming.generated,
    freshIdentifierAvailable: false
  })
  return decision.action === 'adopt' ? adopted(decision.task, step) : undefined
}

async function startedDespite(
  error: unknown,
  api: ExportTasksApi,
  config: Config,
  identifier: string,
  step: Step
): Promise<Started> {
  const task = await api.describe(identifier)
  if (!task || differences(task, wanted(config, identifier)).length > 0) throw error
  step.info(
    `StartExportTask's answer could not be read, but DescribeExportTasks shows the task started.`
  )
  return started(task, step)
}

/**
 * Counts the active exports; at max-concurrent-exports, waits for a free slot (or throws at the
 * end of the budget). Whether the account was full.
 */
async function waitForSlot(api: ExportTasksApi, config: Config, step: Step): Promise<boolean> {
  const activeNow = await api.countActive()
  if (activeNow < config.maxConcurrentExports) return false
  await waitForExportSlot(api, step, {
    maxConcurrentExports: config.maxConcurrentExports,
    activeNow,
    deadlineMs: step.waitDeadlineMs(),
    maxIntervalMs: config.pollIntervalSeconds * 1000
  })
  return true
}

function wanted(config: Config, identifier: string): WantedExport {
  return {
    ExportTaskIdentifier: identifier,
    source: config.source as SourceInput,
    S3BucketName: config.s3BucketName,
    S3Prefix: config.s3Prefix
  }
}

/** The identifier: the workflow's, or generated from the source and the run (identifier.ts). */
function identifierNaming(config: Config, run: WorkflowRun, now: Date) {
  const source = config.source as SourceInput
  const identifier = (attemptSuffix?: string): string =>
    config.exportTaskIdentifier ??
    generateExportTaskIdentifier({
      sourceName: 'arn' in source ? source.arn : source.identifier,
      runId: run.id,
      now,
      attemptSuffix
    })
  return {
    generated: config.exportTaskIdentifier === undefined,
    identifier,
    attemptSuffix: `a${run.attempt}`,
    /** A re-run attempt may start over under `<identifier>-a<attempt>`, once. */
    freshAvailable: (current: string) => run.attempt > 1 && current === identifier()
  }
}
