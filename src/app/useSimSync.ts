// Connects the simulator in the worker to the page: frames go to the sim store (and its packet feed);
// the controls call the worker. A design edit reloads the loaded scenario, paused, so what plays is
// always the design on screen.
import { proxy } from 'comlink'
import { useEffect } from 'react'
import type { FrameBatch } from '../../worker/playback'
import type { Stores } from '../store/context'
import { engineWorker } from './workerClient'

export interface SimControls {
  load(scenario: string | null): Promise<void>
  play(): void
  /** plays and pauses by itself exactly at simulated `untilMs` (a lesson step's moment) */
  playUntil(untilMs: number): void
  pause(): void
  step(): void
  reset(): void
  speed(x: number): void
  seek(ms: number): void
  unload(): void
}

export function simControls(stores: Stores): SimControls {
  const worker = () => engineWorker()
  return {
    async load(scenario) {
      const r = await worker().simLoad(stores.design.getState().design, scenario)
      if (r.ok) stores.sim.getState().loaded(r.scenario, r.scenarios)
      else stores.sim.getState().failed(r.message)
    },
    // the button answers at once; the worker's next frame confirms
    play: () => {
      stores.sim.setState({ playing: true })
      void worker().simPlay()
    },
    playUntil: (untilMs) => {
      stores.sim.setState({ playing: true, untilMs })
      void worker().simPlay(untilMs)
    },
    pause: () => {
      stores.sim.setState({ playing: false })
      void worker().simPause()
    },
    step: () => void worker().simStep(),
    reset: () => void worker().simReset(),
    speed: (x) => void worker().simSpeed(x),
    seek: (ms) => void worker().simSeek(ms),
    unload() {
      void worker().simPause()
      stores.sim.getState().unload()
    },
  }
}

const RELOAD_AFTER_EDIT_MS = 300

export function useSimSync(stores: Stores) {
  useEffect(() => {
    let live = true
    const onFrame = (b: FrameBatch) => {
      if (live && stores.sim.getState().status === 'ready') stores.sim.getState().receive(b, performance.now())
    }
    void engineWorker().simSubscribe(proxy(onFrame))
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design || stores.sim.getState().status !== 'ready') return
      clearTimeout(timer)
      // a design without scenarios (after New, say) has nothing to play: that is no error
      if (!s.design.scenarios.length) {
        simControls(stores).unload()
        return
      }
      // the edit may have renamed or removed the scenario that was playing: then the design's first plays
      const playing = stores.sim.getState().scenario
      const kept = s.design.scenarios.some((sc) => sc.name === playing) ? playing : null
      timer = setTimeout(() => void simControls(stores).load(kept), RELOAD_AFTER_EDIT_MS)
    })
    return () => {
      live = false
      clearTimeout(timer)
      unsubscribe()
      void engineWorker().simPause()
    }
  }, [stores])
}
