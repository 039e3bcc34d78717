// The IPv4 gateway's route table: inbound traffic to each service vSwitch must go to the GWLBe of its zone
// (the guide: Configure a gateway route table). May not touch: React, the DOM, zustand, worker/engine.
import type { Design, RouteTable } from '../../src/model'
import { problem } from './catalog'
import { addResource, freshId, updateResource, withRoute } from './edit'
import { indexOf, label, named } from './lookup'
import type { Problem } from './problem'

/** Binds a gateway route table to the gateway (an unbound one of the VPC, or a new one) with the guide's entries. */
function bindGatewayTable(design: Design, gatewayId: string): Design {
  const ix = indexOf(design)
  const gateway = ix.get(gatewayId, 'ipv4Gateway')
  if (!gateway) return design
  const bound = new Set(ix.ofKind('ipv4Gateway').map((g) => g.gatewayRouteTableId))
  const existing = ix
    .ofKind('routeTable')
    .find((t) => t.vpcId === gateway.vpcId && t.routeTableType === 'Gateway' && !bound.has(t.id))
  let entries = existing?.entries ?? []
  for (const vsw of ix.vswitchesOf(gateway.vpcId)) {
    const endpoint = ix.role(vsw) === 'service' ? ix.endpointInZone(gateway.vpcId, vsw.zoneId) : undefined
    if (endpoint) entries = withRoute(entries, vsw.cidrBlock, 'GatewayLoadBalancerEndpoint', endpoint.id)
  }
  const table: RouteTable = existing
    ? { ...existing, entries }
    : {
        kind: 'routeTable',
        id: freshId(design, `rtb-${gatewayId}`),
        name: 'Gateway route table',
        vpcId: gateway.vpcId,
        routeTableType: 'Gateway',
        entries,
      }
  const withTable = existing ? updateResource(design, table.id, 'routeTable', () => table) : addResource(design, table)
  return updateResource(withTable, gatewayId, 'ipv4Gateway', (g) => ({ ...g, gatewayRouteTableId: table.id }))
}

export function gatewayRouteTables(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const vpc of ix.ofKind('vpc')) {
    const gateway = ix.gatewayOf(vpc.id)
    if (!gateway || !ix.isInspectedVpc(vpc.id)) continue
    const table = ix.get(gateway.gatewayRouteTableId, 'routeTable')
    if (!table) {
      out.push(
        problem(
          'GWLB-E030',
          `IPv4 gateway ${label(gateway)} has no gateway route table, though ${named('VPC', vpc)} has GWLB endpoints: inbound internet traffic goes straight to the servers and bypasses inspection.`,
          [gateway.id, vpc.id],
          {
            path: ix.path(gateway.id, 'gatewayRouteTableId'),
            fix: {
              label: 'Bind a gateway route table sending each service vSwitch to its zone’s GWLBe',
              apply: (d) => bindGatewayTable(d, gateway.id),
            },
          },
        ),
      )
      continue
    }
    for (const vsw of ix.vswitchesOf(vpc.id)) {
      if (ix.role(vsw) !== 'service') continue
      const want = ix.endpointInZone(vpc.id, vsw.zoneId)
      const point = want && {
        label: `Send ${vsw.cidrBlock} to GWLBe ${want.id}`,
        apply: (d: Design) =>
          updateResource(d, table.id, 'routeTable', (t) => ({
            ...t,
            entries: withRoute(t.entries, vsw.cidrBlock, 'GatewayLoadBalancerEndpoint', want.id),
          })),
      }
      const hit = ix.entryFor(table, vsw.cidrBlock)
      if (!hit) {
        out.push(
          problem(
            'GWLB-E031',
            `${named('Gateway route table', table)} keeps the system (Local) route for service vSwitch ${label(vsw)} (${vsw.cidrBlock}): inbound internet traffic reaches its servers without inspection${want ? `. Change the next hop to GWLBe ${want.id}, in the vSwitch's zone ${vsw.zoneId}` : ''}.`,
            [table.id, vsw.id],
            { path: ix.path(table.id, 'entries'), fix: point },
          ),
        )
        continue
      }
      const target = ix.validTarget(table, hit.entry)
      if (!target) continue
      const at = { path: ix.path(table.id, `entries[${hit.index}].nextHopId`) }
      if (target.kind !== 'gwlbEndpoint') {
        out.push(
          problem(
            'GWLB-E031',
            `${named('Gateway route table', table)} sends inbound traffic for service vSwitch ${label(vsw)} (${vsw.cidrBlock}) to ${target.kind} ${target.id}, not to a GWLBe: it bypasses inspection.`,
            [table.id, vsw.id, target.id],
            { ...at, fix: point },
          ),
        )
      } else if (want && target.zoneId !== vsw.zoneId && hit.entry.nextHopType !== 'RouteTargetGroup') {
        // a route target group carries every zone's traffic through its active member on purpose: the same
        // member takes both directions, and the group fails over when its zone fails
        out.push(
          problem(
            'GWLB-W030',
            `${named('Gateway route table', table)} sends inbound traffic for ${label(vsw)} (zone ${vsw.zoneId}) to GWLBe ${target.id} in zone ${target.zoneId}, not to GWLBe ${want.id} of its own zone: traffic crosses zones, the two directions of a flow may pass different GWLBes, and an outage of zone ${target.zoneId} cuts zone ${vsw.zoneId} too.`,
            [table.id, vsw.id, target.id, want.id],
            { ...at, fix: point },
          ),
        )
      }
    }
  }
  return out
}
