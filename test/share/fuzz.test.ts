// Property tests: 10,000 random and mutated documents, links and files, and 2,306 deep, wide and huge ones,
// never make a loader throw; each answer is either a design that parse() accepts again and that holds no control
// character, or errors with a path and a message, and a document nested past the bound is refused for its depth alone.
import { crc32 as nodeCrc32 } from 'node:zlib'
import fc from 'fast-check'
import { deflateSync, zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parse } from '../../src/model'
import { toBase64Url, utf8 } from '../../src/share/bytes'
import { readDesignFile } from '../../src/share/designFile'
import type { DesignLoad } from '../../src/share/load'
import { embedDesignInPng, readDesignFromPng } from '../../src/share/pngText'
import { adler32, decodeShareLink, encodeShareLink } from '../../src/share/shareLink'
import { controlsIn } from '../model/controls'
import { EXAMPLE_NAMES, example } from './fixtures'

function wellFormed(r: DesignLoad): boolean {
  expect(r.messages.length).toBeGreaterThan(0)
  if (r.ok) {
    const again = parse(JSON.parse(JSON.stringify(r.design)))
    expect(again.ok).toBe(true)
    // names are text: nothing that loads holds a control character (test/model/text.test.ts)
    expect(controlsIn(r.design)).toEqual([])
    return true
  }
  expect(r.errors.length).toBeGreaterThan(0)
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string')
    expect(e.message.length).toBeGreaterThan(0)
  }
  return true
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value inside a JSON document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v))
    v.forEach((x, i) => {
      paths(x, [...at, i], out)
    })
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

type Op = { kind: 'delete' } | { kind: 'replace'; value: Json } | { kind: 'copy'; from: number } | { kind: 'duplicate' }

function mutate(doc: Json, picks: { path: number; op: Op }[]): Json {
  let d = structuredClone(doc)
  for (const { path: p, op } of picks) {
    const all = paths(d)
    const path = all[p % all.length]
    const value = op.kind === 'replace' ? op.value : op.kind === 'copy' ? pick(d, all[op.from % all.length]) : undefined
    if (path.length === 0) {
      if (op.kind === 'replace') d = op.value
      continue
    }
    const parent = pick(d, path.slice(0, -1)) as Record<string | number, Json> | Json[]
    const key = path[path.length - 1]
    if (Array.isArray(parent)) {
      const i = key as number
      if (op.kind === 'delete') parent.splice(i, 1)
      else if (op.kind === 'duplicate') parent.splice(i, 0, structuredClone(parent[i]))
      else parent[i] = structuredClone(value ?? null)
    } else if (op.kind === 'delete') delete (parent as Record<string, Json>)[key]
    else if (op.kind !== 'duplicate') (parent as Record<string, Json>)[key] = structuredClone(value ?? null)
  }
  return d
}

function pick(d: Json, path: (string | number)[]): Json {
  let v: Json = d
  for (const k of path) v = (v as Record<string | number, Json>)[k]
  return v
}

const examples = EXAMPLE_NAMES.map((n) => JSON.parse(JSON.stringify(example(n))) as Json)

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'delete' }),
  fc.constant<Op>({ kind: 'duplicate' }),
  fc.nat().map<Op>((from) => ({ kind: 'copy', from })),
  fc
    .oneof(
      fc.jsonValue(),
      fc.constantFrom<Json>(
        '',
        '10.0.1.0/24',
        '0.0.0.0/0',
        '10.0.1.255',
        'vpc-service',
        'gwlbe-h',
        -1,
        1e308,
        2,
        '__proto__',
        '*',
        'vpc\u001b[2J',
        '\u202egnp.exe',
        'a\u0085b',
        '\u2066x',
      ),
    )
    .map<Op>((value) => ({ kind: 'replace', value: value as Json })),
)
const mutations = fc.array(fc.record({ path: fc.nat(), op }), { minLength: 1, maxLength: 4 })
const mutatedDoc = fc.tuple(fc.nat({ max: examples.length - 1 }), mutations).map(([i, m]) => mutate(examples[i], m))

const links = examples.map((d) => {
  const r = encodeShareLink(d as never)
  if (!r.ok) throw new Error('example too large for a link')
  return r.url
})

/** A link changed the ways links get damaged: cut, characters replaced, inserted or removed. */
const mutatedLink = fc
  .tuple(
    fc.nat({ max: links.length - 1 }),
    fc.array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('cut', 'replace', 'insert', 'remove'),
        ch: fc.string({ minLength: 1, maxLength: 1 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([i, edits]) => {
    let s = links[i]
    for (const e of edits) {
      const at = 1 + (e.at % (s.length || 1))
      if (e.kind === 'cut') s = s.slice(0, at)
      else if (e.kind === 'replace') s = s.slice(0, at) + e.ch + s.slice(at + 1)
      else if (e.kind === 'insert') s = s.slice(0, at) + e.ch + s.slice(at)
      else s = s.slice(0, at) + s.slice(at + 1)
    }
    return s
  })

/** A well-formed link around a mutated document: the damage reaches parse(), not just the decoder. */
const linkOfMutatedDoc = mutatedDoc.map((d) => `#d=1.${toBase64Url(deflateSync(utf8(JSON.stringify(d) ?? 'null')))}`)

// The whole file runs in about 10 s on an idle machine; with other jobs and two busy loops on the 2-core machine
// the first two tests took 113 and 63 s. The limit only catches a hang, so it is far above both.
const TIMEOUT = 300_000

describe('loaders never throw (fast-check)', () => {
  it(
    '4,000 mutated and 1,500 random documents, as text and as bytes',
    () => {
      fc.assert(
        fc.property(mutatedDoc, (d) => wellFormed(readDesignFile(JSON.stringify(d) ?? ''))),
        { numRuns: 4000 },
      )
      fc.assert(
        fc.property(fc.jsonValue(), (d) => wellFormed(readDesignFile(JSON.stringify(d) ?? ''))),
        { numRuns: 1000 },
      )
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), (b) => wellFormed(readDesignFile(b))),
        { numRuns: 500 },
      )
    },
    TIMEOUT,
  )

  it(
    '2,000 damaged links, 1,000 links to mutated documents and 1,000 random strings',
    () => {
      fc.assert(
        fc.property(mutatedLink, (s) => wellFormed(decodeShareLink(s))),
        { numRuns: 2000 },
      )
      fc.assert(
        fc.property(linkOfMutatedDoc, (s) => wellFormed(decodeShareLink(s))),
        { numRuns: 1000 },
      )
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.string().map((s) => `#d=1.${s}`),
            fc.base64String().map((s) => `#d=1.${s}`),
            fc.base64String().map((s) => `#d=2.${s}.0000abcd`),
          ),
          (s) => wellFormed(decodeShareLink(s)),
        ),
        { numRuns: 1000 },
      )
    },
    TIMEOUT,
  )

  it(
    '500 damaged PNGs',
    () => {
      // signature, IHDR and IEND only: enough for the chunk walk, which is what the damage exercises
      const png = embedDesignInPng(
        Uint8Array.from(
          Buffer.from(
            '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c489' + '0000000049454e44ae426082',
            'hex',
          ),
        ),
        example('single-zone'),
      )
      if (!png.ok) throw new Error(png.problem)
      const damaged = fc
        .array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        })
        .map((edits) => {
          let b = png.png.slice()
          for (const e of edits) {
            const at = e.at % b.length
            if (e.cut) b = b.slice(0, at)
            else b[at] = e.value
          }
          return b
        })
      fc.assert(
        fc.property(damaged, (b) => wellFormed(readDesignFromPng(b))),
        { numRuns: 500 },
      )
    },
    TIMEOUT,
  )
})

// ── deep, wide and huge shapes ─────────────────────────────────────────────────────────────────────────

/**
 * Nested arrays or objects: `depth` levels around an array of `width` leaves, with `siblings` leaves beside
 * the nesting at its outermost level. Built from lists of brackets joined once, so a deep shape costs its length.
 */
const shapeText = fc
  .record({
    depth: fc.oneof(
      fc.integer({ min: 0, max: 80 }),
      fc.integer({ min: 55, max: 70 }),
      fc.integer({ min: 0, max: 20_000 }),
    ),
    width: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20_000 })),
    siblings: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
    kind: fc.constantFrom('array', 'object', 'mixed'),
    leaf: fc.constantFrom('0', '"x"', 'null', '"[[[{{{"', '1e308', '{}', '[]'),
  })
  .map(({ depth, width, siblings, kind, leaf }) => {
    const opens: string[] = []
    const closes: string[] = []
    for (let i = 0; i < depth; i++) {
      const asObject = kind === 'object' || (kind === 'mixed' && i % 2 === 1)
      opens.push(asObject ? '{"a":' : '[')
      closes.push(asObject ? '}' : ']')
    }
    const leaves = (n: number) => Array.from({ length: n }, () => leaf).join(',')
    const nest = `${opens.join('')}[${leaves(width)}]${closes.reverse().join('')}`
    // the shape's own levels: the brackets, the innermost array, and a leaf that is itself {} or []
    return { text: siblings ? `[${leaves(siblings)},${nest}]` : nest, depth: depth + 1 + (siblings ? 1 : 0) }
  })

/** An example document with one of its values (any path, the root included) replaced by the shape. */
const docWithShape = fc.tuple(fc.nat({ max: examples.length - 1 }), fc.nat(), shapeText).map(([i, at, shape]) => {
  const marker = '__shape__'
  const doc = mutate(examples[i], [{ path: at, op: { kind: 'replace', value: marker } }])
  return { text: (JSON.stringify(doc) ?? '').replace(`"${marker}"`, shape.text), depth: shape.depth }
})

/** Brackets, quotes and backslashes in any order: unbalanced and unterminated nesting. */
const bracketSoup = fc
  .array(fc.constantFrom('[', '[', '{', '{"a":', ']', '}', '"', '\\', ',', '0'), { maxLength: 30_000 })
  .map((parts) => parts.join(''))

function refusedForDepth(r: DesignLoad, depth: number): boolean {
  wellFormed(r)
  // a document deeper than the bound is refused for its depth, and nothing else is tried
  if (depth > 64) expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['GWLB-L020'])
  return true
}

const asLink = (text: string) => {
  const bytes = utf8(text)
  return `#d=2.${toBase64Url(deflateSync(bytes))}.${adler32(bytes)}`
}

/** A 1×1 PNG carrying text in a design chunk of the given type, CRCs correct. */
function pngWith(type: 'iTXt' | 'zTXt' | 'tEXt', text: string): Uint8Array {
  const keyword = [...utf8('gwlb-studio/design'), 0]
  const body =
    type === 'tEXt'
      ? Uint8Array.from([...keyword, ...Buffer.from(text, 'latin1')])
      : type === 'zTXt'
        ? Uint8Array.from([...keyword, 0, ...zlibSync(utf8(text))])
        : Uint8Array.from([...keyword, 1, 0, 0, 0, ...zlibSync(utf8(text))])
  const chunk = (t: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    out.write(t, 4, 'latin1')
    out.set(data, 8)
    out.writeUInt32BE(nodeCrc32(out.subarray(4, 8 + data.length)), 8 + data.length)
    return out
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c489', 'hex'),
      chunk(type, body),
      Buffer.from('0000000049454e44ae426082', 'hex'),
    ]),
  )
}

describe('deep, wide and huge inputs never make a loader throw (fast-check)', () => {
  it(
    '1,000 documents holding deep or wide shapes, 300 bracket soups and 200 deep values in memory',
    () => {
      fc.assert(
        fc.property(docWithShape, ({ text, depth }) => refusedForDepth(readDesignFile(text), depth)),
        { numRuns: 1000 },
      )
      fc.assert(
        fc.property(bracketSoup, (s) => wellFormed(readDesignFile(s))),
        { numRuns: 300 },
      )
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 50_000 }), fc.boolean(), (depth, selfRef) => {
          let v: unknown = 0
          for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
          const doc: Record<string, unknown> = { format: 'gwlb-studio/design', version: depth % 2, x: v }
          if (selfRef) doc.self = doc
          const r = parse(doc)
          expect(r.ok).toBe(false)
          return true
        }),
        { numRuns: 200 },
      )
    },
    TIMEOUT,
  )

  it(
    '300 links with valid checksums around deep or wide shapes',
    () => {
      fc.assert(
        fc.property(docWithShape, ({ text, depth }) => refusedForDepth(decodeShareLink(asLink(text)), depth)),
        { numRuns: 300 },
      )
    },
    TIMEOUT,
  )

  it(
    '300 PNGs carrying deep or wide shapes in iTXt, zTXt and tEXt chunks, and 200 with lying chunk lengths',
    () => {
      fc.assert(
        fc.property(
          docWithShape,
          fc.constantFrom('iTXt', 'zTXt', 'tEXt') as fc.Arbitrary<'iTXt' | 'zTXt' | 'tEXt'>,
          (d, type) => refusedForDepth(readDesignFromPng(pngWith(type, d.text)), d.depth),
        ),
        { numRuns: 300 },
      )
      const png = pngWith('iTXt', JSON.stringify(examples[0]))
      fc.assert(
        fc.property(fc.nat({ max: 2 }), fc.nat(), (which, length) => {
          // the length field of IHDR, the design chunk or IEND says anything at all
          const at = [8, 33, png.length - 12][which]
          const b = png.slice()
          new DataView(b.buffer).setUint32(at, length)
          return wellFormed(readDesignFromPng(b))
        }),
        { numRuns: 200 },
      )
    },
    TIMEOUT,
  )

  it(
    '6 huge inputs around the 5 MB cap, as text, link and PNG',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 4_990_000, max: 5_010_000 }), fc.nat({ max: 2 }), (size, way) => {
          // a design with a description-sized hole filled to reach the size: over the cap it is refused as too large
          const head = '{"format":"gwlb-studio/design","version":1,"x":"'
          const text = `${head}${'y'.repeat(Math.max(0, size - head.length - 2))}"}`
          const r =
            way === 0
              ? readDesignFile(text)
              : way === 1
                ? decodeShareLink(asLink(text))
                : readDesignFromPng(pngWith('iTXt', text))
          wellFormed(r)
          expect(!r.ok && r.errors[0].code).toBe(text.length > 5_000_000 ? 'GWLB-L021' : 'GWLB-L004')
          return true
        }),
        { numRuns: 6 },
      )
    },
    TIMEOUT,
  )
})
