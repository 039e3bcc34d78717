// The API call sequence of Alibaba Cloud's GWLB guide for a design (its "API" section), with parameters, and its teardown
// order, as data and as text. Pure: no DOM, no I/O; nothing is called.
import type {
  Design,
  EndpointService,
  GwlbEndpoint,
  Resource,
  RouteEntry,
  RouteTable,
  RouteTargetGroup,
  SecurityGroup,
  SecurityGroupRule,
} from '../model'

export type ApiProduct = 'Ecs' | 'Privatelink' | 'Vpc'

/** A value known only once an earlier call has returned: the output field of the call that created designId. */
export interface ApiOutput {
  output: string
  designId: string
}

export type ApiValue = string | number | boolean | ApiOutput

export interface ApiCall {
  api: string
  product: ApiProduct
  /** the API version of the product */
  version: string
  /** the account UID whose credentials make the call */
  accountId?: string
  parameters: Record<string, ApiValue>
  /** what the call returns that later calls use, and the design resource it stands for */
  creates?: ApiOutput
  note?: string
  /** the call returns before its work is done: poll this read call before the next step relies on it */
  waitUntil?: ApiWait
}

/**
 * Polling an asynchronous call to its end: call `api` with `parameters` until every field of `until` reads its
 * value (absent: until the resource is gone, the read answering that it does not exist).
 */
export interface ApiWait {
  api: string
  parameters: Record<string, ApiValue>
  until?: Record<string, string>
}

export interface ApiCallPlan {
  setup: ApiCall[]
  teardown: ApiCall[]
  /** calls an operator makes while it runs: SwitchActiveRouteTarget, back to a group's active member after a failover */
  operations: ApiCall[]
}

const PRIVATELINK = { product: 'Privatelink', version: '2020-04-15' } as const
const VPC = { product: 'Vpc', version: '2016-04-28' } as const
const ECS = { product: 'Ecs', version: '2014-05-26' } as const

/** CreateVpcEndpointService takes at most 10 resources; the rest are attached afterwards. */
const RESOURCES_AT_CREATION = 10

const out = (designId: string, output: string): ApiOutput => ({ designId, output })

/** The cloud id a design resource gets once created, as a placeholder for the calls that need it. */
function cloudId(r: Resource | undefined, fallbackId: string): ApiValue {
  switch (r?.kind) {
    case 'endpointService':
      return out(r.id, 'ServiceId')
    case 'gwlbEndpoint':
      return out(r.id, 'EndpointId')
    case 'gwlb':
      return out(r.id, 'LoadBalancerId')
    case 'vpc':
      return out(r.id, 'VpcId')
    case 'vswitch':
      return out(r.id, 'VSwitchId')
    case 'routeTable':
      return out(r.id, 'RouteTableId')
    case 'ipv4Gateway':
      return out(r.id, 'Ipv4GatewayId')
    case 'ecs':
    case 'appliance':
      return out(r.id, 'InstanceId')
    case 'securityGroup':
      return out(r.id, 'SecurityGroupId')
    case 'routeTargetGroup':
      return out(r.id, 'RouteTargetGroupId')
    default:
      return fallbackId
  }
}

function ownerOf(r: Resource | undefined, byId: Map<string, Resource>): string | undefined {
  if (!r) return undefined
  if ('accountId' in r) return r.accountId
  if ('vpcId' in r) return ownerOf(byId.get(r.vpcId), byId)
  if ('vswitchId' in r) return ownerOf(byId.get(r.vswitchId), byId)
  return undefined
}

/**
 * A security group as the ECS API makes it: CreateSecurityGroup with its type (the API calls a basic group
 * `normal`), ModifySecurityGroupPolicy when a basic group isolates its members (a new one accepts), then its
 * rules, one Authorize call per direction.
 */
function securityGroupCalls(g: SecurityGroup, region: string, byId: Map<string, Resource>): ApiCall[] {
  const accountId = ownerOf(g, byId)
  const id = out(g.id, 'SecurityGroupId')
  const calls: ApiCall[] = [
    {
      api: 'CreateSecurityGroup',
      ...ECS,
      accountId,
      parameters: {
        RegionId: region,
        VpcId: cloudId(byId.get(g.vpcId), g.vpcId),
        SecurityGroupName: g.name ?? g.id,
        SecurityGroupType: g.securityGroupType === 'enterprise' ? 'enterprise' : 'normal',
      },
      creates: id,
    },
  ]
  if (g.securityGroupType === 'basic' && g.innerAccessPolicy === 'Drop')
    calls.push({
      api: 'ModifySecurityGroupPolicy',
      ...ECS,
      accountId,
      parameters: { RegionId: region, SecurityGroupId: id, InnerAccessPolicy: 'Drop' },
      note: 'members reach each other only through a rule (a new basic group lets them in: Accept)',
    })
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = g.rules.filter((r) => r.direction === direction)
    if (!rules.length) continue
    const parameters: Record<string, ApiValue> = { RegionId: region, SecurityGroupId: id }
    rules.forEach((r: SecurityGroupRule, i) => {
      const p = `Permissions.${i + 1}.`
      parameters[`${p}IpProtocol`] = r.ipProtocol
      parameters[`${p}PortRange`] = r.portRange
      const cidr = direction === 'ingress' ? r.sourceCidrIp : r.destCidrIp
      if (cidr) parameters[`${p}${direction === 'ingress' ? 'SourceCidrIp' : 'DestCidrIp'}`] = cidr
      parameters[`${p}Policy`] = r.policy
      parameters[`${p}Priority`] = String(r.priority)
      if (r.description) parameters[`${p}Description`] = r.description
    })
    calls.push({
      api: direction === 'ingress' ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress',
      ...ECS,
      accountId,
      parameters,
    })
  }
  return calls
}

/** What every call writer needs: the region, and the design's resources by id. */
interface Ctx {
  region: string
  byId: Map<string, Resource>
}

/**
 * An endpoint service: CreateVpcEndpointService with its first resources, then the rest attached one by one,
 * then its whitelist, each call waiting for the service to be Active again.
 */
function endpointServiceCalls(s: EndpointService, { region, byId }: Ctx): ApiCall[] {
  const parameters: Record<string, ApiValue> = {
    RegionId: region,
    ServiceResourceType: 'gwlb',
    AutoAcceptEnabled: s.autoAcceptConnection,
    Payer: s.payer,
    AddressIpVersion: s.addressIpVersion,
    ServiceDescription: s.name ?? s.id,
  }
  s.resources.slice(0, RESOURCES_AT_CREATION).forEach((sr, i) => {
    parameters[`Resource.${i + 1}.ResourceType`] = 'gwlb'
    parameters[`Resource.${i + 1}.ResourceId`] = cloudId(byId.get(sr.resourceId), sr.resourceId)
    parameters[`Resource.${i + 1}.ZoneId`] = sr.zoneId
  })
  const service = { ...PRIVATELINK, accountId: s.accountId }
  const serviceId = out(s.id, 'ServiceId')
  return [
    {
      api: 'CreateVpcEndpointService',
      ...service,
      parameters,
      creates: serviceId,
      // Creating, then Active: resources and users are added to an Active service
      waitUntil: serviceActive(region, s.id),
    },
    ...s.resources.slice(RESOURCES_AT_CREATION).map((sr) => ({
      api: 'AttachResourceToVpcEndpointService',
      ...service,
      parameters: {
        RegionId: region,
        ServiceId: serviceId,
        ResourceType: 'gwlb',
        ResourceId: cloudId(byId.get(sr.resourceId), sr.resourceId),
        ZoneId: sr.zoneId,
      },
      // the service is Pending while it changes
      waitUntil: serviceActive(region, s.id),
    })),
    ...s.whitelist.map((uid) => ({
      api: 'AddUserToVpcEndpointService',
      ...service,
      parameters: { RegionId: region, ServiceId: serviceId, ...(uid === '*' ? { UserARN: '*' } : { UserId: uid }) },
      ...(uid === '*' ? { note: 'the console\'s "*": every account may connect' } : {}),
    })),
  ]
}

/** A GWLB endpoint: CreateVpcEndpoint in its zone and vSwitch, waiting until it is Active (and Connected when the service auto-accepts). */
function endpointCall(e: GwlbEndpoint, { region, byId }: Ctx): ApiCall {
  const service = byId.get(e.serviceId)
  return {
    api: 'CreateVpcEndpoint',
    ...PRIVATELINK,
    accountId: e.accountId,
    parameters: {
      RegionId: region,
      EndpointType: 'GatewayLoadBalancer',
      VpcId: cloudId(byId.get(e.vpcId), e.vpcId),
      ServiceId: cloudId(service, e.serviceId),
      EndpointName: e.name ?? e.id,
      'Zone.1.ZoneId': e.zoneId,
      'Zone.1.VSwitchId': cloudId(byId.get(e.vswitchId), e.vswitchId),
      'Zone.1.Ip': e.ipAddress,
    },
    creates: out(e.id, 'EndpointId'),
    // Creating, then Active once its ENI exists in the zone
    waitUntil: {
      api: 'GetVpcEndpointAttribute',
      parameters: { RegionId: region, EndpointId: out(e.id, 'EndpointId') },
      // with auto-accept the service connects it at once: Connecting, then Connected
      until:
        service?.kind === 'endpointService' && service.autoAcceptConnection
          ? { EndpointStatus: 'Active', ConnectionStatus: 'Connected' }
          : { EndpointStatus: 'Active' },
    },
  }
}

/** The provider's acceptance of an endpoint's connection, when its service does not accept by itself. */
function acceptCalls(e: GwlbEndpoint, { region, byId }: Ctx): ApiCall[] {
  const service = byId.get(e.serviceId)
  if (service?.kind !== 'endpointService' || service.autoAcceptConnection) return []
  // the design may leave a connection waiting on purpose; only the ones it shows accepted are accepted
  if (e.connectionStatus !== 'Connected' && e.connectionStatus !== 'Connecting') return []
  return [
    {
      api: 'EnableVpcEndpointConnection',
      ...PRIVATELINK,
      accountId: service.accountId,
      parameters: { RegionId: region, ServiceId: cloudId(service, e.serviceId), EndpointId: out(e.id, 'EndpointId') },
      note: 'the service does not accept connections automatically: the provider accepts this one',
      // Connecting, then Connected: no route may send traffic to the endpoint before
      waitUntil: connected(region, e),
    },
  ]
}

function routeTargetGroupCall(g: RouteTargetGroup, { region, byId }: Ctx): ApiCall {
  return {
    api: 'CreateRouteTargetGroup',
    ...VPC,
    accountId: ownerOf(g, byId),
    parameters: {
      RegionId: region,
      VpcId: cloudId(byId.get(g.vpcId), g.vpcId),
      RouteTargetGroupName: g.name ?? g.id,
      ConfigMode: g.configMode,
      ...Object.fromEntries(
        g.routeTargetMemberList.flatMap((m, i) => [
          [`RouteTargetMemberList.${i + 1}.MemberId`, cloudId(byId.get(m.memberId), m.memberId)],
          [`RouteTargetMemberList.${i + 1}.MemberType`, m.memberType],
          [`RouteTargetMemberList.${i + 1}.Weight`, m.weight],
        ]),
      ),
    },
    creates: out(g.id, 'RouteTargetGroupId'),
    note: 'asynchronous: wait until GetRouteTargetGroup says Available (not Pending) before a route names it',
  }
}

/** The route entries the teardown deletes: those to a GWLBe, the IPv4 gateway or a route target group, last made first. */
function routeDeletions(routes: RouteCall[], { region, byId }: Ctx): ApiCall[] {
  const deleted = ['GatewayLoadBalancerEndpoint', 'Ipv4Gateway', 'RouteTargetGroup']
  return [...routes]
    .reverse()
    .filter((r) => deleted.includes(r.entry.nextHopType))
    .map((r) => ({
      api: 'DeleteRouteEntry',
      ...VPC,
      accountId: ownerOf(r.table, byId),
      parameters: {
        RegionId: region,
        RouteTableId: cloudId(r.table, r.table.id),
        DestinationCidrBlock: r.entry.destinationCidrBlock,
        NextHopId: cloudId(byId.get(r.entry.nextHopId), r.entry.nextHopId),
      },
      ...(r.call.api === 'UpdateGatewayRouteTableEntryAttribute'
        ? {
            note: "the edited system route, listed on the Custom tab: deleted as Alibaba Cloud's GWLB guide says (UpdateGatewayRouteTableEntryAttribute with NextHopType Local is the explicit way back)",
          }
        : {}),
    }))
}

/**
 * The guide's "Stop accessing": routes to a GWLBe or the IPv4 gateway first, so nothing is routed into a deleted
 * endpoint; then the route target groups (a group names its members: after the routes that name it, before its
 * endpoints); then the endpoints; then the services.
 */
function teardownCalls(
  routes: RouteCall[],
  groups: RouteTargetGroup[],
  endpoints: GwlbEndpoint[],
  services: EndpointService[],
  ctx: Ctx,
): ApiCall[] {
  const { region, byId } = ctx
  return [
    ...routeDeletions(routes, ctx),
    ...groups.map((g) => ({
      api: 'DeleteRouteTargetGroup',
      ...VPC,
      accountId: ownerOf(g, byId),
      parameters: { RegionId: region, RouteTargetGroupId: out(g.id, 'RouteTargetGroupId') },
    })),
    ...endpoints.map((e) => ({
      api: 'DeleteVpcEndpoint',
      ...PRIVATELINK,
      accountId: e.accountId,
      parameters: { RegionId: region, EndpointId: out(e.id, 'EndpointId') },
      // Deleting, then gone: a service is deleted only without endpoints
      waitUntil: {
        api: 'GetVpcEndpointAttribute',
        parameters: { RegionId: region, EndpointId: out(e.id, 'EndpointId') },
      },
    })),
    ...services.map((s) => ({
      api: 'DeleteVpcEndpointService',
      ...PRIVATELINK,
      accountId: s.accountId,
      parameters: { RegionId: region, ServiceId: out(s.id, 'ServiceId') },
    })),
  ]
}

/**
 * The calls that connect a design's consumers to its GWLB services, in the guide's order, after the security
 * groups the instances need. The other prerequisites (VPCs, vSwitches, route tables, the IPv4 gateway,
 * appliances, the GWLB with its listener and server group) are taken as existing, as the guide does.
 */
export function apiCallPlan(design: Design): ApiCallPlan {
  const ctx: Ctx = { region: design.regionId, byId: new Map(design.resources.map((r) => [r.id, r])) }
  const of = <K extends Resource['kind']>(kind: K) =>
    design.resources.filter((r): r is Extract<Resource, { kind: K }> => r.kind === kind)
  const services = of('endpointService')
  const endpoints = of('gwlbEndpoint')
  // a group looks its members up by their zones: after the endpoints exist, before any route names it
  const groups = of('routeTargetGroup')
  const routes = routeCalls(design, of('routeTable'), ctx.byId)
  const setup: ApiCall[] = [
    ...of('securityGroup').flatMap((g) => securityGroupCalls(g, ctx.region, ctx.byId)),
    ...services.flatMap((s) => endpointServiceCalls(s, ctx)),
    ...endpoints.map((e) => endpointCall(e, ctx)),
    ...endpoints.flatMap((e) => acceptCalls(e, ctx)),
    ...groups.map((g) => routeTargetGroupCall(g, ctx)),
    ...routes.map((r) => r.call),
  ]
  const operations: ApiCall[] = groups.map((g) => ({
    api: 'SwitchActiveRouteTarget',
    ...VPC,
    accountId: ownerOf(g, ctx.byId),
    parameters: { RegionId: ctx.region, RouteTargetGroupId: out(g.id, 'RouteTargetGroupId') },
    note: `after a failover, once ${g.routeTargetMemberList.find((m) => m.weight === 100)?.memberId ?? 'the active member'} is healthy again: the group does not fail back by itself`,
  }))
  return { setup, teardown: teardownCalls(routes, groups, endpoints, services, ctx), operations }
}

function serviceActive(region: string, serviceId: string): ApiWait {
  return {
    api: 'GetVpcEndpointServiceAttribute',
    parameters: { RegionId: region, ServiceId: out(serviceId, 'ServiceId') },
    until: { ServiceStatus: 'Active' },
  }
}

/** The consumer reads its endpoint's connection status (Disconnected, Connecting, Connected, ...). */
function connected(region: string, e: GwlbEndpoint): ApiWait {
  return {
    api: 'GetVpcEndpointAttribute',
    parameters: { RegionId: region, EndpointId: out(e.id, 'EndpointId') },
    until: { ConnectionStatus: 'Connected' },
  }
}

interface RouteCall {
  call: ApiCall
  table: RouteTable
  entry: RouteEntry
}

/**
 * Gateway-table edits first, as the guide lists them; then vSwitch-table entries, those that do not
 * point at a GWLBe (the GWLBe vSwitch's way out) before those that do, so that traffic sent to an
 * endpoint already has its way back out.
 */
function routeCalls(design: Design, tables: RouteTable[], byId: Map<string, Resource>): RouteCall[] {
  const region = design.regionId
  const gateway: RouteCall[] = []
  const plain: RouteCall[] = []
  const toEndpoint: RouteCall[] = []
  for (const t of tables) {
    const vswitchCidrs = new Set(
      design.resources
        .filter((r) => r.kind === 'vswitch' && r.vpcId === t.vpcId)
        .map((r) => (r.kind === 'vswitch' ? r.cidrBlock : '')),
    )
    for (const entry of t.entries) {
      const nextHopId = cloudId(byId.get(entry.nextHopId), entry.nextHopId)
      const accountId = ownerOf(t, byId)
      if (t.routeTableType === 'Gateway' && vswitchCidrs.has(entry.destinationCidrBlock)) {
        gateway.push({
          table: t,
          entry,
          call: {
            api: 'UpdateGatewayRouteTableEntryAttribute',
            ...VPC,
            accountId,
            parameters: {
              RegionId: region,
              IPv4GatewayRouteTableId: cloudId(t, t.id),
              DestinationCidrBlock: entry.destinationCidrBlock,
              NextHopType: entry.nextHopType,
              NextHopId: nextHopId,
            },
            note: 'changes the next hop of the system route for this vSwitch CIDR; the console then lists it on the Custom tab',
          },
        })
        continue
      }
      const call: RouteCall = {
        table: t,
        entry,
        call: {
          api: 'CreateRouteEntry',
          ...VPC,
          accountId,
          parameters: {
            RegionId: region,
            RouteTableId: cloudId(t, t.id),
            DestinationCidrBlock: entry.destinationCidrBlock,
            NextHopType: entry.nextHopType,
            NextHopId: nextHopId,
            ...(entry.name ? { RouteEntryName: entry.name } : {}),
          },
          // Pending, then Available; a VPC takes one route change at a time
          waitUntil: {
            api: 'DescribeRouteEntryList',
            parameters: {
              RegionId: region,
              RouteTableId: cloudId(t, t.id),
              DestinationCidrBlock: entry.destinationCidrBlock,
            },
            until: { Status: 'Available' },
          },
        },
      }
      if (entry.nextHopType === 'GatewayLoadBalancerEndpoint' || entry.nextHopType === 'RouteTargetGroup')
        toEndpoint.push(call)
      else plain.push(call)
    }
  }
  return [...gateway, ...plain, ...toEndpoint]
}

function showValue(v: ApiValue): string {
  if (typeof v === 'object') return `<${v.output} of ${v.designId}>`
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

function waitText(w: ApiWait): string {
  const call = `${w.api}(${Object.entries(w.parameters)
    .map(([k, v]) => `${k} = ${showValue(v)}`)
    .join(', ')})`
  return w.until
    ? `   ~> then wait: repeat ${call} until ${Object.entries(w.until)
        .map(([k, v]) => `${k} is ${v}`)
        .join(' and ')}`
    : `   ~> then wait: repeat ${call} until it answers that the resource does not exist`
}

function renderCalls(calls: ApiCall[], design: Design): string[] {
  const accountName = (uid: string | undefined) => {
    const name = design.accounts.find((a) => a.id === uid)?.name
    return uid ? `${uid}${name ? ` (${JSON.stringify(name)})` : ''}` : 'an unknown account'
  }
  return calls.flatMap((c, i) => [
    `${i + 1}. ${c.api}  [${c.product} ${c.version}, as ${accountName(c.accountId)}]`,
    ...(c.note ? [`   -- ${c.note}`] : []),
    ...Object.entries(c.parameters).map(([k, v]) => `   ${k} = ${showValue(v)}`),
    ...(c.creates ? [`   => ${c.creates.output} of ${c.creates.designId}`] : []),
    ...(c.waitUntil ? [waitText(c.waitUntil)] : []),
    '',
  ])
}

/** The plan as text: numbered calls, one parameter a line, "<Output of id>" for values an earlier call returns. */
export function renderApiCallPlan(design: Design, plan: ApiCallPlan = apiCallPlan(design)): string {
  const lines = [
    `API calls for ${JSON.stringify(design.name)} (region ${design.regionId})`,
    'Prerequisites, created beforehand (see the Terraform export): VPCs, vSwitches, route tables, the IPv4 gateway and',
    'its gateway route table, appliances (placed in the security groups below), and the GWLB with its listener and',
    'server group.',
    '',
    'Setup',
    '',
    ...renderCalls(plan.setup, design),
    'Teardown (in this order, or traffic is routed into a black hole)',
    '',
    ...renderCalls(plan.teardown, design),
    ...(plan.operations.length ? ['Operations (while it runs)', '', ...renderCalls(plan.operations, design)] : []),
  ]
  return `${lines.join('\n').trimEnd()}\n`
}
