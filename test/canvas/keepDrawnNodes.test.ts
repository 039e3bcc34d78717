import { describe, expect, it } from 'vitest'
import { keepDrawnNodes } from '../../src/canvas/keepDrawnNodes'
import { type CanvasNode, toFlow } from '../../src/canvas/toFlow'
import type { Design } from '../../src/model'
import { loadExample } from '../helpers'

/** What React Flow holds after it has drawn `nodes`: each with its measured size. */
const measuredAll = (nodes: CanvasNode[]) =>
  nodes.map(
    (n) => ({ ...n, measured: { width: Number(n.style?.width), height: Number(n.style?.height) } }) as CanvasNode,
  )

const none = new Set<string>()
const design = loadExample('two-zones')
const ecsId = design.resources.find((r) => r.kind === 'ecs')?.id as string
const vswitchId = design.resources.find((r) => r.kind === 'vswitch')?.id as string

function moved(d: Design, id: string, dx: number): Design {
  const node = toFlow(d).nodes.find((n) => n.id === id) as CanvasNode
  return { ...d, layout: { ...d.layout, [id]: { ...d.layout?.[id], x: node.position.x + dx, y: node.position.y } } }
}

describe('handing fresh nodes to React Flow after an edit', () => {
  const drawn = measuredAll(toFlow(design).nodes)

  it('keeps every node object React Flow already knows when an edit leaves the drawing as it was', () => {
    const renamed: Design = {
      ...design,
      resources: design.resources.map((r) => (r.id === ecsId ? { ...r, name: 'web-renamed' } : r)),
    }
    const next = keepDrawnNodes(drawn, toFlow(renamed).nodes, none)
    expect(next.length).toBe(drawn.length)
    next.forEach((n, i) => {
      expect(n, n.id).toBe(drawn[i])
    })
  })

  it('gives a moved node its new position and keeps its measured size, so it is not hidden to be measured again', () => {
    const next = keepDrawnNodes(drawn, toFlow(moved(design, ecsId, 40)).nodes, none)
    const before = drawn.find((n) => n.id === ecsId) as CanvasNode
    const after = next.find((n) => n.id === ecsId) as CanvasNode
    expect(after).not.toBe(before)
    expect(after.position.x).toBe(before.position.x + 40)
    expect(after.measured).toEqual(before.measured)
    expect(next.filter((n) => n !== drawn.find((d) => d.id === n.id)).map((n) => n.id)).toEqual([ecsId])
  })

  it('drops the measured size of a node whose box changes size, so React Flow measures it again', () => {
    const wider: Design = {
      ...design,
      layout: {
        ...design.layout,
        [vswitchId]: { ...toFlowBox(vswitchId), width: Number(toFlowBox(vswitchId).width) + 100 },
      },
    }
    const after = keepDrawnNodes(drawn, toFlow(wider).nodes, none).find((n) => n.id === vswitchId) as CanvasNode
    expect(after.style?.width).toBe(Number(toFlowBox(vswitchId).width) + 100)
    expect(after.measured).toBeUndefined()
  })

  it('selects exactly the chosen nodes, as new objects, and unselects the rest', () => {
    const selected = keepDrawnNodes(drawn, toFlow(design).nodes, new Set([ecsId]))
    expect(selected.filter((n) => n.selected).map((n) => n.id)).toEqual([ecsId])
    expect(selected.find((n) => n.id === ecsId)).not.toBe(drawn.find((n) => n.id === ecsId))
    const cleared = keepDrawnNodes(selected, toFlow(design).nodes, none)
    expect(cleared.some((n) => n.selected)).toBe(false)
  })

  it('draws a new resource fresh and forgets a removed one', () => {
    const without: Design = { ...design, resources: design.resources.filter((r) => r.id !== ecsId) }
    const fewer = keepDrawnNodes(drawn, toFlow(without).nodes, none)
    expect(fewer.map((n) => n.id)).not.toContain(ecsId)
    const back = keepDrawnNodes(fewer, toFlow(design).nodes, none)
    const again = back.find((n) => n.id === ecsId) as CanvasNode
    expect(again.measured).toBeUndefined()
  })
})

function toFlowBox(id: string): { x: number; y: number; width: number; height: number } {
  const n = toFlow(design).nodes.find((node) => node.id === id) as CanvasNode
  return { x: n.position.x, y: n.position.y, width: Number(n.style?.width), height: Number(n.style?.height) }
}
