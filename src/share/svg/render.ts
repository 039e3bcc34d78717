// The design as a standalone SVG, without a browser: the same nodes, positions and edges as the canvas (the
// shared drawing and its look, src/share/drawing, so the picture matches the app), drawn with plain SVG shapes and
// text instead of a copy of the DOM. Containers, edges and the legend are drawn by their own modules; the cards, the
// problem badges and the picture's frame here. No DOM, no fonts or images fetched: it runs in Node for pipelines
// that keep designs in git.
// Every user string goes through xmlEscape (see xml.ts); ids on elements are our own, never user text.
import type { Design, Resource } from '../../model'
import { BROKEN, KIND_STYLE, EDGE_LOOK as LOOK, PATHS, STANDBY_DASH } from '../drawing/look'
import { type DrawnNode, toDrawing } from '../drawing/toDrawing'
import { type Card, cardOf } from './cards'
import { badgeBox, type Container, routeTableTip, vpcSvg, vswitchSvg, zoneSvg } from './containers'
import { arrowhead, type DrawnEdge as DrawnLine, drawnEdge, edgeLabelSvg, edgeTitle } from './edges'
import { legendSize, legendSvg } from './legend'
import { absoluteBoxes, type Box, TONES, text, title } from './shapes'
import { smoothStepPath } from './smoothStep'
import { type Font, fitText, SANS, textWidth, wrapText } from './text'
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
  /** draw only these resources (a selection and what it holds) and the lines between them; absent, all */
  only?: readonly string[]
  /** the line under the title; default: the region and "the whole design" */
  subtitle?: string
}

/** Room around the drawn nodes, as the app's picture export leaves. */
const MARGIN = 40
const HEADER_PAD = 16
const TITLE_BLOCK = 48

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

/** Each resource's problems, badged on the first resource a problem names. */
function problemsByResource(problems: readonly ProblemMark[] | undefined): Map<string, ProblemMark[]> {
  const problemsOn = new Map<string, ProblemMark[]>()
  for (const p of problems ?? []) {
    const id = p.resourceIds[0]
    if (id) problemsOn.set(id, [...(problemsOn.get(id) ?? []), p])
  }
  return problemsOn
}

/** The containers (VPCs, zones, vSwitches) and the leaf cards, each with its problem badge. */
function drawNodes(
  design: Design,
  nodes: DrawnNode[],
  boxes: Map<string, Box>,
  problemsOn: Map<string, ProblemMark[]>,
) {
  const byId = new Map(design.resources.map((r) => [r.id, r]))
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
  return { containers, cards }
}

/** One configuration line in its look, with its title and, but for the internet's reach, its arrowhead. */
function lineSvg(e: DrawnLine, nameOf: (id: string) => string): string {
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
        'stroke-dasharray': e.edge.data?.role === 'standby' ? STANDBY_DASH : look.dash,
      }) +
      // the internet's lines are the hosts' reach, not a configured next hop: no arrow, as on the canvas
      (e.kind === 'internet' ? '' : arrowhead(e, stroke)),
  )
}

/** What the diagram covers: the boxes, the lines and their labels, and the badges standing out of their corners. */
function contentBox(boxes: Map<string, Box>, drawn: DrawnLine[], problemsOn: Map<string, ProblemMark[]>): Box {
  return union([
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
}

/**
 * The picture's frame around a diagram covering `content`: its size, the header (title, subtitle, legend, a rule
 * under them) and where the diagram goes, centred under a wider header.
 */
function frame(design: Design, subtitle: string, content: Box) {
  const legend = legendSize()
  const titleFont: Font = { size: 20, bold: true }
  const subtitleFont: Font = { size: 13 }
  const titleText = fitText(design.name, 900, titleFont)
  const titleWidth = Math.max(textWidth(titleText, titleFont), textWidth(subtitle, subtitleFont))
  const header = Math.max(TITLE_BLOCK, legend.height) + 2 * HEADER_PAD
  const diagramWidth = Math.ceil(content.width + 2 * MARGIN)
  const width = Math.max(diagramWidth, Math.ceil(HEADER_PAD + titleWidth + HEADER_PAD * 2 + legend.width + HEADER_PAD))
  const height = Math.ceil(header + content.height + 2 * MARGIN)
  const headerSvg =
    el('title', { id: 'design-title' }, { text: design.name }) +
    el('desc', { id: 'design-desc' }, { text: [subtitle, design.description].filter(Boolean).join('\n') }) +
    el('rect', { width, height, fill: '#ffffff' }) +
    text(HEADER_PAD, HEADER_PAD + 20, titleText, titleFont, '#0f172a') +
    text(HEADER_PAD, HEADER_PAD + 42, subtitle, subtitleFont, '#475569') +
    legendSvg(width - HEADER_PAD - legend.width, HEADER_PAD, legend) +
    el('line', { x1: 0, x2: width, y1: header - 0.5, y2: header - 0.5, stroke: '#e2e8f0' })
  return {
    width,
    height,
    headerSvg,
    dx: (width - diagramWidth) / 2 + MARGIN - content.x,
    dy: header + MARGIN - content.y,
  }
}

/** The SVG document and its size in SVG units, which a rasteriser multiplies by its zoom. */
export function drawDesign(design: Design, options: SvgOptions = {}): { svg: string; width: number; height: number } {
  const drawing = toDrawing(design)
  // positions are relative to the parent: the boxes are placed with every node, then the picture keeps its part
  const boxes = absoluteBoxes(drawing.nodes)
  const only = options.only ? new Set(options.only) : null
  const nodes = only ? drawing.nodes.filter((n) => only.has(n.id)) : drawing.nodes
  const edges = only ? drawing.edges.filter((e) => only.has(e.source) && only.has(e.target)) : drawing.edges
  if (only) for (const id of [...boxes.keys()]) if (!only.has(id)) boxes.delete(id)
  const names = new Map(design.resources.map((r) => [r.id, r.name]))
  const drawn = edges.flatMap((e) => drawnEdge(e, boxes) ?? [])
  const problemsOn = problemsByResource(options.problems)
  const { containers, cards } = drawNodes(design, nodes, boxes, problemsOn)
  const lines = drawn.map((e) => lineSvg(e, (id) => names.get(id) ?? id))
  // labels above everything, as the canvas's EdgeLabelRenderer puts them
  const labels = drawn.map(edgeLabelSvg).join('')
  const subtitle = options.subtitle ?? `Region ${design.regionId} · the whole design · GWLB Studio`
  const { width, height, headerSvg, dx, dy } = frame(design, subtitle, contentBox(boxes, drawn, problemsOn))
  const body =
    headerSvg +
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
