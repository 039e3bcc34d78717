// Pure helpers of the packet walk: what a hop lights on the canvas, rules and headers in plain words, and the
// addresses a packet can be sent from and to. No React here, so tests read them directly.

import {
  type Disposition,
  type Headers,
  type Hop,
  isDropped,
  type OuterHeader,
  type Rule,
  routeText,
  type Step,
  type Trace,
} from '../../../worker/engine/types'
import type { Design } from '../../model'
import { routeEdgeId } from '../../share/drawing/toDrawing'
import type { Highlight } from '../../store/uiStore'

/**
 * The canvas highlight at hop `index` of a trace: the path so far, the current hop in focus (red where it drops),
 * and the lines of the route entries that decided on the way.
 */
export function hopHighlight(t: Trace, index: number, design: Design): Highlight {
  const hops = t.hops.slice(0, index + 1)
  const ids = [...new Set(hops.map((h) => h.resourceId).filter((id): id is string => id !== null))]
  const last = index === t.hops.length - 1
  const focusId = t.hops[index]?.resourceId ?? undefined
  const routeEdgeIds = [...new Set(hops.flatMap((h) => decidingRouteLines(h, design)))]
  return { ids, focusId, routeEdgeIds, tone: last && isDropped(t.disposition) ? 'drop' : 'path' }
}

/**
 * The drawn lines of the route entries that decided at a hop. A route is looked up where the packet leaves: an
 * instance's or an endpoint's vSwitch (its table's line starts at that vSwitch), or the IPv4 gateway (its gateway
 * table's line starts at the gateway). System routes and the system table draw no line.
 */
export function decidingRouteLines(hop: Hop, design: Design): string[] {
  const at = design.resources.find((r) => r.id === hop.resourceId)
  const lines: string[] = []
  for (const s of hop.steps) {
    const rule = s.rule
    if (rule?.type !== 'route' || rule.system || rule.systemTable) continue
    const owner =
      at?.kind === 'ipv4Gateway'
        ? at.gatewayRouteTableId === rule.routeTableId
          ? at.id
          : undefined
        : at && 'vswitchId' in at
          ? design.resources.find(
              (v) => v.id === at.vswitchId && v.kind === 'vswitch' && v.routeTableId === rule.routeTableId,
            )?.id
          : undefined
    if (owner) lines.push(routeEdgeId(owner, rule.destinationCidrBlock))
  }
  return lines
}

/**
 * The drawn lines of the route entries that decided at the hops of a trace through the resources `ids`, toward a
 * next hop among them: what a lesson step lighting those resources lights of the routes. A line joining two of them
 * that no hop there used (the reply's route, the other zone's) stays dark, and so does the route a step stops short
 * of (the GWLBe's way out, in a step about the server's way to the GWLBe).
 */
export function decidingRouteLinesAt(t: Trace, ids: readonly string[], design: Design): string[] {
  const at = new Set(ids)
  const towardLit = (s: Step) => s.rule?.type !== 'route' || at.has(s.rule.nextHopId)
  const hops = t.hops.filter((h) => h.resourceId !== null && at.has(h.resourceId))
  return [...new Set(hops.flatMap((h) => decidingRouteLines({ ...h, steps: h.steps.filter(towardLit) }, design)))]
}

/**
 * The appliances that inspected the packet (their session table or policy decided), and those the GWLB sent it to
 * that never got to inspect it: dropped on the way in (the appliance's security group, a hung or stopped appliance).
 */
export function inspectionOf(t: Trace): { inspected: string[]; notInspected: string[] } {
  const inspected = new Set<string>()
  for (const hop of t.hops)
    if (
      hop.kind === 'appliance' &&
      hop.resourceId &&
      hop.steps.some((s) => s.action === 'policy' || s.action === 'session')
    )
      inspected.add(hop.resourceId)
  const sentTo = [...new Set(t.applianceIds)]
  return {
    inspected: sentTo.filter((id) => inspected.has(id)),
    notInspected: sentTo.filter((id) => !inspected.has(id)),
  }
}

export function headersText(h: Headers): string {
  const port = (p?: number) => (p === undefined ? '' : `:${p}`)
  return `${h.source}${port(h.sourcePort)} → ${h.destination}${port(h.destinationPort)} ${h.protocol.toUpperCase()}, ${h.size} bytes`
}

export function outerText(o: OuterHeader): string {
  return `${o.source} → ${o.destination} UDP ${o.destinationPort} (Geneve), ${o.size} bytes (+${o.overhead})`
}

/** The rule that decided a step, in the cloud's own words. */
export function ruleText(rule: Rule): string {
  switch (rule.type) {
    case 'route':
      return routeText(rule)
    case 'securityGroup':
      return rule.securityGroupId === null
        ? `No ${rule.direction === 'ingress' ? 'inbound' : 'outbound'} security group rule matched: the default ${rule.policy === 'accept' ? 'accepts' : 'drops'} it`
        : // numbered from 1 in the group's one list of inbound and outbound rules, as the inspector lists them
          `Security group ${rule.securityGroupId} rule ${rule.ruleIndex + 1} (${rule.direction === 'ingress' ? 'inbound' : 'outbound'}${rule.description ? `: ${rule.description}` : ''}): ${rule.policy}`
    case 'securityGroupPolicy':
      return rule.securityGroupType === 'enterprise'
        ? `Enterprise security group ${rule.securityGroupId}: members isolated from each other, ${rule.direction === 'ingress' ? 'inbound' : 'outbound'} ${rule.policy}`
        : `Security group ${rule.securityGroupId} intra-group policy ${rule.innerAccessPolicy} (${rule.direction === 'ingress' ? 'inbound' : 'outbound'}): ${rule.policy}`
    case 'appliancePolicy':
      return rule.ruleIndex < 0
        ? `${rule.applianceId}'s policy: no rule matched, default ${rule.action}`
        : `${rule.applianceId}'s policy rule ${rule.ruleIndex + 1}${rule.description ? ` (${rule.description})` : ''}: ${rule.action}`
    case 'gwlbHash': {
      const eligible = rule.candidates.filter((c) => c.healthy && c.membership === 'member').length
      const how = {
        hash: 'hash',
        flowTable: 'flow table (already pinned)',
        rebalanced: 'rebalanced',
        allUnhealthy: 'no healthy appliance',
        forced: 'verification, which tries each eligible appliance',
      }[rule.via]
      return `${rule.gwlbId} ${rule.scheduler} ${rule.symmetric ? 'symmetric ' : ''}hash, ${rule.crossZone ? 'across zones' : `zone ${rule.zoneId} only`}: ${eligible} of ${rule.candidates.length} appliances eligible, chose ${rule.chosen} by ${how}`
    }
    case 'eip':
      return `EIP ${rule.publicIpAddress} ↔ ${rule.privateIpAddress} of ${rule.instanceId}`
    case 'session':
      return `${rule.applianceId} session table: ${rule.found ? 'session found' : 'no session'}`
    case 'routeTargetGroup': {
      const carrying = rule.members.find((m) => m.carrying)
      return `Route target group ${rule.routeTargetGroupId}: ${carrying?.weight === 100 ? 'active' : 'standby'} member ${rule.memberId} (weight ${carrying?.weight ?? '?'}, ${carrying?.health ?? '?'})${rule.failedOver ? ', after a failover (no automatic failback)' : ''}`
    }
    case 'endpointConnection':
      return `Endpoint connection ${rule.endpointId} → ${rule.serviceId}: ${rule.connectionStatus}${rule.whitelisted ? '' : ' (account not whitelisted)'}`
  }
}

const DISPOSITION_WORDS: Record<Disposition, string> = {
  DELIVERED: 'Delivered',
  EXITS_TO_INTERNET: 'Leaves for the internet',
  EXITS_TO_CLOUD_SERVICES: 'Leaves for cloud services (100.64.0.0/10)',
  NO_ROUTE: 'Dropped: no route',
  BLACKHOLE_ROUTE: 'Dropped: black-hole route',
  LOOP: 'Dropped: routing loop',
  SECURITY_GROUP_DENIED: 'Dropped by a security group',
  APPLIANCE_DENIED: 'Dropped by the appliance’s policy',
  MTU_EXCEEDED: 'Dropped: too big for the MTU',
  NO_HEALTHY_APPLIANCE: 'Dropped: no healthy appliance',
  APPLIANCE_DOWN: 'Dropped: the appliance is down',
  ENDPOINT_NOT_CONNECTED: 'Dropped: endpoint not connected',
  STATEFUL_NO_SESSION: 'Dropped: no session on a stateful appliance',
  NO_LISTENER: 'Dropped: the GWLB has no listener',
  NO_SERVICE_RESOURCE: 'Dropped: no service resource in the zone',
  NO_PUBLIC_ADDRESS: 'Dropped: no public address',
  HOST_UNREACHABLE: 'Dropped: host unreachable',
  INSTANCE_DOES_NOT_FORWARD: 'Dropped: an instance does not forward',
  ZONE_DOWN: 'Dropped: the zone is down',
  APPLIANCE_HUNG: 'Dropped: the appliance is hung',
  FLOW_EXPIRED: 'Dropped: the GWLB closed this connection (idle timeout)',
  INVALID_PACKET: 'Not sent: invalid packet',
}
export function dispositionWords(d: Disposition): string {
  return DISPOSITION_WORDS[d]
}

/** The resource where a trace ends: delivered to, or dropped at. */
export function endOf(t: Trace): string | null {
  return t.hops.at(-1)?.resourceId ?? null
}

export interface Endpoint {
  id: string
  label: string
}

const SOURCE_KINDS = new Set(['ecs', 'internetHost', 'appliance'])

export function sourcesOf(design: Design): Endpoint[] {
  return design.resources
    .filter((r) => SOURCE_KINDS.has(r.kind))
    .map((r) => ({ id: r.id, label: `${r.name ?? r.id} (${r.id})` }))
}

export interface Address {
  address: string
  label: string
  resourceId: string
  /** an EIP, reached from the internet */
  public: boolean
}

/** Every address a resource of the design holds: private addresses, EIPs, internet hosts, endpoint ENIs. */
export function addressesOf(design: Design): Address[] {
  const out: Address[] = []
  for (const r of design.resources) {
    const name = r.name ?? r.id
    if (r.kind === 'ecs') {
      out.push({
        address: r.privateIpAddress,
        label: `${name}: ${r.privateIpAddress}`,
        resourceId: r.id,
        public: false,
      })
      if (r.publicIpAddress)
        out.push({
          address: r.publicIpAddress,
          label: `${name}: ${r.publicIpAddress} (EIP)`,
          resourceId: r.id,
          public: true,
        })
    } else if (r.kind === 'internetHost')
      out.push({ address: r.ipAddress, label: `${name}: ${r.ipAddress}`, resourceId: r.id, public: true })
    else if (r.kind === 'appliance')
      out.push({
        address: r.privateIpAddress,
        label: `${name}: ${r.privateIpAddress}`,
        resourceId: r.id,
        public: false,
      })
    else if (r.kind === 'gwlbEndpoint')
      out.push({ address: r.ipAddress, label: `${name}: ${r.ipAddress}`, resourceId: r.id, public: false })
  }
  return out
}

/**
 * The address to send to when a resource is picked as the destination: from the internet its EIP (the only
 * address that reaches it from there), from inside the cloud its private address.
 */
export function addressFor(design: Design, sourceId: string, destinationId: string): string | null {
  const fromInternet = design.resources.find((r) => r.id === sourceId)?.kind === 'internetHost'
  const own = addressesOf(design).filter((a) => a.resourceId === destinationId)
  return (own.find((a) => a.public === fromInternet) ?? own[0])?.address ?? null
}

/** Where the walk sends from when the user has chosen nothing: the first internet host, else the first server, else the first appliance; '' when nothing in the design can send. */
export function defaultSource(design: Design): string {
  for (const kind of ['internetHost', 'ecs', 'appliance'] as const) {
    const r = design.resources.find((x) => x.kind === kind)
    if (r) return r.id
  }
  return ''
}

/**
 * Where the walk sends to when the user has chosen nothing: a server other than the source — from the internet
 * the first EIP (the only address that reaches a server from there), from inside the cloud the first server's
 * private address; '' when the design has no such server.
 */
export function defaultDestination(design: Design, sourceId: string): string {
  const fromInternet = design.resources.find((r) => r.id === sourceId)?.kind === 'internetHost'
  for (const r of design.resources) {
    if (r.kind !== 'ecs' || r.id === sourceId) continue
    if (!fromInternet) return r.privateIpAddress
    if (r.publicIpAddress) return r.publicIpAddress
  }
  return ''
}

/** Why a field of the walk's form is empty when the design offers nothing for it, in words that say what to add. */
export function emptyHint(design: Design, sourceId: string): string | null {
  if (!sourceId)
    return 'Nothing in this design can send a packet yet: add an internet host, an ECS instance or an appliance.'
  const fromInternet = design.resources.find((r) => r.id === sourceId)?.kind === 'internetHost'
  return fromInternet
    ? `No ECS instance has an EIP, so nothing of this design is reachable from ${sourceId}: give an instance an EIP, or type an address.`
    : `No other ECS instance to send to from ${sourceId}: add one, or type an address.`
}
