// kms-key-id: the KMS key that encrypts the export, in any of the four forms RDS takes.

import { isAccountId, isRegion, parseArn } from '../arn.js'
import { quote } from './errors.js'

const KEY_ID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/
const ALIAS_NAME = /^[A-Za-z0-9/_-]{1,250}$/

const KEY_ID_RULE = 'a key id is a UUID or mrk-<32 hex digits>'
const ALIAS_RULE = "alias names are letters, digits, '/', '_' and '-'"

function kmsArnProblem(value: string): string | undefined {
  const arn = parseArn(value)
  if (!arn) return 'it is not a well-formed ARN'
  if (arn.service !== 'kms') return `this is a ${quote(arn.service)} ARN`
  if (!isRegion(arn.region)) return 'the ARN must name a region'
  if (!isAccountId(arn.accountId)) return 'the account must be 12 digits'
  if (arn.resourceType === 'key') return KEY_ID.test(arn.resourceName) ? undefined : KEY_ID_RULE
  if (arn.resourceType === 'alias') {
    return ALIAS_NAME.test(arn.resourceName) ? undefined : ALIAS_RULE
  }
  return "a KMS ARN ends with 'key/<id>' or 'alias/<name>'"
}

/** Why the value is not a key ARN, key id, alias ARN or alias/name; undefined when it is one. */
export function kmsKeyProblem(value: string): string | undefined {
  if (value.startsWith('alias/')) return ALIAS_NAME.test(value.slice(6)) ? undefined : ALIAS_RULE
  if (value.startsWith('arn:')) return kmsArnProblem(value)
  return KEY_ID.test(value) ? undefined : KEY_ID_RULE
}
