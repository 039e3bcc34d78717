// What happens to each flow (docs/cloud.md 2.4): draining and rebalancing decide, flow by flow, which connections
// stay, which move, and which are lost.
import { describe, expect, it } from 'vitest'
import type { ConnectionView, Sim } from '../../../worker/sim'
import { designB, eventsOf, fault, makeSim, outbound, scenario } from './helpers'

// connections open in the first 10 s and last the whole run, so each one can be followed from start to end
const steadyFlow = outbound({
  newConnectionsPerSecond: 10,
  packetsPerSecond: 10,
  connectionSeconds: 300,
  stopSeconds: 10,
})

function byId(sim: Sim): Map<number, ConnectionView> {
  return new Map(sim.connections().map((c) => [c.id, c]))
}

/** Runs to `beforeMs`, names the connections on fw-h1 then, and runs on to `endMs`. */
function follow(sim: Sim, beforeMs: number, endMs: number) {
  sim.run(beforeMs)
  const before = sim.connections()
  const onH1 = new Set(before.filter((c) => c.applianceId === 'fw-h1').map((c) => c.id))
  const lostBefore = new Map(before.map((c) => [c.id, c.dropped]))
  sim.run(endMs)
  const after = byId(sim)
  return { onH1, others: before.filter((c) => !onH1.has(c.id)).map((c) => c.id), after, lostBefore }
}

describe('fw-h1 removed from the server group at 20 s, then stopped at 30 s; drain timeout 20 s', () => {
  const faults = [
    fault(20, { kind: 'serverRemoved', applianceId: 'fw-h1' }),
    fault(30, { kind: 'applianceStopped', applianceId: 'fw-h1' }),
  ]
  const run = (drain: boolean, mode: 'Rebalance' | 'NoRebalance') => {
    const sim = makeSim(
      designB({ connectionDrain: { enabled: drain, timeout: 20 }, serverFailoverMode: mode }),
      scenario([steadyFlow], faults),
    )
    return { sim, ...follow(sim, 20_000, 70_000) }
  }

  it('draining on, Rebalance: its flows stay until the drain timeout (lost once it stops), then move', () => {
    const { sim, onH1, others, after } = run(true, 'Rebalance')
    expect(onH1.size).toBeGreaterThan(10)
    for (const id of onH1) {
      const c = after.get(id)
      expect(c?.moves, `connection ${id}`).toHaveLength(1)
      expect(c?.moves[0]).toMatchObject({ tMs: 40_000, from: 'fw-h1' })
      expect(c?.applianceId).not.toBe('fw-h1')
      // stopped at 30 s, still pinned while draining until 40 s: 10 s of requests and replies lost
      expect(c?.dropped, `connection ${id}`).toBe(200)
    }
    for (const id of others) expect(after.get(id)).toMatchObject({ dropped: 0, moves: [] })
    expect(eventsOf(sim, 'drain-ended', 'fw-h1').map((e) => e.tMs)).toEqual([40_000])
  })

  it('draining off, Rebalance: its flows move at once and nothing is lost', () => {
    const { onH1, others, after } = run(false, 'Rebalance')
    expect(onH1.size).toBeGreaterThan(10)
    for (const id of onH1) {
      const c = after.get(id)
      expect(c?.moves).toHaveLength(1)
      expect(c?.moves[0]).toMatchObject({ tMs: 20_000, from: 'fw-h1' })
      expect(c?.dropped).toBe(0)
    }
    for (const id of others) expect(after.get(id)).toMatchObject({ dropped: 0, moves: [] })
  })

  for (const drain of [true, false]) {
    it(`draining ${drain ? 'on' : 'off'}, NoRebalance: its flows stay on the removed server and are lost from the stop on`, () => {
      const { onH1, others, after } = run(drain, 'NoRebalance')
      expect(onH1.size).toBeGreaterThan(10)
      for (const id of onH1) {
        const c = after.get(id)
        expect(c?.moves).toEqual([])
        expect(c?.applianceId).toBe('fw-h1')
        // 30 s to 70 s: 10 requests and 10 replies a second, all lost
        expect(c?.dropped).toBe(800)
      }
      for (const id of others) expect(after.get(id)).toMatchObject({ dropped: 0, moves: [] })
    })
  }

  it('NoRebalance gives the same flows with draining on and off (the table in docs/cloud.md 2.4)', () => {
    const on = run(true, 'NoRebalance')
    const off = run(false, 'NoRebalance')
    expect([...on.after.values()]).toEqual([...off.after.values()])
  })
})

describe('fw-h1 stops at 20 s and is detected by health checks', () => {
  const run = (mode: 'Rebalance' | 'NoRebalance') => {
    const sim = makeSim(
      designB({ serverFailoverMode: mode }),
      scenario([steadyFlow], [fault(20, { kind: 'applianceStopped', applianceId: 'fw-h1' })]),
    )
    const f = follow(sim, 20_000, 60_000)
    const detected = eventsOf(sim, 'marked-unhealthy', 'fw-h1')[0].tMs
    return { sim, ...f, detected }
  }

  it('Rebalance: its flows lose packets during detection, then move, and lose nothing after', () => {
    const { sim, onH1, others, after, detected } = run('Rebalance')
    const movedAt = Math.ceil(detected / 100) * 100
    for (const id of onH1) {
      const c = after.get(id)
      expect(c?.moves).toEqual([expect.objectContaining({ tMs: movedAt, from: 'fw-h1' })])
      // every request and reply from 20 s until the slot that follows detection
      expect(c?.dropped).toBe(((movedAt - 20_000) / 100) * 2)
    }
    for (const id of others) expect(after.get(id)).toMatchObject({ dropped: 0, moves: [] })
    const m = sim.metrics().faults[0]
    expect(m.flowsMoved).toBe(onH1.size)
    expect(m.recovery).toEqual({ kind: 'recovered', atMs: movedAt, afterMs: movedAt - 20_000 })
  })

  it('NoRebalance: its flows stay on the failed appliance and lose every packet to the end', () => {
    const { sim, onH1, others, after } = run('NoRebalance')
    for (const id of onH1) expect(after.get(id)).toMatchObject({ moves: [], applianceId: 'fw-h1', dropped: 800 })
    for (const id of others) expect(after.get(id)).toMatchObject({ dropped: 0, moves: [] })
    const m = sim.metrics().faults[0]
    expect(m.flowsMoved).toBe(0)
    expect(m.recovery.kind).toBe('lossOngoing')
  })

  it('either way, new flows after detection go to healthy appliances only', () => {
    for (const mode of ['Rebalance', 'NoRebalance'] as const) {
      const sim = makeSim(
        designB({ serverFailoverMode: mode }),
        scenario(
          [outbound({ newConnectionsPerSecond: 20, connectionSeconds: 5 })],
          [fault(10, { kind: 'applianceStopped', applianceId: 'fw-h1' })],
        ),
      )
      sim.run(30_000)
      const detected = eventsOf(sim, 'marked-unhealthy', 'fw-h1')[0].tMs
      sim.run(50_000)
      const late = sim.connections().filter((c) => c.startMs > detected)
      expect(late.length).toBeGreaterThan(50)
      for (const c of late) expect(c).toMatchObject({ dropped: 0 })
      expect(late.some((c) => c.applianceId === 'fw-h1')).toBe(false)
    }
  })
})

describe('zone down', () => {
  it('outbound flows from the other zone fail over to its appliances once detected (cross-zone always on)', () => {
    const sim = makeSim(
      designB(),
      scenario([steadyFlow], [fault(20, { kind: 'zoneDown', zoneId: 'cn-hangzhou-h' }, 80)]),
    )
    const { after } = follow(sim, 20_000, 70_000)
    const marked = eventsOf(sim, 'marked-unhealthy')
      .map((e) => e.resourceId)
      .sort()
    expect(marked).toEqual(['fw-h1', 'fw-h2'])
    for (const c of after.values()) expect(['fw-i1', 'fw-i2']).toContain(c.applianceId)
    const m = sim.metrics().faults[0]
    expect(m.detection.kind).toBe('detected')
    expect(m.recovery.kind).toBe('recovered')
    expect(Object.keys(m.lostByReason)).toEqual(['APPLIANCE_DOWN'])
  })
})
