// Reading the workflow's inputs: trimmed values, and the action.yml defaults that the runner
// fills in but local runs and tests don't.

/** The defaults of action.yml: the runner fills them in, local runs and tests don't. */
export const INPUT_DEFAULTS = {
  mode: 'start',
  'snapshot-type': 'any',
  'create-snapshot': 'false',
  'snapshot-tags': '',
  's3-prefix': '',
  'export-only': '',
  'if-exists': 'attach',
  'max-concurrent-exports': '5',
  audience: 'sts.amazonaws.com',
  'role-duration-seconds': '3600',
  'output-env-credentials': 'false',
  wait: 'false',
  'wait-timeout-minutes': '330',
  'on-timeout': 'fail',
  'poll-interval-seconds': '60',
  'cancel-on-abort': 'true',
  'fail-on-warning': 'false',
  summary: 'true',
  'tables-report': 'auto',
  'glue-table-prefix': ''
} as const

/** The five ways to name the source of a `start`; exactly one is given. */
export const SOURCE_INPUTS = [
  'source-arn',
  'db-snapshot-identifier',
  'db-cluster-snapshot-identifier',
  'db-instance-identifier',
  'db-cluster-identifier'
] as const

export type DefaultedInput = keyof typeof INPUT_DEFAULTS

/** The workflow's inputs as every section parser reads them. */
export interface Inputs {
  /** The value as given, trimmed; '' when unset. */
  raw(name: string): string
  /** The value, or its action.yml default when unset. */
  get(name: DefaultedInput): string
  /** Whether the input is set to something other than its default. */
  given(name: string): boolean
}

const defaults: Record<string, string | undefined> = INPUT_DEFAULTS

/** `read` returns an input's value like core.getInput: '' when unset. */
export function readInputs(read: (name: string) => string): Inputs {
  const raw = (name: string): string => read(name).trim()
  return {
    raw,
    get: name => raw(name) || INPUT_DEFAULTS[name],
    given: name => {
      const value = raw(name)
      return value !== '' && value !== defaults[name]
    }
  }
}
