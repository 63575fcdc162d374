// Bad input, checked before anything else is loaded. The inputs are read from the environment
// as @actions/core reads them; when a rule is broken, the step's one `::error::` line and its
// summary are written here and the action proper (main.ts, with @actions/core and its HTTP
// client) is never loaded: a misconfigured step fails in the time node takes to start.
import { InputError, parseInputs } from './inputs/index.js'
import { neutralize } from './neutralize.js'
import { appendSummary } from './report/summary-file.js'
import { renderSummary } from './report/summary.js'

type Env = Record<string, string | undefined>

/** What core.getInput gives: INPUT_<NAME> (spaces as '_'), trimmed, '' when unset. */
export function inputFrom(env: Env): (name: string) => string {
  return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** True when the inputs pass; otherwise the failure is written and the step must stop. */
export function preflight(env: Env, write: (text: string) => void): boolean {
  try {
    parseInputs(inputFrom(env), env)
    return true
  } catch (error) {
    if (!(error instanceof InputError)) return true // main.ts reports anything else
    write(`::error::${commandData(neutralize(error.message))}\n`)
    // The log has one line; the summary one line per refused input.
    const refusals = error.refusals.length > 1 ? error.refusals : []
    const errorMessage = [
      refusals.length ? `${refusals.length} inputs are refused:` : error.message,
      ...refusals
    ].join('\n')
    appendSummary(env, renderSummary({ outcome: 'error', region: '', timeline: [], errorMessage }))
    return false
  }
}

/** A workflow command's data, escaped as @actions/core escapes it. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
