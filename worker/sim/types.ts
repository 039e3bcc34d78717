// The simulator's public shapes: options in, events and metrics out. May not touch: React, the DOM, zustand, src/store, src/canvas.
import type { Design, Scenario } from '../../src/model'
import type { DropReason, EngineOptions, Trace } from '../engine'
import type { SimClock } from './clock'
import type { SamplingBudget } from './sampling'

export interface SimOptions {
  /** a design that came through parse() */
  design: Design
  /** usually one of design.scenarios */
  scenario: Scenario
  clock: SimClock
  /** default 1; the same seed gives the same event log */
  seed?: number
  /** called for each log entry as the sim writes it; the worker buffers these and posts them once per frame */
  onEvent?: (event: SimEvent) => void
  /** the engine's assumptions (allUnhealthy, ...) */
  engine?: EngineOptions
  /** connection arrivals: Poisson (default) or evenly spaced; both placed by the run's random number generator (its `seed` option) */
  arrivals?: 'poisson' | 'even'
  /** traffic granularity: packets of a connection are forwarded in batches per slot (default 100 ms) */
  slotMs?: number
  /** above these, connections are sampled (default DEFAULT_SAMPLING: 2,000 open, 200 new a second) */
  sampling?: SamplingBudget
}

export type SimEventKind =
  | 'sim-started'
  | 'flow-invalid'
  | 'flow-no-reply'
  | 'fault-applied'
  | 'fault-reverted'
  | 'fault-ignored'
  | 'probe-failed'
  | 'probe-answered'
  | 'marked-unhealthy'
  | 'marked-healthy'
  | 'no-healthy-appliance'
  | 'healthy-appliance-back'
  | 'drain-ended'
  | 'flows-moved'
  | 'loss-started'
  | 'loss-stopped'
  /** a flow is sampled more thinly (sampling.ts) */
  | 'flow-sampled'
  /** the run reached MAX_SIMULATED_MS: it goes no further */
  | 'sim-limit'
  /** route target groups (routeTargets.ts): a member's probes, its health, a failover, an operator's switch */
  | 'route-target-probe-failed'
  | 'route-target-probe-answered'
  | 'route-target-unhealthy'
  | 'route-target-healthy'
  | 'route-target-failover'
  | 'route-target-unavailable'
  | 'route-target-switched'

/** One line of the event log: when, where, what happened, why. */
export interface SimEvent {
  /** simulated milliseconds */
  tMs: number
  /** the resource it happened to (an appliance, a zone id, an endpoint, a GWLB, a flow id) */
  resourceId: string
  kind: SimEventKind
  /** what happened, in plain words */
  text: string
  /** why: the fault behind it ("fault 1: ..."), or "health check", "traffic", "scenario" */
  cause: string
  /** index into scenario.faults of the fault behind it, or null */
  fault: number | null
}

/** How far a call got. Events are every log entry written during the call, in order. */
export interface AdvanceResult {
  fromMs: number
  /** every event before this time has been processed */
  reachedMs: number
  targetMs: number
  /** false when the wall-time budget ran out first; call again (or seek the clock back to reachedMs) */
  caughtUp: boolean
  events: SimEvent[]
}

/** A wall-time budget per call, for the browser worker's frames. */
export interface Budget {
  maxWallMs: number
  wallNow: () => number
}

export interface Counts {
  sent: number
  delivered: number
  dropped: number
  byReason: Partial<Record<DropReason, number>>
}

export type Detection =
  | { kind: 'detected'; atMs: number; afterMs: number }
  | { kind: 'pending' }
  /** a health check cannot see this fault (hung appliance, endpoint, route), or health checks are off */
  | { kind: 'undetectable'; why: string }

export type TrafficRecovery =
  | { kind: 'noLoss' }
  | { kind: 'lossOngoing'; sinceMs: number }
  /** the last slot with a lost packet ended at atMs */
  | { kind: 'recovered'; atMs: number; afterMs: number }

export type Restore =
  | { kind: 'notReverted' }
  /** reverted; waiting for health checks to mark the appliances healthy again */
  | { kind: 'pending'; sinceMs: number }
  /** afterMs counts from the revert (untilSeconds) */
  | { kind: 'restored'; atMs: number; afterMs: number }

export interface FaultMetrics {
  index: number
  label: string
  kind: string
  resourceId: string
  atMs: number
  untilMs: number | null
  state: 'scheduled' | 'active' | 'reverted' | 'ignored'
  lostPackets: number
  lostByReason: Partial<Record<DropReason, number>>
  detection: Detection
  recovery: TrafficRecovery
  restore: Restore
  /** connections whose packets went to a different appliance while this fault was behind the losses/moves */
  flowsMoved: number
}

export interface FlowMetrics extends Counts {
  flowId: string
  connectionsOpened: number
  connectionsActive: number
  flowsMoved: number
  /** real connections each new simulated one stands for: 1 unless the flow is sampled */
  connectionWeight: number
}

export interface SimMetrics {
  nowMs: number
  packets: Counts
  flows: FlowMetrics[]
  /** per appliance (packets the GWLB handed to it) and per packet source */
  resources: Record<string, Counts>
  faults: FaultMetrics[]
  /** losses and moves outside any fault's window (a design problem, an idle timeout) */
  baseline: { lostPackets: number; lostByReason: Partial<Record<DropReason, number>>; flowsMoved: number }
  /**
   * packets the engine forwarded one by one; the others were counted from them (a connection's packets in one slot
   * share one fate; a sampled connection counts for its weight)
   */
  forwarded: number
}

export interface ConnectionMove {
  tMs: number
  from: string
  to: string
}

/** One connection of a scenario flow, as the sim sees it now. */
export interface ConnectionView {
  id: number
  flowId: string
  sourcePort: number
  startMs: number
  endMs: number
  /** the appliance the GWLB last sent its request to */
  applianceId: string | null
  /** real connections it stands for (1 unless its flow is sampled); its own counts below are one connection's */
  weight: number
  sent: number
  delivered: number
  dropped: number
  moves: ConnectionMove[]
}

export interface Sim {
  /** advances to the clock's time (tests drive it with a playback clock; the worker's playback calls advance) */
  tick(budget?: Budget): AdvanceResult
  advance(toMs: number, budget?: Budget): AdvanceResult
  /**
   * advances to the next log entry (at most maxMs of simulated time, default 10 s) and seeks the clock there; with
   * a budget it may stop first (caughtUp: false): call again to go on
   */
  step(maxMs?: number, budget?: Budget): AdvanceResult
  /** seeks the clock and advances to toMs without a budget (tests, command line) */
  run(toMs: number): AdvanceResult
  /** back to time 0, with the same or a new seed; operator actions are forgotten unless keepActions (a replay) */
  reset(seed?: number, options?: { keepActions?: boolean }): void
  dispose(): void
  readonly nowMs: number
  readonly seed: number
  log(): readonly SimEvent[]
  metrics(): SimMetrics
  /** the connections open now */
  connections(): ConnectionView[]
  /**
   * One packet of an open connection (its request, or its reply) traced through the current state without
   * changing it: what the animation draws. Null when the connection is closed or its flow has no reply.
   */
  sampleTrace(connectionId: number, reply: boolean): Trace | null
  /**
   * several such packets on one copy of the runtime; the copy is kept for later calls while no log entry is written
   * and it is at most maxAgeMs of simulated time old (default 0: a fresh copy each call)
   */
  sampleTraces(picks: readonly { connectionId: number; reply: boolean }[], maxAgeMs?: number): (Trace | null)[]
  /** each appliance as the simulation has it now: running, stopped or hung; healthy to the GWLB or not; in the group */
  appliances(): ApplianceView[]
  /** each route target group as the simulation has it now: which member carries its traffic, each member's health */
  routeTargets(): RouteTargetView[]
  /**
   * SwitchActiveRouteTarget, now: the group's traffic goes to its other member, which must be Healthy. The action is
   * kept with its time, so a replay (reset to seek) does it again; reset() without keepActions forgets it.
   */
  switchActiveRouteTarget(groupId: string): { ok: true; text: string } | { ok: false; message: string }
}

export interface RouteTargetView {
  id: string
  /** the member whose GWLBe takes the group's traffic now */
  carryingMemberId: string
  /** the standby carries it (after a failover, until switched back) */
  failedOver: boolean
  /** the active member (weight 100) first, then the standby (weight 0) */
  members: { memberId: string; weight: number; healthy: boolean }[]
}

export interface ApplianceView {
  id: string
  run: 'running' | 'stopped' | 'hung'
  healthy: boolean
  membership: 'member' | 'draining' | 'removed'
}
