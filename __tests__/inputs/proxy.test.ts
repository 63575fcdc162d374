import { describe, test, expect } from '@jest/globals'
import fc from 'fast-check'
import { InputError, proxySecrets, redactProxyUrl } from '../../src/inputs/index.js'
import { accepted, parse, refusedEach, withBase } from './support.js'

const RULE =
  "Input 'http-proxy' must be a proxy URL like http://proxy.example.com:3128 (http:// or https://, a host, an optional port, an optional user:password)"

describe('http-proxy', () => {
  for (const url of [
    'http://proxy.example.com:3128',
    'https://proxy.example.com',
    'http://10.0.0.1:8080/',
    'http://[::1]:3128',
    'http://user:p%40ss@proxy.example.com:3128',
    'http://token@proxy:80'
  ]) {
    accepted('http-proxy', url, { httpProxy: url })
  }

  test('unset, there is none', () => {
    expect(parse(withBase({})).config).not.toHaveProperty('httpProxy')
  })

  refusedEach('http-proxy', [
    [
      'proxy.example.com:3128',
      `${RULE}; got 'proxy.example.com:3128': write it as a URL, 'http://proxy.example.com:3128'.`
    ],
    ['proxy', 'it has no scheme (http:// or https://) (the value is not shown'],
    ['[::1]:3128', "write it as a URL, 'http://[::1]:3128'"],
    ['10.0.0.1:8080', "write it as a URL, 'http://10.0.0.1:8080'"],
    [
      'socks5://user:secret@proxy:1080',
      "got 'socks5://***@proxy:1080': the scheme is 'socks5'; only http and https proxies are supported."
    ],
    ['ftp://proxy', "the scheme is 'ftp'"],
    [
      'http://user:secret@proxy:3128/path?token=abc',
      "got 'http://***@proxy:3128': a proxy URL has no path, query or fragment."
    ],
    ['http://proxy:3128#x', 'a proxy URL has no path, query or fragment'],
    ['http://proxy:0', 'the port must be 1-65535'],
    [
      'http://proxy:65536',
      `${RULE}; it is not a well-formed URL (the value is not shown: it may hold a password).`
    ],
    ['user:secret@proxy:3128', 'it has no scheme (http:// or https://)'],
    ['http://prox y:3128', 'it contains a space or a control character'],
    ['http://user:se cret@proxy', 'it contains a space or a control character'],
    ['http://', 'it is not a well-formed URL']
  ])
})

describe('a proxy password never appears in a message', () => {
  // Passwords long and odd enough not to appear in the message by chance.
  const passwords = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map(p => `Pw${p}`)
  const shapes = [
    (pw: string) => `socks5://user:${pw}@proxy:1080`,
    (pw: string) => `http://user:${pw}@proxy:3128/path`,
    (pw: string) => `http://user:${pw}@proxy:0`,
    (pw: string) => `http://user:${pw}@proxy:99999`,
    (pw: string) => `http://user:${pw}`,
    (pw: string) => `user:${pw}@proxy:3128`,
    (pw: string) => `http://user:${pw} @proxy`,
    (pw: string) => `http://user:${pw}@`,
    (pw: string) => `http://user:${pw}@@proxy:3128?q`,
    (pw: string) => `https://:${pw}@proxy#frag`,
    (pw: string) => `${pw}`,
    (pw: string) => `http://${pw}@proxy/x`
  ]

  test('whatever is wrong with the URL', () => {
    fc.assert(
      fc.property(passwords, fc.constantFrom(...shapes), (password, shape) => {
        let error: unknown
        try {
          parse(withBase({ 'http-proxy': shape(password) }))
        } catch (thrown) {
          error = thrown
        }
        // Every shape is refused, and the refusal never shows the password.
        expect(error).toBeInstanceOf(InputError)
        expect((error as InputError).input).toBe('http-proxy')
        expect((error as InputError).message).not.toContain(password)
      })
    )
  })
})

describe('redactProxyUrl and proxySecrets', () => {
  test('show the scheme and host only', () => {
    expect(redactProxyUrl(new URL('http://u:p@proxy:3128/'))).toBe('http://***@proxy:3128')
    expect(redactProxyUrl(new URL('https://proxy'))).toBe('https://proxy')
  })

  test('the password as written and decoded, for the log to mask', () => {
    expect(proxySecrets('http://u:p%40ss@proxy:3128')).toEqual(['p%40ss', 'p@ss'])
    expect(proxySecrets('http://u:plain@proxy')).toEqual(['plain'])
    expect(proxySecrets('http://u:bad%zz@proxy')).toEqual(['bad%zz'])
    expect(proxySecrets('http://token@proxy')).toEqual([])
    expect(proxySecrets('not a url')).toEqual([])
  })
})
