// A deterministic default layout: positions for every drawn resource that the document does not place.
// Zones are columns inside each VPC so the guide's "one GWLBe per zone" reads left to right; consumer VPCs
// sit above the endpoint services, provider VPCs below, so PrivateLink runs straight down the page.
import { type Design, type LayoutEntry, type Resource, zoneKey } from './design'

export const SIZES = {
  leaf: { width: 216, height: 72 },
  // the vSwitch caption sits at the bottom, so edges entering from above never cross it
  vswitch: { padX: 16, top: 16, bottom: 54, gap: 16, perRow: 4, minWidth: 248 },
  zone: { padX: 16, top: 20, bottom: 30, rowGap: 36, columnGap: 120 },
  vpc: { padX: 28, top: 142, bottom: 28, zoneGap: 36 },
  page: { rowGap: 80, hostGap: 56, vpcGap: 120 },
} as const

/** The shape of the window the design is usually seen in, width over height. */
const SCREEN_ASPECT = 1.6

type Box = { width: number; height: number }

const LEAF_KINDS = new Set<Resource['kind']>(['ecs', 'appliance', 'gwlbEndpoint'])

/** The container a resource is drawn in: a zone band ("vpcId/zoneId"), a vSwitch, a VPC, or the page (undefined). */
export function drawnParentOf(r: Resource): string | undefined {
  switch (r.kind) {
    case 'vswitch':
      return zoneKey(r.vpcId, r.zoneId)
    case 'ecs':
    case 'appliance':
    case 'gwlbEndpoint':
      return r.vswitchId
    case 'ipv4Gateway':
    case 'gwlb':
    case 'routeTargetGroup':
      return r.vpcId
    default:
      return undefined
  }
}

export function vswitchOf(r: Resource): string | undefined {
  return r.kind === 'ecs' || r.kind === 'appliance' || r.kind === 'gwlbEndpoint' ? r.vswitchId : undefined
}

/** Layout for the whole design: the document's own entries win over computed ones. */
export function withDefaultLayout(design: Design): Record<string, LayoutEntry> {
  return { ...computeLayout(design), ...design.layout }
}

/** Whether the document's layout has an entry for every box the drawing has (a zone band per vSwitch's zone). */
function placesEveryBox(design: Design): boolean {
  const placed = (id: string) => Object.hasOwn(design.layout, id)
  for (const r of design.resources) {
    if (r.kind === 'routeTable' || r.kind === 'securityGroup') continue
    if (!placed(r.id) || (r.kind === 'vswitch' && !placed(zoneKey(r.vpcId, r.zoneId)))) return false
  }
  return true
}

/**
 * The layout to read a drawn box's place and size from: what withDefaultLayout gives for every drawn box, without
 * computing a default layout that the document's own entries would all override (an imported design, laid out by
 * ELK, places every box). Read it only for drawn boxes.
 */
export function drawnLayout(design: Design): Record<string, LayoutEntry> {
  return placesEveryBox(design) ? design.layout : withDefaultLayout(design)
}

type Placed = Record<string, LayoutEntry>
const { leaf, vswitch: V, zone: Z, vpc: P, page } = SIZES

/** A vSwitch's leaves in a grid of up to V.perRow a row; the vSwitch's size around them. */
function placeVswitch(out: Placed, leaves: Resource[]): Box {
  const cols = Math.max(1, Math.min(V.perRow, leaves.length))
  const rows = Math.max(1, Math.ceil(leaves.length / V.perRow))
  leaves.forEach((r, i) => {
    out[r.id] = {
      x: V.padX + (i % V.perRow) * (leaf.width + V.gap),
      y: V.top + Math.floor(i / V.perRow) * (leaf.height + V.gap),
    }
  })
  return {
    width: Math.max(V.minWidth, V.padX * 2 + cols * leaf.width + (cols - 1) * V.gap),
    height: V.top + rows * leaf.height + (rows - 1) * V.gap + V.bottom,
  }
}

/**
 * A zone band's vSwitches in columns, workloads on the left and GWLBe vSwitches on the right (the route between
 * them is short and level); the band's size around them.
 */
function placeZone(
  out: Placed,
  inZone: Resource[],
  hasEndpoint: Set<string | undefined>,
  leavesOf: Map<string, Resource[]>,
): Box {
  const columns = [inZone.filter((v) => !hasEndpoint.has(v.id)), inZone.filter((v) => hasEndpoint.has(v.id))].filter(
    (c) => c.length,
  )
  let cx = Z.padX
  let zoneHeight = 0
  for (const column of columns) {
    const boxes = column.map((v) => ({ id: v.id, box: placeVswitch(out, leavesOf.get(v.id) ?? []) }))
    const width = Math.max(...boxes.map((b) => b.box.width))
    let cy = Z.top
    for (const b of boxes) {
      out[b.id] = { x: cx, y: cy, width, height: b.box.height }
      cy += b.box.height + Z.rowGap
    }
    zoneHeight = Math.max(zoneHeight, cy - Z.rowGap + Z.bottom)
    cx += width + Z.columnGap
  }
  return { width: cx - Z.columnGap + Z.padX, height: zoneHeight }
}

/** What one VPC holds, gathered in one pass over the design (a scan per VPC costs 85 × 2,000 reads at scale). */
interface VpcContents {
  vswitches: Resource[]
  /** the IPv4 gateway, GWLBs and route target groups, drawn across the VPC rather than in a zone */
  wide: Resource[]
}

function contentsByVpc(design: Design): Map<string, VpcContents> {
  const byVpc = new Map<string, VpcContents>()
  const of = (vpcId: string) => {
    const known = byVpc.get(vpcId)
    if (known) return known
    const fresh: VpcContents = { vswitches: [], wide: [] }
    byVpc.set(vpcId, fresh)
    return fresh
  }
  for (const r of design.resources) {
    if (r.kind === 'vswitch') of(r.vpcId).vswitches.push(r)
    else if (r.kind === 'ipv4Gateway' || r.kind === 'gwlb' || r.kind === 'routeTargetGroup') of(r.vpcId).wide.push(r)
  }
  return byVpc
}

/** VPC-wide resources: the IPv4 gateway on the top edge, GWLBs and route target groups in the band under the title. */
function placeVpcWide(edgeNodes: Resource[], width: number, out: Placed) {
  edgeNodes.forEach((r, i) => {
    const span = edgeNodes.length * leaf.width + (edgeNodes.length - 1) * 40
    const left = (width - span) / 2 + i * (leaf.width + 40)
    // below the VPC's two title lines, which a narrow VPC's GWLB would otherwise cover
    out[r.id] = { x: left, y: r.kind === 'ipv4Gateway' ? -leaf.height / 2 : 52 }
  })
}

/** What placing a VPC needs besides the VPC: the zones' order, each vSwitch's leaves, the vSwitches with a GWLBe. */
interface VpcSheet {
  zones: readonly string[]
  leavesOf: Map<string, Resource[]>
  hasEndpoint: Set<string | undefined>
}

/** A VPC's zone bands left to right, as tall as the tallest, and its VPC-wide resources; the VPC's size. */
function placeVpc(vpcId: string, contents: VpcContents | undefined, out: Placed, sheet: VpcSheet): Box {
  const vswitches = contents?.vswitches ?? []
  let x = P.padX
  let maxZoneHeight = 0
  const zoneBoxes: { key: string; entry: LayoutEntry }[] = []
  for (const zoneId of sheet.zones) {
    const inZone = vswitches.filter((v) => v.kind === 'vswitch' && v.zoneId === zoneId)
    if (!inZone.length) continue
    const box = placeZone(out, inZone, sheet.hasEndpoint, sheet.leavesOf)
    const key = zoneKey(vpcId, zoneId)
    const entry = { x, y: P.top, ...box }
    out[key] = entry
    zoneBoxes.push({ key, entry })
    x += box.width + P.zoneGap
    maxZoneHeight = Math.max(maxZoneHeight, box.height)
  }
  for (const z of zoneBoxes) out[z.key] = { ...z.entry, height: maxZoneHeight }
  const width = Math.max(x - P.zoneGap + P.padX, 480)
  placeVpcWide(contents?.wide ?? [], width, out)
  return { width, height: P.top + Math.max(maxZoneHeight, 40) + P.bottom }
}

/**
 * The page, top to bottom: the internet hosts, the consumer VPCs, the endpoint services, the provider VPCs;
 * each row centred on the widest.
 */
function placePage(
  design: Design,
  rows: { consumers: string[][]; providers: string[][] },
  boxes: Map<string, Box>,
  out: Placed,
) {
  const rowWidth = (ids: string[]) =>
    ids.reduce((a, id) => a + (boxes.get(id) as Box).width, 0) + (ids.length - 1) * page.vpcGap
  const pageWidth = Math.max(0, ...[...rows.consumers, ...rows.providers].map(rowWidth))
  let y = 0
  const leafRow = (items: Resource[]) => {
    if (!items.length) return
    const span = items.length * leaf.width + Math.max(0, items.length - 1) * page.hostGap
    items.forEach((r, i) => {
      out[r.id] = { x: (pageWidth - span) / 2 + i * (leaf.width + page.hostGap), y }
    })
    y += leaf.height + page.rowGap
  }
  const vpcRowsAt = (vpcRows: string[][]) => {
    for (const ids of vpcRows) {
      let x = (pageWidth - rowWidth(ids)) / 2
      for (const id of ids) {
        const box = boxes.get(id) as Box
        out[id] = { x, y, ...box }
        x += box.width + page.vpcGap
      }
      y += Math.max(...ids.map((id) => (boxes.get(id) as Box).height)) + page.rowGap
    }
  }
  leafRow(design.resources.filter((r) => r.kind === 'internetHost'))
  vpcRowsAt(rows.consumers)
  leafRow(design.resources.filter((r) => r.kind === 'endpointService'))
  vpcRowsAt(rows.providers)
}

export function computeLayout(design: Design): Record<string, LayoutEntry> {
  const out: Placed = {}
  const leavesOf = new Map<string, Resource[]>()
  for (const r of design.resources) {
    const v = vswitchOf(r)
    if (!v || !LEAF_KINDS.has(r.kind)) continue
    const leaves = leavesOf.get(v)
    if (leaves) leaves.push(r)
    else leavesOf.set(v, [r])
  }
  const hasEndpoint = new Set(design.resources.filter((r) => r.kind === 'gwlbEndpoint').map((r) => vswitchOf(r)))
  const sheet: VpcSheet = { zones: design.zones, leavesOf, hasEndpoint }
  const contents = contentsByVpc(design)
  const vpcs = design.resources.filter((r) => r.kind === 'vpc')
  const consumerVpcs = new Set(design.resources.flatMap((r) => (r.kind === 'gwlbEndpoint' ? [r.vpcId] : [])))
  const consumers = vpcs.filter((v) => consumerVpcs.has(v.id)).map((v) => v.id)
  const providers = vpcs.filter((v) => !consumerVpcs.has(v.id)).map((v) => v.id)
  const boxes = new Map([...consumers, ...providers].map((id) => [id, placeVpc(id, contents.get(id), out, sheet)]))
  placePage(design, { consumers: vpcRows(consumers, boxes), providers: vpcRows(providers, boxes) }, boxes, out)
  return out
}

/**
 * VPCs in rows of as many as make the block about as wide as a screen is, relative to its height: one
 * column for the few VPCs of a typical design, a grid for many (85 VPCs in one column would stand ~50,000
 * px tall, and fit view could show only part of it).
 */
function vpcRows(ids: string[], boxes: Map<string, Box>): string[][] {
  if (!ids.length) return []
  const mean = (f: (b: Box) => number) => ids.reduce((a, id) => a + f(boxes.get(id) as Box), 0) / ids.length
  const perRow = Math.max(
    1,
    Math.min(
      ids.length,
      Math.round(
        Math.sqrt(
          (SCREEN_ASPECT * ids.length * (mean((b) => b.height) + SIZES.page.rowGap)) /
            (mean((b) => b.width) + SIZES.page.vpcGap),
        ),
      ),
    ),
  )
  return Array.from({ length: Math.ceil(ids.length / perRow) }, (_, i) => ids.slice(i * perRow, (i + 1) * perRow))
}
