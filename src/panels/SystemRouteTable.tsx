// The VPC's system route table as a vSwitch without a custom table sees it: the Local routes the cloud
// derives, and the two ways to a route of one's own, a new route table or "Add route…" (which makes one).
import { useEffect } from 'react'
import { withNewRouteTable } from '../model/edits/connect'
import { useDesign, useStores, useUi } from '../store/context'
import { ConnectFromButton } from './inspector/ConnectFromButton'
import { shownEntries } from './routeEntries'

export function SystemRouteTable({ vswitchId }: { vswitchId: string }) {
  const design = useDesign((s) => s.design)
  const readOnly = useUi((s) => s.readOnly)
  const { ui, design: store } = useStores()
  const v = design.resources.find((r) => r.id === vswitchId)
  const bound = v?.kind === 'vswitch' ? v.routeTableId : undefined
  // a custom table bound since the badge was clicked (the form's menu, a fix): show that one
  useEffect(() => {
    if (bound) ui.getState().openRouteTable(bound)
  }, [bound, ui])
  if (v?.kind !== 'vswitch' || v.routeTableId) return null
  const vpc = design.resources.find((r) => r.id === v.vpcId)
  const entries = shownEntries(design, {
    kind: 'routeTable',
    id: `system-${v.vpcId}`,
    vpcId: v.vpcId,
    routeTableType: 'VSwitch',
    entries: [],
  })
  const users = design.resources.filter((r) => r.kind === 'vswitch' && r.vpcId === v.vpcId && !r.routeTableId)
  return (
    <section
      data-testid="route-table-panel"
      aria-label={`System route table of ${vpc?.name ?? v.vpcId}`}
      className="border-b border-slate-200 p-3"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">System route table of {vpc?.name ?? v.vpcId}</h2>
          <p className="text-xs text-slate-500">
            Used by every vSwitch without a custom route table: {users.map((u) => u.name ?? u.id).join(', ')}
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
      <table className="mt-2 w-full table-fixed text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="w-[34%] py-1 font-medium">Destination</th>
            <th className="py-1 font-medium">Next hop</th>
            <th className="w-[22%] py-1 font-medium">Type</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.destinationCidrBlock}
              className="border-t border-slate-100"
              data-testid={`route-${e.destinationCidrBlock}`}
            >
              <td className="py-1 font-mono">{e.destinationCidrBlock}</td>
              <td className="py-1">{e.nextHopType === 'CloudServices' ? 'Cloud services' : 'Local'}</td>
              <td className="py-1 text-slate-500">system</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <div className="mt-2">
          <p className="text-[11px] text-slate-600">
            A route of {v.name ?? v.id}'s own (0.0.0.0/0 to a GWLB endpoint, to the IPv4 gateway) goes in a custom route
            table bound to it.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <ConnectFromButton fromId={v.id} purpose="route" />
            <button
              type="button"
              className="mt-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50"
              onClick={() => {
                const made = withNewRouteTable(store.getState().design, v.id)
                store.getState().edit(`new route table for ${v.id}`, () => made.design)
                ui.getState().openRouteTable(made.id)
              }}
            >
              + New route table for {v.name ?? v.id}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
