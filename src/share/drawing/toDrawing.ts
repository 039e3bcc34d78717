// Document → the drawing: the boxes (nodes) and configuration lines (edges) the canvas shows and the SVG export
// draws. Pure and React-free: every line comes from configuration (a route entry, an endpoint connection, a
// service resource, a server-group member). The shapes are React Flow's (src/canvas/toFlow.ts types them so).
import { type Design, drawnParentOf, type LayoutEntry, SIZES, withDefaultLayout, zoneKey } from '../../model'

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

export function toDrawing(design: Design): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const layout = withDefaultLayout(design)
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const nodes: DrawnNode[] = []
  const parents = new Map<string, string | undefined>()
  const size = (entry: LayoutEntry | undefined) => ({
    width: entry?.width ?? SIZES.leaf.width,
    height: entry?.height ?? SIZES.leaf.height,
  })
  const push = (node: DrawnNode, parentId?: string) => {
    parents.set(node.id, parentId)
    // a drag keeps a resource inside what it belongs to: a server dragged out of its vSwitch's box would
    // still be in that vSwitch (the inspector moves it). The IPv4 gateway straddles its VPC's top edge.
    const extent = node.type === 'ipv4Gateway' ? {} : { extent: 'parent' as const }
    nodes.push(parentId ? { ...node, parentId, ...extent } : node)
  }
  const pos = (id: string) => ({ x: layout[id]?.x ?? 0, y: layout[id]?.y ?? 0 })

  // parents before children, as React Flow requires: VPCs, zones, vSwitches, then the rest
  const vpcs = design.resources.filter((r) => r.kind === 'vpc')
  for (const v of vpcs) {
    push({
      id: v.id,
      type: 'vpc',
      position: pos(v.id),
      data: { resourceId: v.id },
      style: size(layout[v.id]),
      zIndex: -3,
    })
    const zonesUsed = new Set(
      design.resources.flatMap((r) => (r.kind === 'vswitch' && r.vpcId === v.id ? [r.zoneId] : [])),
    )
    for (const z of design.zones) {
      if (!zonesUsed.has(z)) continue
      const key = zoneKey(v.id, z)
      push(
        {
          id: key,
          type: 'zone',
          position: pos(key),
          data: { vpcId: v.id, zoneId: z },
          style: size(layout[key]),
          zIndex: -2,
          selectable: false,
        },
        v.id,
      )
    }
  }
  for (const r of design.resources) {
    if (r.kind !== 'vswitch') continue
    push(
      {
        id: r.id,
        type: 'vswitch',
        position: pos(r.id),
        data: { resourceId: r.id },
        style: size(layout[r.id]),
        zIndex: -1,
      },
      drawnParentOf(r),
    )
  }
  for (const r of design.resources) {
    if (r.kind === 'vpc' || r.kind === 'vswitch' || r.kind === 'routeTable' || r.kind === 'securityGroup') continue
    const parent = drawnParentOf(r)
    push({ id: r.id, type: r.kind, position: pos(r.id), data: { resourceId: r.id }, style: size(undefined) }, parent)
  }

  // absolute boxes, to pick the sides an edge leaves and enters by
  const boxes = new Map<string, Box>()
  const boxOf = (id: string): Box | undefined => {
    const hit = boxes.get(id)
    if (hit) return hit
    if (!parents.has(id)) return undefined
    const own = { ...pos(id), ...size(layout[id]) }
    const parent = parents.get(id)
    const p = parent ? boxOf(parent) : undefined
    const box = p ? { ...own, x: own.x + p.x, y: own.y + p.y } : own
    boxes.set(id, box)
    return box
  }

  const edges: DrawnEdge[] = []
  const vpcOf = (id: string): string | undefined => {
    let at: string | undefined = id
    while (at && byId.get(at)?.kind !== 'vpc') at = parents.get(at)
    return at
  }
  const link = (id: string, source: string, target: string, edgeData: DrawnEdgeData) => {
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
  // Every internet host reaches every IPv4 gateway. While that is a handful of lines each gets drawn; past
  // INTERNET_LINES each gateway draws one line, to the host nearest it: hosts × gateways lines (1,700 in the
  // 2,001-resource bench design) say nothing more than "on the internet" and cost React Flow every frame.
  const hosts = design.resources.filter((h) => h.kind === 'internetHost').map((h) => h.id)
  const gatewayCount = design.resources.filter((g) => g.kind === 'ipv4Gateway').length
  const internetLinesTo = (gatewayId: string): string[] => {
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
  for (const r of design.resources) {
    if (r.kind === 'vswitch' && r.routeTableId) {
      const table = byId.get(r.routeTableId)
      if (table?.kind !== 'routeTable') continue
      for (const e of table.entries)
        link(routeEdgeId(r.id, e.destinationCidrBlock), r.id, e.nextHopId, {
          kind: 'route',
          label: e.destinationCidrBlock,
          routeTableId: table.id,
          labelAt: 'source',
        })
    }
    if (r.kind === 'ipv4Gateway') {
      const table = r.gatewayRouteTableId ? byId.get(r.gatewayRouteTableId) : undefined
      if (table?.kind === 'routeTable')
        for (const e of table.entries)
          link(routeEdgeId(r.id, e.destinationCidrBlock), r.id, e.nextHopId, {
            kind: 'route',
            label: e.destinationCidrBlock,
            routeTableId: table.id,
            labelAt: 'target',
          })
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
    if (r.kind === 'endpointService') {
      const zonesByGwlb = new Map<string, string[]>()
      for (const sr of r.resources)
        zonesByGwlb.set(sr.resourceId, [...(zonesByGwlb.get(sr.resourceId) ?? []), sr.zoneId])
      for (const [gwlbId] of zonesByGwlb) link(`service:${r.id}:${gwlbId}`, r.id, gwlbId, { kind: 'serviceResource' })
    }
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
  // the overview keeps only the handles edges use
  const used = new Map<string, Set<string>>()
  const use = (id: string, handle: string) => used.set(id, (used.get(id) ?? new Set<string>()).add(handle))
  for (const e of edges) {
    use(e.source, e.sourceHandle ?? '')
    use(e.target, e.targetHandle ?? '')
  }
  const withHandles = nodes.map((n) => {
    const mine = used.get(n.id)
    return mine && n.type !== 'zone' ? { ...n, data: { ...n.data, handles: [...mine].sort() } } : n
  })
  return { nodes: withHandles, edges }
}
