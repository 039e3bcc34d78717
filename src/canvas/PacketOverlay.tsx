// Packets in flight, drawn on one canvas over the diagram (packets/loop.ts): each follows the diagram's own edge
// between two hops where there is one, else a straight line (packets/geometry.ts), and is drawn as a small square,
// framed when encapsulated (packets/draw.ts).
import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useStores } from '../store/context'
import { startPacketLoop } from './packets/loop'

export function PacketOverlay() {
  const canvas = useRef<HTMLCanvasElement>(null)
  const flow = useStoreApi()
  const { sim } = useStores()

  useEffect(() => startPacketLoop(canvas.current, flow, sim), [flow, sim])

  return (
    <canvas
      ref={canvas}
      data-testid="packet-overlay"
      className="pointer-events-none absolute inset-0 z-[4] h-full w-full"
    />
  )
}
