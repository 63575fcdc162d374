import { describe, test, expect } from '@jest/globals'
import { ROLE_ARN, accepted, refused, warningsOf, withBase } from './support.js'

const assuming = { 'role-to-assume': ROLE_ARN }

describe('role-to-assume and its session', () => {
  refused('role-to-assume', 'deploy', "give the role's ARN, arn:aws:iam::<account>:role/deploy")
  refused(
    'role-session-name',
    'x',
    'must be 2-64 letters, digits and the characters + = , . @ _ -',
    { with: assuming }
  )
  refused('role-session-name', 'my session', "got 'my session'", { with: assuming })
  refused('role-session-name', 's'.repeat(65), 'must be 2-64', { with: assuming })
  refused('role-duration-seconds', '899', 'must be a whole number of seconds, 900-43200')
  refused('role-duration-seconds', '43201', '900-43200')
  refused('role-duration-seconds', '1h', "got '1h'")

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
  test('are ignored with a warning', () => {
    const warnings = warningsOf(
      withBase({ 'role-session-name': 'abc', 'role-duration-seconds': '7200' })
    )
    expect(warnings).toEqual([
      "Input 'role-session-name' and Input 'role-duration-seconds' are ignored without role-to-assume: the AWS SDK's default credentials are used."
    ])
  })

  test('the default role duration is quiet', () => {
    expect(warningsOf(withBase({ 'role-duration-seconds': '3600' }))).toEqual([])
  })
})
