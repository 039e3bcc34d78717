// Paints the overview: containers, resources as boxes in their kind's colours, configuration lines as lines,
// and what the DOM canvas marks on them (selection, a packet walk's light, problem badges), onto a 2D canvas
// context in flow coordinates. One pass over the drawing, redrawn when it or its marks change, never per frame.
import { BROKEN, EDGE_LOOK, KIND_STYLE } from '../../share/drawing/look'
import type { Highlight } from '../../store/uiStore'
import { edgeLit } from '../edges/edgeLit'
import { type OverviewBox, type OverviewGeometry, type OverviewLine, stepPoints } from './geometry'

export interface OverviewMarks {
  selected: ReadonlySet<string>
  highlight: Highlight | null
  /** the resources with problems, and whether any is an error; none while a quiz hides the answer */
  problems: ReadonlyMap<string, 'error' | 'warning'>
  /** boxes (and their lines) left out: what is being dragged is drawn on its own layer */
  without?: ReadonlySet<string>
}

/** Fill and border of the containers, as their DOM nodes draw them (src/canvas/nodes/containerNodes.tsx). */
const CONTAINER = {
  vpc: { fill: 'rgba(239, 246, 255, 0.4)', stroke: '#60a5fa', selected: '#1d4ed8', width: 2 },
  zone: { fill: 'rgba(255, 255, 255, 0.5)', stroke: '#94a3b8', selected: '#94a3b8', width: 1 },
  vswitch: { fill: 'rgba(240, 253, 250, 0.7)', stroke: '#5eead4', selected: '#0f766e', width: 1.5 },
} as const

/** The ring a lit node gets (src/canvas/nodes/useHighlight.ts), as one colour. */
const LIT_RING: Record<string, string> = {
  focus: '#facc15',
  drop: '#dc2626',
  path: 'rgba(250, 204, 21, 0.55)',
  added: '#16a34a',
  changed: '#ea580c',
}

function litOf(h: Highlight | null, id: string): string {
  if (!h) return 'none'
  if (h.focusId === id) return h.tone === 'drop' ? 'drop' : 'focus'
  return h.marks?.[id] ?? (h.ids.includes(id) ? 'path' : 'dim')
}

/** Painting context: `px` is one screen pixel in flow units, so thin strokes and text stay visible. */
interface Pen {
  ctx: CanvasRenderingContext2D
  px: number
  marks: OverviewMarks
}

function roundRect(ctx: CanvasRenderingContext2D, b: OverviewBox, r: number) {
  ctx.beginPath()
  ctx.roundRect(b.x, b.y, b.width, b.height, Math.min(r, b.width / 2, b.height / 2))
}

/** A name in the box's top left, clipped to the box; only where it is at least 5 screen pixels tall. */
function name(pen: Pen, b: OverviewBox, text: string, size: number, colour: string, bold: boolean) {
  if (size / pen.px < 5) return
  const { ctx } = pen
  ctx.save()
  ctx.beginPath()
  ctx.rect(b.x, b.y, b.width, b.height)
  ctx.clip()
  ctx.fillStyle = colour
  ctx.font = `${bold ? 700 : 600} ${size}px ui-sans-serif, system-ui, sans-serif`
  ctx.textBaseline = 'top'
  ctx.fillText(text, b.x + 10, b.y + 8)
  ctx.restore()
}

function paintBox(pen: Pen, b: OverviewBox, label: string) {
  const { ctx, px, marks } = pen
  const selected = marks.selected.has(b.id)
  const lit = litOf(marks.highlight, b.resourceId ?? '')
  ctx.globalAlpha = lit === 'dim' && b.kind !== 'vpc' && b.kind !== 'zone' ? 0.45 : 1
  if (b.kind === 'vpc' || b.kind === 'zone' || b.kind === 'vswitch') {
    const look = CONTAINER[b.kind]
    roundRect(ctx, b, b.kind === 'vpc' ? 12 : 8)
    ctx.fillStyle = look.fill
    ctx.fill()
    ctx.strokeStyle = selected ? look.selected : look.stroke
    ctx.lineWidth = Math.max(selected ? look.width + 1 : look.width, px)
    ctx.stroke()
    if (b.kind !== 'zone')
      name(pen, b, label, b.kind === 'vpc' ? 15 : 12, b.kind === 'vpc' ? '#1e3a8a' : '#134e4a', true)
  } else {
    const look = KIND_STYLE[b.kind]
    roundRect(ctx, b, 8)
    ctx.fillStyle = look.tint
    ctx.fill()
    ctx.strokeStyle = look.colour
    ctx.lineWidth = Math.max(selected ? 2.5 : 1.5, px)
    ctx.stroke()
    // the name in large type, as the DOM overview draws it (src/canvas/nodes/ResourceCard.tsx)
    name(pen, b, label, 22, '#0f172a', false)
  }
  if (selected) ring(pen, b, '#2563eb', 3)
  const ringColour = LIT_RING[lit]
  if (ringColour) ring(pen, b, ringColour, lit === 'path' ? 3 : 4)
  ctx.globalAlpha = 1
}

/** A ring just outside the box, at least `screenPx` screen pixels wide, so it shows at any overview zoom. */
function ring(pen: Pen, b: OverviewBox, colour: string, screenPx: number) {
  const { ctx, px } = pen
  const w = Math.max(screenPx, screenPx * px)
  ctx.beginPath()
  ctx.roundRect(b.x - w / 2, b.y - w / 2, b.width + w, b.height + w, 8)
  ctx.strokeStyle = colour
  ctx.lineWidth = w
  ctx.stroke()
}

/** The problem badge in the top-right corner: red for an error, amber for warnings only. */
function badge(pen: Pen, b: OverviewBox, tone: 'error' | 'warning') {
  const { ctx, px } = pen
  const r = Math.max(10, 5 * px)
  ctx.beginPath()
  ctx.arc(b.x + b.width, b.y, r, 0, Math.PI * 2)
  ctx.fillStyle = tone === 'error' ? '#dc2626' : '#f59e0b'
  ctx.fill()
}

function paintLine(pen: Pen, l: OverviewLine) {
  const { ctx, px, marks } = pen
  const look = EDGE_LOOK[l.kind]
  const lit = edgeLit(marks.highlight, l)
  const [first, ...rest] = stepPoints(l.from, l.to, l.vertical, l.bendNearSource)
  ctx.beginPath()
  ctx.moveTo(first.x, first.y)
  for (const p of rest) ctx.lineTo(p.x, p.y)
  ctx.strokeStyle = lit ? '#eab308' : l.broken ? BROKEN.stroke : look.stroke
  ctx.lineWidth = Math.max(lit ? look.width + 2 : look.width, lit ? 3 * px : px)
  ctx.globalAlpha = lit === false ? 0.35 : 1
  ctx.stroke()
  ctx.globalAlpha = 1
}

/**
 * Paints the geometry with `ctx` already set to flow coordinates; `px` is one screen pixel in flow units at the
 * scale it is painted for. `labelOf` gives each box's name (text, drawn as text).
 */
export function paintOverview(
  ctx: CanvasRenderingContext2D,
  g: OverviewGeometry,
  px: number,
  marks: OverviewMarks,
  labelOf: (b: OverviewBox) => string,
) {
  const pen: Pen = { ctx, px, marks }
  const left = marks.without
  const isContainer = (b: OverviewBox) => b.kind === 'vpc' || b.kind === 'zone' || b.kind === 'vswitch'
  const containers = g.boxes.filter(isContainer)
  const leaves = g.boxes.filter((b) => !isContainer(b))
  // React Flow draws the lines above the containers and below the resources: the same here
  for (const b of containers) if (!left?.has(b.id)) paintBox(pen, b, labelOf(b))
  ctx.lineJoin = 'round'
  for (const l of g.lines) if (!left?.has(l.source) && !left?.has(l.target)) paintLine(pen, l)
  for (const b of leaves) if (!left?.has(b.id)) paintBox(pen, b, labelOf(b))
  for (const b of g.boxes) {
    const tone = b.resourceId ? marks.problems.get(b.resourceId) : undefined
    if (tone && !left?.has(b.id)) badge(pen, b, tone)
  }
}

/** Only the boxes in `only` and the lines that touch them: the layer a drag moves. */
export function paintDragged(
  ctx: CanvasRenderingContext2D,
  g: OverviewGeometry,
  px: number,
  marks: OverviewMarks,
  only: ReadonlySet<string>,
  labelOf: (b: OverviewBox) => string,
) {
  const pen: Pen = { ctx, px, marks }
  for (const b of g.boxes) if (only.has(b.id)) paintBox(pen, b, labelOf(b))
}
