// Random schema-legal scenarios on design (b), the heaviest rates included: the simulator never throws, keeps its
// work within the sampling budget whatever the rates, and reports finite figures. Speed is the bench's business;
// here the bound is on work done (connections simulated, forward() calls), which a slow machine cannot change.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Fault, type FaultStep, type Flow, type Scenario, scenarioSchema } from '../../../src/model'
import { DEFAULT_SAMPLING } from '../../../worker/sim'
import { designB, makeSim } from './helpers'

const SOURCES = ['internet-client', 'ecs-web-1', 'ecs-web-2'] as const
// an EIP, the servers' private addresses, an internet address, a GWLBe, an address nothing owns
const DESTINATIONS = ['47.98.10.11', '10.0.1.10', '10.0.2.10', '203.0.113.80', '10.0.10.10', '192.0.2.1'] as const

/** A rate anywhere in the schema's range, its edges drawn often. */
const rate = fc.oneof(
  fc.constantFrom(100_000, 1, 0.5),
  fc.double({ min: 0.01, max: 100_000, noNaN: true, noDefaultInfinity: true }),
)

const flow = (i: number): fc.Arbitrary<Flow> =>
  fc.record({
    id: fc.constant(`f${i}`),
    sourceId: fc.constantFrom(...SOURCES),
    destinationAddress: fc.constantFrom(...DESTINATIONS),
    protocol: fc.constantFrom('tcp', 'udp', 'icmp'),
    destinationPort: fc.integer({ min: 1, max: 65535 }),
    newConnectionsPerSecond: rate,
    packetsPerSecond: rate,
    packetSize: fc.integer({ min: 28, max: 9000 }),
    connectionSeconds: fc.oneof(fc.constantFrom(86_400, 0.01), fc.double({ min: 0.001, max: 86_400, noNaN: true })),
    startSeconds: fc.integer({ min: 0, max: 2 }),
  })

// faults naming what exists and what does not: a fault on a missing resource is ignored with a log line
const faultKind: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ kind: fc.constant('applianceStopped' as const), applianceId: fc.constantFrom('fw-h1', 'fw-i2', 'nope') }),
  fc.record({ kind: fc.constant('applianceHung' as const), applianceId: fc.constantFrom('fw-h2', 'fw-i1') }),
  fc.record({ kind: fc.constant('serverRemoved' as const), applianceId: fc.constantFrom('fw-h1', 'fw-i1') }),
  fc.record({ kind: fc.constant('zoneDown' as const), zoneId: fc.constantFrom('cn-hangzhou-h', 'cn-hangzhou-i') }),
  fc.record({
    kind: fc.constant('endpointConnection' as const),
    endpointId: fc.constantFrom('gwlbe-h', 'gwlbe-i'),
    connectionStatus: fc.constantFrom('Disconnected', 'Connecting', 'Connected'),
  }),
)

const faultStep: fc.Arbitrary<FaultStep> = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), faultKind)
  .map(([at, length, fault]) =>
    length === undefined ? { atSeconds: at, fault } : { atSeconds: at, untilSeconds: at + length, fault },
  )

const scenario: fc.Arbitrary<Scenario> = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => flow(i)))),
    fc.array(faultStep, { maxLength: 3 }),
  )
  .map(([flows, faults]) => ({ name: 'fuzz', flows, faults }))

describe('random legal scenarios, the heaviest rates included', () => {
  it('never throw, stay within the sampling budget and report finite figures', () => {
    let busy = 0
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (s, seed) => {
        // the generator only makes what the schema allows
        expect(scenarioSchema.safeParse(s).success).toBe(true)
        const sim = makeSim(designB(), s, { seed })
        let worst = 0
        for (let t = 500; t <= 4000; t += 500) {
          const before = sim.metrics().forwarded
          sim.run(t)
          worst = Math.max(worst, sim.metrics().forwarded - before)
          expect(sim.connections().length).toBeLessThanOrEqual(DEFAULT_SAMPLING.openConnections)
        }
        // five 100 ms slots per step, up to four forward() calls per connection and slot
        expect(worst).toBeLessThanOrEqual(5 * 4 * DEFAULT_SAMPLING.openConnections)
        const m = sim.metrics()
        if (m.forwarded > 1000) busy++
        for (const value of Object.values(m.resources).flatMap((r) => Object.values(r)))
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true)
        sim.dispose()
      }),
      { numRuns: 60 },
    )
    // the property says something only if traffic flowed: many runs carry heavy traffic (about a third, by the generator)
    expect(busy).toBeGreaterThanOrEqual(5)
  }, 300_000)
})
