// A live session over the app's stores: the design store bound to the room's shared document through the relay
// (Hocuspocus' provider, which resends what the relay lacks after a reconnect), presence through awareness, and
// follow mode for a class. The person who starts it presents; a class code lets followers watch, read-only; an
// editor link lets a colleague edit with them.
// Work is never lost by joining or leaving: a follower's own design is held aside and given back on leaving (as
// the lesson runner does); an editor's own design is saved where it is kept before the shared one replaces it.
import type { HocuspocusProvider } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { createStore } from 'zustand/vanilla'
import type { LessonRunner } from '../lessons/runner'
import type { LoadError } from '../model'
import type { Stores } from '../store/context'
import type { DesignState } from '../store/designStore'
import { keptNotice } from '../store/library'
import { epochNow } from '../store/simStore'
import type { Binding } from './binding'
import {
  cleanName,
  colorOf,
  type FollowSim,
  type FollowState,
  type Person,
  type Presence,
  readPresence,
  type SessionRole,
  tallyOf,
  type Viewport,
} from './presence'
import { classCodeOf, groupedCode, keyRole, newEditorKey, normaliseKey, roomOfToken } from './roomKeys'

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

const NAME_KEY = 'gwlb-studio/live-name'
const RELAY_KEY = 'gwlb-studio/live-relay'
/** how often at most the presenter's follow state goes out while something changes */
const FOLLOW_EVERY_MS = 100
/**
 * The presenter's playing clock further than this (simulated ms) from where its last sample says it is (a slow
 * frame, a busy machine) goes out again; followers' own clocks keep in step with the sample in their simulator.
 */
const CLOCK_SAMPLE_SLIP_MS = 40
/** a follower let in nowhere after the relay restarted tries again this often, until an editor is back */
const RETRY_MS = 2000

/**
 * Yjs, the Hocuspocus client and the design's binding load when a session is started or joined, not with the
 * studio (34 KB of its initial JavaScript, gzipped). The app fetches them once the Live menu is wanted
 * (preloadLiveClient), so starting a session waits on nothing that was not already on its way.
 */
const client = () => Promise.all([import('@hocuspocus/provider'), import('yjs'), import('./binding')] as const)
export const preloadLiveClient = client

const REFUSALS: Record<string, string> = {
  'bad-token': 'The relay turned this link away: it opens no session. Ask for a new link.',
  'no-session': 'No session is open with this code: check the code, or ask the presenter for the link.',
  'room-full': 'This session is full.',
  'relay-full': 'The relay holds as many sessions as it may: try again later.',
  'too-many-attempts': 'Too many wrong codes from this address: wait a minute, then try again.',
}

export function defaultRelayUrl(location: Pick<Location, 'protocol' | 'hostname'>, configured?: string): string {
  if (configured) return configured
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.hostname || 'localhost'}:1234`
}

/** What a session link's fragment holds: #follow=<class code> or #edit=<editor key>, and &relay=<url>. */
export function readSessionLink(hash: string): { token: string; relayUrl: string | null } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('follow') ?? params.get('edit')
  if (!token || !keyRole(token)) return null
  const relay = params.get('relay')
  return { token: normaliseKey(token), relayUrl: relay && /^wss?:\/\//.test(relay) ? relay : null }
}

export type LiveSession = ReturnType<typeof createLiveSession>

export function createLiveSession(stores: Stores, deps: LiveDeps, defaultRelay: string) {
  const store = createStore<LiveState>()(() => ({
    status: 'off',
    role: null,
    message: null,
    relayUrl: deps.remember?.getItem(RELAY_KEY) || defaultRelay,
    name: cleanName(deps.remember?.getItem(NAME_KEY), ''),
    classCode: null,
    editorKey: null,
    people: [],
    followers: 0,
    presenter: null,
    loadErrors: null,
    followView: true,
    presenterViewport: null,
    tally: null,
  }))

  let provider: HocuspocusProvider | null = null
  let binding: Binding | null = null
  let stops: (() => void)[] = []
  /** a follower's own design state, given back on leaving */
  let held: { design: Pick<DesignState, 'design' | 'past' | 'future' | 'labels'>; readOnly: boolean } | null = null
  let leaving = false

  const set = (patch: Partial<LiveState>) => store.setState(patch)
  const me = (): Partial<Presence> => provider?.awareness?.getLocalState() ?? {}
  /** the fields published since joining, said again on a new connection */
  let lastSaid: Partial<Presence> = {}
  const publish = (patch: Partial<Presence>) => {
    lastSaid = { ...lastSaid, ...patch }
    // before the relay let us in, a presence update could arrive ahead of the token and be lost: it is said
    // once authenticated instead
    const awareness = provider?.isAuthenticated ? provider.awareness : null
    if (!awareness) return
    awareness.setLocalState({ ...me(), ...patch })
  }

  function links() {
    const { classCode, editorKey, relayUrl } = store.getState()
    const base = `${deps.location.origin}${deps.location.pathname}`
    const relay = `relay=${encodeURIComponent(relayUrl)}`
    return {
      follow: classCode ? `${base}#follow=${classCode}&${relay}` : null,
      edit: editorKey ? `${base}#edit=${editorKey}&${relay}` : null,
    }
  }

  // --- what everyone sees of everyone ---------------------------------------------------------------------------

  function onAwareness() {
    const awareness = provider?.awareness
    if (!awareness) return
    const people: Person[] = []
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const p = readPresence(clientId, state)
      if (p) people.push(p)
    }
    const presenter = people.find((p) => p.role === 'presenter') ?? null
    const mine = store.getState().role
    const followers = people.filter((p) => p.role === 'follower').length + (mine === 'follower' ? 1 : 0)
    let tally: LiveState['tally'] = null
    if (mine === 'presenter') {
      const l = deps.lessons.getState()
      const step = l.lesson?.steps[l.stepIndex]
      if (l.lesson && step?.action?.kind === 'quiz') tally = tallyOf(people, l.lesson.id, l.stepIndex)
    }
    set({ people, presenter, followers, tally })
    if (mine === 'follower' && presenter?.follow) follow(presenter.follow)
  }

  // --- the presenter: what the class follows ---------------------------------------------------------------------

  let viewport: Viewport | null = null

  /**
   * The simulated time now: the store's last reading (a few times a second, stamped by the simulator with the wall
   * moment it held), moved on by the wall time since, while playing.
   */
  function simClock(): number {
    const sim = stores.sim.getState()
    return sim.nowMs + (sim.running ? Math.max(0, epochNow() - sim.nowAtMs) * sim.speed : 0)
  }
  let followTimer: ReturnType<typeof setTimeout> | undefined
  let followSentAt = 0
  /** the presenter's clock as last sent */
  let clockSent: FollowSim | null = null

  /**
   * The presenter's simulator as followers should have it now: the last sample sent while it still tells the
   * clock (within CLOCK_SAMPLE_SLIP_MS while playing, exactly while paused), else a new one taken now.
   */
  function simSample(): FollowSim | null {
    const sim = stores.sim.getState()
    if (sim.status !== 'ready' || !sim.scenario) return null
    const nowMs = simClock()
    const atMs = epochNow()
    const last = clockSent
    const same =
      last &&
      last.scenario === sim.scenario &&
      last.playing === sim.playing &&
      last.speed === sim.speed &&
      last.untilMs === sim.untilMs &&
      (last.playing
        ? Math.abs(last.nowMs + (atMs - last.atMs) * last.speed - nowMs) <= CLOCK_SAMPLE_SLIP_MS
        : last.nowMs === Math.round(nowMs))
    if (same) return last
    return {
      scenario: sim.scenario,
      playing: sim.playing,
      speed: sim.speed,
      untilMs: sim.untilMs,
      nowMs: Math.round(nowMs),
      atMs,
    }
  }

  function followState(): FollowState {
    const l = deps.lessons.getState()
    clockSent = simSample()
    return {
      lesson: l.lesson ? { id: l.lesson.id, step: l.stepIndex, revealed: l.revealed } : null,
      highlight: stores.ui.getState().highlight,
      sim: clockSent,
      viewport,
    }
  }

  function sendFollow() {
    clearTimeout(followTimer)
    followTimer = undefined
    followSentAt = Date.now()
    publish({ follow: followState() })
    // a quiz step's tally starts empty
    onAwareness()
  }

  /** At most one follow update per FOLLOW_EVERY_MS, the last change always sent. */
  function scheduleFollow() {
    if (store.getState().role !== 'presenter' || followTimer) return
    const wait = Math.max(0, followSentAt + FOLLOW_EVERY_MS - Date.now())
    followTimer = setTimeout(sendFollow, wait)
  }

  function presentTo() {
    stops.push(
      deps.lessons.subscribe(scheduleFollow),
      stores.ui.subscribe((s, prev) => s.highlight !== prev.highlight && scheduleFollow()),
      stores.sim.subscribe((s, prev) => {
        if (
          s.playing !== prev.playing ||
          s.scenario !== prev.scenario ||
          s.speed !== prev.speed ||
          s.status !== prev.status
        )
          sendFollow()
        // not every tick: only when the clock no longer runs as the last sample says, and then at once (followers
        // run ahead of a presenter's clock that slipped until they hear of it)
        else if (s.nowMs !== prev.nowMs && simSample() !== clockSent) sendFollow()
      }),
    )
    sendFollow()
  }

  // --- a follower: doing what the presenter does -----------------------------------------------------------------

  let following: Promise<void> = Promise.resolve()
  let lastFollow = ''

  function follow(f: FollowState) {
    const key = JSON.stringify(f)
    if (key === lastFollow) return
    lastFollow = key
    set({ presenterViewport: f.viewport })
    // one at a time, in order: opening a lesson takes a moment, and the next step must not overtake it
    following = following.then(() => applyFollow(f)).catch(() => undefined)
  }

  async function applyFollow(f: FollowState) {
    if (store.getState().role !== 'follower') return
    const runner = deps.lessons.getState()
    if (f.lesson) {
      if (runner.lesson?.id !== f.lesson.id) await deps.lessons.getState().open(f.lesson.id)
      const l = deps.lessons.getState()
      if (!l.lesson) return
      if (l.stepIndex !== f.lesson.step) l.go(f.lesson.step)
      if (f.lesson.revealed && !deps.lessons.getState().revealed) deps.lessons.getState().reveal()
    } else if (runner.lesson) {
      runner.close()
      // the lesson gave back the design it held; the room's is the one to show
      binding?.resync()
    }
    const ui = stores.ui.getState()
    if (JSON.stringify(ui.highlight) !== JSON.stringify(f.highlight)) ui.setHighlight(f.highlight)
    await followSim(f.sim, f.lesson !== null)
  }

  async function followSim(target: FollowSim | null, inLesson: boolean) {
    const controls = stores.engine.sim
    const sim = stores.sim.getState()
    if (!target) {
      // a lesson step loads and unloads its own scenario
      if (sim.status !== 'idle' && !inLesson) controls.unload()
      return
    }
    if (sim.status !== 'ready' || sim.scenario !== target.scenario) await controls.load(target.scenario)
    const now = stores.sim.getState()
    if (now.status !== 'ready') return
    if (now.speed !== target.speed) controls.speed(target.speed)
    if (target.playing) {
      // the simulator keeps its clock in step with the presenter's sample, frame by frame: a sample cannot be
      // from later than now (a presenter's machine clock ahead of ours): it is taken as of now at the latest
      controls.follow({ nowMs: target.nowMs, atMs: Math.min(target.atMs, epochNow()), speed: target.speed })
      if (!now.playing || now.untilMs !== target.untilMs)
        target.untilMs === null ? controls.play() : controls.playUntil(target.untilMs)
      return
    }
    controls.follow(null)
    // a pause first: a control that arrives during a seek cuts the seek short
    if (now.playing) controls.pause()
    // paused: the very moment
    if (Math.abs(simClock() - target.nowMs) > 1) controls.seek(target.nowMs)
  }

  /** The follower's answer to the current quiz (a click on a resource) goes to the presenter's tally. */
  function answerQuizzes() {
    stops.push(
      deps.lessons.subscribe((s, prev) => {
        // a click answers; the verdict waits for the presenter's reveal, for the whole class at once
        if (s.revealed && !prev.revealed && !store.getState().presenter?.follow?.lesson?.revealed)
          deps.lessons.setState({ revealed: false })
        if (s.answer === prev.answer && s.stepIndex === prev.stepIndex) return
        publish({ answer: s.lesson && s.answer ? { lesson: s.lesson.id, step: s.stepIndex, id: s.answer } : null })
      }),
    )
  }

  // --- joining and leaving ---------------------------------------------------------------------------------------

  /** what this person last told the others: said again to a new connection after the relay came back */
  let presence: Presence | null = null
  let everLive = false
  let retry: ReturnType<typeof setTimeout> | undefined

  function openProvider(Provider: typeof HocuspocusProvider, doc: Y.Doc, roomId: string, token: string) {
    const { relayUrl } = store.getState()
    const p: HocuspocusProvider = new Provider({
      url: relayUrl,
      name: roomId,
      token,
      document: doc,
      onAuthenticated: () => {
        everLive = true
        set({ status: 'live', message: null })
        if (presence) p.awareness?.setLocalState({ ...presence, ...lastSaid })
      },
      onAuthenticationFailed: ({ reason }) => {
        if (provider !== p || leaving) return
        // a relay that restarted knows no editor in the room until one is back: a follower waits and tries again
        if (reason === 'no-session' && everLive) {
          set({ status: 'offline' })
          p.destroy()
          retry = setTimeout(() => {
            if (provider !== p || leaving) return
            openProvider(Provider, doc, roomId, token)
          }, RETRY_MS)
          return
        }
        const message = REFUSALS[reason] ?? `The relay turned the session away (${reason}).`
        void leave().then(() => set({ status: 'refused', message }))
      },
      onStatus: ({ status }) => {
        if (provider !== p || leaving) return
        if (status === 'disconnected' && store.getState().status === 'live') set({ status: 'offline' })
      },
      onAwarenessChange: onAwareness,
    })
    provider = p
  }

  async function connect(token: string, role: SessionRole, seed: boolean) {
    const [where, [{ HocuspocusProvider }, Y, { bindDesign }]] = await Promise.all([roomOfToken(token), client()])
    if (!where) {
      set({ status: 'refused', message: 'That is not a session code: a class code has 16 letters and digits.' })
      return
    }
    const { name } = store.getState()
    const doc = new Y.Doc()
    const writes = role !== 'follower'
    binding = bindDesign(doc, stores.design, {
      writes,
      seed,
      tag: doc.clientID.toString(36).slice(-4),
      onLoadErrors: (loadErrors) => set({ loadErrors }),
      onRenamed: (renames) => {
        const ui = stores.ui.getState()
        ui.setSelection(ui.selectedIds.map((id) => renames.get(id) ?? id))
      },
    })
    set({ status: 'connecting', role, message: null, loadErrors: null })
    // said to the others once the relay lets us in
    presence = { name: name || defaultName(role), color: colorOf(doc.clientID), role, cursor: null, selection: [] }
    openProvider(HocuspocusProvider, doc, where.roomId, token)
    if (role === 'presenter') presentTo()
    if (role === 'follower') answerQuizzes()
    if (writes)
      stops.push(
        stores.ui.subscribe((s, prev) => {
          if (s.selectedIds !== prev.selectedIds) publish({ selection: s.selectedIds.slice(0, 200) })
        }),
      )
    if (role === 'follower')
      stops.push(
        // "Make my copy" on a follower: the design on screen becomes theirs, and the session is left
        stores.ui.subscribe((s, prev) => {
          if (prev.readOnly && !s.readOnly && !leaving && !deps.lessons.getState().lesson) void leave({ keep: true })
        }),
      )
  }

  function remember(name: string, relayUrl: string) {
    const clean = cleanName(name, '')
    set({ name: clean, relayUrl })
    try {
      deps.remember?.setItem(NAME_KEY, clean)
      deps.remember?.setItem(RELAY_KEY, relayUrl)
    } catch {
      // nothing is lost: the name is asked again next time
    }
  }

  async function start(options: { name: string; relayUrl: string }) {
    if (store.getState().status !== 'off' && store.getState().status !== 'refused') return
    remember(options.name, options.relayUrl)
    const editorKey = newEditorKey()
    const classCode = await classCodeOf(editorKey)
    set({ editorKey, classCode })
    await connect(editorKey, 'presenter', true)
  }

  async function join(options: { token: string; name: string; relayUrl: string }) {
    if (store.getState().status !== 'off' && store.getState().status !== 'refused') return
    remember(options.name, options.relayUrl)
    const token = normaliseKey(options.token)
    const role = keyRole(token)
    if (!role) {
      set({ status: 'refused', message: 'That is not a session code: a class code has 16 letters and digits.' })
      return
    }
    // joining never replaces the design on screen without a way back
    if (role === 'follower') {
      const d = stores.design.getState()
      held = {
        design: { design: d.design, past: d.past, future: d.future, labels: d.labels },
        readOnly: stores.ui.getState().readOnly,
      }
      stores.ui.getState().setReadOnly(true)
    } else {
      const kept = keptNotice(await stores.library?.keepBeforeReplace())
      if (kept.actions) stores.ui.getState().notify({ tone: 'info', ...kept })
    }
    set({
      classCode: role === 'follower' ? token : await classCodeOf(token),
      editorKey: role === 'editor' ? token : null,
    })
    await connect(token, role, false)
  }

  /** Leaves the room. A follower gets their own design back, unless they made the room's design theirs (`keep`). */
  async function leave(options: { keep?: boolean } = {}) {
    leaving = true
    clearTimeout(retry)
    clearTimeout(followTimer)
    followTimer = undefined
    for (const stop of stops) stop()
    stops = []
    binding?.dispose()
    binding = null
    provider?.destroy()
    provider = null
    await following
    const wasFollower = store.getState().role === 'follower'
    // the simulator plays on its own clock again
    if (wasFollower) stores.engine.sim.follow(null)
    if (wasFollower && deps.lessons.getState().lesson) deps.lessons.getState().close()
    if (held && !options.keep) {
      stores.design.setState(held.design)
      stores.ui.getState().setReadOnly(held.readOnly)
      stores.ui.getState().setHighlight(null)
    }
    held = null
    presence = null
    lastSaid = {}
    everLive = false
    lastFollow = ''
    clockSent = null
    viewport = null
    set({
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
    })
    leaving = false
  }

  return {
    store,
    start,
    join,
    leave,
    links,
    groupedCode: () => groupedCode(store.getState().classCode ?? ''),
    /** the pointer over the canvas, in the design's coordinates (null: it left the canvas) */
    pointer(at: { x: number; y: number } | null) {
      if (store.getState().role !== 'follower') publish({ cursor: at })
    },
    /** the canvas's view: the presenter's goes to followers who follow it */
    view(v: Viewport) {
      viewport = v
      scheduleFollow()
    },
    setFollowView: (followView: boolean) => set({ followView }),
    /** undo this person's last edit (the way out of a merge that does not load) */
    undoMine: () => binding?.undoManager.undo(),
  }
}

function defaultName(role: SessionRole): string {
  return role === 'presenter' ? 'Trainer' : role === 'editor' ? 'Editor' : 'Student'
}
