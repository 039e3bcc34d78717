// One frame of the packets in flight: where each is now, then all of them drawn, grouped by look so that each
// colour is set once a frame. A packet is a small square, and an encapsulated one sits in a square frame (its
// outer Geneve header): one fillRect each costs a fraction of filling as many arcs, which kept 2,000 packets
// under 55 fps. A dropped packet ends in a red cross that grows and fades where its path ends.
import type { VisualPacket } from '../../../worker/playback'
import type { Point } from './geometry'

export interface Flying {
  packet: VisualPacket
  /** per segment, the points to follow, in flow coordinates */
  segments: Point[][]
  /** on the overlay's clock, which stands still while the simulation is paused */
  start: number
}

export const SEGMENT_MS = 240
const DROP_MS = 700
const COLOUR = { inbound: '#0284c7', outbound: '#f59e0b', internal: '#64748b' } as const
const GENEVE = '#c2410c'
/** half the side of a packet's square, and of the frame around an encapsulated one */
const PACKET = 4
const FRAME = 7

/** Where the packets are on screen this frame, as flat x, y lists per look. */
interface Placed {
  dots: Record<VisualPacket['direction'], number[]>
  frames: number[]
  crosses: { p: Point; fade: number }[]
}

function along(points: Point[], f: number): Point {
  if (points.length === 1) return points[0]
  const at = Math.min(points.length - 1 - 1e-9, f * (points.length - 1))
  const i = Math.floor(at)
  const t = at - i
  const a = points[i]
  const b = points[i + 1]
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
}

/**
 * Places each packet at `now` under the diagram's transform, and drops from `flying` (in place) the packets that
 * have arrived, or whose cross has faded.
 */
function placePackets(flying: Flying[], now: number, [tx, ty, zoom]: readonly [number, number, number]): Placed {
  const screen = (p: Point) => ({ x: p.x * zoom + tx, y: p.y * zoom + ty })
  const placed: Placed = { dots: { inbound: [], outbound: [], internal: [] }, frames: [], crosses: [] }
  let keep = 0
  for (const f of flying) {
    const elapsed = now - f.start
    const travel = f.segments.length * SEGMENT_MS
    const done = elapsed >= travel + (f.packet.drop ? DROP_MS : 0)
    if (!done) flying[keep++] = f
    if (done || elapsed < 0) continue
    if (elapsed >= travel) {
      placed.crosses.push({ p: screen(f.segments.at(-1)?.at(-1) as Point), fade: 1 - (elapsed - travel) / DROP_MS })
      continue
    }
    const index = Math.min(f.segments.length - 1, Math.floor(elapsed / SEGMENT_MS))
    const p = screen(along(f.segments[index], (elapsed - index * SEGMENT_MS) / SEGMENT_MS))
    // encapsulated: the packet inside an outer Geneve header, drawn as a frame around it
    if (f.packet.geneve[index]) placed.frames.push(p.x - FRAME, p.y - FRAME)
    placed.dots[f.packet.direction].push(p.x - PACKET, p.y - PACKET)
  }
  flying.length = keep
  return placed
}

function paintPackets(ctx: CanvasRenderingContext2D, { dots, frames, crosses }: Placed) {
  ctx.fillStyle = GENEVE
  for (let i = 0; i < frames.length; i += 2) ctx.fillRect(frames[i], frames[i + 1], 2 * FRAME, 2 * FRAME)
  ctx.fillStyle = '#fff'
  for (let i = 0; i < frames.length; i += 2)
    ctx.fillRect(frames[i] + 2, frames[i + 1] + 2, 2 * FRAME - 4, 2 * FRAME - 4)
  for (const direction of ['inbound', 'outbound', 'internal'] as const) {
    ctx.fillStyle = COLOUR[direction]
    const xy = dots[direction]
    for (let i = 0; i < xy.length; i += 2) ctx.fillRect(xy[i], xy[i + 1], 2 * PACKET, 2 * PACKET)
  }
  ctx.lineWidth = 3
  for (const { p, fade } of crosses) {
    const r = 7 + (1 - fade) * 6
    ctx.strokeStyle = `rgba(220, 38, 38, ${fade})`
    ctx.beginPath()
    ctx.moveTo(p.x - r, p.y - r)
    ctx.lineTo(p.x + r, p.y + r)
    ctx.moveTo(p.x + r, p.y - r)
    ctx.lineTo(p.x - r, p.y + r)
    ctx.stroke()
  }
}

/** Draws the packets in flight at `now` and forgets those done. */
export function drawPackets(
  ctx: CanvasRenderingContext2D,
  flying: Flying[],
  now: number,
  transform: readonly [number, number, number],
) {
  paintPackets(ctx, placePackets(flying, now, transform))
}
