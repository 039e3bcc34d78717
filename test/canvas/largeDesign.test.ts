import { describe, expect, it } from 'vitest'
import { keepDrawnNodes } from '../../src/canvas/keepDrawnNodes'
import { drawingBounds, undrawn } from '../../src/canvas/largeDesign'
import { answerPaths, drawnPath, drawnPathsVersion } from '../../src/canvas/overview/drawnPaths'
import { overviewGeometry, pathBetween } from '../../src/canvas/overview/geometry'
import { toFlow } from '../../src/canvas/toFlow'
import { scaleDesign } from '../fixtures/canvas/design'
import { loadExample } from '../helpers'

const scale = toFlow(scaleDesign())
const none = new Set<string>()

describe('a large design handed to React Flow', () => {
  it('is fitted from the box round its nodes: the box the overview bitmap covers', () => {
    for (const { nodes, edges } of [scale, toFlow(loadExample('two-zones'))])
      expect(drawingBounds(nodes)).toEqual(overviewGeometry(nodes, edges).bounds)
    expect(drawingBounds([])).toEqual({ x: 0, y: 0, width: 0, height: 0 })
  })

  it('has every node sized from its style before it is ever drawn (React Flow counts unsized nodes as in view)', () => {
    const sized = keepDrawnNodes([], scale.nodes, none, true)
    for (const n of sized) expect(n.measured, n.id).toEqual({ width: n.style?.width, height: n.style?.height })
    // and the nodes React Flow already holds, sized, are handed back as they are
    expect(keepDrawnNodes(sized, scale.nodes, none, true).every((n, i) => n === sized[i])).toBe(true)
    // a small design is measured by React Flow, as ever
    expect(keepDrawnNodes([], scale.nodes, none).some((n) => n.measured)).toBe(false)
  })

  it('is handed over hidden while the bitmap shows: the same nodes, one copy each, new only where an edit changed one', () => {
    const sized = keepDrawnNodes([], scale.nodes, none, true)
    const hidden = undrawn(sized)
    expect(hidden.every((n) => n.hidden === true)).toBe(true)
    hidden.forEach((n, i) => {
      expect({ ...n, hidden: undefined }).toEqual({ ...sized[i], hidden: undefined })
    })
    const selected = keepDrawnNodes(sized, scale.nodes, new Set([sized[5].id]), true)
    const again = undrawn(selected)
    expect(again.filter((n, i) => n !== hidden[i]).map((n) => n.id)).toEqual([sized[5].id])
    expect(again[5].selected).toBe(true)
  })
})

describe('the lines the bitmap draws, for packets to follow', () => {
  const { nodes, edges } = toFlow(loadExample('two-zones'))
  const g = overviewGeometry(nodes, edges)
  const line = g.lines[0] as (typeof g.lines)[number]

  it('runs from one node to the other, whichever way the line was drawn', () => {
    const forth = pathBetween(g, line.source, line.target)
    const back = pathBetween(g, line.target, line.source)
    expect(forth?.[0]).toEqual(line.from)
    expect(forth?.at(-1)).toEqual(line.to)
    expect(back).toEqual([...(forth ?? [])].reverse())
    // a step line: each leg is straight across or straight down
    for (let i = 1; i < (forth ?? []).length; i++) {
      const [a, b] = [(forth ?? [])[i - 1], (forth ?? [])[i]]
      expect(a?.x === b?.x || a?.y === b?.y).toBe(true)
    }
    expect(pathBetween(g, line.source, line.source)).toBeUndefined()
  })

  it('are answered only while a bitmap registers them, and say when they changed', () => {
    expect(drawnPath(line.source, line.target)).toBeNull()
    const before = drawnPathsVersion()
    const stop = answerPaths((a, b) => pathBetween(g, a, b))
    expect(drawnPathsVersion()).not.toBe(before)
    expect(drawnPath(line.source, line.target)).toEqual(pathBetween(g, line.source, line.target))
    stop()
    expect(drawnPath(line.source, line.target)).toBeNull()
  })
})
