// Posts the document to the engine worker on every change, debounced, and keeps what it reports.
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
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design) return
      clearTimeout(timer)
      timer = setTimeout(post, DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [stores])
}
