// Reference design (c): the two-zone deployment with zone failover through a route target group. The gateway
// route table and both service vSwitches send their traffic to one route target group of the two GWLBes,
// GWLBe H active (weight 100) and GWLBe I standby (weight 0), instead of each zone to its own GWLBe.
import type { Design, Resource } from '../design'
import type { Scenario } from '../scenario'
import { buildReferenceDesign } from './build'

export const ROUTE_TARGET_GROUP_ID = 'rtg-inspection'
export const ZONE_FAILURE_SCENARIO = 'zone-failure-with-route-target-group'

const ZONE_H = 'cn-hangzhou-h'

function rewire(r: Resource): Resource[] {
  if (r.kind === 'routeTable' && (r.id === 'rtb-gateway' || r.id === 'rtb-app-h'))
    return [
      {
        ...r,
        name: r.id === 'rtb-gateway' ? r.name : 'Service route table',
        entries: r.entries.map((e) => ({ ...e, nextHopType: 'RouteTargetGroup', nextHopId: ROUTE_TARGET_GROUP_ID })),
      },
    ]
  // both service vSwitches share one table: both send everything to the group
  if (r.kind === 'routeTable' && r.id === 'rtb-app-i') return []
  if (r.kind === 'vswitch' && r.routeTableId === 'rtb-app-i') return [{ ...r, routeTableId: 'rtb-app-h' }]
  return [r]
}

function scenarios(base: Design): Scenario[] {
  // traffic of the zone that stays up: web server 2, in zone I, answering the internet and fetching updates
  const flows = (base.scenarios.find((s) => s.name === 'steady')?.flows ?? []).map((f) =>
    f.id === 'inbound-https'
      ? { ...f, name: 'Internet clients to web server 2 (HTTPS)', destinationAddress: '47.98.10.12' }
      : f,
  )
  return [
    {
      name: 'steady',
      description: 'Inbound HTTPS and outbound updates of web server 2, nothing fails.',
      flows,
      faults: [],
    },
    {
      name: ZONE_FAILURE_SCENARIO,
      description: `Zone ${ZONE_H} goes down at 30 s, taking GWLBe H, the group's active member, with it; the group fails over to GWLBe I within 30 s. The zone comes back at 90 s: traffic stays on GWLBe I until someone switches back (SwitchActiveRouteTarget).`,
      flows,
      faults: [{ atSeconds: 30, untilSeconds: 90, fault: { kind: 'zoneDown', zoneId: ZONE_H } }],
    },
  ]
}

/** Reference design (c) without layout; the examples add a layout to it. */
export function buildZoneFailoverDesign(): Design {
  const base = buildReferenceDesign(2)
  const group: Resource = {
    kind: 'routeTargetGroup',
    id: ROUTE_TARGET_GROUP_ID,
    name: 'Zone failover group',
    vpcId: 'vpc-service',
    configMode: 'Active-Standby',
    routeTargetMemberList: [
      { memberId: 'gwlbe-h', memberType: 'GatewayLoadBalancerEndpoint', weight: 100 },
      { memberId: 'gwlbe-i', memberType: 'GatewayLoadBalancerEndpoint', weight: 0 },
    ],
  }
  const resources = base.resources.flatMap(rewire)
  const at = resources.findIndex((r) => r.id === 'gwlbe-i')
  resources.splice(at + 1, 0, group)
  return {
    ...base,
    name: 'GWLB inspection, zone failover',
    description:
      'The two-zone deployment with a route target group: every route that steers traffic into inspection names the group, whose active GWLBe (zone H) carries all traffic while healthy; if it fails, the standby GWLBe (zone I) takes over within 30 s, and traffic stays there until switched back.',
    resources,
    scenarios: scenarios(base),
  }
}
