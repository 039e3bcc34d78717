// A route table's entries, system and custom, with the next hop named in the cloud's words. In edit mode:
// add and delete custom entries, change next hops, and change a gateway table's system route (the console's
// "Edit" on the System Route tab), which makes it a custom entry.
import { type RefObject, useEffect, useRef, useState } from 'react'
import { parseCidr, type RouteTable } from '../model'
import { updateResource, withoutEntry, withRoute } from '../model/edits/basic'
import { useDesign, useStores, useUi } from '../store/context'
import { vswitchOfSystemTable } from '../store/uiStore'
import { ConnectFromButton } from './inspector/ConnectFromButton'
import { tryCommit } from './inspector/commit'
import { INPUT, TextField } from './inspector/fields'
import { NextHopName, RouteTableView } from './RouteTableView'
import { boundTo, type ShownEntry, shownEntries } from './routeEntries'
import { nextHopChoices } from './routeTargets'
import { SystemRouteTable } from './SystemRouteTable'

function NextHopSelect({
  table,
  value,
  onPick,
  label,
}: {
  table: RouteTable
  value: string
  onPick: (id: string) => void
  label: string
}) {
  const design = useDesign((s) => s.design)
  const choices = nextHopChoices(design, table)
  return (
    <select aria-label={label} className={INPUT} value={value} onChange={(e) => onPick(e.target.value)}>
      <option value="" disabled>
        choose a next hop…
      </option>
      {!choices.some((c) => c.id === value) && value && <option value={value}>{value} (missing)</option>}
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </select>
  )
}

export function RouteTablePanel() {
  const id = useUi((s) => s.openRouteTableId)
  // opened from a badge on the canvas, the panel may sit below a long inspector: bring it into view
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    if (id) panel.current?.scrollIntoView?.({ block: 'nearest' })
  }, [id])
  if (!id) return null
  const systemOf = vswitchOfSystemTable(id)
  if (systemOf) return <SystemRouteTable vswitchId={systemOf} />
  return <CustomRouteTable id={id} sectionRef={panel} />
}

type SetEntry = (destination: string, hopId: string, label: string) => void

function CustomRouteTable({ id, sectionRef }: { id: string; sectionRef: RefObject<HTMLElement | null> }) {
  const readOnly = useUi((s) => s.readOnly)
  const design = useDesign((s) => s.design)
  const { design: store } = useStores()
  const [error, setError] = useState<string | null>(null)
  const at = design.resources.findIndex((r) => r.id === id)
  const table = design.resources[at]
  if (table?.kind !== 'routeTable') return null
  const setEntry: SetEntry = (dest, hopId, label) => {
    const choice = nextHopChoices(design, table).find((c) => c.id === hopId)
    if (!choice) return
    const errors = tryCommit(
      store,
      label,
      (d) =>
        updateResource(d, table.id, 'routeTable', (t) => ({
          ...t,
          entries: withRoute(t.entries, dest, choice.type, hopId),
        })),
      ['resources', at],
    )
    setError(errors.length ? errors.map((e) => e.message).join(' ') : null)
  }
  return (
    <RouteTableView
      sectionRef={sectionRef}
      label={`Route table ${table.name ?? table.id}`}
      title={table.name ?? table.id}
      subtitle={`${table.routeTableType === 'Gateway' ? 'Gateway route table' : 'vSwitch route table'} · ${table.id} · bound to ${boundTo(design, table).join(', ') || 'nothing'}`}
      entries={shownEntries(design, table)}
      nextHop={(e) =>
        readOnly || (e.origin === 'system' && table.routeTableType !== 'Gateway') ? (
          <NextHopName design={design} entry={e} />
        ) : (
          <EditableNextHop table={table} entry={e} setEntry={setEntry} />
        )
      }
      above={
        !readOnly && (
          <div key={table.id}>
            <TextField label="Route table name" path={['resources', at, 'name']} value={table.name} optional />
          </div>
        )
      }
    >
      {!readOnly && <ConnectFromButton fromId={table.id} purpose="route" />}
      {!readOnly && table.routeTableType === 'VSwitch' && (
        <AddRouteEntry table={table} onAdd={(dest, hop) => setEntry(dest, hop, `add route ${dest}`)} />
      )}
      {error && (
        <p role="alert" className="mt-1 text-[11px] text-red-700">
          {error}
        </p>
      )}
    </RouteTableView>
  )
}

/**
 * The next hop of an entry one may edit: a gateway table's system route (Local, which a next hop makes custom),
 * or a custom entry, with its delete (or, for a changed system route, its way back to Local).
 */
function EditableNextHop({ table, entry: e, setEntry }: { table: RouteTable; entry: ShownEntry; setEntry: SetEntry }) {
  const { design: store } = useStores()
  const dest = e.destinationCidrBlock
  const pick = (h: string) => setEntry(dest, h, `change next hop of ${dest}`)
  if (e.origin === 'system')
    return (
      <>
        <div>Local</div>
        <NextHopSelect table={table} value="" label={`Change the next hop of ${dest}`} onPick={pick} />
      </>
    )
  return (
    <>
      <NextHopSelect table={table} value={e.nextHopId ?? ''} label={`Next hop of ${dest}`} onPick={pick} />
      <button
        type="button"
        className="text-[11px] text-red-700 hover:underline"
        onClick={() => store.getState().edit(`delete route ${dest}`, (d) => withoutEntry(d, table.id, dest))}
      >
        {e.origin === 'changed' ? 'Restore Local' : 'Delete entry'}
      </button>
    </>
  )
}

/** A new entry of a vSwitch route table: a destination CIDR block, checked as it is typed, and a next hop. */
function AddRouteEntry({ table, onAdd }: { table: RouteTable; onAdd(destination: string, hop: string): void }) {
  const [destination, setDestination] = useState('0.0.0.0/0')
  const [hop, setHop] = useState('')
  const parsed = parseCidr(destination)
  const destProblem = parsed.ok ? null : `Destination "${destination}": ${parsed.problem}`
  return (
    <fieldset className="mt-2 rounded border border-slate-200 p-2">
      <legend className="float-left w-full text-[11px] font-semibold text-slate-600">Add route entry</legend>
      <input
        aria-label="New entry destination"
        className={`${INPUT} font-mono ${destProblem ? 'border-red-500' : ''}`}
        value={destination}
        onChange={(e) => setDestination(e.target.value)}
      />
      <NextHopSelect table={table} value={hop} label="New entry next hop" onPick={setHop} />
      <button
        type="button"
        className="mt-1 rounded bg-blue-600 px-2 py-0.5 text-xs text-white disabled:opacity-50"
        disabled={Boolean(destProblem) || !hop}
        onClick={() => onAdd(destination, hop)}
      >
        Add
      </button>
      {destProblem && <p className="text-[11px] text-red-700">{destProblem}</p>}
    </fieldset>
  )
}
