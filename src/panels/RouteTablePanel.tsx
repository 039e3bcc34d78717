// A route table's entries, system and custom, with the next hop named in the cloud's words. In edit mode:
// add and delete custom entries, change next hops, and change a gateway table's system route (the console's
// "Edit" on the System Route tab), which makes it a custom entry.
import { useEffect, useRef, useState } from 'react'
import { parseCidr, type RouteTable } from '../model'
import { updateResource, withoutEntry, withRoute } from '../model/edits/basic'
import { useDesign, useStores, useUi } from '../store/context'
import { vswitchOfSystemTable } from '../store/uiStore'
import { ConnectFromButton } from './inspector/ConnectFromButton'
import { tryCommit } from './inspector/commit'
import { INPUT, TextField } from './inspector/fields'
import { boundTo, shownEntries } from './routeEntries'
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
  const readOnly = useUi((s) => s.readOnly)
  const design = useDesign((s) => s.design)
  const { ui, design: store } = useStores()
  const [destination, setDestination] = useState('0.0.0.0/0')
  const [hop, setHop] = useState('')
  const [error, setError] = useState<string | null>(null)
  // opened from a badge on the canvas, the panel may sit below a long inspector: bring it into view
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    if (id) panel.current?.scrollIntoView?.({ block: 'nearest' })
  }, [id])
  if (!id) return null
  const systemOf = vswitchOfSystemTable(id)
  if (systemOf) return <SystemRouteTable vswitchId={systemOf} />
  const at = design.resources.findIndex((r) => r.id === id)
  const table = design.resources[at]
  if (table?.kind !== 'routeTable') return null
  const choices = nextHopChoices(design, table)
  const nameOf = (hopId?: string) =>
    hopId ? (design.resources.find((r) => r.id === hopId)?.name ?? `${hopId} (missing: black hole)`) : 'this VPC'
  const setEntry = (dest: string, hopId: string, label: string) => {
    const choice = choices.find((c) => c.id === hopId)
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
  const destProblem = (() => {
    const p = parseCidr(destination)
    return p.ok ? null : `Destination "${destination}": ${p.problem}`
  })()
  return (
    <section
      ref={panel}
      data-testid="route-table-panel"
      aria-label={`Route table ${table.name ?? table.id}`}
      className="border-b border-slate-200 p-3"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{table.name ?? table.id}</h2>
          <p className="text-xs text-slate-500">
            {table.routeTableType === 'Gateway' ? 'Gateway route table' : 'vSwitch route table'} · {table.id} · bound to{' '}
            {boundTo(design, table).join(', ') || 'nothing'}
          </p>
        </div>
        <button
          type="button"
          className="rounded px-1.5 text-slate-500 hover:bg-slate-100"
          aria-label="Close route table"
          onClick={() => ui.getState().openRouteTable(null)}
        >
          ✕
        </button>
      </div>
      {!readOnly && (
        <div key={table.id}>
          <TextField label="Route table name" path={['resources', at, 'name']} value={table.name} optional />
        </div>
      )}
      <table className="mt-2 w-full table-fixed text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="w-[34%] py-1 font-medium">Destination</th>
            <th className="py-1 font-medium">Next hop</th>
            <th className="w-[22%] py-1 font-medium">Type</th>
          </tr>
        </thead>
        <tbody>
          {shownEntries(design, table).map((e) => (
            <tr
              key={e.destinationCidrBlock}
              className="border-t border-slate-100 align-top"
              data-testid={`route-${e.destinationCidrBlock}`}
            >
              <td className="py-1 font-mono">{e.destinationCidrBlock}</td>
              <td className="py-1">
                {readOnly || (e.origin === 'system' && table.routeTableType !== 'Gateway') ? (
                  <>
                    <div>
                      {e.nextHopType === 'Local'
                        ? 'Local'
                        : e.nextHopType === 'CloudServices'
                          ? 'Cloud services'
                          : nameOf(e.nextHopId)}
                    </div>
                    {e.nextHopType !== 'Local' && e.nextHopType !== 'CloudServices' && (
                      <div className="text-[10px] text-slate-500">{e.nextHopType}</div>
                    )}
                  </>
                ) : e.origin === 'system' ? (
                  <>
                    <div>Local</div>
                    <NextHopSelect
                      table={table}
                      value=""
                      label={`Change the next hop of ${e.destinationCidrBlock}`}
                      onPick={(h) =>
                        setEntry(e.destinationCidrBlock, h, `change next hop of ${e.destinationCidrBlock}`)
                      }
                    />
                  </>
                ) : (
                  <>
                    <NextHopSelect
                      table={table}
                      value={e.nextHopId ?? ''}
                      label={`Next hop of ${e.destinationCidrBlock}`}
                      onPick={(h) =>
                        setEntry(e.destinationCidrBlock, h, `change next hop of ${e.destinationCidrBlock}`)
                      }
                    />
                    <button
                      type="button"
                      className="text-[11px] text-red-700 hover:underline"
                      onClick={() =>
                        store
                          .getState()
                          .edit(`delete route ${e.destinationCidrBlock}`, (d) =>
                            withoutEntry(d, table.id, e.destinationCidrBlock),
                          )
                      }
                    >
                      {e.origin === 'changed' ? 'Restore Local' : 'Delete entry'}
                    </button>
                  </>
                )}
              </td>
              <td className="py-1 text-slate-500">
                {e.origin === 'system' ? 'system' : e.origin === 'changed' ? 'custom (was system)' : 'custom'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && <ConnectFromButton fromId={table.id} purpose="route" />}
      {!readOnly && table.routeTableType === 'VSwitch' && (
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
            onClick={() => setEntry(destination, hop, `add route ${destination}`)}
          >
            Add
          </button>
          {destProblem && <p className="text-[11px] text-red-700">{destProblem}</p>}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="mt-1 text-[11px] text-red-700">
          {error}
        </p>
      )}
    </section>
  )
}
