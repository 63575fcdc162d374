// A Config as the action would read it from these inputs: tests build configs through the real
// parser, so they stay valid as the inputs grow.
import type { Config } from '../src/config.js'
import { parseInputs } from '../src/inputs/index.js'

/** The destination every `start` needs, plus the region. */
export const START_INPUTS: Record<string, string> = {
  's3-bucket-name': 'exports-bucket',
  'iam-role-arn': 'arn:aws:iam::123456789012:role/rds-s3-export',
  'kms-key-id': 'alias/rds-export',
  'aws-region': 'eu-west-1'
}

export function configFor(inputs: Record<string, string>): Config {
  return parseInputs(name => inputs[name] ?? '', {}).config
}

/** A `start` from this source (e.g. `{ 'db-instance-identifier': 'prod-db' }`) and more inputs. */
export function startConfig(inputs: Record<string, string>): Config {
  return configFor({ ...START_INPUTS, ...inputs })
}
