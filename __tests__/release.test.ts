// Releases: the notes the release workflow publishes (scripts/release.ts), when it moves the
// major tag, and one version and one repository name across package.json, the CHANGELOG, the
// docs, the examples and the demo.
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  changelogSections,
  majorTagToMove,
  parseReleaseTag,
  releaseNotes
} from '../scripts/release.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')

const REPOSITORY = 'your-org/rds-export-action'

const pkg = JSON.parse(read('package.json')) as { version: string }
const lock = JSON.parse(read('package-lock.json')) as {
  version: string
  packages: Record<string, { version?: string }>
}
const major = `v${pkg.version.split('.')[0]}`

/** Where users read or copy the action's name and version. */
function publishedText(): { file: string; text: string }[] {
  const files = [
    'README.md',
    'CONTRIBUTING.md',
    'SECURITY.md',
    'CHANGELOG.md',
    'action.yml',
    '.env.example',
    ...readdirSync(path.join(root, 'examples')).map(name => `examples/${name}`),
    ...readdirSync(path.join(root, 'scripts')).map(name => `scripts/${name}`),
    ...readdirSync(path.join(root, 'docs')).map(name => `docs/${name}`)
  ]
  return files.map(file => ({ file, text: read(file) }))
}

/** Every mention of `<owner>/rds-export-action[@ref]` that names another owner or major version. */
function versionProblems(files: { file: string; text: string }[], expectedMajor: string): string[] {
  const problems: string[] = []
  for (const { file, text } of files) {
    for (const m of text.matchAll(/([\w.-]+)\/rds-export-action(?:@([^\s`'"),]+))?/g)) {
      if (m[1] !== REPOSITORY.split('/')[0]) problems.push(`${file}: '${m[0]}' names another owner`)
      const ref = m[2]
      if (ref !== undefined && ref !== expectedMajor && !ref.startsWith('<')) {
        problems.push(`${file}: '${m[0]}' is not @${expectedMajor}`)
      }
    }
    for (const m of text.matchAll(/major tag \(?`(v\d+)`/g)) {
      if (m[1] !== expectedMajor) problems.push(`${file}: the major tag is called ${m[1]}`)
    }
  }
  return problems
}

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

- next thing

## [1.2.0] - 2027-01-15

### Added

- a thing

## [1.1.0] - Unreleased

- undated

## [1.0.0] - 2026-12-01

- first

[1.2.0]: https://github.com/your-org/rds-export-action/releases/tag/v1.2.0
[1.0.0]: https://github.com/your-org/rds-export-action/releases/tag/v1.0.0
`

describe('release notes from the CHANGELOG', () => {
  test('sections with their versions and dates, link definitions left out', () => {
    expect(changelogSections(CHANGELOG)).toEqual([
      { version: 'Unreleased', date: '', body: '- next thing' },
      { version: '1.2.0', date: '2027-01-15', body: '### Added\n\n- a thing' },
      { version: '1.1.0', date: 'Unreleased', body: '- undated' },
      { version: '1.0.0', date: '2026-12-01', body: '- first' }
    ])
  })

  test("a tag's notes are its dated section", () => {
    expect(releaseNotes('v1.2.0', '1.2.0', CHANGELOG)).toBe('### Added\n\n- a thing\n')
    expect(releaseNotes('v1.0.0', '1.0.0', CHANGELOG)).toBe('- first\n')
  })

  test.each([
    ['v1.3.0', '1.3.0', "CHANGELOG.md has no section '## [1.3.0] - YYYY-MM-DD'"],
    ['v1.1.0', '1.1.0', "section [1.1.0] is dated 'Unreleased': replace it with the release date"],
    ['v1.2.0', '1.1.0', "tag v1.2.0 does not match package.json's version 1.1.0"],
    ['v1.2', '1.2.0', "tag 'v1.2' is not a release tag: expected vX.Y.Z"],
    ['v1.2.0-rc.1', '1.2.0', "tag 'v1.2.0-rc.1' is not a release tag"]
  ])('%s with package.json %s is refused', (tag, version, message) => {
    expect(() => releaseNotes(tag, version, CHANGELOG)).toThrow(message)
  })

  test('an empty section is refused', () => {
    expect(() => releaseNotes('v2.0.0', '2.0.0', '## [2.0.0] - 2027-02-01\n\n')).toThrow(
      "CHANGELOG.md's section [2.0.0] is empty"
    )
  })
})

describe('the major tag', () => {
  const remote = [
    'aaa\trefs/tags/v1',
    'bbb\trefs/tags/v1.0.0',
    'ccc\trefs/tags/v1.1.0',
    'ddd\trefs/tags/v2.0.0'
  ]

  test('moves to the newest release of its major version', () => {
    expect(majorTagToMove('v1.1.1', remote)).toBe('v1')
    expect(majorTagToMove('v1.2.0', remote)).toBe('v1')
    expect(majorTagToMove('v1.1.0', remote)).toBe('v1')
    expect(majorTagToMove('v3.0.0', [])).toBe('v3')
  })

  test('stays when a newer release of that major exists', () => {
    expect(majorTagToMove('v1.0.1', remote)).toBeUndefined()
    expect(majorTagToMove('v1.0.9', ['refs/tags/v1.10.0'])).toBeUndefined()
  })

  test('compares numbers, not text', () => {
    expect(parseReleaseTag('v1.10.2')).toEqual([1, 10, 2])
    expect(majorTagToMove('v1.10.0', ['refs/tags/v1.9.9'])).toBe('v1')
  })
})

describe('one version everywhere', () => {
  test('package.json and package-lock.json agree', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(lock.version).toBe(pkg.version)
    expect(lock.packages['']?.version).toBe(pkg.version)
  })

  test("the CHANGELOG's newest version is package.json's, with its link", () => {
    const changelog = read('CHANGELOG.md')
    // An `## [Unreleased]` section may sit above it, gathering what the next version brings.
    const newest = changelogSections(changelog).find(s => /^\d+\.\d+\.\d+$/.test(s.version))
    expect(newest?.version).toBe(pkg.version)
    expect(newest?.body).not.toBe('')
    expect(newest?.date).toMatch(/^(\d{4}-\d{2}-\d{2}|Unreleased)$/)
    expect(changelog).toContain(
      `[${pkg.version}]: https://github.com/${REPOSITORY}/releases/tag/v${pkg.version}`
    )
  })

  test('docs, examples and the demo use the action as your-org/rds-export-action@<major>', () => {
    const files = publishedText()
    expect(versionProblems(files, major)).toEqual([])
    const uses = files.filter(f => f.text.includes(`${REPOSITORY}@${major}`)).map(f => f.file)
    expect(uses).toEqual(
      expect.arrayContaining([
        'README.md',
        'scripts/demo.ts',
        'examples/nightly-export.yml',
        'examples/export-then-load.yml',
        'examples/release-backup-before-migration.yml'
      ])
    )
  })

  test('a stray owner or version is reported', () => {
    const files = [
      { file: 'a.md', text: 'uses: acme/rds-export-action@v1 and `your-org/rds-export-action@v2`' },
      { file: 'b.md', text: 'the major tag (`v0`) moves; pin `your-org/rds-export-action@<sha>`' }
    ]
    expect(versionProblems(files, 'v1')).toEqual([
      "a.md: 'acme/rds-export-action@v1' names another owner",
      "a.md: 'your-org/rds-export-action@v2' is not @v1",
      'b.md: the major tag is called v0'
    ])
  })
})
