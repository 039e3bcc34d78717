// One live session per set of stores, made by the app (which hands it the lesson runner) and found by the live
// components through the stores' context, as the lesson runner is.
import { type Stores, useStores } from '../store/context'
import type { LiveSession } from './session'

const sessions = new WeakMap<Stores, LiveSession>()

export function provideLiveSession(stores: Stores, session: LiveSession) {
  sessions.set(stores, session)
}

/** The studio's live session; null where the app made none (an embed, a component test). */
export function useLiveSession(): LiveSession | null {
  return sessions.get(useStores()) ?? null
}
