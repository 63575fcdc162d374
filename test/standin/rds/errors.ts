// RDS's errors as it answers them: wire codes and HTTP statuses from the service model (the
// awsQueryError traits @aws-sdk/client-rds carries), and the refusals several actions share.
import { QUERY_ERROR_STATUS } from '../query.js'
import { ServiceError } from '../service.js'

/** HTTP status of each RDS error code, for answers and for injected errors. */
export const RDS_ERROR_STATUS: Record<string, number> = {
  ExportTaskAlreadyExists: 400,
  ExportTaskNotFound: 404,
  ExportTaskLimitReachedFault: 400,
  IamRoleNotFound: 404,
  IamRoleMissingPermissions: 400,
  DBSnapshotNotFound: 404,
  DBClusterSnapshotNotFoundFault: 404,
  DBClusterNotFoundFault: 404,
  InvalidExportTaskStateFault: 400,
  InvalidExportSourceState: 400,
  InvalidS3BucketFault: 400,
  KMSKeyNotAccessibleFault: 400,
  InvalidExportOnly: 400,
  DBInstanceNotFound: 404,
  DBSnapshotAlreadyExists: 400,
  DBClusterSnapshotAlreadyExistsFault: 400,
  InvalidDBInstanceState: 400,
  InvalidDBClusterStateFault: 400,
  InvalidDBClusterSnapshotStateFault: 400,
  SnapshotQuotaExceeded: 400,
  ...QUERY_ERROR_STATUS
}

/** An RDS error with its modelled status. */
export function rdsError(code: string, message: string): ServiceError {
  return new ServiceError(code, RDS_ERROR_STATUS[code] ?? 400, message)
}

export function taskNotFound(identifier: string): ServiceError {
  return rdsError('ExportTaskNotFound', `Cannot find export task with identifier ${identifier}.`)
}

export function sourceNotFound(
  kind: 'snapshot' | 'cluster-snapshot' | 'cluster',
  name: string
): ServiceError {
  if (kind === 'snapshot') return rdsError('DBSnapshotNotFound', `DBSnapshot ${name} not found.`)
  if (kind === 'cluster-snapshot') {
    return rdsError('DBClusterSnapshotNotFoundFault', `DBClusterSnapshot ${name} not found.`)
  }
  return rdsError('DBClusterNotFoundFault', `DBCluster ${name} not found.`)
}

export function unknownFilter(name: string): ServiceError {
  return rdsError('InvalidParameterValue', `Unrecognized filter name: ${name}`)
}
