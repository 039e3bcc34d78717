// Health checks: detection time, recovery time, hung appliances, a security group that blocks the probes, and
// what happens with no healthy appliance left.
import { describe, expect, it } from 'vitest'
import { design, res } from '../engine/helpers'
import { designB, eventsOf, fault, makeSim, outbound, scenario } from './helpers'

describe('detection time = interval × unhealthy threshold, within one interval', () => {
  const settings = [
    { interval: 5, unhealthyThreshold: 3, timeout: 3 },
    { interval: 2, unhealthyThreshold: 2, timeout: 1 },
    { interval: 10, unhealthyThreshold: 2, timeout: 5 },
    { interval: 1, unhealthyThreshold: 10, timeout: 1 },
    { interval: 3, unhealthyThreshold: 5, timeout: 2 },
  ]
  for (const hc of settings) {
    for (const seed of [1, 2, 3]) {
      it(`interval ${hc.interval} s, unhealthy threshold ${hc.unhealthyThreshold}, timeout ${hc.timeout} s, seed ${seed}`, () => {
        const sim = makeSim(
          designB({ healthCheck: hc }),
          scenario(
            [outbound({ newConnectionsPerSecond: 2 })],
            [fault(30, { kind: 'applianceStopped', applianceId: 'fw-h1' })],
          ),
          { seed },
        )
        sim.run(30_000 + (hc.interval * hc.unhealthyThreshold + hc.interval + hc.timeout) * 1000)
        const marked = eventsOf(sim, 'marked-unhealthy', 'fw-h1')
        expect(marked).toHaveLength(1)
        const detectMs = marked[0].tMs - 30_000
        expect(Math.abs(detectMs - hc.interval * hc.unhealthyThreshold * 1000)).toBeLessThanOrEqual(hc.interval * 1000)
        // the probes that failed before, each logged
        expect(eventsOf(sim, 'probe-failed', 'fw-h1')).toHaveLength(hc.unhealthyThreshold - 1)
        const m = sim.metrics().faults[0]
        expect(m.detection).toEqual({ kind: 'detected', atMs: marked[0].tMs, afterMs: detectMs })
        // Rebalance: the losses stop in the slot after detection
        expect(m.recovery.kind).toBe('recovered')
        if (m.recovery.kind === 'recovered') {
          expect(m.recovery.atMs).toBeGreaterThan(marked[0].tMs)
          expect(m.recovery.atMs - marked[0].tMs).toBeLessThanOrEqual(100)
        }
      })
    }
  }
})

describe('stopping and restoring an appliance', () => {
  for (const healthyThreshold of [2, 3, 5]) {
    it(`marks it healthy again after healthy threshold ${healthyThreshold} × interval, within one interval`, () => {
      const interval = 4
      const sim = makeSim(
        designB({ healthCheck: { interval, timeout: 2, unhealthyThreshold: 2, healthyThreshold } }),
        scenario(
          [outbound({ newConnectionsPerSecond: 2 })],
          [fault(20, { kind: 'applianceStopped', applianceId: 'fw-h1' }, 60)],
        ),
      )
      sim.run(120_000)
      const healthy = eventsOf(sim, 'marked-healthy', 'fw-h1')
      expect(healthy).toHaveLength(1)
      const afterMs = healthy[0].tMs - 60_000
      expect(Math.abs(afterMs - healthyThreshold * interval * 1000)).toBeLessThanOrEqual(interval * 1000)
      expect(sim.metrics().faults[0].restore).toEqual({ kind: 'restored', atMs: healthy[0].tMs, afterMs })
      expect(eventsOf(sim, 'probe-answered', 'fw-h1')).toHaveLength(healthyThreshold - 1)
      // new connections reach fw-h1 again once it is healthy
      const late = sim.connections().filter((c) => c.startMs > healthy[0].tMs)
      expect(late.some((c) => c.applianceId === 'fw-h1')).toBe(true)
    })
  }
})

describe('a hung appliance', () => {
  it('loses traffic with no health change: it still answers the health check', () => {
    const sim = makeSim(
      designB(),
      scenario([outbound()], [fault(20, { kind: 'applianceHung', applianceId: 'fw-h1' }, 80)]),
    )
    sim.run(100_000)
    expect(eventsOf(sim, 'marked-unhealthy')).toEqual([])
    expect(eventsOf(sim, 'probe-failed')).toEqual([])
    const m = sim.metrics().faults[0]
    expect(m.detection).toEqual({ kind: 'undetectable', why: 'a hung appliance still answers health checks' })
    expect(m.lostPackets).toBeGreaterThan(0)
    // its own reason: the metrics tell "the health checks cannot notice" from "stopped"
    expect(Object.keys(m.lostByReason)).toEqual(['APPLIANCE_HUNG'])
    expect(m.flowsMoved).toBe(0)
    // the loss lasts as long as the hang: it stops only when the appliance is undone
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 80_000, afterMs: 60_000 })
    expect(sim.metrics().resources['fw-h1'].dropped).toBe(m.lostPackets)
  })
})

describe('a security-group rule that carried the health checks is removed', () => {
  // sg-appliance rule 1 accepts TCP 80 from the GWLB: the health-check port
  const removeHc = fault(20, { kind: 'securityGroupRuleRemoved', securityGroupId: 'sg-appliance', ruleIndex: 1 }, 80)

  it('makes every probe fail, and the log says which all-unhealthy assumption applied and that only AWS documents it', () => {
    const sim = makeSim(designB(), scenario([outbound()], [removeHc]))
    sim.run(100_000)
    expect(
      eventsOf(sim, 'marked-unhealthy')
        .map((e) => e.resourceId)
        .sort(),
    ).toEqual(['fw-h1', 'fw-h2', 'fw-i1', 'fw-i2'])
    for (const e of eventsOf(sim, 'marked-unhealthy'))
      expect(e.text).toMatch(/no inbound rule of sg-appliance accepts TCP 80/)
    const none = eventsOf(sim, 'no-healthy-appliance', 'gwlb-inspection')
    expect(none).toHaveLength(1)
    expect(none[0].text).toMatch(/allUnhealthy = drop/)
    expect(none[0].text).toMatch(/only AWS documents it/)
    expect(eventsOf(sim, 'healthy-appliance-back', 'gwlb-inspection')).toHaveLength(1)
    const m = sim.metrics().faults[0]
    expect(m.detection.kind).toBe('detected')
    expect(m.lostByReason.NO_HEALTHY_APPLIANCE).toBeGreaterThan(0)
    expect(m.restore.kind).toBe('restored')
  })

  it('under the AWS assumption the GWLB keeps forwarding to the (unhealthy but working) appliances', () => {
    const drop = makeSim(designB(), scenario([outbound()], [removeHc]))
    const aws = makeSim(designB(), scenario([outbound()], [removeHc]), {
      engine: { assumptions: { allUnhealthy: 'awsRandomTarget' } },
    })
    drop.run(100_000)
    aws.run(100_000)
    expect(eventsOf(aws, 'no-healthy-appliance')[0].text).toMatch(/allUnhealthy = awsRandomTarget/)
    expect(aws.metrics().faults[0].lostPackets).toBe(0)
    expect(drop.metrics().faults[0].lostPackets).toBeGreaterThan(0)
  })

  it('a rule that carries no health check leaves them alone', () => {
    // rule 0 is Geneve: traffic is lost, health checks still pass — like a hung appliance, for all of them
    const sim = makeSim(
      designB(),
      scenario(
        [outbound()],
        [fault(20, { kind: 'securityGroupRuleRemoved', securityGroupId: 'sg-appliance', ruleIndex: 0 }, 40)],
      ),
    )
    sim.run(60_000)
    expect(eventsOf(sim, 'marked-unhealthy')).toEqual([])
    const m = sim.metrics().faults[0]
    expect(m.detection).toEqual({ kind: 'undetectable', why: 'the rule does not carry health checks' })
    expect(m.lostByReason.SECURITY_GROUP_DENIED).toBeGreaterThan(0)
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 40_000, afterMs: 20_000 })
  })
})

describe('a design whose security group refuses the health checks from the start', () => {
  it('starts with every firewall unhealthy, saying why, and delivers nothing: the state Verify and the Walk tab see', () => {
    const refused = design(2, (x) => {
      const sg = res(x, 'sg-appliance', 'securityGroup')
      sg.rules = sg.rules.filter((rule) => rule.description !== 'health checks')
    })
    const sim = makeSim(refused, scenario([outbound()], []))
    sim.run(30_000)
    const marked = eventsOf(sim, 'marked-unhealthy')
    expect(marked.map((e) => [e.resourceId, e.tMs]).sort()).toEqual([
      ['fw-h1', 0],
      ['fw-h2', 0],
      ['fw-i1', 0],
      ['fw-i2', 0],
    ])
    for (const e of marked)
      expect(e.text).toMatch(/^unhealthy from the start: no inbound rule of sg-appliance accepts TCP 80/)
    expect(eventsOf(sim, 'no-healthy-appliance', 'gwlb-inspection').map((e) => e.tMs)).toEqual([0])
    const flow = sim.metrics().flows[0]
    expect(flow?.sent).toBeGreaterThan(0)
    expect(flow?.delivered).toBe(0)
    expect(flow?.byReason).toEqual({ NO_HEALTHY_APPLIANCE: flow?.sent })
  })
})

describe('health checks off', () => {
  it('never detect a stopped appliance: its flows are lost until it returns', () => {
    const sim = makeSim(
      designB({ healthCheck: { enabled: false } }),
      scenario([outbound()], [fault(20, { kind: 'applianceStopped', applianceId: 'fw-h1' }, 50)]),
    )
    sim.run(70_000)
    expect(eventsOf(sim, 'marked-unhealthy')).toEqual([])
    const m = sim.metrics().faults[0]
    expect(m.detection).toEqual({ kind: 'undetectable', why: 'health checks are off for it' })
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 50_000, afterMs: 30_000 })
  })
})
