// PrivateLink: endpoint services with their resources and whitelist, and GWLB endpoints with their zone.
import type { TfInstance } from '../instance'
import type { Build, Endpoint, Service, Vswitch } from './context'

/** alicloud_privatelink_vpc_endpoint_service (of GWLBs) → endpointService. */
export function buildServices(b: Build): void {
  const { ofType, str, bool, note, newId, adopt, accountOf } = b
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service')) {
    const type = inst.values.service_resource_type
    if (typeof type === 'string' && type !== 'gwlb') {
      note('notModelled', inst, `an endpoint service for ${type} resources: the design models GWLB services only`)
      continue
    }
    const svc: Service = {
      kind: 'endpointService',
      id: newId(inst),
      accountId: accountOf(inst),
      serviceResourceType: 'gwlb',
      resources: [],
      autoAcceptConnection: bool(inst, 'endpointService.autoAcceptConnection') ?? false,
      whitelist: [],
      payer: str(inst, 'endpointService.payer') === 'EndpointService' ? 'EndpointService' : 'Endpoint',
      addressIpVersion: 'IPv4',
    }
    adopt(inst, svc)
  }
}

/** Service resources and users → endpointService.resources[] and whitelist[]. */
export function buildServiceMembers(b: Build): void {
  const { report, resourceById, ofType, str, note, designRef } = b
  const serviceOf = (inst: TfInstance, field: string) => {
    const id = designRef(inst, field, ['endpointService'], 'its endpoint service')
    return (id ? resourceById.get(id) : undefined) as Service | undefined
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service_resource')) {
    const svc = serviceOf(inst, 'endpointService')
    const resourceId = designRef(inst, 'resources[].resourceId', ['gwlb'], 'its resource')
    const zoneId = str(inst, 'resources[].zoneId')
    if (!svc || !resourceId || !zoneId) continue
    svc.resources.push({ resourceId, zoneId })
    report.mapped.push({ address: inst.address, resourceId: svc.id, as: 'endpointService.resources[]' })
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service_user')) {
    const svc = serviceOf(inst, 'endpointService')
    const user = str(inst, 'whitelist[]')
    if (!svc || !user) continue
    const uid = user === '*' ? '*' : (/\d{6,20}/.exec(user)?.[0] ?? undefined)
    if (!uid) {
      note('unplaced', inst, `user ${user} is neither "*" nor an account UID`)
      continue
    }
    if (!svc.whitelist.includes(uid)) svc.whitelist.push(uid)
    report.mapped.push({ address: inst.address, resourceId: svc.id, as: 'endpointService.whitelist[]' })
  }
}

/** alicloud_privatelink_vpc_endpoint (GatewayLoadBalancer) → gwlbEndpoint, placed by its endpoint zone. */
export function buildEndpoints(b: Build): void {
  const {
    report,
    resourceById,
    designIdOf,
    serviceByName,
    ofType,
    str,
    note,
    newId,
    adopt,
    target,
    designRef,
    vpcIdOf,
    accountOf,
  } = b
  const endpointZones = new Map<string, TfInstance>()
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_zone')) {
    const ep = str(inst, 'gwlbEndpoint')
    if (ep) endpointZones.set(ep, inst)
  }
  const connected = new Set<string>()
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_connection')) {
    const ep = str(inst, 'gwlbEndpoint')
    if (ep) connected.add(ep)
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint')) {
    const type = inst.values.endpoint_type
    if (typeof type === 'string' && type !== 'GatewayLoadBalancer') {
      note('notModelled', inst, `an endpoint of type ${type}: the design models GatewayLoadBalancer endpoints only`)
      continue
    }
    const vpcId = vpcIdOf(inst, 'gwlbEndpoint.vpcId')
    const serviceValue = str(inst, 'gwlbEndpoint.serviceId')
    const svcInst = target(serviceValue) ?? (serviceValue ? serviceByName.get(serviceValue) : undefined)
    const svcId = svcInst && designIdOf.get(svcInst)
    if (!vpcId) continue
    if (!svcId) {
      note('unplaced', inst, `its endpoint service ${serviceValue ?? '(none given)'} is not in the input`)
      continue
    }
    const ownId = typeof inst.values.id === 'string' ? inst.values.id : inst.address
    const zoneInst = endpointZones.get(ownId)
    if (!zoneInst) {
      note('unplaced', inst, 'no alicloud_privatelink_vpc_endpoint_zone gives it a zone and vSwitch (its ENI)')
      continue
    }
    const vswitchId = designRef(zoneInst, 'gwlbEndpoint.vswitchId', ['vswitch'], 'its vSwitch')
    if (!vswitchId) continue
    const vswitch = resourceById.get(vswitchId) as Vswitch
    const svc = resourceById.get(svcId) as Service
    const status = str(inst, 'gwlbEndpoint.connectionStatus')
    const ep: Endpoint = {
      kind: 'gwlbEndpoint',
      id: newId(inst),
      accountId: accountOf(inst),
      vpcId,
      serviceId: svcId,
      zoneId: str(zoneInst, 'gwlbEndpoint.zoneId') ?? vswitch.zoneId,
      vswitchId,
      ipAddress: str(zoneInst, 'gwlbEndpoint.ipAddress') ?? '',
      connectionStatus:
        status === 'Connected' ||
        status === 'Disconnected' ||
        status === 'Connecting' ||
        status === 'Disconnecting' ||
        status === 'Pending'
          ? status
          : svc.autoAcceptConnection || connected.has(ownId)
            ? 'Connected'
            : 'Disconnected',
    }
    adopt(inst, ep)
    report.mapped.push({ address: zoneInst.address, resourceId: ep.id, as: 'gwlbEndpoint zone' })
  }
}
