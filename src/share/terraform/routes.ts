// Route entries of every route table, after everything they point at; a next hop the design cannot
// name is left out with a comment, and an edit of a gateway table's system route goes to systemRoute.ts.
import type { Resource, RouteEntry, RouteTable } from '../../model'
import { attr, type Block, blank, block, comment, Expr } from '../hcl'
import type { Emitter } from './context'
import { ROUTE_TARGET_GROUP_NEXT_HOP_NOTE } from './routeTargetGroups'
import { type NextHop, writeSystemRouteEdit } from './systemRoute'

export function writeRoutes(
  em: Emitter,
  endpointReady: Map<string, Expr[]>,
  gatewayAttachment: Map<string, Expr>,
  groupReady: Map<string, Expr[]> = new Map(),
) {
  const { design, namer, resource, own, ref, out } = em
  const extraDataSources: Block[] = []
  for (const rt of design.resources.filter((r): r is RouteTable => r.kind === 'routeTable')) {
    const vswitchCidrs = new Map<string, Resource>()
    for (const r of design.resources) if (r.kind === 'vswitch' && r.vpcId === rt.vpcId) vswitchCidrs.set(r.cidrBlock, r)
    rt.entries.forEach((e) => {
      const hop = nextHop(em, e, endpointReady, extraDataSources, groupReady)
      if (typeof hop === 'string') {
        out.push(blank, comment(`${rt.id}: ${hop}`))
        return
      }
      const entryName = `${rt.id}_${e.destinationCidrBlock}`
      const vswitch = rt.routeTableType === 'Gateway' ? vswitchCidrs.get(e.destinationCidrBlock) : undefined
      if (vswitch) {
        const name = namer.name('terraform_data', `${rt.id}#${e.destinationCidrBlock}`, entryName)
        writeSystemRouteEdit(em, { rt, e, vswitch, hop, name, attachment: gatewayAttachment.get(rt.id) })
        return
      }
      resource(
        'alicloud_vpc_route_entry',
        namer.name('alicloud_vpc_route_entry', `${rt.id}#${e.destinationCidrBlock}`, entryName),
        own(rt),
        [
          attr('route_table_id', ref(rt)),
          attr('destination_cidr_block', e.destinationCidrBlock),
          attr('nexthop_type', e.nextHopType),
          attr('nexthop_id', hop.id),
          ...(e.name ? [attr('route_entry_name', e.name)] : []),
          ...(hop.ready.length ? [attr('depends_on', hop.ready)] : []),
        ],
        [
          ...(rt.routeTableType === 'Gateway'
            ? ['A gateway route table takes vSwitch CIDRs as destinations; the cloud may refuse this custom entry.']
            : []),
          ...(e.nextHopType === 'RouteTargetGroup' ? [ROUTE_TARGET_GROUP_NEXT_HOP_NOTE] : []),
        ],
      )
    })
  }
  for (const b of extraDataSources) out.push(blank, { kind: 'block', block: b })
}

/**
 * The next hop of an entry as Terraform names it, with what it must wait for; or, when the design names
 * no resource of the hop's type, why the entry is left out.
 */
function nextHop(
  { byId, namer, ref }: Emitter,
  e: RouteEntry,
  endpointReady: Map<string, Expr[]>,
  extraDataSources: Block[],
  groupReady: Map<string, Expr[]>,
): NextHop | string {
  const target = byId.get(e.nextHopId)
  const wrong = `route ${e.destinationCidrBlock}: next hop ${e.nextHopType} "${e.nextHopId}" names no such resource in this design (in the cloud it would black-hole), so the entry is left out.`
  if (!target) return wrong
  switch (e.nextHopType) {
    case 'Ipv4Gateway':
      return target.kind === 'ipv4Gateway' ? { id: ref(target), ready: [] } : wrong
    case 'GatewayLoadBalancerEndpoint':
      return target.kind === 'gwlbEndpoint' ? { id: ref(target), ready: endpointReady.get(target.id) ?? [] } : wrong
    case 'Instance':
      return target.kind === 'ecs' || target.kind === 'appliance' ? { id: ref(target), ready: [] } : wrong
    case 'RouteTargetGroup':
      return target.kind === 'routeTargetGroup' ? { id: ref(target), ready: groupReady.get(target.id) ?? [] } : wrong
    case 'NetworkInterface': {
      if (target.kind !== 'ecs' && target.kind !== 'appliance') return wrong
      // the instance's primary ENI, looked up once the instance exists
      const name = namer.name('data.alicloud_ecs_network_interfaces', target.id, `${target.id}_primary`)
      if (!extraDataSources.some((b) => b.labels[1] === name))
        extraDataSources.push(
          block(
            'data',
            ['alicloud_ecs_network_interfaces', name],
            [attr('instance_id', ref(target)), attr('type', 'Primary')],
          ),
        )
      return { id: new Expr(`data.alicloud_ecs_network_interfaces.${name}.interfaces[0].id`), ready: [] }
    }
  }
}
