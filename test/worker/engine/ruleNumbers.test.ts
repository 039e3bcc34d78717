// The rule a step names is numbered the way the inspector lists it: from 1, in the security group's one list
// of inbound and outbound rules, and in the appliance's policy list.
import { describe, expect, it } from 'vitest'
import { type PacketSpec, type Step, trace } from '../../../worker/engine'
import { design, network, res } from './helpers'

const inbound: PacketSpec = {
  source: 'internet-client',
  destination: '47.98.10.11',
  protocol: 'tcp',
  destinationPort: 443,
}
const outbound: PacketSpec = { source: 'ecs-web-1', destination: '203.0.113.80', protocol: 'tcp', destinationPort: 443 }
const steps = (spec: PacketSpec) =>
  trace(network(2), spec).hops.flatMap((h) => h.steps.map((s) => ({ hop: h.resourceId, ...s })))
const sgStep = (all: (Step & { hop: string | null })[], hop: string) =>
  all.find(
    (s) => s.hop === hop && s.action === 'securityGroup' && s.rule?.type === 'securityGroup' && s.rule.securityGroupId,
  )

describe('rule numbers in the walk’s steps', () => {
  it('names the appliance’s Geneve rule as rule 1 of sg-appliance, its first row', () => {
    const d = design(2)
    expect(res(d, 'sg-appliance', 'securityGroup').rules[0]).toMatchObject({
      direction: 'ingress',
      description: 'Geneve from the GWLB',
    })
    const all = steps(inbound)
    const s = all.find((x) => x.hop?.startsWith('fw-') && x.action === 'securityGroup')
    expect(s?.text).toMatch(/sg-appliance rule 1 \(inbound, priority \d+, accept: Geneve from the GWLB\) accepts it/)
    expect(s?.rule).toMatchObject({ securityGroupId: 'sg-appliance', ruleIndex: 0 })
  })

  it('numbers an outbound rule by its row in the group’s one list, not among the outbound rules', () => {
    const d = design(2)
    // sg-web: two inbound rules, then the outbound one in the third row
    expect(res(d, 'sg-web', 'securityGroup').rules.map((r) => r.direction)).toEqual(['ingress', 'ingress', 'egress'])
    const s = sgStep(steps(outbound), 'ecs-web-1')
    expect(s?.text).toMatch(/^sg-web rule 3 \(outbound, /)
    expect(s?.text).not.toMatch(/rule 2\b/)
  })

  it('numbers the firewall policy rule that allowed the packet from 1', () => {
    const all = steps(inbound)
    const s = all.find((x) => x.action === 'policy')
    expect(s?.rule?.type).toBe('appliancePolicy')
    const index = s?.rule?.type === 'appliancePolicy' ? s.rule.ruleIndex : -1
    expect(index).toBeGreaterThanOrEqual(0)
    expect(s?.text).toMatch(new RegExp(`: policy rule ${index + 1}\\b.* allows it$`))
  })
})
