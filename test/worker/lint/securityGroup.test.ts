import { describe, expect, it } from 'vitest'
import { compile, trace } from '../../../worker/engine'
import { breakAndFix, codes, edit, find, problemsOf, reference } from './helpers'

describe('security groups', () => {
  const dropMembers = edit(reference('b'), (d) => {
    find(d, 'sg-web', 'securityGroup').rules.push({
      direction: 'ingress',
      ipProtocol: 'tcp',
      portRange: '22/22',
      sourceCidrIp: '10.0.2.0/24',
      policy: 'drop',
      priority: 1,
      description: 'no SSH from zone I',
    })
  })

  it('GWLB-W010: a drop rule that Accept overrides for members; the fix sets the policy to Drop', () => {
    const [p] = problemsOf(dropMembers, 'GWLB-W010', ['sg-web', 'ecs-web-2'])
    expect(p.message).toMatch(/Rule 4 of security group Web servers \(sg-web\) \(inbound, drop 10\.0\.2\.0\/24\)/)
    expect(p.path).toMatch(/\.rules\[3\]$/)
    // what the warning says is what the engine does: the rule does not stop SSH from a member
    const ssh = { source: 'ecs-web-2', destination: '10.0.1.10', protocol: 'tcp', destinationPort: 22 } as const
    expect(trace(compile(dropMembers), ssh).disposition).toBe('DELIVERED')
    const fixed = breakAndFix(dropMembers, 'GWLB-W010', ['sg-web'])
    expect(find(fixed, 'sg-web', 'securityGroup').innerAccessPolicy).toBe('Drop')
    expect(trace(compile(fixed), ssh).disposition).toBe('SECURITY_GROUP_DENIED')
  })

  it('GWLB-W010: not for a drop rule that matches no member or is aimed beyond the VPC, nor under Drop', () => {
    const elsewhere = edit(reference('b'), (d) => {
      find(d, 'sg-web', 'securityGroup').rules.push({
        direction: 'ingress',
        ipProtocol: 'all',
        portRange: '-1/-1',
        sourceCidrIp: '198.51.100.0/24',
        policy: 'drop',
        priority: 1,
      })
      // members are inside 0.0.0.0/0, but a rule for everyone is aimed at the outside
      find(d, 'sg-web', 'securityGroup').rules.push({
        direction: 'ingress',
        ipProtocol: 'udp',
        portRange: '53/53',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'drop',
        priority: 1,
      })
    })
    expect(codes(elsewhere)).toEqual([])
    const isolated = edit(dropMembers, (d) => {
      find(d, 'sg-web', 'securityGroup').innerAccessPolicy = 'Drop'
    })
    expect(codes(isolated)).toEqual([])
  })

  it('GWLB-W011: servers in an enterprise group with no outbound accept rule; the fix adds one', () => {
    const strict = edit(reference('b'), (d) => {
      const g = find(d, 'sg-web', 'securityGroup')
      g.securityGroupType = 'enterprise'
      delete g.innerAccessPolicy
      g.rules = g.rules.filter((r) => r.direction === 'ingress')
    })
    const found = problemsOf(strict, 'GWLB-W011', ['ecs-web-1', 'sg-web'])
    expect(found).toHaveLength(2)
    expect(found[0].message).toMatch(/can open no connection/)
    const out = { source: 'ecs-web-1', destination: '203.0.113.10', protocol: 'tcp', destinationPort: 443 } as const
    expect(trace(compile(strict), out).disposition).toBe('SECURITY_GROUP_DENIED')
    const fixed = breakAndFix(strict, 'GWLB-W011', ['ecs-web-1'])
    expect(trace(compile(fixed), out).disposition).not.toBe('SECURITY_GROUP_DENIED')
  })
})
