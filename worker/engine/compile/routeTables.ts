// Route tables: the system table of each VPC (system routes only), then each routeTable resource, each
// attached to its vSwitches and gateways, and the look-up regions the walk reads (see RT_GROUPS).
import { CLOUD_SERVICES_CIDR, formatCidr, maskOf, type ResourceOf } from '../../../src/model'
import {
  type CAppliance,
  type CEcs,
  type CGwlbEndpoint,
  type CIpv4Gateway,
  type CRouteEntry,
  type CRouteTable,
  type CRouteTargetGroup,
  type CVpc,
  type CVswitch,
  NH_BLACKHOLE,
  NH_CLOUD_SERVICES,
  NH_GWLBE,
  NH_INSTANCE,
  NH_IPV4_GATEWAY,
  NH_LOCAL,
  NH_ROUTE_TARGET_GROUP,
  T_APPLIANCE,
  T_ECS,
  targetCode,
} from '../network'
import { checked } from '../numbered'
import type { RouteRule } from '../types'
import { type CompileContext, cidrOf } from './context'

/** The compiled resources a route's next hop may name. */
export interface HopTargets {
  ipv4Gateways: CIpv4Gateway[]
  endpoints: CGwlbEndpoint[]
  ecs: CEcs[]
  appliances: CAppliance[]
  routeTargetGroups: CRouteTargetGroup[]
}

/** The id under which a VPC's system route table appears in traces (a "/" never occurs in resource ids). */
export function systemTableId(vpcId: string): string {
  return `${vpcId}/system`
}

const CLOUD = cidrOf(CLOUD_SERVICES_CIDR)

/** The system routes of a table: Local per vSwitch of the VPC and, but in a gateway table, cloud services. */
function systemEntries(vswitches: CVswitch[], tableId: string, systemTable: boolean, gateway: boolean): CRouteEntry[] {
  const rule = (destinationCidrBlock: string, nextHopType: RouteRule['nextHopType'], nextHopId: string): RouteRule => ({
    type: 'route',
    routeTableId: tableId,
    systemTable,
    destinationCidrBlock,
    nextHopType,
    nextHopId,
    system: true,
    replacesSystemRoute: false,
  })
  const local = vswitches.map((s): CRouteEntry => {
    const c = cidrOf(s.cidr)
    return {
      rule: rule(s.cidr, 'Local', s.id),
      base: c.base,
      mask: c.mask,
      prefix: c.prefix,
      nextHop: NH_LOCAL,
      target: s.index,
    }
  })
  // every vSwitch-facing table holds the cloud-services system route; a gateway table holds vSwitch CIDRs only
  if (gateway) return local
  return [
    ...local,
    { rule: rule(CLOUD_SERVICES_CIDR, 'CloudServices', ''), ...CLOUD, nextHop: NH_CLOUD_SERVICES, target: -1 },
  ]
}

/** Where a custom entry's next hop leads; a hop that names nothing usable in the VPC is a black hole, and why. */
function resolveNextHop(
  { byId }: CompileContext,
  to: HopTargets,
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
      return inVpc(checked(to.ipv4Gateways, hit.index, 'IPv4 gateway').vpc)
        ? { nextHop: NH_IPV4_GATEWAY, target: hit.index }
        : hole(`${id} is the IPv4 gateway of another VPC`)
    case 'GatewayLoadBalancerEndpoint':
      if (hit.kind !== 'gwlbEndpoint') return hole(`${id} is a ${hit.kind}, not a GWLB endpoint`)
      return inVpc(checked(to.endpoints, hit.index, 'GWLB endpoint').vpc)
        ? { nextHop: NH_GWLBE, target: hit.index }
        : hole(`${id} is in another VPC`)
    case 'RouteTargetGroup': {
      if (hit.kind !== 'routeTargetGroup') return hole(`${id} is a ${hit.kind}, not a route target group`)
      const g = to.routeTargetGroups[hit.index]
      return g && inVpc(g.vpc) ? { nextHop: NH_ROUTE_TARGET_GROUP, target: hit.index } : hole(`${id} is in another VPC`)
    }
    default:
      if (hit.kind === 'ecs' && inVpc(checked(to.ecs, hit.index, 'ECS instance').vpc))
        return { nextHop: NH_INSTANCE, target: targetCode(hit.index, T_ECS) }
      if (hit.kind === 'appliance' && inVpc(checked(to.appliances, hit.index, 'appliance').vpc))
        return { nextHop: NH_INSTANCE, target: targetCode(hit.index, T_APPLIANCE) }
      return hole(`${id} is not an instance of this VPC`)
  }
}

/** A routeTable resource: its system routes, with the custom entries after them or in place of those they edit. */
function compileTable(
  cx: CompileContext,
  to: HopTargets,
  r: ResourceOf<'routeTable'>,
  vswByVpc: CVswitch[][],
): CRouteTable {
  const vpc = cx.vpcIdx(r.vpcId)
  const entries = systemEntries(checked(vswByVpc, vpc, 'VPC'), r.id, false, r.routeTableType === 'Gateway')
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
    const hop = resolveNextHop(cx, to, e.nextHopType, e.nextHopId, vpc)
    const entry: CRouteEntry = { rule, base: c.base, mask: c.mask, prefix: c.prefix, ...hop }
    // editing a system route's next hop turns it into a custom entry, as the console does
    if (replaced >= 0) entries[replaced] = entry
    else entries.push(entry)
  }
  return { id: r.id, name: cx.name(r), vpc, type: r.routeTableType, entries }
}

/**
 * Compiles every route table and attaches each vSwitch, gateway, instance and GWLBe to its table (the VPC's
 * system table when the design names none).
 */
export function compileRouteTables(cx: CompileContext, vpcs: CVpc[], vswitches: CVswitch[], to: HopTargets) {
  const { byId, of, compiled } = cx
  const vswByVpc = vpcs.map((v) => vswitches.filter((s) => s.vpc === v.index))
  const tables: CRouteTable[] = vpcs.map((v, index) => {
    v.systemTable = index
    const id = systemTableId(v.id)
    return {
      id,
      name: `${v.name} system route table`,
      vpc: index,
      type: 'system',
      entries: systemEntries(checked(vswByVpc, index, 'VPC'), id, true, false),
    }
  })
  for (const r of of('routeTable')) {
    byId.set(r.id, { kind: 'routeTable', index: tables.length })
    tables.push(compileTable(cx, to, r, vswByVpc))
  }
  const tableOf = (id: string | undefined, vpc: number) =>
    (id !== undefined ? byId.get(id)?.index : undefined) ?? checked(vpcs, vpc, 'VPC').systemTable
  for (const s of of('vswitch')) {
    const vsw = compiled(vswitches, s.id, 'vswitch')
    vsw.table = tableOf(s.routeTableId, vsw.vpc)
  }
  for (const r of of('ipv4Gateway')) {
    const g = compiled(to.ipv4Gateways, r.id, 'ipv4Gateway')
    g.table = tableOf(r.gatewayRouteTableId, g.vpc)
  }
  for (const list of [to.ecs, to.appliances, to.endpoints])
    for (const x of list) x.table = checked(vswitches, x.vswitch, 'vSwitch').table
  return tables
}

/** Appends a table's look-up region (see RT_GROUPS) to `out`. */
export function buildRouteRegion(table: CRouteTable, longestPrefix: boolean, out: number[]): void {
  // each group: its mask and its entries' indexes
  const groups: { mask: number; entries: number[] }[] = []
  if (longestPrefix) {
    // one entry per (length, base): a later entry replaces an earlier one with the same prefix; lengths longest first
    const byPrefix = new Map<number, Map<number, number>>()
    for (const len of [...new Set(table.entries.map((e) => e.prefix))].sort((a, b) => b - a))
      byPrefix.set(len, new Map())
    table.entries.forEach((e, i) => {
      byPrefix.get(e.prefix)?.set(e.base, i)
    })
    for (const [len, bases] of byPrefix) groups.push({ mask: maskOf(len) | 0, entries: [...bases.values()] })
  } else {
    // entry order: entries compare their own mask and base, so a base with host bits set never matches
    table.entries.forEach((e, i) => {
      groups.push({ mask: e.mask, entries: [i] })
    })
  }
  out.push(groups.length, table.vpc)
  for (const g of groups) {
    out.push(g.mask, g.entries.length)
    const rows = g.entries.map((i) => ({ i, e: checked(table.entries, i, 'route entry') }))
    for (const { i, e } of rows.sort((a, b) => a.e.base - b.e.base)) out.push(e.base, i, e.nextHop, e.target)
  }
}
