// The one kind of error bad input raises, and the words every refusal is built from.

/**
 * A bad input: `input` is the input's name, the message one plain line for the log. When a run
 * has several, one InputError names them all: `refusals` holds each input's own message.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
  readonly refusals: readonly string[]
  constructor(
    readonly input: string,
    message: string,
    refusals?: readonly string[]
  ) {
    super(message)
    this.refusals = refusals ?? [message]
  }
}

/**
 * Every input's refusal in a run, so that all are named at once: each check runs on its own,
 * and a check that depends on another input's value is skipped when that value was refused.
 */
export class Refusals {
  private readonly errors: InputError[] = []

  /** `check`'s value, or undefined when it refuses an input (the refusal is kept). */
  check<T>(check: () => T): T | undefined {
    try {
      return check()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      this.errors.push(error)
      return undefined
    }
  }

  /** A refusal made without a check, of an input whose value depends on another's. */
  add(error: InputError): void {
    this.errors.push(error)
  }

  /** One InputError for them all: the one refusal itself, or one line naming each. */
  error(): InputError | undefined {
    const [first, ...more] = this.errors
    if (!first || more.length === 0) return first
    const messages = this.errors.flatMap(error => error.refusals)
    return new InputError(
      first.input,
      `${messages.length} inputs are refused: ${messages.join(' ')}`,
      messages
    )
  }
}

/** A value as echoed in a message: quoted, control characters escaped, cut to about 80. */
export function quote(value: string): string {
  // 170 UTF-16 units hold at least 85 characters: more than is ever shown, and no more work
  // for a 1 MB value than for a short one.
  const escaped = value
    .slice(0, 170)
    .replace(/\p{Cc}/gu, char =>
      char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
  const chars = [...escaped]
  return `'${chars.length > 80 ? `${chars.slice(0, 77).join('')}...` : escaped}'`
}

/** "Input 'x' <rule>; got '<value>': <detail>." */
export function refuse(input: string, rule: string, value: string, detail?: string): InputError {
  return new InputError(
    input,
    `Input '${input}' ${rule}; got ${quote(value)}${detail ? `: ${detail}` : ''}.`
  )
}

/** "Input 'x' is required with mode 'm': <purpose>." */
export function required(input: string, mode: string, purpose: string): InputError {
  return new InputError(input, `Input '${input}' is required with mode '${mode}': ${purpose}.`)
}

/** 'a', 'b' and 'c' as a message lists input names. */
export function names(list: readonly string[], separator = ', '): string {
  return list.map(name => `'${name}'`).join(separator)
}

/** "Input 'a'" or "Inputs 'a', 'b'", as a warning opens, and whether it is one. */
export function inputsPhrase(list: readonly string[]): { phrase: string; one: boolean } {
  const one = list.length === 1
  return { phrase: `${one ? 'Input' : 'Inputs'} ${names(list)}`, one }
}
