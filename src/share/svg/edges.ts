// The configuration lines of the SVG picture: where each leaves and enters its boxes (as React Flow's handles
// place them), its smooth-step path, its arrowhead, its label and its hover title.
import { BROKEN, EDGE_LOOK as LOOK } from '../drawing/look'
import type { DrawnEdge as DrawingEdge, EdgeKind } from '../drawing/toDrawing'
import { type Box, text } from './shapes'
import { type Point, type Side, smoothStepPoints } from './smoothStep'
import { type Font, textWidth } from './text'
import { el, num } from './xml'

/** Handles sit at 75% (source) and 25% (target) of a side, their centre on the border (Handles.tsx). */
const SOURCE_AT = 0.75
const TARGET_AT = 0.25
/** React Flow measures a handle's end point at the outer edge of its 6 px dot, which straddles a 1.5 px border. */
const HANDLE_OUTSET = 1.5

function handlePoint(box: Box, side: Side, at: number): Point {
  switch (side) {
    case 'top':
      return { x: box.x + box.width * at, y: box.y - HANDLE_OUTSET }
    case 'bottom':
      return { x: box.x + box.width * at, y: box.y + box.height + HANDLE_OUTSET }
    case 'left':
      return { x: box.x - HANDLE_OUTSET, y: box.y + box.height * at }
    case 'right':
      return { x: box.x + box.width + HANDLE_OUTSET, y: box.y + box.height * at }
  }
}

/** ConfigEdge's `near`: a label stands this far from its end, further on a horizontal side where it is wider. */
function near(p: Point, side: Side, by: number): Point {
  switch (side) {
    case 'top':
      return { x: p.x, y: p.y - by }
    case 'bottom':
      return { x: p.x, y: p.y + by }
    case 'left':
      return { x: p.x - by * 1.4, y: p.y }
    case 'right':
      return { x: p.x + by * 1.4, y: p.y }
  }
}

const LABEL_FONT: Font = { size: 10, mono: true }
const LABEL_HEIGHT = 18

export interface DrawnEdge {
  edge: DrawingEdge
  kind: EdgeKind
  points: Point[]
  broken: boolean
  label?: { text: string; box: Box }
}

function sideOf(handle: string | null | undefined): Side {
  const side = handle?.split('-')[0]
  return side === 'top' || side === 'left' || side === 'right' ? side : 'bottom'
}

export function drawnEdge(edge: DrawingEdge, boxes: Map<string, Box>): DrawnEdge | undefined {
  const a = boxes.get(edge.source)
  const b = boxes.get(edge.target)
  if (!a || !b) return undefined
  const kind = edge.data?.kind ?? 'route'
  const sourceSide = sideOf(edge.sourceHandle)
  const targetSide = sideOf(edge.targetHandle)
  const source = handlePoint(a, sourceSide, SOURCE_AT)
  const target = handlePoint(b, targetSide, TARGET_AT)
  const { points, center } = smoothStepPoints({
    source,
    sourceSide,
    target,
    targetSide,
    // a fan-out (GWLB to its appliances) bends just under its source, above the zone captions
    centerY: edge.data?.bendNearSource && sourceSide === 'bottom' ? source.y + 10 : undefined,
  })
  const data = edge.data
  const broken = kind === 'privateLink' && data?.status !== 'Connected'
  if (!data?.label) return { edge, kind, points, broken }
  const at =
    data.labelAt === 'source'
      ? near(source, sourceSide, data.labelOffset ?? 34)
      : data.labelAt === 'target'
        ? near(target, targetSide, data.labelOffset ?? 22)
        : center
  const width = textWidth(data.label, LABEL_FONT) + 10
  return {
    edge,
    kind,
    points,
    broken,
    label: { text: data.label, box: { x: at.x - width / 2, y: at.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT } },
  }
}

export function edgeTitle(e: DrawnEdge, nameOf: (id: string) => string): string {
  const ends = `${nameOf(e.edge.source)} → ${nameOf(e.edge.target)}`
  switch (e.kind) {
    case 'route':
      return `Route ${e.label?.text ?? ''}: ${ends}`
    case 'privateLink':
      return `PrivateLink connection (${e.edge.data?.status ?? ''}): ${ends}`
    case 'serviceResource':
      return `Endpoint service resource: ${ends}`
    case 'serverGroup':
      return `Server group member: ${ends}`
    case 'internet':
      return `Internet: ${ends}`
    case 'routeTarget':
      return `Route target group member (${e.edge.data?.role ?? ''}): ${ends}`
  }
}

/** Which way a line runs into its target: into the node, away from the side it enters by. */
const INWARD: Record<Side, Point> = {
  top: { x: 0, y: 1 },
  bottom: { x: 0, y: -1 },
  left: { x: 1, y: 0 },
  right: { x: -1, y: 0 },
}

/**
 * React Flow's ArrowClosed marker (16 × 16 in a 20-unit box, scaled by the line width), drawn as a shape at
 * the line's end rather than an SVG marker: resvg 2.6 aborts the process on some markers, and vector
 * editors that do not understand markers still show the arrow.
 */
export function arrowhead(e: DrawnEdge, colour: string): string {
  const tip = e.points[e.points.length - 1]
  const d = INWARD[sideOf(e.edge.targetHandle)]
  const unit = (16 / 20) * LOOK[e.kind].width
  // the marker's polyline -5,-4 0,0 -5,4 with its 1-unit stroke, turned to the line's direction
  const at = (along: number, across: number) =>
    `${num(tip.x + (d.x * along - d.y * across) * unit)},${num(tip.y + (d.y * along + d.x * across) * unit)}`
  return el('polygon', {
    points: `${at(-5, -4)} ${at(0, 0)} ${at(-5, 4)}`,
    fill: colour,
    stroke: colour,
    'stroke-width': unit,
    'stroke-linejoin': 'round',
  })
}

export function edgeLabelSvg(e: DrawnEdge): string {
  if (!e.label) return ''
  const { box } = e.label
  const colour = e.broken ? BROKEN.text : LOOK[e.kind].stroke
  return (
    el('rect', {
      x: box.x + 0.5,
      y: box.y + 0.5,
      width: box.width - 1,
      height: box.height - 1,
      rx: 4,
      fill: '#ffffff',
      stroke: e.broken ? BROKEN.stroke : LOOK[e.kind].stroke,
    }) + text(box.x + box.width / 2, box.y + 12.5, e.label.text, LABEL_FONT, colour, { 'text-anchor': 'middle' })
  )
}
