// Shared by the stand-in's own tests (__tests__/standin/): an account to seed it with, real SDK
// clients pointed at it, and the few moves every test makes (an OIDC token, an expected error).
import { afterAll, beforeAll, expect } from '@jest/globals'
import { GlueClient } from '@aws-sdk/client-glue'
import { RDSClient, type StartExportTaskCommandInput } from '@aws-sdk/client-rds'
import { fromWebToken } from '@aws-sdk/credential-providers'
import {
  ServiceError,
  startStandIn,
  type ServiceModule,
  type StandIn,
  type StandInOptions
} from '../standin/index.js'
import { jsonError } from '../standin/router.js'
import { ACCOUNT, REGION } from './e2e.js'

/** The role a workflow assumes in these tests. */
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-exporter`

/** Snapshots of a PostgreSQL instance (prod, two automated, one manual, one being created), a
 * MySQL one (shop), one in another region, and an Aurora cluster with two cluster snapshots. */
export const SEEDS: StandInOptions = {
  snapshots: [
    {
      identifier: 'rds:prod-2026-11-24-03-10',
      instanceIdentifier: 'prod',
      createTime: '2026-11-24T03:10:00Z'
    },
    {
      identifier: 'rds:prod-2026-11-25-03-10',
      instanceIdentifier: 'prod',
      createTime: '2026-11-25T03:10:00Z'
    },
    {
      identifier: 'prod-before-upgrade',
      instanceIdentifier: 'prod',
      createTime: '2026-11-20T12:00:00Z'
    },
    { identifier: 'prod-creating', instanceIdentifier: 'prod', status: 'creating' },
    { identifier: 'shop-manual', instanceIdentifier: 'shop', engine: 'mysql' },
    { identifier: 'west-snap', instanceIdentifier: 'prod', region: 'us-west-2' }
  ],
  clusterSnapshots: [
    {
      identifier: 'rds:aurora-2026-11-25-04-00',
      clusterIdentifier: 'aurora',
      createTime: '2026-11-25T04:00:00Z'
    },
    { identifier: 'aurora-manual', clusterIdentifier: 'aurora', engine: 'aurora-mysql' }
  ],
  clusters: [{ identifier: 'aurora' }]
}

/** A JWT from the stand-in's OIDC endpoint, fetched as the runner's toolkit fetches it. */
export async function oidcToken(standIn: StandIn, audience = 'sts.amazonaws.com'): Promise<string> {
  const env = standIn.env()
  const response = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
    headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { value: string }).value
}

/** The stand-in's static key, as an SDK credentials object. */
export function staticKey(standIn: StandIn): { accessKeyId: string; secretAccessKey: string } {
  const env = standIn.env({ staticKeys: true })
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY as string
  }
}

/** An RDS client with static keys and an explicit endpoint; no retries unless asked. */
export function staticClient(standIn: StandIn, maxAttempts = 1): RDSClient {
  return new RDSClient({
    region: REGION,
    endpoint: standIn.url,
    maxAttempts,
    credentials: staticKey(standIn)
  })
}

/**
 * One stand-in for the tests of a describe block, started before them and closed after, with
 * `rds`, a static-key client to it. Its fields are set in beforeAll: read them inside tests.
 */
export function blockStandIn(options: StandInOptions = {}): { standIn: StandIn; rds: RDSClient } {
  const block = {} as { standIn: StandIn; rds: RDSClient }
  beforeAll(async () => {
    block.standIn = await startStandIn(options)
    block.rds = staticClient(block.standIn)
  })
  afterAll(() => block.standIn.close())
  return block
}

/** A Glue client like staticClient's RDS one; credentials of choice. */
export function glueClient(standIn: StandIn, credentials = staticKey(standIn)): GlueClient {
  return new GlueClient({ region: REGION, endpoint: standIn.url, maxAttempts: 1, credentials })
}

/** A Glue module of a few lines (JSON protocol) that knows one database, `exports`. */
export const ONE_DATABASE_GLUE: ServiceModule = {
  service: 'glue',
  action: request => String(request.headers['x-amz-target']).replace('AWSGlue.', ''),
  handle(request) {
    const { Name } = JSON.parse(request.body.toString()) as { Name: string }
    if (Name !== 'exports') throw new ServiceError('EntityNotFoundException', 400, 'no database')
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ Database: { Name, CatalogId: '123456789012' } })
    }
  },
  error: jsonError
}

/** Credentials assumed through the stand-in's STS with one of its OIDC tokens. */
export async function assumedCredentials(
  standIn: StandIn,
  roleSessionName?: string
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }> {
  return fromWebToken({
    roleArn: ROLE,
    roleSessionName,
    webIdentityToken: await oidcToken(standIn),
    clientConfig: { region: REGION, endpoint: standIn.url, maxAttempts: 1 }
  })()
}

/** StartExportTask of `sourceArn` to a bucket, with a prefix. */
export function exportOf(identifier: string, sourceArn: string): StartExportTaskCommandInput {
  return {
    ExportTaskIdentifier: identifier,
    SourceArn: sourceArn,
    S3BucketName: 'analytics-exports',
    S3Prefix: 'rds',
    IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-s3-export`,
    KmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
  }
}

export interface SdkError {
  name: string
  message: string
  $metadata: { httpStatusCode?: number }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (error) {
    return error as SdkError
  }
  throw new Error('expected the call to fail')
}

/** The call fails with this SDK error name and HTTP status; the error, for more checks. */
export async function expectError(
  promise: Promise<unknown>,
  name: string,
  status?: number
): Promise<SdkError> {
  const error = await failure(promise)
  if (status === undefined) expect(error.name).toBe(name)
  else expect([error.name, error.$metadata.httpStatusCode]).toEqual([name, status])
  return error
}

/** Restores process.env after a test that points the SDK at a stand-in through it. */
export function envRestorer(): () => void {
  const saved = { ...process.env }
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
  }
}
