// The first phase: the workflow's inputs, every rule checked before any AWS call (inputs/).
import * as core from '@actions/core'
import type { Config } from '../config.js'
import { parseInputs } from '../inputs/index.js'
import type { Step } from '../step.js'

export function readInputs(step: Step): Config {
  const { config, warnings } = parseInputs(name => core.getInput(name), step.env)
  warnings.forEach(warning => step.warning(warning))
  step.begin({
    waitTimeoutMs: config.waitTimeoutMinutes * 60_000,
    region: config.region,
    summary: config.summary
  })
  return config
}
