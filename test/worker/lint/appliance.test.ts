import { describe, expect, it } from 'vitest'
import type { SecurityGroup, SecurityGroupRule } from '../../../src/model'
import { parseIpv4 } from '../../../src/model'
import { lint } from '../../../worker/lint'
import { ingressVerdict } from '../../../worker/lint/appliance'
import { applyFix, breakAndFix, codes, edit, find, problemsOf, reference, summary } from './helpers'

const geneve = (d: Parameters<typeof find>[0]) =>
  find(d, 'sg-appliance', 'securityGroup').rules.find((r) => r.portRange === '6081/6081')

describe('appliance prerequisites', () => {
  it('GWLB-E012: an appliance without jumbo frames; the fix enables them', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'fw-1', 'appliance').jumboFrames = false
    })
    breakAndFix(broken, 'GWLB-E012', ['fw-1'])
  })

  it('GWLB-E010: no rule for UDP 6081; one fix on the shared group clears every appliance', () => {
    const broken = edit(reference('a'), (d) => {
      const sg = find(d, 'sg-appliance', 'securityGroup')
      sg.rules = sg.rules.filter((r) => r.portRange !== '6081/6081')
    })
    const found = problemsOf(broken, 'GWLB-E010', ['fw-1', 'sg-appliance', 'gwlb-inspection'])
    expect(found.map((p) => p.resourceIds[0])).toEqual(['fw-1', 'fw-2'])
    expect(found[0].message).toContain('192.168.1.5')
    const fixed = breakAndFix(broken, 'GWLB-E010', ['fw-1'])
    expect(geneve(fixed)).toMatchObject({
      direction: 'ingress',
      ipProtocol: 'udp',
      sourceCidrIp: '192.168.0.0/16',
      policy: 'accept',
    })
  })

  it('GWLB-E010: Geneve admitted from one zone’s GWLB address only: the message says the loss is partial', () => {
    const broken = edit(reference('b'), (d) => {
      const rule = geneve(d)
      if (rule) rule.sourceCidrIp = '192.168.1.0/24'
    })
    const found = problemsOf(broken, 'GWLB-E010', ['fw-h1'])
    expect(found[0].message).toContain('192.168.2.5')
    expect(found[0].message).not.toContain('192.168.1.5')
    expect(found[0].message).toMatch(/what comes from its other addresses still arrives/)
    expect(found[0].message).not.toMatch(/receives no traffic/)
  })

  it('GWLB-E010: a drop rule of a lower priority number wins; the fix accepts one step before it', () => {
    const broken = edit(reference('a'), (d) => {
      const sg = find(d, 'sg-appliance', 'securityGroup')
      const rule = geneve(d)
      if (rule) rule.priority = 10
      sg.rules.push({
        direction: 'ingress',
        ipProtocol: 'udp',
        portRange: '6000/7000',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'drop',
        priority: 5,
      })
    })
    const [p] = problemsOf(broken, 'GWLB-E010', ['fw-1'])
    expect(p.message).toContain('rule 4 of sg-appliance drops it')
    const fixed = breakAndFix(broken, 'GWLB-E010', ['fw-1'])
    expect(find(fixed, 'sg-appliance', 'securityGroup').rules.at(-1)?.priority).toBe(4)
  })

  it('GWLB-E010: no fix when a priority-1 drop rule matches (an accept cannot win)', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'sg-appliance', 'securityGroup').rules.push({
        direction: 'ingress',
        ipProtocol: 'all',
        portRange: '-1/-1',
        sourceCidrIp: '192.168.1.0/24',
        policy: 'drop',
        priority: 1,
      })
    })
    expect(problemsOf(broken, 'GWLB-E010', ['fw-1'])[0].fix).toBeUndefined()
  })

  it('GWLB-E010 and E011: an appliance with no security group gets one from the fixes', () => {
    const broken = edit(reference('a'), (d) => {
      find(d, 'fw-1', 'appliance').securityGroupIds = []
    })
    expect(codes(broken)).toEqual(['GWLB-E010', 'GWLB-E011'])
    const [p] = problemsOf(broken, 'GWLB-E010', ['fw-1'])
    expect(p.message).toContain('no security group')
    const half = applyFix(broken, p)
    expect(find(half, 'fw-1', 'appliance').securityGroupIds).toEqual(['sg-fw-1'])
    breakAndFix(half, 'GWLB-E011', ['fw-1'])
  })

  it('GWLB-E011: the health-check port is not open; the fix opens it', () => {
    const broken = edit(reference('b'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.healthCheck = { ...g.healthCheck, protocol: 'HTTP', port: 8080, path: '/health' }
    })
    const found = problemsOf(broken, 'GWLB-E011', ['fw-h1', 'sg-appliance', 'gwlb-inspection'])
    expect(found).toHaveLength(4)
    expect(found[0].message).toContain('TCP 8080')
    breakAndFix(broken, 'GWLB-E011', ['fw-h1'])
  })

  it('GWLB-E011 asks of the address each appliance is probed from: its zone’s GWLB node, as the engine has it', () => {
    // cross-zone forwarding on: Geneve comes from both nodes, a health check from the node in the appliance's zone
    const broken = edit(reference('b'), (d) => {
      const rule = find(d, 'sg-appliance', 'securityGroup').rules.find((r) => r.description === 'health checks')
      if (rule) rule.sourceCidrIp = '192.168.1.5/32'
    })
    const found = lint(broken).filter((p) => p.code === 'GWLB-E011')
    expect(found.map((p) => p.resourceIds[0])).toEqual(['fw-i1', 'fw-i2'])
    expect(found[0]?.message).toContain('from GWLB Inspection GWLB (gwlb-inspection) (192.168.2.5)')
    expect(found[0]?.message).toContain('It fails every health check and is taken out of service.')
  })

  it('GWLB-E011 does not apply when the health check is off (W001 says so instead)', () => {
    const design = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.healthCheck = { ...g.healthCheck, enabled: false, port: 8080 }
    })
    expect(codes(design)).toEqual(['GWLB-W001'])
  })

  it('GWLB-E010 checks only the own zone’s GWLB address when cross-zone forwarding is off', () => {
    const design = edit(reference('b'), (d) => {
      find(d, 'gwlb-inspection', 'gwlb').crossZoneEnabled = false
      const rule = geneve(d)
      if (rule) rule.sourceCidrIp = '192.168.1.0/24'
    })
    // zone-i appliances get Geneve only from 192.168.2.5, which the narrowed rule no longer accepts: so nothing
    // that enters the GWLB in zone i gets through (E005)
    expect(summary(design)).toEqual(['GWLB-E005 gwlb-inspection', 'GWLB-E010 fw-i1', 'GWLB-E010 fw-i2'])
  })
})

describe('ingressVerdict (Alibaba security group order)', () => {
  const rule = (r: Partial<SecurityGroupRule>): SecurityGroupRule => ({
    direction: 'ingress',
    ipProtocol: 'udp',
    portRange: '6081/6081',
    sourceCidrIp: '10.0.0.0/8',
    policy: 'accept',
    priority: 1,
    ...r,
  })
  const sg = (...rules: SecurityGroupRule[]): SecurityGroup => ({
    kind: 'securityGroup',
    id: 'sg',
    vpcId: 'vpc',
    securityGroupType: 'basic',
    innerAccessPolicy: 'Accept',
    rules,
  })
  const src = parseIpv4('10.1.2.3') ?? 0

  it('accepts on a matching accept rule', () => {
    expect(ingressVerdict([sg(rule({}))], 'udp', 6081, src)).toEqual({
      kind: 'accepted',
      securityGroupId: 'sg',
      ruleIndex: 0,
    })
  })
  it('lets drop win a tie of priorities', () => {
    expect(ingressVerdict([sg(rule({}), rule({ policy: 'drop' }))], 'udp', 6081, src).kind).toBe('dropped')
  })
  it('lets the lower priority number win across groups', () => {
    const verdict = ingressVerdict(
      [sg(rule({ policy: 'drop', priority: 2 })), { ...sg(rule({ priority: 1 })), id: 'sg2' }],
      'udp',
      6081,
      src,
    )
    expect(verdict).toEqual({ kind: 'accepted', securityGroupId: 'sg2', ruleIndex: 0 })
  })
  it('matches protocol all and the port range -1/-1, but not another protocol, port or source', () => {
    expect(ingressVerdict([sg(rule({ ipProtocol: 'all', portRange: '-1/-1' }))], 'udp', 6081, src).kind).toBe(
      'accepted',
    )
    expect(ingressVerdict([sg(rule({ ipProtocol: 'all', portRange: '80/80' }))], 'udp', 6081, src).kind).toBe(
      'accepted',
    )
    expect(ingressVerdict([sg(rule({ ipProtocol: 'tcp' }))], 'udp', 6081, src).kind).toBe('noRule')
    expect(ingressVerdict([sg(rule({ portRange: '80/80' }))], 'udp', 6081, src).kind).toBe('noRule')
    expect(ingressVerdict([sg(rule({ sourceCidrIp: '192.168.0.0/16' }))], 'udp', 6081, src).kind).toBe('noRule')
    expect(
      ingressVerdict(
        [sg(rule({ direction: 'egress', sourceCidrIp: undefined, destCidrIp: '0.0.0.0/0' }))],
        'udp',
        6081,
        src,
      ).kind,
    ).toBe('noRule')
  })
})
