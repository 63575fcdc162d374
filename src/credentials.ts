// Credentials for the RDS client. With role-to-assume: the job's GitHub OIDC token exchanged
// for role credentials by AssumeRoleWithWebIdentity. The SDK calls the provider again when the
// credentials come within five minutes of expiry, and every call asks the runner for a *new*
// OIDC token: tokens live about five minutes, so one fetched at start-up would be useless by
// the first refresh of an hours-long wait. Without role-to-assume: the SDK's default chain.
import { fromWebToken } from '@aws-sdk/credential-providers'
import { tagOperation } from './errors.js'

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
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
}

export function oidcRoleCredentials(options: OidcRoleOptions): CredentialsProvider {
  return async () => {
    let token: string
    try {
      token = await options.getIDToken(options.audience)
    } catch (error) {
      throw tagOperation(error, 'Getting the GitHub OIDC token')
    }
    let credentials: AwsCredentials
    try {
      credentials = await fromWebToken({
        roleArn: options.roleArn,
        webIdentityToken: token,
        roleSessionName: options.roleSessionName,
        durationSeconds: options.durationSeconds,
        clientConfig: { region: options.region, ...options.clientConfig }
      })()
    } catch (error) {
      throw tagOperation(error, `AssumeRoleWithWebIdentity (${options.roleArn})`)
    }
    options.setSecret(credentials.accessKeyId)
    options.setSecret(credentials.secretAccessKey)
    if (credentials.sessionToken) options.setSecret(credentials.sessionToken)
    return credentials
  }
}
