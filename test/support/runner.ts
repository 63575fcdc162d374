// The log as the GitHub Actions runner reads it (actions/runner, ActionCommandManager and
// ActionCommand): stdout line by line; a line is a command when, trimmed, it starts with
// `::name` up to a second `::`, or when it holds `##[name ...]` anywhere (the older form). Only
// registered command names count. Tests use this to prove that data never becomes a command.

/** The commands the runner knows, in either form. */
export const RUNNER_COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'internal-set-repo-path',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
])

export interface RunnerCommand {
  line: number
  name: string
  /** The text after the command, as the runner would show or use it. */
  data: string
}

/** Every line of `log` the runner would treat as a command. */
export function runnerCommands(log: string): RunnerCommand[] {
  const found: RunnerCommand[] = []
  log.split(/\r\n|\r|\n/).forEach((line, index) => {
    const command = parseV2(line) ?? parseLegacy(line)
    if (command) found.push({ line: index + 1, ...command })
  })
  return found
}

function parseV2(line: string): Omit<RunnerCommand, 'line'> | undefined {
  // .NET's Trim(): JavaScript's white space, and U+0085 (NEL) too.
  const trimmed = line.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '')
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const name = info.split(' ')[0] ?? ''
  return RUNNER_COMMANDS.has(name) ? { name, data: trimmed.slice(end + 2) } : undefined
}

function parseLegacy(line: string): Omit<RunnerCommand, 'line'> | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  if (close < 0) return undefined
  const info = line.slice(start + 3, close)
  const name = info.split(' ')[0] ?? ''
  return RUNNER_COMMANDS.has(name) ? { name, data: line.slice(close + 1) } : undefined
}
