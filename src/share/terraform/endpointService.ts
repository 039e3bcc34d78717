// PrivateLink endpoint services of resource type gwlb, with their resources (GWLB per zone) and whitelist.
import { attr, Expr } from '../hcl'
import type { Emitter } from './context'

/** Writes the services; returns, per service id, what an endpoint of it must wait for (depends_on). */
export function writeEndpointServices({ namer, resource, ref, refById, label, of }: Emitter): Map<string, Expr[]> {
  const serviceDeps = new Map<string, Expr[]>()
  for (const r of of('endpointService')) {
    const name = namer.name('alicloud_privatelink_vpc_endpoint_service', r.id)
    const deps: Expr[] = []
    serviceDeps.set(r.id, deps)
    resource(
      'alicloud_privatelink_vpc_endpoint_service',
      name,
      r.accountId,
      [
        attr('service_description', label(r)),
        attr('service_resource_type', 'gwlb'),
        attr('auto_accept_connection', r.autoAcceptConnection),
        attr('payer', r.payer),
      ],
      ["IPv4 only, as Alibaba Cloud's GWLB guide says for GWLB services."],
    )
    for (const sr of r.resources) {
      const srName = namer.name(
        'alicloud_privatelink_vpc_endpoint_service_resource',
        `${r.id}#${sr.resourceId}#${sr.zoneId}`,
        `${r.id}_${sr.resourceId}_${sr.zoneId}`,
      )
      deps.push(new Expr(`alicloud_privatelink_vpc_endpoint_service_resource.${srName}`))
      resource('alicloud_privatelink_vpc_endpoint_service_resource', srName, r.accountId, [
        attr('service_id', ref(r)),
        attr('resource_id', refById(sr.resourceId) ?? sr.resourceId),
        attr('resource_type', 'gwlb'),
        attr('zone_id', sr.zoneId),
      ])
    }
    for (const uid of r.whitelist) {
      const userName = namer.name(
        'alicloud_privatelink_vpc_endpoint_service_user',
        `${r.id}#${uid}`,
        `${r.id}_${uid === '*' ? 'everyone' : uid}`,
      )
      deps.push(new Expr(`alicloud_privatelink_vpc_endpoint_service_user.${userName}`))
      resource(
        'alicloud_privatelink_vpc_endpoint_service_user',
        userName,
        r.accountId,
        [attr('service_id', ref(r)), uid === '*' ? attr('user_arn', '*') : attr('user_id', uid)],
        uid === '*' ? ['The console\'s "*" (every account) is the API\'s UserARN "*".'] : [],
      )
    }
  }
  return serviceDeps
}
