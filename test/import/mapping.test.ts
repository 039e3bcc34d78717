// docs/import.md shows the mapping table that the builder reads: the two must not drift apart.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAPPING, mappingMarkdown } from '../../src/import'

describe('the mapping table', () => {
  it('is the one docs/import.md shows', () => {
    const doc = readFileSync(new URL('../../docs/import.md', import.meta.url), 'utf8')
    expect(doc).toContain(mappingMarkdown())
  })

  it('names each provider resource once', () => {
    const types = MAPPING.map((m) => m.tfType)
    expect(new Set(types).size).toBe(types.length)
  })
})
