// What the live session shows (the Live menu, the session card): its store, what leaving resets, and the name and
// relay the browser remembers between sessions.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { LessonRunner } from '../lessons/runner'
import type { LoadError } from '../model'
import { cleanName, type Person, type SessionRole, type Viewport } from './presence'

export interface LiveState {
  status: 'off' | 'connecting' | 'live' | 'offline' | 'refused'
  role: SessionRole | null
  /** what the session menu says about the last attempt (why the relay refused, why a code is not one) */
  message: string | null
  relayUrl: string
  name: string
  classCode: string | null
  editorKey: string | null
  /** everyone else in the room */
  people: Person[]
  followers: number
  presenter: Person | null
  /** the merged design does not load: what is wrong, until someone fixes it */
  loadErrors: LoadError[] | null
  /** a follower's choice: the view moves with the presenter's */
  followView: boolean
  /** the presenter's view, for a follower who follows it */
  presenterViewport: Viewport | null
  /** the presenter's: the class's answers to the current quiz step */
  tally: { id: string; names: string[] }[] | null
}

export interface LiveDeps {
  lessons: LessonRunner
  /** where the app is served: links are built on it */
  location: Pick<Location, 'origin' | 'pathname'>
  /** the browser's memory of the name last used */
  remember?: Pick<Storage, 'getItem' | 'setItem'> | null
}

export type LiveStore = StoreApi<LiveState>

const NAME_KEY = 'gwlb-studio/live-name'
const RELAY_KEY = 'gwlb-studio/live-relay'

/** Out of any session: what leaving puts back (the name, relay and view choice stay). */
export const OUT_OF_SESSION = {
  status: 'off',
  role: null,
  message: null,
  classCode: null,
  editorKey: null,
  people: [],
  followers: 0,
  presenter: null,
  loadErrors: null,
  presenterViewport: null,
  tally: null,
} satisfies Partial<LiveState>

export function createLiveStore(deps: LiveDeps, defaultRelay: string): LiveStore {
  return createStore<LiveState>()(() => ({
    ...OUT_OF_SESSION,
    relayUrl: deps.remember?.getItem(RELAY_KEY) || defaultRelay,
    name: cleanName(deps.remember?.getItem(NAME_KEY), ''),
    followView: true,
  }))
}

/** The name and relay chosen: shown at once, and remembered by the browser for next time. */
export function rememberChoice(store: LiveStore, deps: LiveDeps, name: string, relayUrl: string) {
  const clean = cleanName(name, '')
  store.setState({ name: clean, relayUrl })
  try {
    deps.remember?.setItem(NAME_KEY, clean)
    deps.remember?.setItem(RELAY_KEY, relayUrl)
  } catch {
    // nothing is lost: the name is asked again next time
  }
}
