// The least a step summary renders from: an outcome in us-east-1 and no status seen yet. The
// summary tests add what each is about (a task, tables, an error) on top.
import type { Outcome, SummaryInput } from '../src/report/summary.js'

export function bareSummary(outcome: Outcome, extra: Partial<SummaryInput> = {}): SummaryInput {
  return { outcome, region: 'us-east-1', timeline: [], ...extra }
}
