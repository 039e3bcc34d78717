import { describe, expect, it } from 'vitest'
import type { Appliance, Design } from '../../../src/model'
import { compile, securityGroupBlocksProbe } from '../../../worker/engine'
import { lint } from '../../../worker/lint'
import { breakAndFix, codes, edit, find, problemsOf, reference, summary } from './helpers'

const APPLIANCES = ['fw-h1', 'fw-h2', 'fw-i1', 'fw-i2']

/** (b) with some appliances' state set. */
function withStates(states: Record<string, Appliance['state']>): Design {
  return edit(reference('b'), (d) => {
    for (const [id, state] of Object.entries(states)) find(d, id, 'appliance').state = state
  })
}

/** (b) with the appliances' security group no longer accepting one of its ports (6081: Geneve, 80: health checks). */
function refusing(port: '6081/6081' | '80/80'): Design {
  return edit(reference('b'), (d) => {
    const sg = find(d, 'sg-appliance', 'securityGroup')
    sg.rules = sg.rules.filter((r) => r.portRange !== port)
  })
}

describe('GWLB-E005: no appliance of the server group takes traffic', () => {
  it('every appliance stopped: every packet through both GWLBes is dropped; the fix starts them', () => {
    const broken = withStates({ 'fw-h1': 'stopped', 'fw-h2': 'stopped', 'fw-i1': 'stopped', 'fw-i2': 'stopped' })
    expect(codes(broken)).toEqual(['GWLB-E005'])
    const [p] = problemsOf(broken, 'GWLB-E005', ['gwlb-inspection', ...APPLIANCES, 'gwlbe-h', 'gwlbe-i'])
    expect(p.message).toContain('fw-h1, fw-h2, fw-i1, fw-i2 are stopped')
    expect(p.message).toContain('Every packet sent to it through GWLB endpoints gwlbe-h, gwlbe-i is dropped')
    expect(p.fix?.label).toBe('Start fw-h1, fw-h2, fw-i1, fw-i2')
    const fixed = breakAndFix(broken, 'GWLB-E005', ['gwlb-inspection'])
    for (const id of APPLIANCES) expect(find(fixed, id, 'appliance').state).toBe('running')
  })

  it('stopped and hung appliances together: the hung ones still answer health checks, and drop the traffic', () => {
    const broken = withStates({ 'fw-h1': 'stopped', 'fw-h2': 'hung', 'fw-i1': 'stopped', 'fw-i2': 'hung' })
    const [p] = problemsOf(broken, 'GWLB-E005', ['gwlb-inspection'])
    expect(p.message).toContain('fw-h1, fw-i1 are stopped; fw-h2, fw-i2 are hung')
    breakAndFix(broken, 'GWLB-E005', ['gwlb-inspection'])
  })

  it('one appliance still running is enough: no E005', () => {
    const design = withStates({ 'fw-h1': 'stopped', 'fw-h2': 'stopped', 'fw-i1': 'stopped' })
    expect(codes(design)).not.toContain('GWLB-E005')
  })

  it('every appliance refusing Geneve (UDP 6081) from the GWLB: E005 beside each E010, with no start to offer', () => {
    const broken = refusing('6081/6081')
    expect(summary(broken)).toEqual([
      'GWLB-E005 gwlb-inspection',
      'GWLB-E010 fw-h1',
      'GWLB-E010 fw-h2',
      'GWLB-E010 fw-i1',
      'GWLB-E010 fw-i2',
    ])
    const [p] = problemsOf(broken, 'GWLB-E005', ['gwlb-inspection'])
    expect(p.message).toContain(
      'fw-h1, fw-h2, fw-i1, fw-i2 do not accept UDP 6081 (Geneve) from 192.168.1.5, 192.168.2.5',
    )
    expect(p.fix).toBeUndefined()
  })

  it('running appliances that fail every health check: E005 under allUnhealthy = drop only (docs/cloud.md 9.1)', () => {
    const design = refusing('80/80')
    const [p] = problemsOf(design, 'GWLB-E005', ['gwlb-inspection'])
    expect(p.message).toMatch(/fail the health check .*the GWLB drops new flows \(assumption allUnhealthy = drop/)
    // under the AWS behaviour the GWLB still sends new flows to a registered appliance, and these take them
    const aws = lint(design, { assumptions: { allUnhealthy: 'awsRandomTarget' } }).map((x) => x.code)
    expect(aws).not.toContain('GWLB-E005')
    expect(aws).toContain('GWLB-E011')
  })

  it('cross-zone forwarding off, one zone’s appliances stopped: only that zone and its GWLBe are named', () => {
    const broken = edit(withStates({ 'fw-h1': 'stopped', 'fw-h2': 'stopped' }), (d) => {
      find(d, 'gwlb-inspection', 'gwlb').crossZoneEnabled = false
    })
    const [p] = problemsOf(broken, 'GWLB-E005', ['gwlb-inspection', 'gwlbe-h'])
    expect(p.resourceIds).not.toContain('gwlbe-i')
    expect(p.message).toContain('in zone cn-hangzhou-h')
    expect(p.fix?.label).toBe('Start fw-h1, fw-h2')
    breakAndFix(broken, 'GWLB-E005', ['gwlb-inspection'])
  })

  it('health checks admitted from one zone’s GWLB node only: the other zone’s appliances are unhealthy, as the engine has it', () => {
    // each appliance is probed from the GWLB's node in its zone (docs/cloud.md 9.3): zone I's from 192.168.2.5
    const broken = edit(reference('b'), (d) => {
      find(d, 'gwlb-inspection', 'gwlb').crossZoneEnabled = false
      const rule = find(d, 'sg-appliance', 'securityGroup').rules.find((r) => r.description === 'health checks')
      if (rule) rule.sourceCidrIp = '192.168.1.5/32'
    })
    const [p] = problemsOf(broken, 'GWLB-E005', ['gwlb-inspection', 'gwlbe-i'])
    expect(p.message).toContain('in zone cn-hangzhou-i')
    expect(p.message).toMatch(/fw-i1, fw-i2 fail the health check/)
    expect(p.resourceIds).not.toContain('gwlbe-h')
    // the engine, which Verify, the Walk tab and the simulator start from, probes from the same address
    const net = compile(broken)
    const blocked = (id: string) =>
      securityGroupBlocksProbe(
        net,
        net.appliances.findIndex((a) => a.id === id),
        80,
      )
    expect(blocked('fw-h1')).toBeNull()
    expect(blocked('fw-i1')).toBe('no inbound rule of sg-appliance accepts TCP 80 from 192.168.2.5 (the GWLB)')
  })

  it('an empty server group is E003 alone', () => {
    const broken = edit(reference('a'), (d) => {
      const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
      if (g) g.servers = []
    })
    expect(codes(broken)).toEqual(['GWLB-E003', 'GWLB-W005', 'GWLB-W005'])
  })
})
