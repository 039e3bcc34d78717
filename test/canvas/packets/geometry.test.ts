// Where a packet flies between two hops. On a large design shown as one bitmap React Flow holds no edges, so a
// packet there follows the line the bitmap draws between the two boxes, not a straight line between their centres.
import { describe, expect, it } from 'vitest'
import { answerPaths } from '../../../src/canvas/overview/drawnPaths'
import { createPathGeometry } from '../../../src/canvas/packets/geometry'
import type { VisualPacket } from '../../../worker/playback'

const box = (x: number, y: number) => ({
  internals: { positionAbsolute: { x, y } },
  measured: { width: 100, height: 40 },
})

// the part of React Flow's store the geometry reads: no edges, two boxes sized from their style
const flow = {
  getState: () => ({
    edges: [],
    nodeLookup: new Map([
      ['vsw', box(0, 0)],
      ['gwlbe', box(400, 200)],
    ]),
  }),
} as unknown as Parameters<typeof createPathGeometry>[0]

const packet: VisualPacket = { path: ['vsw', 'gwlbe'], geneve: [false], direction: 'inbound', drop: null }

describe('a packet over the overview bitmap', () => {
  it('follows the line the bitmap draws between its two hops, in the packet’s direction', () => {
    const bent = [
      { x: 50, y: 40 },
      { x: 50, y: 120 },
      { x: 450, y: 120 },
      { x: 450, y: 200 },
    ]
    const stop = answerPaths((a, b) => (a === 'vsw' && b === 'gwlbe' ? bent : undefined))
    try {
      expect(createPathGeometry(flow)(packet)).toEqual([bent])
    } finally {
      stop()
    }
  })

  it('flies centre to centre once no bitmap is shown, forgetting the line it followed', () => {
    const geometry = createPathGeometry(flow)
    const stop = answerPaths(() => [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ])
    expect(geometry(packet)?.[0]).toHaveLength(2)
    stop()
    expect(geometry(packet)).toEqual([
      [
        { x: 50, y: 20 },
        { x: 450, y: 220 },
      ],
    ])
  })
})
