// One frame of the packet overlay, drawn on a context that records what it is asked to paint: where a packet
// stands on screen, the frame of an encapsulated one, and the red cross of a dropped one until it fades.
import { describe, expect, it } from 'vitest'
import { drawPackets, type Flying, SEGMENT_MS } from '../../../src/canvas/packets/draw'
import type { VisualPacket } from '../../../worker/playback'

type Call = { op: string; args: number[]; style: string }

function recorder() {
  const calls: Call[] = []
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 0,
    fillRect: (...args: number[]) => calls.push({ op: 'fillRect', args, style: String(ctx.fillStyle) }),
    beginPath: () => {},
    moveTo: (...args: number[]) => calls.push({ op: 'moveTo', args, style: String(ctx.strokeStyle) }),
    lineTo: () => {},
    stroke: () => calls.push({ op: 'stroke', args: [], style: String(ctx.strokeStyle) }),
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

const packet = (over: Partial<VisualPacket> = {}): VisualPacket => ({
  path: ['a', 'b', 'c'],
  geneve: [false, true],
  direction: 'inbound',
  drop: null,
  ...over,
})
// two straight segments: (0,0) → (100,0), then (100,0) → (100,100)
const segments = [
  [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
  ],
  [
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ],
]
const NO_TRANSFORM = [0, 0, 1] as const

describe('drawing the packets in flight', () => {
  it('draws a packet where it is along its segment, under the pan and zoom, in its direction’s colour', () => {
    const { ctx, calls } = recorder()
    const flying: Flying[] = [{ packet: packet(), segments, start: 0 }]
    drawPackets(ctx, flying, SEGMENT_MS / 2, [10, 20, 2])
    // halfway along the first segment: (50, 0), zoomed 2× and moved by (10, 20); a square of side 8 around it
    expect(calls).toEqual([{ op: 'fillRect', args: [106, 16, 8, 8], style: '#0284c7' }])
    expect(flying).toHaveLength(1)
  })

  it('frames an encapsulated packet, on the segments where it travels in Geneve', () => {
    const { ctx, calls } = recorder()
    drawPackets(
      ctx,
      [{ packet: packet({ direction: 'outbound' }), segments, start: 0 }],
      SEGMENT_MS * 1.5,
      NO_TRANSFORM,
    )
    // halfway down the second segment, (100, 50): the frame, its white inside, then the packet
    expect(calls).toEqual([
      { op: 'fillRect', args: [93, 43, 14, 14], style: '#c2410c' },
      { op: 'fillRect', args: [95, 45, 10, 10], style: '#fff' },
      { op: 'fillRect', args: [96, 46, 8, 8], style: '#f59e0b' },
    ])
  })

  it('draws nothing for a packet not yet left, and forgets a delivered one', () => {
    const { ctx, calls } = recorder()
    const flying: Flying[] = [
      { packet: packet(), segments, start: 100 },
      { packet: packet(), segments, start: -2 * SEGMENT_MS },
    ]
    drawPackets(ctx, flying, 0, NO_TRANSFORM)
    expect(calls.filter((c) => c.op === 'fillRect')).toEqual([])
    expect(flying.map((f) => f.start)).toEqual([100])
  })

  it('ends a dropped packet in a red cross at its path’s end that fades, then forgets it', () => {
    const dropped = packet({ drop: { at: 'c', reason: 'NO_ROUTE', text: 'no route' } })
    const flying: Flying[] = [{ packet: dropped, segments, start: 0 }]
    const early = recorder()
    drawPackets(early.ctx, flying, 2 * SEGMENT_MS + 10, NO_TRANSFORM)
    const cross = early.calls.filter((c) => c.op === 'stroke')
    expect(cross).toHaveLength(1)
    const fade = Number(cross[0].style.match(/rgba\(220, 38, 38, ([\d.]+)\)/)?.[1])
    expect(fade).toBeGreaterThan(0.9)
    // the cross stands on the path's last point, (100, 100): its two strokes start at (x - r, y - r), (x + r, y - r)
    const [m1, m2] = early.calls.filter((c) => c.op === 'moveTo').map((c) => c.args)
    const r = (m2[0] - m1[0]) / 2
    expect(r).toBeGreaterThan(0)
    expect({ x: m1[0] + r, y: m1[1] + r }).toEqual({ x: 100, y: 100 })
    const late = recorder()
    drawPackets(late.ctx, flying, 2 * SEGMENT_MS + 600, NO_TRANSFORM)
    const later = Number(late.calls.find((c) => c.op === 'stroke')?.style.match(/, ([\d.]+)\)$/)?.[1])
    expect(later).toBeLessThan(fade)
    drawPackets(recorder().ctx, flying, 2 * SEGMENT_MS + 800, NO_TRANSFORM)
    expect(flying).toEqual([])
  })
})
