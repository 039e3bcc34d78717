// The loss log and the fault summary at low and high rates: a loss episode ends when a packet of a connection
// that lost packets gets through again (or when no such connection is left and the fault can hurt no more), never
// because a 100 ms slot happened to carry no packet.
import { describe, expect, it } from 'vitest'
import type { Flow } from '../../../src/model'
import type { Sim, SimEvent } from '../../../worker/sim'
import { designB, eventsOf, fault, makeSim, outbound, scenario } from './helpers'

/** Offered packets/s in each direction = new connections/s × connection seconds × packets/s of each connection. */
const RATES: { offered: number; flow: Partial<Flow> }[] = [
  // ten connections open, each sending a packet every 10 s: most slots carry no packet at all
  { offered: 1, flow: { newConnectionsPerSecond: 1, connectionSeconds: 10, packetsPerSecond: 0.1 } },
  { offered: 10, flow: { newConnectionsPerSecond: 2, connectionSeconds: 5, packetsPerSecond: 1 } },
  { offered: 10_000, flow: { newConnectionsPerSecond: 50, connectionSeconds: 20, packetsPerSecond: 10 } },
]

function lossLog(sim: Sim, faultIndex: number): SimEvent[] {
  return sim.log().filter((e) => e.fault === faultIndex && (e.kind === 'loss-started' || e.kind === 'loss-stopped'))
}

describe('fw-h1 stops at 20 s and returns at 90 s', () => {
  for (const { offered, flow } of RATES) {
    for (const mode of ['Rebalance', 'NoRebalance'] as const) {
      it(`${offered.toLocaleString('en-US')} packets/s, ${mode}: one loss episode, recovered no sooner than detected`, () => {
        let checked = 0
        for (const seed of [1, 2, 3, 4, 5]) {
          if (checked === 2) break
          const sim = makeSim(
            designB({ serverFailoverMode: mode }),
            scenario([outbound(flow)], [fault(20, { kind: 'applianceStopped', applianceId: 'fw-h1' }, 90)]),
            { seed },
          )
          sim.run(120_000)
          const m = sim.metrics().faults[0]
          // a run whose connections all hashed elsewhere loses nothing: nothing to check in it
          if (m.lostPackets === 0) continue
          checked++
          const entries = lossLog(sim, 0)
          expect(
            entries.map((e) => e.kind),
            `seed ${seed}`,
          ).toEqual(['loss-started', 'loss-stopped'])
          expect(m.detection.kind).toBe('detected')
          expect(m.recovery.kind).toBe('recovered')
          if (m.detection.kind !== 'detected' || m.recovery.kind !== 'recovered') continue
          expect(m.recovery.atMs, `seed ${seed}`).toBeGreaterThanOrEqual(m.detection.atMs)
          // the log says it once the evidence is in: a connection that lost packets sends again a packet interval on
          expect(m.recovery.atMs).toBeLessThanOrEqual(entries[1].tMs)
          // with nothing else failing, every loss is the fault's
          expect(sim.metrics().baseline.lostPackets).toBe(0)
          expect(eventsOf(sim, 'loss-started')).toHaveLength(1)
        }
        expect(checked, 'runs that lost packets').toBeGreaterThanOrEqual(2)
      }, 60_000)
    }
  }
})

describe('a hung appliance at 1 packet/s', () => {
  it('stays one episode until it recovers, however many empty slots pass', () => {
    const sim = makeSim(
      designB(),
      scenario([outbound(RATES[0].flow)], [fault(20, { kind: 'applianceHung', applianceId: 'fw-h1' }, 80)]),
      { seed: 2 },
    )
    sim.run(120_000)
    const entries = lossLog(sim, 0)
    expect(entries.map((e) => e.kind)).toEqual(['loss-started', 'loss-stopped'])
    // the hang is never detected: the episode ends once fw-h1 is back and a packet gets through (or none is left)
    expect(entries[1].tMs).toBeGreaterThanOrEqual(80_000)
    expect(entries[1].tMs).toBeLessThanOrEqual(90_000)
  })
})

describe('losses with no fault in force', () => {
  it('a flow that is always dropped is one episode that never ends', () => {
    // nothing lets the internet reach web server 2's private address: every request is dropped
    const sim = makeSim(
      designB(),
      scenario(
        [
          {
            ...outbound(RATES[0].flow),
            id: 'lost',
            sourceId: 'internet-client',
            destinationAddress: '10.0.2.10',
          },
        ],
        [],
      ),
    )
    sim.run(60_000)
    expect(eventsOf(sim, 'loss-started')).toHaveLength(1)
    expect(eventsOf(sim, 'loss-stopped')).toEqual([])
    expect(sim.metrics().baseline.lostPackets).toBeGreaterThan(3)
  })
})
