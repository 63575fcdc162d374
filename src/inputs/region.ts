// The region every AWS call goes to: aws-region, else the source ARN's, else the environment.

import type { SourceInput } from '../config.js'
import { isRegion, parseArn, partitionProblem } from '../arn.js'
import { InputError, quote, refuse } from './errors.js'

/** The region in the ARN that names the source, if the source is named by an ARN. */
function sourceRegion(source: SourceInput | undefined): string | undefined {
  if (!source) return undefined
  const value = 'arn' in source ? source.arn : source.identifier
  const region = parseArn(value)?.region
  return region ? region : undefined
}

/** The region every call goes to, and where it was found, as a message names it. */
export interface Place {
  region: string
  from: string
}

function regionFromEnvironment(env: Record<string, string | undefined>): Place | undefined {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const region = env[name]?.trim()
    if (!region) continue
    if (!isRegion(region)) {
      throw new InputError(
        'aws-region',
        `Environment variable ${name} must be a region like us-east-1; got ${quote(region)}: ` +
          `fix it or set the aws-region input.`
      )
    }
    return { region, from: name }
  }
  return undefined
}

/** aws-region's own rule, when it is given: checked even when the source can't be. */
export function checkRegionInput(value: string): void {
  if (value !== '' && !isRegion(value)) {
    throw refuse('aws-region', 'must be a region like us-east-1', value)
  }
}

/** aws-region, else the source ARN's region, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function resolveRegion(
  value: string,
  source: SourceInput | undefined,
  env: Record<string, string | undefined>
): Place {
  const input = 'aws-region'
  const fromArn = sourceRegion(source)
  if (value !== '') {
    checkRegionInput(value)
    if (fromArn && fromArn !== value && source) {
      throw new InputError(
        input,
        `Input '${input}' is '${value}' but the ARN in '${source.input}' is in '${fromArn}': ` +
          `RDS exports a source in its own region; remove aws-region or make them agree.`
      )
    }
    return { region: value, from: input }
  }
  const place =
    fromArn && source ? { region: fromArn, from: source.input } : regionFromEnvironment(env)
  if (place) return place
  throw new InputError(
    input,
    `Input '${input}' is not set and nothing else names a region: set aws-region (like us-east-1), ` +
      `give the source as an ARN, or set AWS_REGION (aws-actions/configure-aws-credentials does).`
  )
}

/**
 * Refuses an ARN input that can't be used where the export runs: an ARN of another partition
 * (aws-cn with us-east-1), or for a regional resource (a KMS key) one in another region.
 * Values that are not ARNs are left to the input's own checks.
 */
export function checkArnPlace(input: string, value: string, place: Place, regional: boolean) {
  const arn = parseArn(value)
  if (!arn) return
  const where = `region '${place.region}' (from ${place.from})`
  const mismatch = partitionProblem(arn.partition, place.region)
  if (mismatch) throw refuse(input, `must be an ARN of the partition of ${where}`, value, mismatch)
  if (regional && arn.region !== place.region) {
    throw refuse(input, `must name a resource in ${where}`, value, `it is in '${arn.region}'`)
  }
}
