// Alibaba Cloud API output (the `aliyun` CLI's describe/list JSON) → the resource instances the builder maps,
// under the provider's resource types and attribute names, so one builder and one mapping table serve Terraform
// and the API alike. Pure. What the output cannot say (which endpoint service a ListVpcEndpointServiceResources
// file lists) comes from the file's name or from the input having only one candidate, and is reported.
import { NEXT_HOP_TYPES } from '../../model'
import type { TfInput, TfInstance } from '../instance'
import type { ImportFile, ImportReport, ReportItem } from '../types'
import { isRecord, type Json, listAt, recogniseApiOutput, type SourceName } from './sources'

export interface AliyunFile {
  file: ImportFile
  doc: Json
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined

/** A list of strings at a path, as the RPC-style APIs wrap them ({ "SecurityGroupId": ["sg-..."] }). */
function stringsAt(doc: Json, path: string): string[] {
  let v: unknown = doc
  for (const seg of path.split('.')) {
    if (!isRecord(v)) return []
    v = v[seg]
  }
  return Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : []
}

/** "HealthCheckConnectPort" → "health_check_connect_port": the GWLB API's blocks and the provider's are the same fields. */
function snakeBlock(v: unknown): Record<string, unknown>[] {
  if (!isRecord(v)) return []
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase()] = x
  return [out]
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

/** Route entries whose next hop the design models; other system entries are the VPC's own (local, cloud services). */
const MODELLED_HOPS = new Set<string>(NEXT_HOP_TYPES.filter((t) => t !== 'Local'))

/** One resource of a call's output: the fields of its id and name, its provider type and attributes, its account. */
interface Each {
  id: string
  name?: string
  type: string
  values: (item: Json, id: string) => Record<string, unknown>
  account?: (item: Json, id: string) => string | undefined
}

export function readAliyun(inputs: AliyunFile[], report: ImportReport): TfInput {
  const recognised: { file: ImportFile; source: SourceName; items: Json[] }[] = []
  for (const { file, doc } of inputs) {
    const r = recogniseApiOutput(doc)
    if (r) recognised.push({ file, source: r.source.name, items: r.items })
    else
      report.skippedFiles.push({
        address: file.path,
        message: 'JSON that none of the known describe/list calls prints',
      })
  }
  const of = (name: SourceName) => recognised.filter((r) => r.source === name)
  const each = (name: SourceName, use: (item: Json, file: ImportFile) => void) => {
    for (const r of of(name)) for (const item of r.items) use(item, r.file)
  }

  // --- accounts: a folder's (a UID in its path, or the OwnerId of the VPCs and route tables listed there)
  const ownerOfDir = new Map<string, string>()
  const owners = new Set<string>()
  for (const r of recognised)
    if (r.source === 'DescribeVpcs' || r.source === 'DescribeRouteTableList')
      for (const item of r.items) {
        const uid = text(item.OwnerId)
        if (!uid) continue
        owners.add(uid)
        if (!ownerOfDir.has(dirOf(r.file.path))) ownerOfDir.set(dirOf(r.file.path), uid)
      }
  const accountOfFile = (file: ImportFile): string | undefined => {
    // a UID has 14 to 20 digits: a dated folder (backup-20261202) is not an account
    const inPath = dirOf(file.path).match(/(?<!\d)\d{14,20}(?!\d)/g)
    if (inPath) return inPath[inPath.length - 1]
    return ownerOfDir.get(dirOf(file.path)) ?? (owners.size === 1 ? [...owners][0] : undefined)
  }
  const endpointOwner = new Map<string, string>()
  each('ListVpcEndpointConnections', (c) => {
    const ep = text(c.EndpointId)
    const uid = text(c.EndpointOwnerId)
    if (ep && uid) endpointOwner.set(ep, uid)
  })

  // --- instances, merged by type and id (a group in DescribeSecurityGroups and in its attribute output is one)
  const out = new Map<string, TfInstance>()
  const usedNames = new Set<string>()
  const add = (
    type: string,
    id: string,
    values: Record<string, unknown>,
    file: ImportFile,
    opts: { label?: string; address?: string; account?: string } = {},
  ): void => {
    const key = `${type}\u0000${id}`
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))
    const existing = out.get(key)
    if (existing) {
      Object.assign(existing.values, defined)
      return
    }
    // the design id comes from the name: a resource's own name where it has one, else its cloud id
    let name = (opts.label ?? id).replace(/[^A-Za-z0-9_.-]+/g, '-')
    if (usedNames.has(name)) name = id
    usedNames.add(name)
    const uid = opts.account ?? accountOfFile(file)
    out.set(key, {
      address: opts.address ?? id,
      type,
      mode: 'managed',
      name,
      module: [],
      values: { id, ...defined },
      providerAlias: uid ? `account_${uid}` : undefined,
      where: { file: file.path },
    })
  }
  const note = (list: 'notModelled' | 'unplaced' | 'assumed', address: string, message: string, file: ImportFile) => {
    const item: ReportItem = { address, message, where: { file: file.path } }
    report[list].push(item)
  }
  /** Each item of a call's output that has its id, added as the resource it is; `then` reads the rest of it. */
  const addEach = (source: SourceName, r: Each, then?: (id: string, item: Json, file: ImportFile) => void) =>
    each(source, (item, file) => {
      const id = text(item[r.id])
      if (!id) return
      const label = r.name ? text(item[r.name]) : undefined
      add(r.type, id, r.values(item, id), file, { label, account: r.account?.(item, id) })
      then?.(id, item, file)
    })

  /**
   * The parent a list call was asked about but does not print (ListVpcEndpointServiceResources has no ServiceId):
   * an id in the file's path, else the input's only candidate (reported), else nothing, with why.
   */
  const parentOf = (
    file: ImportFile,
    pattern: RegExp,
    candidates: string[],
    what: string,
    call: SourceName,
  ): string | undefined => {
    const inPath = pattern.exec(file.path)?.[0]
    if (inPath) return inPath
    if (candidates.length === 1) {
      note('assumed', file.path, `${call} does not print its ${what}; the input has one, ${candidates[0]}`, file)
      return candidates[0]
    }
    note(
      'unplaced',
      file.path,
      `${call} does not print its ${what}, and the input has ${candidates.length ? `${candidates.length} (${candidates.join(', ')})` : 'none'}: name the file after it (${pattern.source.replace(/\[.*$/, '')}....json)`,
      file,
    )
    return undefined
  }

  let regionId: string | undefined
  for (const r of recognised)
    for (const item of r.items) {
      regionId ??= text(item.RegionId)
      if (regionId) break
    }

  // --- VPCs, their system route tables, vSwitches
  const systemTableOf = new Map<string, string>()
  each('DescribeRouteTableList', (t) => {
    const vpc = text(t.VpcId)
    const id = text(t.RouteTableId)
    if (vpc && id && t.RouteTableType === 'System') systemTableOf.set(vpc, id)
  })
  addEach('DescribeVpcs', {
    id: 'VpcId',
    name: 'VpcName',
    type: 'alicloud_vpc',
    values: (v, id) => {
      const tables = stringsAt(v, 'RouterTableIds.RouterTableIds')
      return {
        vpc_name: text(v.VpcName),
        cidr_block: text(v.CidrBlock),
        route_table_id: systemTableOf.get(id) ?? (tables.length === 1 ? tables[0] : undefined),
      }
    },
    account: (v) => text(v.OwnerId),
  })
  const attach = (rt: string, vsw: string, file: ImportFile) =>
    add('alicloud_route_table_attachment', `${rt}:${vsw}`, { vswitch_id: vsw, route_table_id: rt }, file, {
      address: `${rt} → ${vsw}`,
    })
  const vswitch: Each = {
    id: 'VSwitchId',
    name: 'VSwitchName',
    type: 'alicloud_vswitch',
    values: (s) => ({
      vswitch_name: text(s.VSwitchName),
      vpc_id: text(s.VpcId),
      cidr_block: text(s.CidrBlock),
      zone_id: text(s.ZoneId),
    }),
  }
  addEach('DescribeVSwitches', vswitch, (id, s, file) => {
    const rt = isRecord(s.RouteTable) ? s.RouteTable : {}
    const rtId = text(rt.RouteTableId)
    if (rtId && rt.RouteTableType === 'Custom') attach(rtId, id, file)
  })

  // --- route tables, their bindings, IPv4 gateways
  const gatewayTables = new Set<string>()
  const gatewayAttach = (rt: string, gw: string, file: ImportFile) => {
    gatewayTables.add(rt)
    add(
      'alicloud_vpc_gateway_route_table_attachment',
      `${rt}:${gw}`,
      { ipv4_gateway_id: gw, route_table_id: rt },
      file,
      {
        address: `${rt} → ${gw}`,
      },
    )
  }
  each('DescribeRouteTableList', (t, file) => {
    const id = text(t.RouteTableId)
    if (!id || t.RouteTableType === 'System') return
    add(
      'alicloud_route_table',
      id,
      { route_table_name: text(t.RouteTableName), vpc_id: text(t.VpcId), associate_type: text(t.AssociateType) },
      file,
      { label: text(t.RouteTableName) },
    )
    if (t.AssociateType === 'Gateway') gatewayTables.add(id)
    for (const vsw of stringsAt(t, 'VSwitchIds.VSwitchId')) attach(id, vsw, file)
    for (const gw of stringsAt(t, 'GatewayIds.GatewayIds'))
      if (gw.startsWith('ipv4gw-')) gatewayAttach(id, gw, file)
      else
        note(
          'notModelled',
          `${id} → ${gw}`,
          `route table ${id} is bound to gateway ${gw}, which the design does not model`,
          file,
        )
  })
  const ipv4Gateway: Each = {
    id: 'Ipv4GatewayId',
    name: 'Ipv4GatewayName',
    type: 'alicloud_vpc_ipv4_gateway',
    values: (g) => ({
      ipv4_gateway_name: text(g.Ipv4GatewayName),
      vpc_id: text(g.VpcId),
      ipv4_gateway_route_table_id: text(g.Ipv4GatewayRouteTableId),
    }),
  }
  addEach('ListIpv4Gateways', ipv4Gateway, (id, g, file) => {
    const rt = text(g.Ipv4GatewayRouteTableId)
    if (rt) gatewayAttach(rt, id, file)
  })

  // --- route entries: custom ones, and system ones whose next hop was edited to something the design models
  const routes = new Set<string>()
  each('DescribeRouteEntryList', (e, file) => {
    const rt = text(e.RouteTableId)
    const destination = text(e.DestinationCidrBlock)
    if (!rt || !destination) return
    const hops = listAt(e, 'NextHops.NextHop') ?? []
    const type = text(hops[0]?.NextHopType)
    if (e.Type !== 'Custom' && !(type && MODELLED_HOPS.has(type))) return
    const key = `${rt}:${destination}`
    if (routes.has(key)) return
    routes.add(key)
    if (hops.length > 1)
      note(
        'assumed',
        `${rt} ${destination}`,
        `${hops.length} next hops (ECMP); the design takes the first, ${text(hops[0]?.NextHopId)}`,
        file,
      )
    add(
      'alicloud_route_entry',
      text(e.RouteEntryId) ?? key,
      {
        route_table_id: rt,
        destination_cidrblock: destination,
        nexthop_type: type,
        nexthop_id: text(hops[0]?.NextHopId),
        name: text(e.RouteEntryName),
      },
      file,
      { address: `${rt} ${destination}` },
    )
  })
  for (const r of of('ListGatewayRouteTableEntries')) {
    const rt = parentOf(
      r.file,
      /vtb-[a-z0-9]+/,
      [...gatewayTables],
      'gateway route table',
      'ListGatewayRouteTableEntries',
    )
    if (!rt) continue
    for (const e of r.items) {
      const destination = text(e.DestinationCidrBlock)
      // this call says EcsInstance where the route entry APIs say Instance
      const type = e.NextHopType === 'EcsInstance' ? 'Instance' : text(e.NextHopType)
      if (!destination || !type || type === 'Local') continue
      const key = `${rt}:${destination}`
      if (routes.has(key)) continue
      routes.add(key)
      add(
        'terraform_data',
        key,
        {
          triggers_replace: { route_table_id: rt, destination, next_hop_type: type, next_hop_id: text(e.NextHopId) },
        },
        r.file,
        { address: `${rt} ${destination}` },
      )
    }
  }

  // --- ECS: security groups and their rules, instances, EIPs
  // a group in DescribeSecurityGroups and in its DescribeSecurityGroupAttribute is one: their fields merge
  const securityGroup = (values: (g: Json) => Record<string, unknown>): Each => ({
    id: 'SecurityGroupId',
    name: 'SecurityGroupName',
    type: 'alicloud_security_group',
    values: (g) => ({ security_group_name: text(g.SecurityGroupName), vpc_id: text(g.VpcId), ...values(g) }),
  })
  addEach(
    'DescribeSecurityGroups',
    securityGroup((g) => ({ security_group_type: text(g.SecurityGroupType) })),
  )
  addEach(
    'DescribeSecurityGroupAttribute',
    securityGroup((g) => ({ inner_access_policy: text(g.InnerAccessPolicy) })),
    (id, g, file) => {
      ;(listAt(g, 'Permissions.Permission') ?? []).forEach((p, i) => {
        const direction = p.Direction === 'egress' ? 'egress' : 'ingress'
        add(
          'alicloud_security_group_rule',
          `${id}:${direction}:${i}`,
          {
            security_group_id: id,
            type: direction,
            ip_protocol: text(p.IpProtocol)?.toLowerCase(),
            port_range: text(p.PortRange),
            cidr_ip: text(direction === 'ingress' ? p.SourceCidrIp : p.DestCidrIp),
            policy: text(p.Policy)?.toLowerCase(),
            priority: text(p.Priority),
            description: text(p.Description),
          },
          file,
          { address: `${id} ${direction} rule ${i + 1}` },
        )
      })
    },
  )
  each('DescribeInstances', (inst, file) => {
    const id = text(inst.InstanceId)
    if (!id) return
    const vpc = isRecord(inst.VpcAttributes) ? inst.VpcAttributes : {}
    const vswitch = text(vpc.VSwitchId)
    if (!vswitch) {
      note(
        'unplaced',
        id,
        'a classic-network instance (no VpcAttributes.VSwitchId): the design places instances in vSwitches',
        file,
      )
      return
    }
    const privateIp = stringsAt(vpc, 'PrivateIpAddress.IpAddress')[0]
    const enis = listAt(inst, 'NetworkInterfaces.NetworkInterface') ?? []
    const primary =
      enis.find((n) => n.Type === 'Primary') ?? enis.find((n) => n.PrimaryIpAddress === privateIp) ?? enis[0]
    add(
      'alicloud_instance',
      id,
      {
        instance_name: text(inst.InstanceName),
        vswitch_id: vswitch,
        private_ip: privateIp,
        public_ip:
          stringsAt(inst, 'PublicIpAddress.IpAddress')[0] ??
          (isRecord(inst.EipAddress) ? text(inst.EipAddress.IpAddress) : undefined),
        security_groups: stringsAt(inst, 'SecurityGroupIds.SecurityGroupId'),
        network_interface_id: text(primary?.NetworkInterfaceId),
      },
      file,
      { label: text(inst.InstanceName) },
    )
  })
  each('DescribeEipAddresses', (e, file) => {
    const id = text(e.AllocationId)
    if (!id) return
    const owner = text(e.InstanceId)
    if (!owner) {
      note(
        'notModelled',
        id,
        'an EIP associated with nothing: the design models public addresses of instances only',
        file,
      )
      return
    }
    if (e.InstanceType !== 'EcsInstance') {
      note(
        'notModelled',
        id,
        `an EIP on ${text(e.InstanceType) ?? 'a resource'} ${owner}: the design gives public addresses to ECS instances only`,
        file,
      )
      return
    }
    add('alicloud_eip_address', id, { ip_address: text(e.IpAddress) }, file, { label: text(e.Name) })
    add('alicloud_eip_association', `${id}:${owner}`, { allocation_id: id, instance_id: owner }, file, {
      address: `${id} → ${owner}`,
    })
  })

  // --- GWLB: load balancers, server groups with their servers, listeners
  addEach('ListLoadBalancers', {
    id: 'LoadBalancerId',
    name: 'LoadBalancerName',
    type: 'alicloud_gwlb_load_balancer',
    values: (lb) => ({
      load_balancer_name: text(lb.LoadBalancerName),
      vpc_id: text(lb.VpcId),
      zone_mappings: (listAt(lb, 'ZoneMappings') ?? []).map((z) => ({
        zone_id: text(z.ZoneId),
        vswitch_id: text(z.VSwitchId),
        load_balancer_addresses: (listAt(z, 'LoadBalancerAddresses') ?? []).map((a) => ({
          private_ipv4_address: text(a.PrivateIpv4Address),
        })),
      })),
    }),
  })
  const serversOf = new Map<string, { server_id: string | undefined; server_type: string | undefined }[]>()
  const serverFiles = new Map<string, ImportFile>()
  each('ListServerGroupServers', (s, file) => {
    const group = text(s.ServerGroupId)
    if (!group) return
    serversOf.set(group, [
      ...(serversOf.get(group) ?? []),
      { server_id: text(s.ServerId), server_type: text(s.ServerType) },
    ])
    serverFiles.set(group, file)
  })
  const groups = new Set<string>()
  const serverGroup: Each = {
    id: 'ServerGroupId',
    name: 'ServerGroupName',
    type: 'alicloud_gwlb_server_group',
    values: (g, id) => ({
      server_group_name: text(g.ServerGroupName),
      scheduler: text(g.Scheduler),
      health_check_config: snakeBlock(g.HealthCheckConfig),
      connection_drain_config: snakeBlock(g.ConnectionDrainConfig),
      servers: serversOf.get(id) ?? [],
    }),
  }
  addEach('ListServerGroups', serverGroup, (id) => groups.add(id))
  for (const [group, servers] of serversOf)
    if (!groups.has(group))
      note(
        'unplaced',
        group,
        `${servers.length} server(s) of server group ${group}, which is not in the input (ListServerGroups)`,
        serverFiles.get(group) as ImportFile,
      )
  addEach('ListListeners', {
    id: 'ListenerId',
    name: 'ListenerDescription',
    type: 'alicloud_gwlb_listener',
    values: (l) => ({
      load_balancer_id: text(l.LoadBalancerId),
      server_group_id: text(l.ServerGroupId),
      listener_description: text(l.ListenerDescription),
    }),
  })

  // --- PrivateLink: services with their resources and users, endpoints with their zones and connections
  const services: string[] = []
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
  addEach('ListVpcEndpointServices', service, (id) => services.push(id))
  const SERVICE_ID = /epsrv-[a-z0-9]+/
  for (const r of of('ListVpcEndpointServiceResources')) {
    const svc = parentOf(r.file, SERVICE_ID, services, 'endpoint service', 'ListVpcEndpointServiceResources')
    if (!svc) continue
    for (const x of r.items) {
      const resource = text(x.ResourceId)
      if (!resource) continue
      add(
        'alicloud_privatelink_vpc_endpoint_service_resource',
        `${svc}:${resource}:${text(x.ZoneId) ?? ''}`,
        { service_id: svc, resource_id: resource, zone_id: text(x.ZoneId), resource_type: text(x.ResourceType) },
        r.file,
        { address: `${svc} ← ${resource}` },
      )
    }
  }
  for (const r of of('ListVpcEndpointServiceUsers')) {
    const svc = parentOf(r.file, SERVICE_ID, services, 'endpoint service', 'ListVpcEndpointServiceUsers')
    if (!svc) continue
    for (const u of r.items) {
      // acs:ram:*::* is the ARN of every account
      const arn = text(u.UserARN)
      const user = arn === 'acs:ram:*::*' ? '*' : (text(u.UserId) ?? arn)
      if (!user) continue
      add(
        'alicloud_privatelink_vpc_endpoint_service_user',
        `${svc}:${user}`,
        user === arn ? { service_id: svc, user_arn: arn } : { service_id: svc, user_id: user },
        r.file,
        { address: `${svc} user ${user}` },
      )
    }
  }
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
  addEach('ListVpcEndpoints', endpoint, (id) => endpoints.push(id))
  for (const r of of('ListVpcEndpointZones')) {
    // a zone's domain starts with its endpoint's id (ep-...-<zone>.epsrv-...); GWLB endpoints may have none
    const fromDomains = r.items.map((z) => /^ep-[a-z0-9]+/.exec(text(z.ZoneDomain) ?? '')?.[0])
    const ep =
      fromDomains.find((x) => x) ?? parentOf(r.file, /ep-[a-z0-9]+/, endpoints, 'endpoint', 'ListVpcEndpointZones')
    if (!ep) continue
    for (const z of r.items) {
      const zone = text(z.ZoneId)
      if (!zone) continue
      add(
        'alicloud_privatelink_vpc_endpoint_zone',
        `${ep}:${zone}`,
        { endpoint_id: ep, zone_id: zone, vswitch_id: text(z.VSwitchId), eni_ip: text(z.EniIp) },
        r.file,
        { address: `${ep} zone ${zone}` },
      )
    }
  }
  each('ListVpcEndpointConnections', (c, file) => {
    const ep = text(c.EndpointId)
    const svc = text(c.ServiceId)
    if (ep && svc && c.ConnectionStatus === 'Connected')
      add('alicloud_privatelink_vpc_endpoint_connection', `${ep}:${svc}`, { endpoint_id: ep, service_id: svc }, file, {
        address: `${svc} ← ${ep}`,
      })
  })

  // --- outputs of kinds the design does not model: listed by id, so what refers to them says so
  const listed = { values: () => ({}) }
  addEach('DescribeNatGateways', { ...listed, id: 'NatGatewayId', name: 'Name', type: 'alicloud_nat_gateway' })
  addEach('DescribeLoadBalancers', {
    ...listed,
    id: 'LoadBalancerId',
    name: 'LoadBalancerName',
    type: 'alicloud_slb_load_balancer',
  })
  each('ListLoadBalancers (ALB/NLB)', (lb, file) => {
    const id = text(lb.LoadBalancerId)
    if (id) add(id.startsWith('nlb-') ? 'alicloud_nlb_load_balancer' : 'alicloud_alb_load_balancer', id, {}, file)
  })

  return { instances: [...out.values()], regionId }
}
