// VPCs, vSwitches, route tables and their attachments, and IPv4 gateways with their gateway route tables.
import { attr, Expr } from '../hcl'
import type { Emitter } from './context'

/** Writes the network; returns, per gateway route table, the attachment its system-route edits wait for. */
export function writeNetwork(em: Emitter): Map<string, Expr> {
  const { namer, resource, own, ref, refById, label, of } = em
  for (const r of of('vpc'))
    resource('alicloud_vpc', namer.name('alicloud_vpc', r.id), own(r), [
      attr('vpc_name', label(r)),
      attr('cidr_block', r.cidrBlock),
    ])

  for (const r of of('vswitch'))
    resource('alicloud_vswitch', namer.name('alicloud_vswitch', r.id), own(r), [
      attr('vswitch_name', label(r)),
      attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
      attr('cidr_block', r.cidrBlock),
      attr('zone_id', r.zoneId),
    ])

  for (const r of of('routeTable'))
    resource('alicloud_route_table', namer.name('alicloud_route_table', r.id), own(r), [
      attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
      attr('route_table_name', label(r)),
      attr('associate_type', r.routeTableType),
    ])
  for (const r of of('vswitch')) {
    if (r.routeTableId === undefined) continue
    resource('alicloud_route_table_attachment', namer.name('alicloud_route_table_attachment', r.id), own(r), [
      attr('vswitch_id', ref(r)),
      attr('route_table_id', refById(r.routeTableId) ?? r.routeTableId),
    ])
  }
  return writeIpv4Gateways(em)
}

function writeIpv4Gateways({ namer, resource, own, ref, refById, label, of }: Emitter): Map<string, Expr> {
  const gatewayAttachment = new Map<string, Expr>()
  for (const r of of('ipv4Gateway')) {
    resource(
      'alicloud_vpc_ipv4_gateway',
      namer.name('alicloud_vpc_ipv4_gateway', r.id),
      own(r),
      [attr('ipv4_gateway_name', label(r)), attr('vpc_id', refById(r.vpcId) ?? r.vpcId), attr('enabled', true)],
      ['enabled = true activates the gateway: from then on only vSwitches routed to it reach the internet.'],
    )
    if (r.gatewayRouteTableId === undefined) continue
    const name = namer.name('alicloud_vpc_gateway_route_table_attachment', r.id)
    gatewayAttachment.set(r.gatewayRouteTableId, new Expr(`alicloud_vpc_gateway_route_table_attachment.${name}`))
    resource('alicloud_vpc_gateway_route_table_attachment', name, own(r), [
      attr('ipv4_gateway_id', ref(r)),
      attr('route_table_id', refById(r.gatewayRouteTableId) ?? r.gatewayRouteTableId),
    ])
  }
  return gatewayAttachment
}
