import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { toFlow } from '../../../src/canvas/toFlow'
import type { Design } from '../../../src/model'
import { renderDesignSvg } from '../../../src/share/svg/render'
import { EXAMPLE_NAMES, example } from '../fixtures'

const { DOMParser } = new JSDOM('').window
/** jsdom's XML parser is a conforming one (saxes): a bad character, entity or nesting gives a parsererror. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  expect(error?.textContent ?? null, 'the SVG is well-formed XML').toBeNull()
  expect(doc.documentElement.nodeName).toBe('svg')
  return doc
}

const texts = (doc: Document) => [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '')
const DRAWN = new Set([
  'routeTargetGroup',
  'vpc',
  'vswitch',
  'ipv4Gateway',
  'gwlb',
  'gwlbEndpoint',
  'ecs',
  'appliance',
  'endpointService',
  'internetHost',
])

function withResource(design: Design, id: string, change: Record<string, unknown>): Design {
  return { ...design, resources: design.resources.map((r) => (r.id === id ? ({ ...r, ...change } as typeof r) : r)) }
}

describe('renderDesignSvg', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`draws reference design ${name}: every resource named once, every edge label, a title`, () => {
      const design = example(name)
      const doc = parseSvg(renderDesignSvg(design))
      const shown = texts(doc)
      for (const r of design.resources) {
        if (!DRAWN.has(r.kind)) continue
        expect(
          shown.filter((t) => t === r.name),
          `${r.kind} ${r.id}`,
        ).toHaveLength(1)
        expect(doc.querySelectorAll(`[data-resource-id="${r.id}"]`), r.id).toHaveLength(1)
      }
      const labels = toFlow(design).edges.flatMap((e) => (e.data?.label ? [e.data.label] : []))
      expect(labels.length).toBeGreaterThan(3)
      for (const label of labels) expect(shown, label).toContain(label)
      expect(doc.querySelectorAll('[data-edge-kind]')).toHaveLength(toFlow(design).edges.length)
      // accessible: the picture is named after the design, each resource and line has a title
      expect(doc.documentElement.getAttribute('role')).toBe('img')
      expect(doc.documentElement.firstElementChild?.nodeName).toBe('title')
      expect(doc.documentElement.firstElementChild?.textContent).toBe(design.name)
      for (const g of doc.querySelectorAll('[data-resource-id], [data-edge-kind]'))
        expect(g.firstElementChild?.nodeName).toBe('title')
      expect(shown).toContain(`Region ${design.regionId} · the whole design · GWLB Studio`)
      expect(shown).toContain('PrivateLink connection')
    })
  }

  it('draws only a selection and what it holds, with the lines between them, under the given subtitle', () => {
    const design = example('two-zones')
    const inside = new Set(['vpc-security'])
    for (let grew = true; grew; ) {
      grew = false
      for (const n of toFlow(design).nodes)
        if (n.parentId && inside.has(n.parentId) && !inside.has(n.id)) grew = inside.add(n.id).size > 0
    }
    const shown = texts(parseSvg(renderDesignSvg(design, { only: [...inside], subtitle: 'the selection' })))
    expect(shown).toContain('Security VPC')
    expect(shown).toContain('Firewall I2')
    expect(shown).toContain('the selection')
    expect(shown).not.toContain('Service VPC')
    expect(shown).not.toContain('Inspection service')
    expect(shown).not.toContain('PrivateLink')
  })

  it('refers to nothing outside itself', () => {
    const svg = renderDesignSvg(example('two-zones'))
    expect(svg).not.toMatch(/href|url\(|<image|<foreignObject|<script|<style|@import/i)
  })

  it('escapes hostile names: markup, entities, quotes, CDATA ends and characters XML cannot carry', () => {
    const hostile = '<script>alert("x")</script> & \'q\' ]]> <![CDATA[ &amp;'
    const broken = 'ctl\u0001\u0008 lone\ud800 nul\u0000 ok'
    let design = withResource(example('two-zones'), 'vpc-service', { name: hostile })
    design = withResource(design, 'ecs-web-1', { name: broken })
    design = { ...design, name: `${hostile} design`, description: '"quoted" </desc><script/>' }
    const svg = renderDesignSvg(design)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain(']]>')
    expect(svg).not.toContain('<![CDATA[')
    const doc = parseSvg(svg)
    expect(doc.getElementsByTagName('script')).toHaveLength(0)
    expect(doc.documentElement.firstElementChild?.textContent).toBe(`${hostile} design`)
    expect(doc.getElementsByTagName('desc')[0].textContent).toContain('"quoted" </desc><script/>')
    // the VPC title shows the text as text (cut to the VPC's width if need be), and its tooltip whole
    expect(doc.querySelector('[data-resource-id="vpc-service"] > title')?.textContent).toContain(hostile)
    expect(texts(doc).some((t) => t.startsWith('<script>alert("x")'))).toBe(true)
    expect(texts(doc)).toContain('ctl\ufffd\ufffd lone\ufffd nul\ufffd ok')
  })

  it('badges problems on their first resource and draws a broken PrivateLink red', () => {
    const design = withResource(example('two-zones'), 'gwlbe-h', { connectionStatus: 'Disconnected' })
    const svg = renderDesignSvg(design, {
      problems: [
        { code: 'GWLB-E001', severity: 'error', message: 'first <problem>', resourceIds: ['gwlbe-h', 'svc'] },
        { code: 'GWLB-W002', severity: 'warning', message: 'second', resourceIds: ['gwlbe-h'] },
        { code: 'GWLB-W003', severity: 'warning', message: 'on a vSwitch', resourceIds: ['vsw-gwlbe-i'] },
      ],
    })
    const doc = parseSvg(svg)
    const badge = doc.querySelector('[data-resource-id="gwlbe-h"] [data-problems]')
    expect(badge?.getAttribute('data-problems')).toBe('2')
    expect(badge?.querySelector('rect')?.getAttribute('fill')).toBe('#dc2626')
    expect(badge?.querySelector('title')?.textContent).toBe('GWLB-E001 first <problem>\nGWLB-W002 second')
    expect(doc.querySelectorAll('[data-problems]')).toHaveLength(2)
    expect(texts(doc)).toContain('PrivateLink · Disconnected')
    const link = doc.querySelector('[data-edge-kind="privateLink"] path')
    expect(link?.getAttribute('stroke')).toBe('#dc2626')
  })

  it('draws a design with nothing in it as its header alone', () => {
    const doc = parseSvg(renderDesignSvg({ ...example('single-zone'), resources: [], layout: {} }))
    expect(Number(doc.documentElement.getAttribute('width'))).toBeGreaterThan(400)
    expect(doc.querySelectorAll('[data-resource-id]')).toHaveLength(0)
  })

  it('is deterministic: the same design gives the same bytes, for diffs in git', () => {
    expect(renderDesignSvg(example('single-zone'))).toBe(renderDesignSvg(example('single-zone')))
  })
})
