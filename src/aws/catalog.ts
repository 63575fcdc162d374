// The Glue Data Catalog, thin: the database (created when missing), the tables already in it
// (GetTables, a page of 100 at a time instead of a GetTable each), CreateTable and UpdateTable,
// and GetTable for a table made by someone else since.
// Loaded as its own chunk, with the Glue client, only by a run that registers tables.
import {
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GlueClient,
  UpdateTableCommand,
  paginateGetTables
} from '@aws-sdk/client-glue'

export { GlueClient } from '@aws-sdk/client-glue'
import { errorCode, tagOperation } from '../errors.js'
import type { ExistingTable, GlueTableInput } from '../tables/glue.js'

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
    }
  }
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
