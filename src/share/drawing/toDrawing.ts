// Document → the drawing: the boxes (nodes) and configuration lines (edges) the canvas shows and the SVG export
// draws. Pure and React-free: every line comes from configuration (a route entry, an endpoint connection, a
// service resource, a server-group member). The shapes are React Flow's (src/canvas/toFlow.ts types them so).
import { type Design, drawnLayout, drawnParentOf, type LayoutEntry, type Resource, SIZES, zoneKey } from '../../model'

export type DrawnKind =
  | 'vpc'
  | 'zone'
  | 'vswitch'
  | 'ipv4Gateway'
  | 'gwlb'
  | 'gwlbEndpoint'
  | 'ecs'
  | 'appliance'
  | 'endpointService'
  | 'internetHost'
  | 'routeTargetGroup'

/** `handles`: the handles this node's edges use, which the overview keeps (sorted, so equal sets compare equal) */
export type ResourceNodeData = { resourceId: string; handles?: readonly string[] }
export type ZoneNodeData = { vpcId: string; zoneId: string }
/** A drawn box: a resource, or a zone's band inside its VPC; children name their parent, parents come first. */
interface Drawn<Data, Kind> {
  id: string
  type: Kind
  position: { x: number; y: number }
  data: Data
  style: { width: number; height: number }
  zIndex?: number
  selectable?: boolean
  parentId?: string
  /** a drag keeps the box inside its parent */
  extent?: 'parent'
}
export type DrawnNode = Drawn<ResourceNodeData, Exclude<DrawnKind, 'zone'>> | Drawn<ZoneNodeData, 'zone'>

export type EdgeKind = 'route' | 'privateLink' | 'serviceResource' | 'serverGroup' | 'internet' | 'routeTarget'
export interface DrawnEdgeData extends Record<string, unknown> {
  kind: EdgeKind
  label?: string
  /** for route edges: the table and the entry's destination, to open it from the edge */
  routeTableId?: string
  /** where the label stands: by the source, by the target, or midway */
  labelAt?: 'source' | 'target' | 'middle'
  /** how far from its end the label stands, when labelAt is source or target */
  labelOffset?: number
  /** bend right under the source instead of midway */
  bendNearSource?: boolean
  /** PrivateLink edges: the endpoint's connection status */
  status?: string
  /** route target edges: the member's role in its group, active (weight 100) or standby (weight 0) */
  role?: 'active' | 'standby'
}
/** A configuration line between two boxes, leaving and entering by the sides they face each other on. */
export interface DrawnEdge {
  id: string
  source: string
  target: string
  sourceHandle: string
  targetHandle: string
  type: EdgeKind
  data: DrawnEdgeData
}

type Side = 'top' | 'bottom' | 'left' | 'right'

/**
 * The id of the line a route entry draws: from the resource whose table holds it (a vSwitch, or the IPv4 gateway
 * its gateway table is bound to) to its next hop. A table several vSwitches share draws one line per vSwitch.
 */
export function routeEdgeId(ownerId: string, destinationCidrBlock: string): string {
  return `route:${ownerId}:${destinationCidrBlock}`
}

/** Past this many host-to-gateway lines, each gateway draws only its line to the nearest host. */
const INTERNET_LINES = 40
type Box = { x: number; y: number; width: number; height: number }

/** Which sides two boxes face each other on: vertical when one is wholly above the other. */
function facingSides(a: Box, b: Box): [Side, Side] {
  if (b.y >= a.y + a.height) return ['bottom', 'top']
  if (a.y >= b.y + b.height) return ['top', 'bottom']
  return b.x + b.width / 2 >= a.x + a.width / 2 ? ['right', 'left'] : ['left', 'right']
}

/** Where and how big each box is drawn, from the layout; boxes the layout has no size for are leaves. */
interface Placement {
  pos: (id: string) => { x: number; y: number }
  size: (id: string | undefined) => { width: number; height: number }
}

function placementOf(layout: Record<string, LayoutEntry>): Placement {
  return {
    pos: (id) => ({ x: layout[id]?.x ?? 0, y: layout[id]?.y ?? 0 }),
    size: (id) => {
      const entry = id === undefined ? undefined : layout[id]
      return { width: entry?.width ?? SIZES.leaf.width, height: entry?.height ?? SIZES.leaf.height }
    },
  }
}

/** The zones each VPC has vSwitches in, from one pass over the design rather than one per VPC. */
function zonesByVpc(design: Design): Map<string, Set<string>> {
  const zones = new Map<string, Set<string>>()
  for (const r of design.resources)
    if (r.kind === 'vswitch') zones.set(r.vpcId, (zones.get(r.vpcId) ?? new Set<string>()).add(r.zoneId))
  return zones
}

/** The boxes, parents before children as React Flow requires (VPCs, zones, vSwitches, then the rest), and each box's parent. */
function drawnNodes(design: Design, { pos, size }: Placement) {
  const nodes: DrawnNode[] = []
  const parents = new Map<string, string | undefined>()
  const push = (node: DrawnNode, parentId?: string) => {
    parents.set(node.id, parentId)
    // a drag keeps a resource inside what it belongs to: a server dragged out of its vSwitch's box would
    // still be in that vSwitch (the inspector moves it). The IPv4 gateway straddles its VPC's top edge.
    const extent = node.type === 'ipv4Gateway' ? {} : { extent: 'parent' as const }
    nodes.push(parentId ? { ...node, parentId, ...extent } : node)
  }
  const box = (id: string) => ({ id, position: pos(id), data: { resourceId: id }, style: size(id) })
  const zonesUsed = zonesByVpc(design)
  for (const v of design.resources) {
    if (v.kind !== 'vpc') continue
    push({ ...box(v.id), type: 'vpc', zIndex: -3 })
    const used = zonesUsed.get(v.id)
    for (const zoneId of design.zones.filter((z) => used?.has(z))) {
      const id = zoneKey(v.id, zoneId)
      const data = { vpcId: v.id, zoneId }
      push({ id, type: 'zone', position: pos(id), data, style: size(id), zIndex: -2, selectable: false }, v.id)
    }
  }
  for (const r of design.resources)
    if (r.kind === 'vswitch') push({ ...box(r.id), type: 'vswitch', zIndex: -1 }, drawnParentOf(r))
  for (const r of design.resources) {
    if (r.kind === 'vpc' || r.kind === 'vswitch' || r.kind === 'routeTable' || r.kind === 'securityGroup') continue
    push({ ...box(r.id), type: r.kind, style: size(undefined) }, drawnParentOf(r))
  }
  return { nodes, parents }
}

/** Each drawn box in page coordinates (a child's position is its parent's plus its own), to pick the sides lines use. */
function absoluteBoxes({ pos, size }: Placement, parents: Map<string, string | undefined>) {
  const boxes = new Map<string, Box>()
  const boxOf = (id: string): Box | undefined => {
    const hit = boxes.get(id)
    if (hit) return hit
    if (!parents.has(id)) return undefined
    const own = { ...pos(id), ...size(id) }
    const parent = parents.get(id)
    const p = parent ? boxOf(parent) : undefined
    const box = p ? { ...own, x: own.x + p.x, y: own.y + p.y } : own
    boxes.set(id, box)
    return box
  }
  return boxOf
}

type Link = (id: string, source: string, target: string, data: DrawnEdgeData) => void

/**
 * Every internet host reaches every IPv4 gateway. While that is a handful of lines each gets drawn; past
 * INTERNET_LINES each gateway draws one line, to the host nearest it: hosts × gateways lines (1,700 in the
 * 2,001-resource bench design) say nothing more than "on the internet" and cost React Flow every frame.
 */
function internetLines(design: Design, boxOf: (id: string) => Box | undefined) {
  const hosts = design.resources.filter((h) => h.kind === 'internetHost').map((h) => h.id)
  const gatewayCount = design.resources.filter((g) => g.kind === 'ipv4Gateway').length
  return (gatewayId: string): string[] => {
    if (hosts.length * gatewayCount <= INTERNET_LINES) return hosts
    const g = boxOf(gatewayId)
    if (!g) return []
    const distance = (id: string) => {
      const h = boxOf(id)
      return h
        ? Math.hypot(h.x + h.width / 2 - (g.x + g.width / 2), h.y + h.height / 2 - (g.y + g.height / 2))
        : Infinity
    }
    return hosts.length ? [hosts.reduce((a, b) => (distance(b) < distance(a) ? b : a))] : []
  }
}

/** The lines of one route table's entries, from the resource that uses the table to each entry's next hop. */
function routeLines(link: Link, ownerId: string, table: Resource | undefined, labelAt: 'source' | 'target') {
  if (table?.kind !== 'routeTable') return
  for (const e of table.entries)
    link(routeEdgeId(ownerId, e.destinationCidrBlock), ownerId, e.nextHopId, {
      kind: 'route',
      label: e.destinationCidrBlock,
      routeTableId: table.id,
      labelAt,
    })
}

/** The lines one resource's configuration draws: its routes, its connection, its service's GWLBs, its members. */
function configurationLines(
  r: Resource,
  byId: Map<string, Resource>,
  link: Link,
  internetLinesTo: (id: string) => string[],
) {
  if (r.kind === 'vswitch' && r.routeTableId) routeLines(link, r.id, byId.get(r.routeTableId), 'source')
  if (r.kind === 'ipv4Gateway') {
    routeLines(link, r.id, r.gatewayRouteTableId ? byId.get(r.gatewayRouteTableId) : undefined, 'target')
    for (const h of internetLinesTo(r.id)) link(`internet:${h}:${r.id}`, h, r.id, { kind: 'internet' })
  }
  if (r.kind === 'gwlbEndpoint')
    link(`privatelink:${r.id}`, r.id, r.serviceId, {
      kind: 'privateLink',
      label: r.connectionStatus === 'Connected' ? 'PrivateLink' : `PrivateLink · ${r.connectionStatus}`,
      status: r.connectionStatus,
      // by the endpoint: the connections of several zones meet at the one service
      labelAt: 'source',
    })
  if (r.kind === 'endpointService')
    // one line per GWLB, however many zones of it the service offers
    for (const gwlbId of new Set(r.resources.map((sr) => sr.resourceId)))
      link(`service:${r.id}:${gwlbId}`, r.id, gwlbId, { kind: 'serviceResource' })
  if (r.kind === 'routeTargetGroup')
    for (const m of r.routeTargetMemberList)
      link(`routeTarget:${r.id}:${m.memberId}`, r.id, m.memberId, {
        kind: 'routeTarget',
        label: m.weight === 100 ? 'active · 100' : 'standby · 0',
        role: m.weight === 100 ? 'active' : 'standby',
        labelAt: 'target',
      })
  if (r.kind === 'gwlb')
    for (const s of r.serverGroup?.servers ?? [])
      link(`server:${r.id}:${s}`, r.id, s, { kind: 'serverGroup', bendNearSource: true })
}

/** The configuration lines, each leaving and entering by the sides its two boxes face each other on. */
function drawnEdges(design: Design, parents: Map<string, string | undefined>, boxOf: (id: string) => Box | undefined) {
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const edges: DrawnEdge[] = []
  const vpcOf = (id: string): string | undefined => {
    let at: string | undefined = id
    while (at && byId.get(at)?.kind !== 'vpc') at = parents.get(at)
    return at
  }
  const link: Link = (id, source, target, edgeData) => {
    let data = edgeData
    const a = boxOf(source)
    const b = boxOf(target)
    if (!a || !b) return // a next hop that does not exist: the linter reports the black hole
    const [s, t] = facingSides(a, b)
    if (data.kind === 'privateLink' && s === 'bottom') {
      // below the endpoint's VPC, where no caption is: the endpoint's own vSwitch and zone captions sit above
      const vpc = boxOf(vpcOf(source) ?? '')
      if (vpc) data = { ...data, labelOffset: vpc.y + vpc.height - (a.y + a.height) - 2 }
    }
    edges.push({ id, source, target, sourceHandle: `${s}-source`, targetHandle: `${t}-target`, type: data.kind, data })
  }
  const internetLinesTo = internetLines(design, boxOf)
  for (const r of design.resources) configurationLines(r, byId, link, internetLinesTo)
  return edges
}

/** Each resource box with the handles its edges use, which the overview keeps. */
function withUsedHandles(nodes: DrawnNode[], edges: DrawnEdge[]): DrawnNode[] {
  const used = new Map<string, Set<string>>()
  const use = (id: string, handle: string) => used.set(id, (used.get(id) ?? new Set<string>()).add(handle))
  for (const e of edges) {
    use(e.source, e.sourceHandle)
    use(e.target, e.targetHandle)
  }
  return nodes.map((n) => {
    const mine = used.get(n.id)
    return mine && n.type !== 'zone' ? { ...n, data: { ...n.data, handles: [...mine].sort() } } : n
  })
}

export interface Drawing {
  nodes: DrawnNode[]
  edges: DrawnEdge[]
}

/**
 * The last drawings made, with their documents. A document is never changed in place (an edit makes a new one),
 * so a drawing stays right for its document: whoever opens a large design can draw it in a task before the one
 * that hands it to the canvas, which then finds it drawn. Only the last two: the undo history keeps up to 200
 * documents alive, and a drawing for each would cost far more memory than the documents, which share their parts.
 */
const recent: { design: Design; drawing: Drawing }[] = []
const KEPT = 2

export function toDrawing(design: Design): Drawing {
  const kept = recent.find((r) => r.design === design)
  if (kept) return kept.drawing
  const drawing = drawingOf(design)
  recent.unshift({ design, drawing })
  recent.length = Math.min(recent.length, KEPT)
  return drawing
}

function drawingOf(design: Design): Drawing {
  const placement = placementOf(drawnLayout(design))
  const { nodes, parents } = drawnNodes(design, placement)
  const edges = drawnEdges(design, parents, absoluteBoxes(placement, parents))
  return { nodes: withUsedHandles(nodes, edges), edges }
}
