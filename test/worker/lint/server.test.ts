import { describe, expect, it } from 'vitest'
import { createResource } from '../../../src/model/edits/create'
import { applyFix, breakAndFix, codes, edit, find, problemsOf, reference } from './helpers'

describe('workload servers', () => {
  it('GWLB-E013: a server dropped from the palette has no security group; the fix puts it in its neighbours’ group', () => {
    const made = createResource(reference('b'), 'ecs', { kind: 'vswitch', vswitchId: 'vsw-app-h' })
    if (!made.ok) throw new Error(made.message)
    expect(codes(made.design)).toEqual(['GWLB-E013'])
    const [p] = problemsOf(made.design, 'GWLB-E013', [made.id])
    expect(p.message).toContain('has no security group')
    expect(p.fix?.label).toContain('Web servers (sg-web)')
    const fixed = breakAndFix(made.design, 'GWLB-E013', [made.id])
    expect(find(fixed, made.id, 'ecs').securityGroupIds).toEqual(['sg-web'])
  })

  it('GWLB-E013: with no other server to follow, the fix makes a new group in the server’s VPC', () => {
    const broken = edit(reference('b'), (d) => {
      find(d, 'ecs-web-1', 'ecs').securityGroupIds = []
      find(d, 'ecs-web-2', 'ecs').securityGroupIds = []
    })
    expect(codes(broken)).toEqual(['GWLB-E013', 'GWLB-E013'])
    const [p] = problemsOf(broken, 'GWLB-E013', ['ecs-web-1'])
    const fixed = applyFix(broken, p)
    expect(find(fixed, 'ecs-web-1', 'ecs').securityGroupIds).toEqual(['sg-ecs-web-1'])
    expect(find(fixed, 'sg-ecs-web-1', 'securityGroup')).toMatchObject({ vpcId: 'vpc-service', rules: [] })
    // the new group admits nothing yet, and the server has an EIP: the linter says it is unreachable (W012)
    expect(codes(fixed)).toEqual(['GWLB-E013', 'GWLB-W012'])
  })

  it('GWLB-W012: a server with an EIP whose groups admit nothing from the internet; the fix admits HTTPS', () => {
    const broken = edit(reference('a'), (d) => {
      const sg = find(d, 'sg-web', 'securityGroup')
      sg.rules = sg.rules.filter((r) => r.direction !== 'ingress')
    })
    const [p] = problemsOf(broken, 'GWLB-W012', ['ecs-web-1', 'sg-web'])
    expect(p.message).toMatch(
      /has the EIP 47\.98\.10\.11, but none of its security groups \(sg-web\) accepts inbound traffic from the internet/,
    )
    const fixed = breakAndFix(broken, 'GWLB-W012', ['ecs-web-1'])
    expect(find(fixed, 'sg-web', 'securityGroup').rules).toContainEqual(
      expect.objectContaining({
        direction: 'ingress',
        portRange: '443/443',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'accept',
      }),
    )
  })

  it('GWLB-W012: a rule admitting only private sources does not count as reachable from the internet', () => {
    const broken = edit(reference('a'), (d) => {
      const sg = find(d, 'sg-web', 'securityGroup')
      sg.rules = sg.rules.map((r) => (r.direction === 'ingress' ? { ...r, sourceCidrIp: '10.0.0.0/8' } : r))
    })
    // both web servers share the group
    expect(problemsOf(broken, 'GWLB-W012', ['ecs-web-1'])).toHaveLength(2)
  })
})
