import { describe, expect, it } from 'vitest'
import { type Design, parse } from '../../../src/model'
import { applyRemedy, createResource, dropTargetOf, type PlaceableKind } from '../../../src/model/edits/create'
import { emptyDesign } from '../../../src/model/edits/empty'
import type { Point } from '../../../src/model/edits/placeDrop'
import { toDrawing } from '../../../src/share/drawing/toDrawing'
import { loadExample } from '../../helpers'

type Box = { x: number; y: number; width: number; height: number }

/** Every drawn box on the page, in page coordinates, as the canvas draws it. */
function boxes(design: Design): Map<string, Box> {
  const { nodes } = toDrawing(design)
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const out = new Map<string, Box>()
  const abs = (id: string): Box => {
    const n = byId.get(id)
    if (!n) throw new Error(`${id} is not drawn`)
    const up = n.parentId ? abs(n.parentId) : { x: 0, y: 0 }
    return { x: n.position.x + up.x, y: n.position.y + up.y, width: n.style.width, height: n.style.height }
  }
  for (const n of nodes) out.set(n.id, abs(n.id))
  return out
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, b: Box) =>
  a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height

/** Drops `kind` on the page point `at`, onto the innermost drawn box there (as the canvas does). */
function drop(design: Design, kind: PlaceableKind, at: Point, onto?: string) {
  const made = createResource(design, kind, dropTargetOf(design, onto ?? null), at)
  if (!made.ok) throw new Error(made.message)
  const loaded = parse(made.design)
  expect(loaded.ok, loaded.ok ? '' : loaded.errors.map((e) => e.message).join('; ')).toBe(true)
  return made
}

describe('a drop lands where it was dropped', () => {
  it('places a leaf centred on the point and a container with its corner at the point', () => {
    const vpc = drop(emptyDesign(), 'vpc', { x: 300, y: 200 })
    const host = drop(vpc.design, 'internetHost', { x: 100, y: 50 })
    const b = boxes(host.design)
    expect(b.get(vpc.id)).toMatchObject({ x: 288, y: 188 })
    const h = b.get(host.id) as Box
    expect(h.x + h.width / 2).toBe(100)
    expect(h.y + h.height / 2).toBe(50)
  })

  it('moves nothing drawn before, even where the default layout would now order things otherwise', () => {
    // the order of the issue: the consumer VPC becomes a consumer only when its GWLBe arrives
    let d = loadExample('single-zone')
    d = {
      ...d,
      layout: {},
      resources: d.resources.filter((r) => r.kind !== 'gwlbEndpoint'),
    }
    // the routes to the GWLBe went with it: keep the tables, drop their entries
    d = {
      ...d,
      resources: d.resources.map((r) =>
        r.kind === 'routeTable'
          ? { ...r, entries: r.entries.filter((e) => e.nextHopType !== 'GatewayLoadBalancerEndpoint') }
          : r,
      ),
    }
    const before = boxes(d)
    const gwlbeVsw = before.get('vsw-gwlbe-h') as Box
    const made = drop(d, 'gwlbEndpoint', { x: gwlbeVsw.x + 130, y: gwlbeVsw.y + 60 }, 'vsw-gwlbe-h')
    const after = boxes(made.design)
    for (const [id, box] of before) {
      const now = after.get(id) as Box
      expect({ id, x: now.x, y: now.y }).toEqual({ id, x: box.x, y: box.y })
    }
    const e = after.get(made.id) as Box
    expect(inside(e, after.get('vsw-gwlbe-h') as Box)).toBe(true)
  })

  it('grows the container to hold a drop near its edge, pushing aside only what it would cover', () => {
    const d = loadExample('single-zone')
    const before = boxes(d)
    const vsw = before.get('vsw-security-h') as Box
    // just inside the bottom right corner of the appliance vSwitch, under its firewalls: the new one sticks out
    const made = drop(d, 'appliance', { x: vsw.x + vsw.width - 20, y: vsw.y + vsw.height - 10 }, 'vsw-security-h')
    const after = boxes(made.design)
    const grown = after.get('vsw-security-h') as Box
    const mine = after.get(made.id) as Box
    expect(grown.width).toBeGreaterThan(vsw.width)
    expect(grown.height).toBeGreaterThan(vsw.height)
    expect(inside(mine, grown)).toBe(true)
    expect(inside(grown, after.get('vpc-security') as Box)).toBe(true)
    expect(mine.x + mine.width / 2).toBe(vsw.x + vsw.width - 20)
    expect(mine.y + mine.height / 2).toBe(vsw.y + vsw.height - 10)
    for (const other of ['fw-1', 'fw-2']) expect(overlap(mine, after.get(other) as Box)).toBe(false)
    // the other VPC is not covered and has not moved
    expect(after.get('vpc-service')).toEqual(before.get('vpc-service'))
  })

  it('dropped on a sibling, steps aside instead of covering it', () => {
    const d = loadExample('single-zone')
    const fw = boxes(d).get('fw-1') as Box
    const made = drop(d, 'appliance', { x: fw.x + fw.width / 2, y: fw.y + fw.height / 2 }, 'fw-1')
    const after = boxes(made.design)
    const mine = after.get(made.id) as Box
    for (const [id, b] of after) if (id.startsWith('fw-') && id !== made.id) expect(overlap(mine, b)).toBe(false)
    expect(mine.y).toBe(fw.y)
  })

  it('a vSwitch in a new zone brings its band, right of the others, and the VPC grows', () => {
    const base = loadExample('single-zone')
    const d = { ...base, zones: [...base.zones, 'cn-hangzhou-i'] }
    const before = boxes(d)
    const vpc = before.get('vpc-service') as Box
    const made = drop(d, 'vswitch', { x: vpc.x + vpc.width - 40, y: vpc.y + 200 }, 'vpc-service/cn-hangzhou-i')
    const after = boxes(made.design)
    const band = after.get('vpc-service/cn-hangzhou-i') as Box
    const old = after.get('vpc-service/cn-hangzhou-h') as Box
    expect(band.x).toBeGreaterThanOrEqual(old.x + old.width)
    expect(band.height).toBe(old.height)
    expect(inside(after.get(made.id) as Box, band)).toBe(true)
    expect(inside(band, after.get('vpc-service') as Box)).toBe(true)
  })
})

describe('a refused drop offers its missing step', () => {
  it('no endpoint service yet, then a whitelist that does not admit the consumer: each one click away', () => {
    let d = loadExample('single-zone')
    d = {
      ...d,
      resources: d.resources.filter((r) => r.kind !== 'gwlbEndpoint' && r.kind !== 'endpointService'),
      layout: {},
    }
    d = {
      ...d,
      resources: d.resources.map((r) =>
        r.kind === 'routeTable'
          ? { ...r, entries: r.entries.filter((e) => e.nextHopType !== 'GatewayLoadBalancerEndpoint') }
          : r,
      ),
    }
    const first = createResource(d, 'gwlbEndpoint', dropTargetOf(d, 'vsw-gwlbe-h'))
    expect(first.ok).toBe(false)
    if (first.ok || !first.remedy) throw new Error('no step offered')
    expect(first.remedy.label).toBe('Create the endpoint service')
    const withService = applyRemedy(d, first.remedy)
    if (!withService.ok) throw new Error(withService.message)
    const second = createResource(withService.design, 'gwlbEndpoint', dropTargetOf(withService.design, 'vsw-gwlbe-h'))
    if (second.ok || !second.remedy) throw new Error('no step offered for the whitelist')
    expect(second.remedy.label).toBe('Add account Application team (consumer) to the whitelist')
    const admitted = applyRemedy(withService.design, second.remedy)
    if (!admitted.ok) throw new Error(admitted.message)
    const third = createResource(admitted.design, 'gwlbEndpoint', dropTargetOf(admitted.design, 'vsw-gwlbe-h'))
    expect(third.ok).toBe(true)
  })

  it('offers nothing where no one step would do', () => {
    const d = loadExample('single-zone')
    const refused = createResource(d, 'ecs', { kind: 'page' })
    expect(refused.ok === false && refused.remedy).toBeFalsy()
  })
})
