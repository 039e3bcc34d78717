// Runs a lesson over the app's stores. The user's design is never touched: on opening, the design store's
// whole state (document and undo history) is kept aside and the interface goes read-only (autosave skips
// read-only changes); each step's design replaces what is shown; leaving puts the user's state back.
import { createStore } from 'zustand/vanilla'
import type { PacketSpec, RoundTrip, Trace } from '../../worker/engine/types'
import type { Design } from '../model'
import type { Stores } from '../store/context'
import type { DesignState } from '../store/designStore'
import type { Highlight } from '../store/uiStore'
import type { Lesson, LessonDesignName } from './schema'
import { narratedPacket, stepFocus } from './steps'

export interface LessonDeps {
  loadDesign(name: LessonDesignName): Promise<{ ok: true; design: Design } | { ok: false; message: string }>
  trace(
    design: Design,
    packet: PacketSpec,
  ): Promise<{ ok: true; roundTrip: RoundTrip } | { ok: false; message: string }>
  /** loads a scenario of the shown design into the simulator, paused at 0 s; true once it is loaded */
  simulate(scenario: string): Promise<boolean>
  /** plays the loaded scenario and pauses by itself exactly at simulated `untilMs` */
  playUntil(untilMs: number): void
  /** unloads whatever the simulator holds (nothing if it holds nothing) */
  stopSimulation(): void
  /**
   * the drawn lines of the route entries that decided at the hops of `trace` at the resources `ids`: what a step's
   * narration lights of the routes (the walk's own rule, so a lesson and the walk light the same lines)
   */
  routeLines(design: Design, trace: Trace, ids: readonly string[]): string[]
}

export type TraceState =
  | { status: 'running' }
  | { status: 'ok'; roundTrip: RoundTrip }
  | { status: 'failed'; message: string }
  | null
export type SideTab = 'details' | 'walk' | 'lessons' | 'verify' | 'compare' | 'plan' | 'activity'

export interface LessonState {
  tab: SideTab
  lesson: Lesson | null
  status: 'idle' | 'loading' | 'ready' | 'failed'
  message: string | null
  stepIndex: number
  /** the design of each step, edits applied */
  designs: Design[]
  presenting: boolean
  /** the current step's traced packet */
  trace: TraceState
  /** the resource the learner clicked for the current quiz */
  answer: string | null
  /** the quiz's answer is shown (after a click, or on request) */
  revealed: boolean
  showTab(tab: SideTab): void
  /** a shipped lesson by id, or a lesson file's lesson (a packaged lesson opened in an LMS) */
  open(lesson: string | Lesson): Promise<void>
  close(): void
  go(index: number): void
  next(): void
  prev(): void
  present(on: boolean): void
  reveal(): void
}

type Saved = { design: Pick<DesignState, 'design' | 'past' | 'future' | 'labels'>; readOnly: boolean }

/** The runner's state with no lesson open; the tab shown is the learner's and stays as it is. */
const NO_LESSON = {
  lesson: null,
  status: 'idle',
  message: null,
  stepIndex: 0,
  designs: [],
  presenting: false,
  trace: null,
  answer: null,
  revealed: false,
} as const satisfies Partial<LessonState>

/** What a step's trace needs to know: the step, its design, and what the runner lit for it. */
interface StepContext {
  stores: Stores
  deps: LessonDeps
  lesson: Lesson
  index: number
  design: Design
  lit: Highlight | null
}

/**
 * Traces the packet a step follows: its own (a trace, a quiz) into the runner's state, or for a narration step the
 * packet the lesson traces; either way the route lines whose entry decided there are lit once it answers. An answer
 * that comes after the learner moved on (`current` false) changes nothing.
 */
function traceStep(
  { stores, deps, lesson, index, design, lit }: StepContext,
  current: () => boolean,
  setTrace: (trace: TraceState) => void,
): void {
  const action = lesson.steps[index]?.action
  const narrated = narratedPacket(lesson, index)
  const lightRoutes = (roundTrip: RoundTrip) => {
    const t = narrated?.leg === 'reply' ? roundTrip.reply : roundTrip.request
    // the learner moved on, or a trace player lit its own hop since
    if (!lit || !t || !current() || stores.ui.getState().highlight !== lit) return
    stores.ui.getState().setHighlight({ ...lit, routeEdgeIds: deps.routeLines(design, t, lit.ids) })
  }
  if (action?.kind === 'trace' || action?.kind === 'quiz') {
    deps
      .trace(design, action.packet)
      .then((r) => {
        if (!current()) return
        if (r.ok) lightRoutes(r.roundTrip)
        setTrace(r.ok ? { status: 'ok', roundTrip: r.roundTrip } : { status: 'failed', message: r.message })
      })
      .catch(
        (e: unknown) =>
          current() && setTrace({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
      )
  } else if (lit && narrated) {
    // a narration step: the packet the lesson traces, on this step's design; a failed trace lights no route
    deps
      .trace(design, narrated.packet)
      .then((r) => r.ok && lightRoutes(r.roundTrip))
      .catch(() => undefined)
  }
}

type SetState = (patch: Partial<LessonState>) => void
type GetState = () => LessonState

/** What the runner holds besides its store's state: the user's design kept aside, and which answer is current. */
interface Runner {
  readonly stores: Stores
  readonly deps: LessonDeps
  /** the lessons a lesson id is looked up in (undefined: the shipped ones) */
  readonly lessons: readonly Lesson[] | undefined
  /** the user's design store and read-only flag while a lesson is open; put back on close */
  saved: Saved | null
  /** a step's trace (or a lesson's load) that answers after the learner moved on is dropped */
  token: number
  /** stops listening for the learner's click on a quiz */
  unsubscribe: (() => void) | null
}

/** A lesson by its id: among `lessons`, or the shipped ones (their data, and the steps' edits, load with the first). */
async function lessonById(lessons: readonly Lesson[] | undefined, id: string): Promise<Lesson | undefined> {
  return (lessons ?? (await import('./index')).LESSONS).find((l) => l.id === id)
}

/**
 * `lessons`: those a lesson's id is looked up in; by default the shipped ones, whose data loads when a lesson is
 * first opened by its id, not with the app.
 */
export function createLessonRunner(stores: Stores, deps: LessonDeps, lessons?: readonly Lesson[]) {
  const runner: Runner = { stores, deps, lessons, saved: null, token: 0, unsubscribe: null }
  return createStore<LessonState>()((set, get) => ({
    tab: 'details',
    ...NO_LESSON,
    showTab: (tab) => set({ tab }),
    open: (which) => openLesson(runner, which, set, get),
    close() {
      runner.token++
      runner.unsubscribe?.()
      runner.unsubscribe = null
      if (get().lesson) deps.stopSimulation()
      putBackUsersDesign(runner)
      stores.ui.getState().setHighlight(null)
      stores.ui.getState().hideAnswer(false)
      // a notice raised inside the lesson is about the lesson's design, which is gone now
      if (stores.ui.getState().notice?.tone === 'info') stores.ui.getState().notify(null)
      stores.ui.getState().select(null)
      set(NO_LESSON)
    },
    go: (index) => goToStep(runner, index, set, get),
    next: () => get().go(get().stepIndex + 1),
    prev: () => get().go(get().stepIndex - 1),
    present: (presenting) => set({ presenting: presenting && get().lesson !== null }),
    reveal: () => {
      set({ revealed: true })
      stores.ui.getState().hideAnswer(false)
    },
  }))
}

/** Loads a lesson's design and its steps' designs, keeps the user's design aside, and shows the first step. */
async function openLesson(runner: Runner, which: string | Lesson, set: SetState, get: GetState): Promise<void> {
  const { stores, deps } = runner
  const lesson = typeof which === 'string' ? await lessonById(runner.lessons, which) : which
  if (!lesson) return set({ status: 'failed', message: `No lesson ${which}.` })
  const mine = ++runner.token
  set({ status: 'loading', message: null, tab: 'lessons' })
  const [base, { stepDesigns }] = await Promise.all([deps.loadDesign(lesson.design), import('./edits')])
  if (mine !== runner.token) return
  if (!base.ok) return set({ status: 'failed', message: `The lesson's design did not load: ${base.message}` })
  // a notice about the user's own design ("Exported an SVG…") says nothing about the lesson: it goes; an
  // error stays until dismissed
  if (stores.ui.getState().notice?.tone === 'info') stores.ui.getState().notify(null)
  const designs = stepDesigns(base.design, lesson, `Lesson ${lesson.number}: ${lesson.title}`)
  if (!designs.ok)
    return set({
      status: 'failed',
      message: `Step ${designs.step + 1} of the lesson does not apply: ${designs.message}`,
    })
  keepUsersDesign(runner)
  stores.ui.getState().openRouteTable(null)
  runner.unsubscribe?.()
  runner.unsubscribe = listenForQuizAnswer(stores, set, get)
  set({ lesson, designs: designs.designs, status: 'ready' })
  get().go(0)
}

/** The user's design (document and undo history) goes aside, once, however many lessons open over it. */
function keepUsersDesign(runner: Runner) {
  if (runner.saved) return
  const { stores } = runner
  const d = stores.design.getState()
  runner.saved = {
    design: { design: d.design, past: d.past, future: d.future, labels: d.labels },
    readOnly: stores.ui.getState().readOnly,
  }
  // read-only first, so autosave never sees a lesson's design as the user's
  stores.ui.getState().setReadOnly(true)
  // and nothing opens in place over the lesson's design meanwhile (src/store/inPlace.ts)
  stores.ui.getState().holdForLesson(true)
}

/** Leaving the lesson: the user's design and read-only flag come back as they were. */
function putBackUsersDesign(runner: Runner) {
  if (!runner.saved) return
  runner.stores.design.setState(runner.saved.design)
  runner.stores.ui.getState().setReadOnly(runner.saved.readOnly)
  runner.stores.ui.getState().holdForLesson(false)
  runner.saved = null
}

/** A quiz is answered by selecting one resource on the canvas; returns the stop. */
function listenForQuizAnswer(stores: Stores, set: SetState, get: GetState): () => void {
  return stores.ui.subscribe((s, prev) => {
    if (s.selectedIds === prev.selectedIds || s.selectedIds.length !== 1) return
    const st = get()
    const action = st.lesson?.steps[st.stepIndex]?.action
    if (action?.kind === 'quiz' && !st.revealed) {
      set({ answer: s.selectedIds[0], revealed: true })
      stores.ui.getState().hideAnswer(false)
    }
  })
}

/** Shows step `index` (kept within the lesson): its design, what it lights, its trace and its scenario. */
function goToStep(runner: Runner, index: number, set: SetState, get: GetState) {
  const { stores, deps } = runner
  const { lesson, designs } = get()
  if (!lesson) return
  const i = Math.max(0, Math.min(index, lesson.steps.length - 1))
  const step = lesson.steps[i]
  const design = designs[i]
  const mine = ++runner.token
  // before the design changes: a loaded scenario would otherwise be reloaded on the new design
  deps.stopSimulation()
  if (stores.design.getState().design !== design) stores.design.getState().replace(design)
  stores.ui.getState().select(null)
  const action = step.action
  // a quiz question lights nothing and badges nothing until it is answered: the lit resources would point at
  // the answer (the revealed answer's trace lights its own path)
  const asking = action?.kind === 'quiz'
  stores.ui.getState().hideAnswer(asking)
  // route lines light by the entry that decided, once the step's packet is traced: never by their ends (the
  // reply's route from a GWLBe's vSwitch to the gateway joins two resources an inbound step lights)
  const lit: Highlight | null =
    step.highlight.length && !asking
      ? { ids: step.highlight, focusId: stepFocus(step), tone: 'lesson', routeEdgeIds: [] }
      : null
  stores.ui.getState().setHighlight(lit)
  set({
    stepIndex: i,
    answer: null,
    revealed: false,
    trace: action?.kind === 'trace' || action?.kind === 'quiz' ? { status: 'running' } : null,
  })
  const current = () => mine === runner.token
  traceStep({ stores, deps, lesson, index: i, design, lit }, current, (trace) => set({ trace }))
  if (action?.kind === 'simulate') {
    const untilMs = action.untilSeconds * 1000
    // the class sees the moment the step narrates; a load that lands after the learner moved on is undone
    void deps.simulate(action.scenario).then((ok) => {
      if (!current()) deps.stopSimulation()
      else if (ok) deps.playUntil(untilMs)
    })
  }
}
export type LessonRunner = ReturnType<typeof createLessonRunner>

/** Whether the learner's click answers a quiz right: where the packet really ends, or an answer the lesson also accepts. */
export function quizVerdict(
  answer: string | null,
  end: string | null,
  accept: readonly string[],
): 'right' | 'wrong' | 'none' {
  if (answer === null) return 'none'
  return answer === end || accept.includes(answer) ? 'right' : 'wrong'
}
