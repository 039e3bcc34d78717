// Names are text: the loader refuses a document whose strings hold control characters (C0, DEL, C1) or the
// bidirectional embeddings, overrides and isolates, at the path of the string, and no design it loads holds one
// (a description keeps tab and line breaks). docs/format.md, "Shared field types".
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, parse } from '../../src/model'
import { EXAMPLE_NAMES, example } from '../share/fixtures'
import { CONTROLS, controlsIn, IN_LINES } from './controls'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Path = (string | number)[]

/** The path of every string value in a document, with the key it is under. */
function stringPaths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  if (typeof v === 'string') out.push(at)
  else if (Array.isArray(v))
    v.forEach((x, i) => {
      stringPaths(x, [...at, i], out)
    })
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, [...at, k], out)
  return out
}

function pathText(path: Path): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '')
}

function setAt(doc: Json, path: Path, value: Json): Json {
  const copy = structuredClone(doc)
  let v = copy as Record<string | number, Json>
  for (const p of path.slice(0, -1)) v = v[p] as Record<string | number, Json>
  v[path[path.length - 1] as string | number] = value
  return copy
}

const designs = EXAMPLE_NAMES.map((n) => JSON.parse(JSON.stringify(example(n))) as Json)

describe('names and descriptions are text, never control characters', () => {
  it('refuses ESC in the design’s name, at its path, quoting it escaped', () => {
    const r = parse({ ...example('single-zone'), name: 'prod\u001b[2J' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({ code: 'GWLB-L004', path: 'name', value: '"prod\\u001b[2J"' })
    expect(r.errors[0].expected).toMatch(/^text without control characters/)
  })

  it('refuses a right-to-left override in a resource’s name, and writes it as \\u202e in the message', () => {
    const d = example('single-zone')
    const named: Design = { ...d, resources: d.resources.map((r, i) => (i === 2 ? { ...r, name: 'abc\u202edef' } : r)) }
    const r = parse(named)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => e.path)).toEqual(['resources[2].name'])
    expect(r.errors[0].message).toContain('"abc\\u202edef"')
    expect(r.errors[0].message).not.toContain('\u202e')
  })

  it('keeps tab and line breaks in a description, and refuses an escape or a C1 control there', () => {
    const d = example('single-zone')
    expect(parse({ ...d, description: 'first line\n\tsecond line\r\n' }).ok).toBe(true)
    const r = parse({ ...d, description: 'first line\u0085\u001b' })
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['description'])
  })

  it('drops a layout entry whose key holds a control character, and says so with the character escaped', () => {
    const d = example('single-zone')
    const r = parse({ ...d, layout: { ...d.layout, 'x\u001b\u202e': { x: 0, y: 0 } } })
    expect(r.ok && r.repairs).toEqual(['layout["x\\u001b\\u202e"] names nothing in the design; dropped'])
  })
})

describe('no control character comes out of load() (fast-check)', () => {
  const paths = designs.map((d) => stringPaths(d))
  const inserted = fc
    .record({
      design: fc.nat({ max: designs.length - 1 }),
      path: fc.nat(),
      at: fc.nat(),
      control: fc.constantFrom(...CONTROLS),
    })
    .map(({ design, path, at, control }) => {
      const p = paths[design][path % paths[design].length]
      const doc = designs[design]
      let value = doc as Json
      for (const k of p) value = (value as Record<string | number, Json>)[k]
      const text = value as string
      const i = at % (text.length + 1)
      return { doc: setAt(doc, p, text.slice(0, i) + control + text.slice(i)), path: p, control }
    })

  it('a control character put into any string of a reference design is refused at that string’s path', () => {
    let checked = 0
    fc.assert(
      fc.property(inserted, ({ doc, path, control }) => {
        const r = parse(doc)
        const key = path[path.length - 1]
        // tab and line breaks are text in a description: the one place they load
        if (key === 'description' && IN_LINES.has(control)) return r.ok
        checked++
        return !r.ok && r.errors.some((e) => e.path === pathText(path))
      }),
      { numRuns: 3000 },
    )
    // the filter leaves out only a description's tab and line breaks: almost every case was checked
    expect(checked).toBeGreaterThan(2500)
  })

  it('whatever a design’s names, descriptions and layout keys hold, what loads holds no control character', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.array(fc.constantFrom(...CONTROLS, 'a', ' ', 'é', '\u05d0'), { maxLength: 8 }).map((cs) => cs.join('')),
    )
    fc.assert(
      fc.property(fc.nat({ max: designs.length - 1 }), fc.nat(), anyText, fc.boolean(), (i, pick, text, asKey) => {
        const doc = designs[i] as { layout: Record<string, Json> }
        const targets = paths[i].filter((p) => ['name', 'description'].includes(String(p[p.length - 1])))
        const changed = asKey
          ? { ...doc, layout: { ...doc.layout, [text]: { x: 1, y: 1 } } }
          : setAt(doc as Json, targets[pick % targets.length], text)
        const r = parse(changed)
        return !r.ok || controlsIn(r.design).length === 0
      }),
      { numRuns: 1000 },
    )
  })
})
