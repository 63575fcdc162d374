// Start the export, or adopt the task a previous attempt of this workflow run started. The
// identifier comes from the source input's own name, not the snapshot it resolves to: a re-run of
// the same workflow run finds its task, even if a newer snapshot has appeared since.
import type { AwsSession } from '../aws/connect.js'
import type { ExportTasksApi } from '../aws/export-tasks.js'
import type { ExportTask } from '../aws/types.js'
import { decideExisting, differences, type ExistingDecision } from '../adopt.js'
import type { Config, SourceInput } from '../config.js'
import { ActionError, explainError, isUnreadableAnswer } from '../errors.js'
import { hintFor } from '../hints.js'
import { generateExportTaskIdentifier } from '../identifier.js'
import { describeTask } from '../report/progress.js'
import { normalizeStatus, type Outcome } from '../status.js'
import type { Step, WorkflowRun } from '../step.js'
import { resolveSource, type ResolvedSource } from './source.js'
import { waitForExportSlot } from './slots.js'

export interface Started {
  task: ExportTask
  outcome: Extract<Outcome, 'started' | 'adopted'>
}

/** Each pass ends in a start, an adoption, or one more pass for a known reason. */
const MAX_PASSES = 10

/** Mode start: the source, then the export started or adopted. */
export async function startExport(
  aws: Pick<AwsSession, 'exportTasks' | 'snapshots'>,
  config: Config,
  step: Step
): Promise<Started> {
  let source: ResolvedSource
  try {
    source = await resolveSource(aws.snapshots, config.source as SourceInput, config.exportOnly)
  } catch (error) {
    // A re-run whose first attempt started the export needs no source: adopt it if it is there.
    const adopted = await adoptIfStarted(aws.exportTasks, config, step)
    if (adopted) return adopted
    throw error
  }
  step.info(`Source: ${source.arn}${source.engine ? ` (${source.engine})` : ''}`)
  return startOrAdopt(aws.exportTasks, config, source, step)
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

export async function startOrAdopt(
  api: ExportTasksApi,
  config: Config,
  source: ResolvedSource,
  step: Step
): Promise<Started> {
  const naming = identifierNaming(config, await step.workflowRun(), step.date())
  let identifier = naming.identifier()
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // The task's existence and the account's active exports, asked for together.
    const [existing, active] = await Promise.all([api.describe(identifier), api.countActive()])
    const decision = decideExisting(existing, wanted(config, identifier), {
      ifExists: config.ifExists,
      generatedIdentifier: naming.generated,
      freshIdentifierAvailable: naming.freshAvailable(identifier)
    })
    if (decision.action === 'adopt') return adopted(decision.task, step)
    if (decision.action === 'fresh-identifier') {
      step.info(
        `Export task '${identifier}' ended ${normalizeStatus(existing?.Status)}; this run attempt starts a new one.`
      )
      identifier = naming.identifier(naming.attemptSuffix)
      continue
    }
    if (decision.action === 'conflict') throw conflict(decision)
    if (active >= config.maxConcurrentExports) await waitForSlot(api, config, active, step)
    const started = await tryStart(api, config, source, identifier, step)
    if (started) return started
  }
  throw new ActionError(`Could not start or adopt export task '${identifier}'.`)
}

function conflict(decision: Extract<ExistingDecision, { action: 'conflict' }>): ActionError {
  return new ActionError(decision.message, hintFor('ExportTaskAlreadyExistsFault'))
}

function adopted(task: ExportTask, step: Step): Started {
  step.info(describeTask('Adopted existing', task))
  return { task, outcome: 'adopted' }
}

/** The started task, or undefined when another pass must decide (a race, a full account). */
async function tryStart(
  api: ExportTasksApi,
  config: Config,
  source: ResolvedSource,
  identifier: string,
  step: Step
): Promise<Started | undefined> {
  if (step.abort.aborted) {
    throw new ActionError('The run was cancelled before the export started; nothing was started.')
  }
  try {
    const task = await api.start({
      ExportTaskIdentifier: identifier,
      SourceArn: source.arn,
      S3BucketName: config.s3BucketName,
      S3Prefix: config.s3Prefix,
      KmsKeyId: config.kmsKeyId,
      IamRoleArn: config.iamRoleArn,
      ExportOnly: config.exportOnly
    })
    step.info(describeTask('Started', task))
    return { task, outcome: 'started' }
  } catch (error) {
    // A garbled answer says nothing about the start itself: ask RDS whether the task is there.
    if (isUnreadableAnswer(error)) return startedDespite(error, api, config, identifier, step)
    const code = explainError(error, 'StartExportTask').code
    if (code === 'ExportTaskAlreadyExistsFault') return undefined // another step won the race
    // RDS's refusal at its limit has no documented code: count, and wait for a slot if full.
    if ((await api.countActive()) >= config.maxConcurrentExports) return undefined
    throw error
  }
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
  step.info(describeTask('Started', task))
  return { task, outcome: 'started' }
}

async function waitForSlot(
  api: ExportTasksApi,
  config: Config,
  activeNow: number,
  step: Step
): Promise<void> {
  await waitForExportSlot(api, step, {
    maxConcurrentExports: config.maxConcurrentExports,
    activeNow,
    deadlineMs: step.waitDeadlineMs(),
    maxIntervalMs: config.pollIntervalSeconds * 1000
  })
}

function wanted(config: Config, identifier: string) {
  return {
    ExportTaskIdentifier: identifier,
    source: config.source as SourceInput,
    S3BucketName: config.s3BucketName,
    S3Prefix: config.s3Prefix
  }
}

/** The identifier: the workflow's, or generated from the source and the run (see identifier.ts). */
function identifierNaming(config: Config, run: WorkflowRun, now: Date) {
  const source = config.source as SourceInput
  const generated = config.exportTaskIdentifier === undefined
  const identifier = (attemptSuffix?: string): string =>
    config.exportTaskIdentifier ??
    generateExportTaskIdentifier({
      sourceName: 'arn' in source ? source.arn : source.identifier,
      runId: run.id,
      now,
      attemptSuffix
    })
  return {
    generated,
    identifier,
    attemptSuffix: `a${run.attempt}`,
    /** A re-run attempt may start over under `<identifier>-a<attempt>`, once. */
    freshAvailable: (current: string) => run.attempt > 1 && current === identifier()
  }
}
