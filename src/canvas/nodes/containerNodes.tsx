// Containers: VPC ⊃ zone ⊃ vSwitch. VPC titles sit top-left; zone and vSwitch captions bottom-left, where
// no edge runs: edges enter resources from above and leave them to the right or below their right half.
import type { NodeProps } from '@xyflow/react'
import { useDesign } from '../../store/context'
import { useDetail } from '../detail'
import type { ResourceNodeData, ZoneNodeData } from '../toFlow'
import { Handles } from './Handles'
import { ProblemBadge } from './ProblemBadge'
import { RouteTableBadge } from './RouteTableBadge'
import { litStyle, useLit } from './useHighlight'
import { useResource } from './useResource'

export function VpcNode({ data, selected }: NodeProps & { data: ResourceNodeData }) {
  const r = useResource(data.resourceId, 'vpc')
  const account = useDesign((s) => s.design.accounts.find((a) => a.id === r?.accountId)?.name)
  if (!r) return null
  return (
    <div
      data-testid={`node-${r.id}`}
      data-kind="vpc"
      className="relative h-full w-full rounded-xl border-2 bg-blue-50/40"
      style={{ borderColor: selected ? '#1d4ed8' : '#60a5fa' }}
    >
      <ProblemBadge id={r.id} />
      <div className="w-fit px-4 pt-2.5 leading-tight">
        <div className="w-fit text-[15px] font-bold text-blue-900">{r.name ?? r.id}</div>
        <div className="w-fit text-[11px] text-blue-800">
          VPC {r.cidrBlock} · {account ?? r.accountId}
        </div>
      </div>
    </div>
  )
}

export function ZoneNode({ data }: NodeProps & { data: ZoneNodeData }) {
  return (
    <div
      data-testid={`zone-${data.vpcId}-${data.zoneId}`}
      className="relative h-full w-full rounded-lg border border-dashed border-slate-400 bg-white/50"
    >
      <div className="absolute bottom-1.5 left-3 w-fit text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Zone {data.zoneId}
      </div>
    </div>
  )
}

export function VswitchNode({ data, selected }: NodeProps & { data: ResourceNodeData }) {
  const r = useResource(data.resourceId, 'vswitch')
  const lit = useLit(data.resourceId)
  const { overview } = useDetail()
  if (!r) return null
  return (
    <div
      data-testid={`node-${r.id}`}
      data-kind="vswitch"
      className="relative h-full w-full rounded-md border bg-teal-50/70"
      data-lit={lit}
      style={{
        borderColor: selected ? '#0f766e' : '#5eead4',
        borderWidth: selected ? 2 : 1.5,
        ...(lit === 'dim' ? {} : litStyle(lit)),
      }}
    >
      <Handles used={data.handles} />
      <ProblemBadge id={r.id} />
      <div className="absolute bottom-0 left-0 max-w-[70%] px-3 pb-1.5 leading-tight">
        <div className="truncate text-[12px] font-semibold text-teal-900" title={r.name ?? r.id}>
          {r.name ?? r.id}
        </div>
        {!overview && (
          <div className="flex min-w-0 items-center gap-1.5 text-[11px] text-teal-800">
            <span className="shrink-0">{r.cidrBlock}</span>
            <RouteTableBadge routeTableId={r.routeTableId} systemOf={r.id} />
          </div>
        )}
      </div>
    </div>
  )
}
