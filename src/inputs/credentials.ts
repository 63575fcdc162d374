// The credentials the step uses: a role assumed with the job's OIDC token, or the SDK's default
// chain when role-to-assume is not set.

import type { Config } from '../config.js'
import { refuse, type Refusals } from './errors.js'
import type { Inputs } from './read.js'
import { checkArnPlace, type Place } from './region.js'
import { parseRoleArn } from './role.js'
import { parseBoolean, parseInteger } from './values.js'

type Credentials = Pick<
  Config,
  'roleToAssume' | 'audience' | 'roleSessionName' | 'roleDurationSeconds' | 'outputEnvCredentials'
>

const SESSION_OPTIONS = ['role-session-name', 'role-duration-seconds']

/**
 * The credentials section, in the region found (undefined when it couldn't be: the role's place
 * is then not checked); session options without role-to-assume are ignored with a warning.
 */
export function parseCredentials(
  inputs: Inputs,
  place: Place | undefined,
  warnings: string[],
  refusals: Refusals
): Credentials {
  const roleToAssume = inputs.raw('role-to-assume')
  if (roleToAssume !== '') {
    refusals.check(() => {
      parseRoleArn('role-to-assume', roleToAssume)
      if (place) checkArnPlace('role-to-assume', roleToAssume, place, false)
    })
  }
  const audience = inputs.get('audience')
  const roleSessionName = inputs.raw('role-session-name')
  if (roleSessionName !== '' && !/^[\w+=,.@-]{2,64}$/.test(roleSessionName)) {
    refusals.add(
      refuse(
        'role-session-name',
        'must be 2-64 letters, digits and the characters + = , . @ _ -',
        roleSessionName
      )
    )
  }
  const duration = inputs.get('role-duration-seconds')
  const roleDurationSeconds = refusals.check(() =>
    parseInteger('role-duration-seconds', duration, 900, 43200, 'seconds')
  )
  const outputEnvCredentials = refusals.check(() =>
    parseBoolean('output-env-credentials', inputs.get('output-env-credentials'))
  )
  const unused = roleToAssume === '' ? SESSION_OPTIONS.filter(name => inputs.given(name)) : []
  if (unused.length > 0) {
    warnings.push(
      `${unused.map(n => `Input '${n}'`).join(' and ')} ${unused.length === 1 ? 'is' : 'are'} ignored without role-to-assume: the AWS SDK's default credentials are used.`
    )
  }
  // Credentials from the default chain are where later steps find them already (the environment,
  // a profile, the instance role); copied into the environment, refreshable ones would go stale.
  if (outputEnvCredentials && roleToAssume === '') {
    warnings.push(
      "Input 'output-env-credentials' is ignored without role-to-assume: later steps find the AWS SDK's default credentials where this step found them."
    )
  }
  return {
    ...(roleToAssume !== '' ? { roleToAssume } : {}),
    audience,
    ...(roleSessionName !== '' ? { roleSessionName } : {}),
    roleDurationSeconds: roleDurationSeconds ?? 3600,
    outputEnvCredentials: outputEnvCredentials === true && roleToAssume !== ''
  }
}
