// The containers of the SVG picture: VPCs, the zones inside them, vSwitches with their route-table badge.
import type { Design, Resource } from '../../model'
import { routeBadge } from './cards'
import { type Box, halo, text, title } from './shapes'
import { type Font, fitText, textWidth } from './text'
import { el } from './xml'

/**
 * A container is drawn in two layers: its shape below the edges, its caption above them. Edges cross
 * containers (a narrow VPC's title, a zone's caption), and the caption's halo in the container's own colour
 * keeps the words readable where a line runs under them.
 */
export interface Container {
  shape: string
  caption: string
}

const VPC_FILL = '#f9fbff'
const ZONE_FILL = '#fcfdff'
const VSWITCH_FILL = '#f3fdfb'

/** How far the VPC's title may run: to its right border, or to a card standing in the title band (the IPv4 gateway). */
function titleRoom(box: Box, cards: Box[]): number {
  const left = box.x + 18
  const ahead = cards.filter((c) => c.y < box.y + 46 && c.y + c.height > box.y && c.x > left).map((c) => c.x - 12)
  return Math.min(box.x + box.width - 18, ...ahead) - left
}

export function vpcSvg(
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

export function zoneSvg(zoneId: string, box: Box): Container {
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
export function badgeBox(x: number, centreY: number, label: string, system: boolean, tip: string): string {
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
export function routeTableTip(design: Design, routeTableId: string | undefined): string {
  if (!routeTableId) return "The VPC's system route table: Local routes only"
  const table = design.resources.find((r) => r.id === routeTableId)
  if (table?.kind !== 'routeTable') return routeTableId
  const nameOf = (id: string) => design.resources.find((r) => r.id === id)?.name ?? id
  const entries = table.entries.map((e) => `${e.destinationCidrBlock} → ${nameOf(e.nextHopId)}`)
  return [`Route table ${table.name ?? table.id}`, ...entries].join('\n')
}

export function vswitchSvg(
  design: Design,
  r: Extract<Resource, { kind: 'vswitch' }>,
  box: Box,
  badge: string,
): Container {
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
