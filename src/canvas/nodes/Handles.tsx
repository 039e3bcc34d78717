// Four sides, each able to start and end an edge; toFlow picks the sides that face each other. The points
// show when the pointer is over the node and while a line is being drawn (index.css: .gs-handle), and each
// side's edge is a strip a line can be drawn from, so a drag that starts on a node's edge draws a line
// instead of moving the node. In the overview (zoomed out) a node keeps only the handles its edges use:
// nobody draws a connection there, and a 2,000-node canvas with twelve handles each pays for them every frame.
import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useDetail } from '../detail'

const SIDES = [
  ['top', Position.Top],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
  ['right', Position.Right],
] as const

const HANDLES = SIDES.flatMap(
  ([side, position]) =>
    [
      { id: `${side}-source`, type: 'source', position },
      { id: `${side}-target`, type: 'target', position },
    ] as const,
)
export const HANDLE_IDS = HANDLES.map((h) => h.id)

/** The strips along each side a line starts from; no edge is drawn to them (toFlow uses the points). */
const EDGES = SIDES.map(([side, position]) => ({ id: `${side}-edge`, position }))
/** How thick an edge strip is, half inside the node and half outside. */
const EDGE_STRIP = 12
// Outgoing and incoming edges use different points of a side, so a route and its way back never
// draw over each other (a GWLBe vSwitch's 0.0.0.0/0 up to the gateway, the gateway's entry down to the GWLBe).
// Edges leave on the right: a vSwitch caption (bottom left) stays clear of lines leaving its resources downwards.
const SOURCE_AT = '75%'
const TARGET_AT = '25%'

function offset(position: Position, at: string) {
  return position === Position.Top || position === Position.Bottom ? { left: at } : { top: at }
}

function strip(position: Position) {
  // short of the corners, where two strips would meet
  return position === Position.Top || position === Position.Bottom
    ? { width: `calc(100% - ${2 * EDGE_STRIP}px)`, height: EDGE_STRIP }
    : { width: EDGE_STRIP, height: `calc(100% - ${2 * EDGE_STRIP}px)` }
}

// React Flow measures a node's handles when the node first renders or resizes; a change of which handles
// are drawn needs a new measurement. Nodes ask together, in one update, when the zoom crosses the overview line.
const remeasure = new Set<string>()
function requestMeasure(id: string, update: (ids: string[]) => void) {
  if (!remeasure.size)
    queueMicrotask(() => {
      const ids = [...remeasure]
      remeasure.clear()
      update(ids)
    })
  remeasure.add(id)
}

export function Handles({ used }: { used?: readonly string[] }) {
  const { overview, bitmap } = useDetail()
  const nodeId = useNodeId()
  const updateNodeInternals = useUpdateNodeInternals()
  const drawn = bitmap ? [] : overview ? HANDLE_IDS.filter((h) => used?.includes(h)) : HANDLE_IDS
  // the edge strips come and go with the overview too
  const key = `${overview} ${drawn.join(' ')}`
  const measuredKey = useRef(key)
  useEffect(() => {
    if (measuredKey.current === key || !nodeId) return
    measuredKey.current = key
    requestMeasure(nodeId, updateNodeInternals)
  }, [key, nodeId, updateNodeInternals])
  return (
    <>
      {/* the strips first: the points, drawn over them, stay grabbable */}
      {!overview &&
        EDGES.map((h) => (
          <Handle
            key={h.id}
            id={h.id}
            type="source"
            position={h.position}
            style={strip(h.position)}
            className="gs-edge"
            title="Drag from here to draw a line to another resource"
          />
        ))}
      {HANDLES.filter((h) => drawn.includes(h.id)).map((h) => (
        <Handle
          key={h.id}
          id={h.id}
          type={h.type}
          position={h.position}
          style={offset(h.position, h.type === 'source' ? SOURCE_AT : TARGET_AT)}
          className="gs-handle"
        />
      ))}
    </>
  )
}
