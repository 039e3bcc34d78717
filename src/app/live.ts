// Gives the studio its live session (src/live), wired to the lesson runner the panels use, and joins the session
// a link names (#follow=<class code> or #edit=<editor key>, with &relay=<url>) once the studio is up.
import { useEffect, useMemo } from 'react'
import { provideLiveSession } from '../live/context'
import { createLiveSession, defaultRelayUrl, readSessionLink } from '../live/session'
import { lessonRunnerFor } from '../panels/lessons/useLessons'
import type { Stores } from '../store/context'

function localStore(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function useAppLiveSession(stores: Stores, embed: boolean) {
  const live = useMemo(() => {
    if (embed) return null
    const session = createLiveSession(
      stores,
      { lessons: lessonRunnerFor(stores), location: window.location, remember: localStore() },
      defaultRelayUrl(window.location, import.meta.env.VITE_RELAY_URL),
    )
    provideLiveSession(stores, session)
    return session
  }, [stores, embed])
  useEffect(() => {
    if (!live) return
    const link = readSessionLink(window.location.hash)
    if (link) {
      const { name, relayUrl } = live.store.getState()
      void live.join({ token: link.token, name, relayUrl: link.relayUrl ?? relayUrl })
    }
    return () => void live.leave()
  }, [live])
}
