// Builds dist/ from scratch: ncc bundles src/index.ts (the AWS SDK goes into chunks that
// main.ts loads only after the inputs are valid), and dist/package.json tells node that the
// bundle is an ES module. Removing dist/ first keeps stale chunks out of the commit.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'

rmSync('dist', { recursive: true, force: true })
execFileSync(
  'npx',
  [
    'ncc',
    'build',
    'src/index.ts',
    '--out',
    'dist',
    '--minify',
    '--license',
    'licenses.txt',
    '--quiet'
  ],
  { stdio: 'inherit' }
)
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
