// Pure edits that fixes are built from: each returns a new design and leaves its input untouched.
// May not touch: React, the DOM, zustand, worker/engine.
import type { Design, Resource, ResourceKind, ResourceOf, RouteEntry, RouteTable } from '../../src/model'
import { parseCidr } from '../../src/model'
import { indexOf } from './lookup'

export function updateResource<K extends ResourceKind>(
  design: Design,
  id: string,
  kind: K,
  change: (r: ResourceOf<K>) => ResourceOf<K>,
): Design {
  return {
    ...design,
    resources: design.resources.map((r) => (r.id === id && r.kind === kind ? change(r as ResourceOf<K>) : r)),
  }
}

export function addResource(design: Design, r: Resource): Design {
  return { ...design, resources: [...design.resources, r] }
}

/** An id not yet used in the design, built from a base (ids are at most 64 characters). */
export function freshId(design: Design, base: string): string {
  const used = new Set(design.resources.map((r) => r.id))
  const stem = base.slice(0, 60)
  if (!used.has(stem)) return stem
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`
}

function sameBlock(a: string, b: string): boolean {
  const x = parseCidr(a)
  const y = parseCidr(b)
  return x.ok && y.ok && x.cidr.base === y.cidr.base && x.cidr.prefix === y.cidr.prefix
}

/** Entries with the route for `destination` set to the next hop: the existing entry changed, or a new one added. */
export function withRoute(entries: readonly RouteEntry[], destination: string, nextHopType: RouteEntry['nextHopType'], nextHopId: string): RouteEntry[] {
  const at = entries.findIndex((e) => sameBlock(e.destinationCidrBlock, destination))
  if (at < 0) return [...entries, { destinationCidrBlock: destination, nextHopType, nextHopId }]
  return entries.map((e, i) => (i === at ? { ...e, nextHopType, nextHopId } : e))
}

/** The table without its entry for `destination` (matched by block, so a fix stays right if entries were reordered). */
export function withoutEntry(design: Design, tableId: string, destination: string): Design {
  return updateResource(design, tableId, 'routeTable', (t) => ({ ...t, entries: t.entries.filter((e) => !sameBlock(e.destinationCidrBlock, destination)) }))
}

/**
 * Sets one route for one vSwitch. The vSwitch's table is changed in place when every vSwitch bound to it wants the
 * same route (same role, and for service vSwitches the same zone); otherwise, or when the vSwitch uses the system
 * table, it gets a table of its own, copied from its current one, so no other vSwitch's routing changes.
 */
export function routeVswitch(
  design: Design,
  vswitchId: string,
  destination: string,
  nextHopType: RouteEntry['nextHopType'],
  nextHopId: string,
): Design {
  const ix = indexOf(design)
  const vsw = ix.get(vswitchId, 'vswitch')
  if (!vsw) return design
  const table = ix.routeTableOf(vsw)
  const role = ix.role(vsw)
  const sharers = ix.ofKind('vswitch').filter((v) => v.routeTableId !== undefined && v.routeTableId === vsw.routeTableId)
  const alike = sharers.every((v) => ix.role(v) === role && role !== 'other' && (role === 'gwlbe' || v.zoneId === vsw.zoneId))
  if (table && alike)
    return updateResource(design, table.id, 'routeTable', (t) => ({ ...t, entries: withRoute(t.entries, destination, nextHopType, nextHopId) }))
  const own: RouteTable = {
    kind: 'routeTable',
    id: freshId(design, `rtb-${vswitchId}`),
    name: `${vsw.name ?? vsw.id} route table`.slice(0, 128),
    vpcId: vsw.vpcId,
    routeTableType: 'VSwitch',
    entries: withRoute(table?.entries ?? [], destination, nextHopType, nextHopId),
  }
  return updateResource(addResource(design, own), vswitchId, 'vswitch', (v) => ({ ...v, routeTableId: own.id }))
}
