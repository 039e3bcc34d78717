// Bounded work whatever the rates: a connection's packets in one slot are forwarded twice and counted for the rest
// (exact), connections past the simulator's budget are sampled (exact in expectation), a slot forwards its
// connections in chunks a budgeted advance can stop between, and one run plays at most an hour.
import { describe, expect, it } from 'vitest'
import type { Flow } from '../../../src/model'
import { DEFAULT_SAMPLING, MAX_SIMULATED_MS, type Sim } from '../../../worker/sim'
import { fairShare, flowSampling } from '../../../worker/sim/sampling'
import { designB, eventsOf, fault, heaviestScenario, inbound, makeSim, outbound, scenario } from './helpers'

describe('sampling budgets', () => {
  it('fair share: flows under it keep what they need, the others split the rest', () => {
    expect(fairShare([10, 20], 100)).toBe(Number.POSITIVE_INFINITY)
    expect(fairShare([10, 500, 1000], 110)).toBe(50)
    expect(fairShare([300, 300], 100)).toBe(50)
  })

  it('the reference scenarios and the tests’ rates are simulated whole', () => {
    const whole = { weight: 1, cap: Number.POSITIVE_INFINITY }
    const scenarios: Flow[][] = [
      // the reference designs' traffic (src/model/reference/build.ts)
      [
        inbound({ newConnectionsPerSecond: 20, packetsPerSecond: 10, connectionSeconds: 30 }),
        outbound({ newConnectionsPerSecond: 5, packetsPerSecond: 10, connectionSeconds: 60 }),
      ],
      [inbound(), outbound()],
      [outbound({ newConnectionsPerSecond: 50, connectionSeconds: 20, packetsPerSecond: 10 })],
    ]
    for (const flows of scenarios) expect(flowSampling(flows, 100, DEFAULT_SAMPLING)).toEqual(flows.map(() => whole))
  })

  it('the heaviest legal flows get weights and caps within the budget', () => {
    const s = flowSampling(heaviestScenario().flows, 100, DEFAULT_SAMPLING)
    const rate = heaviestScenario().flows.reduce((n, f, i) => n + f.newConnectionsPerSecond / (s[i]?.weight ?? 1), 0)
    expect(rate).toBeLessThanOrEqual(DEFAULT_SAMPLING.newConnectionsPerSecond)
    for (const x of s) expect(x.cap).toBeLessThanOrEqual(DEFAULT_SAMPLING.openConnections)
  })
})

describe('a connection’s packets in one slot', () => {
  it('are counted exactly: 1,000 packets/s each way, every one of them lost or delivered as its state says', () => {
    // one connection a second from 0 to 10 s, each lasting the whole run: follow them through fw-h1's failure
    const flow = outbound({ newConnectionsPerSecond: 1, packetsPerSecond: 1000, connectionSeconds: 300 })
    const sim = makeSim(
      designB(),
      scenario([{ ...flow, stopSeconds: 10 }], [fault(20, { kind: 'applianceStopped', applianceId: 'fw-h1' })]),
      { arrivals: 'even' },
    )
    sim.run(20_000)
    const onH1 = new Set(
      sim
        .connections()
        .filter((c) => c.applianceId === 'fw-h1')
        .map((c) => c.id),
    )
    sim.run(60_000)
    const detected = eventsOf(sim, 'marked-unhealthy', 'fw-h1')[0]?.tMs ?? 0
    const movedAt = Math.ceil(detected / 100) * 100
    for (const c of sim.connections()) {
      // every packet from its start to 60 s, one a millisecond each way: none forgotten, none counted twice
      expect(c.sent).toBe(Math.ceil(60_000 - c.startMs - 1e-9) * 2)
      // Rebalance: from the stop to the slot after detection, every request and reply
      expect(c.dropped).toBe(onH1.has(c.id) ? (movedAt - 20_000) * 2 : 0)
    }
    expect(onH1.size).toBeGreaterThan(0)
    const m = sim.metrics()
    // at most 10 connections × 600 slots × two requests and two replies forwarded, for about a million counted
    expect(m.forwarded).toBeLessThanOrEqual(10 * 600 * 4)
    expect(m.packets.sent).toBeGreaterThan(1_000_000)
  })
})

describe('connections past the budget are sampled, exact in expectation', () => {
  const s = scenario(
    [
      inbound({ newConnectionsPerSecond: 40, connectionSeconds: 10, packetsPerSecond: 2 }),
      outbound({ newConnectionsPerSecond: 20, packetsPerSecond: 2 }),
    ],
    [fault(10, { kind: 'applianceStopped', applianceId: 'fw-h1' }, 30)],
  )
  const figures = (sim: Sim) => {
    const m = sim.metrics()
    return {
      sent: m.packets.sent,
      dropped: m.packets.dropped,
      opened: m.flows.reduce((n, f) => n + f.connectionsOpened, 0),
      active: m.flows.reduce((n, f) => n + f.connectionsActive, 0),
    }
  }

  it('a small budget gives, over several seeds, the figures of the whole run', () => {
    const seeds = [1, 2, 3, 4, 5]
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const whole = seeds.map((seed) => {
      const sim = makeSim(designB(), s, { seed })
      sim.run(40_000)
      return figures(sim)
    })
    const sampled = seeds.map((seed) => {
      const sim = makeSim(designB(), s, { seed, sampling: { openConnections: 60, newConnectionsPerSecond: 6 } })
      sim.run(40_000)
      expect(sim.connections().length).toBeLessThanOrEqual(60 + 20)
      expect(sim.metrics().flows.every((f) => f.connectionWeight > 1)).toBe(true)
      expect(eventsOf(sim, 'flow-sampled').length).toBeGreaterThan(0)
      return figures(sim)
    })
    for (const k of ['sent', 'dropped', 'opened', 'active'] as const) {
      const w = mean(whole.map((x) => x[k]))
      const v = mean(sampled.map((x) => x[k]))
      expect(Math.abs(v - w) / w, k).toBeLessThan(0.15)
    }
  }, 60_000)
})

describe('the heaviest legal scenario', () => {
  it('keeps the simulated connections and the packets forwarded per slot within the budget', () => {
    const sim = makeSim(designB(), heaviestScenario())
    let worst = 0
    let open = 0
    for (let t = 100; t <= 3000; t += 100) {
      const before = sim.metrics().forwarded
      sim.run(t)
      worst = Math.max(worst, sim.metrics().forwarded - before)
      open = Math.max(open, sim.connections().length)
    }
    // up to four forward() calls per connection and slot
    expect(open).toBeLessThanOrEqual(DEFAULT_SAMPLING.openConnections)
    expect(worst).toBeLessThanOrEqual(4 * DEFAULT_SAMPLING.openConnections)
    const m = sim.metrics()
    // each day-long connection sends 100,000 packets/s from its arrival: λ × pps × T² / 2 requests per flow by T
    const requests = (id: string) => m.resources[id]?.sent ?? 0
    const expected = 100_000 * 100_000 * (3 * 3) * 0.5
    // inbound: in-long's requests and churn's; the churn flow adds 100,000 × 1,000 × 3 s
    const churn = 100_000 * 1000 * 3
    expect(requests('internet-client') / (expected + churn)).toBeGreaterThan(0.7)
    expect(requests('internet-client') / (expected + churn)).toBeLessThan(1.3)
    expect(m.forwarded).toBeLessThan(30 * 4 * DEFAULT_SAMPLING.openConnections)
  })

  it('a budgeted advance stops between the chunks of one slot', () => {
    const sim = makeSim(designB(), heaviestScenario())
    sim.run(10_100)
    const open = sim.connections().length
    expect(open).toBeGreaterThan(300)
    // a wall clock that allows one event per call: the first look starts the budget, the second lets one through
    let looks = 0
    const budget = { maxWallMs: 1, wallNow: () => (looks++ < 2 ? 0 : 1) }
    let calls = 0
    for (let r = { caughtUp: false }; !r.caughtUp; calls++) {
      looks = 0
      r = sim.advance(10_200, budget)
    }
    // the slot at 10.1 s took one event per 256 connections (and a health check may fall in it)
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(open / 256))
    expect(calls).toBeLessThanOrEqual(Math.ceil(open / 256) + 2)
  })
})

describe('drawing packets', () => {
  it('keeps its copy of the runtime only until the next log entry: a drawn packet shows a fault at once', () => {
    const sim = makeSim(
      designB(),
      scenario([outbound()], [fault(10, { kind: 'applianceStopped', applianceId: 'fw-h1' })]),
    )
    sim.run(9_000)
    const c = sim.connections().find((x) => x.applianceId === 'fw-h1')
    if (!c) throw new Error('no connection on fw-h1')
    const draw = () => sim.sampleTraces([{ connectionId: c.id, reply: false }], 1e9)[0]?.disposition
    expect(draw()).toBe('DELIVERED')
    sim.run(10_050)
    expect(eventsOf(sim, 'fault-applied')).toHaveLength(1)
    expect(draw()).toBe('APPLIANCE_DOWN')
  })
})

describe('one run plays at most an hour', () => {
  it('stops there and says so once', () => {
    const sim = makeSim(designB(), scenario([], []))
    const r = sim.run(MAX_SIMULATED_MS + 60_000)
    expect(r.reachedMs).toBe(MAX_SIMULATED_MS)
    expect(sim.nowMs).toBe(MAX_SIMULATED_MS)
    sim.run(MAX_SIMULATED_MS + 120_000)
    const limit = eventsOf(sim, 'sim-limit')
    expect(limit).toHaveLength(1)
    expect(limit[0]?.text).toMatch(/at most 1 h of simulated time/)
  }, 60_000)
})
