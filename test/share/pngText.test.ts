import { crc32 as nodeCrc32 } from 'node:zlib'
import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { serialise } from '../../src/model'
import { readDesignFile, refuseBySize } from '../../src/share/designFile'
import { embedDesignInPng, PNG_DESIGN_KEYWORD, readDesignFromPng, readDesignTextFromPng } from '../../src/share/pngText'
import { example } from './fixtures'

// Built here with Node's own CRC-32, so the module's CRC is checked against an independent one.
function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type)
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(typeBytes, 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, nodeCrc32(Buffer.concat([typeBytes, data])))
  return out
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts))
}

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10)

/** A 1x1 RGBA PNG: IHDR, one IDAT row (filter 0, one pixel), IEND; extra chunks go before IEND. */
function tinyPng(...extra: Uint8Array[]): Uint8Array {
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, 1)
  v.setUint32(4, 1)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return concat(
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(Uint8Array.of(0, 255, 0, 0, 255))),
    ...extra,
    chunk('IEND', new Uint8Array(0)),
  )
}

function chunkList(png: Uint8Array): { type: string; crcOk: boolean }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: { type: string; crcOk: boolean }[] = []
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at)
    const body = png.subarray(at + 4, at + 8 + len)
    out.push({
      type: Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1'),
      crcOk: view.getUint32(at + 8 + len) === nodeCrc32(body),
    })
    at += 12 + len
  }
  return out
}

function embedded(png: Uint8Array): Uint8Array {
  const r = embedDesignInPng(png, example('two-zones'))
  if (!r.ok) throw new Error(r.problem)
  return r.png
}

describe('design in a PNG text chunk', () => {
  it('round-trips the identical design through a 1x1 PNG, which stays a valid PNG', () => {
    const design = example('two-zones')
    const png = embedded(tinyPng())
    const chunks = chunkList(png)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND'])
    expect(chunks.every((c) => c.crcOk)).toBe(true)
    const back = readDesignFromPng(png)
    expect(back.ok).toBe(true)
    if (!back.ok) return
    expect(back.design).toEqual(design)
    expect(serialise(back.design)).toBe(serialise(design))
    // a dropped file goes the same way
    const dropped = readDesignFile(png)
    expect(dropped.ok && dropped.design).toEqual(design)
  })

  it('replaces the design chunk when an opened image is exported again', () => {
    const once = embedded(tinyPng())
    const twice = embedDesignInPng(once, example('single-zone'))
    expect(twice.ok).toBe(true)
    if (!twice.ok) return
    expect(chunkList(twice.png).filter((c) => c.type === 'iTXt')).toHaveLength(1)
    const back = readDesignFromPng(twice.png)
    expect(back.ok && back.design.name).toBe(example('single-zone').name)
  })

  it('keeps labels in any script (iTXt is UTF-8)', () => {
    const d = structuredClone(example('single-zone'))
    d.name = '检查 — GWLB «test» 🔥'
    const r = embedDesignInPng(tinyPng(), d)
    if (!r.ok) throw new Error(r.problem)
    const back = readDesignFromPng(r.png)
    expect(back.ok && back.design.name).toBe(d.name)
  })

  it('says so when a PNG carries no design', () => {
    const r = readDesignFromPng(tinyPng())
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.messages[0]).toBe('This image does not carry a GWLB Studio design.')
    expect(r.messages.join(' ')).toContain('carries no design')
    expect(readDesignTextFromPng(tinyPng())).toEqual({ ok: false, problem: 'no-design' })
  })

  it('refuses bytes that are not a PNG, a cut-short PNG and a corrupted design chunk', () => {
    expect(readDesignTextFromPng(new TextEncoder().encode('{"format":1}'))).toEqual({ ok: false, problem: 'not-png' })
    const png = embedded(tinyPng())
    expect(readDesignTextFromPng(png.subarray(0, png.length - 20))).toEqual({ ok: false, problem: 'damaged' })
    const broken = png.slice()
    const itxt = Buffer.from(broken).indexOf('iTXt')
    broken[itxt + 40] ^= 0xff
    expect(readDesignTextFromPng(broken)).toEqual({ ok: false, problem: 'damaged' })
    const r = readDesignFromPng(broken)
    expect(!r.ok && r.errors[0].code).toBe('GWLB-L001')
    expect(embedDesignInPng(png.subarray(0, 30), example('single-zone')).ok).toBe(false)
  })

  it('also reads a plain tEXt chunk with the keyword, through the loader', () => {
    const text = Buffer.concat([
      Buffer.from(`${PNG_DESIGN_KEYWORD}\0`, 'latin1'),
      Buffer.from(JSON.stringify(example('single-zone')), 'latin1'),
    ])
    const r = readDesignFromPng(tinyPng(chunk('tEXt', new Uint8Array(text))))
    expect(r.ok).toBe(true)
    const bad = Buffer.concat([
      Buffer.from(`${PNG_DESIGN_KEYWORD}\0`, 'latin1'),
      Buffer.from('{"format":"gwlb-studio/design","version":99}', 'latin1'),
    ])
    const refused = readDesignFromPng(tinyPng(chunk('tEXt', new Uint8Array(bad))))
    expect(!refused.ok && refused.reason).toBe('too-new')
  })
})

describe('the design cap holds inside a PNG', () => {
  const keyword = (extra: number[]) => Uint8Array.from([...Buffer.from(PNG_DESIGN_KEYWORD, 'latin1'), 0, ...extra])

  it('refuses an iTXt chunk longer than the cap from its length, before inflating a byte', () => {
    // 6 MB of noise: inflating it would fail as damaged, so "too-large" shows the length was read first
    const noise = new Uint8Array(6_000_000).map((_, i) => (i * 2654435761) >>> 24)
    const png = tinyPng(chunk('iTXt', concat(keyword([1, 0, 0, 0]), noise)))
    expect(readDesignTextFromPng(png)).toEqual({ ok: false, problem: 'too-large' })
    const r = readDesignFile(png)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors[0].code).toBe('GWLB-L021')
    expect(r.messages.join('\n')).toContain('design chunk holds at most 5000000 bytes')
    expect(r.messages.at(-1)).toBe('Your current design is unchanged.')
  })

  it('stops inflating a zTXt or iTXt chunk whose text passes the cap (a 20 kB chunk of 20 MB)', () => {
    const bomb = zlibSync(new Uint8Array(20_000_000).fill(32), { level: 9 })
    expect(bomb.length).toBeLessThan(100_000)
    for (const [type, head] of [
      ['zTXt', keyword([0])],
      ['iTXt', keyword([1, 0, 0, 0])],
    ] as const) {
      const png = tinyPng(chunk(type, concat(head, bomb)))
      expect(readDesignTextFromPng(png)).toEqual({ ok: false, problem: 'too-large' })
    }
  })

  it('opens the design of a large image: 24 MB of pixel data in 8 kB chunks, as encoders write them', () => {
    const idat = chunk('IDAT', new Uint8Array(8192).fill(7))
    const pixels = concat(...Array.from({ length: 3000 }, () => idat))
    const png = embedded(tinyPng(pixels))
    expect(png.length).toBeGreaterThan(24_000_000)
    const r = readDesignFile(png)
    expect(r.ok && r.design).toEqual(example('two-zones'))
  })

  it('refuses a PNG file past 64 MB and a JSON file past 5 MB from the size and first bytes alone', () => {
    const head = SIGNATURE
    expect(refuseBySize(64_000_000, head)).toBeNull()
    const png = refuseBySize(64_000_001, head)
    expect(png?.errors[0].code).toBe('GWLB-L021')
    expect(png?.messages.join('\n')).toContain("a PNG of at most 64000000 bytes; open the design's JSON file instead")
    const json = new TextEncoder().encode('{"format"')
    expect(refuseBySize(5_000_000, json)).toBeNull()
    expect(refuseBySize(5_000_001, json)?.messages[1]).toBe(
      'GWLB-L021 document: found "5000001 bytes"; expected a design file of at most 5000000 bytes',
    )
    // a byte-order mark does not count
    expect(refuseBySize(5_000_003, Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b))).toBeNull()
  })
})
