// The badge that opens a route table's entries: on a vSwitch and on the IPv4 gateway.
import { useStores } from '../../store/context'
import { systemTableOf } from '../../store/uiStore'
import { useResource } from './useResource'

/** `systemOf`: the vSwitch whose badge this is, which uses the VPC's system table when it has no table of its own */
export function RouteTableBadge({ routeTableId, systemOf }: { routeTableId?: string; systemOf?: string }) {
  const { ui } = useStores()
  const table = useResource(routeTableId ?? '', 'routeTable')
  if (!routeTableId) {
    return systemOf ? (
      <button
        type="button"
        data-testid={`system-routes-badge-${systemOf}`}
        title="The VPC's system route table, Local routes only: show it, and add a route of this vSwitch's own"
        className="nodrag cursor-pointer whitespace-nowrap rounded border border-slate-300 bg-white px-1 py-px text-[10px] text-slate-500 hover:bg-slate-100"
        onClick={(e) => {
          e.stopPropagation()
          ui.getState().openRouteTable(systemTableOf(systemOf))
        }}
      >
        system routes
      </button>
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
