// One lesson runner per set of stores, wired to the real engine worker, the examples and the simulator.
import { useStore } from 'zustand'
import { loadExample } from '../../app/examples'
import { simControls } from '../../app/useSimSync'
import { engineWorker } from '../../app/workerClient'
import { type LessonRunner, type LessonState, createLessonRunner } from '../../lessons/runner'
import { type Stores, useStores } from '../../store/context'

const runners = new WeakMap<Stores, LessonRunner>()

export function lessonRunnerFor(stores: Stores): LessonRunner {
  let runner = runners.get(stores)
  if (!runner) {
    const sim = simControls(stores)
    runner = createLessonRunner(stores, {
      async loadDesign(name) {
        const r = await loadExample(name)
        return r.ok ? r : { ok: false, message: typeof r.errors === 'string' ? r.errors : (r.errors[0]?.message ?? 'invalid') }
      },
      trace: (design, packet) => engineWorker().trace(design, packet),
      simulate: (scenario) => void sim.load(scenario),
      stopSimulation: () => {
        if (stores.sim.getState().status !== 'idle') sim.unload()
      },
    })
    runners.set(stores, runner)
  }
  return runner
}

export function useLessons<T>(selector: (s: LessonState) => T): T {
  return useStore(lessonRunnerFor(useStores()), selector)
}

/** For the app shell: whether presenter mode hides the chrome, and whether a lesson holds the design. */
export function useLessonChrome(stores: Stores): { presenting: boolean; lessonOpen: boolean } {
  const runner = lessonRunnerFor(stores)
  const presenting = useStore(runner, (s) => s.presenting)
  const lessonOpen = useStore(runner, (s) => s.lesson !== null)
  return { presenting, lessonOpen }
}
