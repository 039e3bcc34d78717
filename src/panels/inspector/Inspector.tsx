// The inspector: a form for the selected resource, or for the design when nothing is selected.
import type { ReactNode } from 'react'
import { problemKey } from '../../../worker/lint/problem'
import type { Resource } from '../../model'
import { useDesign, useReport, useStores, useUi } from '../../store/context'
import { ProblemItem } from '../ProblemsPanel'
import { DesignForm } from './DesignForm'
import { GwlbEndpointForm } from './endpointForm'
import { TextField } from './fields'
import {
  ApplianceForm,
  EcsForm,
  EndpointServiceForm,
  GwlbForm,
  InternetHostForm,
  Ipv4GatewayForm,
  SecurityGroupForm,
  VpcForm,
  VswitchForm,
} from './forms'
import { RouteTargetGroupForm } from './routeTargetGroupForm'

const KIND_TITLE: Record<Resource['kind'], string> = {
  vpc: 'VPC',
  vswitch: 'vSwitch',
  routeTable: 'Route table',
  ipv4Gateway: 'IPv4 gateway',
  ecs: 'ECS instance',
  appliance: 'Network virtual appliance',
  securityGroup: 'Security group',
  gwlb: 'Gateway Load Balancer',
  endpointService: 'Endpoint service',
  gwlbEndpoint: 'GWLB endpoint',
  internetHost: 'Internet host',
  routeTargetGroup: 'Route target group',
}

function formFor(r: Resource, at: number, design: Parameters<typeof VpcForm>[0]['design']): ReactNode {
  switch (r.kind) {
    case 'vpc':
      return <VpcForm r={r} at={at} design={design} />
    case 'vswitch':
      return <VswitchForm r={r} at={at} design={design} />
    case 'ipv4Gateway':
      return <Ipv4GatewayForm r={r} at={at} design={design} />
    case 'ecs':
      return <EcsForm r={r} at={at} design={design} />
    case 'appliance':
      return <ApplianceForm r={r} at={at} design={design} />
    case 'securityGroup':
      return <SecurityGroupForm r={r} at={at} design={design} />
    case 'gwlb':
      return <GwlbForm r={r} at={at} design={design} />
    case 'endpointService':
      return <EndpointServiceForm r={r} at={at} design={design} />
    case 'gwlbEndpoint':
      return <GwlbEndpointForm r={r} at={at} design={design} />
    case 'internetHost':
      return <InternetHostForm r={r} at={at} design={design} />
    case 'routeTargetGroup':
      return <RouteTargetGroupForm r={r} at={at} design={design} />
    case 'routeTable':
      return null
  }
}

/** The selected resource's own problems, first: what is wrong with it, and the fix. */
function ResourceProblems({ id }: { id: string }) {
  const mine = useReport((s) => s.problemsOn.get(id))
  const hidden = useUi((s) => s.problemsHidden)
  if (!mine?.length || hidden) return null
  return (
    <ul className="my-1 space-y-1 text-xs" aria-label="Problems of this resource">
      {mine.map((p) => (
        <ProblemItem key={problemKey(p)} p={p} />
      ))}
    </ul>
  )
}

export function Inspector() {
  const design = useDesign((s) => s.design)
  const selected = useUi((s) => s.selectedIds)
  const readOnly = useUi((s) => s.readOnly)
  const { ui } = useStores()
  const at = selected.length === 1 ? design.resources.findIndex((r) => r.id === selected[0]) : -1
  const r = at >= 0 ? design.resources[at] : undefined
  return (
    <section aria-label="Inspector" data-testid="inspector" className="border-b border-slate-200 p-3">
      <fieldset disabled={readOnly} className="min-w-0">
        {selected.length > 1 ? (
          <p className="text-sm text-slate-700">
            {selected.length} resources selected. Delete, copy or duplicate them together.
          </p>
        ) : r ? (
          <>
            <div className="flex items-baseline justify-between gap-2">
              <h2 className="text-sm font-semibold text-slate-900">{KIND_TITLE[r.kind]}</h2>
              <span className="truncate font-mono text-[11px] text-slate-500">{r.id}</span>
            </div>
            <ResourceProblems id={r.id} />
            {/* keyed by id: another resource's form starts from its own values */}
            <div key={r.id}>
              <TextField label="Name" path={['resources', at, 'name']} value={r.name} optional />
              {formFor(r, at, design)}
            </div>
            {!readOnly && (
              <button
                type="button"
                className="mt-2 text-xs text-red-700 hover:underline"
                onClick={() => ui.getState().openDialog({ kind: 'delete', ids: [r.id] })}
              >
                Delete {r.name ?? r.id}…
              </button>
            )}
          </>
        ) : (
          <>
            <h2 className="text-sm font-semibold text-slate-900">Design</h2>
            <DesignForm design={design} />
          </>
        )}
      </fieldset>
    </section>
  )
}
