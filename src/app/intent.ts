// Code the studio fetches at the user's first pointer or key activity: not needed to show the design, but wanted
// at once by what a click or a key press opens (the inspector's forms, the clipboard's edits). Fetched then rather than at start, so the
// initial JavaScript holds what draws the design, and still well before the click that needs it.
import { useEffect } from 'react'

const EVENTS = ['pointermove', 'pointerdown', 'keydown', 'touchstart'] as const

/** Calls load once, at the first pointer or key activity on the window; returns the way to stop waiting. */
export function preloadOnIntent(load: () => unknown): () => void {
  const stop = () => {
    for (const e of EVENTS) window.removeEventListener(e, go, true)
  }
  function go() {
    stop()
    load()
  }
  for (const e of EVENTS) window.addEventListener(e, go, { capture: true, passive: true })
  return stop
}

/** preloadOnIntent for as long as a component is mounted and `enabled`. */
export function usePreloadOnIntent(load: () => unknown, enabled: boolean) {
  useEffect(() => (enabled ? preloadOnIntent(load) : undefined), [load, enabled])
}
