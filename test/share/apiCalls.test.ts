import { describe, expect, it } from 'vitest'
import { apiCallPlan, renderApiCallPlan } from '../../src/share/apiCalls'
import { example } from './fixtures'

describe('API call sequence', () => {
  it('follows the seed for the two-zone design, after the security groups', () => {
    const all = apiCallPlan(example('two-zones')).setup
    const groups = all.filter((c) => c.product === 'Ecs')
    expect(all.slice(0, groups.length)).toEqual(groups)
    const setup = all.slice(groups.length)
    expect(setup.map((c) => c.api)).toEqual([
      'CreateVpcEndpointService',
      'AddUserToVpcEndpointService',
      'CreateVpcEndpoint',
      'CreateVpcEndpoint',
      'EnableVpcEndpointConnection',
      'EnableVpcEndpointConnection',
      'UpdateGatewayRouteTableEntryAttribute',
      'UpdateGatewayRouteTableEntryAttribute',
      'CreateRouteEntry',
      'CreateRouteEntry',
      'CreateRouteEntry',
    ])
    const [service, user, endpoint] = setup
    expect(service).toMatchObject({
      product: 'Privatelink',
      accountId: '6543210987654321',
      parameters: { ServiceResourceType: 'gwlb', AutoAcceptEnabled: false, 'Resource.2.ZoneId': 'cn-hangzhou-i' },
    })
    expect(user.parameters).toMatchObject({
      UserId: '1234567890123456',
      ServiceId: { designId: 'epsrv-inspection', output: 'ServiceId' },
    })
    expect(endpoint).toMatchObject({
      accountId: '1234567890123456',
      parameters: { EndpointType: 'GatewayLoadBalancer', 'Zone.1.ZoneId': 'cn-hangzhou-h', 'Zone.1.Ip': '10.0.10.5' },
    })
    expect(setup[6].parameters).toMatchObject({
      DestinationCidrBlock: '10.0.1.0/24',
      NextHopType: 'GatewayLoadBalancerEndpoint',
      NextHopId: { designId: 'gwlbe-h' },
    })
    // the GWLBe vSwitch's way out comes before the routes that send traffic into the endpoints
    expect(setup[8].parameters).toMatchObject({ NextHopType: 'Ipv4Gateway' })
    expect(setup[9].parameters).toMatchObject({ NextHopType: 'GatewayLoadBalancerEndpoint' })
  })

  it('tears down routes, then endpoints, then services', () => {
    const { teardown } = apiCallPlan(example('two-zones'))
    const apis = teardown.map((c) => c.api)
    expect(apis).toEqual([
      ...Array(5).fill('DeleteRouteEntry'),
      'DeleteVpcEndpoint',
      'DeleteVpcEndpoint',
      'DeleteVpcEndpointService',
    ])
    // the edited system routes of the gateway table say where their deletion comes from, in words a user knows
    const notes = teardown.flatMap((c) => (c.note ? [c.note] : []))
    expect(notes).toHaveLength(2)
    for (const n of notes) expect(n).toContain("deleted as Alibaba Cloud's GWLB guide says")
    const text = renderApiCallPlan(example('two-zones'))
    expect(text).toContain("Alibaba Cloud's GWLB guide")
    expect(text).not.toMatch(/seed/i)
  })

  it('accepts no connection when the service auto-accepts, and whitelists everyone with "*"', () => {
    const d = structuredClone(example('single-zone'))
    for (const r of d.resources)
      if (r.kind === 'endpointService') Object.assign(r, { autoAcceptConnection: true, whitelist: ['*'] })
    const { setup } = apiCallPlan(d)
    expect(setup.some((c) => c.api === 'EnableVpcEndpointConnection')).toBe(false)
    expect(setup.find((c) => c.api === 'AddUserToVpcEndpointService')?.parameters).toMatchObject({ UserARN: '*' })
  })

  it('creates each security group with its type, sets Drop where a basic group isolates, then its rules', () => {
    const d = structuredClone(example('two-zones'))
    for (const r of d.resources) {
      if (r.id === 'sg-web' && r.kind === 'securityGroup') r.innerAccessPolicy = 'Drop'
      if (r.id === 'sg-appliance' && r.kind === 'securityGroup') {
        r.securityGroupType = 'enterprise'
        delete r.innerAccessPolicy
      }
    }
    const ecs = apiCallPlan(d).setup.filter((c) => c.product === 'Ecs')
    const of = (id: string) =>
      ecs.filter((c) => JSON.stringify(c.parameters.SecurityGroupId ?? c.creates).includes(`"${id}"`))
    const web = of('sg-web')
    expect(web.map((c) => c.api)).toEqual([
      'CreateSecurityGroup',
      'ModifySecurityGroupPolicy',
      'AuthorizeSecurityGroup',
      'AuthorizeSecurityGroupEgress',
    ])
    expect(web[0]).toMatchObject({
      accountId: '1234567890123456',
      version: '2014-05-26',
      parameters: { SecurityGroupType: 'normal', VpcId: { designId: 'vpc-service', output: 'VpcId' } },
      creates: { designId: 'sg-web', output: 'SecurityGroupId' },
    })
    expect(web[1].parameters.InnerAccessPolicy).toBe('Drop')
    expect(web[2].parameters).toMatchObject({
      'Permissions.1.IpProtocol': 'tcp',
      'Permissions.1.PortRange': '443/443',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0',
      'Permissions.1.Policy': 'accept',
    })
    expect(web[3].parameters).toMatchObject({ 'Permissions.1.DestCidrIp': '0.0.0.0/0' })
    const appliance = of('sg-appliance')
    expect(appliance[0].parameters.SecurityGroupType).toBe('enterprise')
    expect(appliance.some((c) => c.api === 'ModifySecurityGroupPolicy')).toBe(false)
    // a basic group keeps the Accept a new group has: no call needed
    expect(apiCallPlan(example('two-zones')).setup.some((c) => c.api === 'ModifySecurityGroupPolicy')).toBe(false)
  })

  it('renders numbered calls with placeholders for earlier outputs', () => {
    const text = renderApiCallPlan(example('single-zone'))
    expect(text).toContain('1. CreateSecurityGroup')
    expect(text).toMatch(/\d+\. CreateVpcEndpointService/)
    expect(text).toContain('ServiceResourceType = "gwlb"')
    expect(text).toContain('ServiceId = <ServiceId of epsrv-inspection>')
    expect(text.indexOf('Teardown')).toBeGreaterThan(text.indexOf('CreateRouteEntry'))
  })
})

describe('API calls for a route target group (reference design (c))', () => {
  it('creates the group after the endpoints and before the routes naming it, and switches back as an operation', () => {
    const plan = apiCallPlan(example('zone-failover'))
    const apis = plan.setup.map((c) => c.api)
    const create = apis.indexOf('CreateRouteTargetGroup')
    expect(create).toBeGreaterThan(apis.lastIndexOf('CreateVpcEndpoint'))
    expect(create).toBeGreaterThan(apis.lastIndexOf('EnableVpcEndpointConnection'))
    expect(create).toBeLessThan(apis.indexOf('UpdateGatewayRouteTableEntryAttribute'))
    expect(plan.setup[create]).toMatchObject({
      product: 'Vpc',
      accountId: '1234567890123456',
      parameters: {
        ConfigMode: 'Active-Standby',
        'RouteTargetMemberList.1.MemberId': { designId: 'gwlbe-h', output: 'EndpointId' },
        'RouteTargetMemberList.1.MemberType': 'GatewayLoadBalancerEndpoint',
        'RouteTargetMemberList.1.Weight': 100,
        'RouteTargetMemberList.2.MemberId': { designId: 'gwlbe-i', output: 'EndpointId' },
        'RouteTargetMemberList.2.Weight': 0,
      },
      creates: { designId: 'rtg-inspection', output: 'RouteTargetGroupId' },
    })
    const toGroup = plan.setup.filter((c) => c.parameters.NextHopType === 'RouteTargetGroup')
    expect(toGroup).toHaveLength(3)
    for (const c of toGroup)
      expect(c.parameters.NextHopId).toEqual({ designId: 'rtg-inspection', output: 'RouteTargetGroupId' })
    // teardown: the routes naming the group, then the group, then the endpoints
    const down = plan.teardown.map((c) => c.api)
    expect(down.indexOf('DeleteRouteTargetGroup')).toBeGreaterThan(down.lastIndexOf('DeleteRouteEntry'))
    expect(down.indexOf('DeleteRouteTargetGroup')).toBeLessThan(down.indexOf('DeleteVpcEndpoint'))
    expect(down.filter((a) => a === 'DeleteRouteEntry')).toHaveLength(4)
    expect(plan.operations.map((c) => c.api)).toEqual(['SwitchActiveRouteTarget'])
    const text = renderApiCallPlan(example('zone-failover'))
    expect(text).toMatch(/Operations \(while it runs\)\n\n1\. SwitchActiveRouteTarget/)
    expect(text).toMatch(/the group does not fail back by itself/)
  })
})
