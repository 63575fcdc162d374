// Where an export's files are, found by listing rather than by building paths from names (AWS
// says the layout may change). Under `<prefix>/<id>/` an export holds its metadata files and one
// folder a database; a database folder holds one folder a table, `<schema>.<table>/` for
// PostgreSQL, `<db>.<table>/` for MySQL; a table folder holds batch folders (`1/`, `2/`, gaps
// allowed; alphanumeric on Aurora) or, in older exports, the Parquet files themselves.
//
// The listing is planned as pure steps that the phase runs (ListObjectsV2, in any order, with
// its own concurrency) and feeds back, so the number of calls stays below one a table:
//   1. the export folder with Delimiter '/'    -> metadata files and database folders
//   2. each database folder with Delimiter '/' -> table folders (1,000 a page)
//   3. a walk through each run of up to 64 of those table folders, no delimiter, 1,000 keys a
//      page: a page holds the files of many small tables, and once a folder has given its data
//      file the walk jumps past the rest of it (StartAfter the next folder still to look in)
//   4. a table folder the walk never reached (keys listed out of order by an emulator, say) is
//      listed alone, MaxKeys 20, up to 3 pages
// So 1,000 small tables cost about 16 walk pages, and 1,000 tables of thousands of files each
// about 1,000: never more than one call a table plus one a page.
// Pure: no I/O, no SDK types (the shapes below match ListObjectsV2's input and output).

import { listSome } from './fields.js'
import { isExportInfoKey, tablesInfoFile, type TablesInfoFile } from './metadata.js'

/** ListObjectsV2's input, less the bucket. */
export interface ListRequest {
  Prefix: string
  Delimiter?: string
  MaxKeys?: number
  /** Keys after this one only; S3 ignores it when a ContinuationToken is given. */
  StartAfter?: string
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
  | WalkStep
  | { kind: 'table'; request: ListRequest; folder: string; page: number }

/** A page of a walk: `pages` of them read in `folder` without finding a Parquet file in it. */
export interface WalkStep {
  kind: 'walk'
  request: ListRequest
  walk: number
  /** The walk's pages accepted before this one: a step accepted twice is ignored. */
  seq: number
  folder?: string
  pages: number
}

/** A run of table folders of one database, in listing order, walked page by page. */
interface Walk {
  folders: TableFolder[]
  byPrefix: Map<string, TableFolder>
  databasePrefix: string
  /** Folders a key was listed in. */
  seen: Set<TableFolder>
  seq: number
  done: boolean
}

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

/** Table folders one walk goes through: 1,000 tables make 16 walks, as many as run at once. */
export const WALK_FOLDERS = 64
/** Keys a walk page asks for: S3's most. */
export const WALK_MAX_KEYS = 1000
/** Keys a table listing asks for: `1/_SUCCESS` sorts first, a part file follows. */
export const TABLE_LISTING_MAX_KEYS = 20
/** Pages of a table folder read, by a walk or alone, before giving up on a Parquet file in it. */
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
  private readonly walks: Walk[] = []

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
    if (step.kind === 'walk') return this.acceptWalk(step, page, token)
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
    const added: TableFolder[] = []
    for (const name of subfolders(parent, page)) {
      const prefix = `${parent}${name}/`
      if (this.folders.has(prefix)) continue
      const folder = { database, name, prefix, listed: false }
      this.folders.set(prefix, folder)
      added.push(folder)
    }
    const steps: ListStep[] = []
    for (let i = 0; i < added.length; i += WALK_FOLDERS) {
      const folders = added.slice(i, i + WALK_FOLDERS)
      const walk = this.walks.push({
        folders,
        byPrefix: new Map(folders.map(f => [f.prefix, f])),
        databasePrefix: parent,
        seen: new Set(),
        seq: 0,
        done: false
      })
      // Every key of the first folder sorts after its prefix; nothing before it is wanted.
      steps.push(walkStep(walk - 1, 0, { StartAfter: folders[0]!.prefix }, parent))
    }
    return steps
  }

  private acceptWalk(step: WalkStep, page: ListPage, token: string | undefined): ListStep[] {
    const walk = this.walks[step.walk]
    if (!walk || walk.done || walk.seq !== step.seq) return []
    walk.seq++
    const { last, beyond } = walkPage(walk, page)
    if (!token || beyond) return this.endWalk(walk)
    if (last && !last.dataFile) {
      const pages = step.folder === last.prefix ? step.pages + 1 : 1
      if (pages < TABLE_LISTING_MAX_PAGES) {
        return [
          {
            ...walkStep(step.walk, walk.seq, { ContinuationToken: token }, walk.databasePrefix),
            folder: last.prefix,
            pages
          }
        ]
      }
    }
    if (!last)
      return [walkStep(step.walk, walk.seq, { ContinuationToken: token }, walk.databasePrefix)]
    // Past the rest of `last`: to the next folder that still has no data file.
    const next = walk.folders.slice(walk.folders.indexOf(last) + 1).find(f => !f.dataFile)
    if (!next) return this.endWalk(walk)
    return [walkStep(step.walk, walk.seq, { StartAfter: next.prefix }, walk.databasePrefix)]
  }

  /** The walk's folders are listed; one it never reached is listed alone. */
  private endWalk(walk: Walk): ListStep[] {
    walk.done = true
    const steps: ListStep[] = []
    for (const folder of walk.folders) {
      if (folder.dataFile || walk.seen.has(folder)) folder.listed = true
      else steps.push(tableStep(folder.prefix))
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

function walkStep(walk: number, seq: number, at: Partial<ListRequest>, prefix: string): WalkStep {
  return {
    kind: 'walk',
    walk,
    seq,
    pages: 0,
    request: { Prefix: prefix, MaxKeys: WALK_MAX_KEYS, ...at }
  }
}

function tableStep(folder: string): ListStep {
  return {
    kind: 'table',
    folder,
    page: 1,
    request: { Prefix: folder, MaxKeys: TABLE_LISTING_MAX_KEYS }
  }
}

/**
 * One page of a walk: each key to its folder (a data file taken where there is none yet), the
 * folder of the page's last key, and whether the page went past the walk's last folder.
 */
function walkPage(walk: Walk, page: ListPage): { last?: TableFolder; beyond: boolean } {
  const end = walk.folders[walk.folders.length - 1]!.prefix
  let last: TableFolder | undefined
  let beyond = false
  for (const item of page.Contents ?? []) {
    const key = item.Key
    if (!key?.startsWith(walk.databasePrefix)) continue
    const cut = key.indexOf('/', walk.databasePrefix.length)
    const folder = cut < 0 ? undefined : walk.byPrefix.get(key.slice(0, cut + 1))
    if (!folder) {
      beyond ||= key > end
      last = undefined
      continue
    }
    walk.seen.add(folder)
    last = folder
    folder.dataFile ??= pickDataFile(folder.prefix, [item])
  }
  return { last, beyond }
}

// How RDS writes a name into a path: '\', '`', '"' and ' ' become '_'.
export const pathName = (name: string): string => name.replace(/[\\`" ]/g, '_')
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
 * The folder RDS uses for a target under the export's folder (`s3://bucket/prefix/id/`), for a
 * table it wrote no files for: `db/schema.table/` (PostgreSQL), `db/db.table/` (MySQL, whose
 * targets have two parts). Undefined for a target of one part.
 */
export function rdsTableFolder(exportUri: string, target: string): string | undefined {
  const [database, ...rest] = target.split('.')
  if (!database || rest.length === 0) return undefined
  const name = rest.length === 1 ? target : rest.join('.')
  return `${withSlash(exportUri)}${pathName(database)}/${pathName(name)}/`
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
