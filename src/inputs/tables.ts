// What was exported: the tables report read from the export's metadata once it is COMPLETE,
// and the Glue database and table prefix it registers the tables under.

import type { Config, Mode } from '../config.js'
import { InputError, inputsPhrase, quote, refuse, type Refusals } from './errors.js'
import type { Inputs } from './read.js'
import { GLUE_NAME_MAX } from '../tables/glue.js'
import { YAML_BOOLEANS, yamlBoolean } from './values.js'

// The longest table part of a Glue table name: database.schema.table, each part at most 64
// characters (MySQL; PostgreSQL's 63 bytes are fewer), every character kept as one.
const LONGEST_TARGET = 3 * 64 + 2

/** The longest glue-table-prefix that leaves room for any table in Glue's 255 characters. */
export const GLUE_TABLE_PREFIX_MAX = GLUE_NAME_MAX - LONGEST_TARGET

const TABLE_INPUTS = ['tables-report', 'glue-database', 'glue-table-prefix'] as const

type Tables = Pick<Config, 'tablesReport' | 'glueDatabase' | 'glueTablePrefix'>
const NO_TABLES: Tables = { tablesReport: 'auto', glueTablePrefix: '' }

function parseTablesReport(value: string): 'auto' | boolean {
  if (value === 'auto') return 'auto'
  const parsed = yamlBoolean(value)
  if (parsed !== undefined) return parsed
  const hint = value.toLowerCase() === 'auto' ? "write it in lower case, 'auto'" : undefined
  throw refuse('tables-report', `must be auto or a boolean: ${YAML_BOOLEANS}`, value, hint)
}

// A name Athena can use as it is: Glue stores names in lower case, Athena takes letters,
// digits and '_' without quoting.
function glueNameProblem(value: string, max: number): string | undefined {
  if (value.length > max) return `it has ${value.length} characters, at most ${max}`
  const bad = /[^a-z0-9_]/.exec(value)
  if (!bad) return undefined
  const lower = value.toLowerCase()
  if (/^[a-z0-9_]*$/.test(lower)) return `write it in lower case, ${quote(lower)}`
  return `${quote(bad[0])} is not allowed`
}

function parseGlueDatabase(value: string, tablesReport: 'auto' | boolean | undefined): string {
  const input = 'glue-database'
  const problem = glueNameProblem(value, GLUE_NAME_MAX)
  if (problem) {
    const rule = `must be a Glue database name Athena can query: 1-${GLUE_NAME_MAX} lower-case letters, digits and '_'`
    throw refuse(input, rule, value, problem)
  }
  if (tablesReport === false) {
    throw new InputError(
      input,
      `Input '${input}' registers the tables of the report, and 'tables-report' is false: ` +
        `set tables-report to auto or true, or remove glue-database.`
    )
  }
  return value
}

function parseGluePrefix(value: string): string {
  const problem = glueNameProblem(value, GLUE_TABLE_PREFIX_MAX)
  if (!problem) return value
  const rule =
    `must be at most ${GLUE_TABLE_PREFIX_MAX} lower-case letters, digits and '_', ` +
    `so that every table name fits Glue's ${GLUE_NAME_MAX} characters`
  throw refuse('glue-table-prefix', rule, value, problem)
}

// The tables are read once the task is seen COMPLETE: never by cancel, by start only when it
// waits. How a warning ends for the inputs ignored, or undefined where they apply.
function ignoredTail(mode: Mode, wait: boolean, one: boolean): string | undefined {
  if (mode === 'cancel') return `; mode 'cancel' ignores ${one ? 'it' : 'them'}`
  if (mode !== 'start' || wait) return undefined
  return `, and mode 'start' without wait: true does not wait for that; ${one ? 'it is' : 'they are'} ignored`
}

/**
 * The tables section, for modes start with wait, wait and status; ignored (with a warning)
 * otherwise. tables-report is checked in every mode.
 */
export function parseTablesSection(
  inputs: Inputs,
  mode: Mode,
  wait: boolean,
  warnings: string[],
  refusals: Refusals
): Tables {
  const tablesReport = refusals.check(() => parseTablesReport(inputs.get('tables-report')))
  const { phrase, one } = inputsPhrase(TABLE_INPUTS.filter(name => inputs.given(name)))
  const tail = ignoredTail(mode, wait, one)
  if (tail !== undefined) {
    if (TABLE_INPUTS.some(name => inputs.given(name))) {
      warnings.push(
        `${phrase} ${one ? 'applies' : 'apply'} once the export is seen COMPLETE${tail}.`
      )
    }
    return NO_TABLES
  }
  const database = inputs.raw('glue-database')
  const prefix = inputs.get('glue-table-prefix')
  if (database === '') {
    if (prefix !== '') {
      warnings.push(
        "Input 'glue-table-prefix' is ignored without glue-database: it names Glue tables."
      )
    }
    return { tablesReport: tablesReport ?? 'auto', glueTablePrefix: '' }
  }
  const glueDatabase = refusals.check(() => parseGlueDatabase(database, tablesReport))
  const glueTablePrefix = refusals.check(() => parseGluePrefix(prefix))
  return {
    tablesReport: tablesReport ?? 'auto',
    ...(glueDatabase !== undefined ? { glueDatabase } : {}),
    glueTablePrefix: glueTablePrefix ?? ''
  }
}
