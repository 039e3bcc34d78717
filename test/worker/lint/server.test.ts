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
    expect(codes(fixed)).toEqual(['GWLB-E013'])
  })
})
