import { describe, expect, it } from 'vitest'
import {
  boxAt,
  draggedTo,
  overviewGeometry,
  selectableAt,
  stepPoints,
  withContents,
} from '../../src/canvas/overview/geometry'
import { overviewScale, PIXEL_BUDGET } from '../../src/canvas/overview/resolution'
import { toFlow } from '../../src/canvas/toFlow'
import { scaleDesign } from '../fixtures/canvas/design'
import { loadExample } from '../helpers'

describe('the overview bitmap’s geometry (two-zones)', () => {
  const { nodes, edges } = toFlow(loadExample('two-zones'))
  const g = overviewGeometry(nodes, edges)
  const centre = (id: string) => {
    const b = g.byId.get(id)
    if (!b) throw new Error(`no box ${id}`)
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
  }

  it('places every box where its container puts it, and bounds them all', () => {
    expect(g.boxes).toHaveLength(nodes.length)
    const vpc = g.byId.get('vpc-security')
    const fw = g.byId.get('fw-i1')
    const vsw = fw?.parentId ? g.byId.get(fw.parentId) : undefined
    expect(vpc && fw && vsw).toBeTruthy()
    if (!vpc || !fw || !vsw) return
    // a child's box is its position added to its container's box, and lies inside it
    expect(fw.x).toBe(vsw.x + fw.position.x)
    expect(fw.y).toBe(vsw.y + fw.position.y)
    expect(fw.x).toBeGreaterThanOrEqual(vpc.x)
    expect(fw.x + fw.width).toBeLessThanOrEqual(vpc.x + vpc.width)
    for (const b of g.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(g.bounds.x)
      expect(b.y + b.height).toBeLessThanOrEqual(g.bounds.y + g.bounds.height)
    }
  })

  it('hits the topmost box: a server over its vSwitch over its zone over its VPC; nothing outside', () => {
    expect(boxAt(g, centre('fw-i1'))?.id).toBe('fw-i1')
    const vpc = g.byId.get('vpc-security')
    if (!vpc) throw new Error('no VPC')
    // the VPC's title band, above its zones
    expect(boxAt(g, { x: vpc.x + 8, y: vpc.y + 8 })?.id).toBe('vpc-security')
    expect(boxAt(g, { x: g.bounds.x - 50, y: g.bounds.y - 50 })).toBeUndefined()
  })

  it('a click on a zone band selects its VPC: the band is drawn, not a resource', () => {
    const zone = g.boxes.find((b) => b.kind === 'zone')
    expect(zone?.selectable).toBe(false)
    expect(selectableAt(g, zone)?.id).toBe(zone?.parentId)
  })

  it('a VPC drags with everything it holds, and a server stays inside its vSwitch', () => {
    const moving = withContents(g, 'vpc-security')
    expect(moving.has('fw-i1')).toBe(true)
    expect(moving.has('gwlb-inspection')).toBe(true)
    expect(moving.has('vpc-service')).toBe(false)
    const fw = g.byId.get('fw-i1')
    const vsw = fw?.parentId ? g.byId.get(fw.parentId) : undefined
    if (!fw || !vsw) throw new Error('no firewall')
    const far = draggedTo(g, fw, { x: 1e5, y: -1e5 })
    expect(far).toEqual({ x: vsw.width - fw.width, y: 0 })
    const vpc = g.byId.get('vpc-security')
    if (!vpc) throw new Error('no VPC')
    // a VPC is in nothing: it goes where it is dragged
    expect(draggedTo(g, vpc, { x: 1e5, y: 3 })).toEqual({ x: vpc.position.x + 1e5, y: vpc.position.y + 3 })
  })

  it('draws each line from the source’s outgoing point to the target’s incoming one, at right angles', () => {
    const line = g.lines.find((l) => l.id === 'privatelink:gwlbe-h')
    expect(line).toBeDefined()
    if (!line) return
    const points = stepPoints(line.from, line.to, line.vertical, line.bendNearSource)
    expect(points[0]).toEqual(line.from)
    expect(points.at(-1)).toEqual(line.to)
    for (let i = 1; i < points.length; i++)
      expect(points[i].x === points[i - 1].x || points[i].y === points[i - 1].y).toBe(true)
    expect(g.lines.length).toBe(edges.length)
  })
})

describe('the overview bitmap’s resolution', () => {
  it('is the zoom’s power of two, so zooming within a step draws nothing again', () => {
    expect(overviewScale(0.1, 1, 100)).toBe(0.125)
    expect(overviewScale(0.12, 1, 100)).toBe(0.125)
    expect(overviewScale(0.13, 1, 100)).toBe(0.25)
    expect(overviewScale(0.1, 2, 100)).toBe(0.25)
  })

  it('never passes the pixel budget, however large the design', () => {
    const { nodes, edges } = toFlow(scaleDesign())
    const { bounds } = overviewGeometry(nodes, edges)
    const area = bounds.width * bounds.height
    for (const zoom of [0.05, 0.1, 0.2, 0.34]) {
      const s = overviewScale(zoom, 2, area)
      expect(bounds.width * s * bounds.height * s).toBeLessThanOrEqual(PIXEL_BUDGET * 1.0001)
    }
  })
})
