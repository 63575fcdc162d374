// Amazon Resource Names, parsed without the SDK: inputs.ts checks ARNs before any AWS client is
// loaded, and the identifier generator takes the name out of a snapshot ARN.

/** `arn:<partition>:<service>:<region>:<account>:<resource>` split into its parts. */
export interface Arn {
  partition: string
  service: string
  /** Empty for global services (IAM, S3). */
  region: string
  /** Empty for S3 buckets. */
  accountId: string
  /** Everything after the account: `snapshot:rds:prod-2026-11-25-03-10`, `role/path/Name`. */
  resource: string
  /** The resource's type before the first `:` or `/` (`snapshot`, `role`, `key`); '' when none. */
  resourceType: string
  /** The rest after that separator (`rds:prod-2026-11-25-03-10`, `path/Name`); the whole resource when untyped. */
  resourceName: string
}

const PARTITION = /^aws(-[a-z]+)*$/
const SERVICE = /^[a-z0-9][a-z0-9-]*$/
const ACCOUNT_ID = /^\d{12}$/
// Region names like us-east-1, us-gov-west-1, cn-north-1, eu-central-2, eusc-de-east-1.
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/

// The partitions and the regions in each, as the AWS SDK's endpoint rules say
// (partitions.json, regionRegex). One region belongs to one partition.
const PARTITION_REGIONS: readonly (readonly [string, RegExp])[] = [
  ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-us-gov', /^us-gov-\w+-\d+$/]
]

// Values from a user's input are echoed short.
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value)
}

export function isRegion(value: string): boolean {
  return REGION.test(value)
}

/**
 * The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`...), or undefined
 * for a region no known partition claims: a region newer than this table is never refused.
 */
export function partitionOf(region: string): string | undefined {
  return PARTITION_REGIONS.find(([, regions]) => regions.test(region))?.[0]
}

/**
 * Why an ARN of `partition` can't be used in `region`, completing "... ARN is in partition 'x'
 * ...", or undefined when they agree or the region's partition is not known.
 */
export function partitionProblem(partition: string, region: string): string | undefined {
  const expected = partitionOf(region)
  if (expected === undefined || expected === partition) return undefined
  return `its partition is '${partition}' but region '${region}' is in '${expected}'`
}

/** The ARN's parts, or undefined when the value is not shaped like an ARN of a known partition. */
export function parseArn(value: string): Arn | undefined {
  const parts = value.split(':')
  if (parts.length < 6 || parts[0] !== 'arn') return undefined
  const [, partition = '', service = '', region = '', accountId = ''] = parts
  // The resource may itself contain ':' (automated snapshots: `snapshot:rds:name-...`).
  const resource = parts.slice(5).join(':')
  if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '') return undefined
  if (/\s/.test(value)) return undefined
  const colon = resource.indexOf(':')
  const slash = resource.indexOf('/')
  const cut = colon < 0 ? slash : slash < 0 ? colon : Math.min(colon, slash)
  const resourceType = cut < 0 ? '' : resource.slice(0, cut)
  const resourceName = cut < 0 ? resource : resource.slice(cut + 1)
  return { partition, service, region, accountId, resource, resourceType, resourceName }
}

/** The RDS resource types an export can start from. */
export const RDS_SOURCE_KINDS = ['snapshot', 'cluster-snapshot', 'cluster'] as const
export type RdsSourceKind = (typeof RDS_SOURCE_KINDS)[number]

/** An ARN that passed parseRdsSourceArn, with its kind. */
export interface RdsSourceArn extends Arn {
  kind: RdsSourceKind
}

/**
 * Why a value can't be used: the rule, completing "Input 'x' ...", and a hint that follows the
 * echoed value (what was found, or what to write instead) when there is one.
 */
export interface Problem {
  problem: string
  hint?: string
}

/** Checks an ARN as the source of an export: the classified ARN, or the problem in words. */
export function parseRdsSourceArn(value: string): { arn: RdsSourceArn } | Problem {
  const arn = parseArn(value)
  if (!arn) {
    return {
      problem:
        'must be an ARN like arn:aws:rds:us-east-1:123456789012:snapshot:name (arn:<partition>:rds:<region>:<account>:<type>:<name>)'
    }
  }
  if (arn.service !== 'rds') {
    return {
      problem: "must be an RDS ARN (service 'rds')",
      hint: `it is an '${clip(arn.service)}' ARN`
    }
  }
  if (!isRegion(arn.region)) {
    return {
      problem: 'must name a region like us-east-1 in its fourth field',
      hint: `found '${clip(arn.region)}'`
    }
  }
  const mismatch = partitionProblem(arn.partition, arn.region)
  if (mismatch) {
    return { problem: 'must name a region of its own partition', hint: mismatch }
  }
  if (!isAccountId(arn.accountId)) {
    return {
      problem: 'must name a 12-digit AWS account in its fifth field',
      hint: `found '${clip(arn.accountId)}'`
    }
  }
  if (arn.resourceType === 'db') {
    return {
      problem:
        "must not be a DB instance ARN (':db:'); RDS exports snapshots and Aurora clusters, not instances",
      hint: `use 'db-instance-identifier: ${clip(arn.resourceName)}' to export the instance's newest snapshot`
    }
  }
  const kind = RDS_SOURCE_KINDS.find(k => k === arn.resourceType)
  if (!kind) {
    return {
      problem:
        `must be the ARN of a DB snapshot (':snapshot:'), DB cluster snapshot (':cluster-snapshot:') ` +
        "or Aurora DB cluster (':cluster:')",
      hint: `it is a '${clip(arn.resourceType || arn.resource)}' ARN`
    }
  }
  if (arn.resourceName === '' || /[/]/.test(arn.resourceName)) {
    return { problem: `must end with the ${kind}'s name after ':${kind}:'` }
  }
  return { arn: { ...arn, kind } }
}
