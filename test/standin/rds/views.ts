// RDS's XML for an export task and a snapshot, fields in the order RDS writes them.
import { fields, list, stringList } from '../xml.js'
import type { SnapshotState } from './snapshots.js'
import type { ExportTaskView } from './types.js'

export function taskXml(view: ExportTaskView, lowercaseStatus: boolean): string {
  return (
    fields({ ExportTaskIdentifier: view.ExportTaskIdentifier, SourceArn: view.SourceArn }) +
    (view.ExportOnly.length > 0 ? stringList('ExportOnly', 'member', view.ExportOnly) : '') +
    fields({
      SnapshotTime: view.SnapshotTime,
      TaskStartTime: view.TaskStartTime,
      TaskEndTime: view.TaskEndTime,
      S3Bucket: view.S3Bucket,
      S3Prefix: view.S3Prefix,
      IamRoleArn: view.IamRoleArn,
      KmsKeyId: view.KmsKeyId,
      Status: lowercaseStatus ? view.Status.toLowerCase() : view.Status,
      PercentProgress: view.PercentProgress,
      TotalExtractedDataInGB: view.TotalExtractedDataInGB,
      FailureCause: view.FailureCause,
      WarningMessage: view.WarningMessage,
      SourceType: view.SourceType
    })
  )
}

export function snapshotXml(s: SnapshotState): string {
  return s.kind === 'snapshot' ? dbSnapshotXml(s) : clusterSnapshotXml(s)
}

/** The fields both kinds have, as each names them (`Instance` / `Cluster` create time). */
function common(s: SnapshotState, parentKind: 'Instance' | 'Cluster'): string {
  const postgres = /postgres/.test(s.engine)
  return fields({
    SnapshotCreateTime: s.createTime,
    Engine: s.engine,
    AllocatedStorage: s.allocatedStorage,
    Status: s.status,
    Port: postgres ? 5432 : 3306,
    ...(parentKind === 'Instance'
      ? { AvailabilityZone: `${s.region}a` }
      : { EngineMode: 'provisioned' }),
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    [`${parentKind}CreateTime`]: new Date(s.createTime.getTime() - 90 * 86400_000),
    MasterUsername: 'admin',
    EngineVersion: s.engineVersion,
    LicenseModel: postgres
      ? 'postgresql-license'
      : parentKind === 'Instance'
        ? 'general-public-license'
        : 'amazon-aurora',
    SnapshotType: s.type,
    PercentProgress: s.percentProgress
  })
}

function tagList(s: SnapshotState): string {
  return list(
    'TagList',
    'Tag',
    s.tags.map(t => fields({ Key: t.Key, Value: t.Value }))
  )
}

function dbSnapshotXml(s: SnapshotState): string {
  return (
    fields({ DBSnapshotIdentifier: s.identifier, DBInstanceIdentifier: s.parent }) +
    common(s, 'Instance') +
    fields({
      StorageType: 'gp3',
      Encrypted: true,
      DBSnapshotArn: s.arn,
      IAMDatabaseAuthenticationEnabled: false,
      DbiResourceId: `db-${s.parent
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .padEnd(26, 'X')
        .slice(0, 26)}`
    }) +
    tagList(s) +
    fields({ SnapshotTarget: 'region', DedicatedLogVolume: false })
  )
}

function clusterSnapshotXml(s: SnapshotState): string {
  return (
    list(
      'AvailabilityZones',
      'AvailabilityZone',
      ['a', 'b', 'c'].map(az => `${s.region}${az}`)
    ) +
    fields({ DBClusterSnapshotIdentifier: s.identifier, DBClusterIdentifier: s.parent }) +
    common(s, 'Cluster') +
    fields({
      StorageEncrypted: true,
      DBClusterSnapshotArn: s.arn,
      IAMDatabaseAuthenticationEnabled: false
    }) +
    tagList(s)
  )
}
