import { describe, expect, it } from 'vitest'
import { breakAndFix, codes, edit, find, problemsOf, reference, remove } from './helpers'

describe('GWLB prerequisites and availability', () => {
  it('GWLB-E001: a GWLB without a listener; the fix adds it', () => {
    const broken = edit(reference('a'), (d) => {
      delete find(d, 'gwlb-inspection', 'gwlb').listener
    })
    breakAndFix(broken, 'GWLB-E001', ['gwlb-inspection'])
  })

  it('GWLB-E002: a GWLB without a server group; the fix adds one with the VPC’s free appliances', () => {
    const broken = edit(reference('a'), (d) => {
      delete find(d, 'gwlb-inspection', 'gwlb').serverGroup
    })
    const fixed = breakAndFix(broken, 'GWLB-E002', ['gwlb-inspection'])
    expect(find(fixed, 'gwlb-inspection', 'gwlb').serverGroup?.servers).toEqual(['fw-1', 'fw-2'])
  })

  it('GWLB-E003: a server group without appliances; the fix adds the free ones', () => {
    const broken = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.servers = []
    })
    breakAndFix(broken, 'GWLB-E003', ['gwlb-inspection'])
  })

  it('GWLB-E003: no fix when the VPC has no free appliance', () => {
    const broken = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.servers = []
      d.scenarios = [] // they stop fw-1
      remove(d, 'fw-1')
      remove(d, 'fw-2')
    })
    expect(problemsOf(broken, 'GWLB-E003', ['gwlb-inspection'])[0].fix).toBeUndefined()
  })

  // (b) with the zone-i appliances gone: every appliance is in zone h
  const zoneHOnly = (crossZone: boolean) =>
    edit(reference('b'), (d) => {
      const gwlb = find(d, 'gwlb-inspection', 'gwlb')
      gwlb.crossZoneEnabled = crossZone
      if (gwlb.serverGroup) gwlb.serverGroup.servers = ['fw-h1', 'fw-h2']
      remove(d, 'fw-i1')
      remove(d, 'fw-i2')
    })

  it('GWLB-W004: a two-zone GWLB whose appliances are all in one zone (no fix: place appliances)', () => {
    const broken = zoneHOnly(true)
    expect(codes(broken)).toEqual(['GWLB-W004'])
    const [p] = problemsOf(broken, 'GWLB-W004', ['gwlb-inspection', 'fw-h1', 'fw-h2'])
    expect(p.message).toContain('cn-hangzhou-h')
    expect(p.fix).toBeUndefined()
  })

  it('GWLB-E004: with cross-zone forwarding off, a mapped zone without appliances; the fix turns it on', () => {
    const broken = zoneHOnly(false)
    const [p] = problemsOf(broken, 'GWLB-E004', ['gwlb-inspection'])
    expect(p.message).toContain('cn-hangzhou-i')
    const fixed = breakAndFix(broken, 'GWLB-E004', ['gwlb-inspection'], { clean: false })
    expect(codes(fixed)).toEqual(['GWLB-W004'])
  })

  it('GWLB-E004 stays quiet when cross-zone forwarding is off but every zone has an appliance', () => {
    const design = edit(reference('b'), (d) => {
      find(d, 'gwlb-inspection', 'gwlb').crossZoneEnabled = false
    })
    expect(codes(design)).toEqual([])
  })

  it('GWLB-W005: an appliance in no server group; the fix adds it to the VPC’s GWLB', () => {
    const broken = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.servers = ['fw-1']
    })
    breakAndFix(broken, 'GWLB-W005', ['fw-2'])
  })

  it('GWLB-W006: a server group with a single appliance (no fix: add one)', () => {
    const broken = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.servers = ['fw-1']
      remove(d, 'fw-2')
    })
    expect(codes(broken)).toEqual(['GWLB-W006'])
    expect(problemsOf(broken, 'GWLB-W006', ['gwlb-inspection', 'fw-1'])[0].fix).toBeUndefined()
  })

  it('GWLB-W007: a GWLB that no endpoint service publishes', () => {
    const broken = edit(reference('a'), (d) => {
      const gwlb = find(d, 'gwlb-inspection', 'gwlb')
      d.resources.push({
        ...structuredClone(gwlb),
        id: 'gwlb-spare',
        name: 'Spare GWLB',
        zoneMappings: [{ ...gwlb.zoneMappings[0], privateIpAddress: '192.168.1.6' }],
      })
    })
    expect(codes(broken)).toEqual(['GWLB-W007'])
    problemsOf(broken, 'GWLB-W007', ['gwlb-spare'])
  })
})
