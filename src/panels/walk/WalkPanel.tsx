// "Walk a packet": choose a source and a destination (in the form, or by clicking two resources on the
// canvas), trace it in the engine worker, then step through it hop by hop with the TracePlayer.
// The form starts from the design's own resources and follows the design as it changes; a result is traced
// again on every change of the design, or cleared when the design no longer takes the packet.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PacketSpec, Protocol, RoundTrip } from '../../../worker/engine/types'
import type { Design } from '../../model'
import { useDesign, useStores } from '../../store/context'
import { TracePlayer } from './TracePlayer'
import { addressesOf, addressFor, defaultDestination, defaultSource, emptyHint, sourcesOf } from './walkModel'

const FIELD = 'w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs'
const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
const PRIMARY = 'rounded bg-sky-700 px-3 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'

type Pick = 'off' | 'source' | 'destination'
/** A traced packet: the form's packet, the design it was traced on, and what the engine answered. */
type Run = ({ roundTrip: RoundTrip } | { error: string }) & {
  /** a new number remounts the player (a new trace); a trace again after an edit keeps it, and its hop */
  n: number
  spec: PacketSpec
  design: Design
  /** traced again because the design changed */
  again?: boolean
}
/** A destination the user chose; one that was an address of the design falls back to the default when the design no longer holds it. */
type Chosen = { address: string; ofDesign: boolean }

export function WalkPanel({ active }: { active: boolean }) {
  const { ui, engine } = useStores()
  const design = useDesign((s) => s.design)
  const sources = useMemo(() => sourcesOf(design), [design])
  const addresses = useMemo(() => addressesOf(design), [design])
  // what the user chose, if anything; the form shows it while the design still has it, else the design's default
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
  const [protocol, setProtocol] = useState<Protocol>('tcp')
  const [sourcePort, setSourcePort] = useState(49152)
  const [destinationPort, setDestinationPort] = useState(443)
  const [size, setSize] = useState(1500)
  const [pick, setPick] = useState<Pick>('off')
  const [pickNote, setPickNote] = useState<string | null>(null)
  const [run, setRun] = useState<Run | null>(null)
  const [busy, setBusy] = useState(false)

  // picking on the canvas: a click selects a node, and the selection is what we read
  useEffect(() => {
    if (pick === 'off') return
    ui.getState().select(null)
    return ui.subscribe((s, prev) => {
      if (s.selectedIds === prev.selectedIds || s.selectedIds.length !== 1) return
      const id = s.selectedIds[0]
      const d = design
      if (pick === 'source') {
        if (!sources.some((x) => x.id === id)) {
          setPickNote(`${id} cannot send: pick an ECS instance, an internet host or an appliance.`)
          return
        }
        setSource(id)
        setPickNote(null)
        setPick('destination')
      } else {
        const address = addressFor(d, source, id)
        if (!address) {
          setPickNote(`${id} has no address to send to: pick a server, a host, an appliance or a GWLBe.`)
          return
        }
        setChosenDestination({ address, ofDesign: addresses.some((a) => a.address === address) })
        setPickNote(null)
        setPick('off')
      }
    })
  }, [pick, ui, design, sources, addresses, source])

  // the player takes its path off the canvas as it goes
  const clear = useCallback(() => setRun(null), [])

  const traceIt = async () => {
    const spec: PacketSpec = { source, destination: destination.trim(), protocol, size }
    if (protocol !== 'icmp') Object.assign(spec, { sourcePort, destinationPort })
    const traced = design
    setBusy(true)
    try {
      const r = await engine.trace(traced, spec)
      setRun((prev) => ({
        n: (prev?.n ?? 0) + 1,
        spec,
        design: traced,
        ...(r.ok ? { roundTrip: r.roundTrip } : { error: r.message }),
      }))
    } catch (e) {
      setRun((prev) => ({
        n: (prev?.n ?? 0) + 1,
        spec,
        design: traced,
        error: e instanceof Error ? e.message : String(e),
      }))
    } finally {
      setBusy(false)
    }
  }

  // the design changed after a trace: trace the same packet again on it, or clear the result (and its path on
  // the canvas) when the new design no longer takes that packet
  useEffect(() => {
    if (busy || !run || run.design === design) return
    let live = true
    const again = (r: { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }) => {
      if (!live) return
      // INVALID_PACKET: the engine no longer takes this packet on this design (its source is gone, say)
      if (r.ok && r.roundTrip.request.disposition !== 'INVALID_PACKET')
        setRun((prev) => prev && { n: prev.n, spec: prev.spec, design, roundTrip: r.roundTrip, again: true })
      else clear()
    }
    engine.trace(design, run.spec).then(again, () => live && clear())
    return () => {
      live = false
    }
  }, [busy, run, design, clear, engine])

  const known = addresses.some((a) => a.address === destination)

  return (
    <section aria-label="Walk a packet" data-testid="walk-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Walk a packet</h2>
      <div className="grid grid-cols-[5.5rem_1fr] items-center gap-x-2 gap-y-1.5">
        <label htmlFor="walk-source">From</label>
        <select id="walk-source" className={FIELD} value={source} onChange={(e) => setSource(e.target.value)}>
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
          onChange={(e) => e.target.value && setDestination(e.target.value)}
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
          onChange={(e) => setDestination(e.target.value)}
          spellCheck={false}
        />
        <label htmlFor="walk-protocol">Protocol</label>
        <select
          id="walk-protocol"
          className={FIELD}
          value={protocol}
          onChange={(e) => setProtocol(e.target.value as Protocol)}
        >
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="icmp">ICMP</option>
        </select>
        {protocol !== 'icmp' && (
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
                value={sourcePort}
                onChange={(e) => setSourcePort(Number(e.target.value))}
              />
              →
              <input
                aria-label="Destination port"
                type="number"
                min={1}
                max={65535}
                className={FIELD}
                value={destinationPort}
                onChange={(e) => setDestinationPort(Number(e.target.value))}
              />
            </div>
          </>
        )}
        <label htmlFor="walk-size">Size (bytes)</label>
        <input
          id="walk-size"
          type="number"
          min={28}
          max={9000}
          className={FIELD}
          value={size}
          onChange={(e) => setSize(Number(e.target.value))}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={PRIMARY}
          onClick={() => void traceIt()}
          disabled={busy || !source || !destination.trim()}
          data-testid="walk-trace"
        >
          {busy ? 'Tracing…' : 'Trace'}
        </button>
        <button
          type="button"
          className={`${BUTTON} ${pick !== 'off' ? 'border-amber-500 bg-amber-50' : ''}`}
          aria-pressed={pick !== 'off'}
          onClick={() => setPick(pick === 'off' ? 'source' : 'off')}
          data-testid="walk-pick"
        >
          {pick === 'off' ? 'Pick on the canvas' : 'Stop picking'}
        </button>
        {run && (
          <button type="button" className={BUTTON} onClick={clear}>
            Clear
          </button>
        )}
      </div>
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
      {run && 'error' in run && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {run.error}
        </p>
      )}
      {run && 'roundTrip' in run && run.again && (
        <p className="text-slate-600" role="status" data-testid="walk-again">
          The design changed: traced again on it.
        </p>
      )}
      {run && 'roundTrip' in run && <TracePlayer key={run.n} roundTrip={run.roundTrip} keys={active} />}
      {!run && (
        <p className="text-slate-500">
          Trace a packet, then step through it hop by hop with Back and Forward (or the arrow keys).
        </p>
      )}
    </section>
  )
}
