// End-to-end: `mode: start` without waiting, through the bundled action (`node dist/index.js`)
// against a fresh local stand-in per test. Asserts what the runner would see (exit code,
// `::error::` line, outputs) and what AWS would see (the stand-in's request log: which calls,
// signed with which credentials, in which order). Every run is scanned for leaked secrets.
import { describe, expect, test } from '@jest/globals'
import type { StandInOptions } from '../test/standin/index.js'
import { ACCOUNT_SEEDS } from '../test/support/accounts.js'
import {
  ACCOUNT,
  BUCKET,
  EXPORT_ROLE,
  KMS_KEY,
  REGION,
  ROLE_TO_ASSUME,
  calls,
  clusterArn,
  clusterSnapshotArn,
  countOf,
  findLeaks,
  rdsCalls,
  runAndRerun,
  runStep,
  snapshotArn,
  startInputs,
  withStandIn
} from '../test/support/e2e.js'
import { E2E_TIMEOUT_MS, e2e, expectFailure, expectSuccess } from '../test/support/e2e-tests.js'

const RUN_ID = '1658821493'

describe('start', () => {
  e2e(
    'assumes the role through OIDC, then starts the export with exactly the inputs, signed with the role key',
    ACCOUNT_SEEDS,
    async standIn => {
      const step = await runStep(
        standIn,
        startInputs({
          'db-snapshot-identifier': 'prod-before-upgrade',
          's3-prefix': '/nightly/postgres/',
          'export-only': 'app.public.orders\napp.public.customers'
        }),
        { runId: RUN_ID }
      )

      expectSuccess(step)
      const id = `prod-before-upgrade-${RUN_ID}`
      expect(step.outputs).toMatchObject({
        'export-task-identifier': id,
        status: 'STARTING',
        's3-bucket': BUCKET,
        's3-prefix': `nightly/postgres/${id}/`,
        's3-uri': `s3://${BUCKET}/nightly/postgres/${id}/`,
        'source-arn': snapshotArn('prod-before-upgrade'),
        'source-type': 'SNAPSHOT',
        'percent-progress': '0',
        'failure-cause': ''
      })
      expect(step.outputs['console-url']).toContain(`region=${REGION}`)

      // A first start from a name: the OIDC token, STS, then StartExportTask, nothing else. The
      // snapshot's ARN comes from the assumed role's account, not from a describe.
      expect(calls(step.requests)).toEqual([
        'oidc:OIDC',
        'sts:AssumeRoleWithWebIdentity',
        'rds:StartExportTask'
      ])
      const [oidc, sts, ...rds] = step.requests
      expect(oidc?.params.audience).toBe('sts.amazonaws.com')
      expect(sts?.params).toMatchObject({
        RoleArn: ROLE_TO_ASSUME,
        RoleSessionName: `rds-export-${RUN_ID}`,
        WebIdentityToken: '<redacted>'
      })
      expect(sts?.status).toBe(200)
      // Every RDS call: one temporary key (ASIA, with its session token), accepted by the
      // stand-in, which knows no ASIA key but those its STS issued.
      const keys = new Set(rds.map(r => r.accessKeyId))
      expect(keys.size).toBe(1)
      expect([...keys][0]).toMatch(/^ASIA[A-Z2-7]{16}$/)
      expect(rds.every(r => r.sessionToken && r.status !== 0 && r.region === REGION)).toBe(true)

      const start = step.requests.at(-1)
      expect(start?.status).toBe(200)
      expect(start?.params).toEqual({
        Action: 'StartExportTask',
        Version: '2014-10-31',
        ExportTaskIdentifier: id,
        SourceArn: snapshotArn('prod-before-upgrade'),
        S3BucketName: BUCKET,
        S3Prefix: 'nightly/postgres',
        IamRoleArn: EXPORT_ROLE,
        KmsKeyId: KMS_KEY,
        'ExportOnly.member.1': 'app.public.orders',
        'ExportOnly.member.2': 'app.public.customers'
      })
      expect(standIn.task(id)).toMatchObject({ S3Bucket: BUCKET, Status: 'STARTING' })
      expect(step.log).toContain(`Started export task '${id}'`)
      expect(step.summary).toContain(id)
    }
  )

  e2e(
    'a re-run of the same workflow run adopts its task instead of starting a second one',
    ACCOUNT_SEEDS,
    async standIn => {
      const { first, rerun } = await runAndRerun(
        standIn,
        startInputs({ 'db-instance-identifier': 'prod' }),
        RUN_ID
      )

      expect([first.exitCode, rerun.exitCode]).toEqual([0, 0])
      expect(rerun.errors).toEqual([])
      expect(rerun.outputs['export-task-identifier']).toBe(first.outputs['export-task-identifier'])
      expect(rerun.outputs['s3-uri']).toBe(first.outputs['s3-uri'])
      expect(rerun.log).toMatch(/Adopted existing export task 'prod-1658821493'/)
      expect(countOf(first.requests, 'StartExportTask')).toBe(1)
      // The re-run's start is refused (the task exists), and then the task is described.
      const rerunStarts = rerun.requests.filter(r => r.action === 'StartExportTask')
      expect(rerunStarts.map(r => r.code)).toEqual(['ExportTaskAlreadyExists'])
      expect(standIn.tasks()).toHaveLength(1)
    }
  )

  e2e(
    'the same identifier with another bucket is a conflict naming the identifier and the bucket',
    ACCOUNT_SEEDS,
    async standIn => {
      const id = 'nightly-prod-export'
      const first = await runStep(
        standIn,
        startInputs({ 'db-instance-identifier': 'prod', 'export-task-identifier': id })
      )
      const other = await runStep(
        standIn,
        startInputs({
          'db-instance-identifier': 'prod',
          'export-task-identifier': id,
          's3-bucket-name': 'some-other-bucket'
        })
      )

      expect(first.exitCode).toBe(0)
      expectFailure(other, id, /bucket/i, 'some-other-bucket')
      const refused = other.requests.filter(r => r.action === 'StartExportTask')
      expect(refused.map(r => r.code)).toEqual(['ExportTaskAlreadyExists'])
      expect(standIn.tasks()).toHaveLength(1)
      expect(standIn.task(id)?.S3Bucket).toBe(BUCKET)
    }
  )

  // The newest *available* snapshot of the instance: not the newer one still being created,
  // not the newest of another instance.
  test.concurrent.each([
    ['db-instance-identifier', 'prod', 'any', snapshotArn('rds:prod-2026-11-24-03-10')],
    ['db-instance-identifier', 'prod', 'manual', snapshotArn('prod-before-upgrade')],
    ['db-cluster-identifier', 'aurora', 'any', clusterSnapshotArn('aurora-weekly')],
    [
      'db-cluster-identifier',
      'aurora',
      'automated',
      clusterSnapshotArn('rds:aurora-2026-11-23-03-10')
    ]
  ])(
    'newest snapshot: %s %s with snapshot-type %s exports %s',
    (input, name, snapshotType, expectedArn) =>
      withStandIn(ACCOUNT_SEEDS, async standIn => {
        const step = await runStep(
          standIn,
          startInputs({ [input]: name, 'snapshot-type': snapshotType })
        )
        expectSuccess(step)
        const start = step.requests.find(r => r.action === 'StartExportTask')
        expect(start?.params.SourceArn).toBe(expectedArn)
        expect(step.outputs['source-arn']).toBe(expectedArn)
        expect(step.outputs['source-type']).toBe('SNAPSHOT')
      }),
    E2E_TIMEOUT_MS
  )

  // Each of the five source inputs, with each kind of source-arn.
  test.concurrent.each([
    ['source-arn', snapshotArn('prod-before-upgrade'), 'SNAPSHOT', /^prod-before-upgrade-/],
    ['source-arn', clusterSnapshotArn('aurora-weekly'), 'SNAPSHOT', /^aurora-weekly-/],
    ['source-arn', clusterArn('aurora'), 'CLUSTER', /^aurora-/],
    ['db-snapshot-identifier', 'prod-before-upgrade', 'SNAPSHOT', /^prod-before-upgrade-/],
    ['db-snapshot-identifier', 'rds:prod-2026-11-22-03-10', 'SNAPSHOT', /^rds-prod-2026-11-22/],
    ['db-cluster-snapshot-identifier', 'aurora-weekly', 'SNAPSHOT', /^aurora-weekly-/],
    ['db-cluster-snapshot-identifier', 'rds:aurora-2026-11-23-03-10', 'SNAPSHOT', /^rds-aurora-/],
    ['db-cluster-identifier', 'aurora', 'SNAPSHOT', /^aurora-/]
  ])(
    'source: %s %s (%s)',
    (input, value, sourceType, identifierPattern) =>
      withStandIn(ACCOUNT_SEEDS, async standIn => {
        const step = await runStep(standIn, startInputs({ [input]: value }), { runId: RUN_ID })
        expectSuccess(step)

        const expectedArn = {
          'source-arn': value,
          'db-snapshot-identifier': snapshotArn(value),
          'db-cluster-snapshot-identifier': clusterSnapshotArn(value),
          'db-cluster-identifier': clusterSnapshotArn('aurora-weekly')
        }[input]
        const starts = step.requests.filter(r => r.action === 'StartExportTask')
        expect(starts).toHaveLength(1)
        expect(starts[0]?.status).toBe(200)
        expect(starts[0]?.params.SourceArn).toBe(expectedArn)

        const id = step.outputs['export-task-identifier'] ?? ''
        expect(id).toMatch(identifierPattern)
        expect(id).toMatch(/^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,59}$/)
        expect(id.endsWith(`-${RUN_ID}`)).toBe(true)
        expect(starts[0]?.params.ExportTaskIdentifier).toBe(id)
        expect(step.outputs['source-arn']).toBe(expectedArn)
        expect(step.outputs['source-type']).toBe(sourceType)
        expect(standIn.task(id)?.SourceType).toBe(sourceType)
      }),
    E2E_TIMEOUT_MS
  )

  e2e(
    're-run attempt 2 after the generated identifier’s task FAILED starts a new one with a suffix',
    {
      ...ACCOUNT_SEEDS,
      tasks: [
        {
          identifier: `prod-${RUN_ID}`,
          sourceArn: snapshotArn('rds:prod-2026-11-24-03-10'),
          s3Bucket: BUCKET,
          status: 'FAILED',
          failureCause: 'KMS key check failed'
        }
      ]
    },
    async standIn => {
      const step = await runStep(standIn, startInputs({ 'db-instance-identifier': 'prod' }), {
        runId: RUN_ID,
        runAttempt: '2'
      })
      expectSuccess(step)
      const id = step.outputs['export-task-identifier'] ?? ''
      expect(id).toMatch(new RegExp(`^prod-${RUN_ID}-a2$`))
      const starts = step.requests.filter(r => r.action === 'StartExportTask')
      // The plain identifier is refused (its task FAILED), then the suffixed one starts.
      expect(starts.map(r => [r.params.ExportTaskIdentifier, r.status])).toEqual([
        [`prod-${RUN_ID}`, 400],
        [id, 200]
      ])
      expect(standIn.task(`prod-${RUN_ID}`)?.Status).toBe('FAILED')
    }
  )

  e2e(
    'the region comes from the source ARN, over AWS_REGION: every call is signed for it',
    {
      ...ACCOUNT_SEEDS,
      snapshots: [{ identifier: 'dr-copy', instanceIdentifier: 'prod', region: 'eu-west-1' }]
    },
    async standIn => {
      const arn = `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:dr-copy`
      // The key must be in the source's region too (KMS keys don't cross regions).
      const key = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`
      const step = await runStep(standIn, startInputs({ 'source-arn': arn, 'kms-key-id': key }))
      expectSuccess(step)
      const rds = rdsCalls(step.requests)
      expect(rds.map(r => r.region)).toEqual(rds.map(() => 'eu-west-1'))
      expect(step.outputs['console-url']).toContain('region=eu-west-1')
      expect(standIn.tasks()[0]?.SourceArn).toBe(arn)
    }
  )

  e2e(
    'without role-to-assume, the default credential chain signs with the static key; no OIDC, no STS',
    ACCOUNT_SEEDS,
    async standIn => {
      const env = standIn.env({ staticKeys: true })
      const inputs = startInputs({ 'db-instance-identifier': 'shop' })
      delete inputs['role-to-assume']
      const step = await runStep(standIn, inputs, { staticKeys: true })

      expectSuccess(step)
      expect(step.requests.filter(r => r.service !== 'rds')).toEqual([])
      expect(countOf(step.requests, 'StartExportTask')).toBe(1)
      expect(step.requests.length).toBeGreaterThan(1)
      for (const r of step.requests) {
        expect(r).toMatchObject({ accessKeyId: env.AWS_ACCESS_KEY_ID, sessionToken: false })
        // Accepted: the only 404 is the identifier not existing yet.
        expect(r.status === 200 || r.code === 'ExportTaskNotFound').toBe(true)
      }
      expect(step.outputs['source-arn']).toBe(snapshotArn('shop-nightly'))
    }
  )

  e2e(
    'export-only that does not fit the engine is refused after the snapshot lookup, before StartExportTask',
    ACCOUNT_SEEDS,
    async standIn => {
      const step = await runStep(
        standIn,
        startInputs({ 'db-instance-identifier': 'shop', 'export-only': 'shop.public.orders' })
      )
      expectFailure(step, "'export-only'", /mysql/i)
      expect(countOf(step.requests, 'StartExportTask')).toBe(0)
      expect(rdsCalls(step.requests).map(r => r.action)).toContain('DescribeDBSnapshots')
    }
  )
})

// The scanner every run goes through must be able to fail.
describe('the secret scan', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
  const clean = { log: 'Started export task\n', outputs: { status: 'COMPLETE' }, summary: '# ok' }

  test('passes a clean step and a secret handed to the runner on an ::add-mask:: line', () => {
    expect(findLeaks(clean, [secret])).toEqual([])
    expect(findLeaks({ ...clean, log: `::add-mask::${secret}\nok\n` }, [secret])).toEqual([])
  })

  test('finds a secret in the log, in an output and in the summary, without repeating it', () => {
    const leaks = findLeaks(
      {
        log: `::add-mask::${secret}\n::debug::token=${secret}\n`,
        outputs: { 'failure-cause': `key ${secret}` },
        summary: `| key | ${secret} |`
      },
      ['short', secret]
    )
    expect(leaks).toEqual([
      expect.stringMatching(/^log line 2: secret sha256:[0-9a-f]{12}$/),
      expect.stringMatching(/^output failure-cause: /),
      expect.stringMatching(/^step summary: /)
    ])
    expect(leaks.join('\n')).not.toContain(secret)
  })
})

// Bad input is refused before anything changes: one `::error::` line naming the input, exit 1,
// no StartExportTask; for all but the last rows, no request to any service at all.
describe('bad inputs', () => {
  const prod = { 'db-instance-identifier': 'prod' }
  const base = startInputs(prod)
  const without = (name: string): Record<string, string> => {
    const inputs = { ...base }
    delete inputs[name]
    return inputs
  }
  test.concurrent.each<[string, string, Record<string, string>, Record<string, string>?]>([
    [
      's3-bucket-name',
      'an s3:// URI',
      { ...base, 's3-bucket-name': 's3://acme-db-exports/nightly' }
    ],
    ['s3-bucket-name', 'missing', without('s3-bucket-name')],
    ['s3-bucket-name', 'upper case and _', { ...base, 's3-bucket-name': 'Acme_Exports' }],
    ['s3-prefix', 'with a colon', { ...base, 's3-prefix': 'nightly:postgres' }],
    ['iam-role-arn', 'missing', without('iam-role-arn')],
    ['iam-role-arn', 'a name, not an ARN', { ...base, 'iam-role-arn': 'rds-s3-export' }],
    ['kms-key-id', 'missing', without('kms-key-id')],
    ['kms-key-id', 'not a key', { ...base, 'kms-key-id': 'my key' }],
    ['export-only', 'four parts', { ...base, 'export-only': 'app.public.orders.extra' }],
    ['export-task-identifier', 'with --', { ...base, 'export-task-identifier': 'nightly--export' }],
    [
      'export-task-identifier',
      'starting with a digit',
      { ...base, 'export-task-identifier': '2026-export' }
    ],
    [
      'source-arn',
      'an instance ARN',
      startInputs({ 'source-arn': `arn:aws:rds:${REGION}:${ACCOUNT}:db:prod` })
    ],
    ['source-arn', 'an S3 ARN', startInputs({ 'source-arn': 'arn:aws:s3:::acme-db-exports' })],
    [
      'db-instance-identifier',
      'two sources',
      { ...base, 'db-snapshot-identifier': 'prod-before-upgrade' }
    ],
    ['source', 'no source', startInputs()],
    ['snapshot-type', 'unknown', { ...base, 'snapshot-type': 'weekly' }],
    ['mode', 'unknown', { ...base, mode: 'stop' }],
    ['export-task-identifier', 'missing with mode: wait', { mode: 'wait' }],
    ['if-exists', 'unknown', { ...base, 'if-exists': 'replace' }],
    ['max-concurrent-exports', 'zero', { ...base, 'max-concurrent-exports': '0' }],
    ['aws-region', 'malformed', { ...base, 'aws-region': 'us-east' }],
    [
      'aws-region',
      'disagreeing with the ARN',
      startInputs({
        'source-arn': `arn:aws:rds:eu-west-1:${ACCOUNT}:snapshot:prod-before-upgrade`,
        'aws-region': 'us-east-1'
      })
    ],
    ['role-to-assume', 'a name, not an ARN', { ...base, 'role-to-assume': 'github-rds-export' }],
    ['role-session-name', 'too short', { ...base, 'role-session-name': 'x' }],
    ['role-duration-seconds', 'under 900', { ...base, 'role-duration-seconds': '600' }],
    ['wait', 'yes (YAML 1.1)', { ...base, wait: 'yes' }],
    [
      'wait-timeout-minutes',
      'with a unit',
      { ...base, wait: 'true', 'wait-timeout-minutes': '10m' }
    ],
    ['wait-timeout-minutes', 'zero', { ...base, wait: 'true', 'wait-timeout-minutes': '0' }],
    ['on-timeout', 'unknown', { ...base, wait: 'true', 'on-timeout': 'abort' }],
    ['poll-interval-seconds', 'under 5', { ...base, wait: 'true', 'poll-interval-seconds': '2' }],
    ['cancel-on-abort', 'on (YAML 1.1)', { ...base, 'cancel-on-abort': 'on' }],
    ['fail-on-warning', '1', { ...base, 'fail-on-warning': '1' }],
    ['summary', 'no', { ...base, summary: 'no' }],
    // The job lacks `permissions: id-token: write`: no OIDC variables.
    [
      'role-to-assume',
      'without id-token: write',
      base,
      { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
    ]
  ])(
    '%s: %s',
    (input, _case, inputs, env) =>
      withStandIn(ACCOUNT_SEEDS, async standIn => {
        const step = await runStep(standIn, inputs, { env })
        expectFailure(step, input === 'source' ? 'source' : `'${input}'`)
        expect(step.requests).toEqual([])
        expect(standIn.tasks()).toEqual([])
      }),
    E2E_TIMEOUT_MS
  )
})

// Refusals that only AWS can give: one `::error::` line naming the input or operation, with
// the hint for that error, and nothing started.
describe('refused by AWS', () => {
  test.concurrent.each<[string, Record<string, string>, RegExp[], StandInOptions?]>([
    [
      'an unknown db-snapshot-identifier',
      startInputs({ 'db-snapshot-identifier': 'prod-never-taken' }),
      [/prod-never-taken/, /DBSnapshotNotFound|not found/i]
    ],
    [
      'an instance without available snapshots',
      startInputs({ 'db-instance-identifier': 'legacy' }),
      [/db-instance-identifier/, /legacy/]
    ],
    [
      'a KMS key the caller may not use',
      startInputs({ 'db-snapshot-identifier': 'prod-before-upgrade' }),
      [/StartExportTask/, /kms:CreateGrant/],
      {
        faults: [
          { action: 'StartExportTask', kind: 'error', code: 'KMSKeyNotAccessibleFault', times: 1 }
        ]
      }
    ],
    [
      'a role whose trust policy does not trust this repository',
      startInputs({ 'db-snapshot-identifier': 'prod-before-upgrade' }),
      [/AssumeRoleWithWebIdentity/, /AccessDenied/, /token\.actions\.githubusercontent\.com/],
      { trustedSubjects: ['repo:someone-else/*'] }
    ]
  ])(
    '%s',
    (_case, inputs, patterns, extra) =>
      withStandIn({ ...ACCOUNT_SEEDS, ...extra }, async standIn => {
        const step = await runStep(standIn, inputs)
        expectFailure(step, ...patterns)
        expect(step.errors[0]).not.toMatch(/\n\s+at /) // no stack trace
        expect(standIn.tasks()).toEqual([])
      }),
    E2E_TIMEOUT_MS
  )
})

describe('output-env-credentials: later steps of the job get the assumed credentials', () => {
  const SECRETS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']

  e2e(
    'true: the four variables (and AWS_DEFAULT_REGION) in GITHUB_ENV, each secret masked before anything prints it; a later step uses them',
    ACCOUNT_SEEDS,
    async standIn => {
      const step = await runStep(
        standIn,
        startInputs({
          'db-snapshot-identifier': 'prod-before-upgrade',
          'output-env-credentials': 'true'
        })
      )
      expectSuccess(step)
      const env = step.environment
      expect(Object.keys(env).sort()).toEqual(
        [...SECRETS, 'AWS_DEFAULT_REGION', 'AWS_REGION'].sort()
      )
      expect(env.AWS_REGION).toBe(REGION)
      expect(env.AWS_DEFAULT_REGION).toBe(REGION)
      // The role's credentials, as STS issued them and RDS saw them.
      const signed = rdsCalls(step.requests).map(r => r.accessKeyId)
      expect(new Set(signed)).toEqual(new Set([env.AWS_ACCESS_KEY_ID]))
      expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/)
      const lines = step.log.split(/\r?\n/)
      for (const name of SECRETS) {
        const value = env[name] ?? ''
        expect(value.length).toBeGreaterThan(8)
        if (name !== 'AWS_ACCESS_KEY_ID') expect(standIn.issuedSecrets()).toContain(value)
        // The first line that holds it hands it to the runner to mask; runStep's scan finds
        // none other in the log, the outputs or the summary.
        expect(lines.find(line => line.includes(value))).toBe(`::add-mask::${value}`)
      }

      // A later step of the job: no role-to-assume, the default chain finds the exported keys.
      const later = await runStep(
        standIn,
        { mode: 'status', 'export-task-identifier': step.outputs['export-task-identifier'] ?? '' },
        { env: { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } }
      )
      expectSuccess(later)
      expect(calls(later.requests)).toEqual(['rds:DescribeExportTasks'])
      expect(later.requests[0]?.accessKeyId).toBe(env.AWS_ACCESS_KEY_ID)
      expect(later.environment).toEqual({})
    }
  )

  e2e('false (the default): nothing in the job environment', ACCOUNT_SEEDS, async standIn => {
    const step = await runStep(
      standIn,
      startInputs({ 'db-snapshot-identifier': 'prod-before-upgrade' })
    )
    expectSuccess(step)
    expect(step.environment).toEqual({})
    const explicit = await runStep(
      standIn,
      startInputs({
        'db-snapshot-identifier': 'prod-before-upgrade',
        'output-env-credentials': 'false'
      })
    )
    expectSuccess(explicit)
    expect(explicit.environment).toEqual({})
  })

  e2e(
    'without role-to-assume: a warning, and nothing exported (later steps find the same credentials)',
    ACCOUNT_SEEDS,
    async standIn => {
      const inputs = startInputs({
        'db-snapshot-identifier': 'prod-before-upgrade',
        'output-env-credentials': 'true'
      })
      delete inputs['role-to-assume']
      const step = await runStep(standIn, inputs, { staticKeys: true })
      expectSuccess(step)
      expect(step.warnings).toEqual([
        expect.stringContaining("Input 'output-env-credentials' is ignored without role-to-assume")
      ])
      expect(step.environment).toEqual({})
    }
  )
})
