// Runs the stand-in until SIGINT or SIGTERM and prints the environment that points the action at
// it, one KEY=value per line on stdout; requests are logged to stderr.
//   npx tsx test/standin/cli.ts [--scenario demo|busy] [--port N] [--time-scale N]
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
  void standIn.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
