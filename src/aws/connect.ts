// The step's way to AWS, loaded without the SDK: it checks that the job can get an OIDC token,
// asks for the first one (its round trip overlaps the loading of the SDK), then loads the SDK
// chunk (session.ts) and resolves the credentials once, so their errors are reported as such.
import * as core from '@actions/core'
import type { Config } from '../config.js'
import { proxySecrets } from '../inputs/index.js'
import type { Step } from '../step.js'
import type { CatalogApi } from './catalog.js'
import type { ExportFilesApi } from './export-files.js'
import type { ExportTasksApi } from './export-tasks.js'
import { oidcAgents, proxyAgents } from './http.js'
import { checkOidcAvailable, requestIdToken, withFirstTokenEarly } from './oidc.js'
import type { SnapshotsApi } from './snapshots.js'

/** Everything the phases reach AWS through; one credentials provider behind all of it. */
export interface AwsSession {
  readonly exportTasks: ExportTasksApi
  readonly snapshots: SnapshotsApi
  /** The account of the credentials, when they say (STS's do; static keys may not). */
  accountId(): Promise<string | undefined>
  /** S3 reads of an export's files; the S3 client is loaded on the first call. */
  exportFiles(): Promise<ExportFilesApi>
  /** The Glue Data Catalog; the Glue client is loaded on the first call. */
  catalog(): Promise<CatalogApi>
  /**
   * With output-env-credentials: the job's environment holds the credentials from the moment they
   * are assumed (and each renewal); at the end of a step that ran long, they are assumed afresh,
   * so later steps get about role-duration-seconds (a renewal that fails is a warning: the
   * earlier credentials stay in the environment). Otherwise nothing.
   */
  handOverCredentials(warning: (message: string) => void): Promise<void>
}

export async function connect(config: Config, step: Step): Promise<AwsSession> {
  // A proxy's password is masked before anything could print it.
  if (config.httpProxy) new Set(proxySecrets(config.httpProxy)).forEach(s => core.setSecret(s))
  // A token request still in flight when the step ends is cut off: the process must exit.
  const closing = new AbortController()
  step.onClose(() => closing.abort())
  let getIDToken: ((audience: string) => Promise<string>) | undefined
  if (config.roleToAssume) {
    checkOidcAvailable(step.env)
    const agents = await oidcAgents(step.env)
    const fetchToken = (audience: string): Promise<string> =>
      requestIdToken(step.env, audience, {
        agents,
        setSecret: secret => core.setSecret(secret),
        signal: closing.signal
      })
    getIDToken = withFirstTokenEarly(fetchToken, config.audience)
  }
  const [{ openSession }, run, agents] = await Promise.all([
    import('./session.js'),
    step.workflowRun(),
    proxyAgents(config.httpProxy, step.env)
  ])
  const session = openSession({
    config,
    runId: run.id,
    date: step.date,
    getIDToken,
    setSecret: secret => core.setSecret(secret),
    exportVariable: (name, value) => core.exportVariable(name, value),
    agents
  })
  step.onClose(() => session.close())
  await session.resolveCredentials()
  return session
}
