// The VPC's system route table as a vSwitch without a custom table sees it: the Local routes the cloud
// derives, and the two ways to a route of one's own, a new route table or "Add route…" (which makes one).
import { useEffect } from 'react'
import { withNewRouteTable } from '../model/edits/connect'
import { useDesign, useStores, useUi } from '../store/context'
import { ConnectFromButton } from './inspector/ConnectFromButton'
import { NextHopName, RouteTableView } from './RouteTableView'
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
  const vpcName = vpc?.name ?? v.vpcId
  return (
    <RouteTableView
      label={`System route table of ${vpcName}`}
      title={`System route table of ${vpcName}`}
      subtitle={`Used by every vSwitch without a custom route table: ${users.map((u) => u.name ?? u.id).join(', ')}`}
      entries={entries}
      nextHop={(e) => <NextHopName design={design} entry={e} />}
    >
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
    </RouteTableView>
  )
}
