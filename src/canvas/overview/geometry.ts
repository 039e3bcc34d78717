// The overview's geometry: the drawing (toFlow's nodes and edges, positions relative to their container) as
// absolute boxes in the order they stack, and each configuration line as the points it runs through. The
// overview bitmap is drawn from it and the pointer is tested against it, so what is hit is what is drawn. Pure.
import type { CanvasEdge, CanvasNode, DrawnKind, EdgeKind } from '../toFlow'

export interface Point {
  x: number
  y: number
}

/** A drawn box in flow coordinates: a resource, or a zone's band (`resourceId` absent). */
export interface OverviewBox {
  id: string
  kind: DrawnKind
  /** the resource it draws; a zone band draws none */
  resourceId?: string
  x: number
  y: number
  width: number
  height: number
  parentId?: string
  /** a drag keeps the box inside its container (toFlow's `extent: 'parent'`) */
  insideParent: boolean
  /** the position it has in the document: relative to its container */
  position: Point
  selectable: boolean
}

export interface OverviewLine {
  id: string
  kind: EdgeKind
  source: string
  target: string
  /** the source's connection point and the target's */
  from: Point
  to: Point
  /** leaves by the top or bottom (bends across), or by a side (bends up or down) */
  vertical: boolean
  /** a fan-out bends right under its source (toDrawing's bendNearSource) */
  bendNearSource: boolean
  broken: boolean
  standby: boolean
}

export interface OverviewGeometry {
  /** bottom first: VPCs, zone bands, vSwitches, then what they hold (React Flow stacks them so, by zIndex) */
  boxes: OverviewBox[]
  byId: ReadonlyMap<string, OverviewBox>
  lines: OverviewLine[]
  /** every box, in flow coordinates */
  bounds: { x: number; y: number; width: number; height: number }
}

type Side = 'top' | 'bottom' | 'left' | 'right'

/**
 * Where a line meets a box: the connection point of that side, where outgoing lines leave (75 % along it) and
 * incoming ones arrive (25 %), as src/canvas/nodes/Handles.tsx places them.
 */
export function connectionPoint(box: OverviewBox, handle: string): Point {
  const [side, role] = handle.split('-') as [Side, string]
  const along = role === 'source' ? 0.75 : 0.25
  switch (side) {
    case 'top':
      return { x: box.x + box.width * along, y: box.y }
    case 'bottom':
      return { x: box.x + box.width * along, y: box.y + box.height }
    case 'left':
      return { x: box.x, y: box.y + box.height * along }
    default:
      return { x: box.x + box.width, y: box.y + box.height * along }
  }
}

/**
 * The points a line runs through: from `a` to `b`, bending at right angles midway, as the canvas's smooth-step
 * edges do (their rounded corners aside).
 */
export function stepPoints(a: Point, b: Point, vertical: boolean, bendNearSource: boolean): Point[] {
  if (vertical) {
    const y = bendNearSource ? a.y + 10 : (a.y + b.y) / 2
    return [a, { x: a.x, y }, { x: b.x, y }, b]
  }
  const x = (a.x + b.x) / 2
  return [a, { x, y: a.y }, { x, y: b.y }, b]
}

/** The points a line runs through, from its source's connection point to its target's, as the bitmap draws it. */
export function linePoints(l: OverviewLine): Point[] {
  return stepPoints(l.from, l.to, l.vertical, l.bendNearSource)
}

/**
 * The points of the line the bitmap draws between two boxes, from `a` to `b` whichever way the line runs (the
 * first such line, as the DOM canvas's packets take the first edge); undefined when no line joins them.
 */
export function pathBetween(g: OverviewGeometry, a: string, b: string): Point[] | undefined {
  const line = g.lines.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a))
  if (!line) return undefined
  const points = linePoints(line)
  return line.source === a ? points : points.reverse()
}

export function overviewGeometry(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): OverviewGeometry {
  const byId = new Map<string, OverviewBox>()
  // toFlow lists containers before what they hold, so a parent's box is known when its children come
  const stacked: { box: OverviewBox; z: number; order: number }[] = []
  for (const n of nodes) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined
    const width = Number(n.style?.width ?? 0)
    const height = Number(n.style?.height ?? 0)
    const box: OverviewBox = {
      id: n.id,
      kind: n.type as DrawnKind,
      resourceId: n.type === 'zone' ? undefined : (n.data as { resourceId: string }).resourceId,
      x: n.position.x + (parent?.x ?? 0),
      y: n.position.y + (parent?.y ?? 0),
      width,
      height,
      parentId: n.parentId,
      insideParent: n.extent === 'parent',
      position: n.position,
      selectable: n.selectable !== false,
    }
    byId.set(n.id, box)
    stacked.push({ box, z: n.zIndex ?? 0, order: stacked.length })
  }
  const boxes = stacked.sort((a, b) => a.z - b.z || a.order - b.order).map((s) => s.box)
  const lines: OverviewLine[] = []
  for (const e of edges) {
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (!s || !t || !e.sourceHandle || !e.targetHandle) continue
    const a = connectionPoint(s, e.sourceHandle)
    const b = connectionPoint(t, e.targetHandle)
    const vertical = e.sourceHandle.startsWith('top') || e.sourceHandle.startsWith('bottom')
    lines.push({
      id: e.id,
      kind: e.data?.kind ?? 'route',
      source: e.source,
      target: e.target,
      from: a,
      to: b,
      vertical,
      bendNearSource: e.data?.bendNearSource === true && e.sourceHandle.startsWith('bottom'),
      broken: e.data?.kind === 'privateLink' && e.data.status !== 'Connected',
      standby: e.data?.role === 'standby',
    })
  }
  return { boxes, byId, lines, bounds: boundsOf(boxes) }
}

function boundsOf(boxes: readonly OverviewBox[]): OverviewGeometry['bounds'] {
  if (!boxes.length) return { x: 0, y: 0, width: 0, height: 0 }
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const b of boxes) {
    left = Math.min(left, b.x)
    top = Math.min(top, b.y)
    right = Math.max(right, b.x + b.width)
    bottom = Math.max(bottom, b.y + b.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The topmost box under a point in flow coordinates: the one a press there would reach on the DOM canvas. */
export function boxAt(g: OverviewGeometry, p: Point): OverviewBox | undefined {
  for (let i = g.boxes.length - 1; i >= 0; i--) {
    const b = g.boxes[i]
    if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height) return b
  }
  return undefined
}

/** What a click on `box` selects: the box, or for a zone band (drawn, not a resource) the VPC it lies in. */
export function selectableAt(g: OverviewGeometry, box: OverviewBox | undefined): OverviewBox | undefined {
  let at = box
  while (at && !at.selectable) at = at.parentId ? g.byId.get(at.parentId) : undefined
  return at
}

/** The box and everything drawn inside it, at any depth: what moves when it is dragged. */
export function withContents(g: OverviewGeometry, id: string): Set<string> {
  const inside = new Set([id])
  // parents come before their children in stacking order too (a lower zIndex, or earlier in toFlow's list)
  for (const b of g.boxes) if (b.parentId && inside.has(b.parentId)) inside.add(b.id)
  return inside
}

/**
 * Where a box dragged by `by` (flow units) lands, relative to its container as the document keeps it: kept
 * inside the container where the canvas keeps it so.
 */
export function draggedTo(g: OverviewGeometry, box: OverviewBox, by: Point): Point {
  const x = box.position.x + by.x
  const y = box.position.y + by.y
  const parent = box.parentId ? g.byId.get(box.parentId) : undefined
  if (!parent || !box.insideParent) return { x, y }
  return {
    x: Math.min(Math.max(x, 0), Math.max(parent.width - box.width, 0)),
    y: Math.min(Math.max(y, 0), Math.max(parent.height - box.height, 0)),
  }
}
