// The action, top to bottom: each phase takes values and returns values, and writes what it sees
// into the step's run record as it sees it; finish turns that record into the outputs and the
// summary, whatever ended the run. Decisions live in small pure modules; phases/ sequence them
// over the AWS APIs of one session (aws/), loaded only once the inputs are valid.
import { connect } from './aws/connect.js'
import { sleep } from './loop.js'
import { registerTables } from './phases/catalog.js'
import { existingTask } from './phases/existing.js'
import { finish, finishWithError, setTaskOutputs } from './phases/finish.js'
import { readInputs } from './phases/inputs.js'
import { startExport } from './phases/start.js'
import { reportTables } from './phases/tables.js'
import { waitIfAsked } from './phases/wait.js'
import { openStep, type StepDeps } from './step.js'

const defaultDeps: StepDeps = {
  now: () => performance.now(),
  date: () => new Date(),
  sleep,
  env: process.env,
  signals: process
}

export async function run(overrides: Partial<StepDeps> = {}): Promise<void> {
  const step = openStep({ ...defaultDeps, ...overrides })
  try {
    const config = readInputs(step)
    const aws = await connect(config, step)
    const found =
      config.mode === 'start'
        ? await startExport(aws, config, step)
        : await existingTask(aws.exportTasks, config, step)
    setTaskOutputs(step) // as soon as known; finish sets every output again at the end
    const ended = await waitIfAsked(aws.exportTasks, found, config, step)
    const tables = await reportTables(aws, ended, config, step)
    await registerTables(aws, tables, ended, config, step)
    await aws.handOverCredentials(message => step.warning(message))
    finish(step, config, ended.outcome)
  } catch (error) {
    finishWithError(step, error)
  } finally {
    step.close()
  }
}
