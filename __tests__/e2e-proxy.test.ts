// End-to-end, self-hosted runners behind a proxy: the AWS SDK ignores HTTPS_PROXY, so the action
// gives every client an agent that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY, or the http-proxy
// input. The stand-in is named aws.standin.test, a name only the local CONNECT proxy resolves:
// a connection that skips the proxy can't reach it at all.
import { describe, expect } from '@jest/globals'
import { STANDIN_HOST, startProxy, type StandIn } from '../test/standin/index.js'
import { PROD_APPDB } from '../test/support/accounts.js'
import { runStep, startInputs } from '../test/support/e2e.js'
import {
  e2e,
  expectFailure,
  expectSuccess,
  runStepTimed,
  EXITS_AFTER_ERROR_MS
} from '../test/support/e2e-tests.js'

const inputs = (extra: Record<string, string> = {}) =>
  startInputs({
    'db-instance-identifier': 'prod',
    wait: 'true',
    'poll-interval-seconds': '5',
    'glue-database': 'exports',
    ...extra
  })

/** Every service the step reached, and the hosts the proxy tunnelled to. */
function reached(standIn: StandIn, first: number): string[] {
  return [...new Set(standIn.requests.slice(first).map(r => r.service))].sort()
}

describe('through a proxy', () => {
  e2e(
    'HTTPS_PROXY / HTTP_PROXY: every AWS connection and the OIDC token go through it',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy()
      try {
        const step = await runStep(standIn, inputs(), { host: STANDIN_HOST, env: proxy.env() })
        expectSuccess(step)
        // RDS, STS, S3 and Glue all answered, and the OIDC token was fetched ...
        expect(reached(standIn, step.firstRequest)).toEqual(['glue', 'oidc', 'rds', 's3', 'sts'])
        // ... each over a connection the proxy opened: none can reach the stand-in otherwise.
        expect(proxy.requests.length).toBeGreaterThan(0)
        expect(proxy.requests.every(r => r.status === 200)).toBe(true)
        expect(proxy.requests.every(r => r.host.endsWith(STANDIN_HOST))).toBe(true)
      } finally {
        await proxy.close()
      }
    }
  )

  e2e(
    'the http-proxy input alone, with credentials the proxy asks for',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy({ auth: { username: 'ci', password: 's3cr3t-proxy' } })
      try {
        // No proxy in the environment, and static keys (no OIDC): only the input can lead the
        // AWS calls to the stand-in.
        const viaInput = { ...inputs({ 'http-proxy': proxy.url }) }
        delete viaInput['role-to-assume']
        const step = await runStep(standIn, viaInput, {
          host: STANDIN_HOST,
          staticKeys: true,
          masks: ['s3cr3t-proxy']
        })
        // The password is masked before anything could print it, and never printed.
        expect(step.log).toContain('::add-mask::s3cr3t-proxy')
        expectSuccess(step)
        expect(reached(standIn, step.firstRequest)).toEqual(['glue', 'rds', 's3'])
        expect(proxy.requests.length).toBeGreaterThan(0)
        expect(proxy.requests.every(r => r.status === 200)).toBe(true)
        expect(step.log.replaceAll('::add-mask::s3cr3t-proxy', '')).not.toContain('s3cr3t-proxy')
        expect(step.summary).not.toContain('s3cr3t-proxy')
      } finally {
        await proxy.close()
      }
    }
  )

  e2e(
    'NO_PROXY is honoured: the host it names is reached directly, not through the proxy',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy()
      try {
        // aws.standin.test resolves only through the proxy: going direct, as NO_PROXY says,
        // nothing can reach it, and the proxy sees no connection at all.
        const step = await runStep(standIn, inputs(), {
          host: STANDIN_HOST,
          env: { ...proxy.env(), NO_PROXY: STANDIN_HOST, no_proxy: STANDIN_HOST }
        })
        expectFailure(step, /ENOTFOUND|EAI_AGAIN|getaddrinfo/)
        expect(proxy.requests).toEqual([])
      } finally {
        await proxy.close()
      }
    }
  )

  e2e(
    'without the proxy settings, the stand-in under its host name is unreachable',
    PROD_APPDB,
    async standIn => {
      const step = await runStep(standIn, inputs(), { host: STANDIN_HOST, timeoutMs: 50_000 })
      expectFailure(step, /ENOTFOUND|EAI_AGAIN|getaddrinfo|OIDC/)
    }
  )
})

describe('a proxy that will not tunnel', () => {
  /** The step through a proxy given by the http-proxy input (the OIDC token goes direct). */
  const throughProxy = (standIn: StandIn, proxyUrl: string) =>
    runStepTimed(standIn, inputs({ 'http-proxy': proxyUrl }), { masks: ['s3cr3t-proxy'] })

  e2e(
    'CONNECT refused with 403: the error names the proxy (no password) and its answer',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy({ connectFault: { refuse: 403 } })
      try {
        const address = proxy.url.replace('http://', '')
        const step = await throughProxy(standIn, `http://ci:s3cr3t-proxy@${address}`)
        expectFailure(
          step,
          /AssumeRoleWithWebIdentity/,
          `The proxy http://***@${address} refused CONNECT 127.0.0.1:`,
          'it answered 403 Forbidden'
        )
        expect(step.errors[0]).not.toMatch(/Unknown|s3cr3t|ci:/)
        // Told once: a refusal is not tried again.
        expect(step.errors[0]).toMatch(/http-proxy|HTTPS_PROXY/)
        expect(proxy.requests.map(r => r.status)).toEqual([403])
        expect(step.summary).toContain('403 Forbidden')
        expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
      } finally {
        await proxy.close()
      }
    }
  )

  e2e(
    'HTTPS_PROXY holding CONNECT: the OIDC token request names the proxy, not tried again',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy({ connectFault: 'hold' })
      try {
        const step = await runStepTimed(standIn, inputs(), { host: STANDIN_HOST, env: proxy.env() })
        expectFailure(
          step,
          /^Getting the GitHub OIDC token failed: ProxyConnectTimeout: /,
          `The proxy ${proxy.url} did not answer CONNECT ${STANDIN_HOST}:`,
          /Hint: The proxy .* opened no tunnel/
        )
        expect(proxy.requests.map(r => r.status)).toEqual([0])
        expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
      } finally {
        await proxy.close()
      }
    }
  )

  e2e(
    'CONNECT never answered: the error names the proxy and the deadline, and the process exits',
    PROD_APPDB,
    async standIn => {
      const proxy = await startProxy({ connectFault: 'hold' })
      try {
        const step = await throughProxy(standIn, proxy.url)
        expectFailure(
          step,
          /AssumeRoleWithWebIdentity/,
          `The proxy ${proxy.url} did not answer CONNECT 127.0.0.1:`,
          /within 10 s/
        )
        // One CONNECT, not retried; the process ends with the error, nothing left holding it.
        expect(proxy.requests.map(r => r.status)).toEqual([0])
        expect(step.wallMs).toBeLessThan(25_000)
        expect(step.afterErrorMs).toBeLessThan(EXITS_AFTER_ERROR_MS)
      } finally {
        await proxy.close()
      }
    }
  )
})
