import { describe, expect, test } from '@jest/globals'
import {
  ExportListing,
  TABLE_LISTING_MAX_KEYS,
  matchFolders,
  pickDataFile,
  type ListPage,
  type ListRequest,
  type ListStep,
  type TableFolder
} from '../../src/tables/layout.js'

const ID = 'nightly-1'
const ROOT = `p/${ID}/`

/**
 * ListObjectsV2 as S3 documents it: keys in order, Prefix, Delimiter rolling keys up into
 * CommonPrefixes, MaxKeys counting both, StartAfter (ignored with a continuation token), a
 * continuation token, and pages that may come shorter than MaxKeys (`pageSize`), as S3 allows.
 */
class Bucket {
  private readonly keys: string[]

  constructor(
    private readonly objects: Map<string, number>,
    private readonly pageSize = 1000
  ) {
    this.keys = [...objects.keys()].sort()
  }

  // The index of the first key not below `from` (binary search).
  private seek(from: string): number {
    let low = 0
    let high = this.keys.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.keys[middle]! < from) low = middle + 1
      else high = middle
    }
    return low
  }

  list(request: ListRequest): ListPage {
    const max = Math.min(request.MaxKeys ?? 1000, this.pageSize)
    const after = request.ContinuationToken ?? request.StartAfter ?? ''
    const contents: { Key: string; Size: number }[] = []
    const prefixes: { Prefix: string }[] = []
    let last = ''
    for (
      let i = this.seek(request.Prefix > after ? request.Prefix : after);
      i < this.keys.length;
      i++
    ) {
      const key = this.keys[i]!
      if (!key.startsWith(request.Prefix)) break
      if (key <= after) continue
      const cut = request.Delimiter ? key.indexOf(request.Delimiter, request.Prefix.length) : -1
      const rolled = cut >= 0 ? key.slice(0, cut + 1) : undefined
      if (rolled !== undefined && (rolled <= after || rolled === last)) continue
      if (contents.length + prefixes.length === max) {
        return {
          Contents: contents,
          CommonPrefixes: prefixes,
          IsTruncated: true,
          NextContinuationToken: last
        }
      }
      if (rolled !== undefined) prefixes.push({ Prefix: rolled })
      else contents.push({ Key: key, Size: this.objects.get(key)! })
      last = rolled ?? key
    }
    return { Contents: contents, CommonPrefixes: prefixes, IsTruncated: false }
  }
}

/** Runs a listing to its end as the phase would, counting the calls of each kind. */
function drive(objects: Map<string, number>, pageSize?: number) {
  const bucket = new Bucket(objects, pageSize)
  const listing = new ExportListing(ROOT, ID)
  const calls: Record<ListStep['kind'], number> = { export: 0, database: 0, walk: 0, table: 0 }
  const queue: ListStep[] = [listing.first()]
  while (queue.length > 0) {
    const step = queue.shift()!
    calls[step.kind]++
    queue.push(...listing.accept(step, bucket.list(step.request)))
  }
  return { layout: listing.layout(), calls }
}

const objectsOf = (entries: [string, number?][]) =>
  new Map(entries.map(([key, size]) => [`${ROOT}${key}`, size ?? 1000]))

const PART = 'part-00000-6b1c4a5e-1f0e-4e7b-9a0d-3c2b1a0f9e8d-c000.gz.parquet'

describe('pickDataFile', () => {
  const prefix = `${ROOT}appdb/public.t/`
  test.each([
    [['1/_SUCCESS', `1/${PART}`], `1/${PART}`, 'batches'],
    [['_SUCCESS', PART], PART, 'flat'],
    [
      [`_temporary/0/${PART}`, `.hidden/${PART}`, `1/.${PART}`, `1/_${PART}`, `abc123/${PART}`],
      `abc123/${PART}`,
      'batches'
    ],
    [
      ['1/part-0.parquet.crc', '1/part-0.csv', '1/', '1/PART-0.PARQUET'],
      '1/PART-0.PARQUET',
      'batches'
    ],
    [['2//part.parquet', '3/part.parquet'], '3/part.parquet', 'batches']
  ])('%j -> %s', (names, picked, layout) => {
    const contents = names.map(name => ({ Key: `${prefix}${name}`, Size: 100 }))
    expect(pickDataFile(prefix, contents)).toEqual({ key: `${prefix}${picked}`, size: 100, layout })
  })

  test('skips what is too small to be Parquet, and keys outside the folder', () => {
    const contents = [
      { Key: `${prefix}1/a.parquet`, Size: 11 },
      { Key: `${ROOT}appdb/public.t2/1/b.parquet`, Size: 100 },
      { Key: undefined, Size: 100 },
      { Key: `${prefix}1/c.parquet` }
    ]
    expect(pickDataFile(prefix, contents)).toEqual({
      key: `${prefix}1/c.parquet`,
      size: undefined,
      layout: 'batches'
    })
    expect(pickDataFile(prefix, undefined)).toBeUndefined()
  })
})

describe('ExportListing', () => {
  test('finds the metadata files, every table folder and one data file in each', () => {
    const { layout, calls } = drive(
      objectsOf([
        [`export_info_${ID}.json`],
        [`export_tables_info_${ID}_from_1_to_6.json`],
        [`export_tables_info_${ID}_from_7_to_8.json`],
        ['export_tables_info_other-task_from_1_to_2.json'],
        ['notes.txt'],
        ['appdb/public.orders/1/_SUCCESS', 0],
        [`appdb/public.orders/1/${PART}`],
        [`appdb/public.orders/3/${PART}`],
        ['appdb/public.empty/1/_SUCCESS', 0],
        ['appdb/public.flat/_SUCCESS', 0],
        [`appdb/public.flat/${PART}`],
        [`appdb/public.aurora/a1b2c3/${PART}`],
        ['appdb/stray.json'],
        [`shop/shop.items/1/${PART}`]
      ])
    )
    expect(layout.exportInfoKey).toBe(`${ROOT}export_info_${ID}.json`)
    expect(layout.tablesInfoFiles.map(f => [f.from, f.to])).toEqual([
      [1, 6],
      [7, 8]
    ])
    const found = layout.folders.map(f => [
      f.database,
      f.name,
      f.dataFile?.key.slice(f.prefix.length),
      f.dataFile?.layout,
      f.listed
    ])
    expect(found).toEqual([
      ['appdb', 'public.aurora', `a1b2c3/${PART}`, 'batches', true],
      ['appdb', 'public.empty', undefined, undefined, true],
      ['appdb', 'public.flat', PART, 'flat', true],
      ['appdb', 'public.orders', `1/${PART}`, 'batches', true],
      ['shop', 'shop.items', `1/${PART}`, 'batches', true]
    ])
    // One walk a database: its table folders' files come in one page.
    expect(calls).toEqual({ export: 1, database: 2, walk: 2, table: 0 })
  })

  test('follows continuation tokens of the export and database listings', () => {
    const entries: [string][] = [
      [`export_info_${ID}.json`],
      [`export_tables_info_${ID}_from_1_to_9.json`]
    ]
    for (const db of ['a', 'b', 'c']) {
      for (const t of ['t1', 't2', 't3']) entries.push([`${db}/public.${t}/1/${PART}`])
    }
    const { layout, calls } = drive(objectsOf(entries), 2)
    expect(layout.exportInfoKey).toBeDefined()
    expect(layout.tablesInfoFiles).toHaveLength(1)
    expect(layout.folders.filter(f => f.dataFile)).toHaveLength(9)
    // pages of two: the export's five entries in 3, each database's three folders in 2, and a
    // walk for each of those pages (two folders' files, then one's)
    expect(calls).toEqual({ export: 3, database: 6, walk: 6, table: 0 })
  })

  test('reads up to three pages of a table folder for a Parquet file, then gives up', () => {
    const crcs = (folder: string, n: number): [string][] =>
      Array.from({ length: n }, (_, i) => [
        `appdb/${folder}/1/.part-${String(i).padStart(3, '0')}.crc`
      ])
    const { layout, calls } = drive(
      objectsOf([
        ...crcs('public.late', 40),
        [`appdb/public.late/2/${PART}`],
        ...crcs('public.none', 100)
      ]),
      20
    )
    const [late, none] = layout.folders
    expect(late!.dataFile?.key).toBe(`${late!.prefix}2/${PART}`)
    expect(none!.dataFile).toBeUndefined()
    expect(none!.listed).toBe(true)
    // Pages of 20: late's 40 checksums in 2, its Parquet file and none's first 19 in the third,
    // none's next 40 in 2 more; its third page gone through, the walk gives up on it.
    expect(calls).toMatchObject({ walk: 5, table: 0 })
  })

  test('costs one call a walk page: 3,511 small tables in 58 calls', () => {
    const entries: [string][] = [[`export_info_${ID}.json`]]
    const sizes = { appdb: 2500, shop: 10, crm: 1001 }
    for (const [db, count] of Object.entries(sizes)) {
      for (let i = 0; i < count; i++) {
        entries.push(
          [`${db}/public.t${i}/1/_SUCCESS`],
          [`${db}/public.t${i}/1/${PART}`],
          [`${db}/public.t${i}/2/${PART}`]
        )
      }
    }
    const { layout, calls } = drive(objectsOf(entries))
    expect(layout.folders.filter(f => f.dataFile)).toHaveLength(3511)
    // Walks of 64 folders: appdb's pages of 1,000, 1,000 and 500 folders make 16 + 16 + 8,
    // shop 1, crm's 1,000 and 1 make 16 + 1; each walk's 192 keys fit one page.
    expect(calls).toEqual({ export: 1, database: 3 + 1 + 2, walk: 58, table: 0 })
  })

  test('jumps past the rest of a large table once it has its data file: one call a table', () => {
    const entries: [string][] = []
    for (const t of ['a', 'b', 'c']) {
      for (let i = 0; i < 2500; i++) {
        entries.push([`appdb/public.${t}/${i}/part-${String(i).padStart(5, '0')}.parquet`])
      }
    }
    const bucket = new Bucket(objectsOf(entries))
    const listing = new ExportListing(ROOT, ID)
    const requests: ListRequest[] = []
    const queue: ListStep[] = [listing.first()]
    while (queue.length > 0) {
      const step = queue.shift()!
      if (step.kind === 'walk') requests.push(step.request)
      queue.push(...listing.accept(step, bucket.list(step.request)))
    }
    expect(listing.layout().folders.map(f => f.dataFile?.key.slice(f.prefix.length))).toEqual([
      '0/part-00000.parquet',
      '0/part-00000.parquet',
      '0/part-00000.parquet'
    ])
    expect(requests.map(r => [r.StartAfter, r.ContinuationToken, r.MaxKeys])).toEqual([
      [`${ROOT}appdb/public.a/`, undefined, 1000],
      [`${ROOT}appdb/public.b/`, undefined, 1000],
      [`${ROOT}appdb/public.c/`, undefined, 1000]
    ])
  })

  test('a folder the walk never reached (keys listed out of order) is listed alone', () => {
    const bucket = new Bucket(
      objectsOf([[`appdb/public.a/1/${PART}`], [`appdb/public.b/1/${PART}`]])
    )
    const listing = new ExportListing(ROOT, ID)
    const [database] = listing.accept(listing.first(), bucket.list(listing.first().request))
    const [walk] = listing.accept(database!, bucket.list(database!.request))
    // An emulator whose walk page has b's file but not a's, and a key past the walk's folders.
    const alone = listing.accept(walk!, {
      Contents: [
        { Key: `${ROOT}appdb/public.b/1/${PART}`, Size: 1000 },
        { Key: `${ROOT}appdb/zz` }
      ],
      IsTruncated: true,
      NextContinuationToken: 'more'
    })
    expect(alone.map(s => [s.kind, s.request])).toEqual([
      ['table', { Prefix: `${ROOT}appdb/public.a/`, MaxKeys: TABLE_LISTING_MAX_KEYS }]
    ])
    expect(listing.accept(alone[0]!, bucket.list(alone[0]!.request))).toEqual([])
    expect(listing.layout().folders.map(f => [f.name, f.listed, Boolean(f.dataFile)])).toEqual([
      ['public.a', true, true],
      ['public.b', true, true]
    ])
  })

  test('a step accepted twice changes nothing', () => {
    const bucket = new Bucket(objectsOf([[`appdb/public.t/1/${PART}`]]))
    const listing = new ExportListing(ROOT.slice(0, -1), ID)
    const [database] = listing.accept(listing.first(), bucket.list(listing.first().request))
    const [table] = listing.accept(database!, bucket.list(database!.request))
    expect(listing.accept(database!, bucket.list(database!.request))).toEqual([])
    listing.accept(table!, bucket.list(table!.request))
    expect(listing.accept(table!, { Contents: [] })).toEqual([])
    expect(listing.layout().folders).toEqual([
      expect.objectContaining({
        prefix: `${ROOT}appdb/public.t/`,
        listed: true,
        dataFile: expect.anything()
      })
    ])
  })

  test('ignores common prefixes outside the folder it listed', () => {
    const listing = new ExportListing(ROOT, ID)
    const steps = listing.accept(listing.first(), {
      CommonPrefixes: [
        { Prefix: 'elsewhere/db/' },
        { Prefix: `${ROOT}db/` },
        { Prefix: undefined },
        { Prefix: `${ROOT}/` }
      ]
    })
    expect(steps.map(s => s.request.Prefix)).toEqual([`${ROOT}db/`])
  })
})

const folder = (database: string, name: string): TableFolder => ({
  database,
  name,
  prefix: `${ROOT}${database}/${name}/`,
  listed: true
})

describe('matchFolders', () => {
  test('PostgreSQL <db>/<schema>.<table>/ and MySQL <db>/<db>.<table>/', () => {
    const folders = [folder('appdb', 'public.orders'), folder('shop', 'shop.items')]
    const match = matchFolders(['appdb.public.orders', 'shop.items'], folders)
    expect(match.byTarget.get('appdb.public.orders')).toBe(folders[0])
    expect(match.byTarget.get('shop.items')).toBe(folders[1])
    expect(match.warnings).toEqual([])
  })

  test.each([
    ['appdb.public.my table', 'public.my_table'],
    ['appdb.public.a\\b', 'public.a_b'],
    ['appdb.public.`tick`', 'public._tick_'],
    ['appdb.public."Quoted"', 'public._Quoted_'],
    ['appdb.public.dotted.name', 'public.dotted.name'],
    ['appdb.public.Mixed', 'public.mixed'],
    ['appdb.public.dash-name', 'public.dash_name']
  ])('%s is found in %s/', (target, name) => {
    const folders = [folder('appdb', name), folder('appdb', 'public.other')]
    expect(matchFolders([target], folders).byTarget.get(target)).toBe(folders[0])
  })

  test('an exact match wins over a loose one, and a folder serves one target', () => {
    const folders = [folder('db', 'public.a_b'), folder('db', 'public.A_B')]
    const match = matchFolders(['db.public.A_B', 'db.public.a b'], folders)
    expect(match.byTarget.get('db.public.A_B')).toBe(folders[1])
    expect(match.byTarget.get('db.public.a b')).toBe(folders[0])
  })

  test('a target that matches two folders loosely gets neither', () => {
    const folders = [folder('db', 'public.a_b'), folder('db', 'public.A_b')]
    const match = matchFolders(['db.public.a-B'], folders)
    expect(match.byTarget.size).toBe(0)
    expect(match.warnings[0]).toBe(
      '1 table(s) match more than one folder, so none is used for them: db.public.a-B.'
    )
  })

  test('folders no target claims are a warning (a missing metadata file?)', () => {
    const folders = [folder('db', 'public.a'), folder('db', 'public.b'), folder('db', 'public.c')]
    const match = matchFolders(['db.public.a', 'db.public.gone'], folders)
    expect(match.unclaimed).toEqual([folders[1], folders[2]])
    expect(match.warnings).toEqual([
      '2 table folder(s) have no entry in export_tables_info (is a file of it missing?); they are not reported: db/public.b/, db/public.c/.'
    ])
  })
})
