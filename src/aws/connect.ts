// The step's way to AWS, loaded without the SDK: it checks that the job can get an OIDC token,
// asks for the first one (its round trip overlaps the loading of the SDK), then loads the SDK
// chunk (session.ts) and resolves the credentials once, so their errors are reported as such.
import * as core from '@actions/core'
import type { Config } from '../config.js'
import type { Step } from '../step.js'
import type { ExportTasksApi } from './export-tasks.js'
import { checkOidcAvailable, withFirstTokenEarly } from './oidc.js'
import type { SnapshotsApi } from './snapshots.js'

/** Everything the phases reach AWS through; one credentials provider behind all of it. */
export interface AwsSession {
  readonly exportTasks: ExportTasksApi
  readonly snapshots: SnapshotsApi
}

export async function connect(config: Config, step: Step): Promise<AwsSession> {
  let getIDToken = (audience: string): Promise<string> => core.getIDToken(audience)
  if (config.roleToAssume) {
    checkOidcAvailable(step.env)
    getIDToken = withFirstTokenEarly(getIDToken, config.audience)
  }
  const [{ openSession }, run] = await Promise.all([import('./session.js'), step.workflowRun()])
  const session = openSession({
    config,
    runId: run.id,
    now: step.now,
    getIDToken,
    setSecret: secret => core.setSecret(secret)
  })
  step.onClose(() => session.close())
  await session.resolveCredentials()
  return session
}
