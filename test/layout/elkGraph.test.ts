// Auto-layout with elkjs's plain build (the browser runs the same mapping beside elkjs's worker).
import ELK from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import { autoLayout, drawnTree, flowLinks, type Layout, liftedLinks, toElkGraph } from '../../src/layout/elkGraph'
import { type Design, parse, SIZES, withDefaultLayout } from '../../src/model'
import { generateDesign } from '../fixtures/engine/generate'
import { loadExample } from '../helpers'

const elk = new ELK()

type Box = { x: number; y: number; width: number; height: number }
const boxOf = (layout: Layout, id: string): Box => ({
  x: layout[id].x,
  y: layout[id].y,
  width: layout[id].width ?? SIZES.leaf.width,
  height: layout[id].height ?? SIZES.leaf.height,
})
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Siblings that overlap, and children that stick out of their container, under `root` (the page if undefined). */
function faults(design: Design, layout: Layout, root?: string): string[] {
  const tree = drawnTree(design)
  const out: string[] = []
  const visit = (parent: string | undefined) => {
    const kids = tree.children.get(parent) ?? []
    for (let i = 0; i < kids.length; i++) {
      const a = boxOf(layout, kids[i])
      // Tidy's IPv4 gateway straddles its VPC's top edge on purpose; a container layout keeps it there
      if (parent !== undefined && tree.kind.get(kids[i]) !== 'ipv4Gateway') {
        const p = boxOf(layout, parent)
        if (a.x < 0 || a.y < 0 || a.x + a.width > p.width || a.y + a.height > p.height)
          out.push(`${kids[i]} sticks out of ${parent}`)
      }
      for (let j = i + 1; j < kids.length; j++)
        if (overlap(a, boxOf(layout, kids[j]))) out.push(`${kids[i]} overlaps ${kids[j]}`)
      visit(kids[i])
    }
  }
  visit(root)
  return out
}

/** Absolute box of a drawn id, through its parents. */
function absolute(design: Design, layout: Layout, id: string): Box {
  const tree = drawnTree(design)
  const own = boxOf(layout, id)
  const parent = tree.parent.get(id)
  if (parent === undefined) return own
  const p = absolute(design, layout, parent)
  return { ...own, x: own.x + p.x, y: own.y + p.y }
}

describe('auto-layout of the whole design', () => {
  for (const name of ['single-zone', 'two-zones'] as const) {
    it(`places every drawn resource of reference ${name}, with no overlap and every child inside its container`, async () => {
      const design = loadExample(name)
      const layout = await autoLayout(elk, design)
      const tree = drawnTree(design)
      expect(Object.keys(layout).sort()).toEqual([...tree.parent.keys()].sort())
      expect(faults(design, layout)).toEqual([])
      const loaded = parse({ ...design, layout })
      expect(loaded.ok).toBe(true)
    })
  }

  it('reads from the internet down to the appliances: hosts, gateway, endpoints, service, GWLB, firewalls', async () => {
    const design = loadExample('two-zones')
    const layout = await autoLayout(elk, design)
    const top = (id: string) => absolute(design, layout, id).y
    const order = ['internet-client', 'igw-service', 'gwlbe-h', 'epsrv-inspection', 'gwlb-inspection', 'fw-h1']
    const ys = order.map(top)
    expect(ys).toEqual([...ys].sort((a, b) => a - b))
    expect(new Set(ys).size).toBe(ys.length)
    // zones are columns in the design's zone order; workloads left of the endpoint's vSwitch in a zone
    expect(absolute(design, layout, 'vpc-service/cn-hangzhou-h').x).toBeLessThan(
      absolute(design, layout, 'vpc-service/cn-hangzhou-i').x,
    )
    expect(layout['vpc-service/cn-hangzhou-h'].height).toBe(layout['vpc-service/cn-hangzhou-i'].height)
    expect(layout['vsw-app-h'].x).toBeLessThan(layout['vsw-gwlbe-h'].x)
  })

  it('gives the same layout for the same design', async () => {
    const design = loadExample('two-zones')
    expect(await autoLayout(elk, design)).toEqual(await autoLayout(elk, design))
  })

  it('lays out a generated design of 2,000 resources in rows no wider than a few VPCs', async () => {
    const design = generateDesign({
      consumerVpcs: 85,
      zones: 2,
      serversPerZone: 5,
      appliancesPerZone: 10,
      hosts: 20,
      scheduler: '5TCH',
      crossZone: true,
      jumboFrames: true,
      stateful: true,
    })
    expect(design.resources.length).toBeGreaterThan(2000)
    const layout = await autoLayout(elk, design)
    expect(faults(design, layout)).toEqual([])
    const topLevel = drawnTree(design).children.get(undefined) ?? []
    expect(topLevel.length).toBeGreaterThan(0)
    const right = Math.max(...topLevel.map((id) => boxOf(layout, id).x + boxOf(layout, id).width))
    expect(right).toBeLessThanOrEqual(6000)
  }, 60_000)
})

describe('auto-layout of one container', () => {
  it('lays out what a VPC holds, keeps the VPC in place and moves what stood below it when it grows', async () => {
    const design = loadExample('two-zones')
    const before = withDefaultLayout(design)
    const layout = await autoLayout(elk, design, 'vpc-service')
    expect({ x: layout['vpc-service'].x, y: layout['vpc-service'].y }).toEqual({
      x: before['vpc-service'].x,
      y: before['vpc-service'].y,
    })
    expect(faults(design, layout, 'vpc-service')).toEqual([])
    const vpc = boxOf(layout, 'vpc-service')
    for (const id of ['epsrv-inspection', 'vpc-security']) expect(overlap(vpc, boxOf(layout, id))).toBe(false)
    // what does not stand right of or below the VPC keeps its place
    expect(layout['internet-client']).toEqual(before['internet-client'])
    // nothing inside the security VPC changes
    for (const id of ['vsw-security-h', 'fw-h1', 'gwlb-inspection']) expect(layout[id]).toEqual(before[id])
  })

  it('lays out a vSwitch in rows of four and makes room in its zone', async () => {
    const design = loadExample('two-zones')
    const crowded: Design = {
      ...design,
      resources: [
        ...design.resources,
        ...[3, 4, 5, 6, 7].map((n) => ({
          kind: 'ecs' as const,
          id: `ecs-extra-${n}`,
          vswitchId: 'vsw-app-h',
          privateIpAddress: `10.0.1.${20 + n}`,
          securityGroupIds: [],
          role: 'server' as const,
        })),
      ],
    }
    const layout = await autoLayout(elk, crowded, 'vsw-app-h')
    expect(layout['vsw-app-h'].height).toBeGreaterThan(withDefaultLayout(design)['vsw-app-h'].height ?? 0)
    expect(faults(crowded, layout, 'vpc-service')).toEqual([])
    // the sixth server: second row, second column
    expect(layout['ecs-extra-7']).toEqual({
      x: SIZES.vswitch.padX + (SIZES.leaf.width + SIZES.vswitch.gap),
      y: SIZES.vswitch.top + SIZES.leaf.height + SIZES.vswitch.gap,
    })
  })

  it('refuses an id that is not a drawn container', () => {
    const design = loadExample('two-zones')
    expect(() => toElkGraph(design, 'gwlbe-h')).toThrow(/not a container/)
    expect(() => toElkGraph(design, 'rtb-nope')).toThrow(/nothing drawn/)
  })
})

describe('the lines that order the layout', () => {
  it('turns routes to the IPv4 gateway round and lifts each line to where its ends meet', () => {
    const design = loadExample('two-zones')
    const links = flowLinks(design)
    expect(links).toContainEqual(['igw-service', 'vsw-gwlbe-h'])
    expect(links).not.toContainEqual(['vsw-gwlbe-h', 'igw-service'])
    const lifted = liftedLinks(drawnTree(design), links)
    // PrivateLink from an endpoint deep in the consumer VPC orders the VPC and the service on the page
    expect(lifted).toContainEqual([undefined, 'vpc-service', 'epsrv-inspection'])
    // the default route of the workloads orders two vSwitches inside their zone
    expect(lifted).toContainEqual(['vpc-service/cn-hangzhou-h', 'vsw-app-h', 'vsw-gwlbe-h'])
    // the GWLB's server group orders the GWLB above the zone bands of its VPC
    expect(lifted).toContainEqual(['vpc-security', 'gwlb-inspection', 'vpc-security/cn-hangzhou-h'])
  })
})
