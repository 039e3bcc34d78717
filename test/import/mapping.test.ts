// docs/import.md shows the mapping table that the builder reads: the two must not drift apart.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { API_SOURCES, apiSourcesMarkdown, MAPPING, mappingMarkdown } from '../../src/import'

describe('the mapping table', () => {
  it('is the one docs/import.md shows', () => {
    const doc = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8')
    expect(doc).toContain(mappingMarkdown())
  })

  it('lists in docs/import.md every API call the importer reads', () => {
    const doc = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8')
    expect(doc).toContain(apiSourcesMarkdown())
  })

  it('names for each provider resource the API call that gives the same resource', () => {
    for (const m of MAPPING) expect(m.apiCall, m.tfType).toMatch(/^\(?[A-Z][A-Za-z]+/)
    // and each call named there is one the importer reads (or says how it is read)
    const calls = new Set(API_SOURCES.map((s) => s.name))
    for (const m of MAPPING)
      for (const call of m.apiCall.matchAll(/\b((?:Describe|List)[A-Z][A-Za-z0-9]+)/g))
        expect(calls.has(call[1] as never), `${m.tfType}: ${call[1]}`).toBe(true)
  })

  it('names each provider resource once', () => {
    const types = MAPPING.map((m) => m.tfType)
    expect(new Set(types).size).toBe(types.length)
  })
})
