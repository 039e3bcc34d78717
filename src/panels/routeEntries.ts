// The entries a route table shows: derived system Local entries, then custom ones, as the console lists them.
import { CLOUD_SERVICES_CIDR, cidrOrThrow, type Design, type RouteTable } from '../model'

export interface ShownEntry {
  destinationCidrBlock: string
  nextHopType: string
  nextHopId?: string
  /** system: derived (Local, or CloudServices for 100.64.0.0/10); custom: stored; changed: a gateway table's system route whose next hop was edited */
  origin: 'system' | 'custom' | 'changed'
}

export function shownEntries(design: Design, table: RouteTable): ShownEntry[] {
  const vswitchCidrs = design.resources.flatMap((r) =>
    r.kind === 'vswitch' && r.vpcId === table.vpcId ? [r.cidrBlock] : [],
  )
  const custom = new Map(table.entries.map((e) => [e.destinationCidrBlock, e]))
  const out: ShownEntry[] = vswitchCidrs.map((cidr) => {
    const changed = table.routeTableType === 'Gateway' ? custom.get(cidr) : undefined
    return changed
      ? { ...changed, origin: 'changed' as const }
      : { destinationCidrBlock: cidr, nextHopType: 'Local', origin: 'system' as const }
  })
  // every VPC's system route to cloud services; a gateway table holds only vSwitch CIDRs
  if (table.routeTableType === 'VSwitch')
    out.push({ destinationCidrBlock: CLOUD_SERVICES_CIDR, nextHopType: 'CloudServices', origin: 'system' })
  for (const e of table.entries)
    if (!out.some((s) => s.origin === 'changed' && s.destinationCidrBlock === e.destinationCidrBlock))
      out.push({ ...e, origin: 'custom' })
  // most specific first, as a longest-prefix match reads them
  return out.sort(
    (a, b) =>
      cidrOrThrow(b.destinationCidrBlock).prefix - cidrOrThrow(a.destinationCidrBlock).prefix ||
      a.destinationCidrBlock.localeCompare(b.destinationCidrBlock),
  )
}

/** vSwitches (or the gateway) bound to the table */
export function boundTo(design: Design, table: RouteTable): string[] {
  return design.resources.flatMap((r) =>
    (r.kind === 'vswitch' && r.routeTableId === table.id) ||
    (r.kind === 'ipv4Gateway' && r.gatewayRouteTableId === table.id)
      ? [r.name ?? r.id]
      : [],
  )
}
