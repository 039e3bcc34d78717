// GWLBs with their per-zone nodes, endpoint services, and GWLB endpoints (GWLBe).
import { CONNECTION_STATUSES } from '../../../src/model'
import {
  type CAppliance,
  type CEndpointService,
  type CGwlb,
  type CGwlbEndpoint,
  type CGwlbNode,
  type CVpc,
  type CVswitch,
  T_GWLB_NODE,
  T_GWLBE,
  targetCode,
} from '../network'
import { checked } from '../numbered'
import { addrOf, type CompileContext } from './context'

/** Compiles the GWLBs and their nodes, marking each member appliance with its GWLB. */
function compileGwlbs(cx: CompileContext, vpcs: CVpc[], appliances: CAppliance[]) {
  const { byId, of, name, zones, zoneIndex, vpcIdx } = cx
  const nodes: CGwlbNode[] = []
  const gwlbs: CGwlb[] = of('gwlb').map((r, index) => {
    byId.set(r.id, { kind: 'gwlb', index })
    const sg = r.serverGroup
    const members = Int32Array.from((sg?.servers ?? []).map((s) => byId.get(s)?.index ?? -1).filter((i) => i >= 0))
    for (const m of members) {
      const member = checked(appliances, m, 'appliance')
      if (member.gwlb < 0) member.gwlb = index
    }
    const nodeByZone = new Int32Array(zones.length).fill(-1)
    const vpc = vpcIdx(r.vpcId)
    for (const m of r.zoneMappings) {
      const zone = zoneIndex.get(m.zoneId) ?? -1
      const addr = addrOf(m.privateIpAddress)
      const node = nodes.length
      nodeByZone[zone] = node
      const candidates = r.crossZoneEnabled
        ? members
        : Int32Array.from([...members].filter((a) => checked(appliances, a, 'appliance').zone === zone))
      nodes.push({ index: node, gwlb: index, zone, addr, address: m.privateIpAddress, candidates })
      checked(vpcs, vpc, 'VPC').addrs.set(addr, targetCode(node, T_GWLB_NODE))
    }
    const scheduler = sg?.scheduler ?? '5TCH'
    return {
      id: r.id,
      name: name(r),
      index,
      vpc,
      crossZone: r.crossZoneEnabled,
      listener: r.listener !== undefined && sg !== undefined,
      scheduler: scheduler === '5TCH' ? 5 : scheduler === '3TCH' ? 3 : 2,
      schedulerName: scheduler,
      rebalance: sg?.serverFailoverMode === 'Rebalance',
      healthCheck: sg?.healthCheck.enabled ?? false,
      healthCheckPort: sg?.healthCheck.port ?? 0,
      members,
      nodeByZone,
    }
  })
  return { nodes, gwlbs }
}

function compileServices({ byId, of, name, zones, zoneIndex }: CompileContext, gwlbs: CGwlb[]): CEndpointService[] {
  return of('endpointService').map((r, index) => {
    byId.set(r.id, { kind: 'endpointService', index })
    const nodeByZone = new Int32Array(zones.length).fill(-1)
    for (const res of r.resources) {
      const z = zoneIndex.get(res.zoneId) ?? -1
      const g = byId.get(res.resourceId)
      // several GWLBs in one zone: the endpoint uses the first listed (AWS documents one GWLB per zone per endpoint)
      if (z >= 0 && g?.kind === 'gwlb' && nodeByZone[z] === -1)
        nodeByZone[z] = checked(gwlbs, g.index, 'GWLB').nodeByZone[z] ?? -1
    }
    return {
      id: r.id,
      name: name(r),
      index,
      account: r.accountId,
      whitelistAll: r.whitelist.includes('*'),
      whitelist: new Set(r.whitelist.filter((w) => w !== '*')),
      nodeByZone,
    }
  })
}

function compileEndpoints(
  { byId, of, name, compiled }: CompileContext,
  vpcs: CVpc[],
  vswitches: CVswitch[],
  services: CEndpointService[],
): CGwlbEndpoint[] {
  return of('gwlbEndpoint').map((r, index) => {
    byId.set(r.id, { kind: 'gwlbEndpoint', index })
    const vsw = compiled(vswitches, r.vswitchId, 'vswitch')
    const s = compiled(services, r.serviceId, 'endpointService')
    const addr = addrOf(r.ipAddress)
    checked(vpcs, vsw.vpc, 'VPC').addrs.set(addr, targetCode(index, T_GWLBE))
    return {
      id: r.id,
      name: name(r),
      index,
      vpc: vsw.vpc,
      vswitch: vsw.index,
      zone: vsw.zone,
      addr,
      address: r.ipAddress,
      account: r.accountId,
      service: s.index,
      // the provider's own account is always on its whitelist
      whitelisted: s.whitelistAll || s.whitelist.has(r.accountId) || s.account === r.accountId,
      initialStatus: CONNECTION_STATUSES.indexOf(r.connectionStatus),
      table: -1,
    }
  })
}

/** GWLBs (with their nodes), then the endpoint services over them, then the GWLBes of those services. */
export function compileLoadBalancers(
  cx: CompileContext,
  vpcs: CVpc[],
  vswitches: CVswitch[],
  appliances: CAppliance[],
) {
  const { nodes, gwlbs } = compileGwlbs(cx, vpcs, appliances)
  const services = compileServices(cx, gwlbs)
  const endpoints = compileEndpoints(cx, vpcs, vswitches, services)
  return { nodes, gwlbs, services, endpoints }
}
