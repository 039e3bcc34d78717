// The overlay's requestAnimationFrame loop: no React render per frame (measured: one canvas overlay keeps 60 fps
// with 2,000 packets; SVG animation or React state per frame does not). Packets move on the overlay's own clock,
// which runs only while the simulation does: paused, they stay where they are; a step (or a jump) replaces them
// with the packets in flight at the new moment, placed along their paths.
import type { useStoreApi } from '@xyflow/react'
import type { Stores } from '../../store/context'
import { drawPackets, type Flying, SEGMENT_MS } from './draw'
import { createPathGeometry } from './geometry'

const MAX_IN_FLIGHT = 2500

/** Starts drawing the simulation's packets on `el` over the diagram; the function returned stops it. */
export function startPacketLoop(
  el: HTMLCanvasElement | null,
  flow: ReturnType<typeof useStoreApi>,
  sim: Stores['sim'],
): () => void {
  const flying: Flying[] = []
  const segmentsOf = createPathGeometry(flow)
  let frame = 0
  // the overlay's clock: wall time that passed while the simulation ran
  let clock = 0
  let lastNow: number | null = null
  // whether the last frame drew anything: clearing a clear canvas still marks it changed, and the browser then
  // composites it again on every frame of a pan (some 10 ms a frame on a large design in software rendering)
  let drawn = false

  // the canvas's size comes from a ResizeObserver: reading clientWidth in the frame loop would force a
  // layout on every frame in which a drag or pan has just changed the diagram
  let w = 0
  let h = 0
  const sized = new ResizeObserver(([entry]) => {
    w = entry.contentRect.width
    h = entry.contentRect.height
  })
  if (el) sized.observe(el)

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
    if (drawn) drawPackets(ctx, flying, clock, flow.getState().transform)
  }
  frame = requestAnimationFrame(draw)
  return () => {
    cancelAnimationFrame(frame)
    sized.disconnect()
  }
}
