// Route target groups in the simulator, on reference design (c) and its scenario zone-failure-with-route-target-group:
// zone H (and GWLBe H, the active member) goes down at 30 s and comes back at 90 s. The members are probed; 3 failed
// probes fail the group over within 30 s; 3 answered probes make GWLBe H Healthy again, but traffic stays on GWLBe I
// until SwitchActiveRouteTarget (docs/cloud.md 6.4).
import { describe, expect, it } from 'vitest'
import { run } from '../../../cli/simulate'
import { ZONE_FAILURE_SCENARIO } from '../../../src/model/reference/zoneFailover'
import { ASSUMPTIONS, type AssumptionValues } from '../../../worker/engine'
import { createManualClock, createSim, findScenario, type Sim, type SimEvent } from '../../../worker/sim'
import { loadExample } from '../../helpers'

/**
 * The scenario as shipped, or (light) with its flows at a few connections and packets a second: the same paths and
 * faults, less traffic to forward, so the longer runs stay quick.
 */
function failoverSim(interval?: AssumptionValues['routeTargetProbeInterval'], light = true): Sim {
  const design = loadExample('zone-failover')
  const shipped = findScenario(design, ZONE_FAILURE_SCENARIO)
  if (!shipped) throw new Error('design (c) has no zone-failure scenario')
  const scenario = light
    ? { ...shipped, flows: shipped.flows.map((f) => ({ ...f, newConnectionsPerSecond: 2, packetsPerSecond: 2 })) }
    : shipped
  return createSim({
    design,
    scenario,
    clock: createManualClock(),
    ...(interval ? { engine: { assumptions: { routeTargetProbeInterval: interval } } } : {}),
  })
}

const of = (sim: Sim, kind: string) => sim.log().filter((e) => e.kind === kind)

/** The GWLBes a packet of an open connection of this flow passes now. */
function endpointsNow(sim: Sim, flowId: string): string[] {
  const c = sim.connections().find((x) => x.flowId === flowId)
  const t = c ? sim.sampleTrace(c.id, false) : null
  return t ? [...new Set(t.hops.filter((h) => h.kind === 'gwlbEndpoint').map((h) => h.resourceId ?? ''))] : []
}

describe('zone-failure-with-route-target-group on reference design (c)', () => {
  it('starts on the active member, GWLBe H, and the log says how the members are probed', () => {
    const sim = failoverSim(undefined, false)
    sim.run(20_000)
    expect(sim.routeTargets()).toEqual([
      {
        id: 'rtg-inspection',
        carryingMemberId: 'gwlbe-h',
        failedOver: false,
        members: [
          { memberId: 'gwlbe-h', weight: 100, healthy: true },
          { memberId: 'gwlbe-i', weight: 0, healthy: true },
        ],
      },
    ])
    expect(endpointsNow(sim, 'inbound-https')).toEqual(['gwlbe-h'])
    const start = sim.log().find((e) => e.resourceId === 'rtg-inspection' && e.kind === 'sim-started')
    expect(start?.text).toMatch(/probed every 5 s \(assumption routeTargetProbeInterval = 5s\).*no automatic failback/)
    expect(sim.metrics().packets.dropped).toBe(0)
  })

  for (const interval of ASSUMPTIONS.routeTargetProbeInterval.values)
    it(`fails over to GWLBe I within 30 s of the zone failing, after 3 failed probes (probes every ${interval})`, () => {
      const sim = failoverSim(interval)
      sim.run(70_000)
      const [failover] = of(sim, 'route-target-failover')
      expect(failover?.resourceId).toBe('rtg-inspection')
      const after = (failover?.tMs ?? Number.POSITIVE_INFINITY) - 30_000
      expect(after).toBeGreaterThan(0)
      expect(after).toBeLessThanOrEqual(30_000)
      // exactly the documented count of failed probes before it: two told one by one, then Unhealthy
      const failed = of(sim, 'route-target-probe-failed').filter((e) => e.resourceId === 'gwlbe-h')
      expect(failed.map((e) => e.text.match(/\((\d) of 3\)/)?.[1])).toEqual(['1', '2'])
      const unhealthy = of(sim, 'route-target-unhealthy')
      expect(unhealthy.map((e) => [e.resourceId, e.tMs])).toEqual([['gwlbe-h', failover?.tMs]])
      expect(failover?.text).toMatch(/from active member gwlbe-h to standby member gwlbe-i/)
      expect(failover?.cause).toMatch(/zone/)
      expect(sim.routeTargets()[0]?.carryingMemberId).toBe('gwlbe-i')
      expect(endpointsNow(sim, 'inbound-https')).toEqual(['gwlbe-i'])
    })

  it('loses packets only between the zone failing and the failover, then delivers again', () => {
    const sim = failoverSim()
    sim.run(29_900)
    expect(sim.metrics().packets.dropped).toBe(0)
    sim.run(70_000)
    const failoverMs = of(sim, 'route-target-failover')[0]?.tMs ?? 0
    const lost = sim.metrics().packets.dropped
    expect(lost).toBeGreaterThan(0)
    sim.run(85_000)
    // nothing more lost on web server 2's flows once the standby carries them
    expect(sim.metrics().packets.dropped).toBe(lost)
    expect(failoverMs).toBeLessThan(60_000)
  })

  it('does not fail back when GWLBe H is Healthy again: traffic stays on GWLBe I', () => {
    const sim = failoverSim()
    sim.run(200_000)
    const healthy = of(sim, 'route-target-healthy')
    expect(healthy.map((e) => e.resourceId)).toEqual(['gwlbe-h'])
    expect(healthy[0]?.tMs).toBeGreaterThan(90_000)
    expect(healthy[0]?.text).toMatch(/traffic stays on gwlbe-i: a route target group does not fail back by itself/)
    expect(of(sim, 'route-target-failover')).toHaveLength(1)
    expect(sim.routeTargets()[0]).toMatchObject({ carryingMemberId: 'gwlbe-i', failedOver: true })
    expect(endpointsNow(sim, 'inbound-https')).toEqual(['gwlbe-i'])
    expect(endpointsNow(sim, 'outbound-updates')).toEqual(['gwlbe-i'])
  })

  it('switches back with SwitchActiveRouteTarget, once GWLBe H is Healthy, and not before', () => {
    const sim = failoverSim()
    sim.run(70_000)
    const early = sim.switchActiveRouteTarget('rtg-inspection')
    expect(early.ok).toBe(false)
    expect(!early.ok && early.message).toMatch(/gwlbe-h is Unhealthy/)
    expect(sim.routeTargets()[0]?.carryingMemberId).toBe('gwlbe-i')
    sim.run(150_000)
    const dropped = sim.metrics().packets.dropped
    const back = sim.switchActiveRouteTarget('rtg-inspection')
    expect(back.ok).toBe(true)
    const switched = of(sim, 'route-target-switched')
    expect(switched.map((e) => [e.tMs, e.cause])).toEqual([[150_000, 'operator (SwitchActiveRouteTarget)']])
    expect(switched[0]?.text).toMatch(/from standby member gwlbe-i to active member gwlbe-h/)
    expect(sim.routeTargets()[0]).toMatchObject({ carryingMemberId: 'gwlbe-h', failedOver: false })
    sim.run(160_000)
    expect(endpointsNow(sim, 'inbound-https')).toEqual(['gwlbe-h'])
    expect(sim.metrics().packets.dropped).toBe(dropped)
    expect(sim.switchActiveRouteTarget('no-such-group')).toMatchObject({ ok: false })
  })

  it('a replay does the switch again at its time; a reset forgets it', () => {
    const sim = failoverSim()
    sim.run(150_000)
    sim.switchActiveRouteTarget('rtg-inspection')
    sim.run(180_000)
    const live = sim.log().map((e) => `${e.tMs} ${e.kind} ${e.text}`)
    sim.reset(1, { keepActions: true })
    sim.run(180_000)
    expect(sim.log().map((e) => `${e.tMs} ${e.kind} ${e.text}`)).toEqual(live)
    sim.reset(1)
    sim.run(180_000)
    expect(of(sim, 'route-target-switched')).toEqual([])
    expect(sim.routeTargets()[0]?.carryingMemberId).toBe('gwlbe-i')
  })
})

describe('npm run cli -- simulate on reference design (c)', () => {
  it('--route-target-probe-interval sets the probe interval; --json names the assumptions in force', () => {
    const out: string[] = []
    const log = console.log
    console.log = (...a: unknown[]) => void out.push(a.join(' '))
    let code = -1
    try {
      code = run([
        'public/examples/zone-failover.json',
        '--scenario',
        ZONE_FAILURE_SCENARIO,
        '--duration',
        '70s',
        '--route-target-probe-interval',
        '10s',
        '--json',
      ]) as number
    } finally {
      console.log = log
    }
    expect(code).toBe(0)
    const json = JSON.parse(out.join('\n')) as { assumptionValues: AssumptionValues; log: SimEvent[] }
    expect(json.assumptionValues.routeTargetProbeInterval).toBe('10s')
    expect(json.assumptionValues.allUnhealthy).toBe('drop')
    expect(json.log.some((e) => /probed every 10 s/.test(e.text))).toBe(true)
    const failover = json.log.find((e) => e.kind === 'route-target-failover')
    expect((failover?.tMs ?? 0) - 30_000).toBeLessThanOrEqual(30_000)
  })
})
