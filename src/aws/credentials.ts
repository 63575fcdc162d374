// Credentials for every AWS client of a step. With role-to-assume: the job's GitHub OIDC token
// exchanged for role credentials by AssumeRoleWithWebIdentity. The SDK calls the provider again
// when the credentials come within five minutes of expiry, and every call asks the runner for a
// *new* OIDC token: tokens live about five minutes, so one fetched at start-up would be useless
// by the first refresh of an hours-long wait. Without role-to-assume: the SDK's default chain.
// Either way one shared provider serves the RDS, S3 and Glue clients, so they assume the role
// once between them and are renewed together.
import { fromNodeProviderChain, fromWebToken } from '@aws-sdk/credential-providers'
import { tagOperation } from '../errors.js'

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
  /** The account the credentials belong to, when the provider knows it (STS does). */
  accountId?: string
}
export type CredentialsProvider = () => Promise<AwsCredentials>

export interface OidcRoleOptions {
  roleArn: string
  audience: string
  roleSessionName: string
  durationSeconds: number
  region: string
  /** `core.getIDToken`: fetches a fresh token from the runner on every call. */
  getIDToken: (audience: string) => Promise<string>
  /** `core.setSecret`: masks each credential value before anything can print it. */
  setSecret: (secret: string) => void
  /** Timeouts and retries for the STS client, the same as the RDS client's. */
  clientConfig?: Record<string, unknown>
  /** Plugins for the STS client: the deadline every call of the session has. */
  clientPlugins?: ClientPlugin[]
}

/** A plugin for any SDK client (`client.middlewareStack.use`, STS's `clientPlugins`). */
export type ClientPlugin = NonNullable<Parameters<typeof fromWebToken>[0]['clientPlugins']>[number]

export function oidcRoleCredentials(options: OidcRoleOptions): CredentialsProvider {
  return async () => {
    let token: string
    try {
      token = await options.getIDToken(options.audience)
    } catch (error) {
      throw tagOperation(error, 'Getting the GitHub OIDC token', 'sts')
    }
    let credentials: AwsCredentials
    try {
      credentials = await fromWebToken({
        roleArn: options.roleArn,
        webIdentityToken: token,
        roleSessionName: options.roleSessionName,
        durationSeconds: options.durationSeconds,
        clientConfig: { region: options.region, ...options.clientConfig },
        clientPlugins: options.clientPlugins
      })()
    } catch (error) {
      throw tagOperation(error, `AssumeRoleWithWebIdentity (${options.roleArn})`, 'sts')
    }
    options.setSecret(credentials.accessKeyId)
    options.setSecret(credentials.secretAccessKey)
    if (credentials.sessionToken) options.setSecret(credentials.sessionToken)
    return credentials
  }
}

/** A provider that every client shares, with `invalidate` to drop what it has cached. */
export interface SharedCredentials extends CredentialsProvider {
  invalidate(): void
}

/** Ask again this long before the credentials expire (the SDK's own refresh window). */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000

/**
 * One cache in front of `provider` for all clients: concurrent callers share one call, and the
 * credentials are asked for again when they near expiry or after `invalidate()` (RDS said they
 * had expired, say).
 */
export function shareCredentials(provider: CredentialsProvider): SharedCredentials {
  let cached: Promise<AwsCredentials> | undefined
  const fresh = (credentials: AwsCredentials): boolean =>
    !credentials.expiration ||
    credentials.expiration.getTime() - Date.now() > REFRESH_BEFORE_EXPIRY_MS
  const shared = async (): Promise<AwsCredentials> => {
    const pending = cached
    if (pending) {
      const credentials = await pending.catch(() => undefined)
      if (credentials && fresh(credentials)) return credentials
      if (cached !== pending) return shared() // another caller already asked again
    }
    const attempt = provider()
    cached = attempt
    attempt.catch(() => {
      if (cached === attempt) cached = undefined // a failure is not kept
    })
    return attempt
  }
  return Object.assign(shared, { invalidate: () => void (cached = undefined) })
}

/** What `exportVariable` writes for later steps, as aws-actions/configure-aws-credentials does. */
export function environmentFor(credentials: AwsCredentials, region: string): [string, string][] {
  return [
    ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
    // Always set: an empty value clears a session token an earlier step exported.
    ['AWS_SESSION_TOKEN', credentials.sessionToken ?? ''],
    ['AWS_REGION', region],
    ['AWS_DEFAULT_REGION', region]
  ]
}

/**
 * Each credentials the provider returns, also put in the job's environment for later steps
 * (`provider` masks them first), so the environment holds the newest however the step ends.
 */
export function exportingToEnvironment(
  provider: CredentialsProvider,
  region: string,
  exportVariable: (name: string, value: string) => void
): CredentialsProvider {
  return async () => {
    const credentials = await provider()
    for (const [name, value] of environmentFor(credentials, region)) exportVariable(name, value)
    return credentials
  }
}

/** How much of their life credentials may have used before they are handed to later steps. */
export const HAND_OVER_MAX_AGE_MS = 15 * 60_000

/**
 * Whether to assume the role again before handing the credentials to later steps: after a long
 * wait they may have little life left, and later steps should get about role-duration-seconds.
 */
export function staleForLaterSteps(
  credentials: AwsCredentials,
  nowMs: number,
  durationSeconds: number
): boolean {
  if (!credentials.expiration) return false
  const remainingMs = credentials.expiration.getTime() - nowMs
  return remainingMs < durationSeconds * 1000 - HAND_OVER_MAX_AGE_MS
}

/** The SDK's default chain (environment, shared files, web identity, IMDS) when no role is given. */
export function defaultChainCredentials(): CredentialsProvider {
  return fromNodeProviderChain()
}
