// The keys the stand-in's account knows (long-lived ones, and those its STS hands out) and the
// check every signed request goes through: the SigV4 header names the access key and scope,
// X-Amz-Security-Token the session, the signature must match. Each service refuses in its own
// words: the Query services (RDS, STS), S3 and the JSON services (Glue) name the same failure
// differently, as their SDK clients see it.
import type { ServiceName, Caller } from './service.js'
import { ServiceError } from './service.js'
import {
  DEFAULT_RULES,
  S3_RULES,
  contentSha256Problem,
  parseAuthorization,
  verifySignature,
  type SignedRequest
} from './sigv4.js'

export interface StaticCredential {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

export interface Credential extends StaticCredential {
  /** ms since epoch; undefined for static keys. */
  expiration?: number
  /** The assumed-role session these credentials belong to; undefined for static keys. */
  assumedRoleArn?: string
  assumedRoleId?: string
}

type Failure =
  | 'missing'
  | 'unknownKey'
  | 'badToken'
  | 'expired'
  | 'wrongScope'
  | 'signature'
  | 'contentShaMissing'
  | 'contentShaMismatch'

type Refusal = [code: string, status: number, message: string]

const INVALID_TOKEN = 'The security token included in the request is invalid.'
const EXPIRED_TOKEN = 'The security token included in the request is expired'
const WRONG_SCOPE = "Credential should be scoped to correct service: '%s'. "
const SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

/** The AWS-wide codes: the Query services' (RDS, STS) and, `Exception`-suffixed, the JSON
 * services' (Glue), whose refusals are all 400s. */
function awsRefusals(json: boolean): Record<Failure, Refusal> {
  const refusal = (code: string, status: number, message: string): Refusal =>
    json ? [`${code}Exception`, 400, message] : [code, status, message]
  const invalid = json ? refusal('UnrecognizedClient', 400, INVALID_TOKEN) : undefined
  const signature = refusal(json ? 'InvalidSignature' : 'SignatureDoesNotMatch', 403, SIGNATURE)
  return {
    missing: refusal('MissingAuthenticationToken', 403, 'Request is missing Authentication Token'),
    unknownKey: invalid ?? refusal('InvalidClientTokenId', 403, INVALID_TOKEN),
    badToken: invalid ?? refusal('InvalidClientTokenId', 403, INVALID_TOKEN),
    expired: refusal('ExpiredToken', 400, EXPIRED_TOKEN),
    wrongScope: [signature[0], signature[1], WRONG_SCOPE],
    signature,
    contentShaMissing: signature,
    contentShaMismatch: signature
  }
}

const S3: Record<Failure, Refusal> = {
  missing: ['AccessDenied', 403, 'Access Denied'],
  unknownKey: [
    'InvalidAccessKeyId',
    403,
    'The AWS Access Key Id you provided does not exist in our records.'
  ],
  badToken: ['InvalidToken', 400, 'The provided token is malformed or otherwise invalid.'],
  expired: ['ExpiredToken', 400, 'The provided token has expired.'],
  wrongScope: [
    'AuthorizationHeaderMalformed',
    400,
    "The authorization header is malformed; the service in the credential scope is wrong; expecting '%s'."
  ],
  signature: [
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
  ],
  contentShaMissing: ['InvalidRequest', 400, 'Missing required header: x-amz-content-sha256'],
  contentShaMismatch: [
    'XAmzContentSHA256Mismatch',
    400,
    "The provided 'x-amz-content-sha256' header does not match what was computed."
  ]
}

const QUERY = awsRefusals(false)
const REFUSALS: Record<ServiceName, Record<Failure, Refusal>> = {
  rds: QUERY,
  sts: QUERY,
  oidc: QUERY,
  s3: S3,
  glue: awsRefusals(true)
}

export class Credentials {
  private readonly keys = new Map<string, Credential>()

  constructor(
    private readonly now: () => number,
    /** Check SigV4 signatures (default true); keys, tokens and expiry are checked regardless. */
    private readonly verifySignatures = true
  ) {}

  add(credential: Credential): void {
    this.keys.set(credential.accessKeyId, credential)
  }

  get(accessKeyId: string): Credential | undefined {
    return this.keys.get(accessKeyId)
  }

  /** Every secret key and session token handed out or accepted. */
  secrets(): string[] {
    return [...this.keys.values()].flatMap(c =>
      c.sessionToken ? [c.secretAccessKey, c.sessionToken] : [c.secretAccessKey]
    )
  }

  /** Who signed this request; throws the ServiceError `service` answers when the credentials
   * don't hold. */
  authenticate(request: SignedRequest, service: ServiceName): Caller {
    const refuse = (failure: Failure): ServiceError => {
      const [code, status, message] = REFUSALS[service][failure]
      return new ServiceError(code, status, message.replace('%s', service))
    }
    const auth = parseAuthorization(first(request.headers.authorization))
    if (!auth) throw refuse('missing')
    const sessionToken = first(request.headers['x-amz-security-token'])
    const credential = this.keys.get(auth.accessKeyId)
    if (!credential) throw refuse('unknownKey')
    if (credential.sessionToken !== sessionToken) throw refuse('badToken')
    if (credential.expiration !== undefined && this.now() >= credential.expiration) {
      throw refuse('expired')
    }
    if (auth.service !== service) throw refuse('wrongScope')
    if (service === 's3') {
      const problem = contentSha256Problem(request)
      if (problem) throw refuse(problem === 'missing' ? 'contentShaMissing' : 'contentShaMismatch')
    }
    const rules = service === 's3' ? S3_RULES : DEFAULT_RULES
    if (
      this.verifySignatures &&
      !verifySignature(request, auth, credential.secretAccessKey, rules)
    ) {
      throw refuse('signature')
    }
    return {
      accessKeyId: auth.accessKeyId,
      region: auth.region,
      sessionToken: sessionToken !== undefined,
      arn: credential.assumedRoleArn
    }
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
