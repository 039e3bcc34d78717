// The describe/list calls whose output (as the `aliyun` CLI prints it) the importer reads, each recognised by its
// top-level keys, as Batfish recognises the files of an AWS snapshot. Names are the APIs' own, checked against
// the published API references and SDK models (VPC 2016-04-28, ECS 2014-05-26, GWLB 2024-04-15,
// PrivateLink 2020-04-15). Pure data and small readers.

export type Json = Record<string, unknown>

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The list at a path such as "Vpcs.Vpc" (RPC-style wrappers) or "LoadBalancers" (a plain list). */
export function listAt(doc: Json, path: string): Json[] | undefined {
  let v: unknown = doc
  for (const seg of path.split('.')) {
    if (!isRecord(v)) return undefined
    v = v[seg]
  }
  return Array.isArray(v) ? v.filter(isRecord) : undefined
}

export type SourceName =
  | 'DescribeVpcs'
  | 'DescribeVSwitches'
  | 'DescribeRouteTableList'
  | 'DescribeRouteEntryList'
  | 'ListGatewayRouteTableEntries'
  | 'ListIpv4Gateways'
  | 'DescribeInstances'
  | 'DescribeSecurityGroups'
  | 'DescribeSecurityGroupAttribute'
  | 'DescribeEipAddresses'
  | 'ListLoadBalancers'
  | 'ListServerGroups'
  | 'ListServerGroupServers'
  | 'ListListeners'
  | 'ListVpcEndpointServices'
  | 'ListVpcEndpointServiceResources'
  | 'ListVpcEndpointServiceUsers'
  | 'ListVpcEndpoints'
  | 'ListVpcEndpointZones'
  | 'ListVpcEndpointConnections'
  // outputs of kinds the design does not model: their resources are listed by id as "not modelled"
  | 'DescribeNatGateways'
  | 'DescribeLoadBalancers'
  | 'ListLoadBalancers (ALB/NLB)'

export interface ApiSource {
  name: SourceName
  /** product and API version */
  product: string
  /** the top-level key that holds the list, as the importer looks for it */
  key: string
  /** where the items are */
  list: string
  /** what the items become (a provider resource type, or "not modelled") */
  becomes: string
  /** the items of a document that is this call's output; undefined when it is not */
  items: (doc: Json) => Json[] | undefined
}

const VPC = 'VPC 2016-04-28'
const ECS = 'ECS 2014-05-26'
const GWLB = 'GWLB 2024-04-15'
const PL = 'PrivateLink 2020-04-15'

/** A list whose items carry a given field: tells, say, PrivateLink's Zones (EniIp) from ECS's Zones.Zone. */
const listWith =
  (path: string, ...fields: string[]) =>
  (doc: Json): Json[] | undefined => {
    const items = listAt(doc, path)
    if (!items) return undefined
    return items.every((i) => fields.some((f) => f in i)) ? items : undefined
  }

const isLoadBalancerOf = (prefix: RegExp, want: boolean) => (doc: Json) => {
  const items = listAt(doc, 'LoadBalancers')
  if (!items) return undefined
  const ours = items.every((i) => !prefix.test(String(i.LoadBalancerId ?? '')))
  return ours === want ? items : undefined
}

export const API_SOURCES: readonly ApiSource[] = [
  {
    name: 'DescribeVpcs',
    product: VPC,
    key: 'Vpcs',
    list: 'Vpcs.Vpc[]',
    becomes: 'alicloud_vpc',
    items: listWith('Vpcs.Vpc', 'VpcId'),
  },
  {
    name: 'DescribeVSwitches',
    product: VPC,
    key: 'VSwitches',
    list: 'VSwitches.VSwitch[]',
    becomes: 'alicloud_vswitch',
    items: listWith('VSwitches.VSwitch', 'VSwitchId'),
  },
  {
    name: 'DescribeRouteTableList',
    product: VPC,
    key: 'RouterTableList',
    list: 'RouterTableList.RouterTableListType[]',
    becomes: 'alicloud_route_table, its attachments; a System table is its VPC’s',
    items: listWith('RouterTableList.RouterTableListType', 'RouteTableId'),
  },
  {
    name: 'DescribeRouteEntryList',
    product: VPC,
    key: 'RouteEntrys',
    list: 'RouteEntrys.RouteEntry[]',
    becomes: 'alicloud_route_entry',
    items: listWith('RouteEntrys.RouteEntry', 'DestinationCidrBlock'),
  },
  {
    name: 'ListGatewayRouteTableEntries',
    product: VPC,
    key: 'GatewayRouteEntryModels',
    list: 'GatewayRouteEntryModels[]',
    becomes: 'gateway route edits (as terraform_data)',
    items: listWith('GatewayRouteEntryModels', 'DestinationCidrBlock'),
  },
  {
    name: 'ListIpv4Gateways',
    product: VPC,
    key: 'Ipv4GatewayModels',
    list: 'Ipv4GatewayModels[]',
    becomes: 'alicloud_vpc_ipv4_gateway',
    items: listWith('Ipv4GatewayModels', 'Ipv4GatewayId'),
  },
  {
    name: 'DescribeInstances',
    product: ECS,
    key: 'Instances',
    list: 'Instances.Instance[]',
    becomes: 'alicloud_instance',
    items: listWith('Instances.Instance', 'InstanceId'),
  },
  {
    name: 'DescribeSecurityGroups',
    product: ECS,
    key: 'SecurityGroups',
    list: 'SecurityGroups.SecurityGroup[]',
    becomes: 'alicloud_security_group',
    items: listWith('SecurityGroups.SecurityGroup', 'SecurityGroupId'),
  },
  {
    name: 'DescribeSecurityGroupAttribute',
    product: ECS,
    key: 'Permissions',
    list: '(the group itself); Permissions.Permission[]',
    becomes: 'alicloud_security_group (InnerAccessPolicy), alicloud_security_group_rule',
    items: (doc) => (typeof doc.SecurityGroupId === 'string' && isRecord(doc.Permissions) ? [doc] : undefined),
  },
  {
    name: 'DescribeEipAddresses',
    product: VPC,
    key: 'EipAddresses',
    list: 'EipAddresses.EipAddress[]',
    becomes: 'alicloud_eip_address, alicloud_eip_association',
    items: listWith('EipAddresses.EipAddress', 'AllocationId'),
  },
  {
    name: 'ListLoadBalancers',
    product: GWLB,
    key: 'LoadBalancers',
    list: 'LoadBalancers[]',
    becomes: 'alicloud_gwlb_load_balancer',
    items: isLoadBalancerOf(/^(alb|nlb)-/, true),
  },
  {
    name: 'ListServerGroups',
    product: GWLB,
    key: 'ServerGroups',
    list: 'ServerGroups[]',
    becomes: 'alicloud_gwlb_server_group',
    items: listWith('ServerGroups', 'ServerGroupId'),
  },
  {
    name: 'ListServerGroupServers',
    product: GWLB,
    key: 'Servers',
    list: 'Servers[]',
    becomes: 'alicloud_gwlb_server_group servers',
    items: listWith('Servers', 'ServerGroupId'),
  },
  {
    name: 'ListListeners',
    product: GWLB,
    key: 'Listeners',
    list: 'Listeners[]',
    becomes: 'alicloud_gwlb_listener',
    items: listWith('Listeners', 'ListenerId'),
  },
  {
    name: 'ListVpcEndpointServices',
    product: PL,
    key: 'Services',
    list: 'Services[]',
    becomes: 'alicloud_privatelink_vpc_endpoint_service',
    items: listWith('Services', 'ServiceId'),
  },
  {
    name: 'ListVpcEndpointServiceResources',
    product: PL,
    key: 'Resources',
    list: 'Resources[]',
    becomes: 'alicloud_privatelink_vpc_endpoint_service_resource',
    items: listWith('Resources', 'ResourceId'),
  },
  {
    name: 'ListVpcEndpointServiceUsers',
    product: PL,
    key: 'Users',
    list: 'Users[], UserARNs[]',
    becomes: 'alicloud_privatelink_vpc_endpoint_service_user',
    items: (doc) => {
      const users = listWith('Users', 'UserId')(doc)
      const arns = listWith('UserARNs', 'UserARN')(doc)
      return users || arns ? [...(users ?? []), ...(arns ?? [])] : undefined
    },
  },
  {
    name: 'ListVpcEndpoints',
    product: PL,
    key: 'Endpoints',
    list: 'Endpoints[]',
    becomes: 'alicloud_privatelink_vpc_endpoint',
    items: listWith('Endpoints', 'EndpointId'),
  },
  {
    name: 'ListVpcEndpointZones',
    product: PL,
    key: 'Zones',
    list: 'Zones[]',
    becomes: 'alicloud_privatelink_vpc_endpoint_zone',
    items: listWith('Zones', 'EniIp', 'VSwitchId'),
  },
  {
    name: 'ListVpcEndpointConnections',
    product: PL,
    key: 'Connections',
    list: 'Connections[]',
    becomes: 'alicloud_privatelink_vpc_endpoint_connection (when Connected); the endpoint’s account',
    items: listWith('Connections', 'EndpointId'),
  },
  {
    name: 'DescribeNatGateways',
    product: VPC,
    key: 'NatGateways',
    list: 'NatGateways.NatGateway[]',
    becomes: 'not modelled (listed by NatGatewayId)',
    items: listWith('NatGateways.NatGateway', 'NatGatewayId'),
  },
  {
    name: 'DescribeLoadBalancers',
    product: 'SLB 2014-05-15',
    key: 'LoadBalancers',
    list: 'LoadBalancers.LoadBalancer[]',
    becomes: 'not modelled (listed by LoadBalancerId)',
    items: listWith('LoadBalancers.LoadBalancer', 'LoadBalancerId'),
  },
  {
    name: 'ListLoadBalancers (ALB/NLB)',
    product: 'ALB 2020-06-16, NLB 2022-04-30',
    key: 'LoadBalancers',
    list: 'LoadBalancers[] (ids alb-..., nlb-...)',
    becomes: 'not modelled (listed by LoadBalancerId)',
    items: isLoadBalancerOf(/^(alb|nlb)-/, false),
  },
]

/** Top-level keys of the outputs above: enough for a cheap look at the head of a file (the CLI's). */
export const ALIYUN_KEYS: readonly string[] = [...new Set(API_SOURCES.map((s) => s.key))]

/** Which call printed this document, and its items; undefined when none of the known calls did. */
export function recogniseApiOutput(doc: Json): { source: ApiSource; items: Json[] } | undefined {
  for (const source of API_SOURCES) {
    const items = source.items(doc)
    if (items) return { source, items }
  }
  return undefined
}

/** The sources as the Markdown table docs/import.md shows. */
export function apiSourcesMarkdown(): string {
  const lines = ['| call | product | list read | becomes |', '| --- | --- | --- | --- |']
  for (const s of API_SOURCES) lines.push(`| ${s.name} | ${s.product} | \`${s.list}\` | ${s.becomes} |`)
  return lines.join('\n')
}
