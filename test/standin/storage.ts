// S3 and the Glue Data Catalog as every running stand-in has them: the object store (s3.ts)
// holding what each export writes once it is COMPLETE (export-files.ts), the catalog (glue.ts),
// their seeds and refusals, and the modules that answer for them through the router.
import type { DatabaseInput, TableInput } from '@aws-sdk/client-glue'
import { ExportFiles, type ExportSource, type ExportTaskLike } from './export-files.js'
import { cleanSource } from './export-fixtures.js'
import { GlueCatalog, GlueService, type GlueRefusal } from './glue.js'
import type { Rds } from './rds.js'
import { S3Service, S3Store, type KmsRefusal, type S3Refusal } from './s3.js'
import { staticKeyOwner } from './sts.js'

export interface StorageOptions {
  /** Buckets that exist. Given, StartExportTask refuses any other with InvalidS3BucketFault;
   * omitted (the default), every bucket an export task names exists. */
  buckets?: string[]
  /** S3 answers these AccessDenied, as without s3:ListBucket or s3:GetObject. */
  s3Refusals?: S3Refusal[]
  /** GetObject of an SSE-KMS object is refused, as without kms:Decrypt on its key. */
  kmsRefusals?: KmsRefusal[]
  /** S3 sends the whole object's checksum on every GET, ranged ones too (s3.ts). */
  s3EchoChecksums?: boolean
  /** Glue databases that exist: names or DatabaseInputs. */
  glueDatabases?: (string | DatabaseInput)[]
  /** Glue tables that exist (another tool's, say), in glueDatabases. */
  glueTables?: { database: string; table: TableInput }[]
  /** Glue refuses these calls: AccessDeniedException, ConcurrentModificationException, ... */
  glueRefusals?: GlueRefusal[]
}

export interface Storage {
  s3: S3Store
  glue: GlueCatalog
  exportFiles: ExportFiles
  modules: [S3Service, GlueService]
}

/** The S3 store with the seeded buckets and refusals; refused callers named by their ARN, the
 * account's long-lived key by its owner's. */
export function newS3Store(options: StorageOptions, account: string): S3Store {
  const store = new S3Store({
    principalArn: staticKeyOwner(account),
    echoChecksums: options.s3EchoChecksums
  })
  options.buckets?.forEach(bucket => store.createBucket(bucket))
  options.s3Refusals?.forEach(rule => store.refuse(rule))
  options.kmsRefusals?.forEach(rule => store.refuseKms(rule))
  return store
}

/** S3 and Glue for the stand-in's RDS: before every S3 request, each task's bucket exists
 * (unless buckets were seeded) and each COMPLETE task's files are written. */
export function newStorage(
  options: StorageOptions,
  place: { region: string; account: string; now: () => number },
  s3: S3Store,
  rds: Rds
): Storage {
  const tasks = (): ExportTaskLike[] => rds.exportTasks.all()
  const exportFiles = new ExportFiles(s3, task => exportSourceOf(rds, task), tasks)
  const beforeRequest = (): void => {
    const all = tasks()
    if (!options.buckets) all.forEach(task => s3.createBucket(task.S3Bucket))
    exportFiles.materialize(all)
  }
  const glue = newGlueCatalog(options, place)
  return {
    s3,
    glue,
    exportFiles,
    modules: [new S3Service(s3, { beforeRequest }), new GlueService(glue)]
  }
}

/** What a task's export holds: its source's databases (with variations), else the clean
 * tables of its engine (export-fixtures.ts). */
function exportSourceOf(rds: Rds, task: ExportTaskLike): ExportSource | undefined {
  const exported = rds.exportTasks.exportedData(task)
  if (!exported) return undefined
  const { engine, data } = exported
  const source = data.databases ? { engine, databases: data.databases } : cleanSource(engine)
  return { ...source, variations: data.exportVariations }
}

function newGlueCatalog(
  options: StorageOptions,
  place: { region: string; account: string; now: () => number }
): GlueCatalog {
  const { region, account, now } = place
  const glue = new GlueCatalog({
    region,
    account,
    principalArn: staticKeyOwner(account),
    now: () => new Date(now())
  })
  for (const database of options.glueDatabases ?? []) {
    glue.createDatabase(typeof database === 'string' ? { Name: database } : database)
  }
  options.glueTables?.forEach(({ database, table }) => glue.createTable(database, table))
  options.glueRefusals?.forEach(rule => glue.refuse(rule))
  return glue
}
