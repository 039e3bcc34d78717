// The design's change plan as edits of the document: each returns a new design, its input untouched, so a change
// of the plan is one undoable step like any other edit (docs/architecture.md, "Why undo keeps snapshots").
import type { Design } from '../design'
import { type PlanStart, type PlanStep, planField } from '../plan'

/** The plan of a design as the Plan tab shows it: the empty plan when the design carries none. */
export function planOf(design: Pick<Design, 'plan'>): { name: string; from: PlanStart; steps: readonly PlanStep[] } {
  return { name: design.plan?.name ?? '', from: design.plan?.from ?? 'design', steps: design.plan?.steps ?? [] }
}

/** The design with another plan: the empty plan removes the field. */
export function withPlan(
  design: Design,
  plan: { name?: string; from?: PlanStart; steps: readonly PlanStep[] },
): Design {
  const next = planField(plan)
  if (!next) {
    if (!design.plan) return design
    const { plan: _gone, ...rest } = design
    return rest
  }
  return { ...design, plan: next }
}

/** The design with the plan's steps changed; its name and start stay. */
export function withPlanSteps(design: Design, steps: readonly PlanStep[]): Design {
  return withPlan(design, { ...planOf(design), steps })
}

/** The design with the plan starting from elsewhere. */
export function withPlanStart(design: Design, from: PlanStart): Design {
  return withPlan(design, { ...planOf(design), from })
}

/**
 * Whether `next` differs from `prev` in its plan only. Edits copy only what they change, so every other field is
 * the same object: the simulator and the guide's orders, which do not read the plan, need not run again.
 */
export function onlyPlanChanged(prev: Design, next: Design): boolean {
  if (prev === next || prev.plan === next.plan) return false
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)])
  keys.delete('plan')
  for (const k of keys) if (prev[k as keyof Design] !== next[k as keyof Design]) return false
  return true
}
