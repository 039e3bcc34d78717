// The reduced class set (interchangeable consumer VPCs, address blocks no prefix tells apart) answers every intent
// exactly as walking every class does: same verdict, same class and violation counts, same counterexample.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { compile } from '../../../worker/engine'
import { BUILT_IN_INTENTS, describeClass, type Intent, Verifier } from '../../../worker/verify'
import { intentCuts, rolesOf } from '../../../worker/verify/verify'
import { vpcTwins } from '../../../worker/verify/vpcTwins'
import { eipOf, type GenOptions, generateDesign } from '../../fixtures/engine/generate'
import { loadDesign } from '../../helpers'
import { res } from '../engine/helpers'

const BASE: GenOptions = {
  consumerVpcs: 3,
  zones: 2,
  serversPerZone: 1,
  appliancesPerZone: 1,
  hosts: 1,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
}

/**
 * Edits of one consumer VPC (`v`) or of what surrounds it: all but the last two make it unlike the others (a
 * host in a gap between its EIPs names no address of it, so the VPCs stay alike).
 */
const EDITS: Record<string, (d: Design, v: number) => void> = {
  'its servers route straight to the gateway (uninspected)': (d, v) => {
    res(d, `rtb-a-${v}-0`, 'routeTable').entries[0] = {
      destinationCidrBlock: '0.0.0.0/0',
      nextHopType: 'Ipv4Gateway',
      nextHopId: `igw-${v}`,
    }
  },
  'its gateway route table loses a zone (asymmetric)': (d, v) => {
    res(d, `rtb-gw-${v}`, 'routeTable').entries.pop()
  },
  'its servers have no route out (no route)': (d, v) => {
    res(d, `rtb-a-${v}-0`, 'routeTable').entries = []
  },
  'its endpoint is disconnected': (d, v) => {
    res(d, `gwlbe-${v}-0`, 'gwlbEndpoint').connectionStatus = 'Disconnected'
  },
  'its security group admits 8443, not 443': (d, v) => {
    res(d, `sg-${v}`, 'securityGroup').rules[0].portRange = '8443/8443'
  },
  "the firewalls deny its servers' subnet": (d, v) => {
    for (const r of d.resources)
      if (r.kind === 'appliance')
        r.policy.rules.unshift({
          action: 'deny',
          protocol: 'all',
          sourceCidrIp: '0.0.0.0/0',
          destCidrIp: `10.${v}.1.0/24`,
          portRange: '-1/-1',
        })
  },
  'an internet host sits in a gap between its EIPs': (d, v) => {
    d.resources.push({ kind: 'internetHost', id: 'host-near', ipAddress: `47.100.${v}.60` })
  },
  'the firewalls deny one of its EIPs': (d, v) => {
    for (const r of d.resources)
      if (r.kind === 'appliance')
        r.policy.rules.unshift({
          action: 'deny',
          protocol: 'tcp',
          sourceCidrIp: '0.0.0.0/0',
          destCidrIp: `${eipOf(v, 0, 0)}/32`,
          portRange: '443/443',
        })
  },
  'nothing changes': () => {},
}

/** Intents of the user's besides the built-in ones: naming one VPC, a block, some resources, a port. */
function userIntents(v: number): Intent[][] {
  return [
    [],
    [
      {
        id: 'vpc-in',
        from: 'internet',
        to: { vpc: `vpc-${v}` },
        protocol: 'tcp',
        ports: '443',
        expect: { reach: 'delivered' },
      },
    ],
    [{ id: 'cidr', from: { cidr: `10.${v}.1.0/24` }, to: 'internet', expect: { inspected: true, symmetric: true } }],
    [
      {
        id: 'one',
        from: { resources: [`ecs-${v}-0-0`] },
        to: 'any',
        expect: { never: ['NO_ROUTE', 'SECURITY_GROUP_DENIED'] },
      },
    ],
    [{ id: 'dns', from: 'servers', to: 'servers', protocol: 'udp', ports: '53', expect: { reach: 'blocked' } }],
    [{ id: 'east-west', from: 'servers', to: 'instances', toAddress: 'private', expect: { reach: 'delivered' } }],
  ]
}

describe('the reduced class set', () => {
  it('gives the same intent results as every class walked, on random small designs, edits and intents', () => {
    let fewer = 0
    fc.assert(
      fc.property(
        fc.record({
          consumerVpcs: fc.integer({ min: 2, max: 3 }),
          zones: fc.constantFrom(1 as const, 2 as const),
          serversPerZone: fc.integer({ min: 1, max: 2 }),
          appliancesPerZone: fc.integer({ min: 1, max: 2 }),
          hosts: fc.integer({ min: 0, max: 1 }),
          scheduler: fc.constantFrom('5TCH' as const, '2TCH' as const),
          crossZone: fc.boolean(),
          stateful: fc.boolean(),
        }),
        fc.constantFrom(...Object.keys(EDITS)),
        fc.nat(),
        fc.nat({ max: 5 }),
        (o, edit, which, intents) => {
          const d = generateDesign({ ...BASE, ...o })
          const v = which % o.consumerVpcs
          if (d.zones.length > 1 || !edit.includes('zone')) EDITS[edit](d, v)
          const net = compile(loadDesign(d))
          const own = userIntents(v)[intents]
          const all = [...BUILT_IN_INTENTS, ...own]
          const reduced = new Verifier(net, all)
          const results = all.map((i, n) => reduced.check(i, n < BUILT_IN_INTENTS.length))
          const walker = new Verifier(net, all, undefined, false)
          const full = all.map((i, n) => walker.check(i, n < BUILT_IN_INTENTS.length))
          expect(results).toEqual(full)
          // and class by class: the outcomes of the class standing for it are the class's own
          const differ: number[] = []
          for (let c = 0; c < reduced.space.size && differ.length < 3; c++)
            if (JSON.stringify(reduced.outcomesOf(c)) !== JSON.stringify(walker.outcomesOf(c))) differ.push(c)
          expect(differ.map((c) => describeClass(reduced.space.classAt(c)))).toEqual([])
          if (reduced.walkedClasses < reduced.space.size) fewer++
        },
      ),
      { numRuns: 30 },
    )
    // the property is not vacuous: the reduction did leave classes unwalked
    expect(fewer).toBeGreaterThan(20)
  }, 240_000)

  it('finds the consumer VPCs alike, and keeps apart one that differs or that an intent names', () => {
    const twins = (d: Design, intents: Intent[] = []) => {
      const loaded = loadDesign(d)
      const cuts = intentCuts(intents, rolesOf(loaded))
      const ids = new Set(
        intents.flatMap((i) => [i.from, i.to]).flatMap((e) => (typeof e === 'object' && 'vpc' in e ? [e.vpc] : [])),
      )
      return vpcTwins(loaded, { ids, ranges: cuts.ranges ?? [] }).map((g) => g.map((k) => k.vpc))
    }
    const four = () => generateDesign({ ...BASE, consumerVpcs: 4 })
    expect(twins(four())).toEqual([['vpc-0', 'vpc-1', 'vpc-2', 'vpc-3']])
    for (const [name, edit] of Object.entries(EDITS)) {
      if (name === 'nothing changes' || name.includes('gap')) continue
      const d = four()
      edit(d, 2)
      expect(twins(d), name).toEqual([['vpc-0', 'vpc-1', 'vpc-3']])
    }
    // an instance of vpc-3 in vpc-1's security group ties the two (the format refuses it today: unparsed here)
    const shared = four()
    res(shared, 'ecs-3-0-0', 'ecs').securityGroupIds = ['sg-1']
    expect(vpcTwins(shared, { ids: new Set(), ranges: [] }).map((g) => g.map((k) => k.vpc))).toEqual([
      ['vpc-0', 'vpc-2'],
    ])
    const intent = (to: Intent['to']): Intent => ({ id: 'x', from: 'internet', to, expect: { reach: 'delivered' } })
    expect(twins(four(), [intent({ vpc: 'vpc-1' })])).toEqual([['vpc-0', 'vpc-2', 'vpc-3']])
    expect(twins(four(), [intent({ cidr: '10.3.0.0/16' })])).toEqual([['vpc-0', 'vpc-1', 'vpc-2']])
    // a block holding two VPCs alike keeps them together, apart from the others
    expect(twins(four(), [intent({ cidr: '10.0.0.0/15' })])).toEqual([
      ['vpc-0', 'vpc-1'],
      ['vpc-2', 'vpc-3'],
    ])
  })

  it('walks one VPC of the 85 of the bench design for the others, and its internet senders no rule tells apart as one', () => {
    const net = compile(
      loadDesign(generateDesign({ ...BASE, consumerVpcs: 85, serversPerZone: 5, appliancesPerZone: 10, hosts: 20 })),
    )
    const v = new Verifier(net, BUILT_IN_INTENTS)
    expect(v.reduction.groups.map((g) => g.length)).toEqual([85])
    const internet = v.space.sources.flatMap((s, si) => (s.kind === 'internet' ? [si] : []))
    const standing = new Set(internet.map((si) => v.reduction.senderRep[si]))
    expect(standing.size).toBeLessThan(internet.length / 10)
    // a server of vpc-40 stands as vpc-0's, and its own VPC's addresses as vpc-0's
    const from = v.space.sources.findIndex((s) => s.kind === 'ecs' && s.id === 'ecs-40-1-3')
    expect(v.space.sources[v.reduction.senderRep[from]]).toMatchObject({ id: 'ecs-0-1-3' })
  })
})
