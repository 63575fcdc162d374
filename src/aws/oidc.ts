// The GitHub OIDC token, before any AWS code is loaded: whether the job can get one at all, and
// the first token asked for early, so its round trip to the runner's token service overlaps the
// loading of the AWS SDK. Later tokens (credential refreshes) are always fetched fresh.
import { ActionError } from '../errors.js'

/** Fails early, before any AWS call, when the job can't get an OIDC token. */
export function checkOidcAvailable(env: Record<string, string | undefined>): void {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(
      "Input 'role-to-assume' needs the job's GitHub OIDC token, but the runner did not provide one (ACTIONS_ID_TOKEN_REQUEST_URL is not set).",
      'Add `permissions: id-token: write` to the job or workflow. Pull requests from forks never get an OIDC token; use credentials from the default chain there.'
    )
  }
}

/**
 * Starts fetching one token now and returns a getIDToken that hands out that token on its
 * first call and fetches a new one on every later call.
 */
export function withFirstTokenEarly(
  getIDToken: (audience: string) => Promise<string>,
  audience: string
): (audience: string) => Promise<string> {
  let early: Promise<string> | undefined = getIDToken(audience)
  early.catch(() => undefined) // reported when it is used, not as an unhandled rejection
  return wanted => {
    const token = early && wanted === audience ? early : getIDToken(wanted)
    early = undefined
    return token
  }
}
