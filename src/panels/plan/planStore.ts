// The change plan of the Plan tab is part of the design document (docs/format.md, "Plan"): it is autosaved, saved
// to a file and shared with the design, and every change of it is one edit of the design store, so Undo (Ctrl+Z)
// takes back an added, removed, moved or edited step like any other edit. A plan that loading another would
// replace is kept one click away: the notice's Undo brings it back.
import { useMemo } from 'react'
import type { Design, PlanStart, PlanStep } from '../../model'
import { planOf, withPlan, withPlanStart, withPlanSteps } from '../../model/edits/plan'
import { type Stores, useDesign } from '../../store/context'

export type { PlanStart }

export type Plan = ReturnType<typeof planOf>

/** The plan of the design on the canvas. */
export function usePlan(): Plan {
  const plan = useDesign((s) => s.design.plan)
  return useMemo(() => planOf({ plan }), [plan])
}

/** The plan's steps changed, as one undoable edit named by `label` ("add plan step", "move plan step 2 up"). */
export function setPlanSteps(stores: Stores, label: string, steps: readonly PlanStep[]) {
  stores.design.getState().edit(label, (d) => withPlanSteps(d, steps))
}

export function setPlanStart(stores: Stores, from: PlanStart) {
  stores.design.getState().edit('change where the plan starts', (d) => withPlanStart(d, from))
}

/**
 * Another plan in place of the design's (a guide's order, a plan file, Clear): one undoable edit. When the plan
 * it replaces has steps, the notice says so and its Undo brings that plan back — by undoing the replace while
 * nothing has been edited since, else by an edit that puts the plan back, so an edit made since is not lost.
 */
export function replacePlan(
  stores: Stores,
  label: string,
  headline: string,
  plan: { name?: string; from: PlanStart; steps: readonly PlanStep[] },
) {
  const { design, ui } = stores
  const before = design.getState().design
  const previous = planOf(before)
  design.getState().edit(label, (d) => withPlan(d, plan))
  const after = design.getState().design
  if (!previous.steps.length || after === before) return
  ui.getState().notify({
    tone: 'info',
    lines: [headline, `Undo (Ctrl+Z) brings back ${planWords(previous)}.`],
    actions: [{ label: 'Undo', run: () => bringBack(stores, after, previous) }],
  })
}

/** "your plan "Night window" (3 steps)", or "your plan (3 steps)" when it has no name. */
export function planWords(plan: Plan): string {
  const steps = `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`
  return `your plan${plan.name ? ` "${plan.name}"` : ''} (${steps})`
}

function bringBack(stores: Stores, after: Design, previous: Plan) {
  const s = stores.design.getState()
  if (s.design === after) s.undo()
  else s.edit('bring the plan back', (d) => withPlan(d, previous))
}

/** The guide's setup (from the design's prerequisites) or teardown (from the design) in place of the plan. */
export function loadGuideOrder(stores: Stores, which: 'setup' | 'teardown', steps: readonly PlanStep[]) {
  replacePlan(stores, `load the guide's ${which} as the plan`, `Loaded the guide’s ${which} as the plan.`, {
    name: `The guide's ${which}`,
    steps,
    from: which === 'setup' ? 'prerequisites' : 'design',
  })
}
