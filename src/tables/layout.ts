// Where an export's files are, found by listing rather than by building paths from names (AWS
// says the layout may change). Under `<prefix>/<id>/` an export holds its metadata files and one
// folder a database; a database folder holds one folder a table, `<schema>.<table>/` for
// PostgreSQL, `<db>.<table>/` for MySQL; a table folder holds batch folders (`1/`, `2/`, gaps
// allowed; alphanumeric on Aurora) or, in older exports, the Parquet files themselves.
//
// The listing is planned as pure steps that the phase runs (ListObjectsV2, in any order, with
// its own concurrency) and feeds back, so the number of calls a table is constant:
//   1. the export folder with Delimiter '/'      -> metadata files and database folders
//   2. each database folder with Delimiter '/'   -> table folders (1,000 a page)
//   3. each table folder, MaxKeys 20, no delimiter -> one data file (at most 3 pages)
// Pure: no I/O, no SDK types (the shapes below match ListObjectsV2's input and output).

import { listSome } from './fields.js'
import { isExportInfoKey, tablesInfoFile, type TablesInfoFile } from './metadata.js'

/** ListObjectsV2's input, less the bucket. */
export interface ListRequest {
  Prefix: string
  Delimiter?: string
  MaxKeys?: number
  ContinuationToken?: string
}

/** The part of ListObjectsV2's output the plan reads. */
export interface ListPage {
  Contents?: readonly { Key?: string; Size?: number }[]
  CommonPrefixes?: readonly { Prefix?: string }[]
  IsTruncated?: boolean
  NextContinuationToken?: string
}

export type ListStep =
  | { kind: 'export'; request: ListRequest }
  | { kind: 'database'; request: ListRequest; database: string }
  | { kind: 'table'; request: ListRequest; folder: string; page: number }

/** The one Parquet file a table's columns are read from. */
export interface DataFile {
  key: string
  size?: number
  /** `batches`: under batch folders; `flat`: directly in the table folder (older exports). */
  layout: 'batches' | 'flat'
}

export interface TableFolder {
  /** The database folder's name. */
  database: string
  /** The table folder's name: `public.orders`, `appdb.orders`. */
  name: string
  /** Its key prefix, ending in '/'. */
  prefix: string
  dataFile?: DataFile
  /** True once its listing ended, with or without a data file. */
  listed: boolean
}

export interface ExportLayout {
  exportInfoKey?: string
  tablesInfoFiles: TablesInfoFile[]
  folders: TableFolder[]
}

/** Keys a table listing asks for: `1/_SUCCESS` sorts first, a part file follows. */
export const TABLE_LISTING_MAX_KEYS = 20
/** Pages of a table folder read before giving up on finding a Parquet file in it. */
export const TABLE_LISTING_MAX_PAGES = 3
// PAR1, a 4-byte footer length, PAR1: nothing smaller is a Parquet file.
const PARQUET_MIN_SIZE = 12

const withSlash = (prefix: string): string => (prefix.endsWith('/') ? prefix : `${prefix}/`)

/** The first Parquet file of a listing page under `prefix`, skipping `_` and `.` names. */
export function pickDataFile(prefix: string, contents: ListPage['Contents']): DataFile | undefined {
  for (const item of contents ?? []) {
    const key = item.Key
    if (!key?.startsWith(prefix)) continue
    const segments = key.slice(prefix.length).split('/')
    // Hive and Athena skip every file or folder whose name starts with '_' or '.'.
    if (segments.some(s => s === '' || s.startsWith('_') || s.startsWith('.'))) continue
    if (!segments[segments.length - 1]!.toLowerCase().endsWith('.parquet')) continue
    if (item.Size !== undefined && item.Size < PARQUET_MIN_SIZE) continue
    return { key, size: item.Size, layout: segments.length > 1 ? 'batches' : 'flat' }
  }
  return undefined
}

/** The names of the folders just under `parent`, from a page listed with Delimiter '/'. */
function subfolders(parent: string, page: ListPage): string[] {
  const names: string[] = []
  for (const { Prefix } of page.CommonPrefixes ?? []) {
    if (!Prefix?.startsWith(parent) || !Prefix.endsWith('/')) continue
    const name = Prefix.slice(parent.length, -1)
    if (name !== '' && !name.includes('/')) names.push(name)
  }
  return names
}

function nextPage(page: ListPage): string | undefined {
  return page.IsTruncated && page.NextContinuationToken ? page.NextContinuationToken : undefined
}

/**
 * The listing of one export, as steps: `first()` gives the first, `accept(step, page)` takes a
 * step's answer and gives the steps it leads to, `layout()` tells what was found. Steps may run
 * in any order and at once; each must be accepted once.
 */
export class ExportListing {
  readonly exportPrefix: string
  private exportInfoKey?: string
  private readonly infoFiles = new Map<string, TablesInfoFile>()
  private readonly folders = new Map<string, TableFolder>()

  constructor(
    exportPrefix: string,
    private readonly identifier: string
  ) {
    this.exportPrefix = withSlash(exportPrefix)
  }

  first(): ListStep {
    return { kind: 'export', request: { Prefix: this.exportPrefix, Delimiter: '/' } }
  }

  accept(step: ListStep, page: ListPage): ListStep[] {
    const token = nextPage(page)
    if (step.kind === 'table') return this.acceptTable(step, page, token)
    const more: ListStep[] = token
      ? [{ ...step, request: { ...step.request, ContinuationToken: token } }]
      : []
    if (step.kind === 'export') return [...this.acceptExport(page), ...more]
    return [...this.acceptDatabase(step.database, step.request.Prefix, page), ...more]
  }

  layout(): ExportLayout {
    return {
      exportInfoKey: this.exportInfoKey,
      tablesInfoFiles: [...this.infoFiles.values()],
      folders: [...this.folders.values()]
    }
  }

  private acceptExport(page: ListPage): ListStep[] {
    for (const { Key } of page.Contents ?? []) {
      if (!Key?.startsWith(this.exportPrefix)) continue
      if (isExportInfoKey(Key, this.identifier)) this.exportInfoKey = Key
      const file = tablesInfoFile(Key, this.identifier)
      if (file) this.infoFiles.set(Key, file)
    }
    return subfolders(this.exportPrefix, page).map(database => ({
      kind: 'database',
      database,
      request: { Prefix: `${this.exportPrefix}${database}/`, Delimiter: '/' }
    }))
  }

  private acceptDatabase(database: string, parent: string, page: ListPage): ListStep[] {
    const steps: ListStep[] = []
    for (const name of subfolders(parent, page)) {
      const prefix = `${parent}${name}/`
      if (this.folders.has(prefix)) continue
      this.folders.set(prefix, { database, name, prefix, listed: false })
      steps.push({
        kind: 'table',
        folder: prefix,
        page: 1,
        request: { Prefix: prefix, MaxKeys: TABLE_LISTING_MAX_KEYS }
      })
    }
    return steps
  }

  private acceptTable(
    step: Extract<ListStep, { kind: 'table' }>,
    page: ListPage,
    token: string | undefined
  ): ListStep[] {
    const folder = this.folders.get(step.folder)
    if (!folder || folder.listed) return []
    folder.dataFile = pickDataFile(folder.prefix, page.Contents)
    if (!folder.dataFile && token && step.page < TABLE_LISTING_MAX_PAGES) {
      return [
        { ...step, page: step.page + 1, request: { ...step.request, ContinuationToken: token } }
      ]
    }
    folder.listed = true
    return []
  }
}

// How RDS writes a name into a path: '\', '`', '"' and ' ' become '_'.
const pathName = (name: string): string => name.replace(/[\\`" ]/g, '_')
// A looser key for names RDS may have changed in ways not documented.
const looseName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9.]/g, '_')

/** The targets a folder can stand for: `db.schema.table` (PostgreSQL) and `db.table` (MySQL). */
function folderKeys(folder: TableFolder): string[] {
  const keys = [`${folder.database}.${folder.name}`]
  if (folder.name.startsWith(`${folder.database}.`)) keys.push(folder.name)
  return keys
}

function index(folders: readonly TableFolder[], key: (name: string) => string) {
  const byKey = new Map<string, TableFolder[]>()
  for (const folder of folders) {
    for (const name of new Set(folderKeys(folder).map(key))) {
      const list = byKey.get(name)
      if (list) list.push(folder)
      else byKey.set(name, [folder])
    }
  }
  return byKey
}

export interface FolderMatch {
  /** Each target that has a folder, to its folder. */
  byTarget: Map<string, TableFolder>
  /** Folders no target claimed (tables of a missing export_tables_info file?). */
  unclaimed: TableFolder[]
  warnings: string[]
}

/**
 * Each target's folder: the exact path form of its name first, then a looser form (case and
 * punctuation ignored), taken only when it points at one folder no other target took.
 */
export function matchFolders(
  targets: readonly string[],
  folders: readonly TableFolder[]
): FolderMatch {
  const exact = index(folders, pathName)
  const loose = index(folders, looseName)
  const byTarget = new Map<string, TableFolder>()
  const claimed = new Set<TableFolder>()
  const ambiguous: string[] = []
  for (const [tier, key] of [
    [exact, pathName],
    [loose, looseName]
  ] as const) {
    for (const target of targets) {
      if (byTarget.has(target)) continue
      const candidates = (tier.get(key(target)) ?? []).filter(f => !claimed.has(f))
      if (candidates.length === 1) {
        byTarget.set(target, candidates[0]!)
        claimed.add(candidates[0]!)
      } else if (candidates.length > 1 && tier === loose) ambiguous.push(target)
    }
  }
  const unclaimed = folders.filter(folder => !claimed.has(folder))
  const warnings: string[] = []
  if (ambiguous.length > 0) {
    warnings.push(
      `${ambiguous.length} table(s) match more than one folder, so none is used for them: ${listSome(ambiguous)}.`
    )
  }
  if (unclaimed.length > 0) {
    const names = unclaimed.map(f => `${f.database}/${f.name}/`)
    warnings.push(
      `${unclaimed.length} table folder(s) have no entry in export_tables_info (is a file of it missing?); they are not reported: ${listSome(names)}.`
    )
  }
  return { byTarget, unclaimed, warnings }
}
