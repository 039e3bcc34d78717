// A packet that another panel (Verify, Plan, Compare) hands to the Walk tab to open and play on the canvas: one
// request store per set of stores, so the Walk tab reads it without those panels reaching into its state.
import { createStore } from 'zustand/vanilla'
import type { PacketSpec } from '../../../worker/engine/types'
import type { Stores } from '../../store/context'
import { lessonRunnerFor } from '../lessons/useLessons'

export interface WalkRequest {
  /** a new number for every request, so the same packet asked twice plays twice */
  n: number
  packet: PacketSpec
  /** verification's appliance picks that replay the outcome it found (empty: the GWLB's own hash) */
  picks: number[]
  /** where it comes from, in words: "counterexample of inbound-inspected" */
  label: string
}

interface WalkRequestState {
  request: WalkRequest | null
}

const stores = new WeakMap<Stores, ReturnType<typeof createRequestStore>>()

function createRequestStore() {
  return createStore<WalkRequestState>()(() => ({ request: null }))
}

export function walkRequestsFor(s: Stores) {
  let store = stores.get(s)
  if (!store) {
    store = createRequestStore()
    stores.set(s, store)
  }
  return store
}

/** Opens the Walk tab with a packet and plays it there, hop by hop on the canvas. */
export function walkPacket(s: Stores, packet: PacketSpec, picks: readonly number[], label: string): void {
  const store = walkRequestsFor(s)
  const n = (store.getState().request?.n ?? 0) + 1
  store.setState({ request: { n, packet, picks: [...picks], label } })
  lessonRunnerFor(s).getState().showTab('walk')
}
