// The AWS SDK chunk: one credentials provider shared by every client, the clients themselves
// (made when first used, remade when the credentials are renewed), and the thin API per concern.
// Only connect.ts loads this module, after the inputs are valid.
import { Readable } from 'node:stream'
import { RDSClient } from '@aws-sdk/client-rds'
import type { Config } from '../config.js'
import { explainError, isExpiredCredentials, sentence, tagOperation } from '../errors.js'
import { defaultRoleSessionName } from '../identifier.js'
import type { AwsSession } from './connect.js'
import {
  defaultChainCredentials,
  exportingToEnvironment,
  oidcRoleCredentials,
  shareCredentials,
  staleForLaterSteps,
  type ClientPlugin,
  type CredentialsProvider
} from './credentials.js'
import { exportTasksApi } from './export-tasks.js'
import { CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type Agents } from './http.js'
import { snapshotsApi } from './snapshots.js'
import type { CatalogApi } from './catalog.js'
import type { ExportFilesApi } from './export-files.js'

/**
 * Deadlines every call enforces (the handler only warns at requestTimeout unless told to
 * throw), so a hung connection fails a call instead of the whole step; the SDK's standard retry
 * strategy retries throttling, 5xx and network faults with jittered backoff. Through a proxy
 * the tunnel has a deadline of its own (proxy-agent.ts), which names the proxy; the SDK's
 * connection deadline is then off (it would fire first, and its timer, which the SDK never
 * clears, would hold the process up to its end after the error).
 */
export function clientConfig(agents: Agents | undefined) {
  return {
    maxAttempts: 4,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: agents ? 0 : CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      ...agents
    }
  } as const
}

/**
 * The longest one attempt of an RDS, STS or Glue call may take, from connecting to the last byte
 * of the answer: their answers are a few KiB, sent in well under a second when AWS is healthy.
 * The SDK's own deadlines stop at the answer's headers (requestTimeout) or an idle socket; an
 * answer that keeps coming a byte at a time would hold the step forever without this one.
 */
export const CALL_DEADLINE_MS = 30_000

/** The answer was still coming when its call's deadline passed. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded'
  /** Marks it as a failure of an AWS call, as the SDK's own errors are marked. */
  readonly $metadata = {}

  constructor(deadlineMs: number) {
    super(
      `no complete answer within ${deadlineMs / 1000} s, the deadline of one AWS call from connecting to the last byte`
    )
  }
}

/**
 * Each attempt of a call ends at `deadlineMs`, its answer's body included: a body still coming
 * then is destroyed (and its socket with it), and whoever reads it, the SDK's parser or the
 * caller of a streaming GetObject, gets DeadlineExceeded. Not retried by the SDK; the waits'
 * checks are (errors.ts counts it as transient). The caller's abortSignal still ends it earlier.
 */
export function deadlinePlugin(deadlineMs: number): ClientPlugin {
  return {
    applyToStack(stack) {
      // Innermost (deserialize, low): the handler's raw answer, before anything reads its body.
      stack.add(
        next => async args => {
          const deadline = new AbortController()
          const timer = setTimeout(() => deadline.abort(), deadlineMs).unref()
          let result: Awaited<ReturnType<typeof next>>
          try {
            result = await next(args)
          } catch (error) {
            clearTimeout(timer)
            throw error
          }
          const body = (result.response as { body?: unknown } | undefined)?.body
          if (!(body instanceof Readable)) {
            clearTimeout(timer)
            return result
          }
          const cutOff = (): void => void body.destroy(new DeadlineExceeded(deadlineMs))
          if (deadline.signal.aborted) cutOff()
          deadline.signal.addEventListener('abort', cutOff, { once: true })
          body.once('close', () => clearTimeout(timer))
          return result
        },
        { step: 'deserialize', priority: 'low', name: 'callDeadline' }
      )
    }
  }
}

/** What every client of the session is made with. */
export type ClientOptions = ReturnType<typeof clientConfig> & {
  region: string
  credentials: CredentialsProvider
  customUserAgent: string
}

export interface SessionOptions {
  config: Config
  runId?: string
  /** The wall clock, for a session name made outside GitHub Actions. */
  date: () => Date
  /** With role-to-assume: a fresh OIDC token from the runner on every call. */
  getIDToken?: (audience: string) => Promise<string>
  /** `core.setSecret`: masks each credential value before anything can print it. */
  setSecret: (secret: string) => void
  /** `core.exportVariable`: with output-env-credentials, the credentials for later steps. */
  exportVariable: (name: string, value: string) => void
  /** Proxy agents for every client, when a proxy is configured. */
  agents?: Agents
}

export interface OpenSession extends AwsSession {
  resolveCredentials(): Promise<void>
  /** Closes the clients' kept-alive sockets, so the process can exit. */
  close(): void
}

/** What the session needs of an SDK client. */
interface DeadlinedClient {
  destroy(): void
  middlewareStack: { use(plugin: ClientPlugin): void }
}

/** A client made on first use, and made again after `reset` (renewed credentials). */
interface LazyClient<C> {
  get(): C
  reset(): void
}

function lazyClient<C extends { destroy(): void }>(create: () => C): LazyClient<C> {
  let client: C | undefined
  return {
    get: () => (client ??= create()),
    reset() {
      client?.destroy()
      client = undefined
    }
  }
}

export function openSession(options: SessionOptions): OpenSession {
  const { config } = options
  const credentials = shareCredentials(providerFor(options))
  const clients: LazyClient<{ destroy(): void }>[] = []
  // Every client is made here, with its calls' deadline.
  const client = <C extends DeadlinedClient>(
    create: () => C,
    deadlineMs = CALL_DEADLINE_MS
  ): (() => C) => {
    const lazy = lazyClient(() => {
      const made = create()
      made.middlewareStack.use(deadlinePlugin(deadlineMs))
      return made
    })
    clients.push(lazy)
    return lazy.get
  }
  // Expired credentials (RDS says so before our clock does): ask the provider afresh, and drop
  // the clients, which keep credentials of their own until they near expiry.
  const renew = (): void => {
    credentials.invalidate()
    clients.forEach(c => c.reset())
  }
  // What every client is made with: the region, the deadlines, the proxy, the one provider.
  const clientOptions: ClientOptions = {
    region: config.region,
    ...clientConfig(options.agents),
    credentials,
    customUserAgent: 'rds-export-action'
  }
  const rds = client(() => new RDSClient(clientOptions))
  // S3 and Glue are chunks of their own, loaded the first time a run reaches them.
  let exportFiles: Promise<ExportFilesApi> | undefined
  let catalog: Promise<CatalogApi> | undefined
  return {
    exportTasks: renewingOnExpiry(exportTasksApi(rds), renew),
    snapshots: renewingOnExpiry(snapshotsApi(rds), renew),
    exportFiles: () =>
      (exportFiles ??= import('./export-files.js').then(s3 =>
        renewingOnExpiry(
          s3.exportFilesApi(client(() => s3.newS3Client(clientOptions), s3.READ_DEADLINE_MS)),
          renew
        )
      )),
    catalog: () =>
      (catalog ??= import('./catalog.js').then(glue =>
        renewingOnExpiry(glue.catalogApi(client(() => new glue.GlueClient(clientOptions))), renew)
      )),
    accountId: async () => (await credentials()).accountId,
    async handOverCredentials(warning) {
      if (!config.outputEnvCredentials) return
      const held = await credentials()
      if (!staleForLaterSteps(held, options.date().getTime(), config.roleDurationSeconds)) return
      credentials.invalidate()
      try {
        await credentials() // exported as it arrives
      } catch (error) {
        // The export is done and the environment still holds the credentials assumed earlier:
        // a renewal that failed shortens what later steps get, it doesn't undo the step.
        const until = held.expiration ? `, valid until ${held.expiration.toISOString()}` : ''
        warning(
          `${sentence(explainError(error, 'AssumeRoleWithWebIdentity', 'sts').message)} Later steps have the credentials assumed earlier${until}.`
        )
      }
    },
    async resolveCredentials() {
      try {
        await credentials()
      } catch (error) {
        throw tagOperation(error, 'Loading AWS credentials')
      }
    },
    close: () => clients.forEach(c => c.reset())
  }
}

function providerFor(options: SessionOptions): CredentialsProvider {
  const { config } = options
  if (!config.roleToAssume || !options.getIDToken) return defaultChainCredentials()
  const assumed = oidcRoleCredentials({
    roleArn: config.roleToAssume,
    audience: config.audience,
    roleSessionName:
      config.roleSessionName ?? defaultRoleSessionName(options.runId, options.date()),
    durationSeconds: config.roleDurationSeconds,
    region: config.region,
    getIDToken: options.getIDToken,
    setSecret: options.setSecret,
    clientConfig: clientConfig(options.agents),
    clientPlugins: [deadlinePlugin(CALL_DEADLINE_MS)]
  })
  return config.outputEnvCredentials
    ? exportingToEnvironment(assumed, config.region, options.exportVariable)
    : assumed
}

/** The same API, renewing the session's credentials when a call finds them expired. */
function renewingOnExpiry<T extends object>(api: T, renew: () => void): T {
  const wrapped: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(api)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args)
      } catch (error) {
        if (isExpiredCredentials(error)) renew()
        throw error
      }
    }
  }
  return wrapped as T
}
