// The simulator's sampling: how many real connections each simulated one stands for, so that any schema-legal
// scenario costs bounded work per slot and bounded memory per run. May not touch: anything but its arguments.
import type { Flow } from '../../src/model'

/**
 * Budgets over all flows of a scenario. Below both, every connection is simulated (weight 1), as at the rates of
 * the reference scenarios and the tests; above, connections are sampled.
 */
export interface SamplingBudget {
  /** connections open at once: each costs up to four forward() calls per slot */
  openConnections: number
  /**
   * connections opened per second: each leaves a GWLB flow entry and an appliance session behind for the idle
   * timeout (350 s for TCP), which the sweep visits and a drawn packet's trace copies
   */
  newConnectionsPerSecond: number
}

export const DEFAULT_SAMPLING: SamplingBudget = { openConnections: 2000, newConnectionsPerSecond: 200 }

/** How a flow is sampled: the weight its connections start with, and how many may be open before thinning. */
export interface FlowSampling {
  /** real connections each new simulated connection stands for: 1 unless the flow opens more than its share */
  weight: number
  /** simulated connections of the flow open at once before half of them go (Infinity: never) */
  cap: number
}

/**
 * Each flow's sampling. A flow within its fair share of each budget (flows under the share leave the rest to the
 * others) is simulated whole. One opening more connections a second than its share starts with the smallest whole
 * weight that brings it within it; one that keeps more open than its share is thinned as it fills up (halve()).
 * A simulated connection of weight w stands for w real ones in every figure, so counts are exact in expectation.
 */
export function flowSampling(flows: readonly Flow[], slotMs: number, budget: SamplingBudget): FlowSampling[] {
  const rates = flows.map((f) => f.newConnectionsPerSecond)
  const open = flows.map((f) => f.newConnectionsPerSecond * openSeconds(f, slotMs))
  const rateShare = fairShare(rates, budget.newConnectionsPerSecond)
  const openShare = fairShare(open, budget.openConnections)
  return flows.map((_, i) => {
    const rate = rates[i] ?? 0
    return {
      weight: rate <= rateShare ? 1 : Math.ceil(rate / rateShare),
      cap: (open[i] ?? 0) <= openShare ? Number.POSITIVE_INFINITY : Math.max(2, Math.floor(openShare)),
    }
  })
}

/**
 * Seconds of arrivals that are open at once: one connection's length, or the flow's whole span of arrivals when
 * that is shorter; a connection shorter than a slot still takes one.
 */
function openSeconds(f: Flow, slotMs: number): number {
  const span = f.stopSeconds !== undefined ? Math.max(0, f.stopSeconds - (f.startSeconds ?? 0)) : Infinity
  return Math.max(Math.min(f.connectionSeconds, span), slotMs / 1000)
}

/**
 * The share s with Σ min(demand, s) = budget (water-filling), or Infinity when the demands fit. A flow needing
 * less than s takes what it needs; the others get s each.
 */
export function fairShare(demands: readonly number[], budget: number): number {
  const total = demands.reduce((a, b) => a + b, 0)
  if (total <= budget) return Number.POSITIVE_INFINITY
  const sorted = [...demands].sort((a, b) => a - b)
  let left = budget
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i] ?? 0
    const share = left / (sorted.length - i)
    if (d >= share) return share
    left -= d
  }
  // the demands exceed the budget, so the largest one is at least the last share: not reached
  return left
}
