// The change plan a design carries (docs/format.md, "Plan"): the steps the Plan tab builds, each an API call in the
// cloud's own words, and the state the first step starts from. A plan file (`gwlb-studio/plan`, read by the
// worker's plan checker and the command line) holds the same steps.
import * as z from 'zod/mini'

/** A value a parameter takes: as written, or (in the exported API-call sequence) the id an earlier call returns. */
export const planValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ output: z.string(), designId: z.string() }),
])

/**
 * One step's fields. A plan file's step may hold more (the exported sequence's product, version and notes ride
 * along: the worker reads it as a loose object); the design's own plan holds only these.
 */
export const planStepShape = {
  api: z.string().check(z.minLength(1)),
  parameters: z.record(z.string(), planValueSchema),
  /** the design id a Create call's new resource gets (the exported sequence's `creates`) */
  creates: z.optional(z.object({ output: z.string(), designId: z.string() })),
  /** the account whose credentials make the call, where the guide's sequence names one */
  accountId: z.optional(z.string()),
}

export const planStepSchema = z.strictObject(planStepShape)
export type PlanStep = z.infer<typeof planStepSchema>

/** What the first step starts from: the design on the canvas, or its prerequisites (the guide's setup). */
export const PLAN_STARTS = ['design', 'prerequisites'] as const
export type PlanStart = (typeof PLAN_STARTS)[number]

export const designPlanSchema = z.strictObject({
  name: z.optional(z.string().check(z.maxLength(128))),
  /** absent: the design */
  from: z.optional(z.enum(PLAN_STARTS)),
  steps: z.array(planStepSchema),
})
export type DesignPlan = z.infer<typeof designPlanSchema>

/** A step as the design keeps it: the fields of a step, values copied, anything else a plan file held left out. */
export function planStepOf(step: PlanStep): PlanStep {
  const parameters: PlanStep['parameters'] = {}
  for (const [k, v] of Object.entries(step.parameters))
    parameters[k] = typeof v === 'object' ? { output: v.output, designId: v.designId } : v
  return {
    api: step.api,
    parameters,
    ...(step.creates ? { creates: { output: step.creates.output, designId: step.creates.designId } } : {}),
    ...(step.accountId !== undefined ? { accountId: step.accountId } : {}),
  }
}

/** The most a plan's name holds; a longer one (a plan file's name) is cut there. */
export const PLAN_NAME_LENGTH = 128

/**
 * The plan as the design keeps it, or undefined for the empty plan (no steps, no name, from the design), so a
 * design that never had a plan is written as before.
 */
export function planField(plan: {
  name?: string
  from?: PlanStart
  steps: readonly PlanStep[]
}): DesignPlan | undefined {
  const name = plan.name?.slice(0, PLAN_NAME_LENGTH)
  const from = plan.from ?? 'design'
  if (!plan.steps.length && !name && from === 'design') return undefined
  return { ...(name ? { name } : {}), from, steps: [...plan.steps] }
}
