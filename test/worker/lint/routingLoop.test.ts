import { describe, expect, it } from 'vitest'
import { compile, trace } from '../../../worker/engine'
import { lint } from '../../../worker/lint'
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

  it('follows the route selection in force: a /24 listed after 0.0.0.0/0 loops by longest prefix, not by entry order', () => {
    // the GWLBe vSwitch sends 203.0.113.0/24 back to its own GWLBe, after its 0.0.0.0/0 to the IPv4 gateway
    const design = edit(reference('a'), (d) => {
      find(d, 'rtb-gwlbe', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-h',
      })
    })
    const packet = { source: 'ecs-web-1', destination: '203.0.113.5', protocol: 'tcp' as const }
    const entryOrder = { assumptions: { routeSelection: 'entryOrder' as const } }
    // longest prefix (the default): the /24 wins at the GWLBe vSwitch, and the packet comes back to its GWLBe
    expect(codes(design)).toContain('GWLB-E036')
    expect(trace(compile(design), packet).disposition).toBe('LOOP')
    // entry order: 0.0.0.0/0 is listed first and wins, so the packet leaves through the IPv4 gateway
    expect(lint(design, entryOrder).map((p) => p.code)).not.toContain('GWLB-E036')
    expect(trace(compile(design, entryOrder), packet).disposition).toBe('EXITS_TO_INTERNET')
  })

  it('GWLB-E036 follows a route target group to its active member: a GWLBe vSwitch sending a block back to the group loops', () => {
    // reference design (c): the service vSwitches send 0.0.0.0/0 to rtg-inspection, GWLBe H active
    const broken = edit(reference('c'), (d) => {
      find(d, 'rtb-gwlbe', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'RouteTargetGroup',
        nextHopId: 'rtg-inspection',
      })
    })
    expect(codes(broken)).toContain('GWLB-E036')
    const [p] = problemsOf(broken, 'GWLB-E036', ['rtb-gwlbe', 'vsw-gwlbe-h', 'rtg-inspection', 'gwlbe-h'])
    expect(p.message).toContain('route target group rtg-inspection, member gwlbe-h')
    expect(p.resourceIds).not.toContain('gwlbe-i')
    // the engine agrees: a server's packet to the block goes round through GWLBe H
    const t = trace(compile(broken), { source: 'ecs-web-1', destination: '203.0.113.5', protocol: 'tcp' })
    expect(t.disposition).toBe('LOOP')
    expect(t.hops.filter((h) => h.resourceId === 'gwlbe-h').length).toBeGreaterThan(1)
  })

  it('GWLB-E036 follows the member the engine starts on: with the active member not Connected, the loop runs through the standby', () => {
    const broken = edit(reference('c'), (d) => {
      find(d, 'gwlbe-h', 'gwlbEndpoint').connectionStatus = 'Disconnected'
      find(d, 'rtb-gwlbe', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'RouteTargetGroup',
        nextHopId: 'rtg-inspection',
      })
    })
    const [p] = problemsOf(broken, 'GWLB-E036', ['rtb-gwlbe', 'vsw-gwlbe-i', 'rtg-inspection', 'gwlbe-i'])
    expect(p.message).toContain('route target group rtg-inspection, member gwlbe-i')
    expect(p.resourceIds).not.toContain('gwlbe-h')
    const t = trace(compile(broken), { source: 'ecs-web-2', destination: '203.0.113.5', protocol: 'tcp' })
    expect(t.disposition).toBe('LOOP')
    expect(t.hops.filter((h) => h.resourceId === 'gwlbe-i').length).toBeGreaterThan(1)
  })
})
