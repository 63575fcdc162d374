// The runner's OIDC token endpoint: GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=<aud> with
// `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` answers {"value": "<jwt>"}. The JWTs
// are RS256-signed with a key made here, so STS can check that a token really came from us.
import {
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  type KeyObject
} from 'node:crypto'
import { ServiceError, type ServiceAnswer, type ServiceModule } from './service.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface OidcOptions {
  /** The bearer token the endpoint wants (ACTIONS_ID_TOKEN_REQUEST_TOKEN); random by default. */
  requestToken?: string
  /** Lifetime of each JWT, default 300 s (as GitHub's). */
  lifetimeSeconds?: number
  /** Default `octo-org/octo-repo`. */
  repository?: string
  /** Default `refs/heads/main`. */
  ref?: string
  /** Default `repo:<repository>:ref:<ref>`. */
  subject?: string
  /** More claims, or overrides of the defaults (`iss` for a foreign issuer, for example). */
  claims?: Record<string, unknown>
}

export interface TokenCheck {
  ok: boolean
  /** Why STS refuses it, in STS's words; undefined when ok. */
  code?: 'InvalidIdentityToken' | 'ExpiredTokenException'
  message?: string
  claims?: Record<string, unknown>
}

let keyPair: { privateKey: KeyObject; publicKey: KeyObject; kid: string } | undefined

/** One RSA key for the whole process: making one costs tens of milliseconds. */
function signingKey(): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
  if (!keyPair) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    keyPair = {
      privateKey,
      publicKey: createPublicKey(privateKey),
      kid: randomBytes(20).toString('hex').toUpperCase()
    }
  }
  return keyPair
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

export class OidcIssuer {
  readonly requestToken: string
  /** Every JWT handed out, so tests can scan logs for them. */
  readonly issued: string[] = []
  private readonly lifetimeSeconds: number
  private readonly repository: string
  private readonly ref: string
  private readonly subject: string
  private runNumber = 0

  constructor(
    private readonly options: OidcOptions,
    private readonly now: () => number
  ) {
    this.requestToken = options.requestToken ?? randomBytes(32).toString('base64url')
    this.lifetimeSeconds = options.lifetimeSeconds ?? 300
    this.repository = options.repository ?? 'octo-org/octo-repo'
    this.ref = options.ref ?? 'refs/heads/main'
    this.subject = options.subject ?? `repo:${this.repository}:ref:${this.ref}`
  }

  /** A signed JWT for this audience, shaped like the ones GitHub issues. */
  issue(audience: string): string {
    const { privateKey, kid } = signingKey()
    const iat = Math.floor(this.now() / 1000)
    const owner = this.repository.split('/')[0] ?? ''
    const claims = {
      jti: randomUUID(),
      sub: this.subject,
      aud: audience,
      ref: this.ref,
      sha: randomBytes(20).toString('hex'),
      repository: this.repository,
      repository_owner: owner,
      repository_visibility: 'private',
      run_id: '1658821493',
      run_number: String(++this.runNumber),
      run_attempt: '1',
      actor: 'octocat',
      workflow: 'export',
      event_name: 'workflow_dispatch',
      ref_type: 'branch',
      job_workflow_ref: `${this.repository}/.github/workflows/export.yml@${this.ref}`,
      runner_environment: 'github-hosted',
      iss: GITHUB_ISSUER,
      nbf: iat - 5,
      exp: iat + this.lifetimeSeconds,
      iat,
      ...this.options.claims
    }
    const header = { typ: 'JWT', alg: 'RS256', x5t: kid.slice(0, 27), kid }
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey)
    const jwt = `${signingInput}.${base64url(signature)}`
    this.issued.push(jwt)
    return jwt
  }

  /** What STS would say about this token (signature, issuer, audience, expiry). */
  check(token: string, acceptedAudiences: string[]): TokenCheck {
    const parts = token.split('.')
    const claims = parts.length === 3 ? decodeJson(parts[1] as string) : undefined
    if (!claims) {
      return invalid(
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'
      )
    }
    const verified = createVerify('RSA-SHA256')
      .update(`${parts[0]}.${parts[1]}`)
      .verify(signingKey().publicKey, Buffer.from(parts[2] as string, 'base64url'))
    if (!verified || claims.iss !== GITHUB_ISSUER) {
      // Tokens signed by anyone else look to STS like a provider it can't verify.
      return invalid(
        claims.iss === GITHUB_ISSUER
          ? "Couldn't verify the signature of the ID token: the signing key is not the provider's"
          : `No OpenIDConnect provider found in your account for ${String(claims.iss)}`
      )
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!audiences.some(aud => acceptedAudiences.includes(String(aud)))) {
      return invalid('Incorrect token audience')
    }
    const nowSeconds = Math.floor(this.now() / 1000)
    if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp) {
      return {
        ok: false,
        code: 'ExpiredTokenException',
        message: `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${String(claims.exp)}`
      }
    }
    return { ok: true, claims }
  }

  /** The HTTP answer to GET /_oidc/token?api-version=2.0&audience=... */
  answer(url: URL, authorization: string | undefined): { status: number; body: unknown } {
    if (authorization !== `Bearer ${this.requestToken}`) {
      return {
        status: 401,
        body: { message: 'Unauthorized: the bearer token is missing or wrong' }
      }
    }
    if (url.searchParams.get('api-version') === null) {
      return { status: 400, body: { message: 'api-version is required' } }
    }
    // Without an audience the runner's service uses the repository owner's URL.
    const owner = this.repository.split('/')[0] ?? ''
    const audience = url.searchParams.get('audience') ?? `https://github.com/${owner}`
    const value = this.issue(audience)
    return { status: 200, body: { count: value.length, value } }
  }
}

export const OIDC_PATH = '/_oidc/token'

/** The endpoint as the router wants it: GET on OIDC_PATH, action `OIDC`, errors as JSON. */
export function oidcModule(issuer: OidcIssuer): ServiceModule {
  return {
    service: 'oidc',
    action: () => 'OIDC',
    // The bearer is the issuer's to check; no SigV4 here.
    authentication: () => 'none',
    params: request => Object.fromEntries(request.url.searchParams),
    // An injected error code means nothing to the runner's service: a 500 unless told.
    errorStatus: () => 500,
    handle: request => json(issuer.answer(request.url, first(request.headers.authorization))),
    error: (error: ServiceError) => json({ status: error.status, body: { message: error.message } })
  }
}

function json(answer: { status: number; body: unknown }): ServiceAnswer {
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(answer.body)
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function invalid(message: string): TokenCheck {
  return { ok: false, code: 'InvalidIdentityToken', message }
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
