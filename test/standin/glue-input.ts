// Glue's checks of DatabaseInput, TableInput and PartitionInput, from the constraints of the Glue API reference
// (lengths in UTF-8 bytes, the single-line pattern, required members), with its messages: every violation is
// collected into one InvalidInputException ("2 validation errors detected: ..."); a member of
// the wrong JSON type is a SerializationException, as the service's deserializer gives.
import type {
  Column,
  Database,
  Partition,
  SerDeInfo,
  StorageDescriptor,
  Table
} from '@aws-sdk/client-glue'
import { ServiceError } from './service.js'

type Json = Record<string, unknown>

/** Glue's "single-line string" pattern: no control character but tab. */
const SINGLE_LINE = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\t]*$/u
const SINGLE_LINE_TEXT = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*'
/** The multi-line pattern (descriptions, view text) only adds line breaks. */
const MULTI_LINE = /^[\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}\r\n\t]*$/u

interface StringRule {
  required?: boolean
  min?: number
  max: number
  multiLine?: boolean
}

const NAME: StringRule = { required: true, min: 1, max: 255 }

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

function serialization(path: string, expected: string): ServiceError {
  return new ServiceError('SerializationException', 400, `${path}: expected ${expected}.`)
}

export class InputChecker {
  private readonly errors: string[] = []

  /** A NameString at the top of the request (DatabaseName, Name, CatalogId, ...). */
  name(params: Json, field: string, required = true): string | undefined {
    return this.string(params, field, camel(field), { ...NAME, required })
  }

  string(obj: Json, field: string, path: string, rule: StringRule): string | undefined {
    const value = obj[field]
    if (value === undefined || value === null) {
      if (rule.required) this.fail(path, null, 'Member must not be null')
      return undefined
    }
    if (typeof value !== 'string') throw serialization(path, 'a string')
    // The Glue developer guide gives these limits in UTF-8 bytes ("not more than 255 bytes
    // long"), not in characters: 'é' counts 2, '€' 3, an emoji 4.
    const bytes = Buffer.byteLength(value, 'utf8')
    if (bytes < (rule.min ?? 0)) {
      this.fail(path, value, `Member must have length greater than or equal to ${rule.min}`)
    } else if (bytes > rule.max) {
      this.fail(path, value, `Member must have length less than or equal to ${rule.max}`)
    } else if (!(rule.multiLine ? MULTI_LINE : SINGLE_LINE).test(value)) {
      const pattern = rule.multiLine ? 'the multi-line string pattern' : SINGLE_LINE_TEXT
      this.fail(path, value, `Member must satisfy regular expression pattern: ${pattern}`)
    }
    return value
  }

  /** A string-to-string map such as Parameters: keys 1-255 single-line, values up to 512000. */
  map(obj: Json, field: string, path: string): Record<string, string> | undefined {
    const value = this.object(obj, field, path)
    if (!value) return undefined
    for (const key of Object.keys(value)) {
      this.string({ key }, 'key', `${path}.key`, NAME)
      this.string(value, key, `${path}.${key}`, { max: 512000, multiLine: true })
    }
    return value as Record<string, string>
  }

  object(obj: Json, field: string, path: string): Json | undefined {
    const value = obj[field]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'object' || Array.isArray(value)) throw serialization(path, 'a structure')
    return value as Json
  }

  list(obj: Json, field: string, path: string): Json[] | undefined {
    const value = obj[field]
    if (value === undefined || value === null) return undefined
    if (!Array.isArray(value)) throw serialization(path, 'a list')
    return value.map((item: unknown, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        throw serialization(`${path}.${i + 1}.member`, 'a structure')
      }
      return item as Json
    })
  }

  integer(obj: Json, field: string, path: string, min: number): number | undefined {
    const value = obj[field]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw serialization(path, 'an integer')
    if (value < min)
      this.fail(path, value, `Member must have value greater than or equal to ${min}`)
    return value
  }

  boolean(obj: Json, field: string, path: string): boolean | undefined {
    const value = obj[field]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'boolean') throw serialization(path, 'a boolean')
    return value
  }

  /** Throws InvalidInputException with every violation found, if any. */
  done(): void {
    const count = this.errors.length
    if (count === 0) return
    const noun = count === 1 ? 'error' : 'errors'
    throw new ServiceError(
      'InvalidInputException',
      400,
      `${count} validation ${noun} detected: ${this.errors.join('; ')}`
    )
  }

  fail(path: string, value: unknown, constraint: string): void {
    const shown = value === null ? 'null' : `'${String(value)}'`
    this.errors.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`)
  }
}

function columns(
  check: InputChecker,
  obj: Json,
  field: string,
  path: string
): Column[] | undefined {
  return check.list(obj, field, path)?.map((column, i) => {
    const at = `${path}.${i + 1}.member`
    return {
      Name: check.string(column, 'Name', `${at}.name`, NAME),
      Type: check.string(column, 'Type', `${at}.type`, { max: 131072 }),
      Comment: check.string(column, 'Comment', `${at}.comment`, { max: 255 }),
      Parameters: check.map(column, 'Parameters', `${at}.parameters`)
    }
  })
}

function serde(check: InputChecker, obj: Json, path: string): SerDeInfo | undefined {
  const info = check.object(obj, 'SerdeInfo', path)
  if (!info) return undefined
  return {
    Name: check.string(info, 'Name', `${path}.name`, { ...NAME, required: false }),
    SerializationLibrary: check.string(
      info,
      'SerializationLibrary',
      `${path}.serializationLibrary`,
      {
        ...NAME,
        required: false
      }
    ),
    Parameters: check.map(info, 'Parameters', `${path}.parameters`)
  }
}

function storageDescriptor(
  check: InputChecker,
  obj: Json,
  path: string
): StorageDescriptor | undefined {
  const sd = check.object(obj, 'StorageDescriptor', path)
  if (!sd) return undefined
  return {
    Columns: columns(check, sd, 'Columns', `${path}.columns`),
    Location: check.string(sd, 'Location', `${path}.location`, { max: 2056, multiLine: true }),
    InputFormat: check.string(sd, 'InputFormat', `${path}.inputFormat`, { max: 128 }),
    OutputFormat: check.string(sd, 'OutputFormat', `${path}.outputFormat`, { max: 128 }),
    Compressed: check.boolean(sd, 'Compressed', `${path}.compressed`),
    NumberOfBuckets: check.integer(sd, 'NumberOfBuckets', `${path}.numberOfBuckets`, -1),
    SerdeInfo: serde(check, sd, `${path}.serdeInfo`),
    Parameters: check.map(sd, 'Parameters', `${path}.parameters`),
    StoredAsSubDirectories: check.boolean(
      sd,
      'StoredAsSubDirectories',
      `${path}.storedAsSubDirectories`
    )
  }
}

/** Drops the members a request left out, as Glue's answers omit them. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function deepDefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepDefined) as T
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return defined(
      Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepDefined(v)]))
    ) as T
  }
  return value
}

export function checkDatabaseInput(given: object): Database {
  const input = given as Json
  const check = new InputChecker()
  const path = 'databaseInput'
  const database: Database = {
    Name: check.string(input, 'Name', `${path}.name`, NAME),
    Description: check.string(input, 'Description', `${path}.description`, {
      max: 2048,
      multiLine: true
    }),
    LocationUri: check.string(input, 'LocationUri', `${path}.locationUri`, { min: 1, max: 1024 }),
    Parameters: check.map(input, 'Parameters', `${path}.parameters`)
  }
  check.done()
  return deepDefined(database)
}

export function checkTableInput(given: object): Table {
  const input = given as Json
  const check = new InputChecker()
  const path = 'tableInput'
  const seconds = (field: string): Date | undefined => {
    const value = input[field]
    if (value === undefined || value === null) return undefined
    // Epoch seconds on the wire; a Date when a test seeds the catalog directly.
    if (value instanceof Date) return value
    if (typeof value !== 'number') throw serialization(`${path}.${camel(field)}`, 'a timestamp')
    return new Date(value * 1000)
  }
  const table: Table = {
    Name: check.string(input, 'Name', `${path}.name`, NAME),
    Description: check.string(input, 'Description', `${path}.description`, {
      max: 2048,
      multiLine: true
    }),
    Owner: check.string(input, 'Owner', `${path}.owner`, { ...NAME, required: false }),
    LastAccessTime: seconds('LastAccessTime'),
    LastAnalyzedTime: seconds('LastAnalyzedTime'),
    Retention: check.integer(input, 'Retention', `${path}.retention`, 0),
    StorageDescriptor: storageDescriptor(check, input, `${path}.storageDescriptor`),
    PartitionKeys: columns(check, input, 'PartitionKeys', `${path}.partitionKeys`),
    ViewOriginalText: check.string(input, 'ViewOriginalText', `${path}.viewOriginalText`, {
      max: 409600,
      multiLine: true
    }),
    ViewExpandedText: check.string(input, 'ViewExpandedText', `${path}.viewExpandedText`, {
      max: 409600,
      multiLine: true
    }),
    TableType: check.string(input, 'TableType', `${path}.tableType`, { max: 255 }),
    Parameters: check.map(input, 'Parameters', `${path}.parameters`)
  }
  check.done()
  return deepDefined(table)
}

/** A PartitionInput of BatchCreatePartition: Values (each 1-1024), its storage, parameters. */
export function checkPartitionInput(given: object, path: string): Partition {
  const input = given as Json
  const check = new InputChecker()
  const raw = input.Values
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    throw serialization(`${path}.values`, 'a list')
  }
  const list = (raw ?? []) as unknown[]
  list.forEach((value, i) => {
    check.string({ value }, 'value', `${path}.values.${i + 1}.member`, {
      required: true,
      min: 0,
      max: 1024
    })
  })
  if (list.length > 100) {
    check.fail(`${path}.values`, '[...]', 'Member must have length less than or equal to 100')
  }
  const partition: Partition = {
    Values: list as string[],
    StorageDescriptor: storageDescriptor(check, input, `${path}.storageDescriptor`),
    Parameters: check.map(input, 'Parameters', `${path}.parameters`)
  }
  check.done()
  return deepDefined(partition)
}
