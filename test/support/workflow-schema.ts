// The workflow schema @actions/workflow-parser imports as JSON without an import attribute, which
// Jest deprecates (a warning on every run, an error in its next major): jest.config.js maps that
// import here, where the same file is read as text and parsed.
import { readFileSync } from 'node:fs'

const schema: unknown = JSON.parse(
  readFileSync(
    new URL(
      '../../node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json',
      import.meta.url
    ),
    'utf8'
  )
)

export default schema
