// The user's intents file for this session (the design format has no field for intents yet): its text as loaded
// or typed, shared by the Verify and Plan tabs. Session state, never saved in the document.
import { createStore } from 'zustand/vanilla'
import type { Stores } from '../../store/context'

export interface IntentsState {
  /** the file's text; null: only the built-in intents */
  text: string | null
  /** where it came from, shown beside it */
  source: string | null
  setIntents(text: string | null, source: string | null): void
}

const stores = new WeakMap<Stores, ReturnType<typeof createIntentsStore>>()

function createIntentsStore() {
  return createStore<IntentsState>()((set) => ({
    text: null,
    source: null,
    setIntents: (text, source) => set({ text, source }),
  }))
}

export function intentsFor(s: Stores) {
  let store = stores.get(s)
  if (!store) {
    store = createIntentsStore()
    stores.set(s, store)
  }
  return store
}
