// Read-only lookups over one design, shared by the rules: ids, VPCs, vSwitch roles, route entries, next hops.
// Which entry of a table decides for an address is the engine's look-up (routingLoop.ts), not a second one here.
// May not touch: React, the DOM, zustand.
import {
  activeStandbyOf,
  type Cidr,
  type Design,
  type GwlbEndpoint,
  type Ipv4Gateway,
  type NextHopType,
  parseCidr,
  type Resource,
  type ResourceKind,
  type ResourceOf,
  type RouteEntry,
  type RouteTable,
  type Vswitch,
  vswitchOf,
} from '../../src/model'

/** What a vSwitch is for, as the guide names them. */
export type VswitchRole = 'gwlbe' | 'service' | 'other'

export type NextHop =
  | { kind: 'resolved'; target: Resource }
  | { kind: 'missing' }
  | { kind: 'otherVpc'; target: Resource; vpcId: string }
  | { kind: 'wrongKind'; target: Resource }

/** The resource kinds each next hop type names. NetworkInterface: an instance's primary ENI. */
const NEXT_HOP_KINDS: Record<Exclude<NextHopType, 'Local'>, readonly ResourceKind[]> = {
  Ipv4Gateway: ['ipv4Gateway'],
  GatewayLoadBalancerEndpoint: ['gwlbEndpoint'],
  Instance: ['ecs', 'appliance'],
  NetworkInterface: ['ecs', 'appliance'],
  RouteTargetGroup: ['routeTargetGroup'],
}

/** Custom next hop types a table of each type may hold (docs/cloud.md 6.1: a gateway table takes no IPv4 gateway). */
export const ALLOWED_NEXT_HOPS: Record<RouteTable['routeTableType'], readonly RouteEntry['nextHopType'][]> = {
  VSwitch: ['Ipv4Gateway', 'GatewayLoadBalancerEndpoint', 'Instance', 'NetworkInterface', 'RouteTargetGroup'],
  Gateway: ['GatewayLoadBalancerEndpoint', 'Instance', 'NetworkInterface', 'RouteTargetGroup'],
}

export function nextHopTypeFor(kind: ResourceKind): RouteEntry['nextHopType'] | undefined {
  if (kind === 'ipv4Gateway') return 'Ipv4Gateway'
  if (kind === 'gwlbEndpoint') return 'GatewayLoadBalancerEndpoint'
  if (kind === 'ecs' || kind === 'appliance') return 'Instance'
  if (kind === 'routeTargetGroup') return 'RouteTargetGroup'
  return undefined
}

export class DesignIndex {
  readonly byId = new Map<string, Resource>()
  private readonly position = new Map<string, number>()
  private readonly kinds = new Map<ResourceKind, Resource[]>()
  private readonly vswitchesByVpc = new Map<string, Vswitch[]>()
  private readonly held = new Map<string, Resource[]>()
  private readonly cidrs = new Map<string, Cidr | null>()

  constructor(readonly design: Design) {
    design.resources.forEach((r, i) => {
      this.byId.set(r.id, r)
      this.position.set(r.id, i)
      this.kinds.set(r.kind, [...(this.kinds.get(r.kind) ?? []), r])
      if (r.kind === 'vswitch') this.vswitchesByVpc.set(r.vpcId, [...(this.vswitchesByVpc.get(r.vpcId) ?? []), r])
      const v = vswitchOf(r)
      if (v) this.held.set(v, [...(this.held.get(v) ?? []), r])
    })
  }

  get<K extends ResourceKind>(id: string | undefined, kind: K): ResourceOf<K> | undefined {
    const r = id === undefined ? undefined : this.byId.get(id)
    return r && r.kind === kind ? (r as ResourceOf<K>) : undefined
  }

  ofKind<K extends ResourceKind>(kind: K): ResourceOf<K>[] {
    return (this.kinds.get(kind) ?? []) as ResourceOf<K>[]
  }

  /** A CIDR block parsed once per design (null when malformed, which the loader prevents). */
  cidr(text: string): Cidr | null {
    let c = this.cidrs.get(text)
    if (c === undefined) {
      const p = parseCidr(text)
      c = p.ok ? p.cidr : null
      this.cidrs.set(text, c)
    }
    return c
  }

  /** JSON path of a field of a resource, for Problem.path. */
  path(id: string, field: string): string {
    return `resources[${this.position.get(id)}].${field}`
  }

  /** The VPC a resource lives in, where it has one. */
  vpcOf(r: Resource): string | undefined {
    switch (r.kind) {
      case 'vpc':
        return r.id
      case 'vswitch':
      case 'routeTable':
      case 'ipv4Gateway':
      case 'securityGroup':
      case 'gwlb':
      case 'gwlbEndpoint':
      case 'routeTargetGroup':
        return r.vpcId
      case 'ecs':
      case 'appliance':
        return this.get(r.vswitchId, 'vswitch')?.vpcId
      default:
        return undefined
    }
  }

  vswitchesOf(vpcId: string): Vswitch[] {
    return this.vswitchesByVpc.get(vpcId) ?? []
  }

  /** Resources placed in a vSwitch (ECS, appliances, GWLBes). */
  inVswitch(vswitchId: string): Resource[] {
    return this.held.get(vswitchId) ?? []
  }

  endpointsOf(vpcId: string): GwlbEndpoint[] {
    return this.ofKind('gwlbEndpoint').filter((e) => e.vpcId === vpcId)
  }

  /** The VPC's IPv4 gateway (the cloud allows one per VPC). */
  gatewayOf(vpcId: string): Ipv4Gateway | undefined {
    return this.ofKind('ipv4Gateway').find((g) => g.vpcId === vpcId)
  }

  role(vsw: Vswitch): VswitchRole {
    const held = this.inVswitch(vsw.id)
    if (held.some((r) => r.kind === 'gwlbEndpoint')) return 'gwlbe'
    if (held.some((r) => r.kind === 'ecs')) return 'service'
    return 'other'
  }

  /** A VPC whose internet traffic the guide's routes steer through GWLBes: it has an IPv4 gateway and a GWLBe. */
  isInspectedVpc(vpcId: string): boolean {
    return this.gatewayOf(vpcId) !== undefined && this.endpointsOf(vpcId).length > 0
  }

  /** The GWLBe of a VPC in a zone (the first, if there are several: GWLB-E025 reports that). */
  endpointInZone(vpcId: string, zoneId: string): GwlbEndpoint | undefined {
    return this.endpointsOf(vpcId).find((e) => e.zoneId === zoneId)
  }

  /** The vSwitch's custom route table; undefined means the VPC's system table, which holds only Local routes. */
  routeTableOf(vsw: Vswitch): RouteTable | undefined {
    return this.get(vsw.routeTableId, 'routeTable')
  }

  /** The custom entry of a table for exactly this destination block. */
  entryFor(table: RouteTable | undefined, destination: string): { entry: RouteEntry; index: number } | undefined {
    if (!table) return undefined
    const want = this.cidr(destination)
    const index = table.entries.findIndex((e) => {
      const c = this.cidr(e.destinationCidrBlock)
      return c !== null && want !== null && c.base === want.base && c.prefix === want.prefix
    })
    const entry = table.entries[index]
    return entry === undefined ? undefined : { entry, index }
  }

  /** What an entry's next hop names, judged from the table's VPC. */
  resolve(table: RouteTable, entry: RouteEntry): NextHop {
    const target = this.byId.get(entry.nextHopId)
    if (!target) return { kind: 'missing' }
    if (!NEXT_HOP_KINDS[entry.nextHopType].includes(target.kind)) return { kind: 'wrongKind', target }
    const vpcId = this.vpcOf(target)
    if (vpcId !== table.vpcId) return { kind: 'otherVpc', target, vpcId: vpcId ?? 'none' }
    return { kind: 'resolved', target }
  }

  /**
   * Where a valid entry leads; undefined when GWLB-E034/E035 report the entry (the guide's rules then keep quiet).
   * A route target group leads to its active member (weight 100), which carries its traffic while healthy.
   */
  validTarget(table: RouteTable, entry: RouteEntry): Resource | undefined {
    if (!ALLOWED_NEXT_HOPS[table.routeTableType].includes(entry.nextHopType)) return undefined
    const hop = this.resolve(table, entry)
    if (hop.kind !== 'resolved') return undefined
    if (hop.target.kind !== 'routeTargetGroup') return hop.target
    const { active } = activeStandbyOf(hop.target)
    return this.get(hop.target.routeTargetMemberList[active]?.memberId, 'gwlbEndpoint')
  }
}

const cache = new WeakMap<Design, DesignIndex>()

/** One index per design object; documents are immutable, so it never goes stale. */
export function indexOf(design: Design): DesignIndex {
  let ix = cache.get(design)
  if (!ix) {
    ix = new DesignIndex(design)
    cache.set(design, ix)
  }
  return ix
}

/**
 * "Kind Name (id)" in a message, without saying the kind twice: a resource named "Server 1", "GWLBe H" or
 * "Gateway route table" already says what it is ("Server Server 1" read as a typo).
 */
export function named(kind: string, r: { id: string; name?: string } | undefined, fallbackId = '?'): string {
  const name = r?.name?.toLowerCase() ?? ''
  // the kind's last word is the noun ("vSwitch" of "Service vSwitch", "table" of "Route table")
  const noun = kind.toLowerCase().split(' ').at(-1) ?? kind.toLowerCase()
  const says = name.includes(kind.toLowerCase()) || name.split(/\s+/).includes(noun)
  return says ? label(r, fallbackId) : `${kind} ${label(r, fallbackId)}`
}

/** "Name (id)", or the id alone when the resource has no name. */
export function label(r: { id: string; name?: string } | undefined, fallbackId = '?'): string {
  if (!r) return fallbackId
  return r.name ? `${r.name} (${r.id})` : r.id
}
