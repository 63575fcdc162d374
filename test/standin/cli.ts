// Runs the stand-in until SIGINT or SIGTERM and prints the environment that points the action at
// it, one KEY=value per line on stdout; requests are logged to stderr, and at the end what the
// exports wrote to S3 and what the Glue Data Catalog holds.
//   npx tsx test/standin/cli.ts [--scenario demo|demo-warnings|demo-snapshot|busy] [--port N]
//                               [--time-scale N] [--static-keys]
import { parseArgs } from 'node:util'
import { startStandIn } from './index.js'
import { SCENARIOS, scenario, type ScenarioName } from './scenarios.js'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'demo' },
    port: { type: 'string', default: '0' },
    'time-scale': { type: 'string' },
    'static-keys': { type: 'boolean', default: false }
  }
})

const name = values.scenario as ScenarioName
if (!SCENARIOS.includes(name)) {
  console.error(`Unknown scenario ${name}; choose one of ${SCENARIOS.join(', ')}`)
  process.exit(2)
}
const options = scenario(name)
const port = Number(values.port)
const timeScale =
  values['time-scale'] === undefined ? options.timeScale : Number(values['time-scale'])

const standIn = await startStandIn({
  ...options,
  port,
  timeScale,
  onRequest: entry =>
    console.error(
      `${entry.time.toISOString()} ${entry.service} ${entry.action} -> ${entry.status}${entry.code ? ` ${entry.code}` : ''}`
    )
})

for (const [key, value] of Object.entries(standIn.env({ staticKeys: values['static-keys'] }))) {
  console.log(`${key}=${value}`)
}
console.error(`stand-in (${name}, time x${timeScale}) listening on ${standIn.url}; Ctrl-C to stop`)

const stop = (): void => {
  for (const task of standIn.tasks()) {
    const written = standIn.exportFiles.written(task.ExportTaskIdentifier)
    if (written) {
      console.error(
        `${task.ExportTaskIdentifier}: ${written.tables.length} tables in s3://${written.bucket}/${written.root}`
      )
    }
  }
  for (const database of standIn.glue.databaseNames()) {
    console.error(
      `Glue ${database}: ${standIn.glue.tableNames(database).join(', ') || '(no tables)'}`
    )
  }
  void standIn.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
