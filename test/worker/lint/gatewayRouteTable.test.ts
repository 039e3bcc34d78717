import { describe, expect, it } from 'vitest'
import { breakAndFix, codes, edit, find, problemsOf, reference, remove } from './helpers'

describe('gateway route table', () => {
  it('GWLB-E030: an IPv4 gateway without a gateway route table; the fix binds the unbound one', () => {
    const broken = edit(reference('b'), (d) => {
      delete find(d, 'igw-service', 'ipv4Gateway').gatewayRouteTableId
    })
    expect(codes(broken)).toEqual(['GWLB-E030'])
    const fixed = breakAndFix(broken, 'GWLB-E030', ['igw-service', 'vpc-service'])
    expect(find(fixed, 'igw-service', 'ipv4Gateway').gatewayRouteTableId).toBe('rtb-gateway')
  })

  it('GWLB-E030: with no gateway route table at all, the fix creates one with an entry per service vSwitch', () => {
    const broken = edit(reference('b'), (d) => {
      delete find(d, 'igw-service', 'ipv4Gateway').gatewayRouteTableId
      remove(d, 'rtb-gateway')
    })
    const fixed = breakAndFix(broken, 'GWLB-E030', ['igw-service'])
    const table = find(fixed, find(fixed, 'igw-service', 'ipv4Gateway').gatewayRouteTableId ?? '', 'routeTable')
    expect(table.routeTableType).toBe('Gateway')
    expect(table.entries).toEqual([
      { destinationCidrBlock: '10.0.1.0/24', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' },
      { destinationCidrBlock: '10.0.2.0/24', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-i' },
    ])
  })

  it('GWLB-E031: a service vSwitch left on its Local route; the fix sends it to its zone’s GWLBe', () => {
    const broken = edit(reference('b'), (d) => {
      const t = find(d, 'rtb-gateway', 'routeTable')
      t.entries = t.entries.filter((e) => e.destinationCidrBlock !== '10.0.2.0/24')
    })
    expect(codes(broken)).toEqual(['GWLB-E031'])
    const [p] = problemsOf(broken, 'GWLB-E031', ['rtb-gateway', 'vsw-app-i'])
    expect(p.message).toContain('gwlbe-i')
    breakAndFix(broken, 'GWLB-E031', ['rtb-gateway'])
  })

  it('GWLB-E031: a service vSwitch sent to an instance, not a GWLBe', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-gateway', 'routeTable').entries[0] = {
        destinationCidrBlock: '10.0.1.0/24',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-1',
      }
    })
    breakAndFix(broken, 'GWLB-E031', ['rtb-gateway', 'vsw-app-h', 'ecs-web-1'])
  })

  it('GWLB-W030: a service vSwitch sent to the GWLBe of another zone; the fix picks its own zone’s', () => {
    const broken = edit(reference('b'), (d) => {
      const e = find(d, 'rtb-gateway', 'routeTable').entries.find((x) => x.destinationCidrBlock === '10.0.2.0/24')
      if (e) e.nextHopId = 'gwlbe-h'
    })
    expect(codes(broken)).toEqual(['GWLB-W030'])
    const fixed = breakAndFix(broken, 'GWLB-W030', ['rtb-gateway', 'vsw-app-i', 'gwlbe-h', 'gwlbe-i'])
    expect(find(fixed, 'rtb-gateway', 'routeTable').entries[1].nextHopId).toBe('gwlbe-i')
  })
})
