// A run's world at time 0 (its flows, faults, health checks and first events), and the log entries that open it:
// the settings and flows a trainer reads aloud first. May not touch: React, the DOM, zustand, Math.random, wall time.
import { createRuntimeState, DISPOSITIONS } from '../engine'
import { faultLabel, faultTarget } from './faults'
import { groupSettings, hcText, probeOutcome } from './health'
import { checkHealthyCounts } from './probes'
import { EventQueue } from './queue'
import { exponential, stream } from './random'
import { probeIntervalMs, scheduleRouteTargetProbes } from './routeTargets'
import { SWEEP_MS } from './tables'
import { flowTemplate, Tally } from './traffic'
import {
  emit,
  type FlowRun,
  type Incident,
  P_ACTION,
  P_APPLY,
  P_PROBE,
  P_REVERT,
  P_SLOT,
  P_START,
  P_SWEEP,
  prepareFlows,
  type Scheduled,
  type SimConfig,
  type World,
} from './world'

export function newIncident(): Incident {
  return {
    lost: 0,
    byCode: new Float64Array(DISPOSITIONS.length),
    lossOpen: false,
    lossSinceMs: 0,
    recoveredAtMs: 0,
    hurtOpen: 0,
    healed: false,
    healedAtMs: -1,
    moved: 0,
  }
}

function flowRuns(cfg: SimConfig, seed: number): FlowRun[] {
  return cfg.scenario.flows.map((flow, i) => {
    const rng = stream(seed, `arrivals:${flow.id}`)
    const startMs = (flow.startSeconds ?? 0) * 1000
    const { weight, cap } = cfg.sampling[i] ?? { weight: 1, cap: Number.POSITIVE_INFINITY }
    const period = (1000 * weight) / flow.newConnectionsPerSecond
    return {
      flow,
      template: flowTemplate(cfg.baseNet, flow),
      request: null,
      reply: null,
      rng,
      nextArrivalMs: startMs + (cfg.arrivals === 'poisson' ? exponential(rng, period) : rng() * period),
      stopMs: flow.stopSeconds !== undefined ? flow.stopSeconds * 1000 : Number.POSITIVE_INFINITY,
      tally: new Tally(),
      requestSource: new Tally(),
      replySource: null,
      weight,
      cap,
      open: 0,
      thin: stream(seed, `sampling:${flow.id}`),
      opened: 0,
      moved: 0,
    }
  })
}

/** The world at time 0, with its first events queued: start, faults and undos, probes, sweeps, the first slot. */
export function createWorld(cfg: SimConfig, seed: number): World {
  const net = cfg.baseNet
  const queue = new EventQueue<Scheduled>()
  const w: World = {
    cfg,
    seed,
    net,
    state: createRuntimeState(net),
    queue,
    nowMs: 0,
    log: [],
    flows: flowRuns(cfg, seed),
    conns: [],
    nextConnId: 1,
    ports: new Map(),
    groups: groupSettings(net),
    health: net.appliances.map(() => ({ oks: 0, fails: 0, firstFailSentMs: 0 })),
    drainGen: new Int32Array(net.appliances.length),
    noHealthy: new Uint8Array(net.nodes.length),
    faults: cfg.scenario.faults.map((step, index) => ({
      ...newIncident(),
      index,
      step,
      label: faultLabel(step, index),
      target: faultTarget(step.fault),
      state: 'scheduled',
      affected: [],
      detection: { kind: 'pending' },
      pendingDetect: new Set(),
      restore: { kind: 'notReverted' },
      pendingHealthy: new Set(),
      previous: 0,
    })),
    baseline: newIncident(),
    totals: new Tally(),
    applianceTally: net.appliances.map(() => new Tally()),
    resourceTally: new Map(),
    slotDrops: new Float64Array(DISPOSITIONS.length),
    slot: null,
    forwarded: 0,
    limitTold: false,
    routeTargetProbes: net.routeTargetGroups.flatMap(() => [
      { oks: 0, fails: 0 },
      { oks: 0, fails: 0 },
    ]),
  }
  for (const f of w.flows) {
    if (f.template.kind !== 'ok') continue
    f.requestSource = resourceTally(w, f.flow.sourceId)
    f.replySource = f.template.reply ? resourceTally(w, f.template.reply.source) : null
  }
  prepareFlows(w)
  queue.push(0, P_START, { kind: 'start' })
  w.faults.forEach((f, i) => {
    queue.push(f.step.atSeconds * 1000, P_APPLY, { kind: 'faultApply', fault: i })
    if (f.step.untilSeconds !== undefined && f.step.untilSeconds > f.step.atSeconds)
      queue.push(f.step.untilSeconds * 1000, P_REVERT, { kind: 'faultRevert', fault: i })
  })
  // each appliance is probed on its own phase within the first interval, as a real prober's would be
  const phases = stream(seed, 'health-check phases')
  for (const ap of net.appliances) {
    const hc = ap.gwlb >= 0 ? w.groups[ap.gwlb]?.healthCheck : null
    if (hc) queue.push(Math.floor(phases() * hc.interval * 1000), P_PROBE, { kind: 'probe', appliance: ap.index })
  }
  // route target group members on a stream of their own, so groups do not shift the appliances' phases
  scheduleRouteTargetProbes(w, stream(seed, 'route target probe phases'))
  for (const a of cfg.actions) queue.push(a.atMs, P_ACTION, { kind: 'switchRouteTarget', groupId: a.groupId })
  queue.push(SWEEP_MS, P_SWEEP, { kind: 'sweep' })
  queue.push(0, P_SLOT, { kind: 'slot' })
  return w
}

function resourceTally(w: World, id: string): Tally {
  let t = w.resourceTally.get(id)
  if (!t) {
    t = new Tally()
    w.resourceTally.set(id, t)
  }
  return t
}

/** The first log entries: each GWLB's settings, each flow, and whether a GWLB starts with no healthy appliance. */
export function logStart(w: World): void {
  const a = w.net.assumptions.allUnhealthy
  for (const g of w.groups) {
    const hc = g.healthCheck
    const checks = hc
      ? `health check ${hcText(hc)}; unhealthy after ${hc.unhealthyThreshold} failures in a row, healthy after ${hc.healthyThreshold} answers`
      : 'health checks off: a failed appliance is never detected'
    const drain = g.drain.enabled ? `connection draining on (${g.drain.timeout} s)` : 'connection draining off'
    const failover = g.rebalance
      ? 'Rebalance: existing flows leave an unhealthy or removed appliance'
      : 'NoRebalance: existing flows stay on their appliance'
    const cross = g.crossZone
      ? 'cross-zone forwarding on (always, on Alibaba Cloud)'
      : 'cross-zone forwarding off (AWS-style)'
    const text = `${checks}; ${drain}; ${failover}; ${cross}; with no healthy appliance: allUnhealthy = ${a}`
    emit(w, g.gwlbId, 'sim-started', text, null)
  }
  for (const f of w.flows) logFlow(w, f)
  for (const g of w.net.routeTargetGroups) {
    const [active, standby] = g.members.map((e) => w.net.endpoints[e]?.id ?? '?')
    const carrying = w.state.routeTargetCarrying[g.index] === 1 ? `${standby} (the active member is Unhealthy)` : active
    emit(
      w,
      g.id,
      'sim-started',
      `route target group ${g.id}: active member ${active} (weight 100), standby ${standby} (weight 0); traffic on ${carrying}; members probed every ${probeIntervalMs(w) / 1000} s (assumption routeTargetProbeInterval = ${w.net.assumptions.routeTargetProbeInterval}), Unhealthy after 3 failed probes in a row, Healthy after 3 answered; no automatic failback`,
      null,
    )
  }
  logUnhealthyAtStart(w)
  checkHealthyCounts(w)
}

/**
 * The appliances the run starts with marked unhealthy, and why: the design's state is where its health checks
 * settle (createRuntimeState), so one stopped or refusing the probes is unhealthy from the first moment.
 */
function logUnhealthyAtStart(w: World): void {
  for (const ap of w.net.appliances) {
    const hc = ap.gwlb >= 0 ? w.groups[ap.gwlb]?.healthCheck : null
    if (!hc || w.state.healthy[ap.index] === 1) continue
    const outcome = probeOutcome(w.net, w.state, ap.index, hc)
    const why = outcome.kind === 'noAnswer' ? outcome.why : 'its health checks fail'
    emit(
      w,
      ap.id,
      'marked-unhealthy',
      `unhealthy from the start: ${why}, so its health checks (${hcText(hc)}) never get an answer and new flows avoid it`,
      null,
      'health check',
    )
  }
}

function logFlow(w: World, f: FlowRun): void {
  const fl = f.flow
  if (f.template.kind === 'invalid') {
    emit(w, fl.id, 'flow-invalid', `flow ${fl.id} sends nothing: ${f.template.why}`, null)
    return
  }
  const port = fl.protocol === 'icmp' ? '' : `:${fl.destinationPort ?? 443}`
  const reply = f.template.reply ? 'replies at the same rate' : 'no replies'
  emit(
    w,
    fl.id,
    'sim-started',
    `${fl.sourceId} → ${fl.destinationAddress}${port} ${fl.protocol}: ${fl.newConnectionsPerSecond} new connections/s (${w.cfg.arrivals}), ${fl.packetsPerSecond} packets/s each way, ${fl.packetSize} bytes, ${fl.connectionSeconds} s each; ${reply}; forwarded in ${w.cfg.slotMs} ms slots${sampledText(w, f)}`,
    null,
  )
  if (!f.template.reply)
    emit(
      w,
      fl.id,
      'flow-no-reply',
      `even with nothing failed its requests are not delivered (${f.template.noReplyWhy}), so nothing answers`,
      null,
    )
}

function sampledText(w: World, f: FlowRun): string {
  const parts: string[] = []
  const n = (x: number) => x.toLocaleString('en-US')
  const { budget } = w.cfg
  if (f.weight > 1)
    parts.push(
      `each simulated connection stands for ${n(f.weight)} (over all flows the simulator opens about ${n(budget.newConnectionsPerSecond)} a second)`,
    )
  if (f.cap < Number.POSITIVE_INFINITY)
    parts.push(
      `past ${n(f.cap)} open, half of them go and the rest count double (its share of the ${n(budget.openConnections)} the simulator keeps open)`,
    )
  return parts.length ? `; sampled: ${parts.join('; ')}; every count stays exact in expectation` : ''
}
