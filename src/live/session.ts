// A live session over the app's stores: the design store bound to the room's shared document through the relay
// (connection.ts), presence through awareness (localPresence.ts, room.ts), and follow mode for a class
// (presenting.ts, following.ts). The person who starts it presents; a class code lets followers watch, read-only;
// an editor link lets a colleague edit with them.
// Work is never lost by joining or leaving: a follower's own design is held aside and given back on leaving (as
// the lesson runner does); an editor's own design is saved where it is kept before the shared one replaces it.
import type { Stores } from '../store/context'
import type { DesignState } from '../store/designStore'
import { keepForReplace } from '../store/inPlace'
import type { Binding } from './binding'
import { type Connection, createConnection } from './connection'
import { createFollowing, type Following } from './following'
import { createLocalPresence, type LocalPresence } from './localPresence'
import { colorOf, type SessionRole, type Viewport } from './presence'
import { createPresenting, type Presenting } from './presenting'
import { roomView } from './room'
import { classCodeOf, groupedCode, keyRole, newEditorKey, normaliseKey, roomOfToken } from './roomKeys'
import { createLiveStore, type LiveDeps, type LiveStore, OUT_OF_SESSION, rememberChoice } from './state'

export type { LiveDeps, LiveState } from './state'

const NOT_A_CODE = 'That is not a session code: a class code has 16 letters and digits.'

/**
 * Yjs, the Hocuspocus client and the design's binding load when a session is started or joined, not with the
 * studio (34 KB of its initial JavaScript, gzipped). The app fetches them once the Live menu is wanted
 * (preloadLiveClient), so starting a session waits on nothing that was not already on its way.
 */
const client = () => Promise.all([import('@hocuspocus/provider'), import('yjs'), import('./binding')] as const)
export const preloadLiveClient = client

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

/** One session's parts and what they share: the room joined, the design held aside, the subscriptions to stop. */
interface Session {
  stores: Stores
  deps: LiveDeps
  store: LiveStore
  connection: Connection
  voice: LocalPresence
  presenting: Presenting
  following: Following
  binding: Binding | null
  stops: (() => void)[]
  /** a follower's own design state, given back on leaving */
  held: { design: Pick<DesignState, 'design' | 'past' | 'future' | 'labels'>; readOnly: boolean } | null
  leaving: boolean
}

export type LiveSession = ReturnType<typeof createLiveSession>

export function createLiveSession(stores: Stores, deps: LiveDeps, defaultRelay: string) {
  const store = createLiveStore(deps, defaultRelay)
  const role = () => store.getState().role
  const s: Session = {
    stores,
    deps,
    store,
    binding: null,
    stops: [],
    held: null,
    leaving: false,
    connection: createConnection(store, {
      leaving: () => s.leaving,
      onAuthenticated: (p) => s.voice.sayAgain(p),
      onAwareness: () => onAwareness(s),
      onSynced: () => s.following.roomArrived(),
      onRefused: (message) => void leave(s).then(() => store.setState({ status: 'refused', message })),
    }),
    voice: createLocalPresence(() => s.connection.current()),
    presenting: createPresenting({
      stores,
      lessons: deps.lessons,
      isPresenter: () => role() === 'presenter',
      publish: (patch) => s.voice.publish(patch),
      onSent: () => onAwareness(s),
    }),
    following: createFollowing({
      stores,
      lessons: deps.lessons,
      isFollower: () => role() === 'follower',
      presenterRevealed: () => store.getState().presenter?.follow?.lesson?.revealed === true,
      publish: (patch) => s.voice.publish(patch),
      resync: () => s.binding?.resync(),
      onViewport: (presenterViewport) => store.setState({ presenterViewport }),
    }),
  }
  return {
    store,
    start: (options: { name: string; relayUrl: string }) => start(s, options),
    join: (options: { token: string; name: string; relayUrl: string }) => join(s, options),
    /** Leaves the room. A follower gets their own design back, unless they made the room's design theirs (`keep`). */
    leave: (options: { keep?: boolean } = {}) => leave(s, options),
    links: () => linksOf(s),
    groupedCode: () => groupedCode(store.getState().classCode ?? ''),
    /** the pointer over the canvas, in the design's coordinates (null: it left the canvas) */
    pointer(at: { x: number; y: number } | null) {
      if (role() !== 'follower') s.voice.publish({ cursor: at })
    },
    /** the canvas's view: the presenter's goes to followers who follow it */
    view: (v: Viewport) => s.presenting.view(v),
    setFollowView: (followView: boolean) => store.setState({ followView }),
    /** undo this person's last edit (the way out of a merge that does not load) */
    undoMine: () => s.binding?.undoManager.undo(),
  }
}

function linksOf({ store, deps }: Session) {
  const { classCode, editorKey, relayUrl } = store.getState()
  const base = `${deps.location.origin}${deps.location.pathname}`
  const relay = `relay=${encodeURIComponent(relayUrl)}`
  return {
    follow: classCode ? `${base}#follow=${classCode}&${relay}` : null,
    edit: editorKey ? `${base}#edit=${editorKey}&${relay}` : null,
  }
}

/** What everyone sees of everyone; a follower does what the presenter now does. */
function onAwareness(s: Session) {
  const awareness = s.connection.current()?.awareness
  if (!awareness) return
  const mine = s.store.getState().role
  const view = roomView(awareness, mine, s.deps.lessons.getState())
  s.store.setState(view)
  if (mine === 'follower' && view.presenter?.follow) s.following.follow(view.presenter.follow)
}

/** Binds the design to the room's document, opens the connection, and starts what this person's role does. */
async function connect(s: Session, token: string, role: SessionRole, starts: boolean) {
  const [where, [{ HocuspocusProvider }, Y, { bindDesign }]] = await Promise.all([roomOfToken(token), client()])
  if (!where) {
    s.store.setState({ status: 'refused', message: NOT_A_CODE })
    return
  }
  const { name } = s.store.getState()
  const doc = new Y.Doc()
  const writes = role !== 'follower'
  s.binding = bindDesign(doc, s.stores.design, {
    writes,
    starts,
    tag: doc.clientID.toString(36).slice(-4),
    onLoadErrors: (loadErrors) => s.store.setState({ loadErrors }),
    onRenamed: (renames) => {
      const ui = s.stores.ui.getState()
      ui.setSelection(ui.selectedIds.map((id) => renames.get(id) ?? id))
    },
  })
  s.store.setState({ status: 'connecting', role, message: null, loadErrors: null })
  // said to the others once the relay lets us in
  s.voice.begin({ name: name || defaultName(role), color: colorOf(doc.clientID), role, cursor: null, selection: [] })
  if (role === 'follower') {
    s.following.awaitRoom()
    s.stops.push(s.following.keepPlaying(), s.following.answerQuizzes(), leaveOnOwnCopy(s))
  }
  s.connection.open(HocuspocusProvider, doc, where.roomId, token)
  if (role === 'presenter') s.stops.push(...s.presenting.start())
  if (writes)
    s.stops.push(
      s.stores.ui.subscribe((now, prev) => {
        if (now.selectedIds !== prev.selectedIds) s.voice.publish({ selection: now.selectedIds.slice(0, 200) })
      }),
    )
}

/** "Make my copy" on a follower: the design on screen becomes theirs, and the session is left. */
function leaveOnOwnCopy(s: Session): () => void {
  return s.stores.ui.subscribe((now, prev) => {
    if (prev.readOnly && !now.readOnly && !s.leaving && !s.deps.lessons.getState().lesson) void leave(s, { keep: true })
  })
}

const canStart = (s: Session) => s.store.getState().status === 'off' || s.store.getState().status === 'refused'

async function start(s: Session, options: { name: string; relayUrl: string }) {
  if (!canStart(s)) return
  rememberChoice(s.store, s.deps, options.name, options.relayUrl)
  const editorKey = newEditorKey()
  const classCode = await classCodeOf(editorKey)
  s.store.setState({ editorKey, classCode })
  await connect(s, editorKey, 'presenter', true)
}

async function join(s: Session, options: { token: string; name: string; relayUrl: string }) {
  if (!canStart(s)) return
  rememberChoice(s.store, s.deps, options.name, options.relayUrl)
  const token = normaliseKey(options.token)
  const role = keyRole(token)
  if (!role) {
    s.store.setState({ status: 'refused', message: NOT_A_CODE })
    return
  }
  // joining never replaces the design on screen without a way back
  if (role === 'follower') {
    const d = s.stores.design.getState()
    s.held = {
      design: { design: d.design, past: d.past, future: d.future, labels: d.labels },
      readOnly: s.stores.ui.getState().readOnly,
    }
    s.stores.ui.getState().setReadOnly(true)
  } else if (!(await keepForReplace(s.stores, 'The live session'))) return
  s.store.setState({
    classCode: role === 'follower' ? token : await classCodeOf(token),
    editorKey: role === 'editor' ? token : null,
  })
  await connect(s, token, role, false)
}

async function leave(s: Session, options: { keep?: boolean } = {}) {
  s.leaving = true
  s.presenting.stop()
  s.following.stop()
  for (const stop of s.stops) stop()
  s.stops = []
  s.binding?.dispose()
  s.binding = null
  s.connection.close()
  await s.following.settled()
  const { stores, deps } = s
  const wasFollower = s.store.getState().role === 'follower'
  // the simulator plays on its own clock again
  if (wasFollower) stores.engine.sim.follow(null)
  if (wasFollower && deps.lessons.getState().lesson) deps.lessons.getState().close()
  if (s.held && !options.keep) {
    stores.design.setState(s.held.design)
    stores.ui.getState().setReadOnly(s.held.readOnly)
    stores.ui.getState().setHighlight(null)
  }
  s.held = null
  s.voice.reset()
  s.following.reset()
  s.presenting.reset()
  s.store.setState(OUT_OF_SESSION)
  s.leaving = false
}

function defaultName(role: SessionRole): string {
  return role === 'presenter' ? 'Trainer' : role === 'editor' ? 'Editor' : 'Student'
}
