// The Glue Data Catalog, thin: the database (created when missing), the tables already in it
// (GetTables, a page of 100 at a time instead of a GetTable each), CreateTable and UpdateTable,
// GetTable for a table made by someone else since; and a history table's partitions:
// BatchCreatePartition (100 a call), GetPartitions with an expression, BatchDeletePartition
// (25 a call).
// Loaded as its own chunk, with the Glue client, only by a run that registers tables.
import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
  paginateGetPartitions,
  paginateGetTables,
  type PartitionError
} from '@aws-sdk/client-glue'

export { GlueClient } from '@aws-sdk/client-glue'
import { errorCode, tagOperation } from '../errors.js'
import {
  inBatches,
  type ExistingTable,
  type GluePartitionInput,
  type GlueTableInput
} from '../tables/glue.js'

/** Glue's most partitions a BatchCreatePartition call takes. */
export const CREATE_PARTITIONS_MAX = 100
/** Glue's most partitions a BatchDeletePartition call takes. */
export const DELETE_PARTITIONS_MAX = 25

export interface CatalogApi {
  /** Whether the database had to be created. */
  ensureDatabase(name: string, description: string): Promise<boolean>
  /** Every table of the database, by name. */
  tables(database: string): Promise<Map<string, ExistingTable>>
  /** The table, or undefined when there is none. */
  table(database: string, name: string): Promise<ExistingTable | undefined>
  /** Whether it was created: false when a table of that name already exists. */
  create(database: string, input: GlueTableInput): Promise<boolean>
  /** Replaces the table's definition, without archiving a version of the old one. */
  update(database: string, input: GlueTableInput): Promise<void>
  /** Adds the partitions; one already there is counted, not an error (a re-run). */
  addPartitions(
    database: string,
    table: string,
    partitions: readonly GluePartitionInput[]
  ): Promise<{ added: number; existing: number }>
  /** The values of the table's partitions that match `expression`, every page. */
  partitionValues(database: string, table: string, expression: string): Promise<string[][]>
  /** Drops the partitions; how many were dropped (one already gone is not counted). */
  dropPartitions(database: string, table: string, values: readonly string[][]): Promise<number>
}

export function catalogApi(glue: () => GlueClient): CatalogApi {
  return {
    async ensureDatabase(name, description) {
      const found = await glueCall(
        'GetDatabase',
        () => glue().send(new GetDatabaseCommand({ Name: name })),
        'EntityNotFoundException'
      )
      if (found) return false
      const DatabaseInput = { Name: name, Description: description }
      // AlreadyExists: another step created it a moment ago.
      const created = await glueCall(
        'CreateDatabase',
        () => glue().send(new CreateDatabaseCommand({ DatabaseInput })),
        'AlreadyExistsException'
      )
      return created !== undefined
    },
    async tables(database) {
      const found = new Map<string, ExistingTable>()
      await glueCall('GetTables', async () => {
        const pages = paginateGetTables({ client: glue() }, { DatabaseName: database })
        for await (const page of pages) {
          for (const table of page.TableList ?? []) if (table.Name) found.set(table.Name, table)
        }
      })
      return found
    },
    async table(database, name) {
      const answer = await glueCall(
        'GetTable',
        () => glue().send(new GetTableCommand({ DatabaseName: database, Name: name })),
        'EntityNotFoundException'
      )
      return answer?.Table
    },
    async create(database, input) {
      // AlreadyExists: made since GetTables listed the database (another step, say).
      const created = await glueCall(
        'CreateTable',
        () => glue().send(new CreateTableCommand({ DatabaseName: database, TableInput: input })),
        'AlreadyExistsException'
      )
      return created !== undefined
    },
    async update(database, input) {
      const command = new UpdateTableCommand({
        DatabaseName: database,
        TableInput: input,
        SkipArchive: true
      })
      await glueCall('UpdateTable', () => glue().send(command))
    },
    async addPartitions(DatabaseName, TableName, partitions) {
      const existing = await inPartitionBatches('BatchCreatePartition', partitions, batch =>
        glue().send(
          new BatchCreatePartitionCommand({ DatabaseName, TableName, PartitionInputList: batch })
        )
      )
      return { added: partitions.length - existing, existing }
    },
    async partitionValues(database, table, expression) {
      const values: string[][] = []
      await glueCall('GetPartitions', async () => {
        const pages = paginateGetPartitions(
          { client: glue() },
          // The values are all that is read: no column lists of every partition on the wire.
          {
            DatabaseName: database,
            TableName: table,
            Expression: expression,
            ExcludeColumnSchema: true
          }
        )
        for await (const page of pages) {
          for (const partition of page.Partitions ?? []) {
            if (partition.Values) values.push(partition.Values)
          }
        }
      })
      return values
    },
    async dropPartitions(DatabaseName, TableName, values) {
      const toDelete = values.map(Values => ({ Values }))
      const gone = await inPartitionBatches('BatchDeletePartition', toDelete, PartitionsToDelete =>
        glue().send(
          new BatchDeletePartitionCommand({ DatabaseName, TableName, PartitionsToDelete })
        )
      )
      return values.length - gone
    }
  }
}

/** Glue's most partitions a call, and the per-partition error that is an answer, not a failure. */
const PARTITION_BATCHES = {
  BatchCreatePartition: { max: CREATE_PARTITIONS_MAX, answers: 'AlreadyExistsException' },
  BatchDeletePartition: { max: DELETE_PARTITIONS_MAX, answers: 'EntityNotFoundException' }
} as const

/**
 * A batch partition call over `items`, as many a call as Glue takes, one call after the other:
 * how many partitions answered the error that is an answer here (already there, already gone).
 */
async function inPartitionBatches<T>(
  operation: keyof typeof PARTITION_BATCHES,
  items: readonly T[],
  send: (batch: T[]) => Promise<{ Errors?: PartitionError[] }>
): Promise<number> {
  const { max, answers } = PARTITION_BATCHES[operation]
  let answered = 0
  for (const batch of inBatches(items, max)) {
    const answer = await glueCall(operation, () => send(batch))
    answered += partitionErrors(operation, answer?.Errors, answers)
  }
  return answered
}

/**
 * A batch call's per-partition errors: how many are the one code that is an answer here (already
 * there, already gone); the first other one is thrown as the error of the call, with its code.
 */
function partitionErrors(
  operation: string,
  errors: readonly PartitionError[] | undefined,
  answers: string
): number {
  let answered = 0
  for (const { ErrorDetail, PartitionValues } of errors ?? []) {
    const code = ErrorDetail?.ErrorCode ?? 'InternalServiceException'
    if (code === answers) {
      answered++
      continue
    }
    const values = (PartitionValues ?? []).join(', ')
    const error = Object.assign(
      new Error(`${ErrorDetail?.ErrorMessage ?? code} (partition ${values})`),
      { name: code }
    )
    throw tagOperation(error, operation, 'glue')
  }
  return answered
}

/**
 * One Glue call: its answer, or undefined for the one error code that is an answer here (a
 * database or table not found, or already there); any other error tagged with the operation.
 */
async function glueCall<T>(
  operation: string,
  send: () => Promise<T>,
  answers?: string
): Promise<T | undefined> {
  try {
    return await send()
  } catch (error) {
    if (answers && errorCode(error) === answers) return undefined
    throw tagOperation(error, operation, 'glue')
  }
}
