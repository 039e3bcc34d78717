// What a live session draws over the canvas: the others' pointers and selections (in the design's coordinates,
// so they land on the same resource at any zoom), the session card (who presents, how many follow, the quiz
// tally), a merge that does not load, and the view: the presenter's goes out, a follower's may follow it.
import { useStore as useFlowStore, useReactFlow, useViewport } from '@xyflow/react'
import { useEffect, useMemo, useRef } from 'react'
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { LoadError } from '../model'
import { useDesign } from '../store/context'
import { useLiveSession } from './context'
import { type Person, pointerEveryMs } from './presence'
import type { LiveSession, LiveState } from './session'

export function LiveLayer() {
  const live = useLiveSession()
  const status = useStore(live?.store ?? NO_STORE, (s) => s.status)
  if (!live || status === 'off' || status === 'refused') return null
  return <Layer live={live} />
}

// components without a session subscribe to nothing that changes (hooks cannot be called conditionally)
const NO_STORE = createStore(() => ({ status: 'off' as const }))

function Layer({ live }: { live: LiveSession }) {
  const ref = useRef<HTMLDivElement>(null)
  const flow = useReactFlow()
  const { x, y, zoom } = useViewport()
  const role = useStore(live.store, (s) => s.role)
  const people = useStore(live.store, (s) => s.people)
  const followView = useStore(live.store, (s) => s.followView)
  const presenterViewport = useStore(live.store, (s) => s.presenterViewport)

  // the pointer, over the canvas this layer covers (the layer itself lets every event through)
  useEffect(() => {
    const canvas = ref.current?.parentElement
    if (!canvas) return
    let last = 0
    const move = (e: PointerEvent) => {
      const now = performance.now()
      // enough to follow a hand, never a flood for the relay (fewer as the room grows)
      if (now - last < pointerEveryMs(live.store.getState().people.length + 1)) return
      last = now
      live.pointer(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
    }
    const out = () => live.pointer(null)
    canvas.addEventListener('pointermove', move)
    canvas.addEventListener('pointerleave', out)
    return () => {
      canvas.removeEventListener('pointermove', move)
      canvas.removeEventListener('pointerleave', out)
    }
  }, [live, flow])

  // the presenter's view goes out; a follower who follows it moves with it
  useEffect(() => {
    if (role === 'presenter') live.view({ x, y, zoom })
  }, [live, role, x, y, zoom])
  useEffect(() => {
    if (role === 'follower' && followView && presenterViewport) void flow.setViewport(presenterViewport)
  }, [flow, role, followView, presenterViewport])

  const shown = people.filter((p) => p.role !== 'follower')
  return (
    <div ref={ref} className="pointer-events-none absolute inset-0 z-10 overflow-hidden" data-testid="live-layer">
      {shown.map((p) => (
        <Selection key={`sel-${p.clientId}`} person={p} />
      ))}
      {shown.map((p) =>
        p.cursor ? (
          <Cursor key={`cur-${p.clientId}`} person={p} at={{ x: p.cursor.x * zoom + x, y: p.cursor.y * zoom + y }} />
        ) : null,
      )}
      <SessionCard live={live} />
    </div>
  )
}

function Cursor({ person, at }: { person: Person; at: { x: number; y: number } }) {
  return (
    <div
      className="absolute left-0 top-0"
      style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
      data-testid="live-cursor"
      data-name={person.name}
    >
      <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
        <path
          d="M1 1 L1 17 L5 13 L8 19 L10.5 18 L7.5 12 L13 12 Z"
          fill={person.color}
          stroke="white"
          strokeWidth="1.2"
        />
      </svg>
      <span
        className="ml-3 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium text-white shadow"
        style={{ background: person.color }}
      >
        {person.name}
      </span>
    </div>
  )
}

/** A ring around each resource another person has selected, with their name on it. */
function Selection({ person }: { person: Person }) {
  const { x, y, zoom } = useViewport()
  // positions and sizes as React Flow measured them; re-read when the nodes move
  const boxes = useFlowStore(
    (s) =>
      person.selection.flatMap((id) => {
        const n = s.nodeLookup.get(id)
        if (!n) return []
        const w = n.measured.width ?? 0
        const h = n.measured.height ?? 0
        return [{ id, left: n.internals.positionAbsolute.x, top: n.internals.positionAbsolute.y, w, h }]
      }),
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  )
  return (
    <>
      {boxes.map((b) => (
        <div
          key={b.id}
          className="absolute rounded-md"
          data-testid="live-selection"
          data-id={b.id}
          style={{
            left: b.left * zoom + x - 3,
            top: b.top * zoom + y - 3,
            width: b.w * zoom + 6,
            height: b.h * zoom + 6,
            boxShadow: `0 0 0 2px ${person.color}`,
          }}
        >
          <span
            className="absolute -top-5 left-0 whitespace-nowrap rounded px-1 text-[10px] font-medium text-white"
            style={{ background: person.color }}
          >
            {person.name}
          </span>
        </div>
      ))}
    </>
  )
}

function SessionCard({ live }: { live: LiveSession }) {
  const s = useStore(live.store)
  const offline = s.status === 'offline' || s.status === 'connecting'
  return (
    <section
      aria-label="Live session"
      data-testid="live-card"
      className="pointer-events-auto absolute bottom-8 right-3 w-64 rounded-lg border border-slate-200 bg-white/95 p-3 text-sm shadow-lg"
    >
      <p className="flex items-center gap-2 font-semibold">
        <span
          className={`inline-block h-2.5 w-2.5 rounded-full ${offline ? 'bg-amber-500' : 'bg-red-600'}`}
          aria-hidden="true"
        />
        {s.status === 'connecting' ? 'Connecting…' : s.status === 'offline' ? 'Reconnecting…' : 'Live'}
        <span className="ml-auto font-normal text-slate-600" data-testid="live-followers">
          {s.followers} following
        </span>
      </p>
      {s.role === 'follower' ? <FollowerLine live={live} s={s} /> : <PresenterLine live={live} people={s.people} />}
      {s.status === 'offline' && (
        <p className="mt-1 text-xs text-amber-800">
          The relay is out of reach. Edits are kept here and sent when it is back.
        </p>
      )}
      {s.tally && <QuizTally tally={s.tally} />}
      {s.loadErrors && <MergeProblems errors={s.loadErrors} canUndo={s.role !== 'follower'} live={live} />}
    </section>
  )
}

/** A follower's: who presents, and whether their view follows the presenter's. */
function FollowerLine({ live, s }: { live: LiveSession; s: LiveState }) {
  return (
    <>
      <p className="mt-1 text-slate-700" data-testid="live-presenter">
        {s.presenter ? `${s.presenter.name} is presenting` : 'Waiting for the presenter…'}
      </p>
      <label className="mt-2 flex items-center gap-2 text-slate-700">
        <input type="checkbox" checked={s.followView} onChange={(e) => live.setFollowView(e.target.checked)} />
        Follow the presenter’s view
      </label>
    </>
  )
}

/** The presenter's and an editor's: the class code, and who edits with them. */
function PresenterLine({ live, people }: { live: LiveSession; people: Person[] }) {
  const editors = people.filter((p) => p.role !== 'follower')
  return (
    <p className="mt-1 text-slate-700">
      Class code{' '}
      <span className="font-mono font-semibold" data-testid="live-code">
        {live.groupedCode()}
      </span>
      {editors.length > 0 && (
        <span className="block text-xs text-slate-500">Editing with {editors.map((p) => p.name).join(', ')}</span>
      )}
    </p>
  )
}

/** The presenter's, on a quiz step: each resource the class chose, how many chose it and who. */
function QuizTally({ tally }: { tally: NonNullable<LiveState['tally']> }) {
  const resources = useDesign((d) => d.design.resources)
  const names = useMemo(() => new Map(resources.map((r) => [r.id, r.name ?? r.id])), [resources])
  return (
    <div className="mt-2 border-t border-slate-200 pt-2" data-testid="live-tally">
      <p className="font-medium">Quiz answers</p>
      {tally.length === 0 ? (
        <p className="text-slate-500">No answers yet.</p>
      ) : (
        <ul>
          {tally.map((t) => (
            <li key={t.id} title={t.names.join(', ')}>
              <span className="font-semibold">{t.names.length}</span> · {names.get(t.id) ?? t.id}
              <span className="block truncate text-xs text-slate-500">{t.names.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The merged design does not load: what is wrong, and (for those who edit) undoing one's own last edit. */
function MergeProblems({ errors, canUndo, live }: { errors: LoadError[]; canUndo: boolean; live: LiveSession }) {
  return (
    <div role="alert" className="mt-2 border-t border-red-200 pt-2 text-red-900" data-testid="live-load-errors">
      <p className="font-medium">The merged design does not load:</p>
      <ul className="list-disc pl-4 text-xs">
        {errors.slice(0, 5).map((e) => (
          <li key={`${e.code}${e.path}`}>
            {e.code} {e.message}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs">The canvas shows the last design that loaded. Fix it, or undo your last edit.</p>
      {canUndo && (
        <button
          type="button"
          className="mt-1 rounded border border-red-300 bg-white px-2 py-0.5 text-xs hover:bg-red-50"
          onClick={() => live.undoMine()}
        >
          Undo my last edit
        </button>
      )}
    </div>
  )
}
