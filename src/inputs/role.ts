// IAM role ARNs: the export role RDS assumes (iam-role-arn) and the role the step assumes
// (role-to-assume).

import { isAccountId, parseArn } from '../arn.js'
import { quote, refuse } from './errors.js'

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\u0021-\u007e]+\/)*[\w+=,.@-]{1,64}$/

export function parseRoleArn(input: string, value: string): string {
  if (ROLE_ARN.test(value)) return value
  const rule = 'must be an IAM role ARN like arn:aws:iam::123456789012:role/name'
  const arn = parseArn(value)
  const detail = !arn
    ? /^[\w+=,.@-]{1,64}$/.test(value)
      ? `give the role's ARN, arn:aws:iam::<account>:role/${value}`
      : undefined
    : arn.service !== 'iam'
      ? `this is a ${quote(arn.service)} ARN`
      : arn.resourceType !== 'role'
        ? `this is a ${quote(arn.resourceType)} ARN, not a role`
        : !isAccountId(arn.accountId)
          ? 'the account must be 12 digits'
          : undefined
  throw refuse(input, rule, value, detail)
}
