import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { parquetMetadataAsync, type AsyncBuffer, type SchemaElement } from 'hyparquet'
import { parquetWriteBuffer, type SchemaElement as WriterElement } from 'hyparquet-writer'
import {
  columnsFromMetadata,
  columnsFromSchema,
  elementFromExportedType,
  withSourceTypes
} from '../../src/tables/types.js'

// A top-level column: its element, then its descendants, flattened. (hyparquet-writer brings
// its own copy of hyparquet, whose SchemaElement type is a release behind.)
type Tree = WriterElement[]

/**
 * A real Parquet file with these columns (no rows), written by hyparquet-writer, then its footer
 * read back by hyparquet over ranged reads, as the phase reads one from S3.
 */
async function footerOf(columns: Tree[]): Promise<SchemaElement[]> {
  const schema: WriterElement[] = [{ name: 'spark_schema', num_children: columns.length }]
  for (const tree of columns) schema.push(...tree)
  const bytes = parquetWriteBuffer({
    schema,
    columnData: columns.map(([top]) => ({ name: top!.name, data: [] }))
  })
  const file: AsyncBuffer = {
    byteLength: bytes.byteLength,
    slice: (start, end) => bytes.slice(start, end)
  }
  return (await parquetMetadataAsync(file)).schema
}

const optional = (element: WriterElement): WriterElement => ({
  repetition_type: 'OPTIONAL',
  ...element
})

// [column, Parquet element, the Parquet type shown, the Glue type]
const PRIMITIVES: [string, Omit<WriterElement, 'name'>, string, string][] = [
  ['flag', { type: 'BOOLEAN' }, 'BOOLEAN', 'boolean'],
  ['n', { type: 'INT32' }, 'INT32', 'int'],
  ['tiny', { type: 'INT32', converted_type: 'INT_8' }, 'INT32 INT_8', 'tinyint'],
  ['small', { type: 'INT32', converted_type: 'INT_16' }, 'INT32 INT_16', 'smallint'],
  ['i32', { type: 'INT32', converted_type: 'INT_32' }, 'INT32 INT_32', 'int'],
  ['u8', { type: 'INT32', converted_type: 'UINT_8' }, 'INT32 UINT_8', 'smallint'],
  ['u16', { type: 'INT32', converted_type: 'UINT_16' }, 'INT32 UINT_16', 'int'],
  ['u32', { type: 'INT32', converted_type: 'UINT_32' }, 'INT32 UINT_32', 'bigint'],
  [
    'l_u32',
    { type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 32, isSigned: false } },
    'INT32 INTEGER(32,false)',
    'bigint'
  ],
  [
    'l_i16',
    { type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 16, isSigned: true } },
    'INT32 INTEGER(16,true)',
    'smallint'
  ],
  ['day', { type: 'INT32', converted_type: 'DATE' }, 'INT32 DATE', 'date'],
  ['l_day', { type: 'INT32', logical_type: { type: 'DATE' } }, 'INT32 DATE', 'date'],
  ['t_ms', { type: 'INT32', converted_type: 'TIME_MILLIS' }, 'INT32 TIME_MILLIS', 'int'],
  ['big', { type: 'INT64' }, 'INT64', 'bigint'],
  ['i64', { type: 'INT64', converted_type: 'INT_64' }, 'INT64 INT_64', 'bigint'],
  ['u64', { type: 'INT64', converted_type: 'UINT_64' }, 'INT64 UINT_64', 'decimal(20,0)'],
  [
    'ts_ms',
    { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
    'INT64 TIMESTAMP_MILLIS',
    'timestamp'
  ],
  [
    'ts_us',
    { type: 'INT64', converted_type: 'TIMESTAMP_MICROS' },
    'INT64 TIMESTAMP_MICROS',
    'timestamp'
  ],
  [
    'l_ts',
    { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' } },
    'INT64 TIMESTAMP(NANOS)',
    'timestamp'
  ],
  [
    't_us',
    { type: 'INT64', logical_type: { type: 'TIME', isAdjustedToUTC: false, unit: 'MICROS' } },
    'INT64 TIME(MICROS)',
    'bigint'
  ],
  ['spark_ts', { type: 'INT96' }, 'INT96', 'timestamp'],
  ['real', { type: 'FLOAT' }, 'FLOAT', 'float'],
  ['dbl', { type: 'DOUBLE' }, 'DOUBLE', 'double'],
  [
    'd32',
    { type: 'INT32', converted_type: 'DECIMAL', precision: 9, scale: 2 },
    'INT32 DECIMAL(9,2)',
    'decimal(9,2)'
  ],
  [
    'd64',
    { type: 'INT64', converted_type: 'DECIMAL', precision: 18, scale: 6 },
    'INT64 DECIMAL(18,6)',
    'decimal(18,6)'
  ],
  [
    'unsigned_bigint',
    {
      type: 'FIXED_LEN_BYTE_ARRAY',
      type_length: 9,
      converted_type: 'DECIMAL',
      precision: 20,
      scale: 0
    },
    'FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0)',
    'decimal(20,0)'
  ],
  [
    'l_dec',
    { type: 'BYTE_ARRAY', logical_type: { type: 'DECIMAL', precision: 38, scale: 10 } },
    'BYTE_ARRAY DECIMAL(38,10)',
    'decimal(38,10)'
  ],
  ['txt', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, 'BYTE_ARRAY UTF8', 'string'],
  [
    'l_txt',
    { type: 'BYTE_ARRAY', logical_type: { type: 'STRING' } },
    'BYTE_ARRAY STRING',
    'string'
  ],
  ['mood', { type: 'BYTE_ARRAY', converted_type: 'ENUM' }, 'BYTE_ARRAY ENUM', 'string'],
  ['doc', { type: 'BYTE_ARRAY', converted_type: 'JSON' }, 'BYTE_ARRAY JSON', 'string'],
  ['bson', { type: 'BYTE_ARRAY', converted_type: 'BSON' }, 'BYTE_ARRAY BSON', 'binary'],
  ['bytes', { type: 'BYTE_ARRAY' }, 'BYTE_ARRAY', 'binary'],
  [
    'id',
    { type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, logical_type: { type: 'UUID' } },
    'FIXED_LEN_BYTE_ARRAY(16) UUID',
    'binary'
  ],
  ['fixed', { type: 'FIXED_LEN_BYTE_ARRAY', type_length: 4 }, 'FIXED_LEN_BYTE_ARRAY(4)', 'binary']
]

describe('columnsFromSchema, from real Parquet footers', () => {
  test.each(PRIMITIVES)('%s: %j is %s, Glue %s', async (name, element, parquetType, glueType) => {
    const schema = await footerOf([[optional({ name, ...element })]])
    expect(columnsFromSchema(schema)).toEqual({
      columns: [{ name, parquetType, glueType }],
      problems: []
    })
  })

  test('every primitive in one file, in order, names lower-cased', async () => {
    const schema = await footerOf(
      PRIMITIVES.map(([name, element]) => [optional({ name: name.toUpperCase(), ...element })])
    )
    const { columns, problems } = columnsFromSchema(schema)
    expect(problems).toEqual([])
    expect(columns.map(c => [c.name, c.glueType])).toEqual(PRIMITIVES.map(([n, , , g]) => [n, g]))
  })

  // A LIST column as Parquet nests it: the annotated group, a repeated group (named `list` in
  // the standard layout, `array` or `<name>_tuple` in legacy ones), then the element's tree.
  const listOf = (
    name: string,
    repeated: string,
    element: Tree,
    annotation: Omit<WriterElement, 'name'> = { converted_type: 'LIST' }
  ): Tree => [
    optional({ name, ...annotation, num_children: 1 }),
    { name: repeated, repetition_type: 'REPEATED', num_children: 1 },
    ...element
  ]
  const strings = (name: string): Tree =>
    listOf(name, 'list', [
      optional({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8' })
    ])
  const NESTED: [string, Tree, string, string][] = [
    ['a three-level LIST', strings('tags'), 'group LIST', 'array<string>'],
    [
      'a two-level LIST of a primitive',
      [
        optional({ name: 'n', converted_type: 'LIST', num_children: 1 }),
        { name: 'array', repetition_type: 'REPEATED', type: 'INT32' }
      ],
      'group LIST',
      'array<int>'
    ],
    [
      'a LIST whose repeated group is named array (legacy: the group is the element)',
      listOf('pts', 'array', [optional({ name: 'x', type: 'DOUBLE' })], {
        logical_type: { type: 'LIST' }
      }),
      'group LIST',
      'array<struct<x:double>>'
    ],
    [
      'a LIST whose repeated group is named <list>_tuple',
      listOf('pts', 'pts_tuple', [optional({ name: 'x', type: 'INT64' })]),
      'group LIST',
      'array<struct<x:bigint>>'
    ],
    [
      'a LIST of structs',
      listOf('items', 'list', [
        optional({ name: 'element', num_children: 2 }),
        optional({ name: 'SKU', type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
        optional({ name: 'qty', type: 'INT32' })
      ]),
      'group LIST',
      'array<struct<sku:string,qty:int>>'
    ],
    [
      'a LIST of LISTs',
      listOf('grid', 'list', strings('element')),
      'group LIST',
      'array<array<string>>'
    ],
    [
      'a MAP',
      [
        optional({ name: 'attrs', converted_type: 'MAP', num_children: 1 }),
        { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', repetition_type: 'REQUIRED', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
        optional({ name: 'value', type: 'INT64', converted_type: 'TIMESTAMP_MICROS' })
      ],
      'group MAP',
      'map<string,timestamp>'
    ],
    [
      'a legacy MAP_KEY_VALUE',
      [
        optional({ name: 'm', converted_type: 'MAP_KEY_VALUE', num_children: 1 }),
        { name: 'map', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', repetition_type: 'REQUIRED', type: 'INT32' },
        optional({ name: 'value', type: 'BOOLEAN' })
      ],
      'group MAP_KEY_VALUE',
      'map<int,boolean>'
    ],
    [
      'a struct within a struct',
      [
        optional({ name: 'addr', num_children: 2 }),
        optional({ name: 'city', type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
        optional({ name: 'geo', num_children: 2 }),
        optional({ name: 'lat', type: 'DOUBLE' }),
        optional({ name: 'lon', type: 'DOUBLE' })
      ],
      'group',
      'struct<city:string,geo:struct<lat:double,lon:double>>'
    ],
    [
      'a repeated primitive outside a LIST',
      [{ name: 'codes', repetition_type: 'REPEATED', type: 'INT32' }],
      'repeated INT32',
      'array<int>'
    ],
    [
      'a repeated group outside a LIST',
      [
        { name: 'lines', repetition_type: 'REPEATED', num_children: 1 },
        optional({ name: 'n', type: 'INT32' })
      ],
      'repeated group',
      'array<struct<n:int>>'
    ]
  ]

  test.each(NESTED)('%s', async (_, tree, parquetType, glueType) => {
    const { columns, problems } = columnsFromSchema(await footerOf([tree]))
    expect(problems).toEqual([])
    expect(columns).toEqual([{ name: tree[0]!.name.toLowerCase(), parquetType, glueType }])
  })
})

describe('columnsFromSchema: what Athena can not take is a problem', () => {
  test.each([
    [
      'a decimal wider than 38 digits',
      [
        [
          optional({
            name: 'x',
            type: 'BYTE_ARRAY',
            converted_type: 'DECIMAL',
            precision: 40,
            scale: 2
          })
        ]
      ],
      "column x: decimal(40,2) is wider than Athena's 38 digits"
    ],
    [
      'columns that are one name in lower case',
      [[optional({ name: 'Id', type: 'INT32' })], [optional({ name: 'ID', type: 'INT64' })]],
      "columns that are one name in lower case (Athena can't hold both): id"
    ],
    [
      'a nested field Hive type strings can not hold',
      [[optional({ name: 's', num_children: 1 }), optional({ name: 'a b', type: 'INT32' })]],
      'column s: a nested field named a b'
    ],
    [
      'a map with a group for its key',
      [
        [
          optional({ name: 'm', converted_type: 'MAP', num_children: 1 }),
          { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
          { name: 'key', repetition_type: 'REQUIRED', num_children: 1 },
          { name: 'k', repetition_type: 'REQUIRED', type: 'INT32' },
          optional({ name: 'value', type: 'INT32' })
        ]
      ],
      'column m: a map with a nested key'
    ],
    [
      'a MAP without values',
      [
        [
          optional({ name: 'm', converted_type: 'MAP', num_children: 1 }),
          { name: 'key_value', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'key', repetition_type: 'REQUIRED', type: 'INT32' }
        ]
      ],
      'column m: a MAP without values (a set)'
    ],
    [
      'a MAP with two groups',
      [
        [
          optional({ name: 'm', converted_type: 'MAP', num_children: 2 }),
          { name: 'key_value', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'key', repetition_type: 'REQUIRED', type: 'INT32' },
          { name: 'more', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'key', repetition_type: 'REQUIRED', type: 'INT32' }
        ]
      ],
      'column m: a MAP group without one key_value group'
    ],
    [
      'a LIST that is not one repeated field',
      [
        [
          optional({ name: 'l', converted_type: 'LIST', num_children: 1 }),
          optional({ name: 'element', type: 'INT32' })
        ]
      ],
      'column l: a LIST group that is not a single repeated field'
    ]
  ] as [string, Tree[], string][])('%s', async (_, trees, problem) => {
    expect(columnsFromSchema(await footerOf(trees)).problems).toEqual([problem])
  })

  test.each([
    [
      'children that do not add up',
      [
        { name: 'root', num_children: 2 },
        { name: 'a', type: 'INT32' }
      ]
    ],
    [
      'more elements than children',
      [
        { name: 'root', num_children: 1 },
        { name: 'a', type: 'INT32' },
        { name: 'b', type: 'INT32' }
      ]
    ],
    ['nothing', []]
  ] as [string, SchemaElement[]][])('a malformed schema (%s)', (_, schema) => {
    expect(columnsFromSchema(schema)).toEqual({
      columns: [],
      problems: ["the Parquet footer's schema is malformed (its children don't add up)"]
    })
  })

  test.each([
    [
      { name: 'x', type: 'INT32', converted_type: 'DECIMAL' },
      'column x: a decimal without a precision'
    ],
    [
      { name: 'x', type: 'INT32', converted_type: 'DECIMAL', precision: 4, scale: 5 },
      'column x: decimal(4,5) has an impossible scale'
    ],
    [{ name: 'x', type: 'INT33' }, 'column x: an unknown Parquet type INT33'],
    [{ name: 'x', num_children: 0 }, 'column x: an empty group'],
    [{ name: '', type: 'INT32' }, 'a column without a name'],
    [{ name: 'a\nb', type: 'INT32' }, 'column "a\\nb" has a control character in its name'],
    [
      { name: 'é'.repeat(128), type: 'INT32' },
      expect.stringMatching(/has a name longer than Glue's 255 bytes$/)
    ]
  ] as [SchemaElement, unknown][])('%j', (element, problem) => {
    const schema = [{ name: 'root', num_children: 1 }, element]
    expect(columnsFromSchema(schema).problems).toEqual([problem])
  })

  test('a logical type hyparquet does not know falls back to the converted type', () => {
    const element = {
      name: 'x',
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
      logical_type: { field_99: {} }
    } as unknown as SchemaElement
    expect(columnsFromSchema([{ name: 'root', num_children: 1 }, element]).columns).toEqual([
      { name: 'x', parquetType: 'BYTE_ARRAY UTF8', glueType: 'string' }
    ])
  })

  test('nesting past 64 levels', () => {
    const deep: SchemaElement[] = [{ name: 'root', num_children: 1 }]
    for (let i = 0; i < 70; i++) deep.push({ name: `g${i}`, num_children: 1 })
    deep.push({ name: 'leaf', type: 'INT32' })
    expect(columnsFromSchema(deep).problems).toEqual([
      expect.stringMatching(/malformed|deeper than 64/)
    ])
  })

  // Hive types as Glue takes them: a primitive, or array<T>, map<P,T>, struct<name:T,...>.
  const HIVE =
    /^(?:boolean|tinyint|smallint|int|bigint|float|double|string|binary|date|timestamp|decimal\(\d+,\d+\)|array<.+>|map<.+,.+>|struct<.+>)$/

  test('never throws on any schema; a Glue type is a Hive type, or the table has a problem', () => {
    const element = fc.record(
      {
        name: fc.string({ maxLength: 8 }),
        type: fc.constantFrom(
          'BOOLEAN',
          'INT32',
          'INT64',
          'INT96',
          'FLOAT',
          'DOUBLE',
          'BYTE_ARRAY',
          'FIXED_LEN_BYTE_ARRAY',
          'X'
        ),
        repetition_type: fc.constantFrom('REQUIRED', 'OPTIONAL', 'REPEATED'),
        num_children: fc.integer({ min: 0, max: 3 }),
        converted_type: fc.constantFrom(
          'UTF8',
          'LIST',
          'MAP',
          'DECIMAL',
          'DATE',
          'INT_8',
          'UINT_64',
          'MAP_KEY_VALUE'
        ),
        precision: fc.integer({ min: -1, max: 50 }),
        scale: fc.integer({ min: -1, max: 50 })
      },
      { requiredKeys: ['name'] }
    )
    fc.assert(
      fc.property(fc.array(element, { maxLength: 12 }), schema => {
        const { columns, problems } = columnsFromSchema(schema as SchemaElement[])
        for (const column of columns) {
          if (column.glueType === undefined) expect(problems.length).toBeGreaterThan(0)
          else expect(column.glueType).toMatch(HIVE)
        }
      })
    )
  })
})

describe('expectedExportedType, for a table without a data file', () => {
  test.each([
    ['int32', 'INT32', 'int'],
    ['int64', 'INT64', 'bigint'],
    ['double', 'DOUBLE', 'double'],
    ['float', 'FLOAT', 'float'],
    ['boolean', 'BOOLEAN', 'boolean'],
    ['binary (UTF8)', 'BYTE_ARRAY UTF8', 'string'],
    ['binary(STRING)', 'BYTE_ARRAY UTF8', 'string'],
    ['binary', 'BYTE_ARRAY', 'binary'],
    ['INT32 (DATE)', 'INT32 DATE', 'date'],
    ['int64 (TIMESTAMP_MICROS)', 'INT64 TIMESTAMP_MICROS', 'timestamp'],
    ['int96', 'INT96', 'timestamp'],
    [
      'fixed_len_byte_array(9) (DECIMAL(20,0))',
      'FIXED_LEN_BYTE_ARRAY(9) DECIMAL(20,0)',
      'decimal(20,0)'
    ],
    ['int64 (DECIMAL(18, 4))', 'INT64 DECIMAL(18,4)', 'decimal(18,4)'],
    ['int32 (INT_16)', 'INT32 INT_16', 'smallint']
  ])('%s is %s, Glue %s', (text, parquetType, glueType) => {
    const { columns, problems } = columnsFromMetadata([
      { columnName: 'C', expectedExportedType: text }
    ])
    expect(problems).toEqual([])
    expect(columns).toEqual([{ name: 'c', parquetType, glueType }])
  })

  test.each([
    ['varchar', 'column c: an expectedExportedType "varchar" that can\'t be mapped'],
    ['int32 (DECIMAL)', 'column c: a decimal without a precision'],
    [undefined, 'column c: no expectedExportedType']
  ])('%p is a problem', (text, problem) => {
    const { columns, problems } = columnsFromMetadata([
      { columnName: 'c', expectedExportedType: text }
    ])
    expect(problems).toEqual([problem])
    expect(columns[0]!.glueType).toBeUndefined()
  })

  test('no columns at all is a problem', () => {
    expect(columnsFromMetadata([]).problems).toEqual(['no columns'])
  })

  test('elementFromExportedType keeps the length and the decimal', () => {
    expect(elementFromExportedType('x', ' fixed_len_byte_array ( 16 ) ')).toEqual({
      name: 'x',
      type: 'FIXED_LEN_BYTE_ARRAY',
      type_length: 16
    })
    expect(elementFromExportedType('x', 'binary (DECIMAL(40))')).toEqual({
      name: 'x',
      type: 'BYTE_ARRAY',
      converted_type: 'DECIMAL',
      precision: 40,
      scale: 0
    })
  })
})

describe('withSourceTypes', () => {
  test('joins originalType by name in any case; the first mapping of a name wins', () => {
    const columns = [
      { name: 'id', parquetType: 'INT64', glueType: 'bigint' },
      { name: 'extra', parquetType: 'INT32', glueType: 'int' }
    ]
    expect(
      withSourceTypes(columns, [
        { columnName: 'ID', originalType: 'bigint' },
        { columnName: 'id', originalType: 'integer' },
        { columnName: 'gone', originalType: 'text' }
      ])
    ).toEqual([
      { ...columns[0], sourceType: 'bigint' },
      { ...columns[1], sourceType: undefined }
    ])
  })
})
