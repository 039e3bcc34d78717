// Wires this tab's session of stored designs to the app: autosave, other tabs, and the library the
// panels reach through the stores (the Designs dialog, opening files and examples, "Make my copy").
import { useEffect } from 'react'
import type { Stores } from '../../store/context'
import type { BootStorage } from './local'
import { CHANNEL_NAME, type Channel, createLocalSession, type LocalSession, type Opened } from './session'

function randomTabId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** A session for these stores, or none where the browser keeps nothing (no IndexedDB) or in an embed. */
export function sessionFor(stores: Stores, storage: BootStorage | null, opened: Opened | null): LocalSession | null {
  if (!storage || stores.ui.getState().embed) return null
  let tab: Storage | null = null
  try {
    tab = window.sessionStorage
  } catch {
    // no per-tab memory: a reload opens the design saved last, in any tab
  }
  const deps = { repo: storage.repo, tab, now: Date.now, tabId: randomTabId(), journal: storage.journal }
  return createLocalSession(stores, deps, opened)
}

export function useLocalDesigns(session: LocalSession | null) {
  useEffect(() => {
    if (!session) return
    const channel =
      typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(CHANNEL_NAME) as unknown as Channel)
    return session.start(channel)
  }, [session])
}
