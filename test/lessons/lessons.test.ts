// Every lesson file validates, names only resources of its design, and the packets it traces end as its
// narration says: the engine runs here in Node on each step's design.
import { describe, expect, it } from 'vitest'
import { LESSON_FILES, LESSONS, type Lesson, loadLessons, stepDesigns, stepFocus } from '../../src/lessons'
import { type Design, parse } from '../../src/model'
import { compile, createRuntimeState, trace, traceRoundTrip, zoneIndexOf } from '../../worker/engine'
import { createManualClock, createSim } from '../../worker/sim'
import { loadExample } from '../helpers'

// route tables and security groups have no card on the canvas: highlighting them would light nothing
const DRAWN = new Set([
  'vpc',
  'vswitch',
  'ipv4Gateway',
  'gwlbEndpoint',
  'endpointService',
  'gwlb',
  'appliance',
  'ecs',
  'internetHost',
  'routeTargetGroup',
])

function designsOf(lesson: Lesson): Design[] {
  const r = stepDesigns(loadExample(lesson.design), lesson)
  if (!r.ok) throw new Error(`${lesson.id} step ${r.step + 1}: ${r.message}`)
  return r.designs
}

describe('lesson files', () => {
  it('all seven validate against the schema, numbered 1 to 7', () => {
    const loads = loadLessons()
    expect(loads.filter((l) => !l.ok)).toEqual([])
    expect(Object.keys(LESSON_FILES)).toHaveLength(7)
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(7)
  })

  it('a broken file is reported with the field at fault, not thrown', () => {
    const [r] = loadLessons({
      'x.json': { id: 'x', number: 1, title: 't', summary: 's', design: 'three-zones', steps: [] },
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^design/)
  })

  it('lesson 1 is the seed’s five inbound steps, then the whole path', () => {
    const l = LESSONS[0]
    expect(l.steps.slice(0, 5).map((s) => s.title.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.'])
    expect(l.steps.slice(0, 5).map(stepFocus)).toEqual([
      'igw-service',
      'gwlbe-h',
      'fw-2',
      'gwlb-inspection',
      'ecs-web-1',
    ])
  })
})

for (const lesson of LESSONS) {
  describe(`lesson ${lesson.number}: ${lesson.title}`, () => {
    it('applies its edits, and every step’s design still loads', () => {
      for (const d of designsOf(lesson)) {
        const r = parse(d)
        expect(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; ')).toBe(true)
      }
    })

    it('names only resources that exist in its design and are drawn on the canvas', () => {
      designsOf(lesson).forEach((d, i) => {
        const step = lesson.steps[i]
        const kinds = new Map(d.resources.map((r) => [r.id, r.kind]))
        for (const id of step.highlight) expect(DRAWN.has(kinds.get(id) ?? ''), `step ${i + 1}: ${id}`).toBe(true)
        if (step.focus)
          expect(step.highlight, `step ${i + 1}: focus ${step.focus} is highlighted`).toContain(step.focus)
        const a = step.action
        if (a?.kind === 'trace' || a?.kind === 'quiz') {
          expect(kinds.has(a.packet.source), `step ${i + 1}: source ${a.packet.source}`).toBe(true)
          for (const id of [a.expect.at, a.expect.appliance, ...(a.kind === 'quiz' ? a.accept : [])])
            if (id) expect(kinds.has(id), `step ${i + 1}: ${id}`).toBe(true)
        }
        if (a?.kind === 'simulate') {
          const scenario = d.scenarios.find((s) => s.name === a.scenario)
          expect(scenario, `step ${i + 1}: scenario ${a.scenario}`).toBeTruthy()
          for (const f of scenario?.flows ?? []) expect(kinds.has(f.sourceId)).toBe(true)
        }
      })
    })

    it('each traced packet ends as the narration claims', () => {
      designsOf(lesson).forEach((d, i) => {
        const a = lesson.steps[i].action
        if (a?.kind !== 'trace' && a?.kind !== 'quiz') return
        const net = compile(d)
        const rt = traceRoundTrip(net, a.packet, createRuntimeState(net))
        const t = a.leg === 'reply' ? rt.reply : rt.request
        expect(t, `step ${i + 1}: no ${a.leg}`).toBeTruthy()
        if (!t) return
        expect(t.disposition, `step ${i + 1}: ${t.text}`).toBe(a.expect.disposition)
        if (a.expect.at) expect(t.hops.at(-1)?.resourceId, `step ${i + 1}`).toBe(a.expect.at)
        if (a.expect.appliance) expect(t.applianceId, `step ${i + 1}`).toBe(a.expect.appliance)
      })
    })
  })
}

describe('claims the narration makes beyond single traces', () => {
  it('lesson 3: with the misroute, zone H down takes zone I’s web server with it; zone-aware routes keep it', () => {
    const lesson = LESSONS[2]
    const misrouted = designsOf(lesson)[2]
    const spec = {
      source: 'internet-client',
      destination: '47.98.10.12',
      protocol: 'tcp' as const,
      destinationPort: 443,
    }
    const down = (d: Design) => {
      const net = compile(d)
      const state = createRuntimeState(net)
      state.zoneDown[zoneIndexOf(net, 'cn-hangzhou-h')] = 1
      return trace(net, spec, state)
    }
    expect(down(misrouted).disposition).toBe('ZONE_DOWN')
    expect(down(loadExample('two-zones')).disposition).toBe('DELIVERED')
  })

  it('lesson 3: the per-zone GWLB sends the request to a zone-H firewall and the reply to a zone-I one', () => {
    const d = designsOf(LESSONS[2])[3]
    const net = compile(d)
    const rt = traceRoundTrip(
      net,
      { source: 'internet-client', destination: '47.98.10.12', protocol: 'tcp', destinationPort: 443 },
      createRuntimeState(net),
    )
    expect(rt.request.applianceId).toMatch(/^fw-h/)
    expect(rt.reply?.applianceId).toMatch(/^fw-i/)
  })

  it('lesson 5: 1432 bytes plus Geneve is exactly 1500, and one byte more is dropped', () => {
    const d = designsOf(LESSONS[4])[1]
    const net = compile(d)
    const at = (size: number) =>
      trace(net, { source: 'internet-client', destination: '47.98.10.11', protocol: 'tcp', destinationPort: 443, size })
        .disposition
    expect(at(1432)).toBe('DELIVERED')
    expect(at(1433)).toBe('MTU_EXCEEDED')
  })

  it('lesson 6: after the right order no route names a deleted resource', () => {
    const designs = designsOf(LESSONS[5])
    const last = designs[3]
    const ids = new Set(last.resources.map((r) => r.id))
    for (const r of last.resources)
      if (r.kind === 'routeTable') for (const e of r.entries) expect(ids.has(e.nextHopId)).toBe(true)
    expect(ids.has('gwlbe-h') || ids.has('epsrv-inspection')).toBe(false)
  })

  it('lesson 7: the first packet enters through GWLBe H; with GWLBe H unable to answer, through GWLBe I', () => {
    const designs = designsOf(LESSONS[6])
    const via = (d: Design) => {
      const net = compile(d)
      const t = trace(
        net,
        { source: 'internet-client', destination: '47.98.10.12', protocol: 'tcp', destinationPort: 443 },
        createRuntimeState(net),
      )
      const step = t.hops.flatMap((h) => h.steps).find((s) => s.action === 'routeTarget')
      return { endpoints: t.hops.filter((h) => h.kind === 'gwlbEndpoint').map((h) => h.resourceId), text: step?.text }
    }
    expect(via(designs[0]).endpoints).toEqual(['gwlbe-h', 'gwlbe-h'])
    const standby = via(designs[2])
    expect(standby.endpoints).toEqual(['gwlbe-i', 'gwlbe-i'])
    expect(standby.text).toMatch(/standby member gwlbe-i .*the group failed over/)
  })

  it('lesson 7: the run fails over within 30 s of the zone failing, does not fail back, and switches back on request', () => {
    const lesson = LESSONS[6]
    const d = designsOf(lesson)[1]
    const scenario = d.scenarios.find((s) => s.name === 'zone-failure-with-route-target-group')
    if (!scenario) throw new Error('no scenario')
    // the lesson's own scenario, at a few connections a second: the same faults and probes, less to forward
    const light = { ...scenario, flows: scenario.flows.map((f) => ({ ...f, newConnectionsPerSecond: 2 })) }
    const sim = createSim({ design: d, scenario: light, clock: createManualClock() })
    sim.run(60_000)
    const failover = sim.log().find((e) => e.kind === 'route-target-failover')
    expect((failover?.tMs ?? Number.POSITIVE_INFINITY) - 30_000).toBeLessThanOrEqual(30_000)
    sim.run(150_000)
    expect(sim.log().some((e) => e.kind === 'route-target-healthy' && e.resourceId === 'gwlbe-h')).toBe(true)
    expect(sim.routeTargets()[0]?.carryingMemberId).toBe('gwlbe-i')
    expect(sim.switchActiveRouteTarget('rtg-inspection').ok).toBe(true)
    expect(sim.routeTargets()[0]?.carryingMemberId).toBe('gwlbe-h')
  })
})
