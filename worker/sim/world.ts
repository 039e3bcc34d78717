// The simulator's state between events: the world one run changes, what it is made of, and the log it writes.
// May not touch: React, the DOM, zustand, Math.random, wall time. Every other module of the run (init, slots,
// losses, probes, tables, fault kinds, metrics) reads and changes a World; only createSim holds one.
import type { Design, FaultStep, Flow, Scenario } from '../../src/model'
import type { EngineOptions, Network, PreparedPacket, RuntimeState } from '../engine'
import type { GroupSettings, ProbeOutcome } from './health'
import type { EventQueue } from './queue'
import type { Random } from './random'
import type { FlowSampling, SamplingBudget } from './sampling'
import { byReason, type FlowTemplate, prepared, type Tally } from './traffic'
import type { ConnectionMove, Detection, Restore, SimEvent, SimEventKind } from './types'

/** Order of events at the same millisecond: undo before do, configuration before probes, traffic last. */
export const P_START = 0
/** an operator's action goes before everything else at its millisecond, as it did when it was taken live */
export const P_ACTION = 0
export const P_REVERT = 1
export const P_APPLY = 2
export const P_DRAIN = 3
export const P_RESULT = 4
export const P_PROBE = 5
export const P_SWEEP = 6
export const P_SLOT = 7

export type Scheduled =
  | { kind: 'start' }
  | { kind: 'faultApply'; fault: number }
  | { kind: 'faultRevert'; fault: number }
  | { kind: 'drainEnd'; appliance: number; generation: number; fault: number }
  | { kind: 'probeResult'; appliance: number; sentMs: number; outcome: ProbeOutcome }
  | { kind: 'probe'; appliance: number }
  | { kind: 'sweep' }
  | { kind: 'slot' }
  | { kind: 'slotPart' }
  | { kind: 'routeTargetProbe'; group: number; slot: number }
  /** an operator's action, replayed at its time (a seek replays the run from 0) */
  | { kind: 'switchRouteTarget'; groupId: string }

/** What a run is asked to play: fixed from createSim to dispose (reset keeps it, with the same or a new seed). */
export interface SimConfig {
  design: Design
  scenario: Scenario
  /** the design compiled without any fault */
  baseNet: Network
  engine: EngineOptions | undefined
  slotMs: number
  arrivals: 'poisson' | 'even'
  budget: SamplingBudget
  /** per scenario flow */
  sampling: FlowSampling[]
  onEvent: ((event: SimEvent) => void) | undefined
  /** operator actions taken so far (SwitchActiveRouteTarget), at their simulated times: a replay does them again */
  actions: { atMs: number; groupId: string }[]
}

/**
 * Losses and moves charged to one fault, or to none (the baseline). A loss episode opens with a lost packet and ends
 * only on evidence: a connection that lost packets gets one through again, or none is left and nothing new can meet
 * the fault (it is undone, or the health check has taken the stopped appliance out). A slot that happens to carry
 * no packet says nothing, so at low rates an episode does not end and start again between two packets.
 */
export interface Incident {
  lost: number
  byCode: Float64Array
  lossOpen: boolean
  lossSinceMs: number
  /** when the last episode ended: the time to recover */
  recoveredAtMs: number
  /** open connections whose last packet was lost while this incident was charged */
  hurtOpen: number
  /** since the episode opened, a connection that had lost packets got one through and ended its slot so */
  healed: boolean
  /** the start of the first slot since the episode's last loss in which that happened, or -1 */
  healedAtMs: number
  moved: number
}

export interface FaultRun extends Incident {
  index: number
  step: FaultStep
  label: string
  target: string
  state: 'scheduled' | 'active' | 'reverted' | 'ignored'
  /** appliances whose health checks this fault makes fail */
  affected: number[]
  detection: Detection
  pendingDetect: Set<number>
  restore: Restore
  pendingHealthy: Set<number>
  /** the run state or endpoint status the fault replaced, restored by the revert */
  previous: number
}

export interface FlowRun {
  flow: Flow
  template: FlowTemplate
  request: PreparedPacket | null
  reply: PreparedPacket | null
  rng: Random
  nextArrivalMs: number
  stopMs: number
  tally: Tally
  requestSource: Tally
  replySource: Tally | null
  /** real connections each new simulated one stands for (1: every connection is simulated; sampling.ts) */
  weight: number
  /** simulated connections open at once before half of them go; Infinity: never */
  cap: number
  /** simulated connections open now */
  open: number
  /** decides which connections a thinning keeps */
  thin: Random
  opened: number
  moved: number
}

export interface Connection {
  id: number
  flow: number
  sport: number
  startMs: number
  endMs: number
  appliance: number
  /** a request got through, so the far end answers from now on */
  established: boolean
  sent: number
  delivered: number
  dropped: number
  moves: ConnectionMove[]
  /** the incident its last packet was lost to, while no later packet of it got through; null when all is well */
  hurt: Incident | null
  /** real connections it stands for (1 unless its flow is sampled) */
  weight: number
  /** the GWLB closed it after its idle timeout: its later packets are leftovers, dropped (FLOW_EXPIRED) */
  expired: boolean
}

export interface ApplianceHealth {
  oks: number
  fails: number
  firstFailSentMs: number
}

/** A slot's work in progress: its losses go to one incident, its moves are told at its end. */
export interface SlotRun {
  t: number
  end: number
  charged: FaultRun | null
  inc: Incident
  moves: Map<number, Map<number, number>>
  /** the next connection to forward */
  next: number
}

export interface World {
  cfg: SimConfig
  seed: number
  /** the network as the faults in force leave it (recompiled by the configuration faults) */
  net: Network
  state: RuntimeState
  queue: EventQueue<Scheduled>
  nowMs: number
  log: SimEvent[]
  flows: FlowRun[]
  conns: Connection[]
  nextConnId: number
  ports: Map<string, number>
  groups: GroupSettings[]
  health: ApplianceHealth[]
  drainGen: Int32Array
  /** per GWLB node: 1 while none of its candidates is a healthy member */
  noHealthy: Uint8Array
  faults: FaultRun[]
  baseline: Incident
  totals: Tally
  applianceTally: Tally[]
  resourceTally: Map<string, Tally>
  slotDrops: Float64Array
  /** the slot being forwarded, between its events; null between slots */
  slot: SlotRun | null
  /** packets forwarded through the engine; the rest of those counted were counted from them */
  forwarded: number
  /** the run was asked past MAX_SIMULATED_MS and said so */
  limitTold: boolean
  /** per route target group, two entries (active member, standby): probes answered and failed in a row */
  routeTargetProbes: { oks: number; fails: number }[]
}

/** One log entry, now; its cause is the fault's label, or what the caller names. */
export function emit(
  w: World,
  resourceId: string,
  kind: SimEventKind,
  text: string,
  fault: number | null,
  cause?: string,
): void {
  const e: SimEvent = {
    tMs: w.nowMs,
    resourceId,
    kind,
    text,
    cause: cause ?? (fault !== null ? (w.faults[fault]?.label ?? 'scenario') : 'scenario'),
    fault,
  }
  w.log.push(e)
  w.cfg.onEvent?.(e)
}

export const apId = (w: World, a: number): string => w.net.appliances[a]?.id ?? `appliance ${a}`

/** The server-group settings of the GWLB an appliance belongs to, or null. */
export function groupOf(w: World, a: number): GroupSettings | null {
  const gwlb = w.net.appliances[a]?.gwlb ?? -1
  return gwlb >= 0 ? (w.groups[gwlb] ?? null) : null
}

/** Packet templates against the current network (again after each recompile). */
export function prepareFlows(w: World): void {
  for (const f of w.flows) {
    if (f.template.kind !== 'ok') continue
    f.request = prepared(w.net, f.template.request)
    f.reply = f.template.reply ? prepared(w.net, f.template.reply) : null
    // a reply is never a connection's first packet (a request's phase is set per connection as it is forwarded)
    if (f.reply) f.reply.established = true
  }
}

export const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`

export function reasonsText(byCode: Float64Array): string {
  return Object.entries(byReason(byCode))
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([r, n]) => `${r} ${n.toLocaleString('en-US')}`)
    .join(', ')
}
