// The compiled network: the numbered resources, the route tables packed for lookup, the rule lists, and the codes
// forward() reads them by. Types and constants only; compile.ts builds a Network, walk.ts reads one. May not
// touch: React, the DOM, zustand, runtime state.
import type { Design, ResourceKind } from '../../src/model'
import type { AddrTable } from './addrTable'
import type { AssumptionValues } from './assumptions'
import type { CSecurityGroup } from './securityGroups'
import type { PolicyRuleRef, RouteRule, SecurityGroupRuleRef } from './types'

/** Target codes: index * 8 + kind, so one number names any addressable resource. */
export const T_ECS = 0
export const T_APPLIANCE = 1
export const T_GWLBE = 2
export const T_GWLB_NODE = 3
export const T_HOST = 4
export const targetCode = (index: number, kind: number): number => index * 8 + kind

/** Next-hop kinds of a compiled route entry. */
export const NH_LOCAL = 0
export const NH_IPV4_GATEWAY = 1
export const NH_GWLBE = 2
export const NH_INSTANCE = 3
export const NH_BLACKHOLE = 4
export const NH_CLOUD_SERVICES = 5
/** a route target group: the walk goes on to whichever member the runtime state says is carrying traffic */
export const NH_ROUTE_TARGET_GROUP = 6

export const PROTO_ALL = 0
export const PROTO_ICMP = 1
export const PROTO_TCP = 6
export const PROTO_UDP = 17
export function protocolNumber(p: 'tcp' | 'udp' | 'icmp' | 'all'): number {
  return p === 'tcp' ? PROTO_TCP : p === 'udp' ? PROTO_UDP : p === 'icmp' ? PROTO_ICMP : PROTO_ALL
}

/** Appliance run states, as the design's `state` field. */
export const RUN_RUNNING = 0
export const RUN_STOPPED = 1
export const RUN_HUNG = 2

/** GWLB's largest accepted packet (docs/cloud.md 4.3) and the NIC MTU of an instance type without jumbo frames. */
export const GWLB_MAX_PACKET = 1500
export const NIC_MTU_STANDARD = 1500
export const NIC_MTU_JUMBO = 8500
export const GENEVE_PORT = 6081

export interface CRouteEntry {
  rule: RouteRule
  base: number
  mask: number
  prefix: number
  nextHop: number
  /** vSwitch index (Local), IPv4 gateway index, endpoint index, route target group index, or target code (Instance) */
  target: number
  /** why a black hole is one */
  blackhole?: string
}

export interface CRouteTable {
  id: string
  name: string
  vpc: number
  type: 'system' | 'VSwitch' | 'Gateway'
  entries: CRouteEntry[]
}

/**
 * Route look-up regions, one per table, in one Int32Array (Network.routes, starting at Network.routeAt[table]):
 * [groups, vpc, then per group: mask, count, then count × (base, entry index, next hop, target), bases ascending].
 * The first group with an entry whose base equals destination & mask decides. Under longest-prefix selection
 * there is a group per distinct prefix length, longest first; under entry order a group per entry, in order.
 * A small table's region fits in a cache line or two, and a large one is searched by bisection in each group.
 */
export const RT_GROUPS = 0
export const RT_VPC = 1
export const RT_FIRST_GROUP = 2
export const RT_ENTRY_WORDS = 4
/** offsets within an entry, from the position lpm() returns (its base is at 0) */
export const RT_ENTRY = 1
export const RT_NEXT_HOP = 2
export const RT_TARGET = 3

export interface CSecurityGroupRule {
  proto: number
  from: number
  to: number
  base: number
  mask: number
  accept: boolean
  ref: SecurityGroupRuleRef
}

export interface CInstanceSecurity {
  ids: string[]
  /** the groups' indexes in Network.securityGroups */
  groups: Int32Array
  /** the groups' one type (the loader refuses a mix); basic when the instance has none */
  type: 'basic' | 'enterprise'
  /** merged across the instance's groups, in evaluation order (priority, then drop before accept) */
  ingress: CSecurityGroupRule[]
  egress: CSecurityGroupRule[]
}

export interface CPolicyRule {
  proto: number
  from: number
  to: number
  srcBase: number
  srcMask: number
  dstBase: number
  dstMask: number
  allow: boolean
  ref: PolicyRuleRef
}

interface Named {
  id: string
  name: string
  index: number
}

export interface CVpc extends Named {
  cidr: string
  /** private address → target code */
  addrs: Map<number, number>
  ipv4Gateway: number
  systemTable: number
}
export interface CVswitch extends Named {
  vpc: number
  zone: number
  base: number
  mask: number
  cidr: string
  table: number
}
export interface CIpv4Gateway extends Named {
  vpc: number
  table: number
}
export interface CInstance extends Named {
  vpc: number
  vswitch: number
  zone: number
  addr: number
  address: string
  sg: CInstanceSecurity
  /** the route table governing its vSwitch */
  table: number
}
export interface CEcs extends CInstance {
  eip: number
  eipText: string | null
}
export interface CAppliance extends CInstance {
  mtu: number
  jumbo: boolean
  stateful: boolean
  policy: CPolicyRule[]
  defaultAllow: boolean
  initialRun: number
  /** the appliance's own key in the GWLB's rendezvous hash (hash.ts, score), from its id */
  rendezvousKey: number
  gwlb: number
}
export interface CGwlb extends Named {
  vpc: number
  crossZone: boolean
  listener: boolean
  scheduler: 5 | 3 | 2
  schedulerName: '5TCH' | '3TCH' | '2TCH'
  rebalance: boolean
  healthCheck: boolean
  /** the port the health check's probes connect to (TCP for both TCP and HTTP checks) */
  healthCheckPort: number
  members: Int32Array
  nodeByZone: Int32Array
}
export interface CGwlbNode {
  index: number
  gwlb: number
  zone: number
  addr: number
  address: string
  /** appliances this node may choose: every member when cross-zone, else the members in its zone */
  candidates: Int32Array
}
export interface CEndpointService extends Named {
  account: string
  whitelistAll: boolean
  whitelist: Set<string>
  nodeByZone: Int32Array
}
export interface CGwlbEndpoint extends Named {
  vpc: number
  vswitch: number
  zone: number
  addr: number
  address: string
  account: string
  service: number
  whitelisted: boolean
  initialStatus: number
  /** the route table governing its vSwitch */
  table: number
}
/** A route target group (Active-Standby): its two member endpoints, the active one (weight 100) first. */
export interface CRouteTargetGroup extends Named {
  vpc: number
  /** endpoint indexes: [active (weight 100), standby (weight 0)]; -1 for a member that is no GWLBe of the VPC */
  members: [number, number]
}
export interface CInternetHost extends Named {
  addr: number
  address: string
}

export interface Network {
  design: Design
  assumptions: AssumptionValues
  maxHops: number
  zones: string[]
  zoneIndex: Map<string, number>
  byId: Map<string, { kind: ResourceKind; index: number }>
  vpcs: CVpc[]
  vswitches: CVswitch[]
  tables: CRouteTable[]
  ipv4Gateways: CIpv4Gateway[]
  ecs: CEcs[]
  appliances: CAppliance[]
  gwlbs: CGwlb[]
  nodes: CGwlbNode[]
  services: CEndpointService[]
  endpoints: CGwlbEndpoint[]
  routeTargetGroups: CRouteTargetGroup[]
  hosts: CInternetHost[]
  securityGroups: CSecurityGroup[]
  /** public address → target code (an ECS by its EIP, an internet host) */
  publicAddrs: Map<number, number>
  /** every VPC's addrs and publicAddrs (scope SCOPE_PUBLIC) in one table, for the per-packet path */
  addrTable: AddrTable
  /** route look-up regions (see RT_GROUPS), and where each table's region starts */
  routes: Int32Array
  routeAt: Int32Array
  /** Geneve overhead in bytes under the chosen option layout */
  geneveOverhead: number
}
