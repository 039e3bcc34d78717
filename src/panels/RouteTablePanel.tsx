// A route table's entries, system and custom, with the next hop named in the cloud's words.
import { useDesign, useStores, useUi } from '../store/context'
import { boundTo, shownEntries } from './routeEntries'

export function RouteTablePanel() {
  const id = useUi((s) => s.openRouteTableId)
  const design = useDesign((s) => s.design)
  const { ui } = useStores()
  if (!id) return null
  const table = design.resources.find((r) => r.id === id)
  if (table?.kind !== 'routeTable') return null
  const nameOf = (hop?: string) => (hop ? (design.resources.find((r) => r.id === hop)?.name ?? `${hop} (missing)`) : 'this VPC')
  return (
    <section data-testid="route-table-panel" aria-label={`Route table ${table.name ?? table.id}`} className="border-b border-slate-200 p-3">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{table.name ?? table.id}</h2>
          <p className="text-xs text-slate-500">
            {table.routeTableType === 'Gateway' ? 'Gateway route table' : 'vSwitch route table'} · {table.id} · bound to{' '}
            {boundTo(design, table).join(', ') || 'nothing'}
          </p>
        </div>
        <button type="button" className="rounded px-1.5 text-slate-500 hover:bg-slate-100" aria-label="Close route table" onClick={() => ui.getState().openRouteTable(null)}>
          ✕
        </button>
      </div>
      <table className="mt-2 w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 font-medium">Destination</th>
            <th className="py-1 font-medium">Next hop</th>
            <th className="py-1 font-medium">Type</th>
          </tr>
        </thead>
        <tbody>
          {shownEntries(design, table).map((e) => (
            <tr key={e.destinationCidrBlock} className="border-t border-slate-100">
              <td className="py-1 font-mono">{e.destinationCidrBlock}</td>
              <td className="py-1">
                <div>{e.nextHopType === 'Local' ? 'Local' : nameOf(e.nextHopId)}</div>
                {e.nextHopType !== 'Local' && <div className="text-[10px] text-slate-500">{e.nextHopType}</div>}
              </td>
              <td className="py-1 text-slate-500">{e.origin === 'system' ? 'system' : e.origin === 'changed' ? 'custom (system route, next hop changed)' : 'custom'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
