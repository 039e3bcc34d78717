// Compiles a design into forwarding state: numbered resources, prefix lookups, rule lists. May not touch: React, the DOM, zustand, runtime state.
// The steps live in ./compile/ (instances, load balancers and endpoints, route tables); this file orders them:
// each step numbers its resources in byId before a later step refers to them.
import type { Design } from '../../src/model'
import { AddrTable, SCOPE_PUBLIC } from './addrTable'
import { type AssumptionValues, DEFAULT_ASSUMPTIONS, type EngineOptions } from './assumptions'
import { addrOf, type CompileContext, cidrOf, compileContext } from './compile/context'
import { compileInstances } from './compile/instances'
import { compileLoadBalancers } from './compile/loadBalancers'
import { buildRouteRegion, compileRouteTables } from './compile/routeTables'
import { compileRouteTargetGroups } from './compile/routeTargetGroups'
import {
  type CInternetHost,
  type CIpv4Gateway,
  type CVpc,
  type CVswitch,
  type Network,
  T_HOST,
  targetCode,
} from './network'
import { compileSecurityGroups } from './securityGroups'

export { systemTableId } from './compile/routeTables'

/** Turns a validated design into forwarding state. The design must have come through parse(). */
export function compile(design: Design, options: EngineOptions = {}): Network {
  const assumptions: AssumptionValues = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions }
  const cx = compileContext(design)
  const { byId } = cx
  const { vpcs, vswitches, ipv4Gateways } = compileVpcs(cx)
  const securityGroups = compileSecurityGroups(design)
  for (const g of cx.of('securityGroup'))
    byId.set(g.id, { kind: 'securityGroup', index: securityGroups.index.get(g.id) ?? -1 })
  const publicAddrs = new Map<number, number>()
  const { ecs, appliances } = compileInstances(cx, vpcs, vswitches, securityGroups.index, publicAddrs)
  const { nodes, gwlbs, services, endpoints } = compileLoadBalancers(cx, vpcs, vswitches, appliances)
  const hosts: CInternetHost[] = cx.of('internetHost').map((r, index) => {
    byId.set(r.id, { kind: 'internetHost', index })
    const addr = addrOf(r.ipAddress)
    publicAddrs.set(addr, targetCode(index, T_HOST))
    return { id: r.id, name: cx.name(r), index, addr, address: r.ipAddress }
  })
  const routeTargetGroups = compileRouteTargetGroups(cx, endpoints)
  const tables = compileRouteTables(cx, vpcs, vswitches, {
    ipv4Gateways,
    endpoints,
    ecs,
    appliances,
    routeTargetGroups,
  })

  const longestPrefix = assumptions.routeSelection === 'longestPrefix'
  const region: number[] = []
  const routeAt = new Int32Array(tables.length)
  tables.forEach((t, i) => {
    routeAt[i] = region.length
    buildRouteRegion(t, longestPrefix, region)
  })
  const addrTable = new AddrTable(publicAddrs.size + vpcs.reduce((n, v) => n + v.addrs.size, 0))
  for (const v of vpcs) for (const [addr, code] of v.addrs) addrTable.set(v.index, addr, code)
  for (const [addr, code] of publicAddrs) addrTable.set(SCOPE_PUBLIC, addr, code)

  return {
    design,
    assumptions,
    maxHops: options.maxHops ?? 64,
    zones: cx.zones,
    zoneIndex: cx.zoneIndex,
    byId,
    vpcs,
    vswitches,
    tables,
    ipv4Gateways,
    ecs,
    appliances,
    gwlbs,
    nodes,
    services,
    endpoints,
    routeTargetGroups,
    hosts,
    securityGroups: securityGroups.list,
    publicAddrs,
    addrTable,
    routes: Int32Array.from(region),
    routeAt,
    // outer IPv4 20 + UDP 8 + Geneve base 8 + options (docs/cloud.md 4.2)
    geneveOverhead: 36 + (assumptions.geneveOptions === 'awsTlvs' ? 32 : 12),
  }
}

/** VPCs, their vSwitches and IPv4 gateways (a VPC's first gateway is the one it uses). */
function compileVpcs({ byId, of, name, zoneIndex, vpcIdx }: CompileContext) {
  const vpcs: CVpc[] = of('vpc').map((r, index) => {
    byId.set(r.id, { kind: 'vpc', index })
    return { id: r.id, name: name(r), index, cidr: r.cidrBlock, addrs: new Map(), ipv4Gateway: -1, systemTable: -1 }
  })
  const vswitches: CVswitch[] = of('vswitch').map((r, index) => {
    byId.set(r.id, { kind: 'vswitch', index })
    const c = cidrOf(r.cidrBlock)
    return {
      id: r.id,
      name: name(r),
      index,
      vpc: vpcIdx(r.vpcId),
      zone: zoneIndex.get(r.zoneId) ?? -1,
      base: c.base,
      mask: c.mask,
      cidr: r.cidrBlock,
      table: -1,
    }
  })
  const ipv4Gateways: CIpv4Gateway[] = of('ipv4Gateway').map((r, index) => {
    byId.set(r.id, { kind: 'ipv4Gateway', index })
    const vpc = vpcIdx(r.vpcId)
    const home = vpcs[vpc]
    if (home && home.ipv4Gateway < 0) home.ipv4Gateway = index
    return { id: r.id, name: name(r), index, vpc, table: -1 }
  })
  return { vpcs, vswitches, ipv4Gateways }
}
