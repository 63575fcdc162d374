// Preloaded into the action's process by an end-to-end test (NODE_OPTIONS=--import): at exit,
// the process's peak resident memory in bytes (the kernel's maxrss, as /usr/bin/time -v reports
// it) is written to PEAK_RSS_FILE. A process killed by a signal writes nothing.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.PEAK_RSS_FILE
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024))
})
