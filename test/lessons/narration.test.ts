// The route lines a lesson's narration lights: on every step of every lesson, those of the route entries that
// decided at the hops of the lesson's packet through the resources the step lights, toward one of them, and no other. A line joining
// two lit resources whose entry decided nothing there (the reply's route, the other zone's) stays dark, as the
// walk's lines do (test/panels/walk/walkModel.test.ts).
import { describe, expect, it, vi } from 'vitest'
import { edgeLit } from '../../src/canvas/edges/edgeLit'
import { LESSONS, narratedPacket } from '../../src/lessons'
import { createLessonRunner, type LessonDeps } from '../../src/lessons/runner'
import type { Design } from '../../src/model'
import { decidingRouteLinesAt } from '../../src/panels/walk/walkModel'
import { toDrawing } from '../../src/share/drawing/toDrawing'
import { createStores } from '../../src/store/context'
import type { Highlight } from '../../src/store/uiStore'
import type { RoundTrip, Trace } from '../../worker/engine/types'
import { traceOn } from '../../worker/traceReport'
import { loadExample } from '../helpers'

/** The route lines lit on the drawn canvas. */
function litRouteLines(design: Design, h: Highlight | null) {
  return toDrawing(design).edges.filter((e) => e.data.kind === 'route' && edgeLit(h, { ...e, kind: e.data.kind }))
}

/** The custom route entries that decided at the hops through `ids` toward one of them, each with where it was looked up. */
function decidedAt(t: Trace, ids: readonly string[]) {
  return t.hops.flatMap((hop) =>
    hop.resourceId !== null && ids.includes(hop.resourceId)
      ? hop.steps.flatMap((s) =>
          s.rule?.type === 'route' && !s.rule.system && !s.rule.systemTable && ids.includes(s.rule.nextHopId)
            ? [{ at: hop.resourceId, rule: s.rule }]
            : [],
        )
      : [],
  )
}

interface Lit {
  name: string
  design: Design
  highlight: Highlight | null
  trace: Trace | null
}

/** Every step of every lesson through the runner, the engine in-process: what it lit once its packet was traced. */
async function narrationOfEveryStep(): Promise<Lit[]> {
  const stores = createStores(loadExample('two-zones'))
  let traced: Promise<unknown> = Promise.resolve()
  const deps: LessonDeps = {
    loadDesign: async (name) => ({ ok: true, design: loadExample(name) }),
    trace: (design, packet) => {
      const answer = Promise.resolve(traceOn(design, packet))
      traced = answer
      return answer as Promise<{ ok: true; roundTrip: RoundTrip }>
    },
    simulate: vi.fn(async () => true),
    playUntil: vi.fn(),
    stopSimulation: vi.fn(),
    routeLines: (design, trace, ids) => decidingRouteLinesAt(trace, ids, design),
  }
  const runner = createLessonRunner(stores, deps)
  const out: Lit[] = []
  for (const lesson of LESSONS) {
    await runner.getState().open(lesson.id)
    for (let i = 0; i < lesson.steps.length; i++) {
      traced = Promise.resolve()
      runner.getState().go(i)
      // the runner's own callback on the trace runs before this await goes on
      await traced
      const design = stores.design.getState().design
      const narrated = narratedPacket(lesson, i)
      const rt = narrated ? traceOn(design, narrated.packet) : null
      const trace = rt?.ok ? (narrated?.leg === 'reply' ? rt.roundTrip.reply : rt.roundTrip.request) : null
      out.push({
        name: `lesson ${lesson.number} step ${i + 1}`,
        design,
        highlight: stores.ui.getState().highlight,
        trace,
      })
    }
    runner.getState().close()
  }
  return out
}

describe('the route lines a lesson’s narration lights', async () => {
  const steps = await narrationOfEveryStep()

  it('covers every lesson, with steps whose entries decided', () => {
    expect(steps.length).toBe(LESSONS.reduce((n, l) => n + l.steps.length, 0))
    expect(steps.filter((s) => litRouteLines(s.design, s.highlight).length > 0).length).toBeGreaterThanOrEqual(8)
  })

  for (const { name, design, highlight, trace } of steps)
    it(`${name}: the lit route lines are the lines of the entries that decided at its resources`, () => {
      const lit = litRouteLines(design, highlight)
      if (!highlight || !trace) {
        // a quiz's question lights nothing; a lesson without a traced packet lights no route
        expect(lit).toEqual([])
        return
      }
      const byId = new Map(design.resources.map((r) => [r.id, r]))
      // a black-hole entry's next hop no longer exists: it draws no line, and nothing is lit for it
      const rules = decidedAt(trace, highlight.ids).filter((d) => byId.has(d.rule.nextHopId))
      expect(lit.length).toBe(new Set(rules.map((d) => `${d.at}:${d.rule.destinationCidrBlock}`)).size)
      for (const { at, rule } of rules) {
        const r = byId.get(at ?? '')
        const owner = r?.kind === 'ipv4Gateway' ? r.id : r && 'vswitchId' in r ? r.vswitchId : undefined
        const line = lit.find((e) => e.source === owner && e.data.label === rule.destinationCidrBlock)
        expect(line, `${rule.routeTableId} ${rule.destinationCidrBlock}`).toBeTruthy()
        expect(line?.target).toBe(rule.nextHopId)
        expect(line?.data.routeTableId).toBe(rule.routeTableId)
      }
    })

  const ids = (name: string) => {
    const s = steps.find((x) => x.name === name)
    if (!s) throw new Error(`no ${name}`)
    return litRouteLines(s.design, s.highlight).map((e) => e.id)
  }

  it('lesson 1, inbound: the gateway’s route to the GWLBe, never the GWLBe vSwitch’s route out to the gateway', () => {
    expect(ids('lesson 1 step 2')).toEqual(['route:igw-service:10.0.1.0/24'])
    // the GWLBe delivers to the server by the system route: the server vSwitch's 0.0.0.0/0 (the way out) stays dark
    expect(ids('lesson 1 step 5')).toEqual([])
  })

  it('lesson 2, outbound: the server vSwitch’s 0.0.0.0/0, then the GWLBe vSwitch’s, never the gateway’s route back', () => {
    expect(ids('lesson 2 step 1')).toEqual(['route:vsw-app-h:0.0.0.0/0'])
    expect(ids('lesson 2 step 4')).toEqual(['route:vsw-gwlbe-h:0.0.0.0/0'])
  })
})
