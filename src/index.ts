// The runner loads dist/index.js, built from this file. Bad input is refused before the action
// proper is loaded (preflight.ts); all the flow lives in main.ts.
import { preflight } from './preflight.js'

if (preflight(process.env, text => process.stdout.write(text))) {
  const { run } = await import('./main.js')
  await run()
} else {
  process.exitCode = 1
}
