// IAM role ARNs: the export role RDS assumes (iam-role-arn) and the role the step assumes
// (role-to-assume). Checked by parts, not by one pattern: a path pattern such as
// ([\x21-\x7e]+\/)* backtracks exponentially on a long path that doesn't match.

import { isAccountId, parseArn } from '../arn.js'
import { quote, refuse } from './errors.js'

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/
// IAM paths are '/' or '/<printable ASCII>/', at most 512 characters in all.
const PATH_MIDDLE = /^[\x21-\x7e]{1,510}$/

function rolePathProblem(rest: string): string | undefined {
  const cut = rest.lastIndexOf('/')
  if (!ROLE_NAME.test(rest.slice(cut + 1))) {
    return 'the role name is 1-64 letters, digits and the characters + = , . @ _ -'
  }
  if (cut >= 0 && !PATH_MIDDLE.test(rest.slice(0, cut))) {
    return 'a role path is printable ASCII between slashes, at most 512 characters'
  }
  return undefined
}

// Why the value is not an IAM role ARN, or undefined when it is one. '' means no detail to add.
function roleArnProblem(value: string): string | undefined {
  const arn = parseArn(value)
  if (!arn) {
    return ROLE_NAME.test(value) ? `give the role's ARN, arn:aws:iam::<account>:role/${value}` : ''
  }
  if (arn.service !== 'iam') return `this is a ${quote(arn.service)} ARN`
  if (arn.resourceType !== 'role') return `this is a ${quote(arn.resourceType)} ARN, not a role`
  if (!isAccountId(arn.accountId)) return 'the account must be 12 digits'
  if (arn.region !== '') return ''
  return rolePathProblem(arn.resourceName)
}

export function parseRoleArn(input: string, value: string): string {
  const problem = roleArnProblem(value)
  if (problem === undefined) return value
  const rule = 'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
  throw refuse(input, rule, value, problem || undefined)
}
