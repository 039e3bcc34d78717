// "Walk a packet": choose a source and a destination (in the form, or by clicking two resources on the
// canvas), trace it in the engine worker, then step through it hop by hop with the TracePlayer.
// The form starts from the design's own resources and follows the design as it changes; a result is traced
// again on every change of the design, or cleared when the design no longer takes the packet.
import { type Dispatch, type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ConnectionPhase, PacketSpec, Protocol, RoundTrip } from '../../../worker/engine/types'
import type { Design } from '../../model'
import { useDesign, useStores } from '../../store/context'
import type { EngineClient } from '../../store/engine'
import { useWalkRequest } from '../verify/useWalkRequest'
import { TracePlayer } from './TracePlayer'
import { addressesOf, addressFor, defaultDestination, defaultSource, emptyHint, sourcesOf } from './walkModel'

const FIELD = 'w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs'
const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
const PRIMARY = 'rounded bg-sky-700 px-3 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'

type Pick = 'off' | 'source' | 'destination'
/** A traced packet: the form's packet, the design it was traced on, and what the engine answered. */
type Traced = ({ roundTrip: RoundTrip } | { error: string }) & {
  spec: PacketSpec
  /** for a later packet of a connection: seconds since its first packet crossed */
  idleSeconds: number
  design: Design
  /** traced again because the design changed */
  again?: boolean
  /** opened from another panel (a counterexample, a changed flow): where from, and it plays at once */
  label?: string
  autoPlay?: boolean
}
/** The walk's result: a new number remounts the player (a new trace); a trace again after an edit keeps it, and its hop. */
type Run = Traced & { n: number }
/** What the packet is besides its ends. */
type PacketShape = {
  protocol: Protocol
  sourcePort: number
  destinationPort: number
  size: number
  /** a connection's first packet (new) or a later one (established), idleSeconds after the first */
  connection: ConnectionPhase
  idleSeconds: number
}
/** A destination the user chose; one that was an address of the design falls back to the default when the design no longer holds it. */
type Chosen = { address: string; ofDesign: boolean }

/**
 * The packet's ends: what the user chose, while the design still has it, else the design's defaults; and a hint
 * when the design offers nothing to send from or to.
 */
function useWalkEnds(design: Design) {
  const sources = useMemo(() => sourcesOf(design), [design])
  const addresses = useMemo(() => addressesOf(design), [design])
  const [chosenSource, setSource] = useState<string | null>(null)
  const [chosenDestination, setChosenDestination] = useState<Chosen | null>(null)
  const source =
    chosenSource !== null && sources.some((s) => s.id === chosenSource) ? chosenSource : defaultSource(design)
  const destination =
    chosenDestination &&
    (!chosenDestination.ofDesign || addresses.some((a) => a.address === chosenDestination.address.trim()))
      ? chosenDestination.address
      : defaultDestination(design, source)
  const setDestination = (address: string) =>
    setChosenDestination({ address, ofDesign: addresses.some((a) => a.address === address.trim()) })
  const hint = !source || !destination.trim() ? emptyHint(design, source) : null
  return { sources, addresses, source, setSource, destination, setDestination, hint }
}

/** The form as it opens: a TCP/443 packet, a connection's first, of 1,500 bytes. */
const FIRST_SHAPE: PacketShape = {
  protocol: 'tcp',
  sourcePort: 49152,
  destinationPort: 443,
  size: 1500,
  connection: 'new',
  idleSeconds: 0,
}

export function WalkPanel({ active }: { active: boolean }) {
  const design = useDesign((s) => s.design)
  const ends = useWalkEnds(design)
  const { sources, addresses, source, setSource, destination, setDestination, hint } = ends
  const [shape, setShape] = useState<PacketShape>(FIRST_SHAPE)
  const [pick, setPick] = useState<Pick>('off')
  const [pickNote, setPickNote] = useState<string | null>(null)

  useCanvasPick(
    pick,
    { design, sources, source },
    {
      source: setSource,
      destination: setDestination,
      pick: setPick,
      note: setPickNote,
    },
  )
  const { run, busy, traceIt, clear } = useWalkRun(design, ends, shape, setShape)

  return (
    <section aria-label="Walk a packet" data-testid="walk-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Walk a packet</h2>
      <div className="grid grid-cols-[5.5rem_1fr] items-center gap-x-2 gap-y-1.5">
        <EndsFields
          sources={sources}
          source={source}
          onSource={setSource}
          addresses={addresses}
          destination={destination}
          onDestination={setDestination}
        />
        <PacketShapeFields shape={shape} onChange={(change) => setShape((was) => ({ ...was, ...change }))} />
      </div>
      <WalkButtons
        busy={busy}
        canTrace={Boolean(source && destination.trim())}
        onTrace={() => void traceIt()}
        pick={pick}
        onPick={setPick}
        onClear={run ? clear : undefined}
      />
      <WalkNotes hint={hint} pick={pick} source={source} pickNote={pickNote} />
      {run && <RunNotes run={run} />}
      {run && 'roundTrip' in run && (
        <TracePlayer key={run.n} roundTrip={run.roundTrip} keys={active} autoPlay={run.autoPlay} />
      )}
      {!run && (
        <p className="text-slate-500">
          Trace a packet, then step through it hop by hop with Back and Forward (or the arrow keys).
        </p>
      )}
    </section>
  )
}

/**
 * The walk's result: a trace of the form's packet, traced again when the design changes, or a packet another
 * panel hands over (a counterexample), which the form then shows.
 */
function useWalkRun(
  design: Design,
  ends: ReturnType<typeof useWalkEnds>,
  shape: PacketShape,
  setShape: Dispatch<SetStateAction<PacketShape>>,
) {
  const { engine } = useStores()
  const [run, setRun] = useState<Run | null>(null)
  const [busy, setBusy] = useState(false)
  // the player takes its path off the canvas as it goes
  const clear = useCallback(() => setRun(null), [])

  const traceIt = async () => {
    setBusy(true)
    const traced = await traceOnce(engine, design, specOf(ends.source, ends.destination, shape), shape.idleSeconds)
    setRun((prev) => ({ ...traced, n: (prev?.n ?? 0) + 1 }))
    setBusy(false)
  }

  useTraceAgain(design, busy ? null : run, setRun, clear)
  // a packet another panel hands over (a counterexample): the form shows it, the player plays it
  useWalkRequest((opened) => {
    const { spec } = opened
    if (ends.sources.some((s) => s.id === spec.source)) ends.setSource(spec.source)
    ends.setDestination(spec.destination)
    setShape((was) => ({ ...was, protocol: spec.protocol, ...portsOf(spec) }))
    // a counterexample is a connection's first packet: nothing sat idle before it
    setRun((prev) => ({ ...opened, idleSeconds: 0, n: (prev?.n ?? 0) + 1 }))
  })
  return { run, busy, traceIt, clear }
}

/** What the form needs from the user now: something to add to the design, or a resource to click. */
function WalkNotes({
  hint,
  pick,
  source,
  pickNote,
}: {
  hint: string | null
  pick: Pick
  source: string
  pickNote: string | null
}) {
  return (
    <>
      {hint && (
        <p className="rounded bg-slate-50 px-2 py-1 text-slate-700" data-testid="walk-hint">
          {hint}
        </p>
      )}
      {pick !== 'off' && (
        <p className="rounded bg-amber-50 px-2 py-1 text-amber-950" role="status" data-testid="walk-pick-prompt">
          {pick === 'source'
            ? 'Click the resource that sends the packet.'
            : `From ${source}: click the resource to send it to.`}
        </p>
      )}
      {pickNote && <p className="text-red-800">{pickNote}</p>}
    </>
  )
}

/** Picking on the canvas: a click selects a node, and the selection is what the walk reads. */
function useCanvasPick(
  pick: Pick,
  { design, sources, source }: { design: Design; sources: { id: string }[]; source: string },
  set: {
    source: (id: string) => void
    destination: (address: string) => void
    pick: (pick: Pick) => void
    note: (note: string | null) => void
  },
) {
  const { ui } = useStores()
  // the setters as of this render; the subscription stays until what it reads changes
  const setters = useRef(set)
  setters.current = set
  useEffect(() => {
    if (pick === 'off') return
    ui.getState().select(null)
    return ui.subscribe((s, prev) => {
      if (s.selectedIds === prev.selectedIds || s.selectedIds.length !== 1) return
      const id = s.selectedIds[0]
      const d = design
      if (pick === 'source') {
        if (!sources.some((x) => x.id === id)) {
          setters.current.note(`${id} cannot send: pick an ECS instance, an internet host or an appliance.`)
          return
        }
        setters.current.source(id)
        setters.current.note(null)
        setters.current.pick('destination')
      } else {
        const address = addressFor(d, source, id)
        if (!address) {
          setters.current.note(`${id} has no address to send to: pick a server, a host, an appliance or a GWLBe.`)
          return
        }
        setters.current.destination(address)
        setters.current.note(null)
        setters.current.pick('off')
      }
    })
  }, [pick, ui, design, sources, source])
}

/**
 * The design changed after a trace: trace the same packet again on it, or clear the result (and its path on the
 * canvas) when the new design no longer takes that packet. `run` is null while a trace is under way.
 */
function useTraceAgain(
  design: Design,
  run: Run | null,
  setRun: Dispatch<SetStateAction<Run | null>>,
  clear: () => void,
) {
  const { engine } = useStores()
  useEffect(() => {
    if (!run || run.design === design) return
    let live = true
    const again = (r: { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }) => {
      if (!live) return
      // INVALID_PACKET: the engine no longer takes this packet on this design (its source is gone, say)
      if (r.ok && r.roundTrip.request.disposition !== 'INVALID_PACKET')
        setRun(
          (prev) =>
            prev && {
              n: prev.n,
              spec: prev.spec,
              idleSeconds: prev.idleSeconds,
              design,
              roundTrip: r.roundTrip,
              again: true,
            },
        )
      else clear()
    }
    engine.trace(design, run.spec, undefined, run.idleSeconds).then(again, () => live && clear())
    return () => {
      live = false
    }
  }, [run, design, clear, engine, setRun])
}

type ShapeProps = { shape: PacketShape; onChange: (change: Partial<PacketShape>) => void }

/** The packet's protocol, ports (not for ICMP), whether it opens a connection, and size. */
function PacketShapeFields({ shape, onChange }: ShapeProps) {
  return (
    <>
      <label htmlFor="walk-protocol">Protocol</label>
      <select
        id="walk-protocol"
        className={FIELD}
        value={shape.protocol}
        onChange={(e) => onChange({ protocol: e.target.value as Protocol })}
      >
        <option value="tcp">TCP</option>
        <option value="udp">UDP</option>
        <option value="icmp">ICMP</option>
      </select>
      {shape.protocol !== 'icmp' && <PortFields shape={shape} onChange={onChange} />}
      <ConnectionFields shape={shape} onChange={onChange} />
      <label htmlFor="walk-size">Size (bytes)</label>
      <input
        id="walk-size"
        type="number"
        min={28}
        max={9000}
        className={FIELD}
        value={shape.size}
        onChange={(e) => onChange({ size: Number(e.target.value) })}
      />
    </>
  )
}

function PortFields({ shape, onChange }: ShapeProps) {
  return (
    <>
      <label htmlFor="walk-sport">Ports</label>
      <div className="flex items-center gap-1">
        <input
          id="walk-sport"
          aria-label="Source port"
          type="number"
          min={1}
          max={65535}
          className={FIELD}
          value={shape.sourcePort}
          onChange={(e) => onChange({ sourcePort: Number(e.target.value) })}
        />
        →
        <input
          aria-label="Destination port"
          type="number"
          min={1}
          max={65535}
          className={FIELD}
          value={shape.destinationPort}
          onChange={(e) => onChange({ destinationPort: Number(e.target.value) })}
        />
      </div>
    </>
  )
}

/** A connection's first packet, or a later one after some idle seconds (which the GWLB's idle timeout may end). */
function ConnectionFields({ shape, onChange }: ShapeProps) {
  return (
    <>
      <label htmlFor="walk-connection">Packet</label>
      <div className="flex items-center gap-1">
        <select
          id="walk-connection"
          className={FIELD}
          value={shape.connection}
          title="A connection's first packet may start a GWLB flow; a later one is dropped (FLOW_EXPIRED) when its flow sat idle past the GWLB's timeout (TCP 350 s, others 120 s)"
          onChange={(e) => onChange({ connection: e.target.value as ConnectionPhase })}
        >
          <option value="new">first of a connection (new)</option>
          <option value="established">a later one (established)</option>
        </select>
        {shape.connection === 'established' && (
          <>
            <input
              aria-label="Seconds since the connection's first packet"
              title="Seconds since the connection's first packet crossed (the flow's idle time)"
              type="number"
              min={0}
              max={86400}
              className={`${FIELD} w-20`}
              value={shape.idleSeconds}
              onChange={(e) => onChange({ idleSeconds: Math.max(0, Number(e.target.value)) })}
            />
            <span className="text-slate-500">s idle</span>
          </>
        )}
      </div>
    </>
  )
}

/** The packet's ends: a resource that sends, and an address of the design or any other. */
function EndsFields({
  sources,
  source,
  onSource,
  addresses,
  destination,
  onDestination,
}: {
  sources: ReturnType<typeof sourcesOf>
  source: string
  onSource: (id: string) => void
  addresses: ReturnType<typeof addressesOf>
  destination: string
  onDestination: (address: string) => void
}) {
  const known = addresses.some((a) => a.address === destination)
  return (
    <>
      <label htmlFor="walk-source">From</label>
      <select id="walk-source" className={FIELD} value={source} onChange={(e) => onSource(e.target.value)}>
        {!source && <option value="">nothing can send</option>}
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor="walk-destination-choice">To</label>
      <select
        id="walk-destination-choice"
        className={FIELD}
        value={known ? destination : ''}
        onChange={(e) => e.target.value && onDestination(e.target.value)}
      >
        <option value="">another address…</option>
        {addresses.map((a) => (
          <option key={`${a.resourceId}-${a.address}`} value={a.address}>
            {a.label}
          </option>
        ))}
      </select>
      <label htmlFor="walk-destination">Address</label>
      <input
        id="walk-destination"
        className={FIELD}
        value={destination}
        onChange={(e) => onDestination(e.target.value)}
        spellCheck={false}
      />
    </>
  )
}

/** What became of the last trace, besides the player: the engine's error, or that it was traced again. */
function RunNotes({ run }: { run: Run }) {
  return (
    <>
      {'error' in run && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {run.error}
        </p>
      )}
      {run.label && (
        <p className="rounded bg-sky-50 px-2 py-1 text-sky-950" data-testid="walk-opened-from">
          {run.label}: from {run.spec.source} to {run.spec.destination}
        </p>
      )}
      {'roundTrip' in run && run.again && (
        <p className="text-slate-600" role="status" data-testid="walk-again">
          The design changed: traced again on it.
        </p>
      )}
    </>
  )
}

/** The ports of a packet handed over, for the form (ICMP has none). */
function portsOf(spec: PacketSpec): Partial<PacketShape> {
  return spec.protocol === 'icmp'
    ? {}
    : { sourcePort: spec.sourcePort ?? 49152, destinationPort: spec.destinationPort ?? 443 }
}

/** The packet the form describes: ports only where the protocol has them. */
function specOf(source: string, destination: string, shape: PacketShape): PacketSpec {
  const { protocol, size, sourcePort, destinationPort, connection } = shape
  const spec: PacketSpec = { source, destination: destination.trim(), protocol, size, connection }
  if (protocol !== 'icmp') Object.assign(spec, { sourcePort, destinationPort })
  return spec
}

/** One trace of a packet on a design: the round trip, or what went wrong, in words. */
async function traceOnce(engine: EngineClient, design: Design, spec: PacketSpec, idleSeconds: number): Promise<Traced> {
  try {
    const r = await engine.trace(design, spec, undefined, idleSeconds)
    return { spec, idleSeconds, design, ...(r.ok ? { roundTrip: r.roundTrip } : { error: r.message }) }
  } catch (e) {
    return { spec, idleSeconds, design, error: e instanceof Error ? e.message : String(e) }
  }
}

/** Trace, pick the ends on the canvas, clear the result. */
function WalkButtons({
  busy,
  canTrace,
  onTrace,
  pick,
  onPick,
  onClear,
}: {
  busy: boolean
  canTrace: boolean
  onTrace: () => void
  pick: Pick
  onPick: (pick: Pick) => void
  onClear?: () => void
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={PRIMARY} onClick={onTrace} disabled={busy || !canTrace} data-testid="walk-trace">
        {busy ? 'Tracing…' : 'Trace'}
      </button>
      <button
        type="button"
        className={`${BUTTON} ${pick !== 'off' ? 'border-amber-500 bg-amber-50' : ''}`}
        aria-pressed={pick !== 'off'}
        onClick={() => onPick(pick === 'off' ? 'source' : 'off')}
        data-testid="walk-pick"
      >
        {pick === 'off' ? 'Pick on the canvas' : 'Stop picking'}
      </button>
      {onClear && (
        <button type="button" className={BUTTON} onClick={onClear}>
          Clear
        </button>
      )}
    </div>
  )
}
