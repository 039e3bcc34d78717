// The badge that opens a route table's entries: on a vSwitch and on the IPv4 gateway.
import { useStores } from '../../store/context'
import { useResource } from './useResource'

export function RouteTableBadge({ routeTableId, system }: { routeTableId?: string; system?: boolean }) {
  const { ui } = useStores()
  const table = useResource(routeTableId ?? '', 'routeTable')
  if (!routeTableId) {
    return system ? (
      <span
        title="The VPC's system route table: Local routes only"
        className="rounded border border-slate-300 bg-white px-1 py-px text-[10px] text-slate-500"
      >
        system routes
      </span>
    ) : null
  }
  const custom = table?.entries.length ?? 0
  return (
    <button
      type="button"
      data-testid={`route-table-badge-${routeTableId}`}
      title={`${table?.name ?? routeTableId}: show its entries`}
      className="nodrag min-w-0 truncate cursor-pointer rounded border border-slate-400 bg-white px-1.5 py-px text-[10px] font-semibold text-slate-700 hover:bg-slate-100"
      onClick={(e) => {
        e.stopPropagation()
        ui.getState().openRouteTable(routeTableId)
      }}
    >
      {table?.routeTableType === 'Gateway' ? 'gateway routes' : 'routes'} ({custom})
    </button>
  )
}
