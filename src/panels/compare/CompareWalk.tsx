// A changed flow class walked in both designs, side by side: the hops of the request and of its answer before
// and after, where each ends, and the hops one walk has and the other has not. An entry standing for several
// classes lets the user pick which one is walked. The walk after is lit on the canvas
// (the canvas shows the design after); "Play" opens it in the Walk tab.
import { useEffect, useState } from 'react'
import { isDropped, type PacketSpec, type RoundTrip, type Trace } from '../../../worker/engine/types'
import type { ChangedFlow, ChangedMember } from '../../../worker/verify'
import type { Design } from '../../model'
import { useStores } from '../../store/context'
import { BUTTON } from '../verify/look'
import { walkPacket } from '../verify/walkRequest'
import { packetText } from '../verify/words'
import { dispositionWords } from '../walk/walkModel'

type Walked = { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }

/**
 * An entry of the Compare tab walked before and after. An entry stands for several changed classes (twin VPCs,
 * blocks no route tells apart): the user picks which of its first classes is walked, and the dialog says which
 * packet that is.
 */
export function CompareWalk({
  flow,
  before,
  after,
  onClose,
}: {
  flow: ChangedFlow
  before: unknown
  after: Design
  onClose: () => void
}) {
  const stores = useStores()
  const members = flow.members ?? [{ flowClass: flow.flowClass, packet: flow.packet }]
  const [picked, setPicked] = useState(0)
  const walked = members[picked] ?? members[0]
  const walks = useWalks(walked.packet, before, after)
  useLitLeg(walks)
  return (
    <div
      role="dialog"
      aria-label="Before and after"
      data-testid="compare-walk-dialog"
      className="fixed bottom-4 left-4 z-40 max-h-[55vh] w-[46rem] max-w-[calc(100vw-22rem)] overflow-y-auto rounded-lg border border-slate-300 bg-white p-3 text-xs shadow-xl"
    >
      <div className="mb-2 flex items-center gap-2">
        <h3 className="flex-1 text-sm font-semibold text-slate-900">Before and after: {walked.flowClass}</h3>
        <button
          type="button"
          className={BUTTON}
          onClick={() => walkPacket(stores, walked.packet, [], 'Changed flow class, after the change')}
        >
          Play after in the Walk tab
        </button>
        <button type="button" className={BUTTON} onClick={onClose}>
          Close
        </button>
      </div>
      {flow.classes > 1 && <ClassPicker flow={flow} members={members} picked={picked} onPick={setPicked} />}
      <p className="mb-1 text-slate-700" data-testid="compare-walk-packet">
        Walking the packet <span className="font-mono">{packetText(walked.packet)}</span>
      </p>
      {!walks && <p className="text-slate-600">Walking it in both designs…</p>}
      {walks && (
        <div className="grid grid-cols-2 gap-3">
          <Column title="Before" walked={walks.before} other={walks.after} testid="walk-before" />
          <Column title="After (on the canvas)" walked={walks.after} other={walks.before} testid="walk-after" />
        </div>
      )}
    </div>
  )
}

/** The entry's first classes, each with its packet: the one picked is walked. */
function ClassPicker({
  flow,
  members,
  picked,
  onPick,
}: {
  flow: ChangedFlow
  members: ChangedMember[]
  picked: number
  onPick: (n: number) => void
}) {
  const rest = flow.classes - members.length
  return (
    <div className="mb-2" data-testid="compare-walk-classes">
      <p className="text-slate-700">
        This entry stands for {flow.classes.toLocaleString('en-US')} changed classes; pick the one to walk:
      </p>
      <ol className="ml-4 list-decimal">
        {members.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an answer's list, never reordered
          <li key={i}>
            <button
              type="button"
              aria-pressed={i === picked}
              data-testid="compare-walk-class"
              onClick={() => onPick(i)}
              className={`text-left hover:underline ${i === picked ? 'font-semibold text-sky-900' : 'text-slate-700'}`}
            >
              {m.flowClass}: <span className="font-mono">{packetText(m.packet)}</span>
            </button>
          </li>
        ))}
      </ol>
      {rest > 0 && (
        <p className="text-slate-600" data-testid="compare-walk-more">
          and {rest.toLocaleString('en-US')} more classes alike, not listed
        </p>
      )}
    </div>
  )
}

type Walks = { before: Walked; after: Walked }

/** A packet traced in both designs; null while the worker walks it (another packet's walks are never shown). */
function useWalks(packet: PacketSpec, before: unknown, after: Design): Walks | null {
  const stores = useStores()
  const [walks, setWalks] = useState<{ packet: PacketSpec; walks: Walks } | null>(null)
  useEffect(() => {
    let live = true
    const ask = (d: unknown) =>
      stores.engine.trace(d, packet).catch((e) => ({ ok: false as const, message: String(e?.message ?? e) }))
    void Promise.all([ask(before), ask(after)]).then(
      ([b, a]) => live && setWalks({ packet, walks: { before: b, after: a } }),
    )
    return () => {
      live = false
    }
  }, [stores, packet, before, after])
  return walks?.packet === packet ? walks.walks : null
}

/** The walk after is what the canvas can show: its first leg that differs from the walk before, lit. */
function useLitLeg(walks: Walks | null) {
  const stores = useStores()
  useEffect(() => {
    if (!walks?.after.ok) return
    const a = walks.after.roundTrip
    const b = walks.before.ok ? walks.before.roundTrip : null
    const same = b !== null && resources(b.request).join() === resources(a.request).join()
    const leg = same && a.reply ? a.reply : a.request
    const ids = resources(leg)
    const highlight = {
      ids,
      focusId: ids.at(-1),
      tone: isDropped(leg.disposition) ? ('drop' as const) : ('path' as const),
    }
    stores.ui.getState().setHighlight(highlight)
    return () => {
      if (stores.ui.getState().highlight === highlight) stores.ui.getState().setHighlight(null)
    }
  }, [walks, stores])
}

function resources(t: Trace): string[] {
  return [...new Set(t.hops.map((h) => h.resourceId).filter((id): id is string => id !== null))]
}

function Column({ title, walked, other, testid }: { title: string; walked: Walked; other: Walked; testid: string }) {
  // each leg against the same leg of the other walk
  const theirs = (leg: 'request' | 'reply') => {
    const t = other.ok ? other.roundTrip[leg] : null
    return new Set(t ? resources(t) : [])
  }
  return (
    <div data-testid={testid}>
      <h4 className="font-semibold text-slate-900">{title}</h4>
      {!walked.ok && <p className="text-red-900">{walked.message}</p>}
      {walked.ok && (
        <>
          <Leg name="Request" trace={walked.roundTrip.request} other={theirs('request')} />
          {walked.roundTrip.reply && <Leg name="Answer" trace={walked.roundTrip.reply} other={theirs('reply')} />}
        </>
      )}
    </div>
  )
}

/** One leg's hops; a hop the other walk does not cross is marked. */
function Leg({ name, trace, other }: { name: string; trace: Trace; other: ReadonlySet<string> }) {
  return (
    <div className="mt-1">
      <p className="text-slate-700">{name}</p>
      <ol className="ml-4 list-decimal">
        {trace.hops.map((h, i) => {
          const only = h.resourceId !== null && !other.has(h.resourceId)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trace never changes; its hops are known by position
            <li key={i} className={only ? 'font-semibold text-orange-900' : 'text-slate-700'}>
              <bdi>{h.name}</bdi> <span className="text-slate-500">({h.kind})</span>
              {only ? ' — only here' : ''}
            </li>
          )
        })}
      </ol>
      <p
        className={
          trace.disposition === 'DELIVERED' || trace.disposition === 'EXITS_TO_INTERNET'
            ? 'text-emerald-900'
            : 'text-red-900'
        }
        data-disposition={trace.disposition}
      >
        {dispositionWords(trace.disposition)}
      </p>
    </div>
  )
}
