// Which connections the animation draws: each flow its share, a bounded number per frame, and a paused moment's
// picture taking every flow in turn without drawing one connection twice.
import { describe, expect, it } from 'vitest'
import {
  connectionsByFlow,
  framePicks,
  MAX_DRAWN_PER_FRAME,
  STILL_CONNECTIONS,
  stillPicks,
} from '../../worker/playbackDrawing'

/** A random source that walks through the given values, then repeats the last one. */
function walk(...values: number[]): () => number {
  let i = 0
  return () => values[Math.min(i++, values.length - 1)] ?? 0
}

describe('the connections drawn', () => {
  it('are grouped by flow, in the order flows first appear', () => {
    const connections = [
      { id: 1, flowId: 'web' },
      { id: 2, flowId: 'db' },
      { id: 3, flowId: 'web' },
    ]
    expect(connectionsByFlow(connections)).toEqual([[1, 3], [2]])
  })

  it('in a frame of play: each flow draws on its share of frames, and never more than the frame allows', () => {
    const flows = [[1, 2], [3], [4, 5, 6]]
    // 6 packets per second over 50 ms is 0.3 a frame: a draw below 0.3 draws one, at or above it none
    expect(framePicks(flows, 50, walk(0.1, 0.5, 0.9, 0.1, 0.4))).toEqual([2, 5])
    expect(framePicks(flows, 50, walk(0.9))).toEqual([])
    // a second-long frame: 6 a flow, 18 in all, thinned to the most a frame draws
    const picks = framePicks(flows, 1000, Math.random)
    expect(picks).toHaveLength(MAX_DRAWN_PER_FRAME)
    for (const id of picks) expect(flows.flat()).toContain(id)
  })

  it('for a paused moment: every flow in turn, no connection twice, at most the picture holds', () => {
    const few = [[1, 2], [3]]
    expect(stillPicks(few, walk(0)).sort()).toEqual([1, 2, 3])
    const many = Array.from({ length: 10 }, (_, f) => Array.from({ length: 10 }, (_, i) => f * 10 + i))
    const picks = stillPicks(many, Math.random)
    expect(picks).toHaveLength(STILL_CONNECTIONS)
    expect(new Set(picks).size).toBe(STILL_CONNECTIONS)
    // taken in turn: no flow has more than one over any other
    const perFlow = Array.from({ length: 10 }, (_, f) => picks.filter((id) => Math.floor(id / 10) === f).length)
    expect(Math.max(...perFlow) - Math.min(...perFlow)).toBeLessThanOrEqual(1)
  })
})
