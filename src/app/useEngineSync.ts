// Posts the document to the engine worker on every change, debounced, and keeps what it reports. When the
// worker dies (engineSupervisor.ts), the report it gave is dropped, the user is told, and the design is posted
// to the worker that replaces it.
import { useEffect } from 'react'
import type { Stores } from '../store/context'

const DEBOUNCE_MS = 150

export function useEngineSync(stores: Stores) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let latest = 0
    const post = () => {
      const ticket = ++latest
      stores.engine.load(stores.design.getState().design).then(
        (report) => ticket === latest && stores.report.getState().setReport(report),
        (e: unknown) => stores.report.getState().setFailure(e instanceof Error ? e.message : String(e)),
      )
    }
    post()
    const stopRestarts = stores.engine.onRestart((reason) => {
      stores.report.getState().setFailure(`it stopped (${reason}) and is restarting`)
      stores.ui.getState().notify({
        tone: 'error',
        lines: [
          'The engine stopped, and was restarted.',
          `Why: ${reason}.`,
          'Your design is unchanged: it is being checked again.',
          ...(stores.sim.getState().status === 'ready' ? ['The scenario was loaded again, paused at its start.'] : []),
        ],
      })
      post()
    })
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design) return
      clearTimeout(timer)
      timer = setTimeout(post, DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
      stopRestarts()
    }
  }, [stores])
}
