import { describe, expect, it } from 'vitest'
import { type CanvasNode, toFlow } from '../../src/canvas/toFlow'
import { computeLayout, type Design, SIZES } from '../../src/model'
import { scaleDesign } from '../fixtures/canvas/design'
import { loadExample } from '../helpers'

type Box = { x: number; y: number; w: number; h: number }

function absoluteBoxes(nodes: CanvasNode[]): Map<string, Box> {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const out = new Map<string, Box>()
  const box = (id: string): Box => {
    const hit = out.get(id)
    if (hit) return hit
    const n = byId.get(id) as CanvasNode
    const parent = n.parentId ? box(n.parentId) : { x: 0, y: 0 }
    const b = {
      x: parent.x + n.position.x,
      y: parent.y + n.position.y,
      w: Number(n.style?.width),
      h: Number(n.style?.height),
    }
    out.set(id, b)
    return b
  }
  for (const n of nodes) box(n.id)
  return out
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h

describe('document → canvas', () => {
  for (const name of ['single-zone', 'two-zones'] as const) {
    describe(name, () => {
      const design = loadExample(name)
      const { nodes, edges } = toFlow(design)

      it('draws every resource except route tables and security groups (shown on their owners), parents first', () => {
        const drawn = design.resources
          .filter((r) => r.kind !== 'routeTable' && r.kind !== 'securityGroup')
          .map((r) => r.id)
        expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(drawn))
        const seen = new Set<string>()
        for (const n of nodes) {
          if (n.parentId) expect(seen.has(n.parentId), `${n.id} before its parent ${n.parentId}`).toBe(true)
          seen.add(n.id)
        }
        expect(nodes.find((n) => n.id === 'ecs-web-1')?.parentId).toBe('vsw-app-h')
        expect(nodes.find((n) => n.id === 'vsw-app-h')?.parentId).toBe('vpc-service/cn-hangzhou-h')
        expect(nodes.find((n) => n.id === 'vpc-service/cn-hangzhou-h')?.parentId).toBe('vpc-service')
      })

      it('lays containers out without overlaps, each inside its parent', () => {
        const boxes = absoluteBoxes(nodes)
        for (const a of nodes)
          for (const b of nodes) {
            if (a.id >= b.id || a.parentId !== b.parentId) continue
            expect(overlap(boxes.get(a.id) as Box, boxes.get(b.id) as Box), `${a.id} overlaps ${b.id}`).toBe(false)
          }
        for (const n of nodes) {
          // the IPv4 gateway straddles its VPC's edge on purpose: it is the VPC's door
          if (!n.parentId || n.type === 'ipv4Gateway') continue
          expect(inside(boxes.get(n.id) as Box, boxes.get(n.parentId) as Box), `${n.id} outside ${n.parentId}`).toBe(
            true,
          )
        }
      })

      it('draws edges from configuration only: routes labelled with their destination, PrivateLink, service, server group', () => {
        const routes = edges.filter((e) => e.data?.kind === 'route')
        const expectedRoutes = design.resources.flatMap((r) => {
          if (r.kind === 'vswitch' && r.routeTableId) {
            const t = design.resources.find((x) => x.id === r.routeTableId)
            return t?.kind === 'routeTable'
              ? t.entries.map((e) => `${r.id}→${e.nextHopId} ${e.destinationCidrBlock}`)
              : []
          }
          if (r.kind === 'ipv4Gateway') {
            const t = design.resources.find((x) => x.id === r.gatewayRouteTableId)
            return t?.kind === 'routeTable'
              ? t.entries.map((e) => `${r.id}→${e.nextHopId} ${e.destinationCidrBlock}`)
              : []
          }
          return []
        })
        expect(routes.map((e) => `${e.source}→${e.target} ${e.data?.label}`).sort()).toEqual(expectedRoutes.sort())
        const endpoints = design.resources.filter((r) => r.kind === 'gwlbEndpoint')
        expect(
          edges
            .filter((e) => e.data?.kind === 'privateLink')
            .map((e) => e.source)
            .sort(),
        ).toEqual(endpoints.map((e) => e.id).sort())
        const appliances = design.resources.filter((r) => r.kind === 'appliance').map((r) => r.id)
        expect(
          edges
            .filter((e) => e.data?.kind === 'serverGroup')
            .map((e) => e.target)
            .sort(),
        ).toEqual(appliances.sort())
        expect(edges.filter((e) => e.data?.kind === 'serviceResource').map((e) => `${e.source}→${e.target}`)).toEqual([
          'epsrv-inspection→gwlb-inspection',
        ])
      })
    })
  }

  it('shows a not-connected endpoint in its PrivateLink label', () => {
    const design = loadExample('single-zone')
    const changed = {
      ...design,
      resources: design.resources.map((r) =>
        r.kind === 'gwlbEndpoint' ? { ...r, connectionStatus: 'Disconnected' as const } : r,
      ),
    }
    const edge = toFlow(changed).edges.find((e) => e.data?.kind === 'privateLink')
    expect(edge?.data?.label).toBe('PrivateLink · Disconnected')
  })

  it('draws no edge to a next hop that does not exist (the linter reports the black hole)', () => {
    const design = loadExample('single-zone')
    const changed = {
      ...design,
      resources: design.resources.map((r) =>
        r.kind === 'routeTable' && r.id === 'rtb-app-h'
          ? { ...r, entries: [{ ...r.entries[0], nextHopId: 'gwlbe-gone' }] }
          : r,
      ),
    }
    expect(toFlow(changed).edges.some((e) => e.target === 'gwlbe-gone')).toBe(false)
  })

  it('keeps every contained resource inside its container when dragged, except the gateway on its VPC’s edge', () => {
    const { nodes } = toFlow(loadExample('two-zones'))
    const kept = nodes.filter((n) => n.parentId && n.type !== 'ipv4Gateway')
    expect(kept.map((n) => n.type)).toEqual(
      expect.arrayContaining(['zone', 'vswitch', 'ecs', 'appliance', 'gwlbEndpoint', 'gwlb']),
    )
    for (const n of kept) expect(n.extent, n.id).toBe('parent')
    const gateway = nodes.find((n) => n.type === 'ipv4Gateway') as CanvasNode
    expect(gateway.parentId).toBeDefined()
    expect(gateway.extent).toBeUndefined()
    for (const n of nodes.filter((m) => !m.parentId)) expect(n.extent, n.id).toBeUndefined()
  })

  it('lays out a design that has no layout section', () => {
    const design = { ...loadExample('two-zones'), layout: {} }
    const { nodes } = toFlow(design)
    const boxes = absoluteBoxes(nodes)
    expect(boxes.get('vpc-service')?.w).toBeGreaterThan(0)
    expect(overlap(boxes.get('vpc-service') as Box, boxes.get('vpc-security') as Box)).toBe(false)
  })

  it('draws a document once: the same document gives the same drawing, an edited one a fresh drawing of itself', () => {
    const design = loadExample('two-zones')
    const first = toFlow(design)
    expect(toFlow(design)).toBe(first)
    const moved = { ...design, layout: { ...design.layout, 'vpc-service': { x: 999, y: 7 } } }
    const after = toFlow(moved)
    expect(after).not.toBe(first)
    expect(after.nodes.find((n) => n.id === 'vpc-service')?.position).toEqual({ x: 999, y: 7 })
    expect(first.nodes.find((n) => n.id === 'vpc-service')?.position).not.toEqual({ x: 999, y: 7 })
  })

  describe('where the document places a box, and where it does not', () => {
    const design = scaleDesign()
    const computed = computeLayout(design)
    // every box placed, each somewhere the default layout would not put it (as an ELK layout, or a drag, would)
    const placed: Design['layout'] = Object.fromEntries(
      Object.entries(computed).map(([id, e], i) => [id, { ...e, x: e.x + 7 + (i % 5), y: e.y + 3 }]),
    )
    const at = (nodes: CanvasNode[], id: string) => {
      const n = nodes.find((m) => m.id === id) as CanvasNode
      return { x: n.position.x, y: n.position.y, width: n.style?.width, height: n.style?.height }
    }

    it('draws every box where the document places it, with the size it gives', () => {
      const { nodes } = toFlow({ ...design, layout: placed })
      expect(nodes.map((n) => n.id).sort()).toEqual(Object.keys(placed).sort())
      for (const n of nodes) {
        const e = placed[n.id]
        expect(at(nodes, n.id), n.id).toEqual({
          x: e.x,
          y: e.y,
          width: e.width ?? SIZES.leaf.width,
          height: e.height ?? SIZES.leaf.height,
        })
      }
    })

    it('gives a box the document does not place its default place and size, and leaves the others where they are', () => {
      const unplaced = ['vsw-a-3-1', 'vpc-3/cn-hangzhou-i', 'ecs-3-1-0', 'vpc-7']
      for (const id of unplaced) expect(placed[id], id).toBeDefined()
      const layout = Object.fromEntries(Object.entries(placed).filter(([id]) => !unplaced.includes(id)))
      const { nodes } = toFlow({ ...design, layout })
      for (const n of nodes) {
        const e = unplaced.includes(n.id) ? computed[n.id] : placed[n.id]
        expect(at(nodes, n.id), n.id).toEqual({
          x: e.x,
          y: e.y,
          width: e.width ?? SIZES.leaf.width,
          height: e.height ?? SIZES.leaf.height,
        })
      }
    })
  })
})

describe('handles kept in the overview', () => {
  it('lists on each node exactly the handles its edges leave and enter by, and none on a node without edges', () => {
    const { nodes, edges } = toFlow(loadExample('two-zones'))
    const expected = new Map<string, Set<string>>()
    for (const e of edges) {
      expected.set(e.source, (expected.get(e.source) ?? new Set()).add(e.sourceHandle as string))
      expected.set(e.target, (expected.get(e.target) ?? new Set()).add(e.targetHandle as string))
    }
    for (const n of nodes) {
      if (n.type === 'zone') continue
      expect(n.data.handles ?? [], n.id).toEqual([...(expected.get(n.id) ?? [])].sort())
    }
    const gwlbe = nodes.find((n) => n.id === 'gwlbe-h')
    // the PrivateLink line leaves the GWLBe downwards; routes from its vSwitch and the gateway come in
    expect(gwlbe?.type !== 'zone' && gwlbe?.data.handles).toContain('bottom-source')
    expect(nodes.find((n) => n.id === 'ecs-web-1')?.data).not.toHaveProperty('handles')
  })
})

describe('internet lines', () => {
  it('joins every internet host to the IPv4 gateway in the reference design', () => {
    const internet = toFlow(loadExample('two-zones')).edges.filter((e) => e.data?.kind === 'internet')
    expect(internet.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
      'internet-client>igw-service',
      'update-server>igw-service',
    ])
  })

  it('past 40 host-to-gateway lines draws one line per gateway, from the host nearest it', () => {
    const design = scaleDesign()
    const { nodes, edges } = toFlow(design)
    const internet = edges.filter((e) => e.data?.kind === 'internet')
    const gateways = design.resources.filter((r) => r.kind === 'ipv4Gateway').map((r) => r.id)
    expect(internet.map((e) => e.target).sort()).toEqual([...gateways].sort())
    const boxes = absoluteBoxes(nodes)
    const centre = (id: string) => {
      const b = boxes.get(id) as Box
      return { x: b.x + b.w / 2, y: b.y + b.h / 2 }
    }
    const hosts = design.resources.filter((r) => r.kind === 'internetHost').map((r) => r.id)
    for (const e of internet) {
      const d = (h: string) => Math.hypot(centre(h).x - centre(e.target).x, centre(h).y - centre(e.target).y)
      expect(d(e.source)).toBe(Math.min(...hosts.map(d)))
    }
  })
})

describe('a route target group on the canvas (reference design (c))', () => {
  it('is drawn in its VPC with a line to each member, the standby’s marked, and the routes naming it end on it', () => {
    const { nodes, edges } = toFlow(loadExample('zone-failover'))
    const group = nodes.find((n) => n.id === 'rtg-inspection')
    expect(group?.type).toBe('routeTargetGroup')
    expect(group?.parentId).toBe('vpc-service')
    const members = edges.filter((e) => e.type === 'routeTarget')
    expect(members.map((e) => [e.source, e.target, e.data?.role, e.data?.label])).toEqual([
      ['rtg-inspection', 'gwlbe-h', 'active', 'active · 100'],
      ['rtg-inspection', 'gwlbe-i', 'standby', 'standby · 0'],
    ])
    const toGroup = edges.filter((e) => e.type === 'route' && e.target === 'rtg-inspection')
    expect(toGroup.map((e) => e.source).sort()).toEqual(['igw-service', 'igw-service', 'vsw-app-h', 'vsw-app-i'])
    // placed beside the VPC's other wide resources, overlapping none of its zones
    const boxes = absoluteBoxes(nodes)
    const g = boxes.get('rtg-inspection') as Box
    for (const z of ['vpc-service/cn-hangzhou-h', 'vpc-service/cn-hangzhou-i'])
      expect(overlap(g, boxes.get(z) as Box), z).toBe(false)
  })
})
