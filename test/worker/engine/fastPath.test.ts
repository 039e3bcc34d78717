// forward()'s fast path (a packet's class, then its compiled program) against the walk it replaces: for random
// packets on random designs and on the reference designs, with faults, health and membership changes, endpoint
// connections, route target group switches and idle timeouts between the packets, both give the same answer and
// leave the same flow and session tables behind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, parse } from '../../../src/model'
import { buildReferenceDesign } from '../../../src/model/reference/build'
import { buildZoneFailoverDesign } from '../../../src/model/reference/zoneFailover'
import {
  type AssumptionValues,
  CARRY_STANDBY,
  cloneRuntimeState,
  compile,
  createRuntimeState,
  DISPOSITIONS,
  DRAINING,
  type ForwardResult,
  forward,
  MEMBER,
  type Network,
  newForwardResult,
  type PacketSpec,
  preparePacket,
  REMOVED,
  RUN_HUNG,
  RUN_RUNNING,
  RUN_STOPPED,
  type RuntimeState,
} from '../../../worker/engine'
import { DISPOSITION_BITS } from '../../../worker/engine/classPath'
import * as walkCodes from '../../../worker/engine/codes'
import { forwardByClass } from '../../../worker/engine/fastPath'
import { walk } from '../../../worker/engine/walk'
import { type GenOptions, generateDesign } from '../../fixtures/engine/generate'

function load(d: Design): Design {
  const r = parse(JSON.parse(JSON.stringify(d)))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.design
}

/** A change of the simulator's state between packets: what faults, health checks and probes do. */
type Change =
  | { kind: 'zone'; index: number; down: boolean }
  | { kind: 'run'; index: number; run: number }
  | { kind: 'health'; index: number; healthy: boolean }
  | { kind: 'membership'; index: number; membership: number }
  | { kind: 'endpoint'; index: number; status: number }
  | { kind: 'carrying'; index: number; standby: boolean }
  | { kind: 'time'; seconds: number }

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('zone' as const), index: fc.nat(), down: fc.boolean() }),
  fc.record({
    kind: fc.constant('run' as const),
    index: fc.nat(),
    run: fc.constantFrom(RUN_RUNNING, RUN_STOPPED, RUN_HUNG),
  }),
  fc.record({ kind: fc.constant('health' as const), index: fc.nat(), healthy: fc.boolean() }),
  fc.record({
    kind: fc.constant('membership' as const),
    index: fc.nat(),
    membership: fc.constantFrom(MEMBER, DRAINING, REMOVED),
  }),
  fc.record({ kind: fc.constant('endpoint' as const), index: fc.nat(), status: fc.nat({ max: 4 }) }),
  fc.record({ kind: fc.constant('carrying' as const), index: fc.nat(), standby: fc.boolean() }),
  // past the GWLB's idle timeouts (120 s, 350 s) now and then
  fc.record({ kind: fc.constant('time' as const), seconds: fc.constantFrom(1, 60, 121, 351) }),
)

/** Applies a change to both states alike. */
function apply(c: Change, ...states: RuntimeState[]): void {
  for (const s of states) {
    const at = (a: Uint8Array, v: number) => {
      if (a.length) a[c.kind === 'time' ? 0 : c.index % a.length] = v
    }
    if (c.kind === 'zone') at(s.zoneDown, c.down ? 1 : 0)
    else if (c.kind === 'run') at(s.run, c.run)
    else if (c.kind === 'health') at(s.healthy, c.healthy ? 1 : 0)
    else if (c.kind === 'membership') at(s.membership, c.membership)
    else if (c.kind === 'endpoint') at(s.endpointStatus, c.status)
    else if (c.kind === 'carrying') at(s.routeTargetCarrying, c.standby ? CARRY_STANDBY : 0)
    else s.now += c.seconds
  }
}

/** Senders and destinations of a network: its resources and addresses, their neighbours, and random addresses. */
function packetOf(net: Network): fc.Arbitrary<PacketSpec> {
  const ip = (a: number) => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.')
  const held = [
    ...net.vpcs.flatMap((v) => [...v.addrs.keys()]),
    ...net.publicAddrs.keys(),
    ...net.vswitches.map((v) => v.base),
  ]
  const near = held.flatMap((a) => [ip(a), ip(a + 1), ip(a - 1)])
  const anyAddress = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(ip)
  const sources = [...net.hosts, ...net.ecs, ...net.appliances].map((r) => r.id)
  return fc.record({
    source: fc.oneof(fc.constantFrom(...sources), fc.constantFrom(...near), anyAddress),
    destination: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...near) }, anyAddress),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
    sourcePort: fc.integer({ min: 1024, max: 65535 }),
    destinationPort: fc.oneof(fc.constantFrom(22, 53, 80, 443, 6081, 8080), fc.integer({ min: 1, max: 65535 })),
    size: fc.constantFrom(64, 1200, 1432, 1433, 1500, 1501, 8500),
    reply: fc.boolean(),
    connection: fc.constantFrom('new' as const, 'established' as const),
  })
}

/** A packet (twice: back to back), an earlier step's packet again (after the changes since), or a change. */
type Step = { packet: PacketSpec; twice: boolean } | { again: number } | { change: Change }

function steps(net: Network): fc.Arbitrary<Step[]> {
  return fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ packet: packetOf(net), twice: fc.boolean() }) },
      { weight: 1, arbitrary: fc.nat().map((again) => ({ again })) },
      { weight: 2, arbitrary: change.map((c) => ({ change: c })) },
    ),
    { minLength: 1, maxLength: 30 },
  )
}

const result = (o: ForwardResult) => ({ ...o })

function tableOf(s: RuntimeState, which: 'flows' | 'sessions'): string[] {
  const rows: string[] = []
  s[which].forEach((k0, k1, k2, k3, value, lastSeen) => {
    rows.push([k0, k1, k2, k3, value, lastSeen].join(' '))
  })
  return rows.sort()
}

/**
 * Runs the steps through the walk and through the fast path, each with its own copy of the state; returns how
 * many packets the fast path answered (it must answer every one: only verification's forced choices walk).
 */
function agree(net: Network, list: Step[]): number {
  const slow = createRuntimeState(net)
  const fast = cloneRuntimeState(slow)
  const expected = newForwardResult()
  const actual = newForwardResult()
  let answered = 0
  const sent: PacketSpec[] = []
  for (const s of list) {
    if ('change' in s) {
      apply(s.change, slow, fast)
      continue
    }
    // a packet sent again meets the flow table and the session the first one left, idle or not
    const packet = 'again' in s ? sent[s.again % sent.length] : s.packet
    if (!packet) continue
    sent.push(packet)
    const prepared = preparePacket(net, packet)
    if (!prepared.ok) continue
    const times = 'twice' in s && s.twice ? 2 : 1
    for (let n = times; n > 0; n--) {
      walk(net, prepared.packet, slow, null, expected)
      expect(forwardByClass(net, prepared.packet, fast, actual)).toBe(true)
      expect(result(actual), JSON.stringify(packet)).toEqual(result(expected))
      answered++
    }
  }
  expect(tableOf(fast, 'flows')).toEqual(tableOf(slow, 'flows'))
  expect(tableOf(fast, 'sessions')).toEqual(tableOf(slow, 'sessions'))
  return answered
}

const RUNS = { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 150) }

const genOptions: fc.Arbitrary<GenOptions> = fc.record({
  consumerVpcs: fc.integer({ min: 1, max: 3 }),
  zones: fc.constantFrom(1 as const, 2 as const),
  serversPerZone: fc.integer({ min: 1, max: 3 }),
  appliancesPerZone: fc.integer({ min: 1, max: 3 }),
  hosts: fc.integer({ min: 1, max: 3 }),
  scheduler: fc.constantFrom('5TCH' as const, '3TCH' as const, '2TCH' as const),
  crossZone: fc.boolean(),
  jumboFrames: fc.boolean(),
  stateful: fc.boolean(),
})

const assumptions: fc.Arbitrary<Partial<AssumptionValues>> = fc.record({
  routeSelection: fc.constantFrom('longestPrefix' as const, 'entryOrder' as const),
  allUnhealthy: fc.constantFrom('drop' as const, 'awsRandomTarget' as const),
  symmetricHash: fc.constantFrom('sortedEndpoints' as const, 'directional' as const),
})

/** Edits that keep a design loadable but change where packets go: a route's next hop moved, a policy rule added. */
function breakDesign(d: Design, picks: number[]): Design {
  const tables = d.resources.filter((r) => r.kind === 'routeTable' && r.entries.length > 0)
  const endpoints = d.resources.filter((r) => r.kind === 'gwlbEndpoint')
  for (const p of picks) {
    const t = tables[p % tables.length]
    if (t?.kind !== 'routeTable') continue
    const entry = t.entries[p % t.entries.length]
    const ep = endpoints.filter((e) => e.kind === 'gwlbEndpoint' && e.vpcId === t.vpcId)[p % 3]
    if (!entry) continue
    if (p % 2 && ep) Object.assign(entry, { nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: ep.id })
    else t.entries.splice(p % t.entries.length, 1)
  }
  // a policy that tells ports and addresses apart, so classes differ by appliance
  for (const a of d.resources)
    if (a.kind === 'appliance' && picks.length % 2)
      a.policy.rules.unshift({
        action: 'deny',
        protocol: 'tcp',
        portRange: '22/22',
        sourceCidrIp: '0.0.0.0/0',
        destCidrIp: '10.0.0.0/16',
      })
  return d
}

const generated = fc
  .tuple(genOptions, fc.array(fc.nat(), { maxLength: 3 }), assumptions)
  .map(([o, picks, a]) => compile(load(breakDesign(generateDesign(o), picks)), { assumptions: a }))
  .chain((net) => fc.tuple(fc.constant(net), steps(net)))

describe('forward() by class equals the walk', () => {
  it('on random designs, randomly broken, under random assumptions and state changes', () => {
    let answered = 0
    fc.assert(
      fc.property(generated, ([net, list]) => {
        answered += agree(net, list)
      }),
      RUNS,
    )
    // every run has at least one packet step on average; most prepare (sources and destinations are the design's)
    expect(answered).toBeGreaterThan(RUNS.numRuns)
  })

  for (const [name, design] of [
    ['(a), one zone', buildReferenceDesign(1)],
    ['(b), two zones', buildReferenceDesign(2)],
    ['(c), zone failover through a route target group', buildZoneFailoverDesign()],
  ] as const) {
    it(`on reference design ${name}, with faults, health changes and switches between packets`, () => {
      const net = compile(load(structuredClone(design)))
      let answered = 0
      fc.assert(
        fc.property(steps(net), (list) => {
          answered += agree(net, list)
        }),
        RUNS,
      )
      expect(answered).toBeGreaterThan(RUNS.numRuns)
    })
  }

  it('takes a fault, a recovery and a switch of the carrying member on the very next packet', () => {
    const net = compile(load(buildZoneFailoverDesign()))
    const state = createRuntimeState(net)
    const spec: PacketSpec = {
      source: 'internet-client',
      destination: '47.98.10.12',
      protocol: 'tcp',
      destinationPort: 443,
    }
    const p = preparePacket(net, spec)
    if (!p.ok) throw new Error(p.message)
    const out = newForwardResult()
    const expected = newForwardResult()
    const check = (disposition: string) => {
      const copy = cloneRuntimeState(state)
      walk(net, p.packet, copy, null, expected)
      forward(net, p.packet, state, out)
      expect(out.disposition).toBe(disposition)
      expect(result(out)).toEqual(result(expected))
    }
    check('DELIVERED')
    const group = net.routeTargetGroups[0]
    if (!group) throw new Error('design (c) has a route target group')
    const active = net.endpoints[group.members[0]]
    if (!active) throw new Error('its active member is an endpoint')
    state.endpointStatus[active.index] = 1
    check('ENDPOINT_NOT_CONNECTED')
    state.routeTargetCarrying[group.index] = CARRY_STANDBY
    check('DELIVERED')
    state.endpointStatus[active.index] = 0
    state.routeTargetCarrying[group.index] = 0
    state.zoneDown.fill(1)
    check('ZONE_DOWN')
    state.zoneDown.fill(0)
    check('DELIVERED')
  })

  it('leaves verification’s forced choices to the walk', () => {
    const net = compile(load(buildReferenceDesign(2)))
    const state = createRuntimeState(net)
    state.choices = { picks: [1], eligible: [] }
    const p = preparePacket(net, { source: 'internet-client', destination: '47.98.10.11', protocol: 'tcp' })
    if (!p.ok) throw new Error(p.message)
    expect(forwardByClass(net, p.packet, state, newForwardResult())).toBe(false)
    expect(forward(net, p.packet, state).disposition).toBe('DELIVERED')
    expect(state.choices.eligible.length).toBe(1)
  })
})

describe('the walk’s codes', () => {
  it('number every disposition once, in the bits a compiled op keeps for it', () => {
    const codes = Object.entries(walkCodes).filter(([name]) => name.startsWith('D_'))
    // one code per disposition, each its own index: a program ends with the disposition the walk would name
    expect(codes.map(([, c]) => DISPOSITIONS[c as number]).sort()).toEqual(
      [...DISPOSITIONS].filter((d) => d !== 'INVALID_PACKET').sort(),
    )
    expect(DISPOSITIONS.length).toBeLessThanOrEqual(1 << DISPOSITION_BITS)
  })
})
