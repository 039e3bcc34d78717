// Route target groups: a member that is not Connected, a route past the group to a member, a group no route names;
// each broken on reference design (c) or (b), seen, fixed, and gone.
import { describe, expect, it } from 'vitest'
import { breakAndFix, codes, edit, find, problemsOf, reference } from './helpers'

describe('route target groups', () => {
  it('reference design (c), zone failover through a group, has no problems', () => {
    expect(codes(reference('c'))).toEqual([])
  })

  it('GWLB-W033: the standby’s endpoint connection is not accepted, so nothing is left to fail over to', () => {
    const broken = edit(reference('c'), (d) => {
      find(d, 'gwlbe-i', 'gwlbEndpoint').connectionStatus = 'Disconnected'
    })
    expect(codes(broken)).toContain('GWLB-W033')
    const fixed = breakAndFix(broken, 'GWLB-W033', ['rtg-inspection', 'gwlbe-i'])
    expect(find(fixed, 'gwlbe-i', 'gwlbEndpoint').connectionStatus).toBe('Connected')
  })

  it('GWLB-W033 says what an active member that is not Connected means: traffic on the standby from the start', () => {
    const broken = edit(reference('c'), (d) => {
      find(d, 'gwlbe-h', 'gwlbEndpoint').connectionStatus = 'Pending'
    })
    const [p] = problemsOf(broken, 'GWLB-W033', ['rtg-inspection', 'gwlbe-h'])
    expect(p?.message).toMatch(/active member .*Pending.*goes to the standby from the start/)
    expect(p?.path).toMatch(/routeTargetMemberList\[0\]\.memberId$/)
  })

  it('GWLB-W034: a route straight to a member GWLBe does not fail over with the group; the fix names the group', () => {
    const broken = edit(reference('c'), (d) => {
      const t = find(d, 'rtb-app-h', 'routeTable')
      t.entries = [
        { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' },
      ]
    })
    const fixed = breakAndFix(broken, 'GWLB-W034', ['rtb-app-h', 'rtg-inspection', 'gwlbe-h'])
    expect(find(fixed, 'rtb-app-h', 'routeTable').entries).toEqual([
      { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'RouteTargetGroup', nextHopId: 'rtg-inspection' },
    ])
  })

  it('GWLB-W035: a group no route names fails nothing over; the fix deletes it', () => {
    const broken = edit(reference('b'), (d) => {
      d.resources.push({
        kind: 'routeTargetGroup',
        id: 'rtg-unused',
        vpcId: 'vpc-service',
        configMode: 'Active-Standby',
        routeTargetMemberList: [
          { memberId: 'gwlbe-h', memberType: 'GatewayLoadBalancerEndpoint', weight: 100 },
          { memberId: 'gwlbe-i', memberType: 'GatewayLoadBalancerEndpoint', weight: 0 },
        ],
      })
    })
    // (b)'s routes name the members directly: each is past a group now, besides the group being unused
    expect(codes(broken).filter((c) => c === 'GWLB-W034').length).toBe(4)
    const fixed = breakAndFix(broken, 'GWLB-W035', ['rtg-unused'])
    expect(fixed.resources.some((r) => r.id === 'rtg-unused')).toBe(false)
  })

  it('the guide’s zone rules accept a group carrying every zone’s traffic through one member (no GWLB-W030)', () => {
    const c = reference('c')
    expect(codes(c)).not.toContain('GWLB-W030')
    // the same routes to GWLBe H directly are zone-asymmetric for zone I's vSwitch
    const direct = edit(c, (d) => {
      for (const r of d.resources)
        if (r.kind === 'routeTable')
          r.entries = r.entries.map((e) =>
            e.nextHopType === 'RouteTargetGroup'
              ? { ...e, nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' }
              : e,
          )
    })
    expect(codes(direct)).toContain('GWLB-W030')
  })
})
