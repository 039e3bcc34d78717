// One lesson runner per set of stores, wired to the stores' engine client: the examples, the tracer, the simulator.
import { useStore } from 'zustand'
import { createLessonRunner, type LessonRunner, type LessonState } from '../../lessons/runner'
import { type Stores, useStores } from '../../store/context'
import { SPEEDS } from '../sim/SimControls'

const runners = new WeakMap<Stores, LessonRunner>()

/**
 * The route lines a step lights come from the hop-by-hop walk's model, which loads with a lesson's first trace
 * rather than with the studio: the runner asks for them only once a trace has answered, and every trace below
 * waits for the model too.
 */
type WalkModel = typeof import('../walk/walkModel')
let walkModel: WalkModel | null = null
const loadWalkModel = () =>
  import('../walk/walkModel').then((m) => {
    walkModel = m
  })

/** About how long the class watches a simulate step play up to its moment. */
const WATCH_MS = 6000

/**
 * The speed, among those the simulator's Speed list offers (so the list shows it), that reaches `untilMs` of
 * simulated time in the wall time nearest WATCH_MS: quick enough not to keep a class waiting, slow enough to follow.
 */
export function speedToReach(untilMs: number): number {
  const off = (x: number) => Math.abs(Math.log(untilMs / x / WATCH_MS))
  return SPEEDS.reduce((best, x) => (off(x) < off(best) ? x : best))
}

export function lessonRunnerFor(stores: Stores): LessonRunner {
  let runner = runners.get(stores)
  if (!runner) {
    const { sim } = stores.engine
    runner = createLessonRunner(stores, {
      async loadDesign(name) {
        const r = await stores.engine.example(name)
        return r.ok
          ? r
          : { ok: false, message: typeof r.errors === 'string' ? r.errors : (r.errors[0]?.message ?? 'invalid') }
      },
      trace: async (design, packet) => (await Promise.all([stores.engine.trace(design, packet), loadWalkModel()]))[0],
      async simulate(scenario) {
        await sim.load(scenario)
        return stores.sim.getState().status === 'ready'
      },
      playUntil(untilMs) {
        sim.speed(speedToReach(untilMs))
        sim.playUntil(untilMs)
      },
      stopSimulation: () => {
        if (stores.sim.getState().status !== 'idle') sim.unload()
      },
      routeLines: (design, trace, ids) => walkModel?.decidingRouteLinesAt(trace, ids, design) ?? [],
    })
    runners.set(stores, runner)
  }
  return runner
}

export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonRunnerFor(useStores()), selector)
}

/**
 * For the app shell: whether presenter mode hides the chrome, whether a lesson holds the design, and whether the
 * tab shown wants a wider side panel (a plan's timeline, a comparison's field changes).
 */
export function useLessonChrome(stores: Stores): { presenting: boolean; lessonOpen: boolean; wideTab: boolean } {
  const runner = lessonRunnerFor(stores)
  const presenting = useStore(runner, (s) => s.presenting)
  const lessonOpen = useStore(runner, (s) => s.lesson !== null)
  const wideTab = useStore(runner, (s) => s.tab === 'plan' || s.tab === 'compare' || s.tab === 'verify')
  return { presenting, lessonOpen, wideTab }
}
