// The worker's answers to the Verify, Compare and Plan tabs: plain data, bad input answered with what is wrong.
import { describe, expect, it } from 'vitest'
import { cancelDiff, diffOn, planOn, planParseOn, replayOn, verifyOn } from '../../worker/proof'
import { traceOn } from '../../worker/traceReport'
import { diffDesigns } from '../../worker/verify'
import { generateDesign } from '../fixtures/engine/generate'
import { loadDesign } from '../helpers'
import { design, res } from './engine/helpers'

/** A design whose comparisons take several slices of 40 ms (300–1,000 ms of CPU each, warm or not). */
const GENERATED = {
  consumerVpcs: 4,
  zones: 2,
  serversPerZone: 2,
  appliancesPerZone: 3,
  hosts: 3,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
} as const

describe('the worker surface of verification', () => {
  it('verify: a malformed intents file is answered with the file error, a broken design with its load error', async () => {
    expect(await verifyOn(design(2), '{"format": "gwlb-studio/intents"')).toMatchObject({
      ok: false,
      intentErrors: [{ intentId: '', message: expect.stringMatching(/^not JSON/) }],
    })
    expect(await verifyOn({ format: 'something else' }, null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The design does not load/),
    })
  })

  it("replay: a counterexample's picks replay the very appliance verification found", async () => {
    // server 1's answers from the internet go out through the other zone's GWLBe: asymmetric
    const broken = design(2, (d) => {
      res(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-i'
    })
    const v = await verifyOn(broken, null)
    if (!v.ok) throw new Error('verify failed')
    const r = v.results.find((x) => x.status === 'violated')
    if (r?.status !== 'violated') throw new Error('no violated intent')
    const { packet, picks, appliance } = r.counterexample
    const played = replayOn(broken, packet, picks)
    if (!played.ok) throw new Error(played.message)
    const inspected = played.roundTrip.request.hops.filter((h) => h.kind === 'appliance').map((h) => h.resourceId)
    expect(inspected.at(-1) ?? null).toBe(appliance)
  })

  it('diff: names the side that does not load; paths of the changed flows for the canvas', async () => {
    expect(await diffOn({}, design(2))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The design compared with/),
    })
    const after = design(2, (d) => {
      res(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-i'
    })
    const d = await diffOn(design(2), after)
    if (!d.ok) throw new Error(d.message)
    expect(d.paths.length).toBe(Math.min(d.flows.length, 200))
    expect(d.paths[0].after).toContain('gwlbe-i')
  })

  it('diff: a newer comparison supersedes a running one, a cancel ends it, a trace is answered meanwhile', async () => {
    const g = loadDesign(generateDesign(GENERATED))
    const setApart = structuredClone(g)
    res(setApart, 'rtb-a-1-0', 'routeTable').entries[0].nextHopId = 'gwlbe-0-0'
    const alike = structuredClone(g)
    for (const r of alike.resources)
      if (r.kind === 'securityGroup' && r.id !== 'sg-fw') r.rules[0].portRange = '8443/8443'

    const order: string[] = []
    const first = diffOn(g, setApart).then((r) => {
      order.push('first')
      return r
    })
    // asked while the first runs: answered between its slices, before it ends
    setTimeout(() => {
      if (traceOn(g, { source: 'ecs-0-0-0', destination: '203.0.113.80', protocol: 'tcp' }).ok) order.push('trace')
    }, 0)
    await new Promise((next) => setTimeout(next, 0))
    const second = diffOn(g, alike)
    expect(await first).toEqual({ ok: false, stopped: 'superseded', message: 'A newer comparison replaced this one.' })
    const answer = await second
    expect(order).toEqual(['trace', 'first'])
    if (!answer.ok) throw new Error(answer.message)
    expect(answer).toMatchObject(diffDesigns(g, alike))
    expect(answer.changedClasses).toBeGreaterThan(0)

    const cancelled = diffOn(g, setApart)
    cancelDiff()
    expect(await cancelled).toEqual({ ok: false, stopped: 'cancelled', message: 'The comparison was cancelled.' })
    // a cancel ends that comparison only: the next one runs to its end
    expect(await diffOn(g, setApart)).toMatchObject({ ok: true })
  })

  it('plan: a malformed plan is answered with the step and field, before anything runs', () => {
    const bad = { format: 'gwlb-studio/plan', version: 1, steps: [{ api: 'DeleteVpc', parameters: { VpcId: 7 } }, {}] }
    const r = planOn(design(2), { plan: bad, from: 'design' })
    expect(r).toMatchObject({ ok: false, planErrors: expect.arrayContaining([expect.stringMatching(/^step 2: /)]) })
    expect(planParseOn(bad)).toMatchObject({ ok: false })
    expect(planParseOn({ format: 'gwlb-studio/plan', version: 1, steps: [] })).toEqual({ ok: true })
  })
})
