// The source of a `start`: the ARN to export. An ARN is used as given and a name becomes its
// ARN in the caller's account, with no call: RDS itself then refuses what it can't export
// (export-only included, with our hint). The "newest" forms choose among every page of the
// instance's or cluster's snapshots, and create-snapshot takes one now (snapshot.ts); both know
// the engine, so export-only is checked against it before the start.
import type { AwsSession } from '../aws/connect.js'
import type { SnapshotsApi } from '../aws/snapshots.js'
import { partitionOf } from '../arn.js'
import type { Config, SnapshotType, SourceInput } from '../config.js'
import { ActionError } from '../errors.js'
import { hintFor } from '../hints.js'
import { exportOnlyProblem, InputError } from '../inputs/index.js'
import {
  newestAvailable,
  snapshotArn,
  snapshotTypeOfName,
  type Snapshot,
  type SnapshotKind
} from '../snapshots.js'
import type { Step } from '../step.js'
import { takeSnapshot } from './snapshot.js'

export interface ResolvedSource {
  arn: string
  /** Known when the source was described; export-only was checked against it. */
  engine?: string
}

type SourceApis = Pick<AwsSession, 'snapshots' | 'accountId'>

/** The source to export, logged; export-only checked against its engine where that is known. */
export async function prepareSource(
  aws: SourceApis,
  config: Config,
  step: Step
): Promise<ResolvedSource> {
  const resolved = await resolve(aws, config, step)
  step.info(`Source: ${resolved.arn}${resolved.engine ? ` (${resolved.engine})` : ''}`)
  const problem = resolved.engine && exportOnlyProblem(config.exportOnly, resolved.engine)
  if (problem) throw new InputError('export-only', problem)
  return resolved
}

async function resolve(aws: SourceApis, config: Config, step: Step): Promise<ResolvedSource> {
  const source = config.source as SourceInput
  if (config.createSnapshot) return found(await takeSnapshot(aws.snapshots, config, step))
  switch (source.input) {
    case 'source-arn':
      return { arn: source.arn }
    case 'db-snapshot-identifier':
      return named(aws, config.region, 'snapshot', source.identifier)
    case 'db-cluster-snapshot-identifier':
      return named(aws, config.region, 'cluster-snapshot', source.identifier)
    case 'db-instance-identifier':
      return found(await newest(aws.snapshots, 'snapshot', source.identifier, source.snapshotType))
    case 'db-cluster-identifier': {
      const { identifier, snapshotType } = source
      return found(await newest(aws.snapshots, 'cluster-snapshot', identifier, snapshotType))
    }
  }
}

function found(snapshot: Snapshot): ResolvedSource {
  return snapshot.engine === undefined
    ? { arn: snapshot.arn }
    : { arn: snapshot.arn, engine: snapshot.engine }
}

/**
 * A snapshot by name: its ARN in the caller's account, from the account the credentials carry
 * and the region's partition. Credentials that don't say their account (static keys can't) need
 * one describe, by name as RDS documents it.
 */
async function named(
  aws: SourceApis,
  region: string,
  kind: SnapshotKind,
  name: string
): Promise<ResolvedSource> {
  if (name.startsWith('arn:')) return { arn: name } // shared from another account
  const [accountId, partition] = [await aws.accountId(), partitionOf(region)]
  if (accountId && partition)
    return { arn: snapshotArn({ partition, region, accountId, kind, name }) }
  return found(await byName(aws.snapshots, kind, name))
}

/** A snapshot of the caller's account by its name (automated and AWS Backup names by their type). */
export async function byName(
  snapshots: SnapshotsApi,
  kind: SnapshotKind,
  name: string
): Promise<Snapshot> {
  const [snapshot] = await snapshots.describe(kind, {
    identifier: name,
    // DescribeDBClusterSnapshots has no awsbackup type ("does not apply to Aurora").
    snapshotType:
      kind === 'snapshot' || !name.startsWith('awsbackup:') ? snapshotTypeOfName(name) : undefined
  })
  if (!snapshot?.arn) {
    const cluster = kind === 'cluster-snapshot'
    throw new ActionError(
      cluster
        ? `DescribeDBClusterSnapshots found no DB cluster snapshot '${name}'.`
        : `DescribeDBSnapshots found no DB snapshot '${name}'.`,
      hintFor(cluster ? 'DBClusterSnapshotNotFoundFault' : 'DBSnapshotNotFoundFault')
    )
  }
  return snapshot
}

/**
 * The newest available snapshot of an instance or cluster. Without a SnapshotType RDS lists
 * automated and manual snapshots only; `any` also means those AWS Backup made, which DB snapshots
 * list apart (asked for at the same time).
 */
async function newest(
  snapshots: SnapshotsApi,
  kind: SnapshotKind,
  parent: string,
  snapshotType: SnapshotType
): Promise<Snapshot> {
  const types =
    snapshotType !== 'any'
      ? [snapshotType]
      : kind === 'snapshot'
        ? [undefined, 'awsbackup' as const]
        : [undefined]
  const lists = await Promise.all(
    types.map(type => snapshots.describe(kind, { parent, snapshotType: type }))
  )
  const chosen = newestAvailable(lists.flat())
  if (chosen) return chosen
  const input = kind === 'snapshot' ? 'db-instance-identifier' : 'db-cluster-identifier'
  const what = kind === 'snapshot' ? 'DB snapshot' : 'DB cluster snapshot'
  const type = snapshotType === 'any' ? '' : ` ${snapshotType}`
  throw new ActionError(
    `Input '${input}': '${parent}' has no${type} ${what} in status 'available' in this region.`,
    `Check the name and the region (aws-region), wait for a snapshot to finish, or set snapshot-type (now '${snapshotType}').`
  )
}
