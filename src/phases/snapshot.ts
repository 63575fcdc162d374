// create-snapshot: a manual snapshot of the instance or cluster, taken now, then exported. Its
// identifier comes from the instance or cluster and the workflow run, so a re-run finds its own
// snapshot: available, export it; being created, wait for it; absent, create it. The wait uses
// the step's one budget and the same watcher as the export's (watch.ts); a cancelled run or a timeout starts
// nothing, and the snapshot is kept (it is the backup a restore starts from).
import type { SnapshotsApi } from '../aws/snapshots.js'
import type { Config, SourceInput, Tag } from '../config.js'
import { ActionError, errorCode } from '../errors.js'
import { generateSnapshotIdentifier } from '../identifier.js'
import { formatDuration, formatSnapshotLine } from '../report/progress.js'
import { creationState, type Snapshot, type SnapshotKind } from '../snapshots.js'
import type { Step, WorkflowRun } from '../step.js'
import { actionTags } from '../tags.js'
import { watch, type Watched } from './watch.js'

const ALREADY_EXISTS = new Set([
  'DBSnapshotAlreadyExistsFault',
  'DBClusterSnapshotAlreadyExistsFault'
])

export async function takeSnapshot(
  api: SnapshotsApi,
  config: Config,
  step: Step
): Promise<Snapshot> {
  const source = config.source as Extract<SourceInput, { snapshotType: unknown }>
  const kind: SnapshotKind =
    source.input === 'db-instance-identifier' ? 'snapshot' : 'cluster-snapshot'
  const run = await step.workflowRun()
  const name = (attemptSuffix?: string): string =>
    generateSnapshotIdentifier({
      kind,
      sourceName: source.identifier,
      runId: run.id,
      now: step.date(),
      attemptSuffix
    })
  let identifier = name()
  let snapshot = await find(api, kind, identifier)
  // A re-run attempt after a snapshot that failed takes a new one, once per attempt.
  if (snapshot && creationState(snapshot.status) === 'failed' && run.attempt > 1) {
    identifier = name(`a${run.attempt}`)
    snapshot = await find(api, kind, identifier)
  }
  if (snapshot) {
    step.info(`${what(kind)} '${identifier}' is this workflow run's (status ${snapshot.status}).`)
  } else {
    snapshot = await create(api, kind, source.identifier, identifier, tagsFor(config, run, step))
    step.info(`Creating ${what(kind)} '${identifier}' of '${source.identifier}'.`)
  }
  return waitUntilAvailable(api, snapshot, config, step)
}

function what(kind: SnapshotKind): string {
  return kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
}

async function find(
  api: SnapshotsApi,
  kind: SnapshotKind,
  identifier: string
): Promise<Snapshot | undefined> {
  const found = await api.describe(kind, { identifier })
  return found.find(s => s.identifier.toLowerCase() === identifier)
}

async function create(
  api: SnapshotsApi,
  kind: SnapshotKind,
  parent: string,
  identifier: string,
  tags: Tag[]
): Promise<Snapshot> {
  try {
    return await api.create(kind, parent, identifier, tags)
  } catch (error) {
    // Another attempt of this run created it a moment ago: it is ours all the same.
    const ours = ALREADY_EXISTS.has(errorCode(error)) && (await find(api, kind, identifier))
    if (ours) return ours
    throw error
  }
}

/** The action's tags (repository, workflow, run id), made to fit RDS's rules, then the user's. */
function tagsFor(config: Config, run: WorkflowRun, step: Step): Tag[] {
  const { GITHUB_REPOSITORY: repository, GITHUB_WORKFLOW: workflow } = step.env
  return [...actionTags({ repository, workflow, runId: run.id }), ...config.snapshotTags]
}

/** The snapshot being created, watched: its describe, its progress line, the record's snapshot. */
function snapshotBeingCreated(api: SnapshotsApi, first: Snapshot): Watched<Snapshot> {
  return {
    operation: first.kind === 'snapshot' ? 'DescribeDBSnapshots' : 'DescribeDBClusterSnapshots',
    async read() {
      const snapshot = await find(api, first.kind, first.identifier)
      if (!snapshot) {
        throw new ActionError(
          `${what(first.kind)} '${first.identifier}' is gone: it was deleted while being created.`
        )
      }
      return snapshot
    },
    ended: snapshot => creationState(snapshot.status) !== 'creating',
    observe: snapshot => ({
      status: creationState(snapshot.status) === 'creating' ? 'IN_PROGRESS' : 'COMPLETE',
      percentProgress: snapshot.percentProgress
    }),
    entry: snapshot => ({
      subject: `${what(snapshot.kind)} '${snapshot.identifier}'`,
      status: snapshot.status ?? '',
      percentProgress: snapshot.percentProgress
    }),
    changed: (previous, next) =>
      previous.status !== next.status || previous.percentProgress !== next.percentProgress,
    line: (snapshot, now, elapsedMs) => formatSnapshotLine({ now, snapshot, elapsedMs }),
    record: (record, snapshot) => record.sawSnapshot(snapshot)
  }
}

async function waitUntilAvailable(
  api: SnapshotsApi,
  first: Snapshot,
  config: Config,
  step: Step
): Promise<Snapshot> {
  const watcher = watch(step, snapshotBeingCreated(api, first), first)
  const result = await watcher.until({
    deadlineMs: step.waitDeadlineMs(),
    maxIntervalMs: config.pollIntervalSeconds * 1000
  })
  const snapshot = watcher.last
  if (result.end === 'done' && creationState(snapshot.status) === 'available') return snapshot
  throw unavailable(snapshot, result.end, watcher.watchedMs(), config)
}

function unavailable(
  snapshot: Snapshot,
  end: 'done' | 'timeout' | 'aborted',
  waitedMs: number,
  config: Config
): ActionError {
  const name = `${what(snapshot.kind)} '${snapshot.identifier}'`
  const kept =
    'nothing was exported. The snapshot is kept and may still complete: a re-run of this workflow run exports it.'
  if (end === 'aborted') {
    return new ActionError(`The run was cancelled while ${name} was being created; ${kept}`)
  }
  if (end === 'timeout') {
    return new ActionError(
      `${name} is still ${snapshot.status ?? 'creating'} after ${formatDuration(waitedMs)} (wait-timeout-minutes: ${config.waitTimeoutMinutes}); ${kept}`,
      'Snapshots take longer the more data changed since the last one: raise wait-timeout-minutes.'
    )
  }
  return new ActionError(
    `${name} ended '${snapshot.status ?? ''}' instead of 'available'; nothing was exported.`,
    "RDS could not take the snapshot: the instance's or cluster's events in the RDS console say why. A re-run attempt of this workflow run takes a new snapshot."
  )
}
