// The AWS shapes the rest of the action reads, as types only: importing them loads no SDK code,
// so pure modules and phases can use them and still run (and be tested) without the SDK.
export type { ExportTask } from '@aws-sdk/client-rds'
