// Drawing a line between two resources is an edit of configuration: a route entry, an endpoint
// connection, a service resource or a server-group member. Pure; refusals say why.
import type { Design, Resource, ResourceOf } from '../design'
import type { RouteEntry } from '../resources/routeTable'
import { addResource, findResource, freshId, updateResource, withRoute } from './basic'
import { admitsAccount, endpointInZone, onePerZoneMessage, type Remedy, requestedStatus } from './create'

/** What a line from source to target would configure, before the user confirms it. */
export type Connection =
  | {
      kind: 'route'
      /** the table that gets the entry; absent: a new table is made for the vSwitch */
      routeTableId?: string
      vswitchId?: string
      nextHopType: RouteEntry['nextHopType']
      nextHopId: string
      /** the destination the guide prescribes for this pair */
      suggested: string
      /** destinations offered (a gateway table takes only vSwitch CIDRs) */
      choices?: string[]
      description: string
    }
  | { kind: 'endpointConnection'; endpointId: string; serviceId: string; description: string }
  | { kind: 'serviceResource'; serviceId: string; gwlbId: string; description: string }
  | { kind: 'serverGroupMember'; gwlbId: string; applianceId: string; description: string }

export type ConnectionIntent = { ok: true; connection: Connection } | { ok: false; message: string }

const NEXT_HOP: Partial<Record<Resource['kind'], RouteEntry['nextHopType']>> = {
  gwlbEndpoint: 'GatewayLoadBalancerEndpoint',
  ipv4Gateway: 'Ipv4Gateway',
  ecs: 'Instance',
  appliance: 'Instance',
}

function label(r: Resource): string {
  return r.name ?? r.id
}

/** The VPC a resource is in: its own, or its vSwitch's. */
function vpcOf(design: Design, r: Resource): string | undefined {
  return 'vpcId' in r ? r.vpcId : 'vswitchId' in r ? findResource(design, r.vswitchId, 'vswitch')?.vpcId : undefined
}

const refuse = (message: string): ConnectionIntent => ({ ok: false, message })
const offer = (connection: Connection): ConnectionIntent => ({ ok: true, connection })

/** A route from a vSwitch: the guide's 0.0.0.0/0 (a service vSwitch to its zone's GWLBe, a GWLBe's vSwitch to the gateway). */
function vswitchRoute(design: Design, source: ResourceOf<'vswitch'>, target: Resource): ConnectionIntent {
  const nextHopType = NEXT_HOP[target.kind]
  if (!nextHopType) return refuse(`A vSwitch route cannot have ${label(target)} (${target.kind}) as its next hop.`)
  if (vpcOf(design, target) !== source.vpcId)
    return refuse(`${label(target)} is in another VPC: a route's next hop is in the table's own VPC.`)
  const table = source.routeTableId
    ? label(findResource(design, source.routeTableId, 'routeTable') ?? source)
    : `a new route table for ${label(source)}`
  return offer({
    kind: 'route',
    routeTableId: source.routeTableId,
    vswitchId: source.id,
    nextHopType,
    nextHopId: target.id,
    suggested: '0.0.0.0/0',
    description: `Route in ${table} to ${label(target)}`,
  })
}

/** A gateway route: a vSwitch CIDR's system route sent to a GWLBe or an instance; the guide's is the service vSwitch of the target's zone. */
function gatewayRoute(design: Design, source: ResourceOf<'ipv4Gateway'>, target: Resource): ConnectionIntent {
  if (target.kind !== 'gwlbEndpoint' && target.kind !== 'ecs' && target.kind !== 'appliance')
    return refuse('A gateway route table sends a vSwitch CIDR to a GWLB endpoint or an instance.')
  if (vpcOf(design, target) !== source.vpcId) return refuse(`${label(target)} is in another VPC.`)
  const vswitches = design.resources.filter((r) => r.kind === 'vswitch' && r.vpcId === source.vpcId)
  const choices = vswitches.map((v) => (v.kind === 'vswitch' ? v.cidrBlock : ''))
  // the guide: the gateway table points each service vSwitch at the GWLBe of its zone
  const zone =
    target.kind === 'gwlbEndpoint' ? target.zoneId : findResource(design, target.vswitchId, 'vswitch')?.zoneId
  const hasServer = (vId: string) => design.resources.some((r) => r.kind === 'ecs' && r.vswitchId === vId)
  const service = vswitches.find((v) => v.kind === 'vswitch' && v.zoneId === zone && hasServer(v.id))
  const suggested = service?.kind === 'vswitch' ? service.cidrBlock : (choices[0] ?? '')
  if (!suggested) return refuse('The VPC has no vSwitch yet: a gateway route table is keyed by vSwitch CIDRs.')
  return offer({
    kind: 'route',
    routeTableId: source.gatewayRouteTableId,
    nextHopType: target.kind === 'gwlbEndpoint' ? 'GatewayLoadBalancerEndpoint' : 'Instance',
    nextHopId: target.id,
    suggested,
    choices,
    description: `Gateway route: a vSwitch CIDR's system route, its next hop changed to ${label(target)}`,
  })
}

export function connectionIntent(design: Design, sourceId: string, targetId: string): ConnectionIntent {
  const source = design.resources.find((r) => r.id === sourceId)
  const target = design.resources.find((r) => r.id === targetId)
  if (!source || !target || source === target) return refuse('Draw from one resource to another.')
  if (source.kind === 'vswitch') return vswitchRoute(design, source, target)
  if (source.kind === 'ipv4Gateway') return gatewayRoute(design, source, target)
  if (source.kind === 'gwlbEndpoint' && target.kind === 'endpointService')
    return offer({
      kind: 'endpointConnection',
      endpointId: source.id,
      serviceId: target.id,
      description: `Connect ${label(source)} to ${label(target)}`,
    })
  if (source.kind === 'endpointService' && target.kind === 'gwlb')
    return offer({
      kind: 'serviceResource',
      serviceId: source.id,
      gwlbId: target.id,
      description: `Publish ${label(target)} in ${label(source)}`,
    })
  if (source.kind === 'gwlb' && target.kind === 'appliance') {
    if (vpcOf(design, target) !== source.vpcId)
      return refuse(`${label(target)} is in another VPC than ${label(source)}'s server group.`)
    return offer({
      kind: 'serverGroupMember',
      gwlbId: source.id,
      applianceId: target.id,
      description: `Add ${label(target)} to ${label(source)}'s server group`,
    })
  }
  return refuse(
    `Nothing is configured by a line from ${label(source)} (${source.kind}) to ${label(target)} (${target.kind}).`,
  )
}

/**
 * A new custom route table bound to the vSwitch or IPv4 gateway `ownerId` (a vSwitch table for a vSwitch, a
 * gateway route table for the gateway), holding `entries`: the route-table menu's "new route table".
 */
export function withNewRouteTable(
  design: Design,
  ownerId: string,
  entries: RouteEntry[] = [],
): { design: Design; id: string } {
  const owner = design.resources.find((r) => r.id === ownerId)
  if (owner?.kind !== 'vswitch' && owner?.kind !== 'ipv4Gateway') return { design, id: '' }
  const gateway = owner.kind === 'ipv4Gateway'
  const id = freshId(design, gateway ? `rtb-gateway-${owner.vpcId}` : `rtb-${owner.id}`)
  const table: Resource = {
    kind: 'routeTable',
    id,
    name: gateway ? 'Gateway route table' : `${owner.name ?? owner.id} route table`.slice(0, 128),
    vpcId: owner.vpcId,
    routeTableType: gateway ? 'Gateway' : 'VSwitch',
    entries,
  }
  const added = addResource(design, table)
  return {
    id,
    design: gateway
      ? updateResource(added, owner.id, 'ipv4Gateway', (x) => ({ ...x, gatewayRouteTableId: id }))
      : updateResource(added, owner.id, 'vswitch', (x) => ({ ...x, routeTableId: id })),
  }
}

export type ApplyResult = { ok: true; design: Design } | { ok: false; message: string; remedy?: Remedy }

type ConnectionOf<K extends Connection['kind']> = Extract<Connection, { kind: K }>

/** A route entry in the table the connection names; without one, in a new custom table of the vSwitch's. */
function applyRoute(design: Design, c: ConnectionOf<'route'>, dest: string): ApplyResult {
  if (c.routeTableId)
    return {
      ok: true,
      design: updateResource(design, c.routeTableId, 'routeTable', (t) => ({
        ...t,
        entries: withRoute(t.entries, dest, c.nextHopType, c.nextHopId),
      })),
    }
  const v = c.vswitchId ? findResource(design, c.vswitchId, 'vswitch') : undefined
  if (!v) return { ok: false, message: 'The IPv4 gateway has no gateway route table: bind one in its form first.' }
  // the vSwitch used the VPC's system table: it gets a custom table of its own, as the console makes one
  const entry = { destinationCidrBlock: dest, nextHopType: c.nextHopType, nextHopId: c.nextHopId }
  return { ok: true, design: withNewRouteTable(design, v.id, [entry]).design }
}

/** An endpoint's connection request: the cloud's rules for one (the zone, the whitelist, one per zone) apply. */
function applyEndpointConnection(design: Design, c: ConnectionOf<'endpointConnection'>): ApplyResult {
  const e = findResource(design, c.endpointId, 'gwlbEndpoint')
  const s = findResource(design, c.serviceId, 'endpointService')
  if (!e || !s) return { ok: false, message: 'The endpoint or the service is gone.' }
  if (!s.resources.some((r) => r.zoneId === e.zoneId))
    return { ok: false, message: `${label(s)} offers no resource in zone ${e.zoneId}, the endpoint's zone.` }
  if (!admitsAccount(s, e.accountId))
    return {
      ok: false,
      message: `The whitelist of ${label(s)} does not admit account ${e.accountId}: the connection cannot be requested.`,
      remedy: {
        kind: 'admitAccount',
        serviceId: s.id,
        accountId: e.accountId,
        label: `Add account ${design.accounts.find((a) => a.id === e.accountId)?.name ?? e.accountId} to the whitelist`,
      },
    }
  if (endpointInZone(design, s.id, e.vpcId, e.zoneId, e.id))
    return { ok: false, message: onePerZoneMessage(design, e.vpcId, e.zoneId) }
  const status = requestedStatus(s)
  return {
    ok: true,
    design: updateResource(design, e.id, 'gwlbEndpoint', (x) => ({ ...x, serviceId: s.id, connectionStatus: status })),
  }
}

/** A GWLB published in a service: one service resource for each of its zones the service does not have yet. */
function applyServiceResource(design: Design, c: ConnectionOf<'serviceResource'>): ApplyResult {
  const g = findResource(design, c.gwlbId, 'gwlb')
  if (!g) return { ok: false, message: 'The GWLB is gone.' }
  return {
    ok: true,
    design: updateResource(design, c.serviceId, 'endpointService', (s) => {
      const have = new Set(s.resources.map((r) => `${r.resourceId}/${r.zoneId}`))
      const added = g.zoneMappings
        .filter((m) => !have.has(`${g.id}/${m.zoneId}`))
        .map((m) => ({ resourceId: g.id, zoneId: m.zoneId }))
      return { ...s, resources: [...s.resources, ...added] }
    }),
  }
}

/** Applies a confirmed connection; `destination` is the route's destination CIDR where one is asked for. */
export function applyConnection(design: Design, c: Connection, destination?: string): ApplyResult {
  switch (c.kind) {
    case 'route':
      return applyRoute(design, c, destination ?? c.suggested)
    case 'endpointConnection':
      return applyEndpointConnection(design, c)
    case 'serviceResource':
      return applyServiceResource(design, c)
    case 'serverGroupMember':
      return {
        ok: true,
        design: updateResource(design, c.gwlbId, 'gwlb', (g) =>
          g.serverGroup && !g.serverGroup.servers.includes(c.applianceId)
            ? { ...g, serverGroup: { ...g.serverGroup, servers: [...g.serverGroup.servers, c.applianceId] } }
            : g,
        ),
      }
  }
}

/** What a line from a resource could configure: a route (from a vSwitch, a route table, the IPv4 gateway) or a connection. */
export type ConnectPurpose = 'route' | 'connect'

export interface ConnectionChoice {
  targetId: string
  connection: Connection
}

/**
 * The lines the inspector's "Add route…" and "Connect…" offer without a mouse: every resource a line from
 * `fromId` could end at, with what it would configure. From a route table, the line starts at what it is
 * bound to (a vSwitch, the IPv4 gateway); a vSwitch table bound to nothing yet still takes routes.
 */
export function connectionChoices(design: Design, fromId: string, purpose: ConnectPurpose): ConnectionChoice[] {
  const from = design.resources.find((r) => r.id === fromId)
  if (!from) return []
  if (from.kind === 'routeTable') {
    const boundTo = design.resources.find(
      (r) =>
        (r.kind === 'vswitch' && r.routeTableId === from.id) ||
        (r.kind === 'ipv4Gateway' && r.gatewayRouteTableId === from.id),
    )
    if (boundTo) return connectionChoices(design, boundTo.id, purpose)
    if (from.routeTableType !== 'VSwitch' || purpose !== 'route') return []
    return design.resources.flatMap((r) => {
      const nextHopType = NEXT_HOP[r.kind]
      const vpcId =
        'vpcId' in r ? r.vpcId : 'vswitchId' in r ? findResource(design, r.vswitchId, 'vswitch')?.vpcId : undefined
      if (!nextHopType || vpcId !== from.vpcId) return []
      return [
        {
          targetId: r.id,
          connection: {
            kind: 'route' as const,
            routeTableId: from.id,
            nextHopType,
            nextHopId: r.id,
            suggested: '0.0.0.0/0',
            description: `Route in ${label(from)} to ${label(r)}`,
          },
        },
      ]
    })
  }
  return design.resources.flatMap((r) => {
    if (r.id === fromId) return []
    const intent = connectionIntent(design, fromId, r.id)
    if (!intent.ok || (intent.connection.kind === 'route') !== (purpose === 'route')) return []
    return [{ targetId: r.id, connection: intent.connection }]
  })
}
