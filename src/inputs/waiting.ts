// Waiting for the export: whether, how long, how often, and what to do at the end.

import type { Config, Mode, OnTimeout } from '../config.js'
import type { Refusals } from './errors.js'
import type { Inputs } from './read.js'
import { oneOf, parseBoolean, parseDecimal } from './values.js'

const ON_TIMEOUT: readonly OnTimeout[] = ['fail', 'continue', 'cancel']

/** 5 days: the longest a job runs (self-hosted; GitHub-hosted jobs stop at 6 hours). */
export const WAIT_TIMEOUT_MAX_MINUTES = 7200

type Waiting = Pick<
  Config,
  | 'wait'
  | 'waitTimeoutMinutes'
  | 'onTimeout'
  | 'pollIntervalSeconds'
  | 'cancelOnAbort'
  | 'failOnWarning'
  | 'summary'
>

/** The waiting section, each input checked on its own; mode wait always waits. */
export function parseWaiting(inputs: Inputs, mode: Mode, refusals: Refusals): Waiting {
  const bool = (
    name: 'wait' | 'cancel-on-abort' | 'fail-on-warning' | 'summary',
    fallback: boolean
  ) => refusals.check(() => parseBoolean(name, inputs.get(name))) ?? fallback
  // A wait refused counts as true here: the inputs that apply only when waiting are checked too.
  const wait = bool('wait', true) || mode === 'wait'
  const waitTimeoutMinutes = refusals.check(() =>
    parseDecimal('wait-timeout-minutes', inputs.get('wait-timeout-minutes'), {
      min: 0,
      inclusive: false,
      max: { value: WAIT_TIMEOUT_MAX_MINUTES, why: 'the 5 days a self-hosted job may run' },
      example: '330 or 0.5'
    })
  )
  const onTimeout = refusals.check(() => oneOf('on-timeout', inputs.get('on-timeout'), ON_TIMEOUT))
  const pollIntervalSeconds = refusals.check(() =>
    parseDecimal('poll-interval-seconds', inputs.get('poll-interval-seconds'), {
      min: 5,
      inclusive: true,
      example: '60'
    })
  )
  return {
    wait,
    waitTimeoutMinutes: waitTimeoutMinutes ?? 0,
    onTimeout: onTimeout ?? 'fail',
    pollIntervalSeconds: pollIntervalSeconds ?? 0,
    cancelOnAbort: bool('cancel-on-abort', true),
    failOnWarning: bool('fail-on-warning', false),
    summary: bool('summary', true)
  }
}
