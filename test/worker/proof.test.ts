// The worker's answers to the Verify, Compare and Plan tabs: plain data, bad input answered with what is wrong.
import { describe, expect, it } from 'vitest'
import { diffOn, planOn, planParseOn, replayOn, verifyOn } from '../../worker/proof'
import { design, res } from './engine/helpers'

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

  it('diff: names the side that does not load; paths of the changed flows for the canvas', () => {
    expect(diffOn({}, design(2))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The design compared with/),
    })
    const after = design(2, (d) => {
      res(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-i'
    })
    const d = diffOn(design(2), after)
    if (!d.ok) throw new Error(d.message)
    expect(d.paths.length).toBe(Math.min(d.flows.length, 200))
    expect(d.paths[0].after).toContain('gwlbe-i')
  })

  it('plan: a malformed plan is answered with the step and field, before anything runs', () => {
    const bad = { format: 'gwlb-studio/plan', version: 1, steps: [{ api: 'DeleteVpc', parameters: { VpcId: 7 } }, {}] }
    const r = planOn(design(2), { plan: bad, from: 'design' })
    expect(r).toMatchObject({ ok: false, planErrors: expect.arrayContaining([expect.stringMatching(/^step 2: /)]) })
    expect(planParseOn(bad)).toMatchObject({ ok: false })
    expect(planParseOn({ format: 'gwlb-studio/plan', version: 1, steps: [] })).toEqual({ ok: true })
  })
})
