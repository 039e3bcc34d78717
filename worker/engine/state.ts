// Runtime state the simulator changes between packets: health, membership, zones, endpoint connections, flow and session tables.
// May not touch: React, the DOM, zustand, the compiled network (it only reads its sizes and initial values).
import { CONNECTION_STATUSES, type ConnectionStatus } from '../../src/model'
import { FlowTable } from './flowTable'
import { securityGroupBlocksProbe } from './healthChecks'
import { type Network, RUN_HUNG, RUN_RUNNING } from './network'
import { initialRouteTargets } from './routeTargets'

/** Server-group membership of an appliance. */
export const MEMBER = 0
/** removed from the server group, connection draining in progress: existing flows stay */
export const DRAINING = 1
/** removed (or never a member): no new flows; existing flows follow serverFailoverMode */
export const REMOVED = 2

/** GWLB idle timeouts, fixed (docs/cloud.md 2.3): after them a flow is new again. */
export const TCP_IDLE_SECONDS = 350
export const OTHER_IDLE_SECONDS = 120

/** The idle timeout of a flow of protocol `proto` (6 is TCP). */
export function idleSeconds(proto: number): number {
  return proto === 6 ? TCP_IDLE_SECONDS : OTHER_IDLE_SECONDS
}

/**
 * Mutable arrays indexed like the network's lists (appliances, zones, endpoints), so a simulator can flip a
 * value and trace again without recompiling. trace() and forward() write to `flows` and `sessions`, as real
 * packets would: the GWLB pins each new flow, a stateful appliance records the request's session.
 */
export interface RuntimeState {
  /** seconds of simulated time, for the GWLB's idle timeouts */
  now: number
  /** per appliance: 1 when the GWLB's health check considers it healthy */
  healthy: Uint8Array
  /** per appliance: MEMBER, DRAINING or REMOVED */
  membership: Uint8Array
  /** per appliance: RUN_RUNNING, RUN_STOPPED or RUN_HUNG (what it really does, whatever the health check says) */
  run: Uint8Array
  /** per zone: 1 when the zone is down */
  zoneDown: Uint8Array
  /** per endpoint: index into CONNECTION_STATUSES */
  endpointStatus: Uint8Array
  /** per route target group: which member carries its traffic, CARRY_ACTIVE (weight 100) or CARRY_STANDBY (weight 0) */
  routeTargetCarrying: Uint8Array
  /** per route target group, two entries (active member, then standby): 1 when its probes find it Healthy */
  routeTargetHealthy: Uint8Array
  /** GWLB flow table: flow key (tagged with the GWLB node) → appliance index */
  flows: FlowTable
  /** stateful appliances' sessions: flow key (tagged with the appliance) → 1 */
  sessions: FlowTable
  /** set by verification only (worker/verify): overrides the hash so that every eligible appliance is tried */
  choices?: ApplianceChoices
}

/**
 * Verification's hook into scheduling. Where a walk's k-th new flow would be hashed to an appliance, it takes
 * the eligible candidate number picks[k] (0 when absent) instead, in the order of the server group, and
 * eligible[k] records how many there were. Clear `eligible` before the walks one choice should cover (a request
 * and its reply); enumerating picks up to those counts visits every appliance the hash could have chosen. Not copied by cloneRuntimeState.
 */
export interface ApplianceChoices {
  picks: number[]
  eligible: number[]
  /** when given, filled with the eligible candidates (appliance indices, in order) of the walk's first decision */
  firstEligible?: number[]
}

/**
 * The state a design implies: where its health checks settle, statuses as the design says. Every trace, the
 * Walk tab, verification and the simulator's time 0 start from it, so a counterexample replays as it was found.
 */
export function createRuntimeState(net: Network): RuntimeState {
  const n = net.appliances.length
  const healthy = new Uint8Array(n)
  const membership = new Uint8Array(n).fill(REMOVED)
  const run = new Uint8Array(n)
  for (const a of net.appliances) {
    run[a.index] = a.initialRun
    if (a.gwlb >= 0) membership[a.index] = MEMBER
    healthy[a.index] = answersHealthChecks(net, a.index) ? 1 : 0
  }
  const zoneDown = new Uint8Array(net.zones.length)
  const endpointStatus = Uint8Array.from(net.endpoints.map((e) => e.initialStatus))
  const routeTargets = initialRouteTargets(net, { zoneDown, endpointStatus })
  return {
    now: 0,
    healthy,
    membership,
    run,
    zoneDown,
    endpointStatus,
    routeTargetCarrying: routeTargets.carrying,
    routeTargetHealthy: routeTargets.healthy,
    flows: new FlowTable(),
    sessions: new FlowTable(),
  }
}

/**
 * Whether the GWLB counts an appliance healthy once its health checks have run their course: every member when
 * they are off; else one that answers them, running or hung (a hung one still answers), whose security groups
 * let the probe in (the server group's health-check port, from the GWLB node that sends it). A stopped one, or
 * one whose security groups refuse the probe, fails every check and is marked unhealthy: the design describes
 * no moment after its first few checks when it is not.
 */
function answersHealthChecks(net: Network, a: number): boolean {
  const ap = net.appliances[a]
  const g = ap ? net.gwlbs[ap.gwlb] : undefined
  if (!ap || !g?.healthCheck) return true
  if (ap.initialRun !== RUN_RUNNING && ap.initialRun !== RUN_HUNG) return false
  return securityGroupBlocksProbe(net, a, g.healthCheckPort) === null
}

export function cloneRuntimeState(s: RuntimeState): RuntimeState {
  return {
    now: s.now,
    healthy: s.healthy.slice(),
    membership: s.membership.slice(),
    run: s.run.slice(),
    zoneDown: s.zoneDown.slice(),
    endpointStatus: s.endpointStatus.slice(),
    routeTargetCarrying: s.routeTargetCarrying.slice(),
    routeTargetHealthy: s.routeTargetHealthy.slice(),
    flows: s.flows.clone(),
    sessions: s.sessions.clone(),
  }
}

export function setEndpointStatus(
  net: Network,
  s: RuntimeState,
  endpointId: string,
  status: ConnectionStatus,
): boolean {
  const hit = net.byId.get(endpointId)
  if (hit?.kind !== 'gwlbEndpoint') return false
  s.endpointStatus[hit.index] = CONNECTION_STATUSES.indexOf(status)
  return true
}

/** The index of an appliance by id, for setting its entries in the state's arrays; -1 when there is none. */
export function applianceIndex(net: Network, id: string): number {
  const hit = net.byId.get(id)
  return hit?.kind === 'appliance' ? hit.index : -1
}

/** The index of a route target group by id; -1 when there is none. */
export function routeTargetGroupIndex(net: Network, id: string): number {
  const hit = net.byId.get(id)
  return hit?.kind === 'routeTargetGroup' ? hit.index : -1
}

export function zoneIndexOf(net: Network, zoneId: string): number {
  return net.zoneIndex.get(zoneId) ?? -1
}
