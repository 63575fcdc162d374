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

describe('session options without role-to-assume', () => {
  warns(
    'are ignored with a warning',
    withBase({ 'role-session-name': 'abc', 'role-duration-seconds': '7200' }),
    [
      "Input 'role-session-name' and Input 'role-duration-seconds' are ignored without role-to-assume: the AWS SDK's default credentials are used."
    ]
  )

  warns('the default role duration is quiet', withBase({ 'role-duration-seconds': '3600' }), [])
})
