// The route lines a packet walk lights: at every hop of every lesson's traces, request and reply, the lit route
// lines are exactly those of the route entries that decided so far, each drawn from the table's owner to the
// entry's next hop, so the canvas teaches the rule the hop text names.
import { describe, expect, it } from 'vitest'
import { edgeLit } from '../../../src/canvas/edges/edgeLit'
import { LESSONS, stepDesigns } from '../../../src/lessons'
import type { Design } from '../../../src/model'
import { hopHighlight, inspectionOf } from '../../../src/panels/walk/walkModel'
import { toDrawing } from '../../../src/share/drawing/toDrawing'
import { compile, createRuntimeState, traceRoundTrip } from '../../../worker/engine'
import type { Trace } from '../../../worker/engine/types'
import { loadExample } from '../../helpers'

/** The route lines lit on the drawn canvas at hop `index`. */
function litRouteLines(design: Design, t: Trace, index: number) {
  const h = hopHighlight(t, index, design)
  return toDrawing(design).edges.filter((e) => e.data.kind === 'route' && edgeLit(h, { ...e, kind: e.data.kind }))
}

/** The custom route entries that decided at hops 0..index, with the resource each was looked up at. */
function decided(t: Trace, index: number) {
  return t.hops
    .slice(0, index + 1)
    .flatMap((hop) =>
      hop.steps.flatMap((s) =>
        s.rule?.type === 'route' && !s.rule.system && !s.rule.systemTable ? [{ at: hop.resourceId, rule: s.rule }] : [],
      ),
    )
}

const traced: { name: string; design: Design; trace: Trace }[] = []
for (const lesson of LESSONS) {
  const r = stepDesigns(loadExample(lesson.design), lesson)
  if (!r.ok) throw new Error(r.message)
  r.designs.forEach((design, i) => {
    const a = lesson.steps[i].action
    if (a?.kind !== 'trace' && a?.kind !== 'quiz') return
    const net = compile(design)
    const rt = traceRoundTrip(net, a.packet, createRuntimeState(net))
    traced.push({ name: `lesson ${lesson.number} step ${i + 1} request`, design, trace: rt.request })
    if (rt.reply) traced.push({ name: `lesson ${lesson.number} step ${i + 1} reply`, design, trace: rt.reply })
  })
}

describe('the route lines a walk lights', () => {
  it('covers the lessons’ traces, request and reply, with route entries that decided', () => {
    expect(traced.length).toBeGreaterThan(20)
    expect(traced.filter((t) => t.trace.hops.some((_, i) => decided(t.trace, i).length > 0)).length).toBeGreaterThan(10)
  })

  for (const { name, design, trace } of traced)
    it(`${name}: at each hop, the lit route lines are the lines of the entries that decided`, () => {
      const byId = new Map(design.resources.map((r) => [r.id, r]))
      trace.hops.forEach((hop, i) => {
        const lit = litRouteLines(design, trace, i)
        // a black-hole entry's next hop no longer exists: it draws no line, and nothing is lit for it
        const rules = decided(trace, i).filter((d) => byId.has(d.rule.nextHopId))
        expect(lit.length, `hop ${i + 1} at ${hop.resourceId}`).toBe(
          new Set(rules.map((d) => `${d.at}:${d.rule.destinationCidrBlock}`)).size,
        )
        for (const { at, rule } of rules) {
          // the line starts at the table's owner: the gateway, or the vSwitch of the instance or endpoint
          const r = byId.get(at ?? '')
          const owner = r?.kind === 'ipv4Gateway' ? r.id : r && 'vswitchId' in r ? r.vswitchId : undefined
          const line = lit.find((e) => e.source === owner && e.data.label === rule.destinationCidrBlock)
          expect(line, `hop ${i + 1}: ${rule.routeTableId} ${rule.destinationCidrBlock}`).toBeTruthy()
          expect(line?.target).toBe(rule.nextHopId)
          expect(line?.data.routeTableId).toBe(rule.routeTableId)
        }
      })
    })

  it('the outbound reply of lesson 1: the server vSwitch’s 0.0.0.0/0, then the GWLBe vSwitch’s 0.0.0.0/0, never the gateway’s route back', () => {
    const t = traced.find((x) => x.name === 'lesson 1 step 6 reply')
    if (!t) throw new Error('lesson 1 has no traced reply')
    const ids = (i: number) => litRouteLines(t.design, t.trace, i).map((e) => e.id)
    expect(ids(0)).toEqual(['route:vsw-app-h:0.0.0.0/0'])
    const back = t.trace.hops.findIndex((h) => h.kind === 'ipv4Gateway')
    expect(ids(back).sort()).toEqual(['route:vsw-app-h:0.0.0.0/0', 'route:vsw-gwlbe-h:0.0.0.0/0'])
    expect(ids(t.trace.hops.length - 1)).not.toContain('route:igw-service:10.0.1.0/24')
  })
})

describe('which appliances inspected the packet', () => {
  const spec = { source: 'internet-client', destination: '47.98.10.11', protocol: 'tcp' as const, destinationPort: 443 }

  it('names the appliance whose policy decided', () => {
    const net = compile(loadExample('two-zones'))
    const t = traceRoundTrip(net, spec, createRuntimeState(net)).request
    expect(t.disposition).toBe('DELIVERED')
    expect(inspectionOf(t)).toEqual({ inspected: [t.applianceId], notInspected: [] })
  })

  it('does not say "inspected" of an appliance whose security group dropped the packet before it inspected it', () => {
    const design = loadExample('two-zones')
    // the appliances' group no longer admits Geneve: the GWLB still sends, the group drops on the way in
    const noGeneve: Design = {
      ...design,
      resources: design.resources.map((r) =>
        r.kind === 'securityGroup' && r.id === 'sg-appliance'
          ? { ...r, rules: r.rules.filter((x) => x.ipProtocol !== 'udp') }
          : r,
      ),
    }
    const net = compile(noGeneve)
    const t = traceRoundTrip(net, spec, createRuntimeState(net)).request
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(t.applianceIds.length).toBe(1)
    expect(inspectionOf(t)).toEqual({ inspected: [], notInspected: t.applianceIds })
  })
})
