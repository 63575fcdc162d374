// The runner loads dist/index.js, built from this file. All the flow lives in main.ts.
import { run } from './main.js'

await run()
