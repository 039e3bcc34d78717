// The reduced difference (classes standing for others in both designs walked once, twin appliances once per group)
// reports exactly the changed classes, and the same before and after, that walking every class and every appliance
// choice in both designs reports; a reduction taken from one design only does not.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { compile, type Network } from '../../../worker/engine'
import { Comparison, type ComparisonOptions, diffDesigns } from '../../../worker/verify'
import { ClassReduction } from '../../../worker/verify/reduction'
import { eipOf, type GenOptions, generateDesign } from '../../fixtures/engine/generate'
import { loadDesign } from '../../helpers'
import { res } from '../engine/helpers'

const BASE: GenOptions = {
  consumerVpcs: 2,
  zones: 1,
  serversPerZone: 1,
  appliancesPerZone: 2,
  hosts: 1,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
}

/** Edits of a design around consumer VPC `v`: most set it or an appliance apart, some change every VPC alike. */
const EDITS: Record<string, (d: Design, v: number) => void> = {
  'its servers route straight to the gateway': (d, v) => {
    res(d, `rtb-a-${v}-0`, 'routeTable').entries[0] = {
      destinationCidrBlock: '0.0.0.0/0',
      nextHopType: 'Ipv4Gateway',
      nextHopId: `igw-${v}`,
    }
  },
  'its servers have no route out': (d, v) => {
    res(d, `rtb-a-${v}-0`, 'routeTable').entries = []
  },
  'its endpoint is disconnected': (d, v) => {
    res(d, `gwlbe-${v}-0`, 'gwlbEndpoint').connectionStatus = 'Disconnected'
  },
  'its security group admits 8443, not 443': (d, v) => {
    res(d, `sg-${v}`, 'securityGroup').rules[0].portRange = '8443/8443'
  },
  'every security group admits 8443, not 443': (d) => {
    for (const r of d.resources) if (r.kind === 'securityGroup' && r.id !== 'sg-fw') r.rules[0].portRange = '8443/8443'
  },
  'one firewall denies one of its EIPs': (d, v) => {
    res(d, 'fw-0-0', 'appliance').policy.rules.unshift({
      action: 'deny',
      protocol: 'tcp',
      sourceCidrIp: '0.0.0.0/0',
      destCidrIp: `${eipOf(v, 0, 0)}/32`,
      portRange: '443/443',
    })
  },
  'the last firewall stops (the only one, when there is one)': (d) => {
    const last = d.resources.filter((r) => r.kind === 'appliance').at(-1)
    if (last?.kind === 'appliance') last.state = 'stopped'
  },
  'one firewall turns stateless': (d) => {
    res(d, 'fw-0-0', 'appliance').stateful = false
  },
  'its server is removed': (d, v) => {
    d.resources = d.resources.filter((r) => r.id !== `ecs-${v}-0-0`)
  },
  'an internet host is added next to its EIP': (d, v) => {
    d.resources.push({ kind: 'internetHost', id: 'host-near', ipAddress: `47.100.${v}.60` })
  },
  'nothing changes': () => {},
}

/** Every changed class, by index, with its before and after in words. */
function changes(before: Network, after: Network, options: ComparisonOptions = {}): Map<number, string> {
  const cmp = new Comparison(before, after, options)
  const out = new Map<number, string>()
  for (const { index, standing } of cmp.changed()) {
    const w = cmp.words(standing)
    out.set(index, `${w.before} → ${w.after}`)
  }
  return out
}

const GEN = fc.record({
  consumerVpcs: fc.integer({ min: 2, max: 3 }),
  appliancesPerZone: fc.integer({ min: 1, max: 3 }),
  hosts: fc.integer({ min: 0, max: 1 }),
  scheduler: fc.constantFrom('5TCH' as const, '2TCH' as const),
  stateful: fc.boolean(),
})

/** A random design and an edit of it around VPC `which`, compiled: [before, after]. */
function pair(o: Partial<GenOptions>, edit: string, which: number): [Network, Network] {
  const d = generateDesign({ ...BASE, ...o })
  const e = structuredClone(d)
  EDITS[edit](e, which % (o.consumerVpcs ?? BASE.consumerVpcs))
  return [compile(loadDesign(d)), compile(loadDesign(e))]
}

describe('the reduced difference', () => {
  it('reports exactly the changed classes of the full enumeration, with the same before and after', () => {
    let changed = 0
    let fewer = 0
    fc.assert(
      fc.property(GEN, fc.constantFrom(...Object.keys(EDITS)), fc.nat(), (o, edit, which) => {
        const [a, b] = pair(o, edit, which)
        const full = changes(a, b, { reduce: false })
        const reduced = changes(a, b)
        expect([...reduced].sort()).toEqual([...full].sort())
        if (full.size) changed++
        const cmp = new Comparison(a, b)
        for (const _ of cmp.changed());
        if (cmp.walkedClasses < cmp.space.size) fewer++
      }),
      { numRuns: 25 },
    )
    // not vacuous: most edits changed some class, and the reduction left classes unwalked
    expect(changed).toBeGreaterThan(10)
    expect(fewer).toBeGreaterThan(20)
  }, 300_000)

  it("fails with a reduction taken from the before design only: the edited VPC's flows would stand as its twins'", () => {
    const result = fc.check(
      fc.property(GEN, fc.nat(), (o, which) => {
        const [a, b] = pair(o, 'its servers route straight to the gateway', which)
        const wrong = (space: Comparison['space']) => new ClassReduction([a], space, { ids: new Set(), ranges: [] })
        const reduced = changes(a, b, { reduction: wrong })
        const full = changes(a, b, { reduce: false })
        expect([...reduced].sort()).toEqual([...full].sort())
      }),
      { numRuns: 5 },
    )
    expect(result.failed).toBe(true)
  }, 120_000)

  it('lists one entry per class standing for others, counting the classes it stands for', () => {
    const d = generateDesign({ ...BASE, consumerVpcs: 3 })
    const e = structuredClone(d)
    EDITS['every security group admits 8443, not 443'](e, 0)
    const diff = diffDesigns(loadDesign(d), loadDesign(e))
    const full = changes(compile(loadDesign(d)), compile(loadDesign(e)), { reduce: false })
    expect(diff.changedClasses).toBe(full.size)
    expect(diff.flows.reduce((n, f) => n + f.classes, 0)).toBe(full.size)
    // the three VPCs changed alike: vpc-0's flows stand for the others'
    expect(diff.flows.length).toBeLessThan(full.size)
    expect(diff.flows.some((f) => f.classes > 1)).toBe(true)
  })
})
