// Shared by the inputs tests: the smallest valid start, and one-line helpers that each register
// a test of one input value.

import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import type { Config } from '../../src/config.js'
import { InputError, parseInputs } from '../../src/inputs/index.js'

export type Inputs = Record<string, string | undefined>

export const SNAPSHOT_ARN = 'arn:aws:rds:us-east-1:123456789012:snapshot:manual-1'
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/rds-s3-export'
export const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

/** A key id: unlike a key ARN, it names no region, so it goes with a source in any region. */
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab'

/** The smallest valid start, as a local run gives it (no defaults filled in). */
export const base: Inputs = {
  'source-arn': SNAPSHOT_ARN,
  's3-bucket-name': 'my-bucket',
  'iam-role-arn': ROLE_ARN,
  'kms-key-id': KEY_ARN
}

/** Overrides that take source-arn away, so another source input can stand in. */
export const noArn: Inputs = { 'source-arn': undefined }

/** Overrides that let the source be in any region of the aws partition. */
export const anyRegion: Inputs = { 'kms-key-id': KEY_ID }

export function parse(inputs: Inputs, env: Inputs = {}) {
  return parseInputs(name => inputs[name] ?? '', env)
}

/** base with overrides; an override of undefined removes the input. */
export function withBase(overrides: Inputs): Inputs {
  const inputs = { ...base, ...overrides }
  for (const [name, value] of Object.entries(inputs)) if (value === undefined) delete inputs[name]
  return inputs
}

export function refusal(inputs: Inputs, env: Inputs = {}): InputError {
  try {
    parse(inputs, env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

export const actionYml = parseYaml(
  readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
) as { inputs: Record<string, { default?: string }> }

/** How a one-line case differs from the plain one. */
export interface Case {
  /** More inputs on top of base (undefined removes one). */
  with?: Inputs
  env?: Inputs
  /** The input the error names, when not the one set. */
  named?: string
  /** Instead of base: these inputs exactly, plus the one set. */
  only?: Inputs
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

// A case's title: the value, and what else differs from base.
function title(input: string, value: string | undefined, c: Case): string {
  const extra = c.with ?? c.only
  return [
    `${input}: ${clip(JSON.stringify(value) ?? 'unset')}`,
    extra ? ` with ${clip(JSON.stringify(extra))}` : '',
    c.env ? ` in ${clip(JSON.stringify(c.env))}` : ''
  ].join('')
}

function inputsOf(input: string, value: string | undefined, c: Case): Inputs {
  return c.only ? { ...c.only, [input]: value } : withBase({ [input]: value, ...c.with })
}

/** A test: `input` set to `value` is refused, naming the input, with `phrase` in one line. */
export function refused(
  input: string,
  value: string | undefined,
  phrase: string | RegExp,
  c: Case = {}
): void {
  test(`${title(input, value, c)} is refused`, () => {
    const error = refusal(inputsOf(input, value, c), c.env)
    expect(error.input).toBe(c.named ?? input)
    if (typeof phrase === 'string') expect(error.message).toContain(phrase)
    else expect(error.message).toMatch(phrase)
    expect(error.message).not.toContain('\n')
  })
}

/** A `refused` test per row: the same input and case, each value with a phrase of its message. */
export function refusedEach(
  input: string,
  rows: ReadonlyArray<readonly [value: string | undefined, phrase: string | RegExp]>,
  c: Case = {}
): void {
  for (const [value, phrase] of rows) refused(input, value, phrase, c)
}

/** A test: `input` set to `value` is accepted and the config has `expected`. */
export function accepted(
  input: string,
  value: string | undefined,
  expected: Partial<Config>,
  c: Case = {}
): void {
  test(`${title(input, value, c)} is accepted`, () => {
    const { config } = parse(inputsOf(input, value, c), c.env)
    expect(config).toMatchObject(expected)
  })
}

/** The warnings of a parse that must succeed. */
export function warningsOf(inputs: Inputs, env: Inputs = {}): string[] {
  return parse(inputs, env).warnings
}

/** A test: `inputs` are accepted with exactly `warnings` (none: quiet). */
export function warns(title: string, inputs: Inputs, warnings: string[], env: Inputs = {}): void {
  test(title, () => {
    expect(warningsOf(inputs, env)).toEqual(warnings)
  })
}
