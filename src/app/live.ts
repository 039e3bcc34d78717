// Gives the studio its live session (src/live), wired to the lesson runner the panels use, and joins the session
// a link names (#follow=<class code> or #edit=<editor key>, with &relay=<url>) once the studio is up, or when such
// a link is pasted into the open tab (linkChange.ts).
// The session's code (Yjs and the Hocuspocus client come later still, when a session starts: src/live/session.ts)
// loads when it is first wanted, not with the studio: at once for a link that may name a session, otherwise when
// the toolbar's Live button is pointed at, focused or clicked (LiveEntry.tsx). Until then there is no session, which
// the Live menu and the overlay read as "not in one".
import { useEffect } from 'react'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { provideLiveSession } from '../live/context'
import type { LiveSession } from '../live/session'
import { lessonRunnerFor } from '../panels/lessons/useLessons'
import { linkKind } from '../share/linkKinds'
import type { Stores } from '../store/context'
import { refusesInPlace } from '../store/inPlace'

function localStore(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

type Loaded = StoreApi<{ session: LiveSession | null }>
const loaded = new WeakMap<Stores, { state: Loaded; loading: Promise<LiveSession> | null }>()

function entryOf(stores: Stores) {
  let entry = loaded.get(stores)
  if (!entry) {
    entry = { state: createStore(() => ({ session: null })), loading: null }
    loaded.set(stores, entry)
  }
  return entry
}

/** The studio's live session, made (and its code loaded) on the first call; the same one after. */
export function loadLiveSession(stores: Stores): Promise<LiveSession> {
  const entry = entryOf(stores)
  entry.loading ??= Promise.all([
    import('../live/session'),
    // the menu and the overlay, which the session shows at once
    import('../live/LiveMenu'),
    import('../live/LiveLayer'),
  ]).then(([{ createLiveSession, defaultRelayUrl, preloadLiveClient }]) => {
    // Yjs and the Hocuspocus client: wanted by the session the menu is about to start or join
    void preloadLiveClient()
    const session = createLiveSession(
      stores,
      { lessons: lessonRunnerFor(stores), location: window.location, remember: localStore() },
      defaultRelayUrl(window.location, import.meta.env.VITE_RELAY_URL),
    )
    provideLiveSession(stores, session)
    entry.state.setState({ session })
    return session
  })
  return entry.loading
}

/** The live session once its code has loaded (null before, and in an embed, which never loads it). */
export function useLoadedLiveSession(stores: Stores): LiveSession | null {
  return useStore(entryOf(stores).state, (s) => s.session)
}

/** Whether this tab is in a live session now (joining, in, or reconnecting): nothing else opens over its design. */
export function inLiveSession(stores: Stores): boolean {
  const status = entryOf(stores).state.getState().session?.store.getState().status ?? 'off'
  return status !== 'off' && status !== 'refused'
}

/**
 * Joins the session a link names (#follow=<class code> or #edit=<editor key>, &relay=<url>) as the Live menu's Join
 * does: a follower's design is held aside and given back on leaving, an editor's is kept in its stored record
 * first (keepForReplace). At start and when the link is pasted into an open tab (linkChange.ts); refused, saying
 * why and changing nothing, while a lesson holds the design or for a link that names no session.
 * `wanted`: false once the studio that asked has gone.
 */
export async function joinSessionLink(stores: Stores, hash: string, wanted = () => true): Promise<void> {
  if (refusesInPlace(stores, 'The live session')) return
  const [live, { readSessionLink }] = await Promise.all([loadLiveSession(stores), import('../live/session')])
  const link = readSessionLink(hash)
  if (!wanted()) return
  if (!link) {
    stores.ui.getState().notify({
      tone: 'error',
      lines: [
        'The live session link does not open: it holds no session code (a class code has 16 letters and digits).',
        'Your current design is unchanged.',
      ],
    })
    return
  }
  const { name, relayUrl } = live.store.getState()
  await live.join({ token: link.token, name, relayUrl: link.relayUrl ?? relayUrl })
}

export function useAppLiveSession(stores: Stores, embed: boolean) {
  useEffect(() => {
    if (embed) return
    let mounted = true
    // a shared design's or an activity's link names no session: only a session's link loads the session's code
    if (linkKind(window.location.hash) === 'session') void joinSessionLink(stores, window.location.hash, () => mounted)
    return () => {
      mounted = false
      void entryOf(stores).state.getState().session?.leave()
    }
  }, [stores, embed])
}
