// Compiles a design into forwarding state: numbered resources, prefix lookups, rule lists. May not touch: React, the DOM, zustand, runtime state.
import {
  CLOUD_SERVICES_CIDR,
  CONNECTION_STATUSES,
  type Design,
  formatCidr,
  maskOf,
  parseCidr,
  parseIpv4,
  parsePortRange,
  type Resource,
  type ResourceKind,
  type ResourceOf,
} from '../../src/model'
import { AddrTable, SCOPE_PUBLIC } from './addrTable'
import { type AssumptionValues, DEFAULT_ASSUMPTIONS, type EngineOptions } from './assumptions'
import { stringSeed } from './hash'
import {
  type CAppliance,
  type CEcs,
  type CEndpointService,
  type CGwlb,
  type CGwlbEndpoint,
  type CGwlbNode,
  type CInstance,
  type CInstanceSecurity,
  type CInternetHost,
  type CIpv4Gateway,
  type CRouteEntry,
  type CRouteTable,
  type CSecurityGroupRule,
  type CVpc,
  type CVswitch,
  type Network,
  NH_BLACKHOLE,
  NH_CLOUD_SERVICES,
  NH_GWLBE,
  NH_INSTANCE,
  NH_IPV4_GATEWAY,
  NH_LOCAL,
  NIC_MTU_JUMBO,
  NIC_MTU_STANDARD,
  protocolNumber,
  RUN_HUNG,
  RUN_RUNNING,
  RUN_STOPPED,
  T_APPLIANCE,
  T_ECS,
  T_GWLB_NODE,
  T_GWLBE,
  T_HOST,
  targetCode,
} from './network'
import { compileSecurityGroups } from './securityGroups'
import type { RouteRule } from './types'

function cidrOf(text: string): { base: number; mask: number; prefix: number } {
  const p = parseCidr(text)
  // the loader has checked every CIDR; a bad one here is a programming error
  if (!p.ok) throw new Error(`engine: unchecked CIDR ${text}`)
  const mask = maskOf(p.cidr.prefix)
  return { base: p.cidr.base | 0, mask: mask | 0, prefix: p.cidr.prefix }
}

function addrOf(text: string): number {
  const a = parseIpv4(text)
  if (a === null) throw new Error(`engine: unchecked address ${text}`)
  return a | 0
}

function compileSg(
  ids: string[],
  groups: Map<string, ResourceOf<'securityGroup'>>,
  groupIndex: Map<string, number>,
): CInstanceSecurity {
  const ingress: (CSecurityGroupRule & { order: number })[] = []
  const egress: (CSecurityGroupRule & { order: number })[] = []
  let order = 0
  for (const id of ids) {
    const g = groups.get(id)
    if (!g) continue
    g.rules.forEach((r, i) => {
      const c = cidrOf((r.direction === 'ingress' ? r.sourceCidrIp : r.destCidrIp) ?? '0.0.0.0/0')
      const ports = parsePortRange(r.portRange)
      const rule = {
        proto: protocolNumber(r.ipProtocol),
        from: ports.from,
        to: ports.to,
        base: c.base,
        mask: c.mask,
        accept: r.policy === 'accept',
        order: order++,
        ref: {
          type: 'securityGroup' as const,
          direction: r.direction,
          securityGroupId: g.id,
          ruleIndex: i,
          policy: r.policy,
          priority: r.priority,
          ...(r.description ? { description: r.description } : {}),
        },
      }
      ;(r.direction === 'ingress' ? ingress : egress).push(rule)
    })
  }
  // Alibaba: lower priority number first; on a tie a drop rule wins
  const byPriority = (a: CSecurityGroupRule & { order: number }, b: CSecurityGroupRule & { order: number }) =>
    (a.ref.priority ?? 0) - (b.ref.priority ?? 0) || Number(a.accept) - Number(b.accept) || a.order - b.order
  const strip = ({ order: _o, ...rule }: CSecurityGroupRule & { order: number }): CSecurityGroupRule => rule
  return {
    ids,
    groups: Int32Array.from(ids.flatMap((id) => groupIndex.get(id) ?? [])),
    type: ids.some((id) => groups.get(id)?.securityGroupType === 'enterprise') ? 'enterprise' : 'basic',
    ingress: ingress.sort(byPriority).map(strip),
    egress: egress.sort(byPriority).map(strip),
  }
}

/** Appends a table's look-up region (see RT_GROUPS) to `out`. */
function buildRouteRegion(table: CRouteTable, longestPrefix: boolean, out: number[]): void {
  // each group: its mask and its entries' indexes
  const groups: { mask: number; entries: number[] }[] = []
  if (longestPrefix) {
    const lens = [...new Set(table.entries.map((e) => e.prefix))].sort((a, b) => b - a)
    // one entry per (length, base): a later entry replaces an earlier one with the same prefix
    const byBase = lens.map(() => new Map<number, number>())
    table.entries.forEach((e, i) => {
      byBase[lens.indexOf(e.prefix)].set(e.base, i)
    })
    lens.forEach((len, g) => {
      groups.push({ mask: maskOf(len) | 0, entries: [...byBase[g].values()] })
    })
  } else {
    // entry order: entries compare their own mask and base, so a base with host bits set never matches
    table.entries.forEach((e, i) => {
      groups.push({ mask: e.mask, entries: [i] })
    })
  }
  out.push(groups.length, table.vpc)
  for (const g of groups) {
    out.push(g.mask, g.entries.length)
    for (const i of [...g.entries].sort((a, b) => table.entries[a].base - table.entries[b].base)) {
      const e = table.entries[i]
      out.push(e.base, i, e.nextHop, e.target)
    }
  }
}

/** Turns a validated design into forwarding state. The design must have come through parse(). */
export function compile(design: Design, options: EngineOptions = {}): Network {
  const assumptions: AssumptionValues = { ...DEFAULT_ASSUMPTIONS, ...options.assumptions }
  const zones = [...design.zones]
  const zoneIndex = new Map(zones.map((z, i) => [z, i]))
  const byId = new Map<string, { kind: ResourceKind; index: number }>()
  const of = <K extends ResourceKind>(kind: K) => design.resources.filter((r): r is ResourceOf<K> => r.kind === kind)
  const name = (r: Resource) => r.name ?? r.id

  const vpcs: CVpc[] = of('vpc').map((r, index) => {
    byId.set(r.id, { kind: 'vpc', index })
    return { id: r.id, name: name(r), index, cidr: r.cidrBlock, addrs: new Map(), ipv4Gateway: -1, systemTable: -1 }
  })
  const vpcIdx = (id: string) => byId.get(id)?.index ?? -1

  const vswRes = of('vswitch')
  const vswitches: CVswitch[] = vswRes.map((r, index) => {
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
  const groups = new Map(of('securityGroup').map((g) => [g.id, g]))
  const securityGroups = compileSecurityGroups(design)
  for (const g of groups.values())
    byId.set(g.id, { kind: 'securityGroup', index: securityGroups.index.get(g.id) ?? -1 })

  const ipv4Gateways: CIpv4Gateway[] = of('ipv4Gateway').map((r, index) => {
    byId.set(r.id, { kind: 'ipv4Gateway', index })
    const vpc = vpcIdx(r.vpcId)
    if (vpc >= 0 && vpcs[vpc].ipv4Gateway < 0) vpcs[vpc].ipv4Gateway = index
    return { id: r.id, name: name(r), index, vpc, table: -1 }
  })

  // instances with the same groups share one compiled list: less to build, and fewer cache lines per packet
  const sgs = new Map<string, CInstanceSecurity>()
  const sgOf = (ids: string[]): CInstanceSecurity => {
    const key = ids.join('\n')
    let sg = sgs.get(key)
    if (!sg) {
      sg = compileSg(ids, groups, securityGroups.index)
      sgs.set(key, sg)
    }
    return sg
  }
  const instance = (r: ResourceOf<'ecs'> | ResourceOf<'appliance'>, index: number): CInstance => {
    const vsw = vswitches[byId.get(r.vswitchId)?.index ?? -1]
    return {
      id: r.id,
      name: name(r),
      index,
      vpc: vsw.vpc,
      vswitch: vsw.index,
      zone: vsw.zone,
      addr: addrOf(r.privateIpAddress),
      address: r.privateIpAddress,
      sg: sgOf(r.securityGroupIds),
      table: -1,
    }
  }
  const publicAddrs = new Map<number, number>()
  const ecs: CEcs[] = of('ecs').map((r, index) => {
    byId.set(r.id, { kind: 'ecs', index })
    const c = instance(r, index)
    vpcs[c.vpc].addrs.set(c.addr, targetCode(index, T_ECS))
    const eip = r.publicIpAddress ? addrOf(r.publicIpAddress) : 0
    if (r.publicIpAddress) publicAddrs.set(eip, targetCode(index, T_ECS))
    return { ...c, eip, eipText: r.publicIpAddress ?? null }
  })
  const appliances: CAppliance[] = of('appliance').map((r, index) => {
    byId.set(r.id, { kind: 'appliance', index })
    const c = instance(r, index)
    vpcs[c.vpc].addrs.set(c.addr, targetCode(index, T_APPLIANCE))
    return {
      ...c,
      jumbo: r.jumboFrames,
      mtu: r.jumboFrames ? NIC_MTU_JUMBO : NIC_MTU_STANDARD,
      stateful: r.stateful,
      policy: r.policy.rules.map((p, i) => {
        const s = cidrOf(p.sourceCidrIp)
        const d = cidrOf(p.destCidrIp)
        const ports = parsePortRange(p.portRange)
        return {
          proto: protocolNumber(p.protocol),
          from: ports.from,
          to: ports.to,
          srcBase: s.base,
          srcMask: s.mask,
          dstBase: d.base,
          dstMask: d.mask,
          allow: p.action === 'allow',
          ref: {
            type: 'appliancePolicy' as const,
            applianceId: r.id,
            ruleIndex: i,
            action: p.action,
            ...(p.description ? { description: p.description } : {}),
          },
        }
      }),
      defaultAllow: r.policy.defaultAction === 'allow',
      initialRun: r.state === 'running' ? RUN_RUNNING : r.state === 'stopped' ? RUN_STOPPED : RUN_HUNG,
      seed: stringSeed(r.id),
      gwlb: -1,
    }
  })

  const nodes: CGwlbNode[] = []
  const gwlbs: CGwlb[] = of('gwlb').map((r, index) => {
    byId.set(r.id, { kind: 'gwlb', index })
    const sg = r.serverGroup
    const members = Int32Array.from((sg?.servers ?? []).map((s) => byId.get(s)?.index ?? -1).filter((i) => i >= 0))
    for (const m of members) if (appliances[m].gwlb < 0) appliances[m].gwlb = index
    const nodeByZone = new Int32Array(zones.length).fill(-1)
    const vpc = vpcIdx(r.vpcId)
    for (const m of r.zoneMappings) {
      const zone = zoneIndex.get(m.zoneId) ?? -1
      const addr = addrOf(m.privateIpAddress)
      const node = nodes.length
      nodeByZone[zone] = node
      const candidates = r.crossZoneEnabled
        ? members
        : Int32Array.from([...members].filter((a) => appliances[a].zone === zone))
      nodes.push({ index: node, gwlb: index, zone, addr, address: m.privateIpAddress, candidates })
      vpcs[vpc].addrs.set(addr, targetCode(node, T_GWLB_NODE))
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
      members,
      nodeByZone,
    }
  })

  const services: CEndpointService[] = of('endpointService').map((r, index) => {
    byId.set(r.id, { kind: 'endpointService', index })
    const nodeByZone = new Int32Array(zones.length).fill(-1)
    for (const res of r.resources) {
      const z = zoneIndex.get(res.zoneId) ?? -1
      const g = byId.get(res.resourceId)
      // several GWLBs in one zone: the endpoint uses the first listed (AWS documents one GWLB per zone per endpoint)
      if (z >= 0 && g?.kind === 'gwlb' && nodeByZone[z] < 0) nodeByZone[z] = gwlbs[g.index].nodeByZone[z]
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

  const endpoints: CGwlbEndpoint[] = of('gwlbEndpoint').map((r, index) => {
    byId.set(r.id, { kind: 'gwlbEndpoint', index })
    const vsw = vswitches[byId.get(r.vswitchId)?.index ?? -1]
    const service = byId.get(r.serviceId)?.index ?? -1
    const s = services[service]
    const addr = addrOf(r.ipAddress)
    vpcs[vsw.vpc].addrs.set(addr, targetCode(index, T_GWLBE))
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
      service,
      // the provider's own account is always on its whitelist
      whitelisted: s.whitelistAll || s.whitelist.has(r.accountId) || s.account === r.accountId,
      initialStatus: CONNECTION_STATUSES.indexOf(r.connectionStatus),
      table: -1,
    }
  })

  const hosts: CInternetHost[] = of('internetHost').map((r, index) => {
    byId.set(r.id, { kind: 'internetHost', index })
    const addr = addrOf(r.ipAddress)
    publicAddrs.set(addr, targetCode(index, T_HOST))
    return { id: r.id, name: name(r), index, addr, address: r.ipAddress }
  })

  // Route tables: the system table of each VPC (system routes only), then each routeTable resource.
  const vswByVpc = vpcs.map((v) => vswitches.filter((s) => s.vpc === v.index))
  const cloud = cidrOf(CLOUD_SERVICES_CIDR)
  // every vSwitch-facing table holds the cloud-services system route; a gateway table holds vSwitch CIDRs only
  const cloudServicesEntry = (tableId: string, systemTable: boolean): CRouteEntry => ({
    rule: {
      type: 'route',
      routeTableId: tableId,
      systemTable,
      destinationCidrBlock: CLOUD_SERVICES_CIDR,
      nextHopType: 'CloudServices',
      nextHopId: '',
      system: true,
      replacesSystemRoute: false,
    },
    ...cloud,
    nextHop: NH_CLOUD_SERVICES,
    target: -1,
  })
  const systemEntries = (vpc: number, tableId: string, systemTable: boolean, gateway: boolean): CRouteEntry[] => [
    ...localEntries(vpc, tableId, systemTable),
    ...(gateway ? [] : [cloudServicesEntry(tableId, systemTable)]),
  ]
  const localEntries = (vpc: number, tableId: string, systemTable: boolean): CRouteEntry[] =>
    vswByVpc[vpc].map((s) => {
      const c = cidrOf(s.cidr)
      return {
        rule: {
          type: 'route',
          routeTableId: tableId,
          systemTable,
          destinationCidrBlock: s.cidr,
          nextHopType: 'Local',
          nextHopId: s.id,
          system: true,
          replacesSystemRoute: false,
        },
        base: c.base,
        mask: c.mask,
        prefix: c.prefix,
        nextHop: NH_LOCAL,
        target: s.index,
      }
    })
  const tables: CRouteTable[] = vpcs.map((v, index) => {
    v.systemTable = index
    return {
      id: systemTableId(v.id),
      name: `${v.name} system route table`,
      vpc: index,
      type: 'system',
      entries: systemEntries(index, systemTableId(v.id), true, false),
    }
  })
  for (const r of of('routeTable')) {
    const vpc = vpcIdx(r.vpcId)
    const index = tables.length
    byId.set(r.id, { kind: 'routeTable', index })
    const entries = systemEntries(vpc, r.id, false, r.routeTableType === 'Gateway')
    for (const e of r.entries) {
      const c = cidrOf(e.destinationCidrBlock)
      const replaced = entries.findIndex((l) => l.rule.system && l.base === c.base && l.prefix === c.prefix)
      const rule: RouteRule = {
        type: 'route',
        routeTableId: r.id,
        systemTable: false,
        destinationCidrBlock: formatCidr({ base: c.base >>> 0, prefix: c.prefix }),
        nextHopType: e.nextHopType,
        nextHopId: e.nextHopId,
        system: false,
        replacesSystemRoute: replaced >= 0,
      }
      const hop = resolveNextHop(e.nextHopType, e.nextHopId, vpc)
      const entry: CRouteEntry = { rule, base: c.base, mask: c.mask, prefix: c.prefix, ...hop }
      // editing a system route's next hop turns it into a custom entry, as the console does
      if (replaced >= 0) entries[replaced] = entry
      else entries.push(entry)
    }
    tables.push({ id: r.id, name: name(r), vpc, type: r.routeTableType, entries })
  }
  function resolveNextHop(
    type: string,
    id: string,
    vpc: number,
  ): { nextHop: number; target: number; blackhole?: string } {
    const hit = byId.get(id)
    const inVpc = (v: number) => v === vpc
    const hole = (why: string) => ({ nextHop: NH_BLACKHOLE, target: -1, blackhole: why })
    if (!hit) return hole(`${id} does not exist in this design`)
    switch (type) {
      case 'Ipv4Gateway':
        if (hit.kind !== 'ipv4Gateway') return hole(`${id} is a ${hit.kind}, not an IPv4 gateway`)
        return inVpc(ipv4Gateways[hit.index].vpc)
          ? { nextHop: NH_IPV4_GATEWAY, target: hit.index }
          : hole(`${id} is the IPv4 gateway of another VPC`)
      case 'GatewayLoadBalancerEndpoint':
        if (hit.kind !== 'gwlbEndpoint') return hole(`${id} is a ${hit.kind}, not a GWLB endpoint`)
        return inVpc(endpoints[hit.index].vpc)
          ? { nextHop: NH_GWLBE, target: hit.index }
          : hole(`${id} is in another VPC`)
      default:
        if (hit.kind === 'ecs' && inVpc(ecs[hit.index].vpc))
          return { nextHop: NH_INSTANCE, target: targetCode(hit.index, T_ECS) }
        if (hit.kind === 'appliance' && inVpc(appliances[hit.index].vpc))
          return { nextHop: NH_INSTANCE, target: targetCode(hit.index, T_APPLIANCE) }
        return hole(`${id} is not an instance of this VPC`)
    }
  }
  for (const s of vswRes) {
    const vsw = vswitches[byId.get(s.id)?.index ?? -1]
    vsw.table =
      s.routeTableId !== undefined
        ? (byId.get(s.routeTableId)?.index ?? vpcs[vsw.vpc].systemTable)
        : vpcs[vsw.vpc].systemTable
  }
  for (const r of of('ipv4Gateway')) {
    const g = ipv4Gateways[byId.get(r.id)?.index ?? -1]
    g.table =
      r.gatewayRouteTableId !== undefined
        ? (byId.get(r.gatewayRouteTableId)?.index ?? vpcs[g.vpc].systemTable)
        : vpcs[g.vpc].systemTable
  }
  for (const list of [ecs, appliances, endpoints]) for (const x of list) x.table = vswitches[x.vswitch].table

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
    zones,
    zoneIndex,
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

/** The id under which a VPC's system route table appears in traces (a "/" never occurs in resource ids). */
export function systemTableId(vpcId: string): string {
  return `${vpcId}/system`
}
