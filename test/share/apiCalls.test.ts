import { describe, expect, it } from 'vitest'
import { apiCallPlan, renderApiCallPlan } from '../../src/share/apiCalls'
import { example } from './fixtures'

describe('API call sequence', () => {
  it('follows the seed for the two-zone design', () => {
    const { setup } = apiCallPlan(example('two-zones'))
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

  it('renders numbered calls with placeholders for earlier outputs', () => {
    const text = renderApiCallPlan(example('single-zone'))
    expect(text).toContain('1. CreateVpcEndpointService')
    expect(text).toContain('ServiceResourceType = "gwlb"')
    expect(text).toContain('ServiceId = <ServiceId of epsrv-inspection>')
    expect(text.indexOf('Teardown')).toBeGreaterThan(text.indexOf('CreateRouteEntry'))
  })
})
