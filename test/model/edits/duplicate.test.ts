import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { createResource } from '../../../src/model/edits/create'
import { duplicateResources, pasteResources, subtreeOf } from '../../../src/model/edits/duplicate'
import { lint } from '../../../worker/lint'
import { loadExample } from '../../helpers'

describe('copy, paste and duplicate', () => {
  it('a server takes a fresh id and the next free address of its vSwitch, without the EIP', () => {
    const d = loadExample('two-zones')
    const r = duplicateResources(d, ['ecs-web-1'])
    if (!r.ok) throw new Error(r.message)
    const copy = r.design.resources.find((x) => x.id === r.ids[0])
    expect(copy).toMatchObject({ kind: 'ecs', vswitchId: 'vsw-app-h', privateIpAddress: '10.0.1.1', name: 'Web server 1 (copy)' })
    expect(copy?.kind === 'ecs' && copy.publicIpAddress).toBeUndefined()
  })

  it('a whole VPC moves to a free block with everything inside, and still loads', () => {
    const d = loadExample('two-zones')
    const r = duplicateResources(d, ['vpc-security'])
    if (!r.ok) throw new Error(r.message)
    expect(parse(r.design).ok).toBe(true)
    const vpc = r.design.resources.find((x) => x.id === 'vpc-security-copy')
    expect(vpc).toMatchObject({ cidrBlock: '172.16.0.0/16' })
    const fw = r.design.resources.find((x) => x.id === 'fw-h1-copy')
    expect(fw).toMatchObject({ privateIpAddress: '172.16.1.11', vswitchId: 'vsw-security-h-copy' })
    const g = r.design.resources.find((x) => x.id === 'gwlb-inspection-copy')
    expect(g?.kind === 'gwlb' && g.serverGroup?.servers).toEqual(['fw-h1-copy', 'fw-h2-copy', 'fw-i1-copy', 'fw-i2-copy'])
  })

  it('refuses a copy that would break a rule, saying which', () => {
    const d = loadExample('two-zones')
    const r = duplicateResources(d, ['internet-client'])
    // 203.0.113.11 is free: the copy loads
    expect(r.ok).toBe(true)
  })

  it('refuses a second GWLBe in a zone, with the message a drop from the palette gives', () => {
    const d = loadExample('two-zones')
    const dropped = createResource(d, 'gwlbEndpoint', { kind: 'vswitch', vswitchId: 'vsw-gwlbe-h' })
    expect(!dropped.ok && dropped.message).toBe('VPC Service VPC already has a GWLB endpoint in zone cn-hangzhou-h: one per zone.')
    const duplicated = duplicateResources(d, ['gwlbe-h'])
    expect(duplicated).toEqual({ ok: false, message: 'VPC Service VPC already has a GWLB endpoint in zone cn-hangzhou-h: one per zone.' })
    // the same for a paste, and for a GWLBe vSwitch copied with its endpoint into the same VPC
    expect(pasteResources(d, subtreeOf(d, ['gwlbe-h'])).ok).toBe(false)
    expect(duplicateResources(d, ['vsw-gwlbe-h'])).toEqual({ ok: false, message: 'VPC Service VPC already has a GWLB endpoint in zone cn-hangzhou-h: one per zone.' })
  })

  it('a copied GWLBe is a new connection request: it waits for the provider unless the service auto-accepts', () => {
    const d = loadExample('two-zones')
    // a copied VPC is a new consumer VPC: one GWLBe per zone is allowed there, each a request of its own
    const r = duplicateResources(d, ['vpc-service'])
    if (!r.ok) throw new Error(r.message)
    const copies = r.design.resources.filter((x) => x.kind === 'gwlbEndpoint' && r.ids.includes(x.id))
    expect(copies.map((x) => x.kind === 'gwlbEndpoint' && [x.vpcId, x.serviceId, x.connectionStatus])).toEqual([
      ['vpc-service-copy', 'epsrv-inspection', 'Disconnected'],
      ['vpc-service-copy', 'epsrv-inspection', 'Disconnected'],
    ])
    // Problems: the requests wait for the provider's accept, and nothing says "one per zone"
    const codes = lint(r.design).map((p) => p.code)
    expect(codes).not.toContain('GWLB-E025')
    expect(codes.filter((c) => c === 'GWLB-E024')).toHaveLength(2)
    const auto = { ...d, resources: d.resources.map((x) => (x.kind === 'endpointService' ? { ...x, autoAcceptConnection: true } : x)) }
    const accepted = duplicateResources(auto, ['vpc-service'])
    if (!accepted.ok) throw new Error(accepted.message)
    expect(accepted.design.resources.filter((x) => x.kind === 'gwlbEndpoint').map((x) => x.kind === 'gwlbEndpoint' && x.connectionStatus)).toEqual([
      'Connected',
      'Connected',
      'Connected',
      'Connected',
    ])
  })

  it('refuses a copied GWLBe whose service no longer admits its account', () => {
    const d = loadExample('two-zones')
    const closed = { ...d, resources: d.resources.map((x) => (x.kind === 'endpointService' ? { ...x, whitelist: [] } : x)) }
    const r = duplicateResources(closed, ['vpc-service'])
    expect(!r.ok && r.message).toContain('does not admit account 1234567890123456')
  })
})
