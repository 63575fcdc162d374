// What .github/workflows/release.yml asks before it publishes a tag: the release notes (that
// version's CHANGELOG section, dated, and the tag agreeing with package.json), and whether the
// tag is the newest of its major version (only then does `v1` move to it):
//   npx tsx scripts/release.ts notes v1.2.3 notes.md
//   git ls-remote --tags origin | npx tsx scripts/release.ts major v1.2.3
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

export class ReleaseError extends Error {}

export interface ChangelogSection {
  version: string
  /** `YYYY-MM-DD`, or `Unreleased` while the version is being prepared. */
  date: string
  body: string
}

const RELEASE_TAG = /^v(\d+)\.(\d+)\.(\d+)$/
const SECTION = /^## \[([^\]]+)\](?:\s+-\s+(.+?))?\s*$/
const LINK_DEFINITION = /^\[[^\]]+\]:\s+\S+$/

/** The `## [version] - date` sections of a Keep a Changelog file, newest first as written. */
export function changelogSections(markdown: string): ChangelogSection[] {
  const sections: ChangelogSection[] = []
  let current: { version: string; date: string; lines: string[] } | undefined
  const close = (): void => {
    if (!current) return
    const body = current.lines.filter(line => !LINK_DEFINITION.test(line))
    sections.push({ version: current.version, date: current.date, body: body.join('\n').trim() })
  }
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = SECTION.exec(line)
    if (heading || line.startsWith('## ')) {
      close()
      current = heading ? { version: heading[1]!, date: heading[2] ?? '', lines: [] } : undefined
    } else {
      current?.lines.push(line)
    }
  }
  close()
  return sections
}

/** `v1.2.3` as numbers, or an error naming the rule. */
export function parseReleaseTag(tag: string): [number, number, number] {
  const match = RELEASE_TAG.exec(tag)
  if (!match) throw new ReleaseError(`tag '${tag}' is not a release tag: expected vX.Y.Z`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** The notes of the release `tag`: its CHANGELOG section, which must exist, be dated and say something. */
export function releaseNotes(tag: string, packageVersion: string, changelog: string): string {
  parseReleaseTag(tag)
  const version = tag.slice(1)
  if (packageVersion !== version) {
    throw new ReleaseError(
      `tag ${tag} does not match package.json's version ${packageVersion}: set "version": "${version}" and tag again`
    )
  }
  const section = changelogSections(changelog).find(s => s.version === version)
  if (!section) {
    throw new ReleaseError(`CHANGELOG.md has no section '## [${version}] - YYYY-MM-DD'`)
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(section.date)) {
    throw new ReleaseError(
      `CHANGELOG.md's section [${version}] is dated '${section.date || '(nothing)'}': replace it with the release date, YYYY-MM-DD`
    )
  }
  if (section.body === '') throw new ReleaseError(`CHANGELOG.md's section [${version}] is empty`)
  return section.body + '\n'
}

/**
 * The major tag (`v1`) to move to `tag`, or undefined when a newer release of that major exists
 * (a fix to an older minor must not move `v1` back). `tags` are names or `git ls-remote` lines.
 */
export function majorTagToMove(tag: string, tags: string[]): string | undefined {
  const [major, minor, patch] = parseReleaseTag(tag)
  for (const line of tags) {
    const name =
      line
        .trim()
        .split(/\s+/)
        .pop()
        ?.replace(/^refs\/tags\//, '') ?? ''
    const match = RELEASE_TAG.exec(name)
    if (!match || Number(match[1]) !== major) continue
    const other = [Number(match[2]), Number(match[3])]
    if (other[0]! > minor || (other[0] === minor && other[1]! > patch)) return undefined
  }
  return `v${major}`
}

function main(argv: string[]): void {
  const [command, tag = '', out] = argv
  if (command === 'notes' && out) {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    writeFileSync(out, releaseNotes(tag, version, readFileSync('CHANGELOG.md', 'utf8')))
  } else if (command === 'major') {
    process.stdout.write(majorTagToMove(tag, readFileSync(0, 'utf8').split('\n')) ?? '')
  } else {
    throw new ReleaseError('usage: release.ts notes <tag> <out-file> | release.ts major <tag>')
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error
    console.log(`::error::${error.message}`)
    process.exitCode = 1
  }
}
