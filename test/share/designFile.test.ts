import { describe, expect, it } from 'vitest'
import { DESIGN_VERSION } from '../../src/model'
import { designFileName, readDesignFile, writeDesignFile } from '../../src/share/designFile'
import { EXAMPLE_NAMES, example, exampleText } from './fixtures'

describe('design file', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: reads from text and from bytes, and writes the same text back`, () => {
      const text = exampleText(name)
      const fromText = readDesignFile(text)
      const fromBytes = readDesignFile(new TextEncoder().encode(text))
      expect(fromText.ok && fromBytes.ok).toBe(true)
      if (!fromText.ok || !fromBytes.ok) return
      expect(fromBytes.design).toEqual(fromText.design)
      expect(fromText.messages[0]).toBe(`Opened "${fromText.design.name}".`)
      expect(writeDesignFile(fromText.design)).toBe(text)
    })
  }

  it('accepts a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(exampleText('single-zone'))])
    expect(readDesignFile(bytes).ok).toBe(true)
    expect(readDesignFile(`\uFEFF${exampleText('single-zone')}`).ok).toBe(true)
  })

  it('refuses bytes that are not UTF-8, and text that is not JSON, saying the design is unchanged', () => {
    const r = readDesignFile(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d))
    expect(r.ok).toBe(false)
    expect(r.messages[0]).toBe('This file is not a GWLB Studio design.')
    expect(r.messages.at(-1)).toBe('Your current design is unchanged.')
    expect(readDesignFile('name: not json').ok).toBe(false)
    expect(readDesignFile('').ok).toBe(false)
  })

  it('refuses a design from a newer version with a message', () => {
    const d = JSON.parse(exampleText('single-zone'))
    d.version = DESIGN_VERSION + 1
    const r = readDesignFile(JSON.stringify(d))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('too-new')
    expect(r.messages[0]).toMatch(/newer version of GWLB Studio/)
  })

  it('lists the errors of an invalid design, each with its path', () => {
    const d = JSON.parse(exampleText('two-zones'))
    d.resources[2].cidrBlock = '10.0.0.1/16'
    d.resources[3].vpcId = 'vpc-nowhere'
    const r = readDesignFile(JSON.stringify(d))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('invalid')
    expect(r.messages[0]).toMatch(/^The design has \d+ problems?, so it was not opened\.$/)
    expect(r.errors.map((e) => e.path)).toContain('resources[2].cidrBlock')
    expect(r.messages.some((m) => m.includes('resources[2].cidrBlock'))).toBe(true)
  })

  it('names the file after the design', () => {
    expect(designFileName(example('two-zones'))).toBe('gwlb-inspection-two-zones.gwlb.json')
    expect(designFileName({ ...example('two-zones'), name: '../../etc' })).toBe('etc.gwlb.json')
    expect(designFileName({ ...example('two-zones'), name: '检查' })).toBe('design.gwlb.json')
  })
})
