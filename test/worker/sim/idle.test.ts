// Idle timeouts in the simulator: a connection's first packets are new until one gets through, its later ones are
// established; once its flow sits idle past the GWLB's timeout (TCP 350 s, others 120 s) the GWLB closes it and
// every later packet of it is a leftover, dropped FLOW_EXPIRED.
import { describe, expect, it } from 'vitest'
import type { Flow } from '../../../src/model'
import { designB, eventsOf, makeSim, outbound, scenario } from './helpers'

/** One connection, opened in the first second, lasting 2,000 s, sending a packet each way every `gap` seconds. */
function oneConnection(gap: number, over: Partial<Flow> = {}) {
  const flow = outbound({
    newConnectionsPerSecond: 1,
    stopSeconds: 1,
    packetsPerSecond: 1 / gap,
    connectionSeconds: 2000,
    ...over,
  })
  const sim = makeSim(designB(), scenario([flow], []), { arrivals: 'even' })
  sim.run(2100_000)
  return sim
}

describe('idle timeouts', () => {
  it('TCP, a packet every 400 s: the first gets through, every later one is a leftover of a closed connection', () => {
    const sim = oneConnection(400)
    const m = sim.metrics()
    // packets at 0, 400, 800, 1,200 and 1,600 s each way
    expect(m.packets).toMatchObject({ sent: 10, delivered: 2, dropped: 8, byReason: { FLOW_EXPIRED: 8 } })
    expect(m.baseline.lostByReason).toEqual({ FLOW_EXPIRED: 8 })
    const started = eventsOf(sim, 'loss-started')
    expect(started).toHaveLength(1)
    expect(started[0]?.text).toMatch(/FLOW_EXPIRED/)
    // the connection never recovers: nothing ends the episode
    expect(eventsOf(sim, 'loss-stopped')).toEqual([])
  })

  it('TCP, a packet every 300 s: within the timeout, nothing is lost', () => {
    const m = oneConnection(300).metrics()
    expect(m.packets.dropped).toBe(0)
    expect(m.packets.delivered).toBe(m.packets.sent)
  })

  it('UDP times out after 120 s: a packet every 150 s is lost (14 each way, all but the first), every 100 s is not', () => {
    expect(oneConnection(150, { protocol: 'udp', destinationPort: 53 }).metrics().packets.byReason).toEqual({
      FLOW_EXPIRED: 26,
    })
    expect(oneConnection(100, { protocol: 'udp', destinationPort: 53 }).metrics().packets.dropped).toBe(0)
  })

  it('busy connections never time out', () => {
    const sim = makeSim(designB(), scenario([outbound({ connectionSeconds: 600, stopSeconds: 5 })], []))
    sim.run(700_000)
    expect(sim.metrics().packets.dropped).toBe(0)
  })
})
