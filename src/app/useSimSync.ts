// Connects the simulator in the worker to the page: frames go to the sim store (and its packet feed). A design
// edit reloads the loaded scenario, paused, so what plays is always the design on screen. The controls are the
// engine client's (src/store/engine.ts).
import { useEffect } from 'react'
import type { FrameBatch } from '../../worker/playback'
import { onlyPlanChanged } from '../model/edits/plan'
import type { Stores } from '../store/context'

const RELOAD_AFTER_EDIT_MS = 300

export function useSimSync(stores: Stores) {
  useEffect(() => {
    let live = true
    const onFrame = (b: FrameBatch) => {
      if (live && stores.sim.getState().status === 'ready') stores.sim.getState().receive(b, performance.now())
    }
    void stores.engine.subscribe(onFrame)
    // a new worker knows neither the receiver nor the scenario: give it both, paused where it starts
    const stopRestarts = stores.engine.onRestart(() => {
      void stores.engine.subscribe(onFrame)
      const { status, scenario } = stores.sim.getState()
      if (status === 'ready') {
        stores.sim.setState({ playing: false })
        void stores.engine.sim.load(scenario)
      }
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design || stores.sim.getState().status !== 'ready') return
      // the change plan is not simulated: editing it leaves what plays as it was
      if (onlyPlanChanged(prev.design, s.design)) return
      clearTimeout(timer)
      // a design without scenarios (after New, say) has nothing to play: that is no error
      if (!s.design.scenarios.length) {
        stores.engine.sim.unload()
        return
      }
      // the edit may have renamed or removed the scenario that was playing: then the design's first plays
      const playing = stores.sim.getState().scenario
      const kept = s.design.scenarios.some((sc) => sc.name === playing) ? playing : null
      timer = setTimeout(() => void stores.engine.sim.load(kept), RELOAD_AFTER_EDIT_MS)
    })
    return () => {
      live = false
      clearTimeout(timer)
      unsubscribe()
      stopRestarts()
      stores.engine.sim.pause()
    }
  }, [stores])
}
