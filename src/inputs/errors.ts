// The one kind of error bad input raises, and the words every refusal is built from.

/** A bad input: `input` is the input's name, the message one plain line for the log. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
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
