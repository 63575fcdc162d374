// What the action needs from IAM, as the end-to-end tests see it: each call in the stand-in's
// request log (`service:Operation`) and the IAM actions AWS authorizes it with, and the README's
// policy statements (by Sid) that grant each feature's calls. __tests__/e2e-iam.test.ts runs the
// main flows of each feature and compares what they called with the README and the examples.
//
// To extend it (a new call, a new feature such as glue-history):
// 1. add the call to IAM_ACTIONS (an unknown call fails the test, naming it);
// 2. for a new feature, add a FEATURES entry naming its README statements (Sid) and the inputs
//    that turn it on in a workflow step, then a flow for it in e2e-iam.test.ts;
// 3. add the statement to the README's "(b) The calling role's permissions" and the actions to
//    the "IAM:" list of every example that uses the feature.

/**
 * The IAM actions a call needs, by the stand-in's `service:Operation`. Only the rds, s3 and glue
 * ones are compared (STS is the trust policy's business; KMS and iam:PassRole are authorized by
 * RDS on the caller's behalf and listed in the README without being calls of the action).
 */
export const IAM_ACTIONS: Record<string, string[]> = {
  // The runner's OIDC token and the role it is exchanged for: the role's trust policy.
  'oidc:OIDC': [],
  'sts:AssumeRoleWithWebIdentity': [],
  'rds:DescribeDBSnapshots': ['rds:DescribeDBSnapshots'],
  'rds:DescribeDBClusterSnapshots': ['rds:DescribeDBClusterSnapshots'],
  'rds:DescribeExportTasks': ['rds:DescribeExportTasks'],
  'rds:StartExportTask': ['rds:StartExportTask'],
  'rds:CancelExportTask': ['rds:CancelExportTask'],
  // With Tags (the action always tags its snapshots), AWS also authorizes rds:AddTagsToResource.
  'rds:CreateDBSnapshot': ['rds:CreateDBSnapshot', 'rds:AddTagsToResource'],
  'rds:CreateDBClusterSnapshot': ['rds:CreateDBClusterSnapshot', 'rds:AddTagsToResource'],
  // S3 names its bucket listing permission after the bucket, not the operation.
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:GetObject': ['s3:GetObject'],
  's3:HeadObject': ['s3:GetObject'],
  'glue:GetDatabase': ['glue:GetDatabase'],
  'glue:CreateDatabase': ['glue:CreateDatabase'],
  'glue:GetTable': ['glue:GetTable'],
  'glue:GetTables': ['glue:GetTables'],
  'glue:CreateTable': ['glue:CreateTable'],
  'glue:UpdateTable': ['glue:UpdateTable']
}

/** The services whose actions the README and the examples must name exactly. */
export const COMPARED = /^(rds|s3|glue):[A-Za-z0-9]+$/

export type Feature = 'export' | 'create-snapshot' | 'tables-report' | 'glue-database'

/** Each feature's README statements (by Sid). `export` is every step's. */
export const FEATURES: Record<Feature, { statements: string[] }> = {
  export: { statements: ['ExportTasks'] },
  'create-snapshot': { statements: ['CreateSnapshot'] },
  'tables-report': { statements: ['ReadTheExportsMetadataAndFooters', 'ReadTheExportsFiles'] },
  'glue-database': { statements: ['RegisterTheTables'] }
}

/** The step's inputs as a workflow gives them (YAML scalars as text). */
type With = Record<string, unknown>

/**
 * The features a step of the action uses, from its inputs: what its role needs. A step that can
 * see the export COMPLETE (waiting, `mode: wait`, `mode: status`) reads the tables report unless
 * `tables-report: false` (with `auto`, the default, a refusal would be a warning).
 */
export function featuresOf(inputs: With): Feature[] {
  const text = (name: string): string => String(inputs[name] ?? '').toLowerCase()
  const mode = text('mode') || 'start'
  const features: Feature[] = ['export']
  if (mode === 'start' && text('create-snapshot') === 'true') features.push('create-snapshot')
  const seesComplete = mode === 'wait' || mode === 'status' || text('wait') === 'true'
  if (text('glue-database') !== '') features.push('tables-report', 'glue-database')
  else if (seesComplete && text('tables-report') !== 'false') features.push('tables-report')
  return features
}

/** The compared IAM actions of a list of `service:Operation` calls; unknown calls throw. */
export function iamActionsOf(calls: string[]): Set<string> {
  const actions = new Set<string>()
  for (const call of calls) {
    const needed = IAM_ACTIONS[call]
    if (needed === undefined) {
      throw new Error(`${call}: not in IAM_ACTIONS (test/support/iam.ts): which IAM action is it?`)
    }
    for (const action of needed) if (COMPARED.test(action)) actions.add(action)
  }
  return actions
}

interface Statement {
  Sid?: string
  Action: string | string[]
}

/** Every IAM statement with a Sid in a piece of markdown's json code blocks, by Sid. */
export function statementsBySid(markdown: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  for (const match of markdown.matchAll(/```json\n([\s\S]*?)```/g)) {
    const json = JSON.parse(match[1] ?? 'null') as unknown
    const statements = (
      Array.isArray(json) ? json : ((json as { Statement?: unknown[] })?.Statement ?? [])
    ) as Statement[]
    for (const statement of statements) {
      if (!statement.Sid) continue
      const actions = [statement.Action].flat().filter(action => COMPARED.test(action))
      found.set(statement.Sid, new Set(actions))
    }
  }
  return found
}

/** The compared actions of a feature's README statements. */
export function readmeActions(statements: Map<string, Set<string>>, feature: Feature): Set<string> {
  const actions = new Set<string>()
  for (const sid of FEATURES[feature].statements) {
    const granted = statements.get(sid)
    if (!granted) throw new Error(`README: no IAM statement with Sid ${sid}`)
    granted.forEach(action => actions.add(action))
  }
  return actions
}

/**
 * The IAM actions an example names in its header's `# IAM:` paragraph (up to an empty comment
 * line or the first line that is not a comment), of the compared services only.
 */
export function exampleActions(content: string): Set<string> {
  const list = /^# IAM:([\s\S]*?)(?=^#\s*$|^[^#])/m.exec(content)?.[1] ?? ''
  return new Set([...list.matchAll(/\b(?:rds|s3|glue):[A-Za-z0-9]+\b/g)].map(m => m[0]))
}
