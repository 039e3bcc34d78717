// GWLB endpoints (GWLBe): the endpoint, its one zone, and the provider's acceptance of its connection.
import type { Resource } from '../../model'
import { attr, blank, comment, Expr } from '../hcl'
import type { Emitter } from './context'

type Endpoint = Extract<Resource, { kind: 'gwlbEndpoint' }>
type Service = Extract<Resource, { kind: 'endpointService' }>

/**
 * Writes the endpoints; returns, per endpoint id, what a route to it must wait for: the endpoint's ENI
 * (its zone) and, without auto-accept, the accepted connection.
 */
export function writeEndpoints(em: Emitter, serviceDeps: Map<string, Expr[]>): Map<string, Expr[]> {
  const { byId, namer, resource, ref, refById, label, of } = em
  const endpointReady = new Map<string, Expr[]>()
  for (const r of of('gwlbEndpoint')) {
    const service = byId.get(r.serviceId)
    const name = namer.name('alicloud_privatelink_vpc_endpoint', r.id)
    const ready: Expr[] = []
    endpointReady.set(r.id, ready)
    resource(
      'alicloud_privatelink_vpc_endpoint',
      name,
      r.accountId,
      [
        attr('vpc_endpoint_name', label(r)),
        attr('endpoint_type', 'GatewayLoadBalancer'),
        attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
        attr('service_id', refById(r.serviceId) ?? r.serviceId),
        ...(service ? [attr('service_name', ref(service, 'vpc_endpoint_service_name'))] : []),
        ...(serviceDeps.get(r.serviceId)?.length ? [attr('depends_on', serviceDeps.get(r.serviceId) ?? [])] : []),
      ],
      ["The endpoint waits for its service's resources and whitelist (depends_on)."],
    )
    const zoneName = namer.name('alicloud_privatelink_vpc_endpoint_zone', r.id)
    ready.push(new Expr(`alicloud_privatelink_vpc_endpoint_zone.${zoneName}`))
    resource(
      'alicloud_privatelink_vpc_endpoint_zone',
      zoneName,
      r.accountId,
      [
        attr('endpoint_id', ref(r)),
        attr('zone_id', r.zoneId),
        attr('vswitch_id', refById(r.vswitchId) ?? r.vswitchId),
        attr('eni_ip', r.ipAddress),
      ],
      [
        'One zone per GWLBe, fixed once created. The API gives it in CreateVpcEndpoint itself (Zone.1.*); the',
        "provider's endpoint resource takes no zone since 1.212.0, so Terraform adds it next (AddZoneToVpcEndpoint),",
        'before any route or connection uses the endpoint.',
      ],
    )
    if (service?.kind === 'endpointService' && !service.autoAcceptConnection)
      writeConnection(em, r, service, zoneName, ready)
  }
  return endpointReady
}

/** A service that does not auto-accept: the provider accepts a connection the design shows as accepted. */
function writeConnection(
  { namer, resource, ref, out }: Emitter,
  r: Endpoint,
  service: Service,
  zoneName: string,
  ready: Expr[],
) {
  if (r.connectionStatus !== 'Connected' && r.connectionStatus !== 'Connecting') {
    out.push(
      blank,
      comment(
        `${r.id}: the design leaves its connection ${r.connectionStatus}, waiting for the provider to accept it; no acceptance is written.`,
      ),
    )
    return
  }
  const connName = namer.name('alicloud_privatelink_vpc_endpoint_connection', r.id)
  ready.push(new Expr(`alicloud_privatelink_vpc_endpoint_connection.${connName}`))
  resource(
    'alicloud_privatelink_vpc_endpoint_connection',
    connName,
    service.accountId,
    [
      attr('endpoint_id', ref(r)),
      attr('service_id', ref(service)),
      attr('depends_on', [new Expr(`alicloud_privatelink_vpc_endpoint_zone.${zoneName}`)]),
    ],
    [
      'The service does not accept connections automatically: the provider accepts this one (EnableVpcEndpointConnection).',
    ],
  )
}
