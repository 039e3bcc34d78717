// The change plan being built in the Plan tab, for this session: its steps and the state it starts from.
// Session state: a plan is saved as its own file (Save plan file), never in the design document.
import { createStore } from 'zustand/vanilla'
import type { PlanStep } from '../../../worker/verify'
import type { Stores } from '../../store/context'

export type PlanStart = 'design' | 'prerequisites'

export interface PlanState {
  name: string
  steps: readonly PlanStep[]
  from: PlanStart
  setSteps(steps: readonly PlanStep[]): void
  setFrom(from: PlanStart): void
  load(plan: { name?: string; steps: readonly PlanStep[] }, from: PlanStart): void
}

const stores = new WeakMap<Stores, ReturnType<typeof createPlanStore>>()

function createPlanStore() {
  return createStore<PlanState>()((set) => ({
    name: '',
    steps: [],
    from: 'design',
    setSteps: (steps) => set({ steps }),
    setFrom: (from) => set({ from }),
    load: (plan, from) => set({ name: plan.name ?? '', steps: plan.steps, from }),
  }))
}

export function planFor(s: Stores) {
  let store = stores.get(s)
  if (!store) {
    store = createPlanStore()
    stores.set(s, store)
  }
  return store
}
