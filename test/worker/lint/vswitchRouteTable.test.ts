import { describe, expect, it } from 'vitest'
import { breakAndFix, codes, edit, find, problemsOf, reference, remove } from './helpers'

describe('service vSwitch route tables', () => {
  it('GWLB-E032: a service vSwitch on the system table; the fix gives it a table with 0.0.0.0/0 → GWLBe', () => {
    const broken = edit(reference('a'), (d) => {
      delete find(d, 'vsw-app-h', 'vswitch').routeTableId
    })
    expect(codes(broken)).toEqual(['GWLB-E032'])
    expect(problemsOf(broken, 'GWLB-E032', ['vsw-app-h'])[0].message).toContain('system route table')
    const fixed = breakAndFix(broken, 'GWLB-E032', ['vsw-app-h'])
    const table = find(fixed, find(fixed, 'vsw-app-h', 'vswitch').routeTableId ?? '', 'routeTable')
    expect(table.entries).toEqual([
      { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' },
    ])
  })

  it('GWLB-E032: 0.0.0.0/0 straight to the IPv4 gateway bypasses inspection', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries[0] = {
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      }
    })
    expect(problemsOf(broken, 'GWLB-E032', ['vsw-app-h', 'rtb-app-h', 'igw-service'])[0].message).toContain(
      'bypasses inspection',
    )
    breakAndFix(broken, 'GWLB-E032', ['vsw-app-h'])
  })

  it('GWLB-W032: a route more specific than 0.0.0.0/0 to the IPv4 gateway lets that traffic skip inspection; the fix sends it to the GWLBe', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      })
    })
    expect(codes(broken)).toEqual(['GWLB-W032'])
    expect(problemsOf(broken, 'GWLB-W032', ['vsw-app-h', 'rtb-app-h', 'igw-service'])[0].message).toMatch(
      /203\.0\.113\.0\/24 .*leaves uninspected/,
    )
    const fixed = breakAndFix(broken, 'GWLB-W032', ['vsw-app-h'])
    expect(
      find(fixed, 'rtb-app-h', 'routeTable').entries.find((e) => e.destinationCidrBlock === '203.0.113.0/24'),
    ).toMatchObject({ nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' })
  })

  it('GWLB-W030: 0.0.0.0/0 to the GWLBe of another zone; the fix changes the vSwitch’s own table in place', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'rtb-app-i', 'routeTable').entries[0].nextHopId = 'gwlbe-h'
    })
    expect(codes(broken)).toEqual(['GWLB-W030'])
    const fixed = breakAndFix(broken, 'GWLB-W030', ['vsw-app-i', 'rtb-app-i', 'gwlbe-h', 'gwlbe-i'])
    expect(find(fixed, 'rtb-app-i', 'routeTable').entries[0].nextHopId).toBe('gwlbe-i')
  })

  it('GWLB-W030: a table shared across zones is left alone; the vSwitch gets its own', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'vsw-app-i', 'vswitch').routeTableId = 'rtb-app-h'
    })
    expect(codes(broken)).toEqual(['GWLB-W030'])
    const fixed = breakAndFix(broken, 'GWLB-W030', ['vsw-app-i'])
    expect(find(fixed, 'rtb-app-h', 'routeTable')).toEqual(find(broken, 'rtb-app-h', 'routeTable'))
    expect(find(fixed, 'vsw-app-i', 'vswitch').routeTableId).toBe('rtb-vsw-app-i')
  })

  it('GWLB-E037: a service vSwitch in a zone without a GWLBe (no fix: create one)', () => {
    const broken = edit(reference('b'), (d) => {
      remove(d, 'gwlbe-i')
      const gw = find(d, 'rtb-gateway', 'routeTable')
      gw.entries = gw.entries.filter((e) => e.nextHopId !== 'gwlbe-i')
      find(d, 'rtb-app-i', 'routeTable').entries = []
    })
    const [p] = problemsOf(broken, 'GWLB-E037', ['vsw-app-i'])
    expect(p.message).toContain('cn-hangzhou-i')
    expect(p.fix).toBeUndefined()
    // the routes it needs have no GWLBe to name yet, so they come without a fix too
    for (const q of problemsOf(broken, 'GWLB-E032', ['vsw-app-i'])) expect(q.fix).toBeUndefined()
    expect(problemsOf(broken, 'GWLB-E031', ['rtb-gateway', 'vsw-app-i'])[0].fix).toBeUndefined()
  })
})

describe('GWLBe vSwitch route tables', () => {
  it('GWLB-E033: no 0.0.0.0/0 route; the fix sends it to the IPv4 gateway', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'rtb-gwlbe', 'routeTable').entries = []
    })
    const found = problemsOf(broken, 'GWLB-E033', ['vsw-gwlbe-h', 'rtb-gwlbe'])
    expect(found.map((p) => p.resourceIds[0])).toEqual(['vsw-gwlbe-h', 'vsw-gwlbe-i'])
    // both GWLBe vSwitches share rtb-gwlbe and want the same route, so it is fixed in place
    const fixed = breakAndFix(broken, 'GWLB-E033', ['vsw-gwlbe-h'])
    expect(find(fixed, 'vsw-gwlbe-i', 'vswitch').routeTableId).toBe('rtb-gwlbe')
  })

  it('GWLB-E033: 0.0.0.0/0 back into the GWLBe is told once, as this problem, not again as a loop', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'rtb-gwlbe', 'routeTable').entries[0] = {
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-h',
      }
    })
    expect(codes(broken)).toEqual(['GWLB-E033'])
    expect(problemsOf(broken, 'GWLB-E033', ['vsw-gwlbe-h', 'rtb-gwlbe', 'gwlbe-h'])[0].message).toContain('loop')
    breakAndFix(broken, 'GWLB-E033', ['vsw-gwlbe-h'])
  })

  it('GWLB-E033: a GWLBe vSwitch on the system table gets its own table from the fix', () => {
    const broken = edit(reference('a'), (d) => {
      delete find(d, 'vsw-gwlbe-h', 'vswitch').routeTableId
    })
    breakAndFix(broken, 'GWLB-E033', ['vsw-gwlbe-h'])
  })
})
