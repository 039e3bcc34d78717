// The inspector: a form for the selected resource, or for the design when nothing is selected.
import { useEffect, useReducer } from 'react'
import { problemKey } from '../../../worker/lint/problem'
import type { Design, Resource } from '../../model'
import { useDesign, useReport, useStores, useUi } from '../../store/context'
import { ProblemItem } from '../ProblemsPanel'
import { DesignForm } from './DesignForm'
import { TextField } from './fields'

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

type ResourceForms = typeof import('./ResourceForm')
let forms: ResourceForms | null = null
let loading: Promise<ResourceForms> | null = null

/**
 * The resource forms load when first wanted, not with the studio: the app asks for them at the user's first pointer
 * or key activity (preloadOnIntent), long before a click selects something; a selection made before that (by a
 * link, a lesson) shows the form as soon as it has loaded.
 */
export function loadResourceForms(): Promise<ResourceForms> {
  loading ??= import('./ResourceForm').then((m) => {
    forms = m
    return m
  })
  return loading
}

/** The form of one resource: at once when the forms are loaded, else once they are. */
function ResourceFormSlot(props: { r: Resource; at: number; design: Design }) {
  const [, loaded] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (!forms) void loadResourceForms().then(loaded)
  }, [])
  return forms ? <forms.ResourceForm {...props} /> : null
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
              <ResourceFormSlot r={r} at={at} design={design} />
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
