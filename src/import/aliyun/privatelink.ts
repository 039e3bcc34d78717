// PrivateLink API output: endpoint services with their resources and users, endpoints with their zones and
// connections. The list calls asked about one service or endpoint do not print it: the file's name or the input
// having only one says which (ApiInstances.parentOf).
import { type ApiInstances, type Each, text } from './instances'

const SERVICE_ID = /epsrv-[a-z0-9]+/

const service: Each = {
  id: 'ServiceId',
  name: 'ServiceDescription',
  type: 'alicloud_privatelink_vpc_endpoint_service',
  values: (s) => ({
    service_description: text(s.ServiceDescription),
    auto_accept_connection: typeof s.AutoAcceptEnabled === 'boolean' ? s.AutoAcceptEnabled : undefined,
    payer: text(s.Payer),
    vpc_endpoint_service_name: text(s.ServiceName),
    service_resource_type: text(s.ServiceResourceType),
  }),
}

/** Endpoint services, the resources (GWLBs) behind each, and the accounts allowed to connect. */
export function readServices(c: ApiInstances): void {
  const services: string[] = []
  c.addEach('ListVpcEndpointServices', service, (id) => services.push(id))
  for (const r of c.of('ListVpcEndpointServiceResources')) {
    const svc = c.parentOf(r.file, SERVICE_ID, services, 'endpoint service', 'ListVpcEndpointServiceResources')
    if (!svc) continue
    for (const x of r.items) {
      const resource = text(x.ResourceId)
      if (!resource) continue
      c.add(
        'alicloud_privatelink_vpc_endpoint_service_resource',
        `${svc}:${resource}:${text(x.ZoneId) ?? ''}`,
        { service_id: svc, resource_id: resource, zone_id: text(x.ZoneId), resource_type: text(x.ResourceType) },
        r.file,
        { address: `${svc} ← ${resource}` },
      )
    }
  }
  for (const r of c.of('ListVpcEndpointServiceUsers')) {
    const svc = c.parentOf(r.file, SERVICE_ID, services, 'endpoint service', 'ListVpcEndpointServiceUsers')
    if (!svc) continue
    for (const u of r.items) {
      // acs:ram:*::* is the ARN of every account
      const arn = text(u.UserARN)
      const user = arn === 'acs:ram:*::*' ? '*' : (text(u.UserId) ?? arn)
      if (!user) continue
      c.add(
        'alicloud_privatelink_vpc_endpoint_service_user',
        `${svc}:${user}`,
        user === arn ? { service_id: svc, user_arn: arn } : { service_id: svc, user_id: user },
        r.file,
        { address: `${svc} user ${user}` },
      )
    }
  }
}

/** Endpoints (in the account the service's connections name), their zones, and their accepted connections. */
export function readEndpoints(c: ApiInstances): void {
  const endpointOwner = new Map<string, string>()
  c.each('ListVpcEndpointConnections', (conn) => {
    const ep = text(conn.EndpointId)
    const uid = text(conn.EndpointOwnerId)
    if (ep && uid) endpointOwner.set(ep, uid)
  })
  const endpoints: string[] = []
  const endpoint: Each = {
    id: 'EndpointId',
    name: 'EndpointName',
    type: 'alicloud_privatelink_vpc_endpoint',
    values: (e) => ({
      vpc_endpoint_name: text(e.EndpointName),
      vpc_id: text(e.VpcId),
      service_id: text(e.ServiceId),
      service_name: text(e.ServiceName),
      endpoint_type: text(e.EndpointType),
      connection_status: text(e.ConnectionStatus),
    }),
    account: (_e, id) => endpointOwner.get(id),
  }
  c.addEach('ListVpcEndpoints', endpoint, (id) => endpoints.push(id))
  readEndpointZones(c, endpoints)
  c.each('ListVpcEndpointConnections', (conn, file) => {
    const ep = text(conn.EndpointId)
    const svc = text(conn.ServiceId)
    if (ep && svc && conn.ConnectionStatus === 'Connected')
      c.add(
        'alicloud_privatelink_vpc_endpoint_connection',
        `${ep}:${svc}`,
        { endpoint_id: ep, service_id: svc },
        file,
        {
          address: `${svc} ← ${ep}`,
        },
      )
  })
}

function readEndpointZones(c: ApiInstances, endpoints: string[]): void {
  for (const r of c.of('ListVpcEndpointZones')) {
    // a zone's domain starts with its endpoint's id (ep-...-<zone>.epsrv-...); GWLB endpoints may have none
    const fromDomains = r.items.map((z) => /^ep-[a-z0-9]+/.exec(text(z.ZoneDomain) ?? '')?.[0])
    const ep =
      fromDomains.find((x) => x) ?? c.parentOf(r.file, /ep-[a-z0-9]+/, endpoints, 'endpoint', 'ListVpcEndpointZones')
    if (!ep) continue
    for (const z of r.items) {
      const zone = text(z.ZoneId)
      if (!zone) continue
      c.add(
        'alicloud_privatelink_vpc_endpoint_zone',
        `${ep}:${zone}`,
        { endpoint_id: ep, zone_id: zone, vswitch_id: text(z.VSwitchId), eni_ip: text(z.EniIp) },
        r.file,
        { address: `${ep} zone ${zone}` },
      )
    }
  }
}
