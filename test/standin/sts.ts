// STS AssumeRoleWithWebIdentity (Query protocol, unsigned), GetCallerIdentity, and the credential
// check every signed request goes through: the SigV4 header names the access key,
// X-Amz-Security-Token the session.
import { randomBytes } from 'node:crypto'
import type { OidcIssuer } from './oidc.js'
import { QueryError, required, type Params } from './query.js'
import { parseAuthorization, verifySignature, type SignedRequest } from './sigv4.js'
import { fields, tag, wrap } from './xml.js'

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

export interface StaticCredential {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

export interface StsOptions {
  /** Lifetime of assumed credentials; default: the request's DurationSeconds, else 3600. */
  credentialLifetimeSeconds?: number
  /** The role's MaxSessionDuration, default 3600: a longer DurationSeconds is refused, as by STS. */
  maxSessionDurationSeconds?: number
  /** Audiences the account's OIDC provider accepts, default ['sts.amazonaws.com']. */
  audiences?: string[]
  /** `sub` patterns the role trusts (`*` wildcard, as in StringLike); default: any. */
  trustedSubjects?: string[]
  /** Role ARNs that exist and trust the provider; default: any well-formed role ARN. */
  roles?: string[]
  /** Long-lived keys RDS accepts (for tests of the default credential chain). */
  staticCredentials?: StaticCredential[]
  /** Check SigV4 signatures, default true. */
  verifySignatures?: boolean
}

interface Credential extends StaticCredential {
  /** ms since epoch; undefined for static keys. */
  expiration?: number
  /** The assumed-role session these credentials belong to; undefined for static keys. */
  assumedRoleArn?: string
  assumedRoleId?: string
}

export interface Caller {
  accessKeyId: string
  sessionTokenPresent: boolean
  region: string
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/
const SESSION_NAME = /^[\w+=,.@-]*$/

export class Sts {
  private readonly credentials = new Map<string, Credential>()

  constructor(
    private readonly options: StsOptions,
    private readonly issuer: OidcIssuer,
    private readonly now: () => number
  ) {
    for (const key of options.staticCredentials ?? []) this.credentials.set(key.accessKeyId, key)
  }

  addStaticCredential(key: StaticCredential): void {
    this.credentials.set(key.accessKeyId, key)
  }

  /** Every secret key and session token this stand-in knows of. */
  secrets(): string[] {
    return [...this.credentials.values()].flatMap(c =>
      c.sessionToken ? [c.secretAccessKey, c.sessionToken] : [c.secretAccessKey]
    )
  }

  /** The result XML of AssumeRoleWithWebIdentity, or a QueryError as STS answers. */
  assumeRoleWithWebIdentity(params: Params): string {
    const roleArn = required(params, 'RoleArn')
    const sessionName = required(params, 'RoleSessionName')
    const token = required(params, 'WebIdentityToken')
    const role = ROLE_ARN.exec(roleArn)
    if (!role) throw new QueryError('ValidationError', 400, 'Request ARN is invalid')
    checkSessionName(sessionName)
    const duration = this.durationSeconds(params.DurationSeconds)

    const verdict = this.issuer.check(token, this.options.audiences ?? ['sts.amazonaws.com'])
    if (!verdict.ok) throw new QueryError(verdict.code as string, 400, verdict.message as string)
    const subject = String(verdict.claims?.sub)
    const knownRole = this.options.roles === undefined || this.options.roles.includes(roleArn)
    const trusted =
      this.options.trustedSubjects === undefined ||
      this.options.trustedSubjects.some(pattern => globMatch(pattern, subject))
    if (!knownRole || !trusted) {
      throw new QueryError(
        'AccessDenied',
        403,
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      )
    }

    const [, account, , roleName] = role as unknown as [string, string, string, string]
    const credential: Credential = {
      accessKeyId: `ASIA${randomId(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(360).toString('base64')}`,
      expiration: this.now() + duration * 1000,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      assumedRoleId: `AROA${randomId(17)}:${sessionName}`
    }
    this.credentials.set(credential.accessKeyId, credential)
    const expiration = new Date(credential.expiration as number)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
    return (
      wrap(
        'Credentials',
        fields({
          AccessKeyId: credential.accessKeyId,
          SecretAccessKey: credential.secretAccessKey,
          SessionToken: credential.sessionToken,
          Expiration: expiration
        })
      ) +
      tag('SubjectFromWebIdentityToken', subject) +
      wrap(
        'AssumedRoleUser',
        fields({
          Arn: credential.assumedRoleArn as string,
          AssumedRoleId: credential.assumedRoleId as string
        })
      ) +
      tag('Provider', `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`) +
      tag('Audience', String(verdict.claims?.aud))
    )
  }

  /** The result XML of GetCallerIdentity for credentials `authenticate` accepted. */
  getCallerIdentity(accessKeyId: string, account: string): string {
    const credential = this.credentials.get(accessKeyId)
    const arn = credential?.assumedRoleArn ?? `arn:aws:iam::${account}:user/ci`
    const userId = credential?.assumedRoleId ?? `AIDA${randomId(17)}`
    return fields({ UserId: userId, Account: arn.split(':')[4] as string, Arn: arn })
  }

  /** Who signed this request; refuses it as AWS would when the credentials don't hold. */
  authenticate(request: SignedRequest, service: string): Caller {
    const auth = parseAuthorization(headerValue(request.headers.authorization))
    if (!auth) {
      throw new QueryError(
        'MissingAuthenticationToken',
        403,
        'Request is missing Authentication Token'
      )
    }
    const sessionToken = headerValue(request.headers['x-amz-security-token'])
    const credential = this.credentials.get(auth.accessKeyId)
    if (!credential || credential.sessionToken !== sessionToken) {
      throw new QueryError(
        'InvalidClientTokenId',
        403,
        'The security token included in the request is invalid.'
      )
    }
    if (credential.expiration !== undefined && this.now() >= credential.expiration) {
      throw new QueryError(
        'ExpiredToken',
        400,
        'The security token included in the request is expired'
      )
    }
    if (auth.service !== service) {
      throw new QueryError(
        'SignatureDoesNotMatch',
        403,
        `Credential should be scoped to correct service: '${service}'. `
      )
    }
    if (
      this.options.verifySignatures !== false &&
      !verifySignature(request, auth, credential.secretAccessKey)
    ) {
      throw new QueryError(
        'SignatureDoesNotMatch',
        403,
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
      )
    }
    return {
      accessKeyId: auth.accessKeyId,
      sessionTokenPresent: sessionToken !== undefined,
      region: auth.region
    }
  }

  private durationSeconds(raw: string | undefined): number {
    const requested = raw === undefined ? 3600 : Number(raw)
    if (!Number.isInteger(requested) || requested < 900 || requested > 43200) {
      const bound = requested < 900 ? 'greater than or equal to 900' : 'less than or equal to 43200'
      throw new QueryError(
        'ValidationError',
        400,
        `1 validation error detected: Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`
      )
    }
    if (requested > (this.options.maxSessionDurationSeconds ?? 3600)) {
      throw new QueryError(
        'ValidationError',
        400,
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      )
    }
    return this.options.credentialLifetimeSeconds ?? requested
  }
}

function checkSessionName(name: string): void {
  const problem =
    name.length < 2
      ? 'Member must have length greater than or equal to 2'
      : name.length > 64
        ? 'Member must have length less than or equal to 64'
        : SESSION_NAME.test(name)
          ? undefined
          : 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'
  if (problem) {
    throw new QueryError(
      'ValidationError',
      400,
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: ${problem}`
    )
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function globMatch(pattern: string, text: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${regex}$`).test(text)
}

export function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return [...randomBytes(length)].map(b => alphabet[b % 32]).join('')
}
