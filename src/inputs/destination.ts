// The destination of a `start`: the bucket, the key prefix, the role RDS writes with and the
// key it encrypts with. The other modes read them from the task.

import type { Config, Mode } from '../config.js'
import { parseArn } from '../arn.js'
import { trimSlashes } from '../report/outputs.js'
import { quote, refuse, required, type Refusals } from './errors.js'
import { kmsKeyProblem } from './kms.js'
import type { Inputs } from './read.js'
import { checkArnPlace, type Place } from './region.js'
import { parseRoleArn } from './role.js'

const BUCKET_RULE = "must be a bucket name (3-63 lower-case letters, digits, '.' and '-')"

// An s3:// URI or an S3 ARN split into what goes in s3-bucket-name and s3-prefix.
function splitHint(location: string): string {
  const [bucket = '', ...keys] = location.split('/')
  const prefix = trimSlashes(keys.join('/'))
  return prefix
    ? `put ${quote(bucket)} in s3-bucket-name and ${quote(prefix)} in s3-prefix`
    : `put ${quote(bucket)} in s3-bucket-name`
}

function bucketProblem(value: string): string | undefined {
  if (value.length < 3 || value.length > 63) return `it has ${value.length} characters`
  const bad = /[^a-z0-9.-]/u.exec(value)
  if (bad)
    return `${quote(bad[0])} is not allowed${/[A-Z]/.test(bad[0]) ? ' (only lower case)' : ''}`
  if (!/^[a-z0-9].*[a-z0-9]$/.test(value)) return 'it must begin and end with a letter or digit'
  if (value.includes('..')) return "it must not contain '..'"
  if (/^\d+\.\d+\.\d+\.\d+$/.test(value)) return 'it must not look like an IP address'
  return undefined
}

function parseBucket(value: string): string {
  const input = 's3-bucket-name'
  if (value === '') throw required(input, 'start', 'the bucket to export to')
  const uri = /^s3:\/\/(.*)$/i.exec(value)
  if (uri) throw refuse(input, BUCKET_RULE, value, splitHint(uri[1] ?? ''))
  const arn = parseArn(value)
  if (arn?.service === 's3') throw refuse(input, BUCKET_RULE, value, splitHint(arn.resource))
  const problem = bucketProblem(value)
  if (problem) throw refuse(input, BUCKET_RULE, value, problem)
  return value
}

function parsePrefix(value: string): string {
  const input = 's3-prefix'
  if (value.includes(':')) {
    throw refuse(
      input,
      "must not contain ':' (RDS refuses it)",
      value,
      /^s3:\/\//i.test(value) ? 'give only the key prefix, like exports/daily' : undefined
    )
  }
  if (/\p{Cc}/u.test(value)) throw refuse(input, 'must not contain control characters', value)
  if (Buffer.byteLength(value) > 1024) {
    throw refuse(input, 'must be at most 1024 bytes long (the S3 key limit)', value)
  }
  return trimSlashes(value)
}

function parseKmsKey(value: string): string {
  const input = 'kms-key-id'
  if (value === '') throw required(input, 'start', 'the KMS key that encrypts the export')
  const problem = kmsKeyProblem(value)
  if (problem) {
    throw refuse(input, 'must be a KMS key ARN, key id, alias ARN or alias/name', value, problem)
  }
  return value
}

type Destination = Pick<Config, 's3BucketName' | 's3Prefix' | 'iamRoleArn' | 'kmsKeyId'>

/**
 * The destination for mode start, in the order of action.yml, each input checked on its own
 * ('' for one refused); empty for the other modes.
 */
export function parseDestination(inputs: Inputs, mode: Mode, refusals: Refusals): Destination {
  if (mode !== 'start') return { s3BucketName: '', s3Prefix: '', iamRoleArn: '', kmsKeyId: '' }
  const s3BucketName = refusals.check(() => parseBucket(inputs.raw('s3-bucket-name')))
  const s3Prefix = refusals.check(() => parsePrefix(inputs.get('s3-prefix')))
  const iamRoleArn = refusals.check(() => {
    const role = inputs.raw('iam-role-arn')
    if (role === '') {
      throw required('iam-role-arn', 'start', 'the role RDS assumes to write to the bucket')
    }
    return parseRoleArn('iam-role-arn', role)
  })
  const kmsKeyId = refusals.check(() => parseKmsKey(inputs.raw('kms-key-id')))
  return {
    s3BucketName: s3BucketName ?? '',
    s3Prefix: s3Prefix ?? '',
    iamRoleArn: iamRoleArn ?? '',
    kmsKeyId: kmsKeyId ?? ''
  }
}

/** Refuses ARNs of the destination that can't be used where the export runs ('' is skipped). */
export function checkDestinationPlace(
  destination: Destination,
  place: Place,
  refusals: Refusals
): void {
  refusals.check(() => checkArnPlace('iam-role-arn', destination.iamRoleArn, place, false))
  refusals.check(() => checkArnPlace('kms-key-id', destination.kmsKeyId, place, true))
}
