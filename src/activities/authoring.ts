// Authoring an activity in the app: the design on the canvas is taken as the answer, the author breaks it on the
// canvas (any edit is a fault), writes the task and the goals, and checks that the answer meets every goal and the
// broken design does not. The file written carries the broken design and the goals, never the answer.
import { createStore } from 'zustand/vanilla'
import { type Design, serialise } from '../model'
import type { Stores } from '../store/context'
import { type Grade, type GradeEngine, grade } from './grade'
import { prepareActivity } from './prepare'
import { ACTIVITY_FORMAT, ACTIVITY_VERSION, type Goal, type Hint } from './schema'

export interface Draft {
  title: string
  task: string
  goals: Goal[]
  hints: Hint[]
  timeLimitMinutes: number | null
  passPercent: number
  hideProblems: boolean
}

export type DraftCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; answer: Grade; handout: Grade }
  | { status: 'failed'; message: string }

export interface AuthoringState {
  /** the design as it should be, taken when authoring started; null: not authoring */
  answer: Design | null
  draft: Draft
  check: DraftCheck
  start(): void
  update(change: Partial<Draft>): void
  addGoal(goal: Goal): void
  removeGoal(id: string): void
  addHint(hint: Hint): void
  removeHint(index: number): void
  /** grades the answer and the design on the canvas against the goals */
  runCheck(): Promise<void>
  /** the activity file: the design on the canvas as the student's start, and the goals */
  activityJson(): { ok: true; text: string; id: string } | { ok: false; message: string }
  stop(): void
}

const EMPTY_DRAFT: Draft = {
  title: '',
  task: '',
  goals: [],
  hints: [],
  timeLimitMinutes: null,
  passPercent: 80,
  hideProblems: false,
}

/** an id from a title: letters, digits and dashes */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'activity'
  )
}

/** The activity's JSON as a file holds it, from the draft and the design handed out. */
export function activityOf(draft: Draft, handout: Design): unknown {
  return {
    format: ACTIVITY_FORMAT,
    version: ACTIVITY_VERSION,
    id: slug(draft.title),
    title: draft.title.trim(),
    task: draft.task.trim(),
    design: JSON.parse(serialise(handout)),
    goals: draft.goals,
    hints: draft.hints,
    ...(draft.timeLimitMinutes ? { timeLimitMinutes: draft.timeLimitMinutes } : {}),
    passPercent: draft.passPercent,
    ...(draft.hideProblems ? { hideProblems: true } : {}),
  }
}

export function createAuthoring(stores: Stores, engine: GradeEngine) {
  let token = 0
  return createStore<AuthoringState>()((set, get) => ({
    answer: null,
    draft: EMPTY_DRAFT,
    check: { status: 'idle' },
    start: () =>
      set({
        answer: stores.design.getState().design,
        draft: { ...EMPTY_DRAFT, title: stores.design.getState().design.name },
        check: { status: 'idle' },
      }),
    update: (change) => set({ draft: { ...get().draft, ...change }, check: { status: 'idle' } }),
    addGoal: (goal) => {
      const goals = get().draft.goals
      let id = goal.id
      for (let n = 2; goals.some((g) => g.id === id); n++) id = `${goal.id}-${n}`
      get().update({ goals: [...goals, { ...goal, id }] })
    },
    removeGoal: (id) => get().update({ goals: get().draft.goals.filter((g) => g.id !== id) }),
    addHint: (hint) => get().update({ hints: [...get().draft.hints, hint] }),
    removeHint: (index) => get().update({ hints: get().draft.hints.filter((_, i) => i !== index) }),
    async runCheck() {
      const { answer, draft } = get()
      if (!answer) return
      const mine = ++token
      const opened = prepareActivity(activityOf(draft, stores.design.getState().design), 'author')
      if (!opened.ok) return set({ check: { status: 'failed', message: opened.message } })
      set({ check: { status: 'checking' } })
      try {
        const p = opened.prepared
        const [a, h] = [await grade(p, answer, engine), await grade(p, p.handout, engine)]
        if (mine === token) set({ check: { status: 'done', answer: a, handout: h } })
      } catch (e) {
        if (mine === token) set({ check: { status: 'failed', message: e instanceof Error ? e.message : String(e) } })
      }
    },
    activityJson() {
      const { draft } = get()
      const raw = activityOf(draft, stores.design.getState().design)
      const opened = prepareActivity(raw, 'author')
      if (!opened.ok) return opened
      return { ok: true, text: `${JSON.stringify(raw, null, 2)}\n`, id: opened.prepared.activity.id }
    },
    stop: () => {
      token++
      set({ answer: null, draft: EMPTY_DRAFT, check: { status: 'idle' } })
    },
  }))
}

export type Authoring = ReturnType<typeof createAuthoring>
