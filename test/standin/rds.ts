// RDS as the export action sees it, in one account: snapshots, cluster snapshots, clusters and
// export tasks (rds/), answered over the Query protocol. A task's status is computed from the
// clock when it is read, from its timeline; timelines run in scenario seconds, `timeScale` of
// them per real second.
import { list, tag, wrap } from './xml.js'
import { queryModule, type Params } from './query.js'
import type { ServiceModule } from './service.js'
import { RDS_ERROR_STATUS, rdsError } from './rds/errors.js'
import { ExportTasks } from './rds/export-tasks.js'
import { Snapshots, type SnapshotKind } from './rds/snapshots.js'
import {
  scenarioClock,
  type ExportTaskView,
  type RdsOptions,
  type SnapshotTimeline,
  type Timeline
} from './rds/types.js'
import { snapshotXml, taskXml } from './rds/views.js'

export type {
  ClusterSeed,
  ClusterSnapshotSeed,
  DbSeed,
  ExportedData,
  ExportStatus,
  ExportTaskView,
  InstanceSeed,
  RdsOptions,
  SnapshotSeed,
  SnapshotTimeline,
  TaskSeed,
  Timeline
} from './rds/types.js'
export type { SnapshotState, SnapshotView } from './rds/snapshots.js'
export {
  DEFAULT_SNAPSHOT_TIMELINE,
  DEFAULT_TIMELINE,
  DEFAULT_WARNING,
  snapshotPhase,
  timelinePhase
} from './rds/timeline.js'
export { RDS_ERROR_STATUS } from './rds/errors.js'

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/'

export class Rds {
  readonly snapshots: Snapshots
  readonly exportTasks: ExportTasks

  constructor(
    readonly options: RdsOptions,
    now: () => number
  ) {
    const clock = scenarioClock(now, options.timeScale)
    this.snapshots = new Snapshots(options, clock)
    this.exportTasks = new ExportTasks(options, this.snapshots, clock)
  }

  /** The timeline of new tasks with this identifier, or of all new tasks when undefined. */
  setTimeline(identifier: string | undefined, timeline: Partial<Timeline>): void {
    if (identifier === undefined) Object.assign(this.options.defaultTimeline, timeline)
    else this.options.timelines[identifier] = timeline
  }

  /** The timeline of new snapshots with this identifier, or of all when undefined. */
  setSnapshotTimeline(identifier: string | undefined, timeline: Partial<SnapshotTimeline>): void {
    if (identifier === undefined) Object.assign(this.options.defaultSnapshotTimeline, timeline)
    else this.options.snapshotTimelines[identifier.toLowerCase()] = timeline
  }

  /** The result XML for one RDS action; throws ServiceError as RDS answers. */
  handle(action: string, params: Params, region: string): string {
    switch (action) {
      case 'StartExportTask':
        return this.taskXml(this.exportTasks.start(params, region))
      case 'DescribeExportTasks': {
        const { items, marker } = this.exportTasks.describe(params, region)
        return tag('Marker', marker) + list('ExportTasks', 'ExportTask', items.map(this.taskXml))
      }
      case 'CancelExportTask':
        return this.taskXml(this.exportTasks.cancel(params, region))
      case 'DescribeDBSnapshots':
        return this.snapshotsXml('snapshot', params, region)
      case 'DescribeDBClusterSnapshots':
        return this.snapshotsXml('cluster-snapshot', params, region)
      case 'CreateDBSnapshot':
        return wrap('DBSnapshot', snapshotXml(this.snapshots.create('snapshot', params, region)))
      case 'CreateDBClusterSnapshot': {
        const created = this.snapshots.create('cluster-snapshot', params, region)
        return wrap('DBClusterSnapshot', snapshotXml(created))
      }
      default:
        throw rdsError('InvalidAction', `The action ${action} is not valid for this web service.`)
    }
  }

  private readonly taskXml = (view: ExportTaskView): string =>
    taskXml(view, this.options.lowercaseStatus)

  private snapshotsXml(kind: SnapshotKind, params: Params, region: string): string {
    const { items, marker } = this.snapshots.describe(kind, params, region)
    const member = kind === 'cluster-snapshot' ? 'DBClusterSnapshot' : 'DBSnapshot'
    return tag('Marker', marker) + list(`${member}s`, member, items.map(snapshotXml))
  }
}

/** RDS as a Query module: every action signed, in the signing scope's region. */
export function rdsModule(rds: Rds): ServiceModule {
  return queryModule({
    service: 'rds',
    namespace: RDS_NAMESPACE,
    errorStatus: code => RDS_ERROR_STATUS[code],
    handle: (action, params, request) => rds.handle(action, params, request.caller?.region ?? '')
  })
}
