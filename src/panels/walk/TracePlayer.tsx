// Plays a traced round trip hop by hop, like a network simulator's step mode: the current hop is lit on the
// canvas, its steps show the inner headers, the Geneve header where the packet is encapsulated, and the
// rule that decided, in plain words. Back/forward with buttons or the arrow keys; the reply on demand.
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react'
import { isDropped, type RoundTrip, type Step, type Trace } from '../../../worker/engine/types'
import { useStores } from '../../store/context'
import type { Highlight } from '../../store/uiStore'
import { dispositionWords, headersText, hopHighlight, inspectionOf, outerText, ruleText } from './walkModel'

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
const PLAY_MS = 1100

export type Leg = 'request' | 'reply'

/** Keys typed into a form field stay there. */
export function typingIn(e: KeyboardEvent): boolean {
  return e.target instanceof Element && e.target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

export interface TracePlayerProps {
  roundTrip: RoundTrip
  leg?: Leg
  /** start playing at once (lessons); the walk starts at the first hop, paused */
  autoPlay?: boolean
  /** start at the last hop (a revealed quiz answer) */
  atEnd?: boolean
  /** the arrow keys move between hops while this player is the one in use */
  keys?: boolean
  /** larger type, for presenter mode */
  large?: boolean
}

export function TracePlayer({
  roundTrip,
  leg: chosenLeg = 'request',
  autoPlay = false,
  atEnd = false,
  keys = false,
  large = false,
}: TracePlayerProps) {
  const [wantedLeg, setLeg] = useState<Leg>(chosenLeg)
  // a round trip traced again (on a changed design) may have lost its reply: show the request then
  const leg: Leg = wantedLeg === 'reply' && roundTrip.reply ? 'reply' : 'request'
  const trace = leg === 'reply' && roundTrip.reply ? roundTrip.reply : roundTrip.request
  const lastIndex = Math.max(0, trace.hops.length - 1)
  const [wantedIndex, setIndex] = useState(atEnd ? lastIndex : 0)
  // ... or hops: stay on the same hop where it still exists, else on the last
  const index = Math.min(wantedIndex, lastIndex)
  const [playing, setPlaying] = useState(autoPlay && !atEnd)

  useLitPath(roundTrip, trace, index)
  useAutoStep(playing, setPlaying, index, setIndex, lastIndex)
  useHopKeys(keys, lastIndex, setIndex, setPlaying)

  const switchLeg = (next: Leg) => {
    setLeg(next)
    setIndex(0)
    setPlaying(true)
  }
  const go = (i: number) => {
    setPlaying(false)
    setIndex(Math.max(0, Math.min(i, lastIndex)))
  }
  const text = large ? 'text-base' : 'text-xs'

  return (
    <div data-testid="trace-player" data-leg={leg} className={`flex flex-col gap-2 ${text}`}>
      <HopControls
        index={index}
        count={trace.hops.length}
        playing={playing}
        go={go}
        playOrPause={() => {
          if (index >= lastIndex) setIndex(0)
          setPlaying((p) => !p)
        }}
      />

      <LegSwitch leg={leg} hasReply={Boolean(roundTrip.reply)} onSwitch={switchLeg} />

      <p className="text-slate-700" data-testid="walk-packet">
        {leg === 'reply' ? 'Reply' : 'Request'}: {headersText(trace.packet)}
      </p>

      <HopList trace={trace} index={index} go={go} />

      <Outcome trace={trace} />

      <AssumptionsUsed trace={trace} />
    </div>
  )
}

/** The hops, each a button to go to it; the current one open on its steps, the last red where the packet drops. */
function HopList({ trace, index, go }: { trace: Trace; index: number; go: (i: number) => void }) {
  const lastIndex = trace.hops.length - 1
  const dropped = isDropped(trace.disposition)
  return (
    <ol className="flex flex-col gap-0.5" aria-label="Hops">
      {trace.hops.map((h, i) => {
        const current = i === index
        const dropHere = dropped && i === lastIndex
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trace never changes; its hops are known by their position
          <li key={`${i}-${h.resourceId}`} data-testid={`hop-${i}`} data-current={current || undefined}>
            <button
              type="button"
              onClick={() => go(i)}
              className={`w-full rounded px-1.5 py-0.5 text-left ${current ? 'bg-yellow-100 font-semibold text-slate-900' : 'text-slate-700 hover:bg-slate-100'} ${dropHere ? 'text-red-800' : ''}`}
            >
              {i + 1}. {h.name} <span className="font-normal text-slate-500">({h.kind})</span>
            </button>
            {current && <HopSteps steps={h.steps} />}
          </li>
        )
      })}
    </ol>
  )
}

function HopSteps({ steps }: { steps: Step[] }) {
  return (
    <ul className="my-1 ml-3 flex flex-col gap-1 border-l-2 border-yellow-300 pl-2" data-testid="current-hop">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a hop's steps never change; they are known by their position
        <li key={i} className={s.action === 'drop' ? 'text-red-800' : 'text-slate-800'}>
          <span className="mr-1 rounded bg-slate-100 px-1 font-mono text-[0.8em] text-slate-600">{s.action}</span>{' '}
          {/* a space, not only a margin: copied or read aloud, "send" and "sends …" ran together ("sendsends") */}
          {s.text}
          <div className="text-slate-600">
            <span className="font-medium">Inner:</span> {headersText(s.packet)}
          </div>
          {s.outer && (
            <div className="text-violet-800" data-testid="outer-header">
              <span className="font-medium">Outer:</span> {outerText(s.outer)}
              {s.outer.options.length > 0 && (
                <div>Geneve options: {s.outer.options.map((o) => `${o.name} ${o.value}`).join(', ')}</div>
              )}
            </div>
          )}
          {s.rule && (
            <div className="text-sky-900" data-testid="step-rule">
              <span className="font-medium">Rule:</span> {ruleText(s.rule)}
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}

/** Lights the current hop's path on the canvas, and takes it off when the player goes (unless another lit since). */
function useLitPath(roundTrip: RoundTrip, trace: Trace, index: number) {
  const { ui, design: designStore } = useStores()
  // the design drawn, whose route lines the path lights (read when lighting: a changed design is traced again)
  const getDesign = designStore.getState
  // what this player last lit, and for which round trip
  const lit = useRef<Highlight | null>(null)
  const litFor = useRef(roundTrip)
  useEffect(() => {
    const store = ui.getState()
    const mine = lit.current !== null && store.highlight === lit.current
    // a new round trip in the same player (the walk traced again after an edit) relights the canvas only where
    // it still shows this player's path: a lesson may have lit its own meanwhile
    if (litFor.current !== roundTrip && !mine) {
      litFor.current = roundTrip
      return
    }
    litFor.current = roundTrip
    if (!trace.hops.length) {
      if (mine) {
        lit.current = null
        store.setHighlight(null)
      }
      return
    }
    const h = hopHighlight(trace, index, getDesign().design)
    lit.current = h
    store.setHighlight(h)
  }, [ui, roundTrip, trace, index, getDesign])
  // gone (the walk's result cleared, a new trace): its path leaves the canvas, unless something else lit it since
  useEffect(
    () => () => {
      if (lit.current && ui.getState().highlight === lit.current) ui.getState().setHighlight(null)
    },
    [ui],
  )
}

/** While playing, one hop forward every PLAY_MS, stopping at the last. */
function useAutoStep(
  playing: boolean,
  setPlaying: (p: boolean) => void,
  index: number,
  setIndex: Dispatch<SetStateAction<number>>,
  lastIndex: number,
) {
  useEffect(() => {
    if (!playing) return
    if (index >= lastIndex) {
      setPlaying(false)
      return
    }
    const t = setTimeout(() => setIndex((i) => Math.min(i + 1, lastIndex)), PLAY_MS)
    return () => clearTimeout(t)
  }, [playing, index, lastIndex, setIndex, setPlaying])
}

/** The arrow keys, Home and End move between hops while this player is the one in use. */
function useHopKeys(
  keys: boolean,
  lastIndex: number,
  setIndex: Dispatch<SetStateAction<number>>,
  setPlaying: (p: boolean) => void,
) {
  useEffect(() => {
    if (!keys) return
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e)) return
      if (e.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, lastIndex))
      else if (e.key === 'ArrowLeft') setIndex((i) => Math.max(Math.min(i, lastIndex) - 1, 0))
      else if (e.key === 'Home') setIndex(0)
      else if (e.key === 'End') setIndex(lastIndex)
      else return
      setPlaying(false)
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [keys, lastIndex, setIndex, setPlaying])
}

/** First, back, play or pause, forward, last; and where the player is. */
function HopControls({
  index,
  count,
  playing,
  go,
  playOrPause,
}: {
  index: number
  count: number
  playing: boolean
  go: (i: number) => void
  playOrPause: () => void
}) {
  const lastIndex = Math.max(0, count - 1)
  return (
    <div className="flex flex-wrap items-center gap-1">
      <button type="button" className={BUTTON} onClick={() => go(0)} disabled={index === 0} aria-label="First hop">
        « First
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => go(index - 1)}
        disabled={index === 0}
        data-testid="walk-back"
        aria-label="Back one hop"
      >
        ◀ Back
      </button>
      <button type="button" className={BUTTON} data-testid="walk-play" onClick={playOrPause}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => go(index + 1)}
        disabled={index >= lastIndex}
        data-testid="walk-next"
        aria-label="Forward one hop"
      >
        Forward ▶
      </button>
      <button
        type="button"
        className={BUTTON}
        onClick={() => go(lastIndex)}
        disabled={index >= lastIndex}
        aria-label="Last hop"
      >
        Last »
      </button>
      <span className="ml-auto text-slate-600" data-testid="walk-position">
        hop {count ? index + 1 : 0} of {count}
      </span>
    </div>
  )
}

/** Request or reply; the reply only where the request arrived. */
function LegSwitch({ leg, hasReply, onSwitch }: { leg: Leg; hasReply: boolean; onSwitch: (leg: Leg) => void }) {
  return (
    <fieldset className="flex min-w-0 gap-1" aria-label="Direction">
      <button
        type="button"
        className={`${BUTTON} ${leg === 'request' ? 'border-sky-600 bg-sky-50' : ''}`}
        aria-pressed={leg === 'request'}
        onClick={() => onSwitch('request')}
      >
        Request
      </button>
      <button
        type="button"
        className={`${BUTTON} ${leg === 'reply' ? 'border-sky-600 bg-sky-50' : ''}`}
        aria-pressed={leg === 'reply'}
        disabled={!hasReply}
        title={
          hasReply ? 'The answer, from where the request arrived' : 'The request never arrived, so nothing answers'
        }
        data-testid="walk-show-reply"
        onClick={() => onSwitch('reply')}
      >
        {hasReply ? 'Show the reply' : 'No reply'}
      </button>
    </fieldset>
  )
}

/** How the trace ended, where, in words; and the appliances that inspected it. */
function Outcome({ trace }: { trace: Trace }) {
  const dropped = isDropped(trace.disposition)
  const lastIndex = Math.max(0, trace.hops.length - 1)
  return (
    <div
      data-testid="walk-disposition"
      data-disposition={trace.disposition}
      className={`rounded border px-2 py-1.5 ${dropped ? 'border-red-300 bg-red-50 text-red-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900'}`}
    >
      <p className="font-semibold">
        {dispositionWords(trace.disposition)} <span className="font-mono text-[0.85em]">{trace.disposition}</span>
        {dropped && trace.hops.length > 0 && <> at {trace.hops[lastIndex].name}</>}
      </p>
      <p>{trace.text}</p>
      <Inspection trace={trace} />
    </div>
  )
}

/** Which appliances inspected the packet, and which the GWLB sent it to but which dropped it before inspecting. */
function Inspection({ trace }: { trace: Trace }) {
  const { inspected, notInspected } = inspectionOf(trace)
  return (
    <>
      {inspected.length > 0 && <p className="text-slate-700">Inspected by {inspected.join(', ')}</p>}
      {notInspected.length > 0 && (
        <p className="text-slate-700" data-testid="not-inspected">
          Sent to {notInspected.join(', ')} by the GWLB, dropped before inspection
        </p>
      )}
    </>
  )
}

/** The engine assumptions the trace relied on, folded. */
function AssumptionsUsed({ trace }: { trace: Trace }) {
  if (!trace.assumptions.length) return null
  return (
    <details className="text-slate-600">
      <summary className="cursor-pointer">Assumptions used ({trace.assumptions.length})</summary>
      <ul className="ml-4 list-disc">
        {trace.assumptions.map((a) => (
          <li key={a.id}>
            <span className="font-mono">
              {a.id} = {a.value}
            </span>
            : {a.text}
          </li>
        ))}
      </ul>
    </details>
  )
}
