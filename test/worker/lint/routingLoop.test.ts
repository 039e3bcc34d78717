import { describe, expect, it } from 'vitest'
import { codes, edit, find, problemsOf, reference } from './helpers'

describe('routing loops', () => {
  it('GWLB-E036: a route to an instance in the same vSwitch sends the packet back to itself', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-1',
      })
    })
    expect(codes(broken)).toEqual(['GWLB-E036'])
    const [p] = problemsOf(broken, 'GWLB-E036', ['rtb-app-h', 'vsw-app-h', 'ecs-web-1'])
    expect(p.message).toContain('203.0.113.0/24')
    expect(p.fix).toBeUndefined()
  })

  it('GWLB-E036: two vSwitches forwarding to each other’s instance form one loop, told once', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '198.51.100.0/24',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-2',
      })
      find(d, 'rtb-app-i', 'routeTable').entries.push({
        destinationCidrBlock: '198.51.100.0/24',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-1',
      })
    })
    expect(codes(broken)).toEqual(['GWLB-E036'])
    problemsOf(broken, 'GWLB-E036', ['rtb-app-h', 'vsw-app-h', 'vsw-app-i', 'ecs-web-1', 'ecs-web-2'])
  })

  it('follows a packet through a GWLBe: 0.0.0.0/0 via a GWLBe whose vSwitch leads back is a loop', () => {
    // outside the seed's roles (an empty vSwitch), so only the loop rule can see it
    const broken = edit(reference('a'), (d) => {
      d.resources.push(
        {
          kind: 'vswitch',
          id: 'vsw-extra',
          vpcId: 'vpc-service',
          zoneId: 'cn-hangzhou-h',
          cidrBlock: '10.0.99.0/24',
          routeTableId: 'rtb-extra',
        },
        {
          kind: 'routeTable',
          id: 'rtb-extra',
          vpcId: 'vpc-service',
          routeTableType: 'VSwitch',
          entries: [{ destinationCidrBlock: '172.16.0.0/12', nextHopType: 'Instance', nextHopId: 'ecs-web-1' }],
        },
      )
      find(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '172.16.0.0/12',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-h',
      })
      find(d, 'rtb-gwlbe', 'routeTable').entries.push({
        destinationCidrBlock: '172.16.0.0/12',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-1',
      })
    })
    expect(codes(broken)).toEqual(['GWLB-E036'])
    problemsOf(broken, 'GWLB-E036', ['rtb-app-h', 'vsw-app-h', 'gwlbe-h', 'vsw-gwlbe-h'])
  })
})
