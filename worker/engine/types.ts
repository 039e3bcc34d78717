// The engine's public shapes: packets in, traces out. May not touch: React, the DOM, zustand, src/store, src/canvas.
import type { AssumptionId } from './assumptions'

export type Protocol = 'tcp' | 'udp' | 'icmp'

/** What the caller asks to send. */
export interface PacketSpec {
  /** a resource id (internetHost, ecs, appliance) or an address (an internet address, an EIP, a private address) */
  source: string
  destination: string
  protocol: Protocol
  /** default 49152, the first ephemeral port; ignored for ICMP */
  sourcePort?: number
  /** default 443; ignored for ICMP */
  destinationPort?: number
  /** bytes of the inner IP packet (header + payload, no Ethernet); default 1500, a full-size packet */
  size?: number
  /** the packet answers an earlier request (stateful appliances and security groups need to know) */
  reply?: boolean
  /**
   * new (the default): the packet may open a connection; at the GWLB, a flow that sat idle past the timeout (TCP
   * 350 s, others 120 s) is closed and this packet starts a new one. established: a later packet of a connection;
   * when its flow sat idle past the timeout, the GWLB has closed the connection and the packet is dropped,
   * FLOW_EXPIRED. A flow the GWLB has no entry for at all is hashed as new either way.
   */
  connection?: ConnectionPhase
}

export type ConnectionPhase = 'new' | 'established'

export const DEFAULT_SOURCE_PORT = 49152
export const DEFAULT_DESTINATION_PORT = 443
export const DEFAULT_PACKET_SIZE = 1500

export type DropReason =
  | 'NO_ROUTE'
  | 'BLACKHOLE_ROUTE'
  | 'LOOP'
  | 'SECURITY_GROUP_DENIED'
  | 'APPLIANCE_DENIED'
  | 'MTU_EXCEEDED'
  | 'NO_HEALTHY_APPLIANCE'
  /** the appliance is stopped, or its zone is down: it answers no health check either */
  | 'APPLIANCE_DOWN'
  | 'ENDPOINT_NOT_CONNECTED'
  | 'STATEFUL_NO_SESSION'
  /** the GWLB has no listener or no server group */
  | 'NO_LISTENER'
  /** the endpoint service has no GWLB in the endpoint's zone */
  | 'NO_SERVICE_RESOURCE'
  /** leaving through the IPv4 gateway from an address without an EIP */
  | 'NO_PUBLIC_ADDRESS'
  /** a Local route reached a vSwitch where no instance holds the address */
  | 'HOST_UNREACHABLE'
  /** a route's next hop is an instance the packet is not addressed to; instances here do not forward */
  | 'INSTANCE_DOES_NOT_FORWARD'
  /** the resource's zone is down */
  | 'ZONE_DOWN'
  /** the appliance is hung: it still answers health checks, so the GWLB keeps sending it flows, and drops them */
  | 'APPLIANCE_HUNG'
  /** the packet could not be placed: unknown source, malformed address */
  | 'INVALID_PACKET'
  /**
   * a leftover packet of a connection the GWLB closed: its flow sat idle past the timeout (TCP 350 s, others 120 s),
   * and only a new connection's first packet starts a flow
   */
  | 'FLOW_EXPIRED'

/** EXITS_TO_CLOUD_SERVICES: the VPC's system route 100.64.0.0/10 hands it to the cloud's service network */
export type Disposition = 'DELIVERED' | 'EXITS_TO_INTERNET' | 'EXITS_TO_CLOUD_SERVICES' | DropReason

/** Index = the fast path's numeric disposition code. */
export const DISPOSITIONS: readonly Disposition[] = [
  'DELIVERED',
  'EXITS_TO_INTERNET',
  'NO_ROUTE',
  'BLACKHOLE_ROUTE',
  'LOOP',
  'SECURITY_GROUP_DENIED',
  'APPLIANCE_DENIED',
  'MTU_EXCEEDED',
  'NO_HEALTHY_APPLIANCE',
  'APPLIANCE_DOWN',
  'ENDPOINT_NOT_CONNECTED',
  'STATEFUL_NO_SESSION',
  'NO_LISTENER',
  'NO_SERVICE_RESOURCE',
  'NO_PUBLIC_ADDRESS',
  'HOST_UNREACHABLE',
  'INSTANCE_DOES_NOT_FORWARD',
  'ZONE_DOWN',
  'APPLIANCE_HUNG',
  'INVALID_PACKET',
  // a success after the drops: codes 0 and 1 stay the first two successes that counters rely on
  'EXITS_TO_CLOUD_SERVICES',
  'FLOW_EXPIRED',
]

export function isDropped(d: Disposition): d is DropReason {
  return d !== 'DELIVERED' && d !== 'EXITS_TO_INTERNET' && d !== 'EXITS_TO_CLOUD_SERVICES'
}

/** The inner packet's headers as seen at one step. */
export interface Headers {
  source: string
  destination: string
  protocol: Protocol
  sourcePort?: number
  destinationPort?: number
  /** inner IP bytes */
  size: number
}

export interface GeneveOption {
  class: string
  type: number
  name: 'gwlbEndpointId' | 'attachmentId' | 'flowCookie'
  value: string
}

/** The outer header on a Geneve leg between the GWLB and an appliance. */
export interface OuterHeader {
  source: string
  destination: string
  protocol: 'udp'
  destinationPort: 6081
  /** inner size + the Geneve overhead */
  size: number
  overhead: number
  options: GeneveOption[]
}

export interface RouteRule {
  type: 'route'
  routeTableId: string
  /** the table is the VPC's system route table (no resource of its own) */
  systemTable: boolean
  destinationCidrBlock: string
  /** CloudServices: the system route 100.64.0.0/10 of every VPC */
  nextHopType:
    | 'Local'
    | 'CloudServices'
    | 'Ipv4Gateway'
    | 'GatewayLoadBalancerEndpoint'
    | 'Instance'
    | 'NetworkInterface'
    | 'RouteTargetGroup'
  /** for Local entries, the vSwitch whose CIDR it is; "" for CloudServices */
  nextHopId: string
  /** a derived system (Local) entry, not a custom one */
  system: boolean
  /** a custom entry that replaced the system route of a vSwitch CIDR */
  replacesSystemRoute: boolean
}

/**
 * A route table in words, one phrasing for route steps and for the walk's "no entry matches": a system table goes by
 * "<vpc id>/system" (compile.ts, systemTableId), for it is no resource of the design.
 */
export function routeTableText(routeTableId: string, systemTable: boolean): string {
  return systemTable
    ? `the system route table of ${routeTableId.replace(/\/system$/, '')}`
    : `route table ${routeTableId}`
}

/**
 * A route entry in words, one phrasing for the trace's steps, the CLI and the walk panel: the table, the
 * destination, the next hop, and whether it is a system route, a custom one, or a custom one that replaced the
 * system route of a vSwitch CIDR. "route table rtb-a: 0.0.0.0/0 → GatewayLoadBalancerEndpoint gwlbe-a (custom route)"
 */
export function routeText(r: RouteRule): string {
  const table = routeTableText(r.routeTableId, r.systemTable)
  const kind = r.system
    ? 'system route'
    : r.replacesSystemRoute
      ? 'custom route that replaced the system route'
      : 'custom route'
  const hop =
    r.nextHopType === 'Local'
      ? `Local (vSwitch ${r.nextHopId})`
      : r.nextHopType === 'CloudServices'
        ? 'cloud services'
        : `${r.nextHopType} ${r.nextHopId}`
  return `${table}: ${r.destinationCidrBlock} → ${hop} (${kind})`
}

export interface SecurityGroupRuleRef {
  type: 'securityGroup'
  direction: 'ingress' | 'egress'
  /** null when no rule matched and the direction's default applied */
  securityGroupId: string | null
  ruleIndex: number
  policy: 'accept' | 'drop'
  priority?: number
  description?: string
}

/** A group's internal access policy decided, not a rule: Accept between members, or isolation. */
export interface SecurityGroupPolicyRef {
  type: 'securityGroupPolicy'
  direction: 'ingress' | 'egress'
  securityGroupId: string
  securityGroupType: 'basic' | 'enterprise'
  /** an enterprise group's is always Drop (isolation) */
  innerAccessPolicy: 'Accept' | 'Drop'
  /** what it decided */
  policy: 'accept' | 'drop'
}

export interface PolicyRuleRef {
  type: 'appliancePolicy'
  applianceId: string
  /** -1: no rule matched, the default action applied */
  ruleIndex: number
  action: 'allow' | 'deny'
  description?: string
}

export interface HashCandidate {
  applianceId: string
  zoneId: string
  healthy: boolean
  membership: 'member' | 'draining' | 'removed'
  score: number
}

export interface GwlbHashRule {
  type: 'gwlbHash'
  gwlbId: string
  /** the zone of the GWLB node that received the packet */
  zoneId: string
  scheduler: '5TCH' | '3TCH' | '2TCH'
  /** the fields the scheduler hashes, endpoints in sorted order when the key is symmetric */
  inputs: { addresses: [string, string]; ports?: [number, number]; protocol?: Protocol }
  symmetric: boolean
  key: string
  crossZone: boolean
  candidates: HashCandidate[]
  chosen: string
  /** how the choice was made; `forced`: verification tries each eligible appliance in turn instead of the hash */
  via: 'hash' | 'flowTable' | 'rebalanced' | 'allUnhealthy' | 'forced'
}

export interface TranslationRule {
  type: 'eip'
  instanceId: string
  publicIpAddress: string
  privateIpAddress: string
}

export interface SessionRule {
  type: 'session'
  applianceId: string
  found: boolean
}

export interface EndpointRule {
  type: 'endpointConnection'
  endpointId: string
  serviceId: string
  connectionStatus: string
  whitelisted: boolean
}

/** A route target group member, as the group's probes see it. */
export interface RouteTargetMemberState {
  memberId: string
  /** 100: the active member; 0: the standby */
  weight: number
  health: 'Healthy' | 'Unhealthy'
  /** this member carries the group's traffic now */
  carrying: boolean
}

/** A route target group decided which member takes the packet, and why. */
export interface RouteTargetRule {
  type: 'routeTargetGroup'
  routeTargetGroupId: string
  /** the member the packet goes to */
  memberId: string
  /** traffic is on the standby (weight 0) since a failover: the group does not fail back by itself */
  failedOver: boolean
  members: RouteTargetMemberState[]
}

export type Rule =
  | RouteRule
  | RouteTargetRule
  | SecurityGroupRuleRef
  | SecurityGroupPolicyRef
  | PolicyRuleRef
  | GwlbHashRule
  | TranslationRule
  | SessionRule
  | EndpointRule

export type StepAction =
  | 'send'
  | 'receive'
  | 'translate'
  | 'route'
  | 'routeTarget'
  | 'securityGroup'
  | 'connection'
  | 'privateLink'
  | 'mtu'
  | 'schedule'
  | 'encapsulate'
  | 'decapsulate'
  | 'policy'
  | 'session'
  | 'deliver'
  | 'exit'
  | 'drop'

export interface Step {
  action: StepAction
  /** plain words */
  text: string
  rule?: Rule
  /** the inner headers after this step */
  packet: Headers
  /** present on Geneve legs */
  outer?: OuterHeader
}

export interface Hop {
  /** null for an internet address that no resource holds */
  resourceId: string | null
  kind: string
  name: string
  /** the previous hop's resource, for telling apart two visits to one resource */
  from: string | null
  /** on the provider side (endpoint service, GWLB, appliance): the GWLB endpoint whose traffic this is */
  endpointId?: string
  /** at a GWLB: the zone of the node that handles the packet */
  zoneId?: string
  steps: Step[]
}

export interface AssumptionUse {
  id: AssumptionId
  value: string
  text: string
}

export interface Trace {
  packet: Headers & { reply: boolean; connection: ConnectionPhase; sourceId: string | null }
  hops: Hop[]
  disposition: Disposition
  /** one line: why it ended */
  text: string
  /** the last appliance the GWLB sent the packet to, if any */
  applianceId: string | null
  /** every appliance the GWLB sent the packet to, in order (a path can cross the GWLB more than once) */
  applianceIds: string[]
  /** assumptions the trace relied on, where the cloud's documents are silent */
  assumptions: AssumptionUse[]
}

export interface RoundTrip {
  request: Trace
  /** null when the request never arrived, so nothing answers */
  reply: Trace | null
}
