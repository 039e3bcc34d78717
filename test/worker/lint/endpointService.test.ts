import { describe, expect, it } from 'vitest'
import { PROVIDER_UID } from '../../../src/model/reference/build'
import { breakAndFix, codes, edit, find, problemsOf, reference } from './helpers'

describe('endpoint service', () => {
  it('GWLB-E020: a service resource in a zone its GWLB does not serve; the fix maps the GWLB there', () => {
    const broken = edit(reference('b'), (d) => {
      const gwlb = find(d, 'gwlb-inspection', 'gwlb')
      gwlb.zoneMappings = gwlb.zoneMappings.filter((m) => m.zoneId === 'cn-hangzhou-h')
    })
    const fixed = breakAndFix(broken, 'GWLB-E020', ['epsrv-inspection', 'gwlb-inspection'])
    expect(find(fixed, 'gwlb-inspection', 'gwlb').zoneMappings[1]).toEqual({
      zoneId: 'cn-hangzhou-i',
      vswitchId: 'vsw-security-i',
      privateIpAddress: '192.168.2.1',
    })
  })

  it('GWLB-E020: no fix when the GWLB’s VPC has no vSwitch in that zone', () => {
    const broken = edit(reference('a'), (d) => {
      d.zones.push('cn-hangzhou-i')
      find(d, 'epsrv-inspection', 'endpointService').resources.push({
        resourceId: 'gwlb-inspection',
        zoneId: 'cn-hangzhou-i',
      })
    })
    expect(problemsOf(broken, 'GWLB-E020', ['epsrv-inspection'])[0].fix).toBeUndefined()
  })

  it('GWLB-E021: the service belongs to another account than its GWLB; the fix makes the GWLB’s owner the provider', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'epsrv-inspection', 'endpointService').accountId = '1234567890123456'
    })
    const fixed = breakAndFix(broken, 'GWLB-E021', ['epsrv-inspection', 'gwlb-inspection'])
    expect(find(fixed, 'epsrv-inspection', 'endpointService').accountId).toBe(PROVIDER_UID)
  })
})

describe('GWLB endpoints', () => {
  it('GWLB-E022: a connected endpoint in a zone the service no longer offers (its resource removed); the fix adds it back', () => {
    const broken = edit(reference('b'), (d) => {
      const s = find(d, 'epsrv-inspection', 'endpointService')
      s.resources = s.resources.filter((r) => r.zoneId !== 'cn-hangzhou-i')
    })
    expect(codes(broken)).toEqual(['GWLB-E022'])
    const [p] = problemsOf(broken, 'GWLB-E022', ['gwlbe-i', 'epsrv-inspection'])
    expect(p.message).toContain('only cn-hangzhou-h')
    breakAndFix(broken, 'GWLB-E022', ['gwlbe-i'])
  })

  it('GWLB-E023: the whitelist does not admit the consumer; the fix adds its account', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'epsrv-inspection', 'endpointService').whitelist = ['1111111111']
    })
    breakAndFix(broken, 'GWLB-E023', ['gwlbe-h', 'epsrv-inspection'])
  })

  it('GWLB-E023: "*" admits everyone, and the provider’s own account needs no entry', () => {
    const star = edit(reference('a'), (d) => {
      find(d, 'epsrv-inspection', 'endpointService').whitelist = ['*']
    })
    expect(codes(star)).toEqual([])
    const own = edit(reference('a'), (d) => {
      find(d, 'epsrv-inspection', 'endpointService').whitelist = []
      find(d, 'vpc-service', 'vpc').accountId = PROVIDER_UID
      find(d, 'gwlbe-h', 'gwlbEndpoint').accountId = PROVIDER_UID
    })
    expect(codes(own)).toEqual([])
  })

  it('GWLB-E024: a Disconnected connection without auto-accept, waiting or rejected; the fix accepts it', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'gwlbe-h', 'gwlbEndpoint').connectionStatus = 'Disconnected'
    })
    const [p] = problemsOf(broken, 'GWLB-E024', ['gwlbe-h', 'epsrv-inspection'])
    // after an explicit reject it is Disconnected too (the cloud has no Rejected): the message must not say it only waits
    expect(p.message).toContain('the provider rejected it, or has not accepted it yet')
    expect(p.message).not.toMatch(/waits for the provider/)
    const fixed = breakAndFix(broken, 'GWLB-E024', ['gwlbe-h'])
    expect(find(fixed, 'gwlbe-h', 'gwlbEndpoint').connectionStatus).toBe('Connected')
  })

  it('GWLB-E024: Disconnected under auto-accept means rejected or disconnected', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'gwlbe-h', 'gwlbEndpoint').connectionStatus = 'Disconnected'
      find(d, 'epsrv-inspection', 'endpointService').autoAcceptConnection = true
    })
    expect(problemsOf(broken, 'GWLB-E024', ['gwlbe-h'])[0].message).toContain('rejected')
  })

  it.each(['Connecting', 'Disconnecting', 'Pending'] as const)('GWLB-E024: %s is not yet Connected', (status) => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'gwlbe-i', 'gwlbEndpoint').connectionStatus = status
    })
    breakAndFix(broken, 'GWLB-E024', ['gwlbe-i'])
  })

  it('GWLB-E025: two GWLBes of one service in one zone of one VPC (no fix: keep one)', () => {
    const broken = edit(reference('b'), (d) => {
      d.resources.push({
        ...structuredClone(find(d, 'gwlbe-h', 'gwlbEndpoint')),
        id: 'gwlbe-h2',
        ipAddress: '10.0.10.6',
      })
    })
    expect(codes(broken)).toEqual(['GWLB-E025'])
    expect(problemsOf(broken, 'GWLB-E025', ['gwlbe-h', 'gwlbe-h2'])[0].fix).toBeUndefined()
    expect(problemsOf(broken, 'GWLB-E025', ['gwlbe-h'])[0].message).toContain(
      "Alibaba Cloud's GWLB guide allows one per zone",
    )
  })

  it('GWLB-E026: an endpoint owned by another account than its VPC; the fix makes the VPC owner its owner', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'gwlbe-h', 'gwlbEndpoint').accountId = PROVIDER_UID
    })
    breakAndFix(broken, 'GWLB-E026', ['gwlbe-h', 'vpc-service'])
  })
})
