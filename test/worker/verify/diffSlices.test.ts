// The difference between two designs in slices, as the worker runs it: the same answer as comparing at once, on
// reference and generated pairs, with how far it has got at each pause; on the 2,001-resource bench pair it gives
// the event loop back between classes, so the worker answers other questions while it runs.
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { buildReferenceDesign } from '../../../src/model/reference/build'
import { compile } from '../../../worker/engine'
import { Comparison, compareSteps, type DiffProgress, diffDesigns, diffSteps, inSlices } from '../../../worker/verify'
import { BIG } from '../../bench/verify'
import { type GenOptions, generateDesign } from '../../fixtures/engine/generate'
import { loadDesign } from '../../helpers'
import { res } from '../engine/helpers'

/** A copy of a design with one route table's default route straight to an IPv4 gateway, skipping the GWLBe. */
function uninspected(d: Design, table: string, gateway: string): Design {
  const e = structuredClone(d)
  res(e, table, 'routeTable').entries[0] = {
    destinationCidrBlock: '0.0.0.0/0',
    nextHopType: 'Ipv4Gateway',
    nextHopId: gateway,
  }
  return e
}

const GENERATED: GenOptions = {
  consumerVpcs: 3,
  zones: 2,
  serversPerZone: 1,
  appliancesPerZone: 2,
  hosts: 1,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
}

const b = loadDesign(buildReferenceDesign(2))
const a = loadDesign(buildReferenceDesign(1))
const g = loadDesign(generateDesign(GENERATED))
const PAIRS: [string, Design, Design][] = [
  ['(b), server 2 routed straight out', b, uninspected(b, 'rtb-app-i', 'igw-service')],
  ['(a), its server routed straight out', a, uninspected(a, 'rtb-app-h', 'igw-service')],
  ['(b) against itself', b, b],
  ['generated, one VPC routed straight out', g, uninspected(g, 'rtb-a-1-0', 'igw-1')],
  [
    'generated, every VPC admitting 8443, not 443',
    g,
    (() => {
      const e = structuredClone(g)
      for (const r of e.resources)
        if (r.kind === 'securityGroup' && r.id !== 'sg-fw') r.rules[0].portRange = '8443/8443'
      return e
    })(),
  ],
]

describe('the difference in slices', () => {
  it.each(PAIRS)(
    '%s: the same answer as at once, its progress counting up to the classes it walks',
    async (_, x, y) => {
      const progress: DiffProgress[] = []
      let beats = 0
      const heartbeat = setInterval(() => beats++, 0)
      const sliced = await inSlices(diffSteps(x, y), 1, (p) => p && progress.push(p))
      clearInterval(heartbeat)
      expect(sliced).toEqual(diffDesigns(x, y))
      expect(beats).toBeGreaterThan(0)
      expect(progress.length).toBeGreaterThan(1)
      // the classes walked only grow, towards a total known from the start
      const toWalk = progress[0].toWalk
      expect(progress.every((p, i) => p.toWalk === toWalk && (i === 0 || p.walked >= progress[i - 1].walked))).toBe(
        true,
      )
      expect(progress.at(-1)?.walked).toBeLessThanOrEqual(toWalk)
      // built at once, the comparison finds as many classes changed, and walks that many
      const cmp = new Comparison(compile(x), compile(y))
      expect([...cmp.changed()].length).toBe(sliced.changedClasses)
      expect(cmp.walkedClasses).toBe(toWalk)
    },
  )

  it('on the 2,001-resource bench pair, pauses after every class walked and lets timers run between slices', async () => {
    const big = loadDesign(generateDesign(BIG))
    const edited = uninspected(big, 'rtb-a-7-0', 'igw-7')
    const steps = compareSteps(compile(big), compile(edited))
    // the comparison is built in one step, then every step walks at most one class in each design
    let last: DiffProgress | undefined
    for (let n = 0; n < 2000; n++) {
      const r = steps.next()
      if (r.done) throw new Error('the bench pair compared in 2,000 steps')
      if (!r.value) continue
      if (last) expect(r.value.walked - last.walked).toBeLessThanOrEqual(1)
      last = r.value
    }
    steps.return(undefined as never)
    expect(last?.toWalk).toBeGreaterThan(50_000)

    // in slices of 40 ms: the event loop runs between them (three pauses, then the comparison is left)
    let beats = 0
    const heartbeat = setInterval(() => beats++, 0)
    let pauses = 0
    const left = new Error('left after three pauses')
    await expect(
      inSlices(diffSteps(big, edited), 40, () => {
        if (++pauses === 3) throw left
      }),
    ).rejects.toBe(left)
    clearInterval(heartbeat)
    expect(pauses).toBe(3)
    expect(beats).toBeGreaterThan(0)
  })
})
