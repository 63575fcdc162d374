// Every end-to-end run's log, read as the runner reads it: the only commands in it may be the
// ones the action means to give (masks for its secrets, its warnings, its one error, debug
// lines). A command that data made would show up here.
import { runnerCommands } from './runner.js'

const ALLOWED = new Set(['add-mask', 'debug', 'warning', 'error'])
const ACCESS_KEY_ID = /^A[SK]IA[A-Z2-7]{16}$/

/**
 * Problems in a step's log: commands the action never gives, a mask of something that is no
 * secret (`secrets`: every secret the stand-in issued), more than one error, a command inside a
 * line.
 */
export function commandProblems(log: string, secrets: string[]): string[] {
  const commands = runnerCommands(log)
  const problems = commands
    .filter(c => !ALLOWED.has(c.name))
    .map(c => `log line ${c.line}: a '${c.name}' command`)
  // Masks name what the stand-in issued: its secrets, and access key ids (masked with them).
  const issued = new Set(secrets)
  for (const mask of commands.filter(c => c.name === 'add-mask')) {
    if (!issued.has(mask.data) && !ACCESS_KEY_ID.test(mask.data)) {
      problems.push(`log line ${mask.line}: a mask of something not issued`)
    }
  }
  const errors = commands.filter(c => c.name === 'error')
  if (errors.length > 1) problems.push(`${errors.length} error commands, at most one is given`)
  // The action gives every command in the v2 form, at the start of its own line.
  for (const c of commands) {
    const line = log.split(/\r\n|\r|\n/)[c.line - 1] ?? ''
    if (!line.startsWith(`::${c.name}`))
      problems.push(`log line ${c.line}: '${c.name}' inside a line`)
  }
  return problems
}
