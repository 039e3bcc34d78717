// The toolbar's way into a live session. The Live menu's code loads with the session's (app/live.ts): until then
// this is a button that looks and is named as the menu's own, and starts the load as soon as it is pointed at or
// focused, so that a click finds the menu there; a click before that opens the menu once it has loaded.
//
// A press can straddle the swap: the pointer goes down on this stand-in, the menu loads, and the pointer comes up
// on the menu's own button. The browser fires no click then (down and up landed on two elements), so the press is
// followed to its release here and counted as the click it was.
import { lazy, Suspense, useState } from 'react'
import { useStores } from '../store/context'
import { loadLiveSession, useLoadedLiveSession } from './live'

const LiveMenu = lazy(() => import('../live/LiveMenu').then((m) => ({ default: m.LiveMenu })))

const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50'

/** Calls `onClick` when a press that began on `from` is released on the Live button that replaced it. */
function followPress(from: HTMLElement, onClick: () => void) {
  window.addEventListener(
    'pointerup',
    (up) => {
      if (from.isConnected) return // no swap: the browser's own click follows
      const on = up.target instanceof Element ? up.target.closest('[data-testid="live-menu"]') : null
      if (on) onClick()
    },
    { once: true, capture: true },
  )
}

export function LiveEntry() {
  const stores = useStores()
  const live = useLoadedLiveSession(stores)
  // how many times the menu was asked for before it could answer: each ask opens it
  const [asked, setAsked] = useState(0)
  const load = () => void loadLiveSession(stores)
  const ask = () => {
    setAsked((n) => n + 1)
    load()
  }
  const standIn = (
    <button
      type="button"
      className={button}
      data-testid="live-menu"
      onPointerEnter={load}
      onFocus={load}
      onPointerDown={(down) => followPress(down.currentTarget, ask)}
      onClick={ask}
    >
      Live…
    </button>
  )
  if (!live) return standIn
  return (
    <Suspense fallback={standIn}>
      <LiveMenu opened={asked} />
    </Suspense>
  )
}
