// ncc writes an ES module bundle; node needs "type": "module" beside it to load it as one.
import { writeFileSync } from 'node:fs'

writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
