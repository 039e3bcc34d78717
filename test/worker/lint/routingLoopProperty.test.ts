// The linter's loop rule (GWLB-E036) follows routes with the engine's own route look-up (routeEntry); this property
// ties what it reports to what the engine does with the same design, over generated designs with random route edits,
// under either route selection assumption.
//
// The property, precisely. Take a generated design in the reference shape, with or without a route target group per
// two-zone consumer VPC (its two GWLBes, either one active; the service vSwitches' 0.0.0.0/0 then names the group,
// as in reference design (c)), and edit its routes at random: an entry's next hop moved to a GWLBe, the group, the
// IPv4 gateway or a server of its VPC, or a new entry, first or last in its table, for an internet block sent to a
// GWLBe, the group or a server. Nothing else is broken (appliances run, endpoints are connected,
// security groups are the generator's), so a packet that meets a loop gets to go round it. Pick the route selection
// (longest prefix, or entry order, where a /32 listed after 0.0.0.0/0 never wins); lint and trace under it. Trace
// every real source (internet hosts, servers) to every address a user would try (hosts, EIPs, server addresses, a
// stranger on the internet). Then:
//   (a) if some trace ends in LOOP, the linter reports GWLB-E036, or it reports GWLB-E033 for a GWLBe vSwitch that
//       sends 0.0.0.0/0 to a GWLBe: routingLoop.ts stays silent about exactly those cycles, because E033's fix
//       (0.0.0.0/0 back to the IPv4 gateway) breaks them;
//   (b) if the linter reports GWLB-E036, the loop is real: a server placed in any vSwitch of the reported cycle,
//       sending to the looped block, goes round it. It ends in LOOP when the cycle runs through GWLBes only, and in
//       INSTANCE_DOES_NOT_FORWARD when it runs through a server: the linter follows a route to an instance as if
//       the instance forwarded (what such a route is for), the engine's instances do not forward, so the packet
//       stops at the first instance of the cycle, which is where the loop would begin the day it does. (Not "some
//       existing source loops": the linter rightly reports a loop that no source reaches yet, e.g. a GWLBe
//       vSwitch's route to a host that every server reaches without inspection; the engine only shows it once
//       something sends from there.)
// These are the only two differences between E036 and the engine, and both are asserted, not skipped.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, formatIpv4, parse, parseCidr } from '../../../src/model'
import { ASSUMPTIONS, compile, type EngineOptions, trace } from '../../../worker/engine'
import { lint } from '../../../worker/lint'
import { eipOf, type GenOptions, generateDesign, hostAddress } from '../../fixtures/engine/generate'

/** A route edit: a next hop moved, or a new entry for an internet block. Indexes wrap around what exists. */
type RouteEdit =
  | { kind: 'nextHop'; table: number; entry: number; target: number }
  | { kind: 'addRoute'; table: number; block: number; target: number; first: boolean }

const STRANGER = '198.51.100.99'

/** Route target groups in the world: none, or one per consumer VPC with the GWLBe of zone 0 or of zone 1 active. */
type Groups = 'none' | 'zone0Active' | 'zone1Active'

const genOptions: fc.Arbitrary<GenOptions> = fc.record({
  consumerVpcs: fc.integer({ min: 1, max: 2 }),
  zones: fc.constantFrom(1 as const, 2 as const),
  serversPerZone: fc.integer({ min: 1, max: 2 }),
  appliancesPerZone: fc.integer({ min: 1, max: 2 }),
  hosts: fc.integer({ min: 1, max: 2 }),
  scheduler: fc.constantFrom('5TCH' as const, '2TCH' as const),
  crossZone: fc.boolean(),
  jumboFrames: fc.constant(true),
  stateful: fc.boolean(),
})

const routeEdit: fc.Arbitrary<RouteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('nextHop' as const), table: fc.nat(), entry: fc.nat(), target: fc.nat() }),
  fc.record({
    kind: fc.constant('addRoute' as const),
    table: fc.nat(),
    block: fc.nat(),
    target: fc.nat(),
    first: fc.boolean(),
  }),
)

/**
 * A route target group per consumer VPC over its two GWLBes (two zones needed: the members' zones must differ), and
 * the service vSwitches' 0.0.0.0/0 sent to it, as reference design (c) does.
 */
function addGroups(d: Design, o: GenOptions, groups: Groups): Design {
  if (groups === 'none' || o.zones !== 2) return d
  const active = groups === 'zone0Active' ? 0 : 1
  for (let v = 0; v < o.consumerVpcs; v++) {
    d.resources.push({
      kind: 'routeTargetGroup',
      id: `rtg-${v}`,
      vpcId: `vpc-${v}`,
      configMode: 'Active-Standby',
      routeTargetMemberList: [
        { memberId: `gwlbe-${v}-${active}`, memberType: 'GatewayLoadBalancerEndpoint', weight: 100 },
        { memberId: `gwlbe-${v}-${1 - active}`, memberType: 'GatewayLoadBalancerEndpoint', weight: 0 },
      ],
    })
    for (const r of d.resources)
      if (r.kind === 'routeTable' && r.vpcId === `vpc-${v}` && r.id.startsWith('rtb-a-'))
        for (const e of r.entries)
          if (e.destinationCidrBlock === '0.0.0.0/0')
            Object.assign(e, { nextHopType: 'RouteTargetGroup', nextHopId: `rtg-${v}` })
  }
  return d
}

function applyEdits(d: Design, o: GenOptions, edits: RouteEdit[]): Design {
  const of = <K extends Design['resources'][number]['kind']>(k: K) =>
    d.resources.filter((r): r is Extract<typeof r, { kind: K }> => r.kind === k)
  // the consumer VPCs' tables that vSwitches use (the gateway tables take vSwitch CIDRs only)
  const tables = of('routeTable').filter((t) => t.routeTableType === 'VSwitch')
  for (const e of edits) {
    const t = tables[e.table % tables.length]
    const endpoints = of('gwlbEndpoint').filter((g) => g.vpcId === t.vpcId)
    const vswitches = new Set(of('vswitch').flatMap((v) => (v.vpcId === t.vpcId ? [v.id] : [])))
    const servers = of('ecs')
      .filter((e) => vswitches.has(e.vswitchId))
      .map((e) => ({ nextHopType: 'Instance' as const, nextHopId: e.id }))
    // what a new entry for an internet block is sent to: a GWLBe, a route target group or a server
    const forwarders = [
      ...endpoints.map((g) => ({ nextHopType: 'GatewayLoadBalancerEndpoint' as const, nextHopId: g.id })),
      ...of('routeTargetGroup')
        .filter((g) => g.vpcId === t.vpcId)
        .map((g) => ({ nextHopType: 'RouteTargetGroup' as const, nextHopId: g.id })),
      ...servers,
    ]
    const targets = [
      ...forwarders,
      ...of('ipv4Gateway')
        .filter((g) => g.vpcId === t.vpcId)
        .map((g) => ({ nextHopType: 'Ipv4Gateway' as const, nextHopId: g.id })),
    ]
    if (e.kind === 'nextHop') {
      if (!t.entries.length || !targets.length) continue
      Object.assign(t.entries[e.entry % t.entries.length], targets[e.target % targets.length])
    } else {
      const blocks = [...Array.from({ length: o.hosts }, (_, h) => `${hostAddress(h)}/32`), '198.51.100.0/24']
      const block = blocks[e.block % blocks.length]
      const to = forwarders[e.target % forwarders.length]
      if (!to || t.entries.some((x) => x.destinationCidrBlock === block)) continue
      const entry = { destinationCidrBlock: block, ...to }
      if (e.first) t.entries.unshift(entry)
      else t.entries.push(entry)
    }
  }
  return d
}

const world = fc
  .tuple(
    genOptions,
    fc.array(routeEdit, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(...ASSUMPTIONS.routeSelection.values),
    fc.constantFrom<Groups>('none', 'zone0Active', 'zone1Active'),
  )
  .map(([o, edits, routeSelection, groups]) => {
    const loaded = parse(applyEdits(addGroups(generateDesign(o), o, groups), o, edits))
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
    const engine: EngineOptions = { assumptions: { routeSelection } }
    return { options: o, design: loaded.design, engine }
  })

/** Every source × destination pair a user would try; the trace of each, as the engine gives it. */
function looping(o: GenOptions, design: Design, engine: EngineOptions): { loops: number; traces: number } {
  const net = compile(design, engine)
  const servers = design.resources.filter((r) => r.kind === 'ecs').map((r) => r.id)
  const sources = [...Array.from({ length: o.hosts }, (_, h) => `host-${h}`), ...servers]
  const destinations = [
    ...Array.from({ length: o.hosts }, (_, h) => hostAddress(h)),
    ...Array.from({ length: o.consumerVpcs * o.zones }, (_, i) => eipOf(Math.floor(i / o.zones), i % o.zones, 0)),
    ...design.resources.flatMap((r) => (r.kind === 'ecs' ? [r.privateIpAddress] : [])),
    STRANGER,
  ]
  let loops = 0
  let traces = 0
  for (const source of sources)
    for (const destination of destinations) {
      traces++
      if (trace(net, { source, destination, protocol: 'tcp', size: 64 }).disposition === 'LOOP') loops++
    }
  return { loops, traces }
}

/**
 * Where a packet goes from a server placed in the vSwitch (at .200 of its /24, free in generated designs, in its
 * VPC's security group) to the block the report names: its base, or base + 1 for a block wider than one address
 * (the generated tables hold no route that tells the two apart).
 */
function probe(design: Design, engine: EngineOptions, vswitchId: string, message: string): string {
  const block = /^Traffic to (\S+) goes round/.exec(message)?.[1]
  const parsed = block ? parseCidr(block) : undefined
  if (!parsed?.ok) throw new Error(`no block in: ${message}`)
  const vswitch = design.resources.find((r) => r.id === vswitchId)
  if (vswitch?.kind !== 'vswitch') throw new Error(`no vSwitch ${vswitchId}`)
  const group = design.resources.find((r) => r.kind === 'securityGroup' && r.vpcId === vswitch.vpcId)
  const copy = structuredClone(design)
  copy.resources.push({
    kind: 'ecs',
    id: 'probe',
    vswitchId,
    privateIpAddress: vswitch.cidrBlock.replace(/\.0\/24$/, '.200'),
    securityGroupIds: group ? [group.id] : [],
    role: 'server',
  })
  const loaded = parse(copy)
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  const { base, prefix } = parsed.cidr
  const destination = formatIpv4(prefix === 32 ? base : base + 1)
  return trace(compile(loaded.design, engine), { source: 'probe', destination, protocol: 'tcp', size: 64 }).disposition
}

const RUNS = { numRuns: Number(process.env.LINT_PROPERTY_RUNS ?? 120) }

describe('GWLB-E036 and the engine agree on routing loops', () => {
  it('a loop is reported exactly when a real packet falls into one (E033 explaining the rest), under either route selection', () => {
    const seen = {
      loopingWorlds: 0,
      reportedWorlds: 0,
      explainedWorlds: 0,
      throughGwlbes: 0,
      throughServers: 0,
      throughGroups: 0,
      entryOrderLoops: 0,
    }
    fc.assert(
      fc.property(world, ({ options, design, engine }) => {
        const problems = lint(design, engine)
        const e036 = problems.filter((p) => p.code === 'GWLB-E036')
        const explainedByE033 = problems.some(
          (p) => p.code === 'GWLB-E033' && /sends 0\.0\.0\.0\/0 to GWLBe/.test(p.message),
        )
        const { loops } = looping(options, design, engine)
        if (loops > 0) {
          seen.loopingWorlds++
          if (!e036.length) seen.explainedWorlds++
          if (engine.assumptions?.routeSelection === 'entryOrder') seen.entryOrderLoops++
          // (a): no loop a packet meets goes unreported
          expect(
            e036.length > 0 || explainedByE033,
            `a trace loops, yet neither GWLB-E036 nor E033 is reported: ${problems.map((p) => p.code)}`,
          ).toBe(true)
        }
        if (e036.length) seen.reportedWorlds++
        // (b): every reported loop is one a packet goes round, as far as the engine's instances let it
        for (const p of e036) {
          const throughServer = p.resourceIds.some((id) => id.startsWith('ecs-'))
          if (throughServer) seen.throughServers++
          else seen.throughGwlbes++
          if (p.resourceIds.some((id) => id.startsWith('rtg-'))) seen.throughGroups++
          for (const vswitchId of p.resourceIds.filter((id) => id.startsWith('vsw-')))
            expect(probe(design, engine, vswitchId, p.message), `${vswitchId}: ${p.message}`).toBe(
              throughServer ? 'INSTANCE_DOES_NOT_FORWARD' : 'LOOP',
            )
        }
      }),
      RUNS,
    )
    // Every kind must occur, or the property would check nothing of it. Measured over 500 runs: 131 worlds with a
    // looping trace (57 of them under entry order), 269 with GWLB-E036, 41 where only E033 explains the loop, and 87
    // reported loops through GWLBes only, 249 through a server, 28 through a route target group; the default 120
    // runs see about a quarter of each.
    expect(seen.reportedWorlds).toBeGreaterThan(0)
    expect(seen.explainedWorlds).toBeGreaterThan(0)
    expect(seen.throughGwlbes).toBeGreaterThan(0)
    expect(seen.throughServers).toBeGreaterThan(0)
    expect(seen.throughGroups).toBeGreaterThan(0)
    expect(seen.entryOrderLoops).toBeGreaterThan(0)
  })
})
