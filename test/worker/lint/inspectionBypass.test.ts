import { describe, expect, it } from 'vitest'
import { codes, edit, find, problemsOf, reference, remove, summary } from './helpers'

describe('inspection bypass', () => {
  it('GWLB-W031: an ECS beside the GWLBe follows the GWLBe vSwitch’s routes (no fix: move it)', () => {
    const broken = edit(reference('a'), (d) => {
      const ecs = find(d, 'ecs-web-2', 'ecs')
      ecs.vswitchId = 'vsw-gwlbe-h'
      ecs.privateIpAddress = '10.0.10.12'
    })
    expect(codes(broken)).toEqual(['GWLB-W031'])
    expect(problemsOf(broken, 'GWLB-W031', ['ecs-web-2', 'vsw-gwlbe-h', 'gwlbe-h'])[0].fix).toBeUndefined()
  })

  it('GWLB-W031: a server with an EIP in a VPC without GWLBe', () => {
    const broken = edit(reference('a'), (d) => {
      d.resources.push(
        { kind: 'vpc', id: 'vpc-other', accountId: '1234567890123456', cidrBlock: '172.16.0.0/16' },
        { kind: 'vswitch', id: 'vsw-other', vpcId: 'vpc-other', zoneId: 'cn-hangzhou-h', cidrBlock: '172.16.1.0/24' },
        {
          kind: 'securityGroup',
          id: 'sg-other',
          vpcId: 'vpc-other',
          securityGroupType: 'basic',
          innerAccessPolicy: 'Accept',
          // reachable from the internet (else W012 says it is not): only the bypass is wrong here
          rules: [
            {
              direction: 'ingress',
              ipProtocol: 'tcp',
              portRange: '443/443',
              sourceCidrIp: '0.0.0.0/0',
              policy: 'accept',
              priority: 1,
            },
          ],
        },
        {
          kind: 'ecs',
          id: 'ecs-other',
          vswitchId: 'vsw-other',
          privateIpAddress: '172.16.1.10',
          publicIpAddress: '47.98.10.99',
          securityGroupIds: ['sg-other'],
          role: 'server',
        },
        {
          kind: 'ecs',
          id: 'ecs-client',
          vswitchId: 'vsw-other',
          privateIpAddress: '172.16.1.11',
          securityGroupIds: ['sg-other'],
          role: 'client',
        },
      )
    })
    expect(summary(broken)).toEqual(['GWLB-W031 ecs-other'])
    expect(problemsOf(broken, 'GWLB-W031', ['ecs-other', 'vpc-other'])[0].message).toContain('has no GWLB endpoint')
  })

  it('GWLB-W031: GWLBes but no IPv4 gateway, so no gateway route table steers EIP traffic', () => {
    const broken = edit(reference('a'), (d) => {
      remove(d, 'igw-service')
      find(d, 'rtb-gwlbe', 'routeTable').entries = []
    })
    expect(summary(broken)).toEqual(['GWLB-W031 ecs-web-1', 'GWLB-W031 ecs-web-2'])
    expect(problemsOf(broken, 'GWLB-W031', ['ecs-web-1'])[0].message).toContain('no IPv4 gateway')
  })
})
