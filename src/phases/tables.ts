// What was exported, table by table, once the task is seen COMPLETE: the export's own metadata
// files and one Parquet footer per table, read from S3 with the step's credentials, checked and
// reported (tables/ decides; this drives the reads). The S3 client is loaded only here.
// tables-report: auto turns an S3 or KMS refusal into one warning with the statement to add,
// unless glue-database asks for the tables to be registered; true fails the step on it; false
// makes no S3 call at all.
import pLimit from 'p-limit'
import type { AwsSession } from '../aws/connect.js'
import type { ExportFilesApi } from '../aws/export-files.js'
import type { ExportTask } from '../aws/types.js'
import { partitionOf } from '../arn.js'
import type { Config } from '../config.js'
import { ActionError, errorCode, explainError, sentence } from '../errors.js'
import { exportLocation } from '../report/outputs.js'
import { normalizeStatus } from '../status.js'
import type { Tables } from '../record.js'
import type { Step } from '../step.js'
import { ExportListing, matchFolders, type ListStep } from '../tables/layout.js'
import {
  mergeTablesInfo,
  parseExportInfo,
  parseTablesInfo,
  type TablesInfo
} from '../tables/metadata.js'
import { buildReport, reportWarnings, type Footer, type TablesReport } from '../tables/report.js'
import type { Ended } from './wait.js'

/** S3 calls in flight at once: many tables read in seconds, well under S3's request rates. */
const S3_CONCURRENCY = 16

/** Whether this step reports tables: a COMPLETE task, in start with wait, wait or status. */
export function reportsTables(config: Config, task: ExportTask): boolean {
  if (config.tablesReport === false || config.mode === 'cancel') return false
  if (config.mode === 'start' && !config.wait) return false
  return normalizeStatus(task.Status) === 'COMPLETE'
}

export async function reportTables(
  aws: Pick<AwsSession, 'exportFiles'>,
  ended: Ended,
  config: Config,
  step: Step
): Promise<Tables | undefined> {
  if (!reportsTables(config, ended.task)) return undefined
  const task = ended.task
  try {
    const report = await readExport(await aws.exportFiles(), task)
    const warnings = reportWarnings(report, config.glueDatabase !== undefined)
    warnings.forEach(warning => step.warning(warning))
    step.info(
      `Tables: ${report.complete} complete, ${report.incomplete} not complete, of export task '${task.ExportTaskIdentifier ?? ''}'.`
    )
    const tables = { report, warnings }
    step.record.reportedTables(tables)
    return tables
  } catch (error) {
    if (!isAwsError(error)) throw error
    const explained = explainError(error, 'Reading the export')
    const message = `${sentence(explained.message)} The tables of export task '${task.ExportTaskIdentifier ?? ''}' can't be reported.`
    const hint = refused(error) ? readPolicy(task, config) : explained.hint
    // With glue-database, no report is no registration: asked for and not done, the step fails.
    const glue = config.glueDatabase
    if (glue !== undefined) {
      throw new ActionError(
        `${message} Nothing was registered in Glue (glue-database: ${glue}).`,
        hint
      )
    }
    if (config.tablesReport === true) throw new ActionError(message, hint)
    step.warning(`${message} (tables-report: auto; the step goes on.)${hint ? ` ${hint}` : ''}`)
    return undefined
  }
}

async function readExport(files: ExportFilesApi, task: ExportTask): Promise<TablesReport> {
  const bucket = task.S3Bucket ?? ''
  const identifier = task.ExportTaskIdentifier ?? ''
  const { s3Prefix } = exportLocation(bucket, task.S3Prefix, identifier)
  const limit = pLimit(S3_CONCURRENCY)

  // The listing, step by step, each step's answer leading to the next steps (tables/layout.ts).
  const listing = new ExportListing(s3Prefix, identifier)
  const list = async (step: ListStep): Promise<void> => {
    const page = await limit(() => files.list(bucket, step.request))
    await Promise.all(listing.accept(step, page).map(list))
  }
  await list(listing.first())
  const layout = listing.layout()

  const warnings: string[] = []
  const [info, parts] = await Promise.all([
    layout.exportInfoKey
      ? limit(() => files.text(bucket, layout.exportInfoKey!)).then(text =>
          parseExportInfo(layout.exportInfoKey!, text, identifier)
        )
      : Promise.resolve({ warnings: [`export_info_${identifier}.json is missing.`] }),
    Promise.all(
      layout.tablesInfoFiles.map(file =>
        limit(() => files.text(bucket, file.key)).then(text => ({
          file,
          info: parseTablesInfo(file.key, text)
        }))
      )
    )
  ])
  warnings.push(...info.warnings)
  const tablesInfo: TablesInfo = mergeTablesInfo(parts)
  const match = matchFolders(
    tablesInfo.tables.map(t => t.target),
    layout.folders
  )
  const footers = new Map<string, Footer>()
  await Promise.all(
    [...match.byTarget.values()].flatMap(folder => {
      const dataFile = folder.dataFile
      if (!dataFile) return []
      return [
        limit(() => readFooter(files, bucket, dataFile.key, dataFile.size ?? 0)).then(footer =>
          footers.set(dataFile.key, footer)
        )
      ]
    })
  )
  return buildReport({
    exportTaskIdentifier: identifier,
    bucket,
    exportPrefix: s3Prefix,
    info: tablesInfo,
    match,
    footers,
    warnings
  })
}

/** A footer, or why it can't be read: a corrupt file is the table's problem, a refusal the step's. */
async function readFooter(
  files: ExportFilesApi,
  bucket: string,
  key: string,
  size: number
): Promise<Footer> {
  try {
    return { schema: await files.schema(bucket, key, size) }
  } catch (error) {
    if (isAwsError(error)) throw error
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** An error AWS answered with (it has the SDK's metadata), rather than bad data. */
function isAwsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$metadata' in error
}

const REFUSALS = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AllAccessDisabled',
  'Forbidden'
])

/**
 * The caller was refused: a policy statement mends it. S3 passes KMS's own codes on with a
 * `KMS.` prefix; a key that can't be used at all (disabled, deleted) is no refusal, and gets
 * its hint from hints.ts instead.
 */
function refused(error: unknown): boolean {
  const code = errorCode(error).replace(/^KMS\./, '')
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return REFUSALS.has(code) || status === 403
}

/** The policy statement the calling role needs to read this export, in words, then JSON (the
 * summary shows it as a code block). */
function readPolicy(task: ExportTask, config: Config): string {
  const partition = partitionOf(config.region) ?? 'aws'
  const bucket = task.S3Bucket ?? ''
  const { s3Prefix } = exportLocation(bucket, task.S3Prefix, task.ExportTaskIdentifier ?? '')
  const key = task.KmsKeyId ?? ''
  const keyResource =
    key.startsWith(`arn:${partition}:kms:`) && key.includes(':key/')
      ? key
      : '<the ARN of the key behind ' + key + '>'
  const statement = [
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: `arn:${partition}:s3:::${bucket}`,
      Condition: { StringLike: { 's3:prefix': `${s3Prefix}*` } }
    },
    {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:${partition}:s3:::${bucket}/${s3Prefix}*`
    },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyResource }
  ]
  // Without the report there is nothing to register: with glue-database, no way around it.
  const orNot = config.glueDatabase === undefined ? ' (or set tables-report: false)' : ''
  return `Add this statement to the calling role's policy${orNot}; the files are SSE-KMS encrypted: ${JSON.stringify(statement)}`
}
