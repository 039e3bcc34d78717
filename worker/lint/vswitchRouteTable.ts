// vSwitch route tables of an inspected VPC: each service vSwitch sends 0.0.0.0/0 to the GWLBe of its zone, each
// GWLBe vSwitch sends 0.0.0.0/0 to the IPv4 gateway (the guide: Configure vSwitch route tables, Ensure high availability).
// May not touch: React, the DOM, zustand, worker/engine.
import type { Design, GwlbEndpoint, Ipv4Gateway, Resource, RouteEntry, RouteTable, Vpc, Vswitch } from '../../src/model'
import { problem } from './catalog'
import { routeVswitch } from './edit'
import { type DesignIndex, indexOf, label, named } from './lookup'
import type { Problem } from './problem'

export const DEFAULT_ROUTE = '0.0.0.0/0'

function tableWords(ix: DesignIndex, vsw: Vswitch): string {
  const table = ix.routeTableOf(vsw)
  return table ? `route table ${label(table)}` : 'the system route table'
}

/** A vSwitch's 0.0.0.0/0 route: its table and entry, where the entry leads, and the field a problem points at. */
interface DefaultRoute {
  table: RouteTable | undefined
  hit: { entry: RouteEntry; index: number } | undefined
  /** undefined: no 0.0.0.0/0 entry (in the vSwitch's table, or the system one) */
  target: Resource | undefined
  where: string
  /** the vSwitch and its table */
  ids: string[]
}

/** The vSwitch's 0.0.0.0/0 route; null when its entry names no valid next hop (the next-hop rules report that). */
function defaultRouteOf(ix: DesignIndex, vsw: Vswitch): DefaultRoute | null {
  const table = ix.routeTableOf(vsw)
  const hit = ix.entryFor(table, DEFAULT_ROUTE)
  const target = table && hit ? ix.validTarget(table, hit.entry) : undefined
  if (hit && !target) return null
  const where = table && hit ? ix.path(table.id, `entries[${hit.index}].nextHopId`) : ix.path(vsw.id, 'routeTableId')
  return { table, hit, target, where, ids: [vsw.id, ...(table ? [table.id] : [])] }
}

/**
 * A service vSwitch sends 0.0.0.0/0 to the GWLBe of its zone (`want`, when the VPC has one there), and nothing
 * more specific straight to the IPv4 gateway.
 */
function serviceVswitch(ix: DesignIndex, vsw: Vswitch, route: DefaultRoute, want: GwlbEndpoint | undefined): Problem[] {
  const { table, hit, target, where, ids } = route
  const out: Problem[] = []
  const fix = want && {
    label: `Send 0.0.0.0/0 to GWLBe ${want.id}`,
    apply: (d: Design) => routeVswitch(d, vsw.id, DEFAULT_ROUTE, 'GatewayLoadBalancerEndpoint', want.id),
  }
  if (!target)
    out.push(
      problem(
        'GWLB-E032',
        `${named('Service vSwitch', vsw)} has no 0.0.0.0/0 route in ${tableWords(ix, vsw)}: its servers' outbound and reply traffic is not sent through inspection${want ? ` (send it to GWLBe ${want.id})` : ''}.`,
        ids,
        { path: where, fix },
      ),
    )
  else if (target.kind !== 'gwlbEndpoint')
    out.push(
      problem(
        'GWLB-E032',
        `${named('Service vSwitch', vsw)} sends 0.0.0.0/0 to ${target.kind === 'ipv4Gateway' ? `the IPv4 gateway ${target.id}` : `${target.kind} ${target.id}`}, not to a GWLBe: its servers' outbound and reply traffic bypasses inspection.`,
        [...ids, target.id],
        { path: where, fix },
      ),
    )
  // a route target group carries every zone's traffic through one member on purpose (see gatewayRouteTable.ts)
  else if (want && target.zoneId !== vsw.zoneId && hit?.entry.nextHopType !== 'RouteTargetGroup')
    out.push(
      problem(
        'GWLB-W030',
        `${named('Service vSwitch', vsw)} in zone ${vsw.zoneId} sends 0.0.0.0/0 to GWLBe ${target.id} in zone ${target.zoneId}, not to GWLBe ${want.id} of its own zone: traffic crosses zones, the two directions of a flow may pass different GWLBes, and an outage of zone ${target.zoneId} cuts zone ${vsw.zoneId} too.`,
        [...ids, target.id, want.id],
        { path: where, fix },
      ),
    )
  if (table) out.push(...moreSpecificToGateway(ix, vsw, table, want, ids))
  return out
}

/** A more specific route wins over 0.0.0.0/0: one to the IPv4 gateway takes that traffic past inspection. */
function moreSpecificToGateway(
  ix: DesignIndex,
  vsw: Vswitch,
  table: RouteTable,
  want: GwlbEndpoint | undefined,
  ids: string[],
): Problem[] {
  const out: Problem[] = []
  table.entries.forEach((entry, index) => {
    if (entry.destinationCidrBlock === DEFAULT_ROUTE || ix.validTarget(table, entry)?.kind !== 'ipv4Gateway') return
    out.push(
      problem(
        'GWLB-W032',
        `${named('Service vSwitch', vsw)} sends ${entry.destinationCidrBlock} straight to the IPv4 gateway ${entry.nextHopId} in ${tableWords(ix, vsw)}: this route is more specific than 0.0.0.0/0, so its servers' traffic to ${entry.destinationCidrBlock} leaves uninspected${want ? ` (send it to GWLBe ${want.id}, or remove it if that traffic is meant to skip inspection)` : ''}.`,
        [...ids, entry.nextHopId],
        {
          path: ix.path(table.id, `entries[${index}].nextHopId`),
          fix: want && {
            label: `Send ${entry.destinationCidrBlock} to GWLBe ${want.id}`,
            apply: (d: Design) =>
              routeVswitch(d, vsw.id, entry.destinationCidrBlock, 'GatewayLoadBalancerEndpoint', want.id),
          },
        },
      ),
    )
  })
  return out
}

/** A GWLBe vSwitch sends 0.0.0.0/0 to the VPC's IPv4 gateway. */
function gwlbeVswitch(ix: DesignIndex, vsw: Vswitch, gateway: Ipv4Gateway, route: DefaultRoute): Problem[] {
  const { target, where, ids } = route
  const fix = {
    label: `Send 0.0.0.0/0 to IPv4 gateway ${gateway.id}`,
    apply: (d: Design) => routeVswitch(d, vsw.id, DEFAULT_ROUTE, 'Ipv4Gateway', gateway.id),
  }
  if (!target)
    return [
      problem(
        'GWLB-E033',
        `${named('GWLBe vSwitch', vsw)} has no 0.0.0.0/0 route in ${tableWords(ix, vsw)}: inspected outbound traffic has no way to the IPv4 gateway ${gateway.id} and is dropped.`,
        ids,
        { path: where, fix },
      ),
    ]
  if (target.kind === 'gwlbEndpoint')
    return [
      problem(
        'GWLB-E033',
        `${named('GWLBe vSwitch', vsw)} sends 0.0.0.0/0 to GWLBe ${target.id}: inspected traffic goes back into inspection instead of out through the IPv4 gateway ${gateway.id}${target.vswitchId === vsw.id ? ', round and round (a loop)' : ''}.`,
        [...ids, target.id],
        { path: where, fix },
      ),
    ]
  if (target.kind !== 'ipv4Gateway')
    return [
      problem(
        'GWLB-E033',
        `${named('GWLBe vSwitch', vsw)} sends 0.0.0.0/0 to ${target.kind} ${target.id}, not to the IPv4 gateway ${gateway.id}: inspected traffic does not reach the internet as Alibaba Cloud's GWLB guide routes it.`,
        [...ids, target.id],
        { path: where, fix },
      ),
    ]
  return []
}

/** Each zone of the VPC holding a service vSwitch needs its own GWLBe. */
function zonesWithoutEndpoint(vpc: Vpc, zonesWithout: Map<string, Vswitch[]>): Problem[] {
  return [...zonesWithout].map(([zone, vsws]) =>
    problem(
      'GWLB-E037',
      `${named('VPC', vpc)} has no GWLBe in zone ${zone}, where service vSwitch${vsws.length > 1 ? 'es' : ''} ${vsws.map((v) => label(v)).join(', ')} ${vsws.length > 1 ? 'are' : 'is'}: each zone needs its own GWLBe, and each service vSwitch is routed to the GWLBe of its zone. Create a GWLBe in ${zone}.`,
      vsws.map((v) => v.id),
    ),
  )
}

export function vswitchRouteTables(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const vpc of ix.ofKind('vpc')) {
    const gateway = ix.gatewayOf(vpc.id)
    if (!gateway || !ix.isInspectedVpc(vpc.id)) continue
    const zonesWithout = new Map<string, Vswitch[]>()
    for (const vsw of ix.vswitchesOf(vpc.id)) {
      const route = defaultRouteOf(ix, vsw)
      if (!route) continue
      const role = ix.role(vsw)
      if (role === 'service') {
        const want = ix.endpointInZone(vpc.id, vsw.zoneId)
        if (!want) zonesWithout.set(vsw.zoneId, [...(zonesWithout.get(vsw.zoneId) ?? []), vsw])
        out.push(...serviceVswitch(ix, vsw, route, want))
      } else if (role === 'gwlbe') out.push(...gwlbeVswitch(ix, vsw, gateway, route))
    }
    out.push(...zonesWithoutEndpoint(vpc, zonesWithout))
  }
  return out
}
