// action.yml as GitHub Marketplace takes it: a description under 125 characters (it refuses a
// longer one at publishing), branding from the allowed icons and colors, and metadata the runner
// reads as the README says (string defaults, a description for every input and output).
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionMetadata {
  name: string
  description: string
  author?: string
  branding?: { icon?: string; color?: string }
  inputs: Record<string, { description: string; required?: boolean; default?: unknown }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

/** The Marketplace refuses a description of 125 characters or more. */
const MAX_DESCRIPTION = 124

/** docs.github.com, metadata syntax, `branding.color`. */
const COLORS = ['white', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

/** docs.github.com, metadata syntax, `branding.icon`: Feather 4.28 without the brand icons and a few others. */
const ICONS = new Set(
  `activity airplay alert-circle alert-octagon alert-triangle align-center align-justify
  align-left align-right anchor aperture archive arrow-down-circle arrow-down-left
  arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right
  arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart
  battery-charging battery bell-off bell bluetooth bold book-open book bookmark box briefcase
  calendar camera-off camera cast check-circle check-square check chevron-down chevron-left
  chevron-right chevron-up chevrons-down chevrons-left chevrons-right chevrons-up circle
  clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain cloud-snow cloud code
  command compass copy corner-down-left corner-down-right corner-left-down corner-left-up
  corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop
  crosshair database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit
  external-link eye-off eye fast-forward feather file-minus file-plus file-text file film filter
  flag folder-minus folder-plus folder gift git-branch git-commit git-merge git-pull-request
  globe grid hard-drive hash headphones heart help-circle home image inbox info italic layers
  layout life-buoy link-2 link list loader lock log-in log-out mail map-pin map maximize-2
  maximize menu message-circle message-square mic-off mic minimize-2 minimize minus-circle
  minus-square minus monitor moon more-horizontal more-vertical move music navigation-2
  navigation octagon package paperclip pause-circle pause percent phone-call phone-forwarded
  phone-incoming phone-missed phone-off phone-outgoing phone pie-chart play-circle play
  plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw repeat rewind
  rotate-ccw rotate-cw rss save scissors search send server settings share-2 share shield-off
  shield shopping-bag shopping-cart shuffle sidebar skip-back skip-forward slash sliders
  smartphone speaker square star stop-circle sun sunrise sunset tablet tag target terminal
  thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2 trash trending-down
  trending-up triangle truck tv type umbrella underline unlock upload-cloud upload user-check
  user-minus user-plus user-x user users video-off video voicemail volume-1 volume-2 volume-x
  volume watch wifi-off wifi wind x-circle x-square x zap-off zap zoom-in zoom-out`.split(/\s+/)
)

const action = parseYaml(readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionMetadata

/** What the Marketplace and the runner would object to, in words. */
function metadataProblems(metadata: ActionMetadata): string[] {
  const problems: string[] = []
  if (!metadata.name?.trim()) problems.push('name is empty')
  const description = metadata.description ?? ''
  if (description.trim() === '') problems.push('description is empty')
  if (description.length > MAX_DESCRIPTION) {
    problems.push(`description has ${description.length} characters; at most ${MAX_DESCRIPTION}`)
  }
  const { icon, color } = metadata.branding ?? {}
  if (!icon || !ICONS.has(icon)) problems.push(`branding.icon '${icon}' is not an allowed icon`)
  if (!color || !COLORS.includes(color)) {
    problems.push(`branding.color '${color}' is not one of ${COLORS.join(', ')}`)
  }
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    if (!spec.description?.trim()) problems.push(`input ${name} has no description`)
    if (spec.default !== undefined && typeof spec.default !== 'string') {
      problems.push(`input ${name}: default ${JSON.stringify(spec.default)} is not a string`)
    }
  }
  for (const [name, spec] of Object.entries(metadata.outputs ?? {})) {
    if (!spec.description?.trim()) problems.push(`output ${name} has no description`)
  }
  return problems
}

describe('action.yml', () => {
  test('is what the Marketplace takes', () => {
    expect(metadataProblems(action)).toEqual([])
  })

  test('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(existsSync(path.join(root, action.runs.main))).toBe(true)
  })

  test('has the inputs and outputs of what was exported and of proxies', () => {
    expect(action.inputs).toMatchObject({
      'create-snapshot': { default: 'false' },
      'snapshot-tags': { default: '' },
      'tables-report': { default: 'auto' },
      'glue-table-prefix': { default: '' },
      'glue-history': { default: 'false' }
    })
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['glue-database', 'http-proxy', 'glue-history-days'])
    )
    expect(action.inputs['glue-database']?.default).toBeUndefined()
    expect(action.inputs['glue-history-days']?.default).toBeUndefined()
    expect(Object.keys(action.outputs)).toEqual(
      expect.arrayContaining(['tables', 'tables-complete', 'tables-incomplete', 'tables-file'])
    )
  })
})

describe('the action.yml checks can fail', () => {
  const valid: ActionMetadata = {
    name: 'x',
    description: 'Export things.',
    branding: { icon: 'database', color: 'orange' },
    inputs: { wait: { description: 'Wait.', default: 'false' } },
    outputs: { status: { description: 'The status.' } },
    runs: { using: 'node24', main: 'dist/index.js' }
  }

  test('valid metadata passes', () => {
    expect(metadataProblems(valid)).toEqual([])
  })

  test('a description of 125 characters is refused, 124 is not', () => {
    expect(metadataProblems({ ...valid, description: 'a'.repeat(124) })).toEqual([])
    expect(metadataProblems({ ...valid, description: 'a'.repeat(125) })).toEqual([
      'description has 125 characters; at most 124'
    ])
  })

  test('a brand icon, a dropped icon and a color outside the list are refused', () => {
    for (const icon of ['github', 'key', 'coffee']) {
      expect(metadataProblems({ ...valid, branding: { icon, color: 'blue' } })).toEqual([
        `branding.icon '${icon}' is not an allowed icon`
      ])
    }
    expect(metadataProblems({ ...valid, branding: { icon: 'database', color: 'pink' } })).toEqual([
      expect.stringContaining("branding.color 'pink'")
    ])
    expect(metadataProblems({ ...valid, branding: undefined })).toHaveLength(2)
  })

  test('a default that YAML reads as a boolean, and a missing description, are reported', () => {
    const inputs = { wait: { description: '', default: false } }
    expect(metadataProblems({ ...valid, inputs })).toEqual([
      'input wait has no description',
      'input wait: default false is not a string'
    ])
  })
})
