// Packets in flight, drawn on one canvas over the diagram from a requestAnimationFrame loop: no React
// render per frame (measured: one canvas overlay keeps 60 fps with 2,000 packets; SVG animation or React state per frame does not). Each packet follows the
// diagram's own edge between two hops where there is one (its curve sampled once), else a straight line.
// A packet is a small square, and an encapsulated one sits in a square frame (its outer Geneve header):
// one fillRect each costs a fraction of filling as many arcs, which kept 2,000 packets under 55 fps.
// Packets move on the overlay's own clock, which runs only while the simulation does: paused, they stay where they
// are; a step (or a jump) replaces them with the packets in flight at the new moment, placed along their paths.
import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import type { VisualPacket } from '../../worker/playback'
import { useStores } from '../store/context'

type Point = { x: number; y: number }

interface Flying {
  packet: VisualPacket
  /** per segment, the points to follow, in flow coordinates */
  segments: Point[][]
  /** on the overlay's clock, which stands still while the simulation is paused */
  start: number
}

const SEGMENT_MS = 240
const DROP_MS = 700
const MAX_IN_FLIGHT = 2500
const EDGE_SAMPLES = 24
const COLOUR = { inbound: '#0284c7', outbound: '#f59e0b', internal: '#64748b' } as const
const GENEVE = '#c2410c'
/** half the side of a packet's square, and of the frame around an encapsulated one */
const PACKET = 4
const FRAME = 7

function along(points: Point[], f: number): Point {
  if (points.length === 1) return points[0]
  const at = Math.min(points.length - 1 - 1e-9, f * (points.length - 1))
  const i = Math.floor(at)
  const t = at - i
  const a = points[i]
  const b = points[i + 1]
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
}

export function PacketOverlay() {
  const canvas = useRef<HTMLCanvasElement>(null)
  const flow = useStoreApi()
  const { sim } = useStores()

  useEffect(() => {
    const flying: Flying[] = []
    // edge curves, sampled once per edge; forgotten when the diagram changes
    let samples = new Map<string, Point[]>()
    let edgeSignature = ''
    let frame = 0
    // the overlay's clock: wall time that passed while the simulation ran
    let clock = 0
    let lastNow: number | null = null
    // whether the last frame drew anything: clearing a clear canvas still marks it changed, and the browser then
    // composites it again on every frame of a pan (some 10 ms a frame on a large design in software rendering)
    let drawn = false

    const centre = (id: string): Point | null => {
      const n = flow.getState().nodeLookup.get(id)
      if (!n) return null
      const p = n.internals.positionAbsolute
      return { x: p.x + (n.measured.width ?? 0) / 2, y: p.y + (n.measured.height ?? 0) / 2 }
    }
    const edgePoints = (edgeId: string): Point[] | null => {
      const hit = samples.get(edgeId)
      if (hit) return hit
      const path = document.getElementById(edgeId)
      if (!(path instanceof SVGPathElement)) return null
      const length = path.getTotalLength()
      const points = Array.from({ length: EDGE_SAMPLES + 1 }, (_, i) => {
        const p = path.getPointAtLength((length * i) / EDGE_SAMPLES)
        return { x: p.x, y: p.y }
      })
      samples.set(edgeId, points)
      return points
    }
    // many packets share a path: its geometry is worked out once
    let geometry = new Map<string, Point[][] | null>()
    const segmentsOf = (packet: VisualPacket): Point[][] | null => {
      const { edges } = flow.getState()
      const signature = `${edges.length}:${flow.getState().nodeLookup.size}`
      if (signature !== edgeSignature) {
        samples = new Map()
        geometry = new Map()
        edgeSignature = signature
      }
      const key = packet.path.join('>')
      const known = geometry.get(key)
      if (known !== undefined) return known
      const out = pathGeometry(packet, edges)
      geometry.set(key, out)
      return out
    }
    const pathGeometry = (packet: VisualPacket, edges: ReturnType<typeof flow.getState>['edges']): Point[][] | null => {
      const out: Point[][] = []
      for (let i = 1; i < packet.path.length; i++) {
        const a = packet.path[i - 1]
        const b = packet.path[i]
        const edge = edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))
        const pts = edge ? edgePoints(edge.id) : null
        if (pts) out.push(edge?.source === a ? pts : [...pts].reverse())
        else {
          const pa = centre(a)
          const pb = centre(b)
          if (!pa || !pb) return null
          out.push([pa, pb])
        }
      }
      return out
    }

    // the canvas's size comes from a ResizeObserver: reading clientWidth in the frame loop would force a
    // layout on every frame in which a drag or pan has just changed the diagram
    let w = 0
    let h = 0
    const sized = new ResizeObserver(([entry]) => {
      w = entry.contentRect.width
      h = entry.contentRect.height
    })
    if (canvas.current) sized.observe(canvas.current)

    /** New packets from the feed: leaving now while playing, or the picture of a paused moment, along their paths. */
    const takeFeed = () => {
      const { packets, replace } = sim.feed.take()
      if (replace) flying.length = 0
      for (const packet of packets) {
        if (flying.length >= MAX_IN_FLIGHT) break
        const segments = segmentsOf(packet)
        if (!segments?.length) continue
        // packets leave spread over the frame, not in one clump; a still's packets are somewhere on their way
        const start = replace ? clock - Math.random() * segments.length * SEGMENT_MS : clock + Math.random() * 50
        flying.push({ packet, segments, start })
      }
    }

    const draw = (wallNow: number) => {
      frame = requestAnimationFrame(draw)
      if (lastNow !== null && sim.getState().running) clock += wallNow - lastNow
      lastNow = wallNow
      const now = clock
      const el = canvas.current
      const ctx = el?.getContext('2d')
      if (!el || !ctx) return
      const dpr = window.devicePixelRatio || 1
      if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
        el.width = Math.round(w * dpr)
        el.height = Math.round(h * dpr)
      }
      takeFeed()
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      if (drawn) ctx.clearRect(0, 0, w, h)
      drawn = flying.length > 0
      if (!drawn) return
      const [tx, ty, zoom] = flow.getState().transform
      const screen = (p: Point) => ({ x: p.x * zoom + tx, y: p.y * zoom + ty })
      // grouped by look, so each colour is set once a frame
      const dots: Record<VisualPacket['direction'], number[]> = { inbound: [], outbound: [], internal: [] }
      const frames: number[] = []
      const crosses: { p: Point; fade: number }[] = []
      let keep = 0
      for (const f of flying) {
        const elapsed = now - f.start
        const travel = f.segments.length * SEGMENT_MS
        const done = elapsed >= travel + (f.packet.drop ? DROP_MS : 0)
        if (!done) flying[keep++] = f
        if (done || elapsed < 0) continue
        if (elapsed >= travel) {
          crosses.push({ p: screen(f.segments.at(-1)?.at(-1) as Point), fade: 1 - (elapsed - travel) / DROP_MS })
          continue
        }
        const index = Math.min(f.segments.length - 1, Math.floor(elapsed / SEGMENT_MS))
        const p = screen(along(f.segments[index], (elapsed - index * SEGMENT_MS) / SEGMENT_MS))
        // encapsulated: the packet inside an outer Geneve header, drawn as a frame around it
        if (f.packet.geneve[index]) frames.push(p.x - FRAME, p.y - FRAME)
        dots[f.packet.direction].push(p.x - PACKET, p.y - PACKET)
      }
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
      // dropped where the path ends: a red cross that grows and fades
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
      flying.length = keep
    }
    frame = requestAnimationFrame(draw)
    return () => {
      cancelAnimationFrame(frame)
      sized.disconnect()
    }
  }, [flow, sim])

  return (
    <canvas
      ref={canvas}
      data-testid="packet-overlay"
      className="pointer-events-none absolute inset-0 z-[4] h-full w-full"
    />
  )
}
