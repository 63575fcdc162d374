// The AWS Glue Data Catalog for the stand-in (JSON 1.1, `X-Amz-Target: AWSGlue.<Operation>`):
// databases, tables, archived table versions and partitions, validated and named as Glue does
// (names are stored lower case), with the refusals a test can switch on. GlueCatalog holds the
// data and its rules; GlueService speaks the protocol.
import type {
  Database,
  DatabaseInput,
  Partition,
  PartitionError,
  Table,
  TableInput
} from '@aws-sdk/client-glue'
import { partitionFilter } from './glue-expression.js'
import {
  ServiceError,
  type ServiceAnswer,
  type ServiceModule,
  type ServiceRequest
} from './service.js'
import {
  checkDatabaseInput,
  checkPartitionInput,
  checkTableInput,
  InputChecker
} from './glue-input.js'

export type GlueOperation =
  | 'GetDatabase'
  | 'CreateDatabase'
  | 'GetTable'
  | 'GetTables'
  | 'CreateTable'
  | 'UpdateTable'
  | 'GetTableVersions'
  | 'BatchCreatePartition'
  | 'GetPartitions'
  | 'BatchDeletePartition'

export interface GlueCatalogOptions {
  /** The default CatalogId; default 123456789012. */
  account?: string
  /** Default us-east-1. */
  region?: string
  /** Who the caller is, for AccessDeniedException messages. */
  principalArn?: string
  /** Clock for CreateTime and UpdateTime. */
  now?: () => Date
}

/** A refusal Glue gives for matching calls: AccessDeniedException (a policy without the
 * permission), ConcurrentModificationException (another writer), or any other code. */
export interface GlueRefusal {
  code: string
  operation?: GlueOperation
  /** Only calls on this database (lower case). */
  database?: string
  /** Only calls on this table (lower case). */
  table?: string
  /** How many calls it refuses; every matching call when omitted. */
  times?: number
  message?: string
}

export interface TableVersion {
  VersionId: string
  Table: Table
}

interface StoredTable {
  current: Table
  /** Archived versions, oldest first; the current one is not among them. */
  archive: TableVersion[]
  /** By their values (JSON); UpdateTable keeps them. */
  partitions: Map<string, Partition>
}

/** Glue's most partitions a BatchCreatePartition takes, and a BatchDeletePartition. */
export const BATCH_CREATE_PARTITION_MAX = 100
export const BATCH_DELETE_PARTITION_MAX = 25

const partitionKey = (values: readonly string[]): string => JSON.stringify(values)

interface StoredDatabase {
  database: Database
  tables: Map<string, StoredTable>
}

/** The HTTP status of each Glue error (all 400 but the service's own faults). */
const STATUS: Record<string, number> = {
  InternalServiceException: 500,
  OperationTimeoutException: 400,
  ThrottlingException: 400
}

export function glueError(code: string, message: string): ServiceError {
  return new ServiceError(code, STATUS[code] ?? 400, message)
}

export class GlueCatalog {
  readonly account: string
  readonly region: string
  readonly principalArn: string
  private readonly now: () => Date
  private readonly databases = new Map<string, StoredDatabase>()
  private readonly refusals: GlueRefusal[] = []

  constructor(options: GlueCatalogOptions = {}) {
    this.account = options.account ?? '123456789012'
    this.region = options.region ?? 'us-east-1'
    this.principalArn =
      options.principalArn ?? `arn:aws:sts::${this.account}:assumed-role/github-exporter/standin`
    this.now = options.now ?? (() => new Date())
  }

  refuse(rule: GlueRefusal): void {
    this.refusals.push({ ...rule })
  }

  allowAll(): void {
    this.refusals.length = 0
  }

  /** Throws the first refusal that matches this call, counting it down; `caller` (an ARN) is
   * who AccessDeniedException names, default principalArn. */
  checkRefusals(
    operation: GlueOperation,
    database?: string,
    table?: string,
    caller = this.principalArn
  ): void {
    const rule = this.refusals.find(
      r =>
        (!r.operation || r.operation === operation) &&
        (!r.database || r.database === database) &&
        (!r.table || r.table === table) &&
        (r.times === undefined || r.times > 0)
    )
    if (!rule) return
    if (rule.times !== undefined) rule.times--
    throw glueError(
      rule.code,
      rule.message ?? this.refusalMessage(rule.code, operation, caller, database)
    )
  }

  /** Another account's catalog: this caller has no grant on it. */
  checkCatalog(
    catalogId: string | undefined,
    operation: GlueOperation,
    caller = this.principalArn
  ): void {
    if (catalogId === undefined || catalogId === this.account) return
    throw glueError(
      'AccessDeniedException',
      `User: ${caller} is not authorized to perform: glue:${operation} on resource: ` +
        `arn:aws:glue:${this.region}:${catalogId}:catalog`
    )
  }

  // --- read back, for tests ---

  databaseNames(): string[] {
    return [...this.databases.keys()]
  }

  getDatabase(name: string): Database {
    const stored = this.databases.get(name.toLowerCase())
    if (!stored) throw glueError('EntityNotFoundException', `Database ${name} not found.`)
    return stored.database
  }

  tableNames(database: string): string[] {
    return [...this.stored(database).tables.keys()].sort()
  }

  getTable(database: string, name: string): Table {
    return this.storedTable(database, name).current
  }

  /** Every version of a table, the current one first, then the archived ones newest first. */
  getTableVersions(database: string, name: string): TableVersion[] {
    const stored = this.storedTable(database, name)
    const current = { VersionId: stored.current.VersionId as string, Table: stored.current }
    return [current, ...[...stored.archive].reverse()]
  }

  // --- changes ---

  createDatabase(input: DatabaseInput | Record<string, unknown>): Database {
    const database = checkDatabaseInput(input)
    const name = (database.Name as string).toLowerCase()
    if (this.databases.has(name)) {
      throw glueError('AlreadyExistsException', 'Database already exists.')
    }
    const created: Database = {
      ...database,
      Name: name,
      CreateTime: this.now(),
      CatalogId: this.account,
      CreateTableDefaultPermissions: [
        {
          Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' },
          Permissions: ['ALL']
        }
      ]
    }
    this.databases.set(name, { database: created, tables: new Map() })
    return created
  }

  /** CreateTable; CreatedBy is `createdBy` (an ARN), default principalArn. */
  createTable(
    database: string,
    input: TableInput | Record<string, unknown>,
    createdBy = this.principalArn
  ): Table {
    const stored = this.stored(database)
    const table = checkTableInput(input)
    const name = (table.Name as string).toLowerCase()
    if (stored.tables.has(name)) {
      throw glueError('AlreadyExistsException', 'Table already exists.')
    }
    const now = this.now()
    const created = this.tableOf(stored.database.Name as string, table, {
      CreateTime: now,
      UpdateTime: now,
      VersionId: '0',
      CreatedBy: createdBy
    })
    stored.tables.set(name, { current: created, archive: [], partitions: new Map() })
    return created
  }

  /** BatchCreatePartition: each partition created, or an entry of Errors (already there, values
   * that don't match the table's PartitionKeys). */
  createPartitions(
    database: string,
    table: string,
    inputs: readonly (Partition | Record<string, unknown>)[]
  ): PartitionError[] {
    const stored = this.storedTable(database, table)
    const keys = stored.current.PartitionKeys ?? []
    const errors: PartitionError[] = []
    inputs.forEach((input, i) => {
      const partition = checkPartitionInput(input, `partitionInputList.${i + 1}.member`)
      const values = partition.Values ?? []
      const fail = (ErrorCode: string, ErrorMessage: string) =>
        errors.push({ PartitionValues: values, ErrorDetail: { ErrorCode, ErrorMessage } })
      if (values.length !== keys.length || keys.length === 0) {
        fail(
          'InvalidInputException',
          'The number of partition keys do not match the number of partition values'
        )
      } else if (stored.partitions.has(partitionKey(values))) {
        fail('AlreadyExistsException', 'Partition already exists.')
      } else {
        stored.partitions.set(partitionKey(values), {
          ...partition,
          DatabaseName: stored.current.DatabaseName,
          TableName: stored.current.Name,
          CreationTime: this.now(),
          CatalogId: this.account
        })
      }
    })
    return errors
  }

  /** The table's partitions matching `expression` (GetPartitions' Expression), in value order. */
  getPartitions(database: string, table: string, expression?: string): Partition[] {
    const stored = this.storedTable(database, table)
    const keys = stored.current.PartitionKeys ?? []
    const matches = expression?.trim() ? partitionFilter(expression, keys) : () => true
    return [...stored.partitions.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, partition]) => partition)
      .filter(partition =>
        matches(new Map(keys.map((k, i) => [(k.Name ?? '').toLowerCase(), partition.Values![i]!])))
      )
  }

  /** BatchDeletePartition: each partition dropped, or an entry of Errors (not found). */
  deletePartitions(database: string, table: string, values: readonly string[][]): PartitionError[] {
    const stored = this.storedTable(database, table)
    const errors: PartitionError[] = []
    for (const list of values) {
      if (!stored.partitions.delete(partitionKey(list))) {
        errors.push({
          PartitionValues: list,
          ErrorDetail: {
            ErrorCode: 'EntityNotFoundException',
            ErrorMessage: 'Partition not found.'
          }
        })
      }
    }
    return errors
  }

  /** UpdateTable: replaces the definition; archives the old one unless skipArchive. */
  updateTable(
    database: string,
    input: TableInput | Record<string, unknown>,
    options: { skipArchive?: boolean; versionId?: string } = {}
  ): Table {
    const table = checkTableInput(input)
    const stored = this.storedTable(database, table.Name as string)
    const { current } = stored
    if (options.versionId !== undefined && options.versionId !== current.VersionId) {
      throw glueError(
        'ConcurrentModificationException',
        `Version ${options.versionId} is not the current version of table ${current.Name}.`
      )
    }
    if (!options.skipArchive) {
      stored.archive.push({ VersionId: current.VersionId as string, Table: current })
    }
    stored.current = this.tableOf(current.DatabaseName as string, table, {
      CreateTime: current.CreateTime as Date,
      UpdateTime: this.now(),
      VersionId: String(Number(current.VersionId) + 1),
      CreatedBy: current.CreatedBy as string
    })
    return stored.current
  }

  private tableOf(
    databaseName: string,
    input: Table,
    version: Required<Pick<Table, 'CreateTime' | 'UpdateTime' | 'VersionId' | 'CreatedBy'>>
  ): Table {
    return {
      ...input,
      Name: (input.Name as string).toLowerCase(),
      DatabaseName: databaseName,
      ...version,
      Retention: input.Retention ?? 0,
      IsRegisteredWithLakeFormation: false,
      CatalogId: this.account
    }
  }

  private stored(database: string): StoredDatabase {
    this.getDatabase(database)
    return this.databases.get(database.toLowerCase()) as StoredDatabase
  }

  private storedTable(database: string, name: string): StoredTable {
    const stored = this.stored(database).tables.get(name.toLowerCase())
    if (!stored) throw glueError('EntityNotFoundException', `Table ${name} not found.`)
    return stored
  }

  private refusalMessage(
    code: string,
    operation: GlueOperation,
    caller: string,
    database?: string
  ): string {
    if (code !== 'AccessDeniedException') return `${code} (stand-in refusal of ${operation})`
    const resource = database
      ? `arn:aws:glue:${this.region}:${this.account}:database/${database}`
      : `arn:aws:glue:${this.region}:${this.account}:catalog`
    return (
      `User: ${caller} is not authorized to perform: glue:${operation} on resource: ` +
      `${resource} because no identity-based policy allows the glue:${operation} action`
    )
  }
}

// --- the protocol ---

const OPERATIONS = new Set<string>([
  'GetDatabase',
  'CreateDatabase',
  'GetTable',
  'GetTables',
  'CreateTable',
  'UpdateTable',
  'GetTableVersions',
  'BatchCreatePartition',
  'GetPartitions',
  'BatchDeletePartition'
])

/** Dates travel as epoch seconds in AWS JSON 1.1. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toWire)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]))
  }
  return value
}

function parseBody(body: Buffer): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.length ? body.toString('utf8') : '{}')
  } catch {
    throw glueError('SerializationException', 'Request body is not valid JSON.')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw glueError('SerializationException', 'Start of list found where not expected')
  }
  return parsed as Record<string, unknown>
}

/** Paging over names: the token is opaque to callers and names the last one returned. */
function page<T>(
  items: T[],
  nameOf: (item: T) => string,
  token: string | undefined,
  maxResults: number
): { items: T[]; nextToken?: string } {
  const after = token === undefined ? undefined : Buffer.from(token, 'base64').toString()
  if (token !== undefined && (!after || Buffer.from(after).toString('base64') !== token)) {
    throw glueError('InvalidInputException', 'Invalid NextToken.')
  }
  const start = after === undefined ? 0 : items.findIndex(item => nameOf(item) > after)
  const rest = start < 0 ? [] : items.slice(start)
  const taken = rest.slice(0, maxResults)
  const last = taken[taken.length - 1]
  const more = rest.length > maxResults && last !== undefined
  return {
    items: taken,
    nextToken: more ? Buffer.from(nameOf(last)).toString('base64') : undefined
  }
}

/** What a call is about, and who makes it (an ARN). */
interface Target {
  database: string
  table: string
  caller: string
}

export class GlueService implements ServiceModule {
  readonly service = 'glue' as const

  constructor(readonly catalog: GlueCatalog) {}

  action(request: ServiceRequest): string {
    const target = String(request.headers['x-amz-target'] ?? '')
    return target.startsWith('AWSGlue.') ? target.slice('AWSGlue.'.length) : ''
  }

  handle(request: ServiceRequest, action: string): ServiceAnswer {
    if (!OPERATIONS.has(action)) {
      throw glueError(
        'UnknownOperationException',
        `Operation ${action || '(none)'} is not supported.`
      )
    }
    const operation = action as GlueOperation
    const params = parseBody(request.body)
    const { catalogId, database, table } = targetOf(operation, params)
    const caller = request.caller?.arn ?? this.catalog.principalArn
    this.catalog.checkCatalog(catalogId, operation, caller)
    this.catalog.checkRefusals(operation, database?.toLowerCase(), table?.toLowerCase(), caller)
    const result = this.run(operation, params, { database, table, caller } as Target)
    return {
      status: 200,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': request.requestId
      },
      body: JSON.stringify(toWire(result))
    }
  }

  /** The call's parameters for the request log: its top-level strings, numbers and booleans,
   * and the Name of a DatabaseInput or TableInput. */
  params(request: ServiceRequest): Record<string, string> {
    let body: Record<string, unknown>
    try {
      body = parseBody(request.body)
    } catch {
      return {}
    }
    const params: Record<string, string> = {}
    for (const [name, value] of Object.entries(body)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) params[name] = String(value)
      const inner = nameIn(value)
      if (/Input$/.test(name) && inner !== undefined) params[`${name}.Name`] = inner
    }
    return params
  }

  errorStatus(code: string): number | undefined {
    return STATUS[code]
  }

  error(error: ServiceError, requestId: string): ServiceAnswer {
    return {
      status: error.status,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': error.code
      },
      body: JSON.stringify({ __type: error.code, message: error.message })
    }
  }

  private run(operation: GlueOperation, params: Record<string, unknown>, target: Target): object {
    const { database, table, caller } = target
    const catalog = this.catalog
    switch (operation) {
      case 'GetDatabase':
        return { Database: catalog.getDatabase(database) }
      case 'CreateDatabase':
        catalog.createDatabase(objectParam(params, 'DatabaseInput'))
        return {}
      case 'GetTable':
        return { Table: catalog.getTable(database, table) }
      case 'CreateTable':
        catalog.createTable(database, objectParam(params, 'TableInput'), caller)
        return {}
      case 'UpdateTable':
        catalog.updateTable(database, objectParam(params, 'TableInput'), {
          skipArchive: params.SkipArchive === true,
          versionId: typeof params.VersionId === 'string' ? params.VersionId : undefined
        })
        return {}
      case 'GetTables':
        return this.getTables(params, database)
      case 'GetTableVersions':
        return this.getTableVersions(params, database, table)
      case 'BatchCreatePartition': {
        const list = listParam(params, 'PartitionInputList', BATCH_CREATE_PARTITION_MAX)
        return { Errors: catalog.createPartitions(database, table, list) }
      }
      case 'GetPartitions':
        return this.getPartitions(params, database, table)
      case 'BatchDeletePartition': {
        const list = listParam(params, 'PartitionsToDelete', BATCH_DELETE_PARTITION_MAX)
        const values = list.map((item, i) => {
          const raw = item.PartitionValues ?? item.Values
          if (!Array.isArray(raw) || raw.some(v => typeof v !== 'string')) {
            throw glueError(
              'InvalidInputException',
              `1 validation error detected: Value null at 'partitionsToDelete.${i + 1}.member.values' failed to satisfy constraint: Member must not be null`
            )
          }
          return raw as string[]
        })
        return { Errors: catalog.deletePartitions(database, table, values) }
      }
    }
  }

  private getPartitions(params: Record<string, unknown>, database: string, table: string): object {
    const { token, max } = pagingParams(params, 1000)
    const expression = typeof params.Expression === 'string' ? params.Expression : undefined
    const keyed = this.catalog
      .getPartitions(database, table, expression)
      .map(partition => ({ partition, key: partitionKey(partition.Values ?? []) }))
    const result = page(keyed, p => p.key, token, max)
    const exclude = params.ExcludeColumnSchema === true
    const partitions = result.items.map(({ partition }) =>
      exclude && partition.StorageDescriptor
        ? {
            ...partition,
            StorageDescriptor: { ...partition.StorageDescriptor, Columns: undefined }
          }
        : partition
    )
    return { Partitions: partitions, NextToken: result.nextToken }
  }

  private getTables(params: Record<string, unknown>, database: string): object {
    const { token, max } = pagingParams(params)
    const pattern = typeof params.Expression === 'string' ? expressionOf(params.Expression) : /.*/
    const names = this.catalog.tableNames(database).filter(name => pattern.test(name))
    const tables = names.map(name => this.catalog.getTable(database, name))
    const result = page(tables, t => t.Name as string, token, max)
    return { TableList: result.items, NextToken: result.nextToken }
  }

  private getTableVersions(
    params: Record<string, unknown>,
    database: string,
    table: string
  ): object {
    const { token, max } = pagingParams(params)
    // Versions page by position, oldest first internally; ids are decimal strings.
    const keyed = this.catalog
      .getTableVersions(database, table)
      .map(v => ({ ...v, key: v.VersionId.padStart(12, '0') }))
      .reverse()
    const result = page(keyed, v => v.key, token, max)
    const list = result.items.reverse().map(({ VersionId, Table }) => ({ VersionId, Table }))
    return { TableVersions: list, NextToken: result.nextToken }
  }
}

/** The catalog, database and table a call is about, its top-level names checked. */
function targetOf(
  operation: GlueOperation,
  params: Record<string, unknown>
): { catalogId?: string; database?: string; table?: string } {
  const check = new InputChecker()
  const catalogId = check.name(params, 'CatalogId', false)
  const database =
    operation === 'GetDatabase'
      ? check.name(params, 'Name')
      : operation === 'CreateDatabase'
        ? nameIn(params.DatabaseInput)
        : check.name(params, 'DatabaseName')
  const table =
    operation === 'GetTable'
      ? check.name(params, 'Name')
      : PARTITION_OPERATIONS.has(operation)
        ? check.name(params, 'TableName')
        : nameIn(params.TableInput)
  check.done()
  return { catalogId, database, table }
}

const PARTITION_OPERATIONS = new Set<GlueOperation>([
  'GetTableVersions',
  'BatchCreatePartition',
  'GetPartitions',
  'BatchDeletePartition'
])

/** A required list of structures of at most `max` members, as Glue's validation words it. */
function listParam(
  params: Record<string, unknown>,
  name: string,
  max: number
): Record<string, unknown>[] {
  const value = params[name]
  const member = name.charAt(0).toLowerCase() + name.slice(1)
  if (value === undefined || value === null) {
    throw glueError(
      'InvalidInputException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`
    )
  }
  if (!Array.isArray(value) || value.some(v => !v || typeof v !== 'object' || Array.isArray(v))) {
    throw glueError('SerializationException', `${name} must be a list of structures.`)
  }
  if (value.length > max) {
    throw glueError(
      'InvalidInputException',
      `1 validation error detected: Value '[...]' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`
    )
  }
  return value as Record<string, unknown>[]
}

function nameIn(input: unknown): string | undefined {
  const name = (input as Record<string, unknown> | undefined)?.Name
  return typeof name === 'string' ? name : undefined
}

function objectParam(params: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = params[name]
  if (value === undefined || value === null) {
    const member = name.charAt(0).toLowerCase() + name.slice(1)
    throw glueError(
      'InvalidInputException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`
    )
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw glueError('SerializationException', `${name} must be a structure.`)
  }
  return value as Record<string, unknown>
}

function pagingParams(
  params: Record<string, unknown>,
  most = 100
): { token?: string; max: number } {
  const max = params.MaxResults ?? most
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > most) {
    throw glueError(
      'InvalidInputException',
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: ` +
        `Member must have value between 1 and ${most}`
    )
  }
  const token = typeof params.NextToken === 'string' ? params.NextToken : undefined
  return { token, max }
}

/** GetTables' Expression: a regular expression over the names; `*` alone stands for `.*`. */
function expressionOf(expression: string): RegExp {
  const source = expression.replace(/(^|[^.])\*/g, '$1.*')
  try {
    return new RegExp(`^(?:${source})$`)
  } catch {
    throw glueError('InvalidInputException', `Invalid expression: ${expression}`)
  }
}
