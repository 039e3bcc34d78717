// docs/dispositions.md lists every disposition the engine can end a packet with, in the engine's order.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DISPOSITIONS } from '../../worker/engine'

describe('docs/dispositions.md', () => {
  it('has one row per disposition, in the order of DISPOSITIONS', () => {
    const text = readFileSync('docs/dispositions.md', 'utf8')
    const rows = [...text.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1])
    expect(rows).toEqual([...DISPOSITIONS])
  })
})
