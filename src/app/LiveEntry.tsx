// The toolbar's way into a live session. The Live menu's code loads with the session's (app/live.ts): until then
// this is a button that looks and is named as the menu's own, and starts the load as soon as it is pointed at or
// focused, so that a click finds the menu there; a click before that opens the menu once it has loaded.
import { lazy, Suspense, useState } from 'react'
import { useStores } from '../store/context'
import { loadLiveSession, useLoadedLiveSession } from './live'

const LiveMenu = lazy(() => import('../live/LiveMenu').then((m) => ({ default: m.LiveMenu })))

const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50'

export function LiveEntry() {
  const stores = useStores()
  const live = useLoadedLiveSession(stores)
  const [clicked, setClicked] = useState(false)
  const load = () => void loadLiveSession(stores)
  const standIn = (
    <button
      type="button"
      className={button}
      data-testid="live-menu"
      onPointerEnter={load}
      onFocus={load}
      onClick={() => {
        setClicked(true)
        load()
      }}
    >
      Live…
    </button>
  )
  if (!live) return standIn
  return (
    <Suspense fallback={standIn}>
      <LiveMenu startOpen={clicked} />
    </Suspense>
  )
}
