// One vocabulary for the statuses RDS reports and the outcomes of a step. RDS reports export
// task statuses in upper case (some stand-ins answer in lower case) and snapshot statuses in
// lower case; everything here takes either.

/** How a step ended, as the summary and the verdict see it. */
export type Outcome =
  | 'started'
  | 'adopted'
  | 'status'
  | 'canceling'
  | 'complete'
  | 'failed'
  | 'canceled'
  | 'timeout'
  | 'timeout-continue'
  | 'timeout-cancel'
  | 'aborted'
  | 'error'

/** An export task status in upper case, trimmed; '' when RDS gave none. */
export function normalizeStatus(status: string | undefined): string {
  return (status ?? '').trim().toUpperCase()
}

/** The statuses an export task passes through while it runs. */
export const RUNNING_STATUSES: ReadonlySet<string> = new Set([
  'STARTING',
  'IN_PROGRESS',
  'CANCELING'
])

/** RDS's limit of export tasks in progress per account and region. */
export const RDS_ACTIVE_EXPORT_LIMIT = 5

/** The statuses RDS counts against its limit of 5 exports per account and region, as the
 * `status` filter of DescribeExportTasks wants them (lower case). */
export const ACTIVE_STATUS_FILTER = ['starting', 'in_progress']

const ENDED: Readonly<Record<string, Outcome>> = {
  COMPLETE: 'complete',
  FAILED: 'failed',
  CANCELED: 'canceled'
}

/** The outcome a final export task status means; undefined while the task runs. */
export function endedOutcome(status: string | undefined): Outcome | undefined {
  return ENDED[normalizeStatus(status)]
}

export function isEnded(status: string | undefined): boolean {
  return endedOutcome(status) !== undefined
}

/** Whether a status has been seen to change, whatever its case. */
export function sameStatus(a: string | undefined, b: string | undefined): boolean {
  return normalizeStatus(a) === normalizeStatus(b)
}
