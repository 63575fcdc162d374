// RDS's XML for an export task and a snapshot, fields in the order RDS writes them.
import { fields, list, stringList, wrap } from '../xml.js'
import type { Snapshot } from './snapshots.js'
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

export function snapshotXml(s: Snapshot): string {
  return s.kind === 'snapshot' ? dbSnapshotXml(s) : clusterSnapshotXml(s)
}

function common(s: Snapshot): Record<string, string | number | Date> {
  return {
    SnapshotCreateTime: s.createTime,
    Engine: s.engine,
    AllocatedStorage: s.allocatedStorage,
    Status: s.status,
    Port: /postgres/.test(s.engine) ? 5432 : 3306
  }
}

function dbSnapshotXml(s: Snapshot): string {
  return (
    fields({
      DBSnapshotIdentifier: s.identifier,
      DBInstanceIdentifier: s.parent,
      ...common(s),
      AvailabilityZone: `${s.region}a`,
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      InstanceCreateTime: new Date(s.createTime.getTime() - 90 * 86400_000),
      MasterUsername: 'admin',
      EngineVersion: s.engineVersion,
      LicenseModel: /postgres/.test(s.engine) ? 'postgresql-license' : 'general-public-license',
      SnapshotType: s.type,
      PercentProgress: s.status === 'available' ? 100 : 42,
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
    wrap('TagList', '') +
    fields({ SnapshotTarget: 'region', DedicatedLogVolume: false })
  )
}

function clusterSnapshotXml(s: Snapshot): string {
  return (
    list('AvailabilityZones', 'AvailabilityZone', [
      `${s.region}a`,
      `${s.region}b`,
      `${s.region}c`
    ]) +
    fields({
      DBClusterSnapshotIdentifier: s.identifier,
      DBClusterIdentifier: s.parent,
      ...common(s),
      EngineMode: 'provisioned',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      ClusterCreateTime: new Date(s.createTime.getTime() - 90 * 86400_000),
      MasterUsername: 'admin',
      EngineVersion: s.engineVersion,
      LicenseModel: /postgres/.test(s.engine) ? 'postgresql-license' : 'amazon-aurora',
      SnapshotType: s.type,
      PercentProgress: s.status === 'available' ? 100 : 42,
      StorageEncrypted: true,
      DBClusterSnapshotArn: s.arn,
      IAMDatabaseAuthenticationEnabled: false
    }) +
    wrap('TagList', '')
  )
}
