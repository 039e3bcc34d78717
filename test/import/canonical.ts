// The canonical form a round trip compares: the resources by kind and key fields, the routes, the memberships,
// with ids renamed to the imported ones. What an export cannot say (an appliance's rules and simulated state,
// a server's role, internet hosts, scenarios, addresses the cloud allocates) is left out.
import type { Design, Resource } from '../../src/model'

export function canonical(design: Design, rename: (id: string) => string = (id) => id) {
  const out: Record<string, unknown>[] = []
  for (const r of design.resources as Resource[]) {
    const id = rename(r.id)
    switch (r.kind) {
      case 'internetHost':
        break
      case 'ecs':
      case 'appliance':
        out.push({
          kind: r.kind,
          id,
          name: r.name,
          vswitchId: rename(r.vswitchId),
          privateIpAddress: r.privateIpAddress,
          securityGroupIds: r.securityGroupIds.map(rename),
          hasPublicIp: r.kind === 'ecs' && r.publicIpAddress !== undefined,
        })
        break
      case 'vswitch':
        out.push({ ...r, id, vpcId: rename(r.vpcId), routeTableId: r.routeTableId && rename(r.routeTableId) })
        break
      case 'routeTable':
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          entries: r.entries.map((e) => ({ ...e, nextHopId: rename(e.nextHopId) })),
        })
        break
      case 'ipv4Gateway':
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          gatewayRouteTableId: r.gatewayRouteTableId && rename(r.gatewayRouteTableId),
        })
        break
      case 'securityGroup':
        out.push({ ...r, id, vpcId: rename(r.vpcId) })
        break
      case 'gwlb': {
        const sg = r.serverGroup && {
          ...r.serverGroup,
          serverFailoverMode: undefined,
          servers: r.serverGroup.servers.map(rename),
        }
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          zoneMappings: r.zoneMappings.map((m) => ({ zoneId: m.zoneId, vswitchId: rename(m.vswitchId) })),
          serverGroup: sg,
        })
        break
      }
      case 'endpointService':
        out.push({ ...r, id, resources: r.resources.map((x) => ({ ...x, resourceId: rename(x.resourceId) })) })
        break
      case 'gwlbEndpoint':
        out.push({ ...r, id, vpcId: rename(r.vpcId), serviceId: rename(r.serviceId), vswitchId: rename(r.vswitchId) })
        break
      default:
        out.push({ ...r, id })
    }
  }
  const sorted = out.sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`))
  return {
    regionId: design.regionId,
    zones: [...design.zones].sort(),
    accounts: design.accounts.map((a) => a.id).sort(),
    resources: JSON.parse(JSON.stringify(sorted)),
  }
}
