import { describe } from '@jest/globals'
import { accepted, refused, refusedEach } from './support.js'

describe('wait and the other booleans', () => {
  refusedEach('wait', [
    ['yes', "must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'"],
    ['1', 'must be a boolean'],
    ['tRUE', 'must be a boolean']
  ])
  refused('cancel-on-abort', 'on', 'must be a boolean')
  refused('fail-on-warning', 'no', 'must be a boolean')
  refused('summary', 'y', 'must be a boolean')

  for (const value of ['true', 'True', 'TRUE']) accepted('wait', value, { wait: true })
  for (const value of ['False', 'FALSE']) accepted('wait', value, { wait: false })
  accepted(
    'cancel-on-abort',
    'false',
    { cancelOnAbort: false, failOnWarning: true, summary: false },
    { with: { 'fail-on-warning': 'True', summary: 'FALSE' } }
  )
})

describe('wait-timeout-minutes', () => {
  refused('wait-timeout-minutes', 'abc', 'must be a number greater than 0 and at most 7200')
  for (const value of ['0', '0.0', 'Infinity', '9'.repeat(400)]) {
    refused('wait-timeout-minutes', value, 'greater than 0')
  }
  for (const value of ['-1', '1e9999', '10m', '0x10']) {
    refused('wait-timeout-minutes', value, `got '${value}'`)
  }

  // Past the 5 days a job may run, and past what a timer holds (2^31-1 ms is 35791 minutes).
  for (const value of ['7200.5', '40000', '99999']) {
    refused(
      'wait-timeout-minutes',
      value,
      `must be a number greater than 0 and at most 7200 (the 5 days a self-hosted job may run), like 330 or 0.5; got '${value}'`
    )
  }
  accepted('wait-timeout-minutes', '7200', { waitTimeoutMinutes: 7200 })
  accepted('wait-timeout-minutes', '0.5', { waitTimeoutMinutes: 0.5 })
  accepted('wait-timeout-minutes', '.25', { waitTimeoutMinutes: 0.25 })
  accepted('wait-timeout-minutes', '10.', { waitTimeoutMinutes: 10 })
})

describe('on-timeout and poll-interval-seconds', () => {
  refused('on-timeout', 'ignore', 'must be one of fail, continue, cancel')
  refused('poll-interval-seconds', '4.9', 'must be a number at least 5, like 60')
  refused('poll-interval-seconds', '1min', "got '1min'")

  accepted('on-timeout', 'continue', { onTimeout: 'continue' })
  accepted('on-timeout', 'cancel', { onTimeout: 'cancel' })
  accepted('poll-interval-seconds', '5', { pollIntervalSeconds: 5 })
  accepted('poll-interval-seconds', '7.5', { pollIntervalSeconds: 7.5 })
})
