// Where a packet goes between two hops: along the diagram's own edge between them where there is one (its curve
// sampled once from the drawn SVG path), else in a straight line between the two boxes' centres. Many packets
// share a path, so a path's geometry is worked out once, and forgotten when the diagram changes.
import type { useStoreApi } from '@xyflow/react'
import type { VisualPacket } from '../../../worker/playback'

export type Point = { x: number; y: number }
type FlowStore = ReturnType<typeof useStoreApi>
type FlowEdges = ReturnType<FlowStore['getState']>['edges']

const EDGE_SAMPLES = 24

/** The centre of a node's box, in flow coordinates; null when the diagram has no such node. */
function centre(flow: FlowStore, id: string): Point | null {
  const n = flow.getState().nodeLookup.get(id)
  if (!n) return null
  const p = n.internals.positionAbsolute
  return { x: p.x + (n.measured.width ?? 0) / 2, y: p.y + (n.measured.height ?? 0) / 2 }
}

/** Points along an edge's drawn path, from its source to its target; null while the edge is not drawn. */
function sampleEdge(edgeId: string): Point[] | null {
  const path = document.getElementById(edgeId)
  if (!(path instanceof SVGPathElement)) return null
  const length = path.getTotalLength()
  return Array.from({ length: EDGE_SAMPLES + 1 }, (_, i) => {
    const p = path.getPointAtLength((length * i) / EDGE_SAMPLES)
    return { x: p.x, y: p.y }
  })
}

/** The points to follow per segment of a packet's path, or null when a hop is not on the diagram. */
function pathGeometry(
  flow: FlowStore,
  packet: VisualPacket,
  edges: FlowEdges,
  edgePoints: (edgeId: string) => Point[] | null,
): Point[][] | null {
  const out: Point[][] = []
  for (let i = 1; i < packet.path.length; i++) {
    const a = packet.path[i - 1]
    const b = packet.path[i]
    const edge = edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))
    const pts = edge ? edgePoints(edge.id) : null
    if (pts) out.push(edge?.source === a ? pts : [...pts].reverse())
    else {
      const pa = centre(flow, a)
      const pb = centre(flow, b)
      if (!pa || !pb) return null
      out.push([pa, pb])
    }
  }
  return out
}

/** A packet's segments, from caches of the edges' samples and of the paths' geometry kept for one diagram. */
export function createPathGeometry(flow: FlowStore): (packet: VisualPacket) => Point[][] | null {
  let samples = new Map<string, Point[]>()
  let geometry = new Map<string, Point[][] | null>()
  let edgeSignature = ''
  const edgePoints = (edgeId: string): Point[] | null => {
    const hit = samples.get(edgeId)
    if (hit) return hit
    const points = sampleEdge(edgeId)
    if (points) samples.set(edgeId, points)
    return points
  }
  return (packet) => {
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
    const out = pathGeometry(flow, packet, edges, edgePoints)
    geometry.set(key, out)
    return out
  }
}
