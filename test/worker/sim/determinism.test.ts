// The same seed gives the same run, however the run is cut into calls (budgets, steps, a playback clock).
import { describe, expect, it } from 'vitest'
import { createPlaybackClock, createSim } from '../../../worker/sim'
import { loadExample } from '../../helpers'
import { designB, fault, inbound, makeSim, outbound, scenario } from './helpers'

// light traffic: these tests run the same scenario many times
const s = scenario(
  [inbound({ newConnectionsPerSecond: 4 }), outbound({ newConnectionsPerSecond: 2 })],
  [
    fault(15, { kind: 'applianceStopped', applianceId: 'fw-h1' }, 45),
    fault(50, { kind: 'serverRemoved', applianceId: 'fw-i1' }, 70),
  ],
)

describe('determinism', () => {
  it('the same seed gives an identical event log and identical metrics', () => {
    const a = makeSim(designB(), s, { seed: 42 })
    const b = makeSim(designB(), s, { seed: 42 })
    a.run(90_000)
    b.run(90_000)
    expect(a.log().length).toBeGreaterThan(10)
    expect(b.log()).toEqual(a.log())
    expect(b.metrics()).toEqual(a.metrics())
  })

  it('another seed gives another run', () => {
    const a = makeSim(designB(), s, { seed: 1 })
    const b = makeSim(designB(), s, { seed: 2 })
    a.run(90_000)
    b.run(90_000)
    expect(b.log()).not.toEqual(a.log())
  })

  it('advancing in small budgeted calls gives the same log as one run', () => {
    const whole = makeSim(designB(), s)
    whole.run(90_000)
    const cut = makeSim(designB(), s)
    // a fake wall clock that runs out of budget every third look
    let wall = 0
    const budget = { maxWallMs: 3, wallNow: () => wall++ }
    const events = []
    let calls = 0
    for (let t = 137; cut.nowMs < 90_000; t = Math.min(90_000, t + 137)) {
      let r = cut.advance(t, budget)
      events.push(...r.events)
      calls++
      while (!r.caughtUp) {
        r = cut.advance(t, budget)
        events.push(...r.events)
        calls++
      }
    }
    // more calls than time cuts: the budget ran out in between
    expect(calls).toBeGreaterThan(Math.ceil(90_000 / 137) + 10)
    expect(events).toEqual([...whole.log()])
    expect(cut.metrics()).toEqual(whole.metrics())
  })

  it('stepping goes from one log entry to the next and ends where a run does', () => {
    const whole = makeSim(designB(), s)
    whole.run(90_000)
    const stepped = makeSim(designB(), s)
    const seen: number[] = []
    while (stepped.nowMs < 89_000) {
      const r = stepped.step()
      if (r.events.length) seen.push(r.events.length)
      expect(new Set(r.events.map((e) => e.tMs)).size).toBeLessThanOrEqual(1)
    }
    stepped.run(90_000)
    expect(seen.length).toBeGreaterThan(5)
    expect(stepped.log()).toEqual(whole.log())
  })

  it('reset starts over: the same log again, or another with a new seed', () => {
    const sim = makeSim(designB(), s, { seed: 5 })
    sim.run(60_000)
    const first = [...sim.log()]
    sim.reset()
    expect(sim.nowMs).toBe(0)
    sim.run(60_000)
    expect(sim.log()).toEqual(first)
    sim.reset(6)
    sim.run(60_000)
    expect(sim.seed).toBe(6)
    expect(sim.log()).not.toEqual(first)
  })

  it('a playback clock drives tick(); onEvent sees every entry once, in order', () => {
    const design = loadExample('two-zones')
    const shipped = design.scenarios.find((x) => x.name === 'appliance-failure')
    if (!shipped) throw new Error('no appliance-failure scenario')
    const scenarioB = { ...shipped, flows: shipped.flows.map((f) => ({ ...f, newConnectionsPerSecond: 2 })) }
    let wall = 0
    const clock = createPlaybackClock(() => wall, 100)
    const seen: string[] = []
    const sim = createSim({ design, scenario: scenarioB, clock, onEvent: (e) => seen.push(`${e.tMs} ${e.kind}`) })
    clock.play()
    while (sim.nowMs < 120_000) {
      wall += 16 // one frame: 1.6 s of simulated time at 100×
      sim.tick()
    }
    clock.pause()
    const again = makeSim(design, scenarioB)
    again.run(sim.nowMs)
    expect(seen).toEqual(again.log().map((e) => `${e.tMs} ${e.kind}`))
  })

  it('refuses to run after dispose', () => {
    const sim = makeSim(designB(), s)
    sim.dispose()
    expect(() => sim.run(1000)).toThrow(/dispose/)
  })
})
