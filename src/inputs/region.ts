// The region every AWS call goes to: aws-region, else the source ARN's, else the environment.

import type { SourceInput } from '../config.js'
import { isRegion, parseArn } from '../arn.js'
import { InputError, quote, refuse } from './errors.js'

/** The region in the ARN that names the source, if the source is named by an ARN. */
function sourceRegion(source: SourceInput | undefined): string | undefined {
  if (!source) return undefined
  const value = 'arn' in source ? source.arn : source.identifier
  const region = parseArn(value)?.region
  return region ? region : undefined
}

function regionFromEnvironment(env: Record<string, string | undefined>): string | undefined {
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
    return region
  }
  return undefined
}

/** aws-region, else the source ARN's region, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function resolveRegion(
  value: string,
  source: SourceInput | undefined,
  env: Record<string, string | undefined>
): string {
  const input = 'aws-region'
  const fromArn = sourceRegion(source)
  if (value !== '') {
    if (!isRegion(value)) throw refuse(input, 'must be a region like us-east-1', value)
    if (fromArn && fromArn !== value && source) {
      throw new InputError(
        input,
        `Input '${input}' is '${value}' but the ARN in '${source.input}' is in '${fromArn}': ` +
          `RDS exports a source in its own region; remove aws-region or make them agree.`
      )
    }
    return value
  }
  const region = fromArn ?? regionFromEnvironment(env)
  if (region) return region
  throw new InputError(
    input,
    `Input '${input}' is not set and nothing else names a region: set aws-region (like us-east-1), ` +
      `give the source as an ARN, or set AWS_REGION (aws-actions/configure-aws-credentials does).`
  )
}
