// What the sim store hands the packet overlay: packets leaving while playing, and the picture of a paused moment
// that replaces what is drawn (a step, a jump), or nothing at all once the simulator is closed.
import { describe, expect, it } from 'vitest'
import { createSimStore } from '../../src/store/simStore'
import type { FrameBatch, VisualPacket } from '../../worker/playback'

const packet = (at: string): VisualPacket => ({ path: ['a', at], geneve: [false], direction: 'inbound', drop: null })

function batch(patch: Partial<FrameBatch>): FrameBatch {
  return {
    nowMs: 0,
    atMs: 0,
    playing: true,
    speed: 1,
    stepMs: 1000,
    untilMs: null,
    events: [],
    logSize: 0,
    packets: [],
    still: false,
    appliances: [],
    routeTargets: [],
    applianceSent: {},
    totals: { sent: 0, delivered: 0, dropped: 0 } as FrameBatch['totals'],
    faults: [],
    ...patch,
  }
}

describe('the packet feed', () => {
  it('queues packets leaving while playing, and a still replaces them', () => {
    const sim = createSimStore()
    sim.getState().loaded('steady', ['steady'])
    sim.getState().receive(batch({ packets: [packet('x')] }), 0)
    sim.getState().receive(batch({ packets: [packet('y')] }), 10)
    expect(sim.feed.take()).toEqual({ packets: [packet('x'), packet('y')], replace: false })
    sim.getState().receive(batch({ packets: [packet('z')] }), 20)
    sim.getState().receive(batch({ playing: false, still: true, nowMs: 5000, packets: [packet('w')] }), 30)
    expect(sim.feed.take()).toEqual({ packets: [packet('w')], replace: true })
    expect(sim.feed.take()).toEqual({ packets: [], replace: false })
    // the clock shows the still's moment at once, with its picture
    expect(sim.getState().nowMs).toBe(5000)
  })

  it('closing the simulator clears the overlay', () => {
    const sim = createSimStore()
    sim.getState().loaded('steady', ['steady'])
    sim.getState().receive(batch({ packets: [packet('x')] }), 0)
    sim.getState().unload()
    expect(sim.feed.take()).toEqual({ packets: [], replace: true })
  })
})
