// The next hops a route table may name, by table type (docs/cloud.md 6.1): what the console offers.
import type { Design, RouteEntry, RouteTable } from '../model'

export interface NextHopChoice {
  id: string
  type: RouteEntry['nextHopType']
  label: string
}

export function nextHopChoices(design: Design, table: RouteTable): NextHopChoice[] {
  const vswitchVpc = new Map(design.resources.flatMap((r) => (r.kind === 'vswitch' ? [[r.id, r.vpcId] as const] : [])))
  const out: NextHopChoice[] = []
  for (const r of design.resources) {
    const name = r.name ?? r.id
    if (r.kind === 'gwlbEndpoint' && r.vpcId === table.vpcId)
      out.push({ id: r.id, type: 'GatewayLoadBalancerEndpoint', label: `${name} (GWLB endpoint, ${r.zoneId})` })
    if (r.kind === 'ipv4Gateway' && r.vpcId === table.vpcId && table.routeTableType === 'VSwitch')
      out.push({ id: r.id, type: 'Ipv4Gateway', label: `${name} (IPv4 gateway)` })
    if (r.kind === 'routeTargetGroup' && r.vpcId === table.vpcId) {
      const members = r.routeTargetMemberList.map((m) => `${m.memberId}${m.weight === 100 ? ' active' : ' standby'}`)
      out.push({ id: r.id, type: 'RouteTargetGroup', label: `${name} (route target group: ${members.join(', ')})` })
    }
    if ((r.kind === 'ecs' || r.kind === 'appliance') && vswitchVpc.get(r.vswitchId) === table.vpcId)
      out.push({ id: r.id, type: 'Instance', label: `${name} (instance)` })
  }
  return out
}
