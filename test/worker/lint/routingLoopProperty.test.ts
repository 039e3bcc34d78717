// The linter follows routes itself (worker/lint/lookup.ts) and may not import the engine; this property ties its
// loop rule (GWLB-E036) to what the engine does with the same design, over generated designs with random route edits.
//
// The property, precisely. Take a generated design in the reference shape and edit its routes at random: an entry's
// next hop moved to a GWLBe or the IPv4 gateway of its VPC, or a new entry for an internet block sent to a GWLBe.
// Nothing else is broken (appliances run, endpoints are connected, security groups are the generator's), so a packet
// that meets a loop gets to go round it. Trace every real source (internet hosts, servers) to every address a user
// would try (hosts, EIPs, server addresses, a stranger on the internet), under the default route selection
// (longest prefix, the one the linter models). Then:
//   (a) if some trace ends in LOOP, the linter reports GWLB-E036, or it reports GWLB-E033 for a GWLBe vSwitch that
//       sends 0.0.0.0/0 to a GWLBe: routingLoop.ts stays silent about exactly those cycles, because E033's fix
//       (0.0.0.0/0 back to the IPv4 gateway) breaks them;
//   (b) if the linter reports GWLB-E036, the loop is real: a server placed in any vSwitch of the reported cycle,
//       sending to the looped block, ends in LOOP. (Not "some existing source loops": the linter rightly reports a
//       loop that no source reaches yet, e.g. a GWLBe vSwitch's route to a host that every server reaches without
//       inspection; the engine only shows it once something sends from there.)
// The traces use the engine's default route selection (longestPrefix), the one lookup.ts models; under the
// entryOrder assumption the two differ (a /32 listed after 0.0.0.0/0 never wins there), which the linter does not
// follow yet.
// Left out on purpose: routes to instances. The linter assumes an instance forwards what it is handed; the engine's
// instances do not (NOT_FORWARDING), so a loop through an instance is one E036 reports and no trace shows: a known
// difference between the two models, not something this property can settle.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, formatIpv4, parse, parseCidr } from '../../../src/model'
import { compile, trace } from '../../../worker/engine'
import { lint } from '../../../worker/lint'
import { eipOf, type GenOptions, generateDesign, hostAddress } from '../../fixtures/engine/generate'

/** A route edit: a next hop moved, or a new entry for an internet block. Indexes wrap around what exists. */
type RouteEdit =
  | { kind: 'nextHop'; table: number; entry: number; target: number }
  | { kind: 'addRoute'; table: number; block: number; target: number }

const STRANGER = '198.51.100.99'

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
  fc.record({ kind: fc.constant('addRoute' as const), table: fc.nat(), block: fc.nat(), target: fc.nat() }),
)

function applyEdits(d: Design, o: GenOptions, edits: RouteEdit[]): Design {
  const of = <K extends Design['resources'][number]['kind']>(k: K) =>
    d.resources.filter((r): r is Extract<typeof r, { kind: K }> => r.kind === k)
  // the consumer VPCs' tables that vSwitches use (the gateway tables take vSwitch CIDRs only)
  const tables = of('routeTable').filter((t) => t.routeTableType === 'VSwitch')
  for (const e of edits) {
    const t = tables[e.table % tables.length]
    const endpoints = of('gwlbEndpoint').filter((g) => g.vpcId === t.vpcId)
    const targets = [
      ...endpoints.map((g) => ({ nextHopType: 'GatewayLoadBalancerEndpoint' as const, nextHopId: g.id })),
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
      if (!endpoints.length || t.entries.some((x) => x.destinationCidrBlock === block)) continue
      const g = endpoints[e.target % endpoints.length]
      t.entries.push({ destinationCidrBlock: block, nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: g.id })
    }
  }
  return d
}

const world = fc.tuple(genOptions, fc.array(routeEdit, { minLength: 1, maxLength: 4 })).map(([o, edits]) => {
  const loaded = parse(applyEdits(generateDesign(o), o, edits))
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  return { options: o, design: loaded.design }
})

/** Every source × destination pair a user would try; the trace of each, as the engine gives it. */
function looping(o: GenOptions, design: Design): { loops: number; traces: number } {
  const net = compile(design)
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
function probe(design: Design, vswitchId: string, message: string): string {
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
  return trace(compile(loaded.design), { source: 'probe', destination, protocol: 'tcp', size: 64 }).disposition
}

const RUNS = { numRuns: Number(process.env.LINT_PROPERTY_RUNS ?? 120) }

describe('GWLB-E036 and the engine agree on routing loops', () => {
  it('a loop is reported exactly when a real packet falls into one (E033 explaining the rest)', () => {
    const seen = { loopingWorlds: 0, reportedWorlds: 0, explainedWorlds: 0 }
    fc.assert(
      fc.property(world, ({ options, design }) => {
        const problems = lint(design)
        const e036 = problems.filter((p) => p.code === 'GWLB-E036')
        const explainedByE033 = problems.some(
          (p) => p.code === 'GWLB-E033' && /sends 0\.0\.0\.0\/0 to GWLBe/.test(p.message),
        )
        const { loops } = looping(options, design)
        if (loops > 0) {
          seen.loopingWorlds++
          if (!e036.length) seen.explainedWorlds++
          // (a): no loop a packet meets goes unreported
          expect(
            e036.length > 0 || explainedByE033,
            `a trace loops, yet neither GWLB-E036 nor E033 is reported: ${problems.map((p) => p.code)}`,
          ).toBe(true)
        }
        if (e036.length) seen.reportedWorlds++
        // (b): every reported loop is one a packet falls into
        for (const p of e036)
          for (const vswitchId of p.resourceIds.filter((id) => id.startsWith('vsw-')))
            expect(probe(design, vswitchId, p.message), `${vswitchId}: ${p.message}`).toBe('LOOP')
      }),
      RUNS,
    )
    // Measured with the default 120 runs: 60 worlds with a looping trace, 47 with GWLB-E036, 14 where only E033
    // explains the loop (500 runs: 254, 209, 65). Both kinds must occur, or the property would check nothing.
    expect(seen.reportedWorlds).toBeGreaterThan(0)
    expect(seen.explainedWorlds).toBeGreaterThan(0)
  })
})
