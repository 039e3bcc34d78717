// Route target groups (docs/cloud.md 6.4): what a group makes newly possible to get wrong. A member that cannot
// carry traffic (its endpoint connection not accepted), a route that names a member GWLBe directly and so does not
// fail over with the group, and a group no route names. May not touch: React, the DOM, zustand, worker/engine.
import type { Design, RouteTargetGroup } from '../../src/model'
import { problem } from './catalog'
import { updateResource } from './edit'
import { indexOf, label } from './lookup'
import type { Problem } from './problem'

/** The design without a group no route names (nothing else refers to a group), and without its layout entry. */
function withoutGroup(d: Design, id: string): Design {
  const { [id]: _drawn, ...layout } = d.layout
  return { ...d, resources: d.resources.filter((r) => r.id !== id), layout }
}

const role = (weight: number) => (weight === 100 ? 'active member' : 'standby')

export function routeTargetGroups(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const groups = ix.ofKind('routeTargetGroup')
  if (!groups.length) return out
  const memberOf = new Map<string, RouteTargetGroup>()
  for (const g of groups) for (const m of g.routeTargetMemberList) memberOf.set(m.memberId, g)
  const named = new Set<string>()
  for (const table of ix.ofKind('routeTable'))
    table.entries.forEach((entry, j) => {
      if (entry.nextHopType === 'RouteTargetGroup') named.add(entry.nextHopId)
      const group = entry.nextHopType === 'GatewayLoadBalancerEndpoint' ? memberOf.get(entry.nextHopId) : undefined
      if (!group || group.vpcId !== table.vpcId) return
      out.push(
        problem(
          'GWLB-W034',
          `Route table ${label(table)} sends ${entry.destinationCidrBlock} straight to GWLBe ${entry.nextHopId}, a member of route target group ${label(group)}: this route does not fail over with the group, so an outage of ${entry.nextHopId}'s zone cuts this traffic, and after a failover its two directions may pass different GWLBes. Send it to the group.`,
          [table.id, group.id, entry.nextHopId],
          {
            path: ix.path(table.id, `entries[${j}].nextHopId`),
            fix: {
              label: `Send ${entry.destinationCidrBlock} to route target group ${group.id}`,
              apply: (d) =>
                updateResource(d, table.id, 'routeTable', (t) => ({
                  ...t,
                  entries: t.entries.map((e, i) =>
                    i === j ? { ...e, nextHopType: 'RouteTargetGroup' as const, nextHopId: group.id } : e,
                  ),
                })),
            },
          },
        ),
      )
    })
  for (const g of groups) {
    g.routeTargetMemberList.forEach((m, j) => {
      const ep = ix.get(m.memberId, 'gwlbEndpoint')
      if (!ep || ep.connectionStatus === 'Connected') return
      const consequence =
        m.weight === 100
          ? 'the group cannot use it: its traffic goes to the standby from the start, and nothing is left to fail over to'
          : 'if the active member fails there is nothing to fail over to'
      out.push(
        problem(
          'GWLB-W033',
          `Route target group ${label(g)}'s ${role(m.weight)} ${label(ep)} is ${ep.connectionStatus}, not Connected: its probes fail, so ${consequence}.`,
          [g.id, ep.id],
          {
            path: ix.path(g.id, `routeTargetMemberList[${j}].memberId`),
            fix: {
              label: `Accept ${ep.id}'s connection (Connected)`,
              apply: (d) => updateResource(d, ep.id, 'gwlbEndpoint', (x) => ({ ...x, connectionStatus: 'Connected' })),
            },
          },
        ),
      )
    })
    if (!named.has(g.id))
      out.push(
        problem(
          'GWLB-W035',
          `No route entry names route target group ${label(g)}: it fails nothing over. Name it as the next hop of the routes that send traffic to its members, or delete it.`,
          [g.id],
          { fix: { label: `Delete route target group ${g.id}`, apply: (d) => withoutGroup(d, g.id) } },
        ),
      )
  }
  return out
}
