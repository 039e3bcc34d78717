// The one table from the alicloud provider's resources (and the VPC/ECS/GWLB/PrivateLink APIs' names) to the
// design document. The builder reads attribute names from here, and docs/import.md prints it (a test keeps
// the two the same), so a row added here is a row both the importer and the user see.

export interface FieldMapping {
  /** the design field it fills, as "kind.field" */
  field: string
  /** provider attribute names, newest first (older provider versions used the later ones) */
  attributes: readonly string[]
  /** the API's name for the same value (describe/list output) */
  api: string
}

export interface ResourceMapping {
  tfType: string
  /** what the design makes of it */
  becomes: string
  /** the describe/list call (and its list) whose output gives the same resource; the fields' API names are its */
  apiCall: string
  fields: readonly FieldMapping[]
}

const f = (field: string, attributes: string | readonly string[], api: string): FieldMapping => ({
  field,
  attributes: typeof attributes === 'string' ? [attributes] : attributes,
  api,
})

export const MAPPING: readonly ResourceMapping[] = [
  {
    tfType: 'alicloud_vpc',
    becomes: 'vpc',
    apiCall: 'DescribeVpcs: Vpcs.Vpc[]',
    fields: [
      f('vpc.name', ['vpc_name', 'name'], 'VpcName'),
      f('vpc.cidrBlock', 'cidr_block', 'CidrBlock'),
      f('vpc.accountId', 'provider', 'OwnerId'),
      f(
        '(system route table)',
        'route_table_id',
        'RouterTableIds.RouterTableIds (the System table of DescribeRouteTableList)',
      ),
    ],
  },
  {
    tfType: 'alicloud_vswitch',
    becomes: 'vswitch',
    apiCall: 'DescribeVSwitches: VSwitches.VSwitch[]',
    fields: [
      f('vswitch.name', ['vswitch_name', 'name'], 'VSwitchName'),
      f('vswitch.vpcId', 'vpc_id', 'VpcId'),
      f('vswitch.cidrBlock', 'cidr_block', 'CidrBlock'),
      f('vswitch.zoneId', ['zone_id', 'availability_zone'], 'ZoneId'),
    ],
  },
  {
    tfType: 'alicloud_route_table',
    becomes: 'routeTable',
    apiCall: 'DescribeRouteTableList: RouterTableList.RouterTableListType[] (RouteTableType Custom)',
    fields: [
      f('routeTable.name', ['route_table_name', 'name'], 'RouteTableName'),
      f('routeTable.vpcId', 'vpc_id', 'VpcId'),
      f('routeTable.routeTableType', 'associate_type', 'AssociateType'),
    ],
  },
  {
    tfType: 'alicloud_route_table_attachment',
    becomes: 'vswitch.routeTableId',
    apiCall: 'DescribeRouteTableList: RouterTableList.RouterTableListType[].VSwitchIds',
    fields: [
      f('vswitch', 'vswitch_id', 'VSwitchIds.VSwitchId[]'),
      f('vswitch.routeTableId', 'route_table_id', 'RouteTableId'),
    ],
  },
  {
    tfType: 'alicloud_vpc_route_entry',
    becomes: 'routeTable.entries[]',
    apiCall: '(DescribeRouteEntryList output is read as alicloud_route_entry)',
    fields: [
      f('routeTable', 'route_table_id', 'RouteTableId'),
      f('entry.destinationCidrBlock', ['destination_cidr_block', 'destination_cidrblock'], 'DestinationCidrBlock'),
      f('entry.nextHopType', 'nexthop_type', 'NextHops.NextHop[].NextHopType'),
      f('entry.nextHopId', 'nexthop_id', 'NextHops.NextHop[].NextHopId'),
      f('entry.name', 'route_entry_name', 'RouteEntryName'),
    ],
  },
  {
    tfType: 'alicloud_route_entry',
    becomes: 'routeTable.entries[]',
    apiCall: 'DescribeRouteEntryList: RouteEntrys.RouteEntry[] (Type Custom, or System with a modelled next hop)',
    fields: [
      f('routeTable', 'route_table_id', 'RouteTableId'),
      f('entry.destinationCidrBlock', ['destination_cidrblock', 'destination_cidr_block'], 'DestinationCidrBlock'),
      f('entry.nextHopType', 'nexthop_type', 'NextHops.NextHop[].NextHopType'),
      f('entry.nextHopId', 'nexthop_id', 'NextHops.NextHop[].NextHopId'),
      f('entry.name', 'name', 'RouteEntryName'),
    ],
  },
  {
    tfType: 'terraform_data',
    becomes: 'routeTable.entries[] (Gateway table)',
    apiCall: 'ListGatewayRouteTableEntries: GatewayRouteEntryModels[] (NextHopType EcsInstance read as Instance)',
    fields: [
      f('routeTable', 'triggers_replace.route_table_id', 'RouteTableId, or the file name (vtb-...)'),
      f('entry.destinationCidrBlock', 'triggers_replace.destination', 'DestinationCidrBlock'),
      f('entry.nextHopType', 'triggers_replace.next_hop_type', 'NextHopType'),
      f('entry.nextHopId', 'triggers_replace.next_hop_id', 'NextHopId'),
    ],
  },
  {
    tfType: 'alicloud_vpc_ipv4_gateway',
    becomes: 'ipv4Gateway',
    apiCall: 'ListIpv4Gateways: Ipv4GatewayModels[]',
    fields: [
      f('ipv4Gateway.name', 'ipv4_gateway_name', 'Ipv4GatewayName'),
      f('ipv4Gateway.vpcId', 'vpc_id', 'VpcId'),
      f('ipv4Gateway.gatewayRouteTableId', 'ipv4_gateway_route_table_id', 'Ipv4GatewayRouteTableId'),
    ],
  },
  {
    tfType: 'alicloud_vpc_gateway_route_table_attachment',
    becomes: 'ipv4Gateway.gatewayRouteTableId',
    apiCall: 'DescribeRouteTableList: GatewayIds; ListIpv4Gateways: Ipv4GatewayRouteTableId',
    fields: [
      f('ipv4Gateway', 'ipv4_gateway_id', 'Ipv4GatewayId'),
      f('ipv4Gateway.gatewayRouteTableId', 'route_table_id', 'RouteTableId'),
    ],
  },
  {
    tfType: 'alicloud_security_group',
    becomes: 'securityGroup',
    apiCall: 'DescribeSecurityGroups: SecurityGroups.SecurityGroup[]; DescribeSecurityGroupAttribute',
    fields: [
      f('securityGroup.name', ['security_group_name', 'name'], 'SecurityGroupName'),
      f('securityGroup.vpcId', 'vpc_id', 'VpcId'),
      // the provider and the API say `normal` for what the console calls a basic group
      f('securityGroup.securityGroupType', 'security_group_type', 'SecurityGroupType'),
      f('securityGroup.innerAccessPolicy', 'inner_access_policy', 'InnerAccessPolicy'),
    ],
  },
  {
    tfType: 'alicloud_security_group_rule',
    becomes: 'securityGroup.rules[]',
    apiCall: 'DescribeSecurityGroupAttribute: Permissions.Permission[]',
    fields: [
      f('securityGroup', 'security_group_id', 'SecurityGroupId'),
      f('rule.direction', 'type', 'Direction'),
      f('rule.ipProtocol', 'ip_protocol', 'IpProtocol'),
      f('rule.portRange', 'port_range', 'PortRange'),
      f('rule.sourceCidrIp / destCidrIp', 'cidr_ip', 'SourceCidrIp / DestCidrIp'),
      f('rule.policy', 'policy', 'Policy'),
      f('rule.priority', 'priority', 'Priority'),
      f('rule.description', 'description', 'Description'),
    ],
  },
  {
    tfType: 'alicloud_instance',
    becomes: 'ecs, or appliance when a GWLB server group lists it',
    apiCall: 'DescribeInstances: Instances.Instance[]',
    fields: [
      f('ecs.name', ['instance_name'], 'InstanceName'),
      f('ecs.vswitchId', ['vswitch_id', 'subnet_id'], 'VpcAttributes.VSwitchId'),
      f('ecs.privateIpAddress', ['private_ip'], 'VpcAttributes.PrivateIpAddress.IpAddress[0]'),
      f('ecs.publicIpAddress', ['public_ip'], 'PublicIpAddress.IpAddress[0] / EipAddress.IpAddress'),
      f('ecs.securityGroupIds', ['security_groups'], 'SecurityGroupIds.SecurityGroupId'),
      f('(primary ENI)', 'network_interface_id', 'NetworkInterfaces.NetworkInterface[0].NetworkInterfaceId'),
    ],
  },
  {
    tfType: 'alicloud_eip_address',
    becomes: 'ecs.publicIpAddress (with its association)',
    apiCall: 'DescribeEipAddresses: EipAddresses.EipAddress[]',
    fields: [f('ecs.publicIpAddress', 'ip_address', 'IpAddress')],
  },
  {
    tfType: 'alicloud_eip_association',
    becomes: 'ecs.publicIpAddress',
    apiCall: 'DescribeEipAddresses: EipAddresses.EipAddress[] (InstanceType EcsInstance)',
    fields: [f('(the EIP)', 'allocation_id', 'AllocationId'), f('ecs', 'instance_id', 'InstanceId')],
  },
  {
    tfType: 'alicloud_gwlb_load_balancer',
    becomes: 'gwlb',
    apiCall: 'ListLoadBalancers (GWLB): LoadBalancers[]',
    fields: [
      f('gwlb.name', 'load_balancer_name', 'LoadBalancerName'),
      f('gwlb.vpcId', 'vpc_id', 'VpcId'),
      f('gwlb.zoneMappings[].zoneId', 'zone_mappings.zone_id', 'ZoneMappings.ZoneId'),
      f('gwlb.zoneMappings[].vswitchId', 'zone_mappings.vswitch_id', 'ZoneMappings.VSwitchId'),
      f(
        'gwlb.zoneMappings[].privateIpAddress',
        'zone_mappings.load_balancer_addresses.private_ipv4_address',
        'ZoneMappings.LoadBalancerAddresses.PrivateIpv4Address',
      ),
    ],
  },
  {
    tfType: 'alicloud_gwlb_server_group',
    becomes: 'gwlb.serverGroup (through its listener)',
    apiCall: 'ListServerGroups: ServerGroups[]; ListServerGroupServers: Servers[]',
    fields: [
      f('serverGroup.name', 'server_group_name', 'ServerGroupName'),
      f('serverGroup.scheduler', 'scheduler', 'Scheduler'),
      f('serverGroup.servers[]', 'servers.server_id', 'Servers.ServerId'),
      f('healthCheck.enabled', 'health_check_config.health_check_enabled', 'HealthCheckConfig.HealthCheckEnabled'),
      f('healthCheck.protocol', 'health_check_config.health_check_protocol', 'HealthCheckConfig.HealthCheckProtocol'),
      f(
        'healthCheck.port',
        'health_check_config.health_check_connect_port',
        'HealthCheckConfig.HealthCheckConnectPort',
      ),
      f(
        'healthCheck.timeout',
        'health_check_config.health_check_connect_timeout',
        'HealthCheckConfig.HealthCheckConnectTimeout',
      ),
      f('healthCheck.interval', 'health_check_config.health_check_interval', 'HealthCheckConfig.HealthCheckInterval'),
      f('healthCheck.healthyThreshold', 'health_check_config.healthy_threshold', 'HealthCheckConfig.HealthyThreshold'),
      f(
        'healthCheck.unhealthyThreshold',
        'health_check_config.unhealthy_threshold',
        'HealthCheckConfig.UnhealthyThreshold',
      ),
      f('healthCheck.path', 'health_check_config.health_check_path', 'HealthCheckConfig.HealthCheckPath'),
      f(
        'connectionDrain.enabled',
        'connection_drain_config.connection_drain_enabled',
        'ConnectionDrainConfig.ConnectionDrainEnabled',
      ),
      f(
        'connectionDrain.timeout',
        'connection_drain_config.connection_drain_timeout',
        'ConnectionDrainConfig.ConnectionDrainTimeout',
      ),
    ],
  },
  {
    tfType: 'alicloud_gwlb_listener',
    becomes: 'gwlb.listener',
    apiCall: 'ListListeners: Listeners[]',
    fields: [
      f('gwlb', 'load_balancer_id', 'LoadBalancerId'),
      f('gwlb.serverGroup', 'server_group_id', 'ServerGroupId'),
      f('listener.description', 'listener_description', 'ListenerDescription'),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint_service',
    becomes: 'endpointService',
    apiCall: 'ListVpcEndpointServices: Services[]',
    fields: [
      f('endpointService.name', 'service_description', 'ServiceDescription'),
      f('endpointService.autoAcceptConnection', 'auto_accept_connection', 'AutoAcceptEnabled'),
      f('endpointService.payer', 'payer', 'Payer'),
      f('endpointService.accountId', 'provider', 'the account of its folder (OwnerId of the VPCs there)'),
      f('(its name, for endpoints)', 'vpc_endpoint_service_name', 'ServiceName'),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint_service_resource',
    becomes: 'endpointService.resources[]',
    apiCall: 'ListVpcEndpointServiceResources: Resources[]',
    fields: [
      f('endpointService', 'service_id', 'the file name (epsrv-...), or the one service'),
      f('resources[].resourceId', 'resource_id', 'ResourceId'),
      f('resources[].zoneId', 'zone_id', 'ZoneId'),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint_service_user',
    becomes: 'endpointService.whitelist[]',
    apiCall: 'ListVpcEndpointServiceUsers: Users[], UserARNs[]',
    fields: [
      f('endpointService', 'service_id', 'the file name (epsrv-...), or the one service'),
      f('whitelist[]', ['user_id', 'user_arn'], 'UserId / UserARN'),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint',
    becomes: 'gwlbEndpoint (endpoint_type GatewayLoadBalancer)',
    apiCall: 'ListVpcEndpoints: Endpoints[]',
    fields: [
      f('gwlbEndpoint.name', 'vpc_endpoint_name', 'EndpointName'),
      f('gwlbEndpoint.vpcId', 'vpc_id', 'VpcId'),
      f('gwlbEndpoint.serviceId', ['service_id', 'service_name'], 'ServiceId / ServiceName'),
      f('gwlbEndpoint.connectionStatus', 'connection_status', 'ConnectionStatus'),
      f(
        'gwlbEndpoint.accountId',
        'provider',
        'EndpointOwnerId (ListVpcEndpointConnections), or the account of its folder',
      ),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint_zone',
    becomes: 'gwlbEndpoint zone, vSwitch and address',
    apiCall: 'ListVpcEndpointZones: Zones[]',
    fields: [
      f('gwlbEndpoint', 'endpoint_id', 'ZoneDomain (ep-...), or the file name'),
      f('gwlbEndpoint.zoneId', 'zone_id', 'ZoneId'),
      f('gwlbEndpoint.vswitchId', 'vswitch_id', 'VSwitchId'),
      f('gwlbEndpoint.ipAddress', 'eni_ip', 'EniIp'),
    ],
  },
  {
    tfType: 'alicloud_privatelink_vpc_endpoint_connection',
    becomes: 'gwlbEndpoint.connectionStatus = Connected',
    apiCall: 'ListVpcEndpointConnections: Connections[]',
    fields: [f('gwlbEndpoint', 'endpoint_id', 'EndpointId'), f('endpointService', 'service_id', 'ServiceId')],
  },
]

const BY_TYPE = new Map(MAPPING.map((m) => [m.tfType, m]))

export function mappingOf(tfType: string): ResourceMapping | undefined {
  return BY_TYPE.get(tfType)
}

/** The provider attribute names for a design field of a resource type; the table is the only place they are written. */
export function attributesFor(tfType: string, field: string): readonly string[] {
  const row = BY_TYPE.get(tfType)?.fields.find((x) => x.field === field)
  if (!row) throw new Error(`mapping: no row for ${tfType} ${field}`)
  return row.attributes
}

/** Resource types the importer reads but that become no resource of their own and need no report line. */
export const IGNORED_TYPES = new Set(['alicloud_ecs_network_interfaces'])

/** The mapping as the Markdown table docs/import.md shows. */
export function mappingMarkdown(): string {
  const lines = ['| provider resource | attribute | design field | API name |', '| --- | --- | --- | --- |']
  for (const m of MAPPING) {
    lines.push(`| \`${m.tfType}\` | | **${m.becomes}** | ${m.apiCall} |`)
    for (const x of m.fields)
      lines.push(`| | ${x.attributes.map((a) => `\`${a}\``).join(', ')} | ${x.field} | ${x.api} |`)
  }
  return lines.join('\n')
}
