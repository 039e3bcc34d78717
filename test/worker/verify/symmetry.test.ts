// Interchangeable appliances: the verifier walks one of each group at a packet's first GWLB decision. The proof
// that this loses nothing: for every flow class of the reference designs, broken variants and generated designs,
// the outcomes walked so equal, up to the twins' names, the outcomes of walking every appliance.
import { describe, expect, it } from 'vitest'
import { type Design, parse } from '../../../src/model'
import { compile, type Network } from '../../../worker/engine'
import { BUILT_IN_INTENTS, Prober, Verifier } from '../../../worker/verify'
import { representativeOf } from '../../../worker/verify/classes'
import type { Outcome } from '../../../worker/verify/explore'
import { applianceGroups } from '../../../worker/verify/symmetry'
import { generateDesign } from '../../fixtures/engine/generate'
import { network, res } from '../engine/helpers'

function groupsById(net: Network): Record<string, string> {
  const g = applianceGroups(net)
  return Object.fromEntries(net.appliances.map((a, i) => [a.id, net.appliances[g[i]].id]))
}

/** Each distinct outcome with the appliances named by their group, and whether the answer kept the appliance. */
function canonical(os: readonly Outcome[], lead: Record<string, string>): string[] {
  const name = (id: string | null) => (id === null ? '-' : lead[id])
  return [
    ...new Set(
      os.map(
        (o) =>
          `${o.request}|${name(o.appliance)}|${o.reply}|${name(o.replyAppliance)}|${o.appliance === o.replyAppliance}`,
      ),
    ),
  ].sort()
}

/** Every class (or every k-th of a large space): the verifier's reduced walks against all appliance choices. */
function expectSameOutcomes(net: Network, most = 12_000) {
  const v = new Verifier(net, BUILT_IN_INTENTS)
  const full = new Prober(net)
  const lead = groupsById(net)
  const step = Math.max(1, Math.floor(v.space.size / most))
  let reducedWalks = 0
  let allWalks = 0
  for (let i = 0; i < v.space.size; i += step) {
    const r = representativeOf(v.space.classAt(i))
    if (!v.sends(v.space.sources[Math.floor(i / v.space.slots / v.space.addressStarts.length)])) continue
    const reduced = v.outcomesOf(i)
    const all = full.run(r.source, r.destination, r.protocol, r.sourcePort, r.destinationPort)
    reducedWalks += reduced.length
    allWalks += all.length
    expect(canonical(reduced, lead), `class ${i}`).toEqual(canonical(all, lead))
  }
  return { reducedWalks, allWalks }
}

function generated(o: Partial<Parameters<typeof generateDesign>[0]>): Network {
  const loaded = parse(
    generateDesign({
      consumerVpcs: 2,
      zones: 2,
      serversPerZone: 1,
      appliancesPerZone: 2,
      hosts: 1,
      scheduler: '5TCH',
      crossZone: true,
      jumboFrames: true,
      stateful: true,
      ...o,
    }),
  )
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  return compile(loaded.design)
}

describe('interchangeable appliances', () => {
  it('groups the firewalls of (b) by vSwitch: H1 with H2, I1 with I2', () => {
    expect(groupsById(network(2))).toEqual({ 'fw-h1': 'fw-h1', 'fw-h2': 'fw-h1', 'fw-i1': 'fw-i1', 'fw-i2': 'fw-i1' })
  })

  it('keeps apart appliances that differ: another policy, a stopped one, one named by a route, one a /32 route tells apart', () => {
    const edits: ((d: Design) => void)[] = [
      (d) => {
        res(d, 'fw-h2', 'appliance').policy.defaultAction = 'allow'
      },
      (d) => {
        res(d, 'fw-h2', 'appliance').state = 'stopped'
      },
      (d) => {
        res(d, 'rtb-app-h', 'routeTable').entries[0] = {
          destinationCidrBlock: '0.0.0.0/0',
          nextHopType: 'Instance',
          nextHopId: 'fw-h2',
        }
      },
    ]
    for (const edit of edits) expect(groupsById(network(2, edit))['fw-h2']).toBe('fw-h2')
    // a route entry whose block holds one firewall's address and not the other's
    const split = network(2, (d) => {
      res(d, 'rtb-gwlbe', 'routeTable').entries.push({
        destinationCidrBlock: `${res(d, 'fw-h2', 'appliance').privateIpAddress}/32`,
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      })
    })
    expect(groupsById(split)['fw-h2']).toBe('fw-h2')
  })

  it('loses no outcome on (a) and (b), and walks fewer times on (b)', () => {
    expectSameOutcomes(network(1))
    const b = expectSameOutcomes(network(2))
    expect(b.reducedWalks).toBeLessThan(b.allWalks)
  })

  it("loses no outcome on broken designs: a route to the other zone's GWLBe (answers cross other firewalls), stateless twins", () => {
    expectSameOutcomes(
      network(2, (d) => {
        res(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-i'
      }),
    )
    expectSameOutcomes(
      network(2, (d) => {
        for (const r of d.resources) if (r.kind === 'appliance') r.stateful = false
        res(d, 'rtb-gateway', 'routeTable').entries = res(d, 'rtb-gateway', 'routeTable').entries.filter(
          (e) => e.destinationCidrBlock !== '10.0.1.0/24',
        )
      }),
    )
  })

  it('loses no outcome on generated designs of several VPCs, zones, schedulers, with cross-zone off', () => {
    expectSameOutcomes(generated({}))
    expectSameOutcomes(generated({ zones: 1, appliancesPerZone: 3, scheduler: '2TCH', stateful: false }))
    expectSameOutcomes(generated({ crossZone: false, scheduler: '3TCH' }))
  })
})
