// For `npm run bench` only: with ?bench in the URL the page hands its packet feed and sim store to the
// benchmark script, which fills the overlay with thousands of packets to measure frame rate. Without
// the flag nothing is exposed.
import { useEffect } from 'react'
import type { Stores } from '../store/context'

declare global {
  interface Window {
    gwlbStudioBench?: { feed: Stores['sim']['feed']; sim: Stores['sim'] }
  }
}

export function useBenchHook(stores: Stores) {
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('bench')) return
    window.gwlbStudioBench = { feed: stores.sim.feed, sim: stores.sim }
    return () => {
      window.gwlbStudioBench = undefined
    }
  }, [stores])
}
