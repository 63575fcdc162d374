// STS as the action meets it (Query protocol): AssumeRoleWithWebIdentity, unsigned, trades the
// runner's OIDC token for temporary credentials; GetCallerIdentity, signed, names their owner.
// The credentials it hands out go into the account's key store, which checks every signed call.
import { randomBytes } from 'node:crypto'
import type { Credential, Credentials } from './credentials.js'
import type { OidcIssuer } from './oidc.js'
import { queryModule, required, type Params } from './query.js'
import { ServiceError, type ServiceModule } from './service.js'
import { fields, tag, wrap } from './xml.js'

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

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
  /** Check SigV4 signatures, default true. */
  verifySignatures?: boolean
}

/** Who the account's long-lived keys belong to. */
export function staticKeyOwner(account: string): string {
  return `arn:aws:iam::${account}:user/ci`
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/
const SESSION_NAME = /^[\w+=,.@-]*$/

export class Sts {
  constructor(
    private readonly options: StsOptions,
    private readonly issuer: OidcIssuer,
    private readonly credentials: Credentials,
    private readonly now: () => number
  ) {}

  /** The result XML of AssumeRoleWithWebIdentity, or a ServiceError as STS answers. */
  assumeRoleWithWebIdentity(params: Params): string {
    const roleArn = required(params, 'RoleArn')
    const sessionName = required(params, 'RoleSessionName')
    const token = required(params, 'WebIdentityToken')
    const role = ROLE_ARN.exec(roleArn)
    if (!role) throw new ServiceError('ValidationError', 400, 'Request ARN is invalid')
    checkSessionName(sessionName)
    const duration = this.durationSeconds(params.DurationSeconds)
    const claims = this.trustedClaims(roleArn, token)
    const [, account, , roleName] = role as unknown as [string, string, string, string]
    const credential: Credential = {
      accessKeyId: `ASIA${randomId(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(360).toString('base64')}`,
      expiration: this.now() + duration * 1000,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      assumedRoleId: `AROA${randomId(17)}:${sessionName}`
    }
    this.credentials.add(credential)
    return assumedRoleXml(credential, account, claims)
  }

  /** The result XML of GetCallerIdentity for credentials the key store accepted. */
  getCallerIdentity(accessKeyId: string, account: string): string {
    const credential = this.credentials.get(accessKeyId)
    const arn = credential?.assumedRoleArn ?? staticKeyOwner(account)
    const userId = credential?.assumedRoleId ?? `AIDA${randomId(17)}`
    return fields({ UserId: userId, Account: arn.split(':')[4] as string, Arn: arn })
  }

  /** The token's claims when STS would trust it for this role; throws as STS refuses. */
  private trustedClaims(roleArn: string, token: string): Record<string, unknown> {
    const verdict = this.issuer.check(token, this.options.audiences ?? ['sts.amazonaws.com'])
    if (!verdict.ok) throw new ServiceError(verdict.code as string, 400, verdict.message as string)
    const subject = String(verdict.claims?.sub)
    const knownRole = this.options.roles === undefined || this.options.roles.includes(roleArn)
    const trusted =
      this.options.trustedSubjects === undefined ||
      this.options.trustedSubjects.some(pattern => globMatch(pattern, subject))
    if (!knownRole || !trusted) {
      throw new ServiceError(
        'AccessDenied',
        403,
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      )
    }
    return verdict.claims ?? {}
  }

  private durationSeconds(raw: string | undefined): number {
    const requested = raw === undefined ? 3600 : Number(raw)
    if (!Number.isInteger(requested) || requested < 900 || requested > 43200) {
      const bound = requested < 900 ? 'greater than or equal to 900' : 'less than or equal to 43200'
      throw new ServiceError(
        'ValidationError',
        400,
        `1 validation error detected: Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`
      )
    }
    if (requested > (this.options.maxSessionDurationSeconds ?? 3600)) {
      throw new ServiceError(
        'ValidationError',
        400,
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      )
    }
    return this.options.credentialLifetimeSeconds ?? requested
  }
}

/** STS as a Query module: AssumeRoleWithWebIdentity unsigned, GetCallerIdentity signed. */
export function stsModule(sts: Sts, account: string): ServiceModule {
  return queryModule({
    service: 'sts',
    namespace: STS_NAMESPACE,
    // Only GetCallerIdentity is signed; an unknown action is refused as such, unsigned or not.
    authentication: action => (action === 'GetCallerIdentity' ? 'sigv4' : 'none'),
    handle(action, params, request) {
      if (action === 'AssumeRoleWithWebIdentity') return sts.assumeRoleWithWebIdentity(params)
      // The action never calls it; the benchmark's configure-aws-credentials baseline does.
      if (action === 'GetCallerIdentity') {
        return sts.getCallerIdentity(request.caller?.accessKeyId ?? '', account)
      }
      throw new ServiceError(
        'InvalidAction',
        400,
        `Could not find operation ${action} for version 2011-06-15`
      )
    }
  })
}

function assumedRoleXml(
  credential: Credential,
  account: string,
  claims: Record<string, unknown>
): string {
  const expiration = new Date(credential.expiration as number).toISOString().replace(/\.\d+Z$/, 'Z')
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
    tag('SubjectFromWebIdentityToken', String(claims.sub)) +
    wrap(
      'AssumedRoleUser',
      fields({
        Arn: credential.assumedRoleArn as string,
        AssumedRoleId: credential.assumedRoleId as string
      })
    ) +
    tag('Provider', `arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com`) +
    tag('Audience', String(claims.aud))
  )
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
    throw new ServiceError(
      'ValidationError',
      400,
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: ${problem}`
    )
  }
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
