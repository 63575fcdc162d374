// The router: the real SDK clients find each service through AWS_ENDPOINT_URL alone, requests
// go to the module their protocol names (Query, REST-XML, JSON, OIDC), a module mounted in
// place of a built-in one answers instead, and each service refuses bad credentials its way.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  DescribeExportTasksCommand,
  DescribeDBSnapshotsCommand,
  RDSClient
} from '@aws-sdk/client-rds'
import { GetDatabaseCommand } from '@aws-sdk/client-glue'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromTokenFile, fromWebToken } from '@aws-sdk/credential-providers'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ServiceError,
  startStandIn,
  type ServiceModule,
  type ServiceRequest,
  type StandIn
} from '../../test/standin/index.js'
import { restXmlError } from '../../test/standin/router.js'
import { REGION } from '../../test/support/e2e.js'
import {
  ONE_DATABASE_GLUE,
  ROLE,
  SEEDS,
  glueClient,
  envRestorer,
  expectError,
  oidcToken,
  staticKey
} from '../../test/support/standin.js'

afterEach(envRestorer())

describe('routing through AWS_ENDPOINT_URL alone', () => {
  let standIn: StandIn
  beforeAll(async () => (standIn = await startStandIn(SEEDS)))
  afterAll(() => standIn.close())

  test('RDS and the STS client inside fromWebToken both reach the stand-in', async () => {
    process.env.AWS_ENDPOINT_URL = standIn.url
    const webIdentityToken = await oidcToken(standIn)
    // No endpoint anywhere: only the environment variable points the SDK here.
    const rds = new RDSClient({
      region: REGION,
      maxAttempts: 1,
      credentials: fromWebToken({
        roleArn: ROLE,
        webIdentityToken,
        clientConfig: { region: REGION }
      })
    })
    const answer = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'prod' }))
    expect(answer.DBSnapshots?.length).toBe(4)
    const sts = standIn.requests.filter(r => r.service === 'sts')
    expect(sts.map(r => [r.action, r.status])).toEqual([['AssumeRoleWithWebIdentity', 200]])
    expect(sts[0]?.params.WebIdentityToken).toBe('<redacted>')
    const last = standIn.requests.at(-1)
    expect(last).toMatchObject({ service: 'rds', action: 'DescribeDBSnapshots', status: 200 })
    expect(last?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(last?.sessionToken).toBe(true)
    expect(standIn.issuedSecrets()).toContain(webIdentityToken)
  })

  test('fromTokenFile (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN) also assumes through the stand-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-'))
    try {
      writeFileSync(join(dir, 'token'), await oidcToken(standIn))
      Object.assign(process.env, {
        AWS_ENDPOINT_URL: standIn.url,
        AWS_REGION: REGION,
        AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'),
        AWS_ROLE_ARN: ROLE,
        AWS_ROLE_SESSION_NAME: 'from-file'
      })
      const before = standIn.requests.length
      const rds = new RDSClient({ maxAttempts: 1, credentials: fromTokenFile() })
      await rds.send(new DescribeExportTasksCommand({}))
      expect(
        standIn.requests.slice(before).map(r => `${r.service}:${r.action}:${r.status}`)
      ).toEqual(['sts:AssumeRoleWithWebIdentity:200', 'rds:DescribeExportTasks:200'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the default credential chain with env({ staticKeys: true }) reaches the stand-in', async () => {
    Object.assign(process.env, standIn.env({ staticKeys: true }))
    const before = standIn.requests.length
    await new RDSClient({ maxAttempts: 1 }).send(new DescribeExportTasksCommand({}))
    expect(standIn.requests.slice(before)).toMatchObject([
      { service: 'rds', status: 200, accessKeyId: process.env.AWS_ACCESS_KEY_ID, region: REGION }
    ])
  })

  test('AWS_ENDPOINT_URL_RDS wins over AWS_ENDPOINT_URL for RDS', async () => {
    const other = await startStandIn({
      ...SEEDS,
      staticCredentials: [{ accessKeyId: 'AKIAOTHERSTANDIN0001', secretAccessKey: 'other-secret' }]
    })
    try {
      process.env.AWS_ENDPOINT_URL = standIn.url
      process.env.AWS_ENDPOINT_URL_RDS = other.url
      const rds = new RDSClient({
        region: REGION,
        maxAttempts: 1,
        credentials: { accessKeyId: 'AKIAOTHERSTANDIN0001', secretAccessKey: 'other-secret' }
      })
      await rds.send(new DescribeExportTasksCommand({}))
      expect(other.requests.map(r => r.action)).toEqual(['DescribeExportTasks'])
    } finally {
      await other.close()
    }
  })
})

/** An S3 module of a few lines: GetObject echoes the key, ListObjectsV2 lists one object. */
function echoS3(seen: ServiceRequest[]): ServiceModule {
  return {
    service: 's3',
    action: request => (request.url.searchParams.has('list-type') ? 'ListObjectsV2' : 'GetObject'),
    handle(request, action) {
      seen.push(request)
      const [, bucket = '', ...key] = request.url.pathname.split('/')
      if (bucket !== 'acme-db-exports') {
        throw new ServiceError('NoSuchBucket', 404, 'The specified bucket does not exist')
      }
      const body =
        action === 'GetObject'
          ? `object ${decodeURIComponent(key.join('/'))}`
          : '<ListBucketResult><Name>acme-db-exports</Name><KeyCount>1</KeyCount>' +
            '<Contents><Key>a.parquet</Key><Size>3</Size></Contents></ListBucketResult>'
      return { status: 200, headers: { 'content-type': 'application/xml' }, body }
    },
    error: restXmlError
  }
}

describe('S3 (REST-XML) and Glue (JSON) modules', () => {
  const s3Of = (standIn: StandIn, credentials = staticKey(standIn)): S3Client =>
    new S3Client({ region: REGION, endpoint: standIn.url, maxAttempts: 1, credentials })

  test('a module mounted in place of the stand-in’s: signed requests reach it, keys with any character, path-style', async () => {
    const seen: ServiceRequest[] = []
    const standIn = await startStandIn({ services: [echoS3(seen)] })
    try {
      standIn.mount(() => ONE_DATABASE_GLUE)
      const s3 = s3Of(standIn)
      const key = 'exports/my table/ä+b=c&d (1).parquet'
      const object = await s3.send(new GetObjectCommand({ Bucket: 'acme-db-exports', Key: key }))
      expect(await object.Body?.transformToString()).toBe(`object ${key}`)
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: 'acme-db-exports', Prefix: 'exports/my table/' })
      )
      expect(listed.Contents?.map(c => c.Key)).toEqual(['a.parquet'])
      expect(seen.map(r => r.url.pathname)).toEqual([
        '/acme-db-exports/exports/my%20table/%C3%A4%2Bb%3Dc%26d%20%281%29.parquet',
        '/acme-db-exports/'
      ])
      expect(seen[1]?.url.searchParams.get('prefix')).toBe('exports/my table/')
      expect(seen[0]?.caller).toMatchObject({ accessKeyId: staticKey(standIn).accessKeyId })
      const database = await glueClient(standIn).send(new GetDatabaseCommand({ Name: 'exports' }))
      expect(database.Database?.Name).toBe('exports')
      expect(standIn.requests.map(r => `${r.service}:${r.action}:${r.status}`)).toEqual([
        's3:GetObject:200',
        's3:ListObjectsV2:200',
        'glue:GetDatabase:200'
      ])
      await expectError(
        s3.send(new GetObjectCommand({ Bucket: 'other-bucket', Key: 'x' })),
        'NoSuchBucket',
        404
      )
      await expectError(
        glueClient(standIn).send(new GetDatabaseCommand({ Name: 'nope' })),
        'EntityNotFoundException',
        400
      )
    } finally {
      await standIn.close()
    }
  })

  test('each refuses bad credentials in its own words', async () => {
    const standIn = await startStandIn({ services: [echoS3([]), ONE_DATABASE_GLUE] })
    try {
      const unknown = { accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'x' }
      const wrongSecret = { ...staticKey(standIn), secretAccessKey: 'wrong' }
      const get = (): GetObjectCommand =>
        new GetObjectCommand({ Bucket: 'acme-db-exports', Key: 'a' })
      const database = (): GetDatabaseCommand => new GetDatabaseCommand({ Name: 'exports' })
      await expectError(s3Of(standIn, unknown).send(get()), 'InvalidAccessKeyId', 403)
      await expectError(s3Of(standIn, wrongSecret).send(get()), 'SignatureDoesNotMatch', 403)
      await expectError(
        glueClient(standIn, unknown).send(database()),
        'UnrecognizedClientException',
        400
      )
      await expectError(
        glueClient(standIn, wrongSecret).send(database()),
        'InvalidSignatureException',
        400
      )
      const assumed = await fromWebToken({
        roleArn: ROLE,
        webIdentityToken: await oidcToken(standIn),
        clientConfig: { region: REGION, endpoint: standIn.url }
      })()
      standIn.advance(3601)
      await expectError(s3Of(standIn, assumed).send(get()), 'ExpiredToken', 400)
      await expectError(glueClient(standIn, assumed).send(database()), 'ExpiredTokenException', 400)
    } finally {
      await standIn.close()
    }
  })

  test('S3 wants x-amz-content-sha256, and the body it names', async () => {
    const standIn = await startStandIn({ services: [echoS3([])] })
    try {
      const s3 = s3Of(standIn)
      s3.middlewareStack.add(
        next => args => {
          const request = args.request as { headers: Record<string, string> }
          request.headers['x-amz-content-sha256'] = 'ab'.repeat(32)
          return next(args)
        },
        { step: 'build' }
      )
      const get = new GetObjectCommand({ Bucket: 'acme-db-exports', Key: 'a' })
      await expectError(s3.send(get), 'XAmzContentSHA256Mismatch', 400)
    } finally {
      await standIn.close()
    }
  })
})

describe('requests no rule fits', () => {
  test('get the Query InvalidAction, with no fault or latency taken', async () => {
    const standIn = await startStandIn({ faults: [{ kind: 'http500', times: 1 }] })
    try {
      const answers = await Promise.all([
        fetch(`${standIn.url}/nothing-here`),
        fetch(standIn.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'Version=2014-10-31'
        })
      ])
      for (const answer of answers) {
        expect(answer.status).toBe(400)
        expect(await answer.text()).toContain('<Code>InvalidAction</Code>')
      }
      expect(standIn.requests.map(r => [r.service, r.status, r.fault])).toEqual([
        ['unknown', 400, undefined],
        ['unknown', 400, undefined]
      ])
      // The fault is still there for a request a service answers.
      await expectError(
        new RDSClient({
          region: REGION,
          endpoint: standIn.url,
          maxAttempts: 1,
          credentials: staticKey(standIn)
        }).send(new DescribeExportTasksCommand({})),
        'InternalFailure',
        500
      )
    } finally {
      await standIn.close()
    }
  })
})
