import { describe, expect, it } from 'vitest'
import { breakAndFix, codes, edit, find, problemsOf, reference } from './helpers'

describe('route next hops', () => {
  it('GWLB-E034: a next hop that does not exist (black hole); the fix deletes the entry', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-gone'
    })
    expect(codes(broken)).toEqual(['GWLB-E034'])
    const [p] = problemsOf(broken, 'GWLB-E034', ['rtb-app-h'])
    expect(p.message).toContain('gwlbe-gone')
    expect(p.path).toMatch(/entries\[0\]\.nextHopId$/)
    const fixed = breakAndFix(broken, 'GWLB-E034', ['rtb-app-h'], { clean: false })
    // without the entry the vSwitch has no default route: the seed's rule says where it should go
    expect(codes(fixed)).toEqual(['GWLB-E032'])
  })

  it('GWLB-E034: a next hop in another VPC', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '192.168.0.0/16',
        nextHopType: 'Instance',
        nextHopId: 'fw-1',
      })
    })
    expect(problemsOf(broken, 'GWLB-E034', ['rtb-app-h', 'fw-1'])[0].message).toContain('vpc-security')
    breakAndFix(broken, 'GWLB-E034', ['rtb-app-h'])
  })

  it('GWLB-E035: a next hop type that does not match the resource; the fix corrects the type', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries[0].nextHopType = 'Instance'
    })
    expect(codes(broken)).toEqual(['GWLB-E035'])
    const fixed = breakAndFix(broken, 'GWLB-E035', ['rtb-app-h', 'gwlbe-h'])
    expect(find(fixed, 'rtb-app-h', 'routeTable').entries[0].nextHopType).toBe('GatewayLoadBalancerEndpoint')
  })

  it('GWLB-E035: a gateway route table cannot send to an IPv4 gateway; the fix deletes the entry', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-gateway', 'routeTable').entries[0] = {
        destinationCidrBlock: '10.0.1.0/24',
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      }
    })
    expect(codes(broken)).toEqual(['GWLB-E035'])
    const fixed = breakAndFix(broken, 'GWLB-E035', ['rtb-gateway', 'igw-service'], { clean: false })
    expect(codes(fixed)).toEqual(['GWLB-E031'])
  })
})
