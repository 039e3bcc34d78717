// Every fault kind applies at its time and is undone at its until time.
import { describe, expect, it } from 'vitest'
import { designB, eventsOf, fault, inbound, makeSim, outbound, scenario } from './helpers'

describe('faults', () => {
  it('an endpoint connection set to Disconnected drops its traffic until it is Connected again', () => {
    const sim = makeSim(
      designB(),
      scenario(
        [outbound()],
        [fault(10, { kind: 'endpointConnection', endpointId: 'gwlbe-i', connectionStatus: 'Disconnected' }, 20)],
      ),
    )
    sim.run(40_000)
    const m = sim.metrics().faults[0]
    expect(Object.keys(m.lostByReason)).toEqual(['ENDPOINT_NOT_CONNECTED'])
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 20_000, afterMs: 10_000 })
    expect(m.detection.kind).toBe('undetectable')
    expect(eventsOf(sim, 'fault-reverted', 'gwlbe-i')[0].text).toMatch(/Connected again/)
  })

  it('a deleted route entry is recompiled away and back', () => {
    const sim = makeSim(
      designB(),
      scenario(
        [outbound()],
        [fault(10, { kind: 'routeEntryDeleted', routeTableId: 'rtb-app-i', destinationCidrBlock: '0.0.0.0/0' }, 20)],
      ),
    )
    sim.run(40_000)
    const m = sim.metrics().faults[0]
    expect(m.lostPackets).toBeGreaterThan(0)
    expect(Object.keys(m.lostByReason)).toEqual(['NO_ROUTE'])
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 20_000, afterMs: 10_000 })
    // the runtime state survived both recompiles: no connection changed appliance
    expect(m.flowsMoved).toBe(0)
    expect(sim.connections().every((c) => c.moves.length === 0)).toBe(true)
  })

  it('a zone down loses traffic entering through it until it returns, and marks its appliances unhealthy', () => {
    const sim = makeSim(
      designB(),
      scenario([inbound()], [fault(10, { kind: 'zoneDown', zoneId: 'cn-hangzhou-h' }, 40)]),
    )
    sim.run(60_000)
    const m = sim.metrics().faults[0]
    expect(m.lostByReason.ZONE_DOWN).toBeGreaterThan(0)
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: 40_000, afterMs: 30_000 })
    expect(m.restore.kind).toBe('restored')
    expect(
      eventsOf(sim, 'marked-healthy')
        .map((e) => e.resourceId)
        .sort(),
    ).toEqual(['fw-h1', 'fw-h2'])
  })

  it('shows a downed zone’s appliances as stopped while the zone is down, and running again after', () => {
    const sim = makeSim(
      designB(),
      scenario([inbound()], [fault(10, { kind: 'zoneDown', zoneId: 'cn-hangzhou-h' }, 40)]),
    )
    const runOf = (id: string) => sim.appliances().find((a) => a.id === id)?.run
    sim.run(5_000)
    expect([runOf('fw-h1'), runOf('fw-i1')]).toEqual(['running', 'running'])
    sim.run(20_000)
    expect([runOf('fw-h1'), runOf('fw-h2'), runOf('fw-i1')]).toEqual(['stopped', 'stopped', 'running'])
    sim.run(50_000)
    expect(runOf('fw-h1')).toBe('running')
  })

  it('a server added back takes new flows again', () => {
    const sim = makeSim(
      designB(),
      scenario(
        [outbound({ connectionSeconds: 5, newConnectionsPerSecond: 20 })],
        [fault(10, { kind: 'serverRemoved', applianceId: 'fw-h1' }, 20)],
      ),
    )
    sim.run(19_000)
    expect(
      sim
        .connections()
        .filter((c) => c.startMs > 10_000)
        .some((c) => c.applianceId === 'fw-h1'),
    ).toBe(false)
    sim.run(30_000)
    expect(
      sim
        .connections()
        .filter((c) => c.startMs > 20_000)
        .some((c) => c.applianceId === 'fw-h1'),
    ).toBe(true)
    expect(sim.metrics().faults[0].lostPackets).toBe(0)
  })

  it('a fault naming nothing of the design is logged and ignored', () => {
    const sim = makeSim(
      designB(),
      scenario(
        [outbound()],
        [
          fault(5, { kind: 'applianceStopped', applianceId: 'fw-nope' }),
          fault(6, { kind: 'securityGroupRuleRemoved', securityGroupId: 'sg-appliance', ruleIndex: 9 }),
          fault(7, { kind: 'routeEntryDeleted', routeTableId: 'rtb-app-i', destinationCidrBlock: '10.9.0.0/16' }),
        ],
      ),
    )
    sim.run(10_000)
    expect(eventsOf(sim, 'fault-ignored').map((e) => e.text)).toEqual([
      'fault not applied: there is no appliance fw-nope',
      'fault not applied: sg-appliance has 3 rules; there is no rule 10',
      'fault not applied: rtb-app-i has no custom entry for 10.9.0.0/16',
    ])
    expect(sim.metrics().faults.map((f) => f.state)).toEqual(['ignored', 'ignored', 'ignored'])
    expect(sim.metrics().packets.dropped).toBe(0)
  })

  it('a flow with an unknown source sends nothing and says why', () => {
    const sim = makeSim(designB(), scenario([outbound({ sourceId: 'nobody' })], []))
    sim.run(5_000)
    expect(eventsOf(sim, 'flow-invalid')).toHaveLength(1)
    expect(sim.metrics().packets.sent).toBe(0)
  })
})
