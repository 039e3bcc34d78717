// The design as a standalone SVG, without a browser: the same nodes, positions and edges as the canvas
// (from toFlow, so the picture matches the app), drawn with plain SVG shapes and text instead of a copy of
// the DOM. No DOM, no fonts or images fetched: it runs in Node for pipelines that keep designs in git.
// Every user string goes through xmlEscape (see xml.ts); ids on elements are our own, never user text.

import { KIND_STYLE, PATHS } from '../../canvas/glyphs'
import { type CanvasEdge, type EdgeKind, toFlow } from '../../canvas/toFlow'
import { type Design, type Resource, SIZES } from '../../model'
import { type Card, cardOf, routeBadge, type Tone } from './cards'
import { type Point, type Side, smoothStepPath, smoothStepPoints } from './smoothStep'
import { type Font, fitText, MONOSPACE, SANS, textWidth, wrapText } from './text'
import { el, num } from './xml'

/** A linter finding, as worker/lint reports it: badged on its first resource, as on the canvas. */
export interface ProblemMark {
  code: string
  severity: 'error' | 'warning' | 'info'
  message: string
  resourceIds: readonly string[]
}

export interface SvgOptions {
  problems?: readonly ProblemMark[]
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

// The canvas's looks, copied from the React components (ConfigEdge's LOOK, Legend's ITEMS, Tailwind
// colours of the node components), which cannot be imported here without React Flow and the stores.
const LOOK: Record<EdgeKind, { stroke: string; width: number; dash?: string; legend: string }> = {
  route: { stroke: '#334155', width: 1.6, legend: 'Route entry (destination → next hop)' },
  privateLink: { stroke: '#7c3aed', width: 2.4, dash: '7 4', legend: 'PrivateLink connection' },
  serviceResource: { stroke: '#a21caf', width: 2, legend: 'Endpoint service resource' },
  serverGroup: { stroke: '#c2410c', width: 1.6, legend: 'Server group member (Geneve)' },
  internet: { stroke: '#94a3b8', width: 1.4, dash: '3 4', legend: 'Internet' },
}
const BROKEN = { stroke: '#dc2626', text: '#b91c1c' }
const TONES: Record<Tone, { fill: string; text: string }> = {
  ok: { fill: '#d1fae5', text: '#065f46' },
  warn: { fill: '#fef3c7', text: '#92400e' },
  bad: { fill: '#fee2e2', text: '#991b1b' },
  info: { fill: '#f1f5f9', text: '#334155' },
}

/** Room around the drawn nodes, as the app's picture export leaves. */
const MARGIN = 40
const HEADER_PAD = 16
const TITLE_BLOCK = 48
/** Handles sit at 75% (source) and 25% (target) of a side, their centre on the border (Handles.tsx). */
const SOURCE_AT = 0.75
const TARGET_AT = 0.25
/** React Flow measures a handle's end point at the outer edge of its 6 px dot, which straddles a 1.5 px border. */
const HANDLE_OUTSET = 1.5

/** Text at a baseline; the font's size, weight and family become attributes. */
function text(
  x: number,
  y: number,
  content: string,
  font: Font,
  fill: string,
  extra: Record<string, string | number> = {},
): string {
  return el(
    'text',
    {
      x,
      y,
      'font-size': font.size,
      'font-weight': font.bold ? 600 : undefined,
      'font-family': font.mono ? MONOSPACE : undefined,
      'letter-spacing': font.tracking ? font.tracking * font.size : undefined,
      fill,
      ...extra,
    },
    { text: content },
  )
}

/** An element's accessible name: the first child of a group, which viewers show on hover. */
const title = (content: string) => el('title', {}, { text: content })

function absoluteBoxes(nodes: ReturnType<typeof toFlow>['nodes']): Map<string, Box> {
  const boxes = new Map<string, Box>()
  // toFlow lists parents before their children, as React Flow requires
  for (const n of nodes) {
    const parent = n.parentId ? boxes.get(n.parentId) : undefined
    boxes.set(n.id, {
      x: n.position.x + (parent?.x ?? 0),
      y: n.position.y + (parent?.y ?? 0),
      width: Number(n.style?.width ?? SIZES.leaf.width),
      height: Number(n.style?.height ?? SIZES.leaf.height),
    })
  }
  return boxes
}

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

interface DrawnEdge {
  edge: CanvasEdge
  kind: EdgeKind
  points: Point[]
  broken: boolean
  label?: { text: string; box: Box }
}

function sideOf(handle: string | null | undefined): Side {
  const side = handle?.split('-')[0]
  return side === 'top' || side === 'left' || side === 'right' ? side : 'bottom'
}

function drawnEdge(edge: CanvasEdge, boxes: Map<string, Box>): DrawnEdge | undefined {
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

// ── containers ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A container is drawn in two layers: its shape below the edges, its caption above them. Edges cross
 * containers (a narrow VPC's title, a zone's caption), and the caption's halo in the container's own colour
 * keeps the words readable where a line runs under them.
 */
interface Container {
  shape: string
  caption: string
}

/** Text halo in the colour behind it: the container fills as they come out over white. */
const halo = (colour: string) => ({
  stroke: colour,
  'stroke-width': 3,
  'stroke-linejoin': 'round',
  'paint-order': 'stroke',
})
const VPC_FILL = '#f9fbff'
const ZONE_FILL = '#fcfdff'
const VSWITCH_FILL = '#f3fdfb'

/** How far the VPC's title may run: to its right border, or to a card standing in the title band (the IPv4 gateway). */
function titleRoom(box: Box, cards: Box[]): number {
  const left = box.x + 18
  const ahead = cards.filter((c) => c.y < box.y + 46 && c.y + c.height > box.y && c.x > left).map((c) => c.x - 12)
  return Math.min(box.x + box.width - 18, ...ahead) - left
}

function vpcSvg(
  design: Design,
  r: Extract<Resource, { kind: 'vpc' }>,
  box: Box,
  cards: Box[],
  badge: string,
): Container {
  const name = r.name ?? r.id
  const account = design.accounts.find((a) => a.id === r.accountId)?.name ?? r.accountId
  const room = titleRoom(box, cards)
  const nameFont: Font = { size: 15, bold: true }
  const subFont: Font = { size: 11 }
  const sub = `VPC ${r.cidrBlock} · ${account}`
  return {
    shape: el(
      'g',
      { 'data-resource-id': r.id, 'data-kind': 'vpc' },
      title(`VPC ${name}: ${sub.slice(4)}`) +
        el('rect', {
          x: box.x + 1,
          y: box.y + 1,
          width: box.width - 2,
          height: box.height - 2,
          rx: 11,
          fill: '#eff6ff',
          'fill-opacity': 0.4,
          stroke: '#60a5fa',
          'stroke-width': 2,
        }),
    ),
    caption:
      text(box.x + 18, box.y + 27, fitText(name, room, nameFont), nameFont, '#1e3a8a', {
        'font-weight': 700,
        ...halo(VPC_FILL),
      }) +
      text(box.x + 18, box.y + 42, fitText(sub, room, subFont), subFont, '#1e40af', halo(VPC_FILL)) +
      badge,
  }
}

const ZONE_FONT: Font = { size: 11, bold: true, tracking: 0.025 }

function zoneSvg(zoneId: string, box: Box): Container {
  return {
    shape: el(
      'g',
      { 'data-kind': 'zone' },
      title(`Zone ${zoneId}`) +
        el('rect', {
          x: box.x + 0.5,
          y: box.y + 0.5,
          width: box.width - 1,
          height: box.height - 1,
          rx: 8,
          fill: '#ffffff',
          'fill-opacity': 0.5,
          stroke: '#94a3b8',
          'stroke-dasharray': '4 3',
        }),
    ),
    caption: text(
      box.x + 13,
      box.y + box.height - 12,
      fitText(`ZONE ${zoneId.toUpperCase()}`, box.width - 26, ZONE_FONT),
      ZONE_FONT,
      '#64748b',
      halo(ZONE_FILL),
    ),
  }
}

/** The route-table badge: a small bordered box, bold for a table of our own, grey for the system one. */
function badgeBox(x: number, centreY: number, label: string, system: boolean, tip: string): string {
  const font: Font = { size: 10, bold: !system }
  const pad = system ? 4 : 6
  const width = textWidth(label, font) + 2 * pad + 2
  const height = 16
  return el(
    'g',
    {},
    title(tip) +
      el('rect', {
        x: x + 0.5,
        y: centreY - height / 2 + 0.5,
        width: width - 1,
        height: height - 1,
        rx: 3,
        fill: '#ffffff',
        stroke: system ? '#cbd5e1' : '#94a3b8',
      }) +
      text(x + pad + 1, centreY + 3.5, label, font, system ? '#64748b' : '#334155'),
  )
}

/** The words behind a route-table badge: the table and its entries, which the app opens on click. */
function routeTableTip(design: Design, routeTableId: string | undefined): string {
  if (!routeTableId) return "The VPC's system route table: Local routes only"
  const table = design.resources.find((r) => r.id === routeTableId)
  if (table?.kind !== 'routeTable') return routeTableId
  const nameOf = (id: string) => design.resources.find((r) => r.id === id)?.name ?? id
  const entries = table.entries.map((e) => `${e.destinationCidrBlock} → ${nameOf(e.nextHopId)}`)
  return [`Route table ${table.name ?? table.id}`, ...entries].join('\n')
}

function vswitchSvg(design: Design, r: Extract<Resource, { kind: 'vswitch' }>, box: Box, badge: string): Container {
  const name = r.name ?? r.id
  const nameFont: Font = { size: 12, bold: true }
  const cidrFont: Font = { size: 11 }
  const bottom = box.y + box.height
  const left = box.x + 13.5
  const rowCentre = bottom - 15.5
  const cidrWidth = textWidth(r.cidrBlock, cidrFont)
  const routes = routeBadge(design, r.routeTableId, true) ?? ''
  const table = badgeBox(
    left + cidrWidth + 6,
    rowCentre,
    routes,
    !r.routeTableId,
    routeTableTip(design, r.routeTableId),
  )
  return {
    shape: el(
      'g',
      { 'data-resource-id': r.id, 'data-kind': 'vswitch' },
      title(`vSwitch ${name}: ${r.cidrBlock}, zone ${r.zoneId}`) +
        el('rect', {
          x: box.x + 0.75,
          y: box.y + 0.75,
          width: box.width - 1.5,
          height: box.height - 1.5,
          rx: 6,
          fill: '#f0fdfa',
          'fill-opacity': 0.7,
          stroke: '#5eead4',
          'stroke-width': 1.5,
        }),
    ),
    caption:
      // the caption keeps to 70% of the width: edges leave resources at 75%, down past it
      text(left, bottom - 28, fitText(name, box.width * 0.7 - 12, nameFont), nameFont, '#134e4a', halo(VSWITCH_FILL)) +
      text(left, rowCentre + 4, r.cidrBlock, cidrFont, '#115e59', halo(VSWITCH_FILL)) +
      table +
      badge,
  }
}

// ── leaf cards ───────────────────────────────────────────────────────────────────────────────────────

const NAME_SIZES = [13, 12, 11]
const KIND_FONT: Font = { size: 10, bold: true, tracking: 0.025 }
const FACTS_FONT: Font = { size: 11 }
const PILL_FONT: Font = { size: 10, bold: true }

function cardSvg(design: Design, r: Resource, card: Card, box: Box, badge: string): string {
  const style = KIND_STYLE[card.kind]
  const left = box.x + 41.5
  const right = box.x + box.width - 11.5
  const room = right - left
  // a picture has no hover: a long name gets a smaller size before it is cut
  const nameSize =
    NAME_SIZES.find((size) => textWidth(card.name, { size, bold: true }) <= room) ?? NAME_SIZES[NAME_SIZES.length - 1]
  const nameFont: Font = { size: nameSize, bold: true }

  let pills = ''
  let pillsLeft = right
  for (const pill of [...card.pills].reverse()) {
    const width = textWidth(pill.text, PILL_FONT) + 8
    pillsLeft -= width
    pills +=
      el('rect', { x: pillsLeft, y: box.y + 26, width, height: 14, rx: 3, fill: TONES[pill.tone].fill }) +
      text(pillsLeft + 4, box.y + 36.5, pill.text, PILL_FONT, TONES[pill.tone].text)
    pillsLeft -= 2
  }
  const kindLabel = (card.kindLabel ?? style.label).toUpperCase()

  let facts: string
  if ('badge' in card.facts) {
    const table = r.kind === 'ipv4Gateway' ? r.gatewayRouteTableId : undefined
    facts = badgeBox(left, box.y + 49, card.facts.badge, false, routeTableTip(design, table))
  } else {
    facts = wrapText(card.facts.text, room, FACTS_FONT, 2)
      .map((line, i) => text(left, box.y + 51 + i * 13.75, line, FACTS_FONT, '#475569'))
      .join('')
  }
  const glyphScale = 22 / 24
  return el(
    'g',
    { 'data-resource-id': r.id, 'data-kind': card.kind },
    title(
      `${card.kindLabel ?? style.label} ${card.name}${'text' in card.facts && card.facts.text ? `: ${card.facts.text}` : ''}${card.pills.length ? ` (${card.pills.map((p) => p.text).join(', ')})` : ''}`,
    ) +
      el('rect', {
        x: box.x + 0.75,
        y: box.y + 0.75,
        width: box.width - 1.5,
        height: box.height - 1.5,
        rx: 8,
        fill: style.tint,
        stroke: style.colour,
        'stroke-width': 1.5,
      }) +
      el('path', {
        d: PATHS[card.kind],
        transform: `translate(${num(box.x + 11.5)} ${num(box.y + 11.5)}) scale(${num(glyphScale)})`,
        fill: 'none',
        stroke: style.colour,
        'stroke-width': 1.8,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      }) +
      text(left, box.y + 23, fitText(card.name, room, nameFont), nameFont, '#0f172a') +
      text(left, box.y + 36.5, fitText(kindLabel, pillsLeft - left - 4, KIND_FONT), KIND_FONT, style.colour) +
      pills +
      facts +
      badge,
  )
}

// ── problems ─────────────────────────────────────────────────────────────────────────────────────────

/** ProblemBadge: a round count on the top-right corner, red when any is an error, amber otherwise. */
function problemBadge(problems: readonly ProblemMark[] | undefined, box: Box): string {
  if (!problems?.length) return ''
  const label = String(problems.length)
  const font: Font = { size: 10, bold: true }
  const width = Math.max(20, textWidth(label, font) + 8)
  const cx = box.x + box.width - 2
  const cy = box.y + 2
  return el(
    'g',
    { 'data-problems': problems.length },
    title(problems.map((p) => `${p.code} ${p.message}`).join('\n')) +
      el('rect', {
        x: cx - width / 2,
        y: cy - 10,
        width,
        height: 20,
        rx: 10,
        fill: problems.some((p) => p.severity === 'error') ? '#dc2626' : '#f59e0b',
      }) +
      text(cx, cy + 3.5, label, font, '#ffffff', { 'text-anchor': 'middle', 'font-weight': 700 }),
  )
}

// ── edges ────────────────────────────────────────────────────────────────────────────────────────────

function edgeTitle(e: DrawnEdge, nameOf: (id: string) => string): string {
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
function arrowhead(e: DrawnEdge, colour: string): string {
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

function edgeLabelSvg(e: DrawnEdge): string {
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

// ── header ───────────────────────────────────────────────────────────────────────────────────────────

const LEGEND_FONT: Font = { size: 11 }
const LEGEND_ROW = 16
const LEGEND_KINDS: EdgeKind[] = ['route', 'privateLink', 'serviceResource', 'serverGroup', 'internet']

function legendSize(): { width: number; height: number } {
  const widest = Math.max(...LEGEND_KINDS.map((k) => textWidth(LOOK[k].legend, LEGEND_FONT)))
  return { width: 10 + 28 + 8 + widest + 10, height: 6 + LEGEND_ROW * (LEGEND_KINDS.length + 1) + 6 }
}

function legendSvg(x: number, y: number, size: { width: number; height: number }): string {
  const rows = LEGEND_KINDS.map((k, i) => {
    const cy = y + 6 + LEGEND_ROW * (i + 1) + LEGEND_ROW / 2
    const look = LOOK[k]
    return (
      el('line', {
        x1: x + 10,
        x2: x + 38,
        y1: cy,
        y2: cy,
        stroke: look.stroke,
        'stroke-width': look.width,
        'stroke-dasharray': look.dash,
      }) + text(x + 46, cy + 4, look.legend, LEGEND_FONT, '#334155')
    )
  })
  return el(
    'g',
    { 'data-kind': 'legend' },
    title('Legend: what each line means') +
      el('rect', {
        x: x + 0.5,
        y: y + 0.5,
        width: size.width - 1,
        height: size.height - 1,
        rx: 6,
        fill: '#ffffff',
        stroke: '#e2e8f0',
      }) +
      text(x + 10, y + 6 + 12, 'Legend', { size: 11, bold: true }, '#64748b') +
      rows.join(''),
  )
}

// ── the picture ──────────────────────────────────────────────────────────────────────────────────────

function union(boxes: Box[]): Box {
  // a new design has nothing drawn yet: the picture is its header
  if (!boxes.length) return { x: 0, y: 0, width: 0, height: 0 }
  // a loop, not Math.min(...boxes): spreading 100,000 boxes as arguments overflows the stack
  let [x, y, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const b of boxes) {
    x = Math.min(x, b.x)
    y = Math.min(y, b.y)
    right = Math.max(right, b.x + b.width)
    bottom = Math.max(bottom, b.y + b.height)
  }
  return { x, y, width: right - x, height: bottom - y }
}

/** The whole design as an SVG document: a header with the name, region and legend above the diagram. */
export function renderDesignSvg(design: Design, options: SvgOptions = {}): string {
  return drawDesign(design, options).svg
}

/** The SVG document and its size in SVG units, which a rasteriser multiplies by its zoom. */
export function drawDesign(design: Design, options: SvgOptions = {}): { svg: string; width: number; height: number } {
  const { nodes, edges } = toFlow(design)
  const boxes = absoluteBoxes(nodes)
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const nameOf = (id: string) => byId.get(id)?.name ?? id
  const drawn = edges.flatMap((e) => drawnEdge(e, boxes) ?? [])

  const problemsOn = new Map<string, ProblemMark[]>()
  for (const p of options.problems ?? []) {
    const id = p.resourceIds[0]
    if (id) problemsOn.set(id, [...(problemsOn.get(id) ?? []), p])
  }

  const containers: Container[] = []
  const cards: string[] = []
  const cardBoxes = nodes.flatMap((n) =>
    n.type !== 'vpc' && n.type !== 'zone' && n.type !== 'vswitch' ? [boxes.get(n.id) as Box] : [],
  )
  for (const n of nodes) {
    const box = boxes.get(n.id) as Box
    const badge = problemBadge(problemsOn.get(n.id), box)
    if (n.type === 'zone') {
      containers.push(zoneSvg(n.data.zoneId, box))
      continue
    }
    const r = byId.get(n.data.resourceId)
    if (!r) continue
    if (r.kind === 'vpc') containers.push(vpcSvg(design, r, box, cardBoxes, badge))
    else if (r.kind === 'vswitch') containers.push(vswitchSvg(design, r, box, badge))
    else {
      const card = cardOf(design, r)
      if (card) cards.push(cardSvg(design, r, card, box, badge))
    }
  }

  const lines = drawn.map((e) => {
    const look = LOOK[e.kind]
    const stroke = e.broken ? BROKEN.stroke : look.stroke
    return el(
      'g',
      { 'data-edge-kind': e.kind },
      title(edgeTitle(e, nameOf)) +
        el('path', {
          d: smoothStepPath(e.points, 10),
          fill: 'none',
          stroke,
          'stroke-width': look.width,
          'stroke-dasharray': look.dash,
        }) +
        // the internet's lines are the hosts' reach, not a configured next hop: no arrow, as on the canvas
        (e.kind === 'internet' ? '' : arrowhead(e, stroke)),
    )
  })
  // labels above everything, as the canvas's EdgeLabelRenderer puts them
  const labels = drawn.map(edgeLabelSvg).join('')

  const content = union([
    ...boxes.values(),
    ...drawn.flatMap((e) => [
      ...e.points.map((p) => ({ ...p, width: 0, height: 0 })),
      ...(e.label ? [e.label.box] : []),
    ]),
    // problem badges stand out of their node's top-right corner
    ...[...problemsOn.keys()].flatMap((id) => {
      const b = boxes.get(id)
      return b ? [{ x: b.x, y: b.y - 8, width: b.width + 8, height: b.height + 8 }] : []
    }),
  ])
  const subtitle = `Region ${design.regionId} · the whole design · GWLB Studio`
  const legend = legendSize()
  const titleFont: Font = { size: 20, bold: true }
  const subtitleFont: Font = { size: 13 }
  const titleText = fitText(design.name, 900, titleFont)
  const titleWidth = Math.max(textWidth(titleText, titleFont), textWidth(subtitle, subtitleFont))
  const header = Math.max(TITLE_BLOCK, legend.height) + 2 * HEADER_PAD
  const diagramWidth = Math.ceil(content.width + 2 * MARGIN)
  const width = Math.max(diagramWidth, Math.ceil(HEADER_PAD + titleWidth + HEADER_PAD * 2 + legend.width + HEADER_PAD))
  const height = Math.ceil(header + content.height + 2 * MARGIN)
  // a wider header centres the diagram under it
  const dx = (width - diagramWidth) / 2 + MARGIN - content.x
  const dy = header + MARGIN - content.y

  const body =
    el('title', { id: 'design-title' }, { text: design.name }) +
    el('desc', { id: 'design-desc' }, { text: [subtitle, design.description].filter(Boolean).join('\n') }) +
    el('rect', { width, height, fill: '#ffffff' }) +
    text(HEADER_PAD, HEADER_PAD + 20, titleText, titleFont, '#0f172a') +
    text(HEADER_PAD, HEADER_PAD + 42, subtitle, subtitleFont, '#475569') +
    legendSvg(width - HEADER_PAD - legend.width, HEADER_PAD, legend) +
    el('line', { x1: 0, x2: width, y1: header - 0.5, y2: header - 0.5, stroke: '#e2e8f0' }) +
    el(
      'g',
      { transform: `translate(${num(dx)} ${num(dy)})` },
      containers.map((c) => c.shape).join('') +
        lines.join('') +
        containers.map((c) => c.caption).join('') +
        cards.join('') +
        labels,
    )

  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'design-title design-desc',
      'font-family': SANS,
    },
    body,
  )}\n`
  return { svg, width, height }
}
