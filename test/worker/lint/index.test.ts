import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { CATALOG, lint } from '../../../worker/lint'
import { reference } from './helpers'

describe('lint of the reference designs', () => {
  it.each(['a', 'b'] as const)('finds no problem at all in reference design (%s)', (which) => {
    expect(lint(reference(which))).toEqual([])
  })

  it('finds nothing on an empty canvas', () => {
    const blank = parse({
      format: 'gwlb-studio/design',
      version: 1,
      name: 'New design',
      regionId: 'cn-hangzhou',
      zones: ['cn-hangzhou-h'],
      accounts: [],
      resources: [],
      layout: {},
      scenarios: [],
    })
    expect(blank.ok && lint(blank.design)).toEqual([])
  })
})

describe('docs/problems.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/problems.md', import.meta.url)), 'utf8')
  const rows = new Map([...doc.matchAll(/^\| `(GWLB-[EW]\d{3})` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]))

  it('lists every code with its severity, and no code the linter lacks', () => {
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(Object.entries(CATALOG).map(([code, e]) => [code, e.severity])),
    )
  })

  it('gives errors E codes and warnings W codes', () => {
    for (const [code, e] of Object.entries(CATALOG)) expect(code[5]).toBe(e.severity === 'error' ? 'E' : 'W')
  })
})
