// Doing an activity over the app's stores: it opens as an edit (the design on the canvas before it is saved and
// Undo brings it back, as when an example opens; that Undo sets the activity aside and Redo brings it back:
// openings.ts), the student works on the canvas, "Check my work" grades what is on the canvas, and an LMS, when
// the activity was launched from one, hears the score after each check.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Stores } from '../store/context'
import { openInPlace } from '../store/inPlace'
import { type Grade, type GradeEngine, grade } from './grade'
import type { LmsSession } from './lms/types'
import { followOpenings } from './openings'
import { type PreparedActivity, prepareActivity } from './prepare'

export interface ActivityDeps {
  engine: GradeEngine
  /** wall-clock milliseconds */
  now(): number
}

export type CheckState = { status: 'idle' } | { status: 'checking' } | { status: 'failed'; message: string }

export interface ActivityState {
  prepared: PreparedActivity | null
  /** the activity file's JSON as opened, variables unresolved: what a package of it carries */
  raw: unknown
  message: string | null
  /** when the student opened it (wall clock), for the time limit and the LMS's session time */
  startedAt: number
  hintsShown: number[]
  check: CheckState
  last: Grade | null
  /** the time limit ran out: the last grade is final and the design is read-only */
  timeUp: boolean
  lms: LmsSession | null
  /**
   * opens an activity file's JSON for a student's learner key; false (and a message, or the notice while a lesson
   * holds the design) when it does not open. The design on the canvas is kept where it is stored first, and the
   * notice says how to get it back.
   */
  open(raw: unknown, learnerKey: string, lms?: LmsSession | null): Promise<boolean>
  showHint(index: number): void
  checkWork(): Promise<Grade | null>
  /** milliseconds left, or null without a time limit */
  remainingMs(): number | null
  /** the time limit ran out: one final check, then no more edits */
  endTime(): Promise<void>
  close(): void
}

const NO_ACTIVITY = {
  prepared: null,
  raw: null,
  message: null,
  startedAt: 0,
  hintsShown: [],
  check: { status: 'idle' },
  last: null,
  timeUp: false,
  lms: null,
} as const satisfies Partial<ActivityState>

/**
 * The activity's design on the canvas, as an edit that opens another design: the one on screen is saved in its
 * own record first (the activity's design is saved in a new one), and Undo brings it back. False while a lesson
 * holds the user's design (the notice says why).
 */
function openHandout(stores: Stores, { activity, handout }: PreparedActivity): Promise<boolean> {
  return openInPlace(stores, {
    label: `open activity “${activity.title}”`,
    design: { ...handout, name: `Activity: ${activity.title}` },
    what: `The activity "${activity.title}"`,
    lines: [`Started the activity "${activity.title}".`],
  })
}

/** What an activity set aside by an undo keeps (openings.ts), to be shown again as it was. */
type SetAside = Pick<ActivityState, 'prepared' | 'raw' | 'startedAt' | 'hintsShown' | 'last' | 'timeUp' | 'lms'>

/**
 * The activity shown as the undo history moves (openings.ts): one set aside keeps what the student did in it.
 * `dropChecks`: a check still running answers for an activity no longer shown, and is dropped.
 */
function openingsOf(stores: Stores, store: StoreApi<ActivityState>, dropChecks: () => void) {
  return followOpenings<SetAside>(stores, {
    save: () => {
      const { prepared, raw, startedAt, hintsShown, last, timeUp, lms } = store.getState()
      return { prepared, raw, startedAt, hintsShown, last, timeUp, lms }
    },
    show(saved) {
      dropChecks()
      const wasTimeUp = store.getState().timeUp
      store.setState(saved ? { ...NO_ACTIVITY, ...saved } : NO_ACTIVITY)
      stores.ui.getState().hideProblems(saved?.prepared?.activity.hideProblems ?? false)
      // a design whose time ran out is read-only; the student's own is not
      if (wasTimeUp || saved?.timeUp) stores.ui.getState().setReadOnly(saved?.timeUp ?? false)
    },
    end: (saved) => void saved.lms?.finish(),
  })
}

export function createActivityRunner(stores: Stores, deps: ActivityDeps) {
  // a check that answers after the activity was closed or replaced is dropped
  let token = 0
  const store = createStore<ActivityState>()((set, get) => ({
    ...NO_ACTIVITY,

    async open(raw, learnerKey, lms = null) {
      const r = prepareActivity(raw, learnerKey)
      if (!r.ok) {
        set({ message: `This activity does not open: ${r.message}` })
        return false
      }
      // refused while a lesson holds the user's design: the notice says why, and no message repeats it
      if (!(await openHandout(stores, r.prepared))) {
        set({ message: null })
        return false
      }
      token++
      openings.opened()
      stores.ui.getState().setReadOnly(false)
      stores.ui.getState().hideProblems(r.prepared.activity.hideProblems)
      set({ ...NO_ACTIVITY, prepared: r.prepared, raw, startedAt: deps.now(), lms })
      return true
    },

    showHint(index) {
      const { prepared, hintsShown } = get()
      if (!prepared?.activity.hints[index] || hintsShown.includes(index)) return
      set({ hintsShown: [...hintsShown, index].sort((a, b) => a - b) })
    },

    async checkWork() {
      const { prepared, hintsShown, timeUp } = get()
      if (!prepared || timeUp) return null
      const mine = ++token
      set({ check: { status: 'checking' } })
      try {
        const g = await grade(prepared, stores.design.getState().design, deps.engine, hintsShown)
        if (mine !== token) return null
        set({ check: { status: 'idle' }, last: g })
        await get().lms?.report(g, deps.now() - get().startedAt, { final: false })
        return g
      } catch (e) {
        if (mine === token) set({ check: { status: 'failed', message: e instanceof Error ? e.message : String(e) } })
        return null
      }
    },

    remainingMs() {
      const { prepared, startedAt } = get()
      const minutes = prepared?.activity.timeLimitMinutes
      if (!minutes) return null
      return Math.max(0, startedAt + minutes * 60_000 - deps.now())
    },

    async endTime() {
      const { prepared, timeUp } = get()
      if (!prepared || timeUp) return
      const g = (await get().checkWork()) ?? get().last
      set({ timeUp: true })
      stores.ui.getState().setReadOnly(true)
      if (g) await get().lms?.report(g, deps.now() - get().startedAt, { final: true })
    },

    close() {
      token++
      const { lms, timeUp } = get()
      void lms?.finish()
      openings.closed()
      if (timeUp) stores.ui.getState().setReadOnly(false)
      stores.ui.getState().hideProblems(false)
      set(NO_ACTIVITY)
    },
  }))
  const openings = openingsOf(stores, store, () => token++)
  return store
}

export type ActivityRunner = ReturnType<typeof createActivityRunner>
