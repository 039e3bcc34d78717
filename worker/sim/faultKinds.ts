// Faults over time: one handler per fault kind applies it to the runtime (or recompiles the design) and says what
// follows, and one undoes it; draining ends; a fault that cannot apply is ignored with its reason. The words and
// checks of a fault (labels, targets, the configuration it implies) are faults.ts. May not touch: React, the DOM,
// zustand, Math.random, wall time.
import { CONNECTION_STATUSES, type Fault } from '../../src/model'
import {
  applianceIndex,
  compile,
  DRAINING,
  MEMBER,
  REMOVED,
  RUN_HUNG,
  RUN_RUNNING,
  RUN_STOPPED,
  securityGroupBlocksProbe,
  setEndpointStatus,
  zoneIndexOf,
} from '../engine'
import { configFaultProblem, configuredDesign, describeConfigFault } from './faults'
import { checkHealthyCounts } from './probes'
import { clearSessions } from './tables'
import { apId, emit, type FaultRun, groupOf, P_DRAIN, prepareFlows, type World } from './world'

type Of<K extends Fault['kind']> = Extract<Fault, { kind: K }>

/** A scheduled fault comes into force, or is ignored with the reason it cannot apply to this design. */
export function applyFault(w: World, f: FaultRun): void {
  f.state = 'active'
  const cannot = applyOf(w, f, f.step.fault)
  if (cannot === null) return
  f.state = 'ignored'
  f.detection = { kind: 'undetectable', why: 'the fault was not applied' }
  emit(w, f.target, 'fault-ignored', `fault not applied: ${cannot}`, f.index)
}

/** Each kind's handler applies it and returns null, or returns why it cannot apply. */
function applyOf(w: World, f: FaultRun, fault: Fault): string | null {
  switch (fault.kind) {
    case 'applianceStopped':
      return applyStopped(w, f, fault)
    case 'applianceHung':
      return applyHung(w, f, fault)
    case 'serverRemoved':
      return applyServerRemoved(w, f, fault)
    case 'zoneDown':
      return applyZoneDown(w, f, fault)
    case 'securityGroupRuleRemoved':
      return applyRuleRemoved(w, f, fault)
    case 'routeEntryDeleted':
      return applyRouteDeleted(w, f, fault)
    case 'endpointConnection':
      return applyEndpointConnection(w, f, fault)
  }
}

/** A fault in force is undone at its until time; the log says what must happen before all is normal again. */
export function revertFault(w: World, f: FaultRun): void {
  if (f.state !== 'active') return
  const fault = f.step.fault
  f.state = 'reverted'
  let text = revertText(w, f, fault)
  f.pendingHealthy = new Set(f.affected.filter((a) => w.state.healthy[a] === 0))
  if (f.pendingHealthy.size === 0) f.restore = { kind: 'restored', atMs: w.nowMs, afterMs: 0 }
  else {
    f.restore = { kind: 'pending', sinceMs: w.nowMs }
    const hc = groupOf(w, f.affected[0] ?? -1)?.healthCheck
    const them = f.pendingHealthy.size === 1 ? 'it' : 'them'
    if (hc)
      text += `; ${[...f.pendingHealthy].map((a) => apId(w, a)).join(', ')} must answer ${hc.healthyThreshold} health checks in a row (about ${hc.healthyThreshold} × ${hc.interval} s) before new flows go to ${them}`
  }
  emit(w, f.target, 'fault-reverted', text, f.index)
}

/** Connection draining is over: the removed appliance's remaining flows follow the failover mode. */
export function drainEnd(w: World, a: number, generation: number, fault: number): void {
  if (w.drainGen[a] !== generation || w.state.membership[a] !== DRAINING) return
  w.state.membership[a] = REMOVED
  const g = groupOf(w, a)
  const next = g?.rebalance
    ? 'its remaining flows move to healthy appliances (Rebalance)'
    : 'its remaining flows stay on it (NoRebalance)'
  emit(w, apId(w, a), 'drain-ended', `connection draining over after ${g?.drain.timeout ?? 0} s: ${next}`, fault)
}

/** The design again, with the rules and entries of the configuration faults in force taken out. */
function recompile(w: World): void {
  const active = w.faults
    .filter(
      (f) =>
        f.state === 'active' &&
        (f.step.fault.kind === 'securityGroupRuleRemoved' || f.step.fault.kind === 'routeEntryDeleted'),
    )
    .map((f) => f.step.fault)
  // the runtime state is kept whole: removing rules and entries changes no index it is keyed by
  w.net = compile(configuredDesign(w.cfg.design, active), w.cfg.engine)
  prepareFlows(w)
}

/** Health-check appliances whose probes this fault makes fail, and the detection that follows. */
function expectDetection(w: World, f: FaultRun, affected: number[], none: string): void {
  f.affected = affected.filter((a) => groupOf(w, a)?.healthCheck != null)
  if (f.affected.length === 0) {
    f.detection = { kind: 'undetectable', why: affected.length ? 'health checks are off for it' : none }
    return
  }
  f.pendingDetect = new Set(f.affected.filter((a) => w.state.healthy[a] === 1))
  if (f.pendingDetect.size === 0) f.detection = { kind: 'detected', atMs: w.nowMs, afterMs: 0 }
}

function detectionHint(w: World, a: number): string {
  const g = groupOf(w, a)
  const hc = g?.healthCheck
  if (!hc) return `health checks are off, so nothing detects it and its flows keep being lost`
  const existing = g?.rebalance
    ? ' and existing ones move (Rebalance)'
    : ', and existing ones stay and are lost (NoRebalance)'
  return `packets hashed to it are lost until the health check marks it unhealthy (${hc.unhealthyThreshold} × ${hc.interval} s, give or take one interval); then new flows avoid it${existing}`
}

function applyStopped(w: World, f: FaultRun, fault: Of<'applianceStopped'>): string | null {
  const a = applianceIndex(w.net, fault.applianceId)
  if (a < 0) return `there is no appliance ${fault.applianceId}`
  f.previous = w.state.run[a] ?? RUN_RUNNING
  w.state.run[a] = RUN_STOPPED
  clearSessions(w, a)
  expectDetection(w, f, [a], '')
  emit(
    w,
    fault.applianceId,
    'fault-applied',
    `${fault.applianceId} stops: it answers no health check and forwards nothing (its sessions are lost; packets sent to it end APPLIANCE_DOWN); ${detectionHint(w, a)}`,
    f.index,
  )
  return null
}

function applyHung(w: World, f: FaultRun, fault: Of<'applianceHung'>): string | null {
  const a = applianceIndex(w.net, fault.applianceId)
  if (a < 0) return `there is no appliance ${fault.applianceId}`
  f.previous = w.state.run[a] ?? RUN_RUNNING
  w.state.run[a] = RUN_HUNG
  f.detection = { kind: 'undetectable', why: 'a hung appliance still answers health checks' }
  emit(
    w,
    fault.applianceId,
    'fault-applied',
    `${fault.applianceId} hangs: it still answers health checks but drops all traffic, so the GWLB keeps sending it flows and they are lost (APPLIANCE_HUNG) until it recovers`,
    f.index,
  )
  return null
}

function applyServerRemoved(w: World, f: FaultRun, fault: Of<'serverRemoved'>): string | null {
  const a = applianceIndex(w.net, fault.applianceId)
  if (a < 0) return `there is no appliance ${fault.applianceId}`
  const g = groupOf(w, a)
  if (!g || w.state.membership[a] !== MEMBER) return `${fault.applianceId} is not a member of a server group`
  f.detection = { kind: 'undetectable', why: 'a configuration change: the GWLB acts on it at once, no detection' }
  const moves = g.rebalance
    ? 'existing flows move to healthy appliances (Rebalance)'
    : 'existing flows stay on it (NoRebalance)'
  let text = `${fault.applianceId} removed from ${g.gwlbId}'s server group, draining off: new flows go to other appliances; ${moves}`
  if (g.drain.enabled) {
    w.state.membership[a] = DRAINING
    const generation = ++w.drainGen[a]
    const drain = { kind: 'drainEnd', appliance: a, generation, fault: f.index } as const
    w.queue.push(w.nowMs + g.drain.timeout * 1000, P_DRAIN, drain)
    text = `${fault.applianceId} removed from ${g.gwlbId}'s server group: connection draining for ${g.drain.timeout} s — new flows go to other appliances, existing flows stay on it until the drain timeout; then ${moves}`
  } else w.state.membership[a] = REMOVED
  emit(w, fault.applianceId, 'fault-applied', text, f.index)
  checkHealthyCounts(w)
  return null
}

function applyZoneDown(w: World, f: FaultRun, fault: Of<'zoneDown'>): string | null {
  const { net } = w
  const z = zoneIndexOf(net, fault.zoneId)
  if (z < 0) return `the design has no zone ${fault.zoneId}`
  w.state.zoneDown[z] = 1
  const aps = net.appliances.filter((a) => a.zone === z)
  const eps = net.endpoints.filter((e) => e.zone === z).map((e) => e.id)
  const gw = net.nodes.filter((n) => n.zone === z).map((n) => `${net.gwlbs[n.gwlb]?.id}'s node`)
  expectDetection(
    w,
    f,
    aps.map((a) => a.index),
    'no appliance of a server group is in the zone',
  )
  const existing = w.groups.some((g) => g.rebalance) ? ' and, with Rebalance, existing ones' : ''
  const failover = w.groups.some((g) => g.crossZone)
    ? `the GWLB forwards across zones (always on, on Alibaba Cloud): once the health check marks the zone's appliances unhealthy, new flows${existing} go to appliances in other zones`
    : "cross-zone forwarding is off: the zone's node has no appliance left"
  const down = [...aps.map((a) => a.id), ...eps, ...gw].join(', ') || 'nothing of this design'
  emit(
    w,
    fault.zoneId,
    'fault-applied',
    `zone ${fault.zoneId} down: ${down} stop; traffic entering through this zone's endpoint is lost until the zone returns; ${failover}`,
    f.index,
  )
  return null
}

function applyRuleRemoved(w: World, f: FaultRun, fault: Of<'securityGroupRuleRemoved'>): string | null {
  const problem = configFaultProblem(w.cfg.design, fault)
  if (problem) return problem
  recompile(w)
  const users = w.net.appliances.filter((a) => a.sg.ids.includes(fault.securityGroupId))
  const blocked = users.filter((a) => {
    const hc = groupOf(w, a.index)?.healthCheck
    return hc ? securityGroupBlocksProbe(w.net, a.index, hc.port) !== null : false
  })
  expectDetection(
    w,
    f,
    blocked.map((a) => a.index),
    'the rule does not carry health checks',
  )
  const probes = blocked.length
    ? `health checks to ${blocked.map((a) => a.id).join(', ')} now fail`
    : 'health checks are unaffected'
  const what = describeConfigFault(w.cfg.design, fault)
  const text = `${what} removed; the design is recompiled (runtime state kept); ${probes}`
  emit(w, fault.securityGroupId, 'fault-applied', text, f.index)
  return null
}

function applyRouteDeleted(w: World, f: FaultRun, fault: Of<'routeEntryDeleted'>): string | null {
  const problem = configFaultProblem(w.cfg.design, fault)
  if (problem) return problem
  recompile(w)
  f.detection = { kind: 'undetectable', why: 'routes are not health-checked' }
  const what = describeConfigFault(w.cfg.design, fault)
  const text = `${what} deleted; the design is recompiled and packets that used it follow the remaining entries`
  emit(w, fault.routeTableId, 'fault-applied', text, f.index)
  return null
}

function applyEndpointConnection(w: World, f: FaultRun, fault: Of<'endpointConnection'>): string | null {
  const hit = w.net.byId.get(fault.endpointId)
  if (hit?.kind !== 'gwlbEndpoint') return `there is no GWLB endpoint ${fault.endpointId}`
  f.previous = w.state.endpointStatus[hit.index] ?? 0
  setEndpointStatus(w.net, w.state, fault.endpointId, fault.connectionStatus)
  f.detection = { kind: 'undetectable', why: 'endpoint connections are not health-checked' }
  const effect =
    fault.connectionStatus === 'Connected'
      ? 'traffic passes'
      : 'traffic routed to it is dropped (ENDPOINT_NOT_CONNECTED)'
  const text = `${fault.endpointId}'s connection is now ${fault.connectionStatus}: ${effect}`
  emit(w, fault.endpointId, 'fault-applied', text, f.index)
  return null
}

/** Undoes a fault of each kind; says what is back. */
function revertText(w: World, f: FaultRun, fault: Fault): string {
  const { state } = w
  switch (fault.kind) {
    case 'applianceStopped':
    case 'applianceHung': {
      state.run[applianceIndex(w.net, fault.applianceId)] = f.previous
      return `${fault.applianceId} ${f.previous === RUN_RUNNING ? 'runs' : 'is back to its earlier state'} again`
    }
    case 'serverRemoved': {
      const a = applianceIndex(w.net, fault.applianceId)
      state.membership[a] = MEMBER
      w.drainGen[a]++
      checkHealthyCounts(w)
      return `${fault.applianceId} added back to its server group: new flows may hash to it`
    }
    case 'zoneDown':
      state.zoneDown[zoneIndexOf(w.net, fault.zoneId)] = 0
      return `zone ${fault.zoneId} is back`
    case 'securityGroupRuleRemoved':
    case 'routeEntryDeleted':
      recompile(w)
      return `${describeConfigFault(w.cfg.design, fault)} restored; the design is recompiled`
    case 'endpointConnection': {
      const ep = w.net.byId.get(fault.endpointId)
      if (ep) state.endpointStatus[ep.index] = f.previous
      return `${fault.endpointId}'s connection is ${CONNECTION_STATUSES[f.previous]} again`
    }
  }
}
