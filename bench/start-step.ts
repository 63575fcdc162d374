// Start-step benchmark: the wall time of `node dist/index.js` starting an export against the
// stand-in with role-to-assume, and the requests it makes, for the source forms (an ARN, a
// name, the newest snapshot of an instance, a snapshot taken now), against baselines run in the
// same rounds: getting credentials the way aws-actions/configure-aws-credentials does
// (bench/fixtures/configure-aws-credentials, the target), the fewest requests that can start an
// export (bench/fixtures/start-minimal.ts), and the least any bundle can do to get credentials
// (bench/fixtures/get-credentials.ts); and the action built minified, for what shipping dist/
// readable costs. Each run gets a fresh stand-in, so every run starts from
// the same state. The rounds run on loopback (CPU only), then again with the stand-in delaying
// its answers as a network would, where the round trips start to count.
import { startStandIn, type StandInOptions } from '../test/standin/index.js'
import { actionBuild, buildConfigureAwsCredentials } from './build.js'
import { median, ms, quantile } from './measure.js'
import { FRESH_SNAPSHOT_SECONDS } from './round-trips.js'
import {
  ACCOUNT,
  DESTINATION,
  describeRequest,
  runStep,
  snapshotArn,
  type StepRun
} from './step.js'

interface Variant {
  label: string
  entry: string
  inputs: (runId: string) => Record<string, string>
  /** What a successful run leaves in the outputs, when it sets any. */
  expectStatus?: string
  expectAccount?: boolean
}

/** One network model's medians, by variant. */
export interface ModelMedians {
  label: string
  /** undefined: loopback. */
  latencyMs?: Latency
  sourceArnMs: number
  snapshotNameMs: number
  newestMs: number
  freshSnapshotMs: number
  fewestMs: number
  credentialsMs: number
  /** source-arn with the action built minified. */
  minifiedMs: number
}

export interface StartStepResult {
  markdown: string
  /** Loopback first, then each network model. */
  models: ModelMedians[]
}

const SNAPSHOT = 'nightly-2026-11-24'

type Latency = NonNullable<StandInOptions['latencyMs']>

/**
 * Round numbers, not measurements (AWS can't be reached from here): what each answer might take
 * from a hosted runner, network and service time together. The token service and STS are slower
 * than a describe (STS checks the token against GitHub's keys).
 */
const LATENCY_MODELS: { label: string; latencyMs: Latency }[] = [
  { label: '20 ms (OIDC token, STS and RDS alike)', latencyMs: { oidc: 20, sts: 20, rds: 20 } },
  {
    label: '100 ms for the OIDC token and for STS, 50 ms for RDS',
    latencyMs: { oidc: 100, sts: 100, rds: 50 }
  }
]

/** The variants' indexes. */
const SOURCE_ARN = 0
const SNAPSHOT_NAME = 1
const NEWEST = 2
const FRESH = 3
const FEWEST = 4
const BASELINE = 5
const MINIFIED = 7

let runId = 7_300_000_000 + Math.floor(Math.random() * 1_000_000) * 100

const standInOptions = (): StandInOptions => ({
  instances: [{ identifier: 'prod' }],
  snapshots: [
    {
      identifier: 'nightly-2026-11-23',
      instanceIdentifier: 'prod',
      createTime: '2026-11-23T03:10:00Z'
    },
    { identifier: SNAPSHOT, instanceIdentifier: 'prod', createTime: '2026-11-24T03:10:00Z' }
  ],
  // A snapshot taken now (create-snapshot) is available after this many seconds.
  snapshotTimeline: { creatingSeconds: FRESH_SNAPSHOT_SECONDS },
  // Exports outlast the step: it only starts them.
  timeline: { startingSeconds: 600, inProgressSeconds: 600 }
})

export async function runStartStepBench(distEntry: string, runs: number): Promise<StartStepResult> {
  const minimal = actionBuild('start-minimal', 'bench/fixtures/start-minimal.ts')
  const floor = actionBuild('get-credentials', 'bench/fixtures/get-credentials.ts')
  const minified = actionBuild('dist-minified', 'src/index.ts', { minify: true })
  const configureAwsCredentials = buildConfigureAwsCredentials()
  const variants: Variant[] = [
    {
      label: 'action, source-arn',
      entry: distEntry,
      inputs: () => ({ ...DESTINATION, 'source-arn': snapshotArn(SNAPSHOT) }),
      expectStatus: 'STARTING'
    },
    {
      label: 'action, db-snapshot-identifier',
      entry: distEntry,
      inputs: () => ({ ...DESTINATION, 'db-snapshot-identifier': SNAPSHOT }),
      expectStatus: 'STARTING'
    },
    {
      label: 'action, db-instance-identifier (newest snapshot)',
      entry: distEntry,
      inputs: () => ({ ...DESTINATION, 'db-instance-identifier': 'prod' }),
      expectStatus: 'STARTING'
    },
    {
      label: `action, fresh snapshot (create-snapshot, ${FRESH_SNAPSHOT_SECONDS} s creating)`,
      entry: distEntry,
      inputs: () => ({
        ...DESTINATION,
        'db-instance-identifier': 'prod',
        'create-snapshot': 'true'
      }),
      expectStatus: 'STARTING'
    },
    {
      label: 'fewest requests: OIDC, STS, StartExportTask',
      entry: minimal,
      inputs: runId => ({
        ...DESTINATION,
        'source-arn': snapshotArn(SNAPSHOT),
        'export-task-identifier': `bench-${runId}`
      }),
      expectStatus: 'STARTING'
    },
    {
      label: 'configure-aws-credentials baseline: OIDC, STS, GetCallerIdentity',
      entry: configureAwsCredentials,
      inputs: () => ({ ...DESTINATION }),
      expectAccount: true
    },
    {
      label: 'credentials floor: OIDC, STS (minimal ES module bundle, built like dist/)',
      entry: floor,
      inputs: () => ({ ...DESTINATION })
    },
    {
      label: 'action, source-arn, built minified',
      entry: minified,
      inputs: () => ({ ...DESTINATION, 'source-arn': snapshotArn(SNAPSHOT) }),
      expectStatus: 'STARTING'
    }
  ]

  const problems: string[] = []
  const lines: string[] = []
  const models: ModelMedians[] = []
  const table = (label: string, samples: StepRun[][], latencyMs?: Latency): void => {
    const baseline = median(samples[BASELINE]!.map(s => s.wallMs))
    const fewest = median(samples[FEWEST]!.map(s => s.wallMs))
    const versus = (m: number, base: number): string =>
      `${signed(m - base, ms)} (${signed((100 * (m - base)) / base, percent)})`
    lines.push(
      '| step | requests | wall median | p90 | vs configure-aws-credentials | vs fewest requests |',
      '| --- | ---: | ---: | ---: | ---: | ---: |'
    )
    const medians = variants.map((v, i) => {
      const wall = samples[i]!.map(s => s.wallMs)
      const m = median(wall)
      const counts = new Set(samples[i]!.map(s => s.requests.length))
      lines.push(
        `| ${v.label} | ${[...counts].join('/')} | ${ms(m)} | ${ms(quantile(wall, 0.9))} | ` +
          `${i === BASELINE ? '' : versus(m, baseline)} | ${i === FEWEST ? '' : versus(m, fewest)} |`
      )
      return m
    })
    lines.push('', freshSnapshotNote(samples[FRESH]!, medians))
    models.push({
      label,
      latencyMs,
      sourceArnMs: medians[SOURCE_ARN]!,
      snapshotNameMs: medians[SNAPSHOT_NAME]!,
      newestMs: medians[NEWEST]!,
      freshSnapshotMs: medians[FRESH]!,
      fewestMs: medians[FEWEST]!,
      credentialsMs: baseline,
      minifiedMs: medians[MINIFIED]!
    })
  }
  lines.push(
    `Median of ${runs} runs each (fresh stand-in per run, interleaved), wall time from spawn to exit.`,
    '',
    'On loopback (the stand-in answers at once: what the steps cost in CPU):',
    ''
  )
  const loopback = await measureRounds(variants, runs, {}, problems)
  table('loopback', loopback)
  for (const model of LATENCY_MODELS) {
    lines.push(
      '',
      `With a network model (not a measurement): every answer waits ${model.label}.`,
      ''
    )
    table(
      model.label,
      await measureRounds(variants, runs, model.latencyMs, problems),
      model.latencyMs
    )
  }
  lines.push(
    '',
    'Requests, in the order they arrived (one run of each, on loopback; section 5 counts the',
    'round trips of every source form):',
    ''
  )
  variants.forEach((v, i) => {
    const run = loopback[i]![0]
    if (!run) return
    lines.push(`- ${v.label}: ${run.requests.map(describeRequest).join(' → ')}`)
  })
  if (problems.length) lines.push('', ...problems.slice(0, 5).map(p => `Problem: ${p}`))
  return { markdown: lines.join('\n'), models }
}

const percent = (value: number): string => `${value.toFixed(1)} %`
const signed = (value: number, format: (v: number) => string): string =>
  `${value >= 0 ? '+' : '-'}${format(Math.abs(value))}`

/**
 * Where the fresh-snapshot start's time goes: from CreateDBSnapshot to StartExportTask is the
 * wait for the snapshot (its creation, then the wait loop's next check); the rest is a start.
 */
function freshSnapshotNote(samples: StepRun[], medians: number[]): string {
  const waits = samples.flatMap(run => {
    const created = run.requests.find(r => r.action === 'CreateDBSnapshot')
    const started = run.requests.find(r => r.action === 'StartExportTask')
    return created && started ? [started.time.getTime() - created.time.getTime()] : []
  })
  if (!waits.length) return 'Fresh snapshot: no run reached StartExportTask.'
  const wait = median(waits)
  return (
    `Fresh snapshot: ${ms(wait)} (median) from CreateDBSnapshot to StartExportTask, the ` +
    `snapshot being created for ${FRESH_SNAPSHOT_SECONDS} s and seen available at the wait's ` +
    `first check; the rest of that step, ${ms(medians[FRESH]! - wait)}, compares with the ` +
    `newest-snapshot start's ${ms(medians[NEWEST]!)}.`
  )
}

/** One warm-up round (page cache), then `runs` measured rounds, rotating the order. */
async function measureRounds(
  variants: Variant[],
  runs: number,
  latencyMs: Latency,
  problems: string[]
): Promise<StepRun[][]> {
  const samples = variants.map(() => [] as StepRun[])
  for (let round = -1; round < runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (round + 1 + k) % variants.length
      const variant = variants[i]!
      const standIn = await startStandIn({ ...standInOptions(), latencyMs })
      try {
        const id = String(runId++)
        const run = await runStep(standIn, variant.entry, variant.inputs(id), id)
        if (
          run.exitCode !== 0 ||
          (variant.expectStatus && run.outputs.status !== variant.expectStatus) ||
          (variant.expectAccount && run.outputs['aws-account-id'] !== ACCOUNT)
        ) {
          problems.push(
            `${variant.label}: exit ${run.exitCode}, status '${run.outputs.status}': ${run.log.slice(0, 400)}`
          )
        }
        if (round >= 0) samples[i]!.push(run)
      } finally {
        await standIn.close()
      }
    }
  }
  return samples
}
