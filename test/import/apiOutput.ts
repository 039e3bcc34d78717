// What the `aliyun` CLI would print for a design's deployment, written field by field from the published API
// references (VPC 2016-04-28, ECS 2014-05-26, GWLB 2024-04-15, PrivateLink 2020-04-15): the RPC-style
// wrappers (Vpcs.Vpc[], RouterTableIds.RouterTableIds[]), the request ids and counts around each list, and
// fields the importer does not read. One folder per account, one file per call (per parent where the call is
// asked about one: a route table's entries, a service's resources, an endpoint's zones).
import type { ImportFile } from '../../src/import'
import type { Design, Resource, ResourceOf } from '../../src/model'

export interface ApiOutput {
  files: ImportFile[]
  /** design id → the cloud id the output gives it */
  cloudIdOf: Map<string, string>
}

const PREFIX: Partial<Record<Resource['kind'], string>> = {
  vpc: 'vpc',
  vswitch: 'vsw',
  routeTable: 'vtb',
  ipv4Gateway: 'ipv4gw',
  securityGroup: 'sg',
  ecs: 'i',
  appliance: 'i',
  gwlb: 'gwlb',
  endpointService: 'epsrv',
  gwlbEndpoint: 'ep',
}

/** An account UID as the APIs print it: a number where it fits one exactly. */
const uid = (id: string) => (Number.isSafeInteger(Number(id)) ? Number(id) : id)

export function toApiOutput(design: Design): ApiOutput {
  const cloudIdOf = new Map<string, string>()
  const taken = new Set<string>()
  for (const r of design.resources) {
    const prefix = PREFIX[r.kind]
    if (!prefix) continue
    const slug = r.id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'x'
    let id = `${prefix}-${slug}`
    for (let n = 2; taken.has(id); n++) id = `${prefix}-${slug}${n}`
    taken.add(id)
    cloudIdOf.set(r.id, id)
  }
  const cid = (id: string) => cloudIdOf.get(id) ?? id
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const of = <K extends Resource['kind']>(kind: K) =>
    design.resources.filter((r): r is ResourceOf<K> => r.kind === kind)
  const eniOf = (id: string) => `eni-${cid(id).replace(/^[a-z0-9]+-/, '')}`
  const region = design.regionId
  const request = (n: number) => ({ RequestId: `4B6A1C2D-0000-4000-8000-${String(n).padStart(12, '0')}` })

  // every resource's account: its own, or its VPC's
  const vpcOf = (r: Resource): string | undefined => {
    if (r.kind === 'vpc') return r.id
    if ('vpcId' in r) return r.vpcId
    if ('vswitchId' in r) {
      const v = byId.get(r.vswitchId)
      return v?.kind === 'vswitch' ? v.vpcId : undefined
    }
    return undefined
  }
  const accountOf = (r: Resource): string => {
    if (r.kind === 'endpointService' || r.kind === 'gwlbEndpoint' || r.kind === 'vpc') return r.accountId
    const vpc = byId.get(vpcOf(r) ?? '')
    return vpc?.kind === 'vpc' ? vpc.accountId : (design.accounts[0]?.id ?? '0')
  }
  const files = new Map<string, Record<string, unknown>>()
  let requests = 0
  /** Adds items to a call's list in an account's file, creating the file with its wrapper. */
  const put = (account: string, name: string, wrap: (items: unknown[]) => Record<string, unknown>, item: unknown) => {
    const path = `${account}/${name}.json`
    const lists = (files.get(path)?.__items as unknown[]) ?? []
    lists.push(item)
    files.set(path, { __items: lists, __wrap: wrap })
  }
  const rpc = (outer: string, inner: string) => (items: unknown[]) => ({
    ...request(++requests),
    TotalCount: items.length,
    PageNumber: 1,
    PageSize: 50,
    [outer]: { [inner]: items },
  })
  const list = (key: string) => (items: unknown[]) => ({
    ...request(++requests),
    TotalCount: items.length,
    MaxResults: 50,
    NextToken: '',
    [key]: items,
  })

  const systemTable = (vpcId: string) => `vtb-sys${cid(vpcId).slice(4)}`
  for (const v of of('vpc')) {
    put(v.accountId, 'DescribeVpcs', rpc('Vpcs', 'Vpc'), {
      VpcId: cid(v.id),
      VpcName: v.name ?? '',
      CidrBlock: v.cidrBlock,
      RegionId: region,
      OwnerId: uid(v.accountId),
      Status: 'Available',
      IsDefault: false,
      VRouterId: `vrt-${cid(v.id).slice(4)}`,
      RouterTableIds: { RouterTableIds: [systemTable(v.id)] },
      VSwitchIds: {
        VSwitchId: of('vswitch')
          .filter((s) => s.vpcId === v.id)
          .map((s) => cid(s.id)),
      },
    })
    // the system route table: bound to the vSwitches without a table of their own
    put(v.accountId, 'DescribeRouteTableList', rpc('RouterTableList', 'RouterTableListType'), {
      RouteTableId: systemTable(v.id),
      RouteTableName: '',
      RouteTableType: 'System',
      AssociateType: 'VSwitch',
      RouterType: 'VRouter',
      VpcId: cid(v.id),
      OwnerId: uid(v.accountId),
      Status: 'Available',
      VSwitchIds: {
        VSwitchId: of('vswitch')
          .filter((s) => s.vpcId === v.id && !s.routeTableId)
          .map((s) => cid(s.id)),
      },
      GatewayIds: { GatewayIds: [] },
    })
  }
  for (const s of of('vswitch')) {
    const rt = s.routeTableId ? byId.get(s.routeTableId) : undefined
    put(accountOf(s), 'DescribeVSwitches', rpc('VSwitches', 'VSwitch'), {
      VSwitchId: cid(s.id),
      VSwitchName: s.name ?? '',
      VpcId: cid(s.vpcId),
      CidrBlock: s.cidrBlock,
      ZoneId: s.zoneId,
      Status: 'Available',
      AvailableIpAddressCount: 250,
      IsDefault: false,
      RouteTable: rt
        ? { RouteTableId: cid(rt.id), RouteTableType: 'Custom' }
        : { RouteTableId: systemTable(s.vpcId), RouteTableType: 'System' },
    })
  }
  const hopId = (type: string, id: string) =>
    type === 'NetworkInterface' && (byId.get(id)?.kind === 'ecs' || byId.get(id)?.kind === 'appliance')
      ? eniOf(id)
      : cid(id)
  for (const t of of('routeTable')) {
    const account = accountOf(t)
    const gateways = of('ipv4Gateway').filter((g) => g.gatewayRouteTableId === t.id)
    put(account, 'DescribeRouteTableList', rpc('RouterTableList', 'RouterTableListType'), {
      RouteTableId: cid(t.id),
      RouteTableName: t.name ?? '',
      RouteTableType: 'Custom',
      AssociateType: t.routeTableType,
      RouterType: 'VRouter',
      VpcId: cid(t.vpcId),
      OwnerId: uid(account),
      Status: 'Available',
      VSwitchIds: {
        VSwitchId: of('vswitch')
          .filter((s) => s.routeTableId === t.id)
          .map((s) => cid(s.id)),
      },
      GatewayIds: { GatewayIds: gateways.map((g) => cid(g.id)) },
    })
    if (t.routeTableType === 'Gateway') {
      // the gateway table's entries as ListGatewayRouteTableEntries prints them (it does not print the table id)
      for (const e of t.entries)
        put(account, `ListGatewayRouteTableEntries-${cid(t.id)}`, list('GatewayRouteEntryModels'), {
          DestinationCidrBlock: e.destinationCidrBlock,
          Name: e.name ?? '',
          NextHopType: e.nextHopType === 'Instance' ? 'EcsInstance' : e.nextHopType,
          NextHopId: hopId(e.nextHopType, e.nextHopId),
          Status: 'Available',
          NextHops: [],
        })
      continue
    }
    const entries = [
      // a system route as the API lists it: the design derives these, so the importer skips them
      ...of('vswitch')
        .filter((s) => s.vpcId === t.vpcId)
        .slice(0, 1)
        .map((s) => ({
          RouteTableId: cid(t.id),
          RouteEntryId: `rte-sys${cid(s.id).slice(4)}`,
          DestinationCidrBlock: s.cidrBlock,
          Type: 'System',
          IpVersion: 'ipv4',
          Status: 'Available',
          NextHops: { NextHop: [] },
        })),
      ...t.entries.map((e, i) => ({
        RouteTableId: cid(t.id),
        RouteEntryId: `rte-${cid(t.id).slice(4)}${i}`,
        RouteEntryName: e.name ?? '',
        DestinationCidrBlock: e.destinationCidrBlock,
        Type: 'Custom',
        IpVersion: 'ipv4',
        Status: 'Available',
        NextHops: {
          NextHop: [
            { NextHopType: e.nextHopType, NextHopId: hopId(e.nextHopType, e.nextHopId), Enabled: 1, Weight: 100 },
          ],
        },
      })),
    ]
    for (const e of entries)
      put(
        account,
        `DescribeRouteEntryList-${cid(t.id)}`,
        (items) => ({ ...request(++requests), NextToken: '', RouteEntrys: { RouteEntry: items } }),
        e,
      )
  }
  for (const g of of('ipv4Gateway'))
    put(accountOf(g), 'ListIpv4Gateways', list('Ipv4GatewayModels'), {
      Ipv4GatewayId: cid(g.id),
      Ipv4GatewayName: g.name ?? '',
      VpcId: cid(g.vpcId),
      Ipv4GatewayRouteTableId: g.gatewayRouteTableId ? cid(g.gatewayRouteTableId) : '',
      Enabled: true,
      Status: 'Created',
    })
  for (const g of of('securityGroup')) {
    const account = accountOf(g)
    put(account, 'DescribeSecurityGroups', rpc('SecurityGroups', 'SecurityGroup'), {
      SecurityGroupId: cid(g.id),
      SecurityGroupName: g.name ?? '',
      VpcId: cid(g.vpcId),
      SecurityGroupType: g.securityGroupType === 'enterprise' ? 'enterprise' : 'normal',
      Description: '',
    })
    files.set(`${account}/DescribeSecurityGroupAttribute-${cid(g.id)}.json`, {
      ...request(++requests),
      RegionId: region,
      SecurityGroupId: cid(g.id),
      SecurityGroupName: g.name ?? '',
      VpcId: cid(g.vpcId),
      Description: '',
      InnerAccessPolicy: g.securityGroupType === 'basic' ? g.innerAccessPolicy : 'Drop',
      Permissions: {
        Permission: g.rules.map((r) => ({
          Direction: r.direction,
          IpProtocol: r.ipProtocol.toUpperCase(),
          PortRange: r.portRange,
          SourceCidrIp: r.direction === 'ingress' ? r.sourceCidrIp : '',
          DestCidrIp: r.direction === 'egress' ? r.destCidrIp : '',
          Policy: r.policy === 'accept' ? 'Accept' : 'Drop',
          Priority: String(r.priority),
          Description: r.description ?? '',
          NicType: 'intranet',
          SourceGroupId: '',
          DestGroupId: '',
        })),
      },
    })
  }
  for (const r of design.resources) {
    if (r.kind !== 'ecs' && r.kind !== 'appliance') continue
    const account = accountOf(r)
    const vsw = byId.get(r.vswitchId)
    const pub = r.kind === 'ecs' ? r.publicIpAddress : undefined
    const allocation = `eip-${cid(r.id).slice(2)}`
    put(account, 'DescribeInstances', rpc('Instances', 'Instance'), {
      InstanceId: cid(r.id),
      InstanceName: r.name ?? '',
      RegionId: region,
      ZoneId: vsw?.kind === 'vswitch' ? vsw.zoneId : '',
      Status: 'Running',
      InstanceNetworkType: 'vpc',
      InstanceType: 'ecs.g7.large',
      VpcAttributes: {
        VpcId: vsw?.kind === 'vswitch' ? cid(vsw.vpcId) : '',
        VSwitchId: cid(r.vswitchId),
        PrivateIpAddress: { IpAddress: [r.privateIpAddress] },
        NatIpAddress: '',
      },
      SecurityGroupIds: { SecurityGroupId: r.securityGroupIds.map(cid) },
      PublicIpAddress: { IpAddress: [] },
      EipAddress: pub ? { AllocationId: allocation, IpAddress: pub } : { AllocationId: '', IpAddress: '' },
      NetworkInterfaces: {
        NetworkInterface: [{ NetworkInterfaceId: eniOf(r.id), PrimaryIpAddress: r.privateIpAddress }],
      },
    })
    if (pub)
      put(account, 'DescribeEipAddresses', rpc('EipAddresses', 'EipAddress'), {
        AllocationId: allocation,
        IpAddress: pub,
        InstanceId: cid(r.id),
        InstanceType: 'EcsInstance',
        Status: 'InUse',
        RegionId: region,
        Name: '',
      })
  }
  for (const lb of of('gwlb')) {
    const account = accountOf(lb)
    put(account, 'ListLoadBalancers', list('LoadBalancers'), {
      LoadBalancerId: cid(lb.id),
      LoadBalancerName: lb.name ?? '',
      VpcId: cid(lb.vpcId),
      AddressIpVersion: 'IPv4',
      LoadBalancerStatus: 'Active',
      LoadBalancerBusinessStatus: 'Normal',
      ZoneMappings: lb.zoneMappings.map((m) => ({
        ZoneId: m.zoneId,
        VSwitchId: cid(m.vswitchId),
        LoadBalancerAddresses: [
          { EniId: `eni-${cid(lb.id).slice(5)}${m.zoneId.slice(-1)}`, PrivateIpv4Address: m.privateIpAddress },
        ],
      })),
    })
    const sg = lb.serverGroup
    if (!sg) continue
    const sgp = `sgp-${cid(lb.id).slice(5)}`
    const hc = sg.healthCheck
    put(account, 'ListServerGroups', list('ServerGroups'), {
      ServerGroupId: sgp,
      ServerGroupName: sg.name ?? '',
      ServerGroupType: 'Instance',
      Protocol: 'GENEVE',
      Scheduler: sg.scheduler,
      VpcId: cid(lb.vpcId),
      ServerFailoverMode: sg.serverFailoverMode,
      ServerGroupStatus: 'Available',
      ServerCount: sg.servers.length,
      RelatedLoadBalancerIds: lb.listener ? [cid(lb.id)] : [],
      HealthCheckConfig: {
        HealthCheckEnabled: hc.enabled,
        HealthCheckProtocol: hc.protocol,
        HealthCheckConnectPort: hc.port,
        HealthCheckConnectTimeout: hc.timeout,
        HealthCheckInterval: hc.interval,
        HealthyThreshold: hc.healthyThreshold,
        UnhealthyThreshold: hc.unhealthyThreshold,
        ...(hc.path
          ? { HealthCheckPath: hc.path, HealthCheckDomain: '$SERVER_IP', HealthCheckHttpCode: ['http_2xx'] }
          : {}),
      },
      ConnectionDrainConfig: {
        ConnectionDrainEnabled: sg.connectionDrain.enabled,
        ConnectionDrainTimeout: sg.connectionDrain.timeout,
      },
    })
    for (const s of sg.servers) {
      const server = byId.get(s)
      put(account, `ListServerGroupServers-${sgp}`, list('Servers'), {
        ServerGroupId: sgp,
        ServerId: cid(s),
        ServerIp: server?.kind === 'appliance' ? server.privateIpAddress : '',
        ServerType: 'Ecs',
        Port: 6081,
        Status: 'Available',
      })
    }
    if (lb.listener)
      put(account, 'ListListeners', list('Listeners'), {
        ListenerId: `lsn-${cid(lb.id).slice(5)}`,
        LoadBalancerId: cid(lb.id),
        ServerGroupId: sgp,
        ListenerDescription: lb.listener.description ?? '',
        ListenerStatus: 'Running',
        TcpIdleTimeout: 350,
      })
  }
  const serviceName = (id: string) => `com.aliyuncs.privatelink.${region}.${cid(id)}`
  for (const s of of('endpointService')) {
    put(s.accountId, 'ListVpcEndpointServices', list('Services'), {
      ServiceId: cid(s.id),
      ServiceName: serviceName(s.id),
      ServiceDescription: s.name ?? '',
      ServiceDomain: `${cid(s.id)}.${region}.privatelink.aliyuncs.com`,
      ServiceResourceType: 'gwlb',
      ServiceType: 'GatewayLoadBalancer',
      AutoAcceptEnabled: s.autoAcceptConnection,
      Payer: s.payer,
      AddressIpVersion: 'IPv4',
      ServiceStatus: 'Active',
      RegionId: region,
    })
    files.set(`${s.accountId}/ListVpcEndpointServiceResources-${cid(s.id)}.json`, {
      ...list('Resources')(
        s.resources.map((x) => ({
          ResourceId: cid(x.resourceId),
          ResourceType: 'gwlb',
          ZoneId: x.zoneId,
          RegionId: region,
        })),
      ),
    })
    files.set(`${s.accountId}/ListVpcEndpointServiceUsers-${cid(s.id)}.json`, {
      ...request(++requests),
      Users: s.whitelist.filter((u) => u !== '*').map((u) => ({ UserId: uid(u) })),
      UserARNs: s.whitelist.includes('*') ? [{ UserARN: 'acs:ram:*::*' }] : [],
    })
    const connections = of('gwlbEndpoint').filter((e) => e.serviceId === s.id)
    files.set(`${s.accountId}/ListVpcEndpointConnections-${cid(s.id)}.json`, {
      ...list('Connections')(
        connections.map((e) => ({
          EndpointId: cid(e.id),
          ServiceId: cid(s.id),
          ConnectionStatus: e.connectionStatus,
          EndpointOwnerId: uid(e.accountId),
          EndpointVpcId: cid(e.vpcId),
        })),
      ),
    })
  }
  for (const e of of('gwlbEndpoint')) {
    put(e.accountId, 'ListVpcEndpoints', list('Endpoints'), {
      EndpointId: cid(e.id),
      EndpointName: e.name ?? '',
      VpcId: cid(e.vpcId),
      ServiceId: cid(e.serviceId),
      ServiceName: serviceName(e.serviceId),
      EndpointType: 'GatewayLoadBalancer',
      ConnectionStatus: e.connectionStatus,
      EndpointStatus: 'Active',
      RegionId: region,
    })
    files.set(`${e.accountId}/ListVpcEndpointZones-${cid(e.id)}.json`, {
      ...list('Zones')([
        {
          ZoneId: e.zoneId,
          VSwitchId: cid(e.vswitchId),
          EniIp: e.ipAddress,
          EniId: eniOf(e.id),
          ZoneStatus: 'Connected',
          RegionId: region,
        },
      ]),
    })
  }

  const out: ImportFile[] = []
  for (const [path, body] of files) {
    const wrap = body.__wrap as ((items: unknown[]) => Record<string, unknown>) | undefined
    const json = wrap ? wrap(body.__items as unknown[]) : body
    out.push({ path, text: JSON.stringify(json, null, 2) })
  }
  return { files: out.sort((a, b) => a.path.localeCompare(b.path)), cloudIdOf }
}
