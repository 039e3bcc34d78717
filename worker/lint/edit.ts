// Pure edits that fixes are built from: each returns a new design and leaves its input untouched.
// May not touch: React, the DOM, zustand, worker/engine.
import type { Design, RouteEntry, RouteTable } from '../../src/model'
import { addResource, freshId, updateResource, withRoute } from '../../src/model/edits/basic'
import { indexOf } from './lookup'

export {
  addResource,
  freshId,
  updateResource,
  withNewSecurityGroup,
  withoutEntry,
  withRoute,
} from '../../src/model/edits/basic'

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
  const sharers = ix
    .ofKind('vswitch')
    .filter((v) => v.routeTableId !== undefined && v.routeTableId === vsw.routeTableId)
  const alike = sharers.every(
    (v) => ix.role(v) === role && role !== 'other' && (role === 'gwlbe' || v.zoneId === vsw.zoneId),
  )
  if (table && alike)
    return updateResource(design, table.id, 'routeTable', (t) => ({
      ...t,
      entries: withRoute(t.entries, destination, nextHopType, nextHopId),
    }))
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
