import { describe } from '@jest/globals'
import { ROLE_ARN, accepted, refused, refusedEach, warns, withBase } from './support.js'

const assuming = { 'role-to-assume': ROLE_ARN }

describe('role-to-assume and its session', () => {
  refused('role-to-assume', 'deploy', "give the role's ARN, arn:aws:iam::<account>:role/deploy")
  refusedEach(
    'role-session-name',
    [
      ['x', 'must be 2-64 letters, digits and the characters + = , . @ _ -'],
      ['my session', "got 'my session'"],
      ['s'.repeat(65), 'must be 2-64']
    ],
    { with: assuming }
  )
  refusedEach('role-duration-seconds', [
    ['899', 'must be a whole number of seconds, 900-43200'],
    ['43201', '900-43200'],
    ['1h', "got '1h'"]
  ])

  accepted(
    'role-to-assume',
    'arn:aws:iam::123456789012:role/gha',
    {
      roleToAssume: 'arn:aws:iam::123456789012:role/gha',
      audience: 'sts.amazonaws.com.cn',
      roleSessionName: 'deploy@repo_1.x=+,-',
      roleDurationSeconds: 43200
    },
    {
      with: {
        audience: 'sts.amazonaws.com.cn',
        'role-session-name': 'deploy@repo_1.x=+,-',
        'role-duration-seconds': '43200'
      }
    }
  )
  accepted('role-duration-seconds', '900', { roleDurationSeconds: 900 })
})

describe('output-env-credentials', () => {
  refusedEach(
    'output-env-credentials',
    [
      ['yes', "must be a boolean: true, True, TRUE, false, False, FALSE; got 'yes'"],
      ['1', 'must be a boolean']
    ],
    { with: assuming }
  )
  for (const value of ['true', 'True', 'TRUE']) {
    accepted('output-env-credentials', value, { outputEnvCredentials: true }, { with: assuming })
  }
  for (const value of ['false', 'False', 'FALSE', undefined]) {
    accepted('output-env-credentials', value, { outputEnvCredentials: false }, { with: assuming })
  }
  // Bad input is refused whether or not a role is given.
  refused('output-env-credentials', 'on', 'must be a boolean')
})

describe('session options without role-to-assume', () => {
  warns(
    'are ignored with a warning',
    withBase({ 'role-session-name': 'abc', 'role-duration-seconds': '7200' }),
    [
      "Input 'role-session-name' and Input 'role-duration-seconds' are ignored without role-to-assume: the AWS SDK's default credentials are used."
    ]
  )

  warns('the default role duration is quiet', withBase({ 'role-duration-seconds': '3600' }), [])

  warns(
    'output-env-credentials: true is ignored with a warning: the default chain is where later steps find it',
    withBase({ 'output-env-credentials': 'true' }),
    [
      "Input 'output-env-credentials' is ignored without role-to-assume: later steps find the AWS SDK's default credentials where this step found them."
    ]
  )
  accepted('output-env-credentials', 'true', { outputEnvCredentials: false })
  warns(
    'output-env-credentials: false is quiet',
    withBase({ 'output-env-credentials': 'False' }),
    []
  )
})
