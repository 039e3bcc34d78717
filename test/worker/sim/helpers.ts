// Small simulations for the sim tests: reference design (b) edited in code, a scenario, a manual clock.
import type { Design, Fault, FaultStep, Flow, Scenario, ServerGroup } from '../../../src/model'
import type { EngineOptions } from '../../../worker/engine'
import { createManualClock, createSim, type SamplingBudget, type Sim, type SimEvent } from '../../../worker/sim'
import { design, res } from '../engine/helpers'

export type GroupEdit = Partial<Omit<ServerGroup, 'healthCheck' | 'connectionDrain'>> & {
  healthCheck?: Partial<ServerGroup['healthCheck']>
  connectionDrain?: Partial<ServerGroup['connectionDrain']>
}

/** Design (b) with its GWLB's server group edited. */
export function designB(edit: GroupEdit = {}): Design {
  return design(2, (d) => {
    const g = res(d, 'gwlb-inspection', 'gwlb')
    const sg = g.serverGroup
    if (!sg) throw new Error('design (b) has no server group')
    g.serverGroup = {
      ...sg,
      ...edit,
      healthCheck: { ...sg.healthCheck, ...edit.healthCheck },
      connectionDrain: { ...sg.connectionDrain, ...edit.connectionDrain },
    }
  })
}

/** Outbound from web server 2 (zone i): it crosses the GWLB to appliances in both zones. */
export function outbound(over: Partial<Flow> = {}): Flow {
  return {
    id: 'out',
    sourceId: 'ecs-web-2',
    destinationAddress: '203.0.113.80',
    protocol: 'tcp',
    destinationPort: 443,
    newConnectionsPerSecond: 4,
    packetsPerSecond: 5,
    packetSize: 800,
    connectionSeconds: 300,
    ...over,
  }
}

export function inbound(over: Partial<Flow> = {}): Flow {
  return {
    id: 'in',
    sourceId: 'internet-client',
    destinationAddress: '47.98.10.11',
    protocol: 'tcp',
    destinationPort: 443,
    newConnectionsPerSecond: 20,
    packetsPerSecond: 10,
    packetSize: 1200,
    connectionSeconds: 30,
    ...over,
  }
}

export function fault(atSeconds: number, f: Fault, untilSeconds?: number): FaultStep {
  return { atSeconds, fault: f, ...(untilSeconds !== undefined ? { untilSeconds } : {}) }
}

export function scenario(flows: Flow[], faults: FaultStep[]): Scenario {
  return { name: 'test', flows, faults }
}

export function makeSim(
  d: Design,
  s: Scenario,
  options: { seed?: number; engine?: EngineOptions; arrivals?: 'poisson' | 'even'; sampling?: SamplingBudget } = {},
): Sim {
  return createSim({ design: d, scenario: s, clock: createManualClock(), ...options })
}

export function eventsOf(sim: Sim, kind: SimEvent['kind'], resourceId?: string): SimEvent[] {
  return sim.log().filter((e) => e.kind === kind && (resourceId === undefined || e.resourceId === resourceId))
}

/**
 * The heaviest scenario the schema allows on design (b), for tests and the bench: inbound and outbound at 100,000
 * new connections/s and 100,000 packets/s each way, day-long connections and connections of 10 ms (churn), with
 * fw-h1 failing at 30 s.
 */
export function heaviestScenario(): Scenario {
  const max = { newConnectionsPerSecond: 100_000, packetsPerSecond: 100_000 }
  return scenario(
    [
      inbound({ ...max, id: 'in-long', connectionSeconds: 86_400 }),
      outbound({ ...max, id: 'out-long', connectionSeconds: 86_400 }),
      inbound({ ...max, id: 'in-churn', connectionSeconds: 0.01 }),
      outbound({ ...max, id: 'out-churn', connectionSeconds: 0.01 }),
    ],
    [fault(30, { kind: 'applianceStopped', applianceId: 'fw-h1' })],
  )
}
