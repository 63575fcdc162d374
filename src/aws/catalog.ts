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
      try {
        await glue().send(new GetDatabaseCommand({ Name: name }))
        return false
      } catch (error) {
        if (errorCode(error) !== 'EntityNotFoundException')
          throw tagOperation(error, 'GetDatabase', 'glue')
      }
      try {
        await glue().send(
          new CreateDatabaseCommand({ DatabaseInput: { Name: name, Description: description } })
        )
        return true
      } catch (error) {
        // Another step created it a moment ago.
        if (errorCode(error) === 'AlreadyExistsException') return false
        throw tagOperation(error, 'CreateDatabase', 'glue')
      }
    },
    async tables(database) {
      const found = new Map<string, ExistingTable>()
      try {
        const pages = paginateGetTables({ client: glue() }, { DatabaseName: database })
        for await (const page of pages) {
          for (const table of page.TableList ?? []) if (table.Name) found.set(table.Name, table)
        }
      } catch (error) {
        throw tagOperation(error, 'GetTables', 'glue')
      }
      return found
    },
    async table(database, name) {
      try {
        const { Table } = await glue().send(
          new GetTableCommand({ DatabaseName: database, Name: name })
        )
        return Table
      } catch (error) {
        if (errorCode(error) === 'EntityNotFoundException') return undefined
        throw tagOperation(error, 'GetTable', 'glue')
      }
    },
    async create(database, input) {
      try {
        await glue().send(new CreateTableCommand({ DatabaseName: database, TableInput: input }))
        return true
      } catch (error) {
        // Made since GetTables listed the database (another step, say): the caller looks again.
        if (errorCode(error) === 'AlreadyExistsException') return false
        throw tagOperation(error, 'CreateTable', 'glue')
      }
    },
    async update(database, input) {
      try {
        await glue().send(
          new UpdateTableCommand({ DatabaseName: database, TableInput: input, SkipArchive: true })
        )
      } catch (error) {
        throw tagOperation(error, 'UpdateTable', 'glue')
      }
    }
  }
}
