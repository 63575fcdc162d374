import { writeFileSync } from 'node:fs'

/**
 * Appends the step summary to the file the runner names (GITHUB_STEP_SUMMARY), once,
 * synchronously: on cancellation the runner may kill the process soon after.
 */
export function appendSummary(env: Record<string, string | undefined>, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY
  if (file) writeFileSync(file, markdown + '\n', { flag: 'a' })
}
