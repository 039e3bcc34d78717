import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { duplicateResources } from '../../../src/model/edits/duplicate'
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
})
