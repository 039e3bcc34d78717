// Where packets are being dropped right now, and why (on hover): a marker on the resource that dropped them.
import { useInternalNode, ViewportPortal } from '@xyflow/react'
import { useSim } from '../store/context'
import type { DropSeen } from '../store/simStore'

function Marker({ drop }: { drop: DropSeen }) {
  const node = useInternalNode(drop.at)
  if (!node) return null
  const { x, y } = node.internals.positionAbsolute
  return (
    <div
      data-testid={`drop-marker-${drop.at}`}
      title={`${drop.reason}: ${drop.text}`}
      className="pointer-events-auto absolute rounded bg-red-600 px-1.5 py-0.5 text-[11px] font-semibold text-white shadow"
      style={{ transform: `translate(${x + (node.measured.width ?? 0) - 12}px, ${y - 22}px)` }}
    >
      ✕ {drop.reason}
    </div>
  )
}

export function DropMarkers() {
  const drops = useSim((s) => s.drops)
  const list = Object.values(drops)
  if (!list.length) return null
  return (
    <ViewportPortal>
      {list.map((d) => (
        <Marker key={d.at} drop={d} />
      ))}
    </ViewportPortal>
  )
}
