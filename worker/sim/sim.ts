// createSim: simulated time over the engine's fast path: traffic, health checks, faults, draining, rebalancing.
// May not touch: React, the DOM, zustand, Math.random, wall time (only through a Budget it is handed); it changes
// its own state only and hands events out through onEvent and its return values, never posting anywhere itself.
import {
  CONNECTION_STATUSES,
  type Design,
  type Fault,
  type FaultStep,
  type Flow,
  type HealthCheck,
  type Scenario,
} from '../../src/model'
import {
  ASSUMPTIONS,
  applianceIndex,
  cloneRuntimeState,
  compile,
  createRuntimeState,
  DISPOSITIONS,
  DRAINING,
  forward,
  MEMBER,
  type Network,
  newForwardResult,
  type PreparedPacket,
  REMOVED,
  RUN_HUNG,
  RUN_RUNNING,
  RUN_STOPPED,
  type RuntimeState,
  setEndpointStatus,
  type Trace,
  trace,
  zoneIndexOf,
} from '../engine'
import { OTHER_IDLE_SECONDS, TCP_IDLE_SECONDS } from '../engine/state'
import { configFaultProblem, configuredDesign, describeConfigFault, faultLabel, faultTarget } from './faults'
import { type GroupSettings, groupSettings, type ProbeOutcome, probeOutcome, securityGroupBlocksProbe } from './health'
import { EventQueue } from './queue'
import { exponential, type Random, stream } from './random'
import { DEFAULT_SAMPLING, flowSampling } from './sampling'
import { byReason, CODE, type FlowTemplate, flowTemplate, isSuccess, packetsIn, prepared, Tally } from './traffic'
import type {
  AdvanceResult,
  Budget,
  ConnectionMove,
  ConnectionView,
  Detection,
  FaultMetrics,
  Restore,
  Sim,
  SimEvent,
  SimEventKind,
  SimMetrics,
  SimOptions,
  TrafficRecovery,
} from './types'

/** Order of events at the same millisecond: undo before do, configuration before probes, traffic last. */
const P_START = 0
const P_REVERT = 1
const P_APPLY = 2
const P_DRAIN = 3
const P_RESULT = 4
const P_PROBE = 5
const P_SWEEP = 6
const P_SLOT = 7

/** An answered probe comes back after this round trip; an unanswered one fails at the timeout. */
const PROBE_RTT_MS = 1
/** How often idle GWLB flows and appliance sessions are swept out. */
const SWEEP_MS = 10_000
/**
 * Connections forwarded per event: a slot with more goes on in further events at the same millisecond, so a
 * budgeted advance (the browser worker's frame) can stop between them whatever the rates.
 */
const SLOT_CHUNK = 256
/** One run plays at most this much simulated time (the command line refuses more, playback stops there). */
export const MAX_SIMULATED_MS = 3_600_000
const EPHEMERAL_FIRST = 49152
const EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST

type Scheduled =
  | { kind: 'start' }
  | { kind: 'faultApply'; fault: number }
  | { kind: 'faultRevert'; fault: number }
  | { kind: 'drainEnd'; appliance: number; generation: number; fault: number }
  | { kind: 'probeResult'; appliance: number; sentMs: number; outcome: ProbeOutcome }
  | { kind: 'probe'; appliance: number }
  | { kind: 'sweep' }
  | { kind: 'slot' }
  | { kind: 'slotPart' }

/**
 * Losses and moves charged to one fault, or to none (the baseline). A loss episode opens with a lost packet and ends
 * only on evidence: a connection that lost packets gets one through again, or none is left and nothing new can meet
 * the fault (it is undone, or the health check has taken the stopped appliance out). A slot that happens to carry
 * no packet says nothing, so at low rates an episode does not end and start again between two packets.
 */
interface Incident {
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

interface FaultRun extends Incident {
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

interface FlowRun {
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

interface Connection {
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
}

interface ApplianceHealth {
  oks: number
  fails: number
  firstFailSentMs: number
}

interface World {
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
}

/** A slot's work in progress: its losses go to one incident, its moves are told at its end. */
interface SlotRun {
  t: number
  end: number
  charged: FaultRun | null
  inc: Incident
  moves: Map<number, Map<number, number>>
  /** the next connection to forward */
  next: number
}

const sec = (ms: number) => `${(ms / 1000).toFixed(3)} s`

function newIncident(): Incident {
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

function reasonsText(byCode: Float64Array): string {
  return Object.entries(byReason(byCode))
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([r, n]) => `${r} ${n.toLocaleString('en-US')}`)
    .join(', ')
}

function hcText(hc: HealthCheck): string {
  return `${hc.protocol}:${hc.port}${hc.protocol === 'HTTP' && hc.path ? hc.path : ''} every ${hc.interval} s, timeout ${hc.timeout} s`
}

export function createSim(options: SimOptions): Sim {
  const { design, scenario, clock, onEvent } = options
  const slotMs = options.slotMs ?? 100
  const arrivals = options.arrivals ?? 'poisson'
  const baseNet = compile(design, options.engine)
  const budget = options.sampling ?? DEFAULT_SAMPLING
  const sampling = flowSampling(scenario.flows, slotMs, budget)
  let seed = options.seed ?? 1
  let w = init(seed)
  let disposed = false
  /** the copy of the runtime packets are drawn on (drawingState) */
  let drawing: { state: RuntimeState; atMs: number; logLength: number; world: World } | null = null

  function init(s: number): World {
    const net = baseNet
    const queue = new EventQueue<Scheduled>()
    const groups = groupSettings(net)
    const flows: FlowRun[] = scenario.flows.map((flow, i) => {
      const template = flowTemplate(baseNet, flow)
      const rng = stream(s, `arrivals:${flow.id}`)
      const startMs = (flow.startSeconds ?? 0) * 1000
      const { weight, cap } = sampling[i] ?? { weight: 1, cap: Number.POSITIVE_INFINITY }
      const period = (1000 * weight) / flow.newConnectionsPerSecond
      return {
        flow,
        template,
        request: null,
        reply: null,
        rng,
        nextArrivalMs: startMs + (arrivals === 'poisson' ? exponential(rng, period) : rng() * period),
        stopMs: flow.stopSeconds !== undefined ? flow.stopSeconds * 1000 : Number.POSITIVE_INFINITY,
        tally: new Tally(),
        requestSource: new Tally(),
        replySource: null,
        weight,
        cap,
        open: 0,
        thin: stream(s, `sampling:${flow.id}`),
        opened: 0,
        moved: 0,
      }
    })
    const world: World = {
      net,
      state: createRuntimeState(net),
      queue,
      nowMs: 0,
      log: [],
      flows,
      conns: [],
      nextConnId: 1,
      ports: new Map(),
      groups,
      health: net.appliances.map(() => ({ oks: 0, fails: 0, firstFailSentMs: 0 })),
      drainGen: new Int32Array(net.appliances.length),
      noHealthy: new Uint8Array(net.nodes.length),
      faults: scenario.faults.map((step, index) => ({
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
    }
    for (const f of flows) {
      if (f.template.kind !== 'ok') continue
      f.requestSource = resourceTally(world, f.flow.sourceId)
      f.replySource = f.template.reply ? resourceTally(world, f.template.reply.source) : null
    }
    prepareFlows(world)
    queue.push(0, P_START, { kind: 'start' })
    world.faults.forEach((f, i) => {
      queue.push(f.step.atSeconds * 1000, P_APPLY, { kind: 'faultApply', fault: i })
      if (f.step.untilSeconds !== undefined && f.step.untilSeconds > f.step.atSeconds)
        queue.push(f.step.untilSeconds * 1000, P_REVERT, { kind: 'faultRevert', fault: i })
    })
    // each appliance is probed on its own phase within the first interval, as a real prober's would be
    const phases = stream(s, 'health-check phases')
    for (const ap of net.appliances) {
      const hc = ap.gwlb >= 0 ? groups[ap.gwlb].healthCheck : null
      if (hc) queue.push(Math.floor(phases() * hc.interval * 1000), P_PROBE, { kind: 'probe', appliance: ap.index })
    }
    queue.push(SWEEP_MS, P_SWEEP, { kind: 'sweep' })
    queue.push(0, P_SLOT, { kind: 'slot' })
    return world
  }

  function resourceTally(world: World, id: string): Tally {
    let t = world.resourceTally.get(id)
    if (!t) {
      t = new Tally()
      world.resourceTally.set(id, t)
    }
    return t
  }

  /** Packet templates against the current network (again after each recompile). */
  function prepareFlows(world: World): void {
    for (const f of world.flows) {
      if (f.template.kind !== 'ok') continue
      f.request = prepared(world.net, f.template.request)
      f.reply = f.template.reply ? prepared(world.net, f.template.reply) : null
    }
  }

  function emit(resourceId: string, kind: SimEventKind, text: string, fault: number | null, cause?: string): void {
    const e: SimEvent = {
      tMs: w.nowMs,
      resourceId,
      kind,
      text,
      cause: cause ?? (fault !== null ? w.faults[fault].label : 'scenario'),
      fault,
    }
    w.log.push(e)
    onEvent?.(e)
  }

  const apId = (a: number) => w.net.appliances[a].id
  const groupOf = (a: number): GroupSettings | null =>
    w.net.appliances[a].gwlb >= 0 ? w.groups[w.net.appliances[a].gwlb] : null
  const probed = (a: number) => groupOf(a)?.healthCheck != null

  // ---- start ----------------------------------------------------------------------------------------------

  function start(): void {
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
      emit(
        g.gwlbId,
        'sim-started',
        `${checks}; ${drain}; ${failover}; ${cross}; with no healthy appliance: allUnhealthy = ${a}`,
        null,
      )
    }
    for (const f of w.flows) {
      const fl = f.flow
      if (f.template.kind === 'invalid') {
        emit(fl.id, 'flow-invalid', `flow ${fl.id} sends nothing: ${f.template.why}`, null)
        continue
      }
      const port = fl.protocol === 'icmp' ? '' : `:${fl.destinationPort ?? 443}`
      const reply = f.template.reply ? 'replies at the same rate' : 'no replies'
      emit(
        fl.id,
        'sim-started',
        `${fl.sourceId} → ${fl.destinationAddress}${port} ${fl.protocol}: ${fl.newConnectionsPerSecond} new connections/s (${arrivals}), ${fl.packetsPerSecond} packets/s each way, ${fl.packetSize} bytes, ${fl.connectionSeconds} s each; ${reply}; forwarded in ${slotMs} ms slots${sampledText(f)}`,
        null,
      )
      if (!f.template.reply)
        emit(
          fl.id,
          'flow-no-reply',
          `even with nothing failed its requests are not delivered (${f.template.noReplyWhy}), so nothing answers`,
          null,
        )
    }
    checkHealthyCounts()
  }

  function sampledText(f: FlowRun): string {
    const parts: string[] = []
    const n = (x: number) => x.toLocaleString('en-US')
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

  // ---- traffic --------------------------------------------------------------------------------------------

  function openConnection(fi: number, atMs: number): void {
    const f = w.flows[fi]
    const fl = f.flow
    let sport = 0
    if (fl.protocol !== 'icmp') {
      if (fl.sourcePort !== undefined) sport = fl.sourcePort
      else {
        // a fresh ephemeral port per connection, counting on from a seeded start per source
        let next = w.ports.get(fl.sourceId)
        if (next === undefined) next = Math.floor(stream(seed, `ports:${fl.sourceId}`)() * EPHEMERAL_COUNT)
        sport = EPHEMERAL_FIRST + (next % EPHEMERAL_COUNT)
        w.ports.set(fl.sourceId, next + 1)
      }
    }
    f.opened += f.weight
    f.open++
    w.conns.push({
      id: w.nextConnId++,
      flow: fi,
      sport,
      startMs: atMs,
      endMs: atMs + fl.connectionSeconds * 1000,
      appliance: -1,
      established: false,
      sent: 0,
      delivered: 0,
      dropped: 0,
      moves: [],
      hurt: null,
      weight: f.weight,
    })
  }

  const out = newForwardResult()

  /** A slot opens: new connections, then its first chunk of connections (slotPart). */
  function slotStart(): void {
    const t = w.nowMs
    w.state.now = t / 1000
    w.flows.forEach((f, fi) => {
      if (!f.request) return
      while (f.nextArrivalMs < t + slotMs && f.nextArrivalMs < f.stopMs) {
        openConnection(fi, f.nextArrivalMs)
        const period = (1000 * f.weight) / f.flow.newConnectionsPerSecond
        f.nextArrivalMs += arrivals === 'poisson' ? exponential(f.rng, period) : period
      }
      if (f.open > f.cap) halve(fi)
    })
    w.slotDrops.fill(0)
    // every loss of this slot is charged to one incident: the fault state does not change within a slot
    const charged = chargedFault()
    w.slot = { t, end: t + slotMs, charged, inc: charged ?? w.baseline, moves: new Map(), next: 0 }
    slotPart()
  }

  /**
   * Every packet in [t, t + slot) of up to SLOT_CHUNK open connections, through forward(), all with the state as it
   * is at the slot's start; the slot goes on in another event, or ends: losses charged, closed connections gone.
   */
  function slotPart(): void {
    const sl = w.slot
    if (!sl) return
    const stop = Math.min(w.conns.length, sl.next + SLOT_CHUNK)
    for (let i = sl.next; i < stop; i++) {
      const c = w.conns[i]
      if (c) forwardConnection(c, sl)
    }
    sl.next = stop
    if (stop < w.conns.length) {
      w.queue.push(sl.t, P_SLOT, { kind: 'slotPart' })
      return
    }
    chargeSlot(sl.t, sl.charged, sl.inc, sl.moves)
    w.conns = w.conns.filter((c) => c.endMs > sl.end || close(c))
    w.slot = null
    w.queue.push(sl.end, P_SLOT, { kind: 'slot' })
  }

  /**
   * One connection's packets in a slot. They all meet the same state, and from the second on each does exactly what
   * the second did (the first may pin the flow or open a session; after it nothing changes), so two are forwarded
   * and the second counts for the rest: exact, not sampled.
   */
  function forwardConnection(c: Connection, sl: SlotRun): void {
    const f = w.flows[c.flow]
    const req = f?.request
    if (!f || !req) return
    const n = packetsIn(c.startMs, c.endMs, f.flow.packetsPerSecond, sl.t, sl.end)
    if (n === 0) return
    const { net, state } = w
    const rep = f.reply
    req.sport = c.sport
    if (rep) rep.dport = c.sport
    const hurtBefore = c.hurt
    const droppedBefore = c.dropped
    const forwarded = Math.min(n, 2)
    for (let i = 0; i < forwarded; i++) {
      const times = i === forwarded - 1 ? n - i : 1
      forward(net, req, state, out)
      w.forwarded++
      const code = CODE.get(out.disposition) ?? 0
      count(c, f, f.requestSource, code, sl.inc, times)
      if (i === 0 && out.appliance >= 0 && out.appliance !== c.appliance) {
        if (c.appliance >= 0) noteMove(c, f, sl, out.appliance)
        c.appliance = out.appliance
      }
      if (isSuccess(code)) c.established = true
      if (rep && c.established && f.replySource) {
        forward(net, rep, state, out)
        w.forwarded++
        count(c, f, f.replySource, CODE.get(out.disposition) ?? 0, sl.inc, times)
      }
    }
    noteHurt(c, hurtBefore, c.dropped > droppedBefore ? sl.inc : hurtBefore, sl.t)
  }

  function noteMove(c: Connection, f: FlowRun, sl: SlotRun, to: number): void {
    c.moves.push({ tMs: sl.t, from: apId(c.appliance), to: apId(to) })
    f.moved += c.weight
    let m = sl.moves.get(c.appliance)
    if (!m) {
      m = new Map()
      sl.moves.set(c.appliance, m)
    }
    m.set(to, (m.get(to) ?? 0) + c.weight)
  }

  /** A connection leaves the simulation (it ended, or a thinning let it go); false, for filter(). */
  function close(c: Connection): false {
    if (c.hurt) c.hurt.hurtOpen--
    const f = w.flows[c.flow]
    if (f) f.open--
    return false
  }

  /**
   * The flow keeps more connections open than its share: each of them stays with probability 1/2 and then stands
   * for twice as many, and new ones arrive half as often, so every count stays exact in expectation (domain of
   * sampling.ts). It keeps a long-lived flow at hundreds of connections however many millions it stands for.
   */
  function halve(fi: number): void {
    const f = w.flows[fi]
    if (!f) return
    while (f.open > f.cap) {
      w.conns = w.conns.filter((c) => {
        if (c.flow !== fi) return true
        if (f.thin() < 0.5) return close(c)
        c.weight *= 2
        return true
      })
      f.weight *= 2
    }
    emit(
      f.flow.id,
      'flow-sampled',
      `${f.open.toLocaleString('en-US')} of its simulated connections kept, each now standing for about ${f.weight.toLocaleString('en-US')}: the flow keeps more open than its share of the simulator's ${budget.openConnections.toLocaleString('en-US')}, so half of them went and new ones count double (every figure stays exact in expectation)`,
      null,
      "the simulator's sampling",
    )
  }

  /** `times` packets of one connection with the same fate; each counts for the flow's weight in every figure. */
  function count(c: Connection, f: FlowRun, source: Tally, code: number, inc: Incident, times: number): void {
    const k = times * c.weight
    c.sent += times
    f.tally.add(code, k)
    source.add(code, k)
    w.totals.add(code, k)
    if (out.appliance >= 0) w.applianceTally[out.appliance]?.add(code, k)
    if (isSuccess(code)) {
      c.delivered += times
      c.hurt = null
    } else {
      c.dropped += times
      c.hurt = inc
      w.slotDrops[code] += k
    }
  }

  /**
   * After a connection's packets of one slot: the incidents keep count of the connections still hurt, and one
   * whose connection got through after losing packets (and ended the slot so) has seen a recovery.
   */
  function noteHurt(c: Connection, before: Incident | null, hurtBy: Incident | null, t: number): void {
    if (c.hurt !== before) {
      if (before) before.hurtOpen--
      if (c.hurt) c.hurt.hurtOpen++
    }
    if (hurtBy && !c.hurt) {
      hurtBy.healed = true
      if (hurtBy.healedAtMs < 0) hurtBy.healedAtMs = t
    }
  }

  /** The fault a slot's losses and moves are charged to: the latest one in force, or one whose losses still run after its revert. */
  function chargedFault(): FaultRun | null {
    let best: FaultRun | null = null
    for (const f of w.faults) {
      const open = f.state === 'active' || (f.state === 'reverted' && f.lossOpen)
      if (open && (!best || f.step.atSeconds >= best.step.atSeconds)) best = f
    }
    return best
  }

  /**
   * Why an open loss episode is over, or null while it is not: no connection it hurt is left waiting, and either one
   * of them got through, or nothing new can meet the fault, or a later fault now takes the charge.
   */
  function episodeOver(x: Incident, charged: Incident): string | null {
    if (x.hurtOpen > 0) return null
    if (x.healed) return 'connections that had lost packets get them through again'
    const xf = x === w.baseline ? null : (x as FaultRun)
    if (xf && xf.state !== 'active') return 'the fault is undone and no connection that lost packets is left'
    if (xf?.step.fault.kind === 'applianceStopped' && xf.detection.kind === 'detected')
      return `the health check took ${xf.target} out of service and the connections that lost packets have closed`
    if (x !== charged) {
      const next = charged === w.baseline ? 'no fault (the baseline)' : (charged as FaultRun).label
      return `from here on losses are charged to ${next}`
    }
    return null
  }

  function chargeSlot(t: number, f: FaultRun | null, inc: Incident, moves: Map<number, Map<number, number>>): void {
    const faultIx = f ? f.index : null
    let dropped = 0
    for (let i = 2; i < w.slotDrops.length; i++) dropped += w.slotDrops[i]
    const where = f ? f.target : 'traffic'
    const cause = f ? undefined : 'traffic (no fault in force)'
    if (dropped > 0) {
      // whatever got through in this slot, the losses went on to its end
      inc.healedAtMs = -1
      inc.lost += dropped
      for (let i = 2; i < w.slotDrops.length; i++) inc.byCode[i] += w.slotDrops[i]
      if (!inc.lossOpen) {
        inc.lossOpen = true
        inc.lossSinceMs = t
        inc.healed = false
        emit(
          where,
          'loss-started',
          `packets lost: ${dropped.toLocaleString('en-US')} in this ${slotMs} ms slot (${reasonsText(w.slotDrops)})`,
          faultIx,
          cause,
        )
      }
    }
    for (const x of [w.baseline, ...w.faults]) {
      if (!x.lossOpen || (x === inc && dropped > 0)) continue
      const why = episodeOver(x, inc)
      if (why === null) continue
      // the evidence may come a packet interval late (a connection that lost packets sends again only then): the
      // losses stopped with the first packet that got through after the last loss
      const at = x.healed && x.healedAtMs >= 0 ? x.healedAtMs : t
      x.lossOpen = false
      x.recoveredAtMs = at
      const xf = x === w.baseline ? null : (x as FaultRun)
      const when = at < t ? ` at ${sec(at)}` : ''
      const after = xf ? `, ${sec(at - xf.step.atSeconds * 1000)} after the fault` : ''
      emit(
        xf ? xf.target : 'traffic',
        'loss-stopped',
        `losses stopped${when}${after}: ${why}; ${x.lost.toLocaleString('en-US')} lost since ${sec(x.lossSinceMs)} (${reasonsText(x.byCode)})`,
        xf ? xf.index : null,
        xf ? undefined : 'traffic (no fault in force)',
      )
    }
    for (const [from, tos] of moves) {
      let n = 0
      for (const k of tos.values()) n += k
      inc.moved += n
      const dest = [...tos].map(([a, k]) => `${apId(a)} (${k})`).join(', ')
      emit(
        apId(from),
        'flows-moved',
        `${n} connection${n === 1 ? '' : 's'} moved off ${apId(from)} to ${dest}: ${moveReason(from)}`,
        faultIx,
        cause,
      )
    }
  }

  function moveReason(a: number): string {
    const s = w.state
    if (s.membership[a] === REMOVED) return `${apId(a)} is out of the server group and the group rebalances (Rebalance)`
    if (s.healthy[a] === 0) return `${apId(a)} is marked unhealthy and the group rebalances (Rebalance)`
    return 'the flow sat idle past the GWLB timeout and was hashed again'
  }

  function sweep(): void {
    const { state } = w
    const now = w.nowMs / 1000
    const expire = (table: RuntimeState['flows']) => {
      const gone: number[] = []
      table.forEach((k0, k1, k2, k3, _v, seen) => {
        const idle = (k3 & 0xff) === 6 ? TCP_IDLE_SECONDS : OTHER_IDLE_SECONDS
        if (now - seen > idle) gone.push(k0, k1, k2, k3)
      })
      for (let i = 0; i < gone.length; i += 4) table.delete(gone[i], gone[i + 1], gone[i + 2], gone[i + 3])
    }
    // appliance sessions are given the GWLB's idle timeouts: an appliance's own session timeout is not in the design
    expire(state.flows)
    expire(state.sessions)
    w.queue.push(w.nowMs + SWEEP_MS, P_SWEEP, { kind: 'sweep' })
  }

  /** A stopped appliance loses its sessions, as a rebooted firewall does. */
  function clearSessions(a: number): void {
    const gone: number[] = []
    w.state.sessions.forEach((k0, k1, k2, k3) => {
      if (k3 >> 8 === a + 1) gone.push(k0, k1, k2, k3)
    })
    for (let i = 0; i < gone.length; i += 4) w.state.sessions.delete(gone[i], gone[i + 1], gone[i + 2], gone[i + 3])
  }

  // ---- health checks --------------------------------------------------------------------------------------

  function probe(a: number): void {
    const hc = groupOf(a)?.healthCheck
    if (!hc) return
    const outcome = probeOutcome(w.net, w.state, a, hc)
    const delay = outcome.kind === 'answered' ? PROBE_RTT_MS : hc.timeout * 1000
    w.queue.push(w.nowMs + delay, P_RESULT, { kind: 'probeResult', appliance: a, sentMs: w.nowMs, outcome })
    w.queue.push(w.nowMs + hc.interval * 1000, P_PROBE, { kind: 'probe', appliance: a })
  }

  /** The latest fault that explains a health change of this appliance. */
  function causeOf(a: number, includeReverted: boolean): FaultRun | null {
    for (let i = w.faults.length - 1; i >= 0; i--) {
      const f = w.faults[i]
      if ((f.state === 'active' || (includeReverted && f.state === 'reverted')) && f.affected.includes(a)) return f
    }
    return null
  }

  function probeResult(a: number, sentMs: number, outcome: ProbeOutcome): void {
    const g = groupOf(a)
    const hc = g?.healthCheck
    if (!g || !hc) return
    const h = w.health[a]
    const s = w.state
    if (outcome.kind === 'answered') {
      h.fails = 0
      h.oks++
      if (s.healthy[a] === 1) return
      const f = causeOf(a, true)
      if (h.oks < hc.healthyThreshold) {
        emit(
          apId(a),
          'probe-answered',
          `health check answered (${h.oks} of ${hc.healthyThreshold} needed to be healthy again)`,
          f?.index ?? null,
          f ? undefined : 'health check',
        )
        return
      }
      s.healthy[a] = 1
      const since =
        f?.restore.kind === 'pending' ? `; ${sec(w.nowMs - f.restore.sinceMs)} after the fault was undone` : ''
      emit(
        apId(a),
        'marked-healthy',
        `marked healthy: ${hc.healthyThreshold} health checks in a row answered (${hcText(hc)})${since}; new flows may hash to it again, flows that moved away stay where they are`,
        f?.index ?? null,
        f ? undefined : 'health check',
      )
      for (const x of w.faults) {
        if (x.restore.kind !== 'pending' || !x.pendingHealthy.delete(a) || x.pendingHealthy.size > 0) continue
        x.restore = { kind: 'restored', atMs: w.nowMs, afterMs: w.nowMs - x.restore.sinceMs }
      }
      checkHealthyCounts()
      return
    }
    h.oks = 0
    if (h.fails === 0) h.firstFailSentMs = sentMs
    h.fails++
    if (s.healthy[a] === 0) return
    const f = causeOf(a, true)
    if (h.fails < hc.unhealthyThreshold) {
      emit(
        apId(a),
        'probe-failed',
        `health check failed (${h.fails} of ${hc.unhealthyThreshold}): no answer within ${hc.timeout} s — ${outcome.why}`,
        f?.index ?? null,
        f ? undefined : 'health check',
      )
      return
    }
    s.healthy[a] = 0
    let timing = ''
    if (f) {
      const at = f.step.atSeconds * 1000
      timing = `; ${sec(w.nowMs - at)} after the fault (next check ${sec(h.firstFailSentMs - at)} after it, then ${hc.unhealthyThreshold - 1} × ${hc.interval} s, then the ${hc.timeout} s timeout)`
    }
    const next = g.rebalance
      ? `existing flows on ${apId(a)} move to healthy appliances (Rebalance)`
      : `existing flows stay pinned to ${apId(a)} (NoRebalance)`
    emit(
      apId(a),
      'marked-unhealthy',
      `marked unhealthy: ${hc.unhealthyThreshold} health checks in a row got no answer (${outcome.why})${timing}; new flows avoid it, ${next}`,
      f?.index ?? null,
      f ? undefined : 'health check',
    )
    for (const x of w.faults) {
      if (
        x.state !== 'active' ||
        x.detection.kind !== 'pending' ||
        !x.pendingDetect.delete(a) ||
        x.pendingDetect.size > 0
      )
        continue
      const at = x.step.atSeconds * 1000
      x.detection = { kind: 'detected', atMs: w.nowMs, afterMs: w.nowMs - at }
    }
    checkHealthyCounts()
  }

  /** Logs when a GWLB node is left with no healthy member, and when it gets one back. */
  function checkHealthyCounts(): void {
    const { net, state } = w
    const told = new Set<number>()
    for (const nd of net.nodes) {
      let n = 0
      for (const a of nd.candidates) if (state.membership[a] === MEMBER && state.healthy[a] === 1) n++
      const none = n === 0 ? 1 : 0
      if (none === w.noHealthy[nd.index]) continue
      w.noHealthy[nd.index] = none
      const g = w.groups[nd.gwlb]
      // with cross-zone forwarding every node has the same candidates: say it once per GWLB
      if (g.crossZone && told.has(nd.gwlb)) continue
      told.add(nd.gwlb)
      const scope = g.crossZone ? '' : ` in zone ${net.zones[nd.zone]} (cross-zone off)`
      const f = chargedFault()
      if (none) {
        const value = net.assumptions.allUnhealthy
        emit(
          g.gwlbId,
          'no-healthy-appliance',
          `no healthy appliance${scope}: assumption allUnhealthy = ${value} applied — ${ASSUMPTIONS.allUnhealthy.meaning[value]}. Alibaba Cloud does not document this case (domain.md 9.1); only AWS documents it: its GWLB picks a target per new flow and keeps it, and traffic drops until a target recovers`,
          f?.index ?? null,
          f ? undefined : 'health check',
        )
      } else
        emit(
          g.gwlbId,
          'healthy-appliance-back',
          `a healthy appliance again${scope}: new flows are forwarded`,
          f?.index ?? null,
          f ? undefined : 'health check',
        )
    }
  }

  // ---- faults ---------------------------------------------------------------------------------------------

  function ignore(f: FaultRun, why: string): void {
    f.state = 'ignored'
    f.detection = { kind: 'undetectable', why: 'the fault was not applied' }
    emit(f.target, 'fault-ignored', `fault not applied: ${why}`, f.index)
  }

  function recompile(): void {
    const active = w.faults
      .filter(
        (f) =>
          f.state === 'active' &&
          (f.step.fault.kind === 'securityGroupRuleRemoved' || f.step.fault.kind === 'routeEntryDeleted'),
      )
      .map((f) => f.step.fault)
    // the runtime state is kept whole: removing rules and entries changes no index it is keyed by
    w.net = compile(configuredDesign(design, active), options.engine)
    prepareFlows(w)
  }

  /** Health-check appliances whose probes this fault makes fail, and the detection that follows. */
  function expectDetection(f: FaultRun, affected: number[], none: string): void {
    f.affected = affected.filter(probed)
    if (f.affected.length === 0) {
      f.detection = { kind: 'undetectable', why: affected.length ? 'health checks are off for it' : none }
      return
    }
    f.pendingDetect = new Set(f.affected.filter((a) => w.state.healthy[a] === 1))
    if (f.pendingDetect.size === 0) f.detection = { kind: 'detected', atMs: w.nowMs, afterMs: 0 }
  }

  function detectionHint(a: number): string {
    const hc = groupOf(a)?.healthCheck
    if (!hc) return `health checks are off, so nothing detects it and its flows keep being lost`
    const rebalance = groupOf(a)?.rebalance
    return `packets hashed to it are lost until the health check marks it unhealthy (${hc.unhealthyThreshold} × ${hc.interval} s, give or take one interval); then new flows avoid it${rebalance ? ' and existing ones move (Rebalance)' : ', and existing ones stay and are lost (NoRebalance)'}`
  }

  function apply(f: FaultRun): void {
    const { net, state } = w
    const fault: Fault = f.step.fault
    f.state = 'active'
    switch (fault.kind) {
      case 'applianceStopped':
      case 'applianceHung': {
        const a = applianceIndex(net, fault.applianceId)
        if (a < 0) return ignore(f, `there is no appliance ${fault.applianceId}`)
        f.previous = state.run[a]
        if (fault.kind === 'applianceStopped') {
          state.run[a] = RUN_STOPPED
          clearSessions(a)
          expectDetection(f, [a], '')
          emit(
            fault.applianceId,
            'fault-applied',
            `${fault.applianceId} stops: it answers no health check and forwards nothing (its sessions are lost; packets sent to it end APPLIANCE_DOWN); ${detectionHint(a)}`,
            f.index,
          )
        } else {
          state.run[a] = RUN_HUNG
          f.detection = { kind: 'undetectable', why: 'a hung appliance still answers health checks' }
          emit(
            fault.applianceId,
            'fault-applied',
            `${fault.applianceId} hangs: it still answers health checks but drops all traffic, so the GWLB keeps sending it flows and they are lost (APPLIANCE_HUNG) until it recovers`,
            f.index,
          )
        }
        return
      }
      case 'serverRemoved': {
        const a = applianceIndex(net, fault.applianceId)
        if (a < 0) return ignore(f, `there is no appliance ${fault.applianceId}`)
        const g = groupOf(a)
        if (!g || state.membership[a] !== MEMBER)
          return ignore(f, `${fault.applianceId} is not a member of a server group`)
        f.detection = { kind: 'undetectable', why: 'a configuration change: the GWLB acts on it at once, no detection' }
        const moves = g.rebalance
          ? 'existing flows move to healthy appliances (Rebalance)'
          : 'existing flows stay on it (NoRebalance)'
        if (g.drain.enabled) {
          state.membership[a] = DRAINING
          const gen = ++w.drainGen[a]
          w.queue.push(w.nowMs + g.drain.timeout * 1000, P_DRAIN, {
            kind: 'drainEnd',
            appliance: a,
            generation: gen,
            fault: f.index,
          })
          emit(
            fault.applianceId,
            'fault-applied',
            `${fault.applianceId} removed from ${g.gwlbId}'s server group: connection draining for ${g.drain.timeout} s — new flows go to other appliances, existing flows stay on it until the drain timeout; then ${moves}`,
            f.index,
          )
        } else {
          state.membership[a] = REMOVED
          emit(
            fault.applianceId,
            'fault-applied',
            `${fault.applianceId} removed from ${g.gwlbId}'s server group, draining off: new flows go to other appliances; ${moves}`,
            f.index,
          )
        }
        checkHealthyCounts()
        return
      }
      case 'zoneDown': {
        const z = zoneIndexOf(net, fault.zoneId)
        if (z < 0) return ignore(f, `the design has no zone ${fault.zoneId}`)
        state.zoneDown[z] = 1
        const aps = net.appliances.filter((a) => a.zone === z)
        const eps = net.endpoints.filter((e) => e.zone === z).map((e) => e.id)
        const gw = net.nodes.filter((n) => n.zone === z).map((n) => `${net.gwlbs[n.gwlb].id}'s node`)
        expectDetection(
          f,
          aps.map((a) => a.index),
          'no appliance of a server group is in the zone',
        )
        const crossZone = w.groups.some((g) => g.crossZone)
        const failover = crossZone
          ? `the GWLB forwards across zones (always on, on Alibaba Cloud): once the health check marks the zone's appliances unhealthy, new flows${w.groups.some((g) => g.rebalance) ? ' and, with Rebalance, existing ones' : ''} go to appliances in other zones`
          : "cross-zone forwarding is off: the zone's node has no appliance left"
        const down = [...aps.map((a) => a.id), ...eps, ...gw].join(', ') || 'nothing of this design'
        emit(
          fault.zoneId,
          'fault-applied',
          `zone ${fault.zoneId} down: ${down} stop; traffic entering through this zone's endpoint is lost until the zone returns; ${failover}`,
          f.index,
        )
        return
      }
      case 'securityGroupRuleRemoved':
      case 'routeEntryDeleted': {
        const problem = configFaultProblem(design, fault)
        if (problem) return ignore(f, problem)
        recompile()
        const what = describeConfigFault(design, fault)
        if (fault.kind === 'routeEntryDeleted') {
          f.detection = { kind: 'undetectable', why: 'routes are not health-checked' }
          emit(
            fault.routeTableId,
            'fault-applied',
            `${what} deleted; the design is recompiled and packets that used it follow the remaining entries`,
            f.index,
          )
          return
        }
        const users = w.net.appliances.filter((a) => a.sg.ids.includes(fault.securityGroupId))
        const blocked = users.filter((a) => {
          const hc = groupOf(a.index)?.healthCheck
          return hc ? securityGroupBlocksProbe(w.net, a.index, hc.port) !== null : false
        })
        expectDetection(
          f,
          blocked.map((a) => a.index),
          'the rule does not carry health checks',
        )
        const probes = blocked.length
          ? `health checks to ${blocked.map((a) => a.id).join(', ')} now fail`
          : 'health checks are unaffected'
        emit(
          fault.securityGroupId,
          'fault-applied',
          `${what} removed; the design is recompiled (runtime state kept); ${probes}`,
          f.index,
        )
        return
      }
      case 'endpointConnection': {
        const hit = net.byId.get(fault.endpointId)
        if (hit?.kind !== 'gwlbEndpoint') return ignore(f, `there is no GWLB endpoint ${fault.endpointId}`)
        f.previous = state.endpointStatus[hit.index]
        setEndpointStatus(net, state, fault.endpointId, fault.connectionStatus)
        f.detection = { kind: 'undetectable', why: 'endpoint connections are not health-checked' }
        const effect =
          fault.connectionStatus === 'Connected'
            ? 'traffic passes'
            : 'traffic routed to it is dropped (ENDPOINT_NOT_CONNECTED)'
        emit(
          fault.endpointId,
          'fault-applied',
          `${fault.endpointId}'s connection is now ${fault.connectionStatus}: ${effect}`,
          f.index,
        )
        return
      }
    }
  }

  function revert(f: FaultRun): void {
    if (f.state !== 'active') return
    const { state } = w
    const fault = f.step.fault
    f.state = 'reverted'
    let text = ''
    switch (fault.kind) {
      case 'applianceStopped':
      case 'applianceHung': {
        const a = applianceIndex(w.net, fault.applianceId)
        state.run[a] = f.previous
        text = `${fault.applianceId} ${f.previous === RUN_RUNNING ? 'runs' : 'is back to its earlier state'} again`
        break
      }
      case 'serverRemoved': {
        const a = applianceIndex(w.net, fault.applianceId)
        state.membership[a] = MEMBER
        w.drainGen[a]++
        text = `${fault.applianceId} added back to its server group: new flows may hash to it`
        checkHealthyCounts()
        break
      }
      case 'zoneDown':
        state.zoneDown[zoneIndexOf(w.net, fault.zoneId)] = 0
        text = `zone ${fault.zoneId} is back`
        break
      case 'securityGroupRuleRemoved':
      case 'routeEntryDeleted':
        recompile()
        text = `${describeConfigFault(design, fault)} restored; the design is recompiled`
        break
      case 'endpointConnection': {
        const ep = w.net.byId.get(fault.endpointId)
        if (ep) state.endpointStatus[ep.index] = f.previous
        text = `${fault.endpointId}'s connection is ${CONNECTION_STATUSES[f.previous]} again`
        break
      }
    }
    f.pendingHealthy = new Set(f.affected.filter((a) => state.healthy[a] === 0))
    if (f.pendingHealthy.size === 0) f.restore = { kind: 'restored', atMs: w.nowMs, afterMs: 0 }
    else {
      f.restore = { kind: 'pending', sinceMs: w.nowMs }
      const hc = groupOf(f.affected[0])?.healthCheck
      if (hc)
        text += `; ${[...f.pendingHealthy].map(apId).join(', ')} must answer ${hc.healthyThreshold} health checks in a row (about ${hc.healthyThreshold} × ${hc.interval} s) before new flows go to ${f.pendingHealthy.size === 1 ? 'it' : 'them'}`
    }
    emit(f.target, 'fault-reverted', text, f.index)
  }

  function drainEnd(a: number, generation: number, fault: number): void {
    if (w.drainGen[a] !== generation || w.state.membership[a] !== DRAINING) return
    w.state.membership[a] = REMOVED
    const g = groupOf(a)
    const next = g?.rebalance
      ? 'its remaining flows move to healthy appliances (Rebalance)'
      : 'its remaining flows stay on it (NoRebalance)'
    emit(apId(a), 'drain-ended', `connection draining over after ${g?.drain.timeout ?? 0} s: ${next}`, fault)
  }

  // ---- the loop -------------------------------------------------------------------------------------------

  function handle(item: Scheduled): void {
    switch (item.kind) {
      case 'start':
        return start()
      case 'faultApply':
        return apply(w.faults[item.fault])
      case 'faultRevert':
        return revert(w.faults[item.fault])
      case 'drainEnd':
        return drainEnd(item.appliance, item.generation, item.fault)
      case 'probe':
        return probe(item.appliance)
      case 'probeResult':
        return probeResult(item.appliance, item.sentMs, item.outcome)
      case 'sweep':
        return sweep()
      case 'slot':
        return slotStart()
      case 'slotPart':
        return slotPart()
    }
  }

  function live(): void {
    if (disposed) throw new Error('sim: used after dispose()')
  }

  function result(fromMs: number, targetMs: number, logFrom: number, caughtUp: boolean): AdvanceResult {
    return { fromMs, reachedMs: w.nowMs, targetMs, caughtUp, events: w.log.slice(logFrom) }
  }

  function advance(toMs: number, budget?: Budget): AdvanceResult {
    live()
    const fromMs = w.nowMs
    const logFrom = w.log.length
    const target = Math.min(toMs, MAX_SIMULATED_MS)
    const outOfBudget = budgetCheck(budget)
    let caughtUp = true
    for (let top = w.queue.peek(); top && top.tMs < target; top = w.queue.peek()) {
      // stopping between two events leaves the run exactly as if it had not stopped: determinism survives budgets
      if (outOfBudget()) {
        caughtUp = false
        break
      }
      w.queue.pop()
      w.nowMs = Math.max(w.nowMs, top.tMs)
      handle(top.item)
    }
    if (caughtUp) {
      w.nowMs = Math.max(w.nowMs, target)
      if (toMs > MAX_SIMULATED_MS) tellLimit()
    }
    return result(fromMs, target, logFrom, caughtUp)
  }

  /** True once the budget's wall time has run out (never, without a budget). */
  function budgetCheck(budget: Budget | undefined): () => boolean {
    if (!budget) return () => false
    const wall0 = budget.wallNow()
    return () => budget.wallNow() - wall0 >= budget.maxWallMs
  }

  function tellLimit(): void {
    if (w.limitTold) return
    w.limitTold = true
    emit(
      scenario.name,
      'sim-limit',
      `the simulation stops at ${MAX_SIMULATED_MS / 1000} s: one run plays at most ${MAX_SIMULATED_MS / 3_600_000} h of simulated time`,
      null,
      "the simulator's limit per run",
    )
  }

  return {
    tick: (budget) => advance(clock.now(), budget),
    advance,
    step(maxMs = 10_000, budget) {
      live()
      const fromMs = w.nowMs
      const logFrom = w.log.length
      const limit = Math.min(fromMs + maxMs, MAX_SIMULATED_MS)
      const outOfBudget = budgetCheck(budget)
      let caughtUp = true
      for (;;) {
        const top = w.queue.peek()
        if (!top || top.tMs >= limit) {
          w.nowMs = Math.max(w.nowMs, limit)
          if (fromMs + maxMs > MAX_SIMULATED_MS) tellLimit()
          break
        }
        if (outOfBudget()) {
          caughtUp = false
          break
        }
        const t = top.tMs
        // the events of one millisecond go together (a slot's parts too), unless the budget runs out between them
        for (let e = w.queue.peek(); e && e.tMs === t; e = w.queue.peek()) {
          w.queue.pop()
          w.nowMs = t
          handle(e.item)
          if (outOfBudget()) break
        }
        if (w.log.length > logFrom) break
      }
      clock.seek(w.nowMs)
      return result(fromMs, w.nowMs, logFrom, caughtUp)
    },
    run(toMs) {
      clock.seek(toMs)
      return advance(toMs)
    },
    reset(newSeed) {
      live()
      if (newSeed !== undefined) seed = newSeed
      w = init(seed)
      clock.seek(0)
    },
    dispose() {
      disposed = true
      drawing = null
      w.queue.clear()
      w.conns = []
    },
    get nowMs() {
      return w.nowMs
    },
    get seed() {
      return seed
    },
    log: () => w.log,
    metrics: () => metrics(),
    connections: () =>
      w.conns.map((c) => ({
        id: c.id,
        flowId: w.flows[c.flow].flow.id,
        sourcePort: c.sport,
        startMs: c.startMs,
        endMs: c.endMs,
        applianceId: c.appliance >= 0 ? apId(c.appliance) : null,
        weight: c.weight,
        sent: c.sent,
        delivered: c.delivered,
        dropped: c.dropped,
        moves: [...c.moves],
      })) satisfies ConnectionView[],
    appliances: () =>
      w.net.appliances.map((a) => ({
        id: a.id,
        // an appliance in a zone that is down is stopped, whatever it was doing before
        run:
          w.state.run[a.index] === RUN_STOPPED || w.state.zoneDown[a.zone] === 1
            ? 'stopped'
            : w.state.run[a.index] === RUN_HUNG
              ? 'hung'
              : 'running',
        healthy: w.state.healthy[a.index] === 1,
        membership:
          w.state.membership[a.index] === REMOVED
            ? 'removed'
            : w.state.membership[a.index] === DRAINING
              ? 'draining'
              : 'member',
      })),
    sampleTrace(connectionId, reply) {
      return sampleTraces([{ connectionId, reply }])[0] ?? null
    },
    sampleTraces,
  }

  /**
   * A copy of the runtime to draw packets on: drawing must not pin flows or open sessions in the simulation. It
   * holds every flow entry and session of the last idle timeout, so it is not cheap: one is kept while no log entry
   * has been written since (nothing but traffic changed) and it is at most maxAgeMs of simulated time old.
   */
  function drawingState(maxAgeMs: number): RuntimeState {
    const fresh = drawing?.world === w && drawing.logLength === w.log.length && w.nowMs - drawing.atMs <= maxAgeMs
    if (!drawing || !fresh)
      drawing = { state: cloneRuntimeState(w.state), atMs: w.nowMs, logLength: w.log.length, world: w }
    return drawing.state
  }

  function sampleTraces(picks: readonly { connectionId: number; reply: boolean }[], maxAgeMs = 0): (Trace | null)[] {
    let probe: RuntimeState | null = null
    return picks.map(({ connectionId, reply }) => {
      const c = w.conns.find((x) => x.id === connectionId)
      const template = c && w.flows[c.flow]?.template
      if (!c || template?.kind !== 'ok') return null
      const spec = reply ? template.reply : template.request
      if (!spec) return null
      const ports =
        template.request.protocol === 'icmp' ? {} : reply ? { destinationPort: c.sport } : { sourcePort: c.sport }
      probe ??= drawingState(maxAgeMs)
      return trace(w.net, { ...spec, ...ports, reply }, probe)
    })
  }

  function metrics(): SimMetrics {
    const resources: SimMetrics['resources'] = {}
    w.net.appliances.forEach((a) => {
      if (w.applianceTally[a.index].sent > 0) resources[a.id] = w.applianceTally[a.index].counts()
    })
    for (const [id, t] of w.resourceTally) resources[id] = t.counts()
    const faults: FaultMetrics[] = w.faults.map((f) => {
      const at = f.step.atSeconds * 1000
      const recovery: TrafficRecovery =
        f.lost === 0
          ? { kind: 'noLoss' }
          : f.lossOpen
            ? { kind: 'lossOngoing', sinceMs: f.lossSinceMs }
            : { kind: 'recovered', atMs: f.recoveredAtMs, afterMs: f.recoveredAtMs - at }
      return {
        index: f.index,
        label: f.label,
        kind: f.step.fault.kind,
        resourceId: f.target,
        atMs: at,
        untilMs: f.step.untilSeconds !== undefined ? f.step.untilSeconds * 1000 : null,
        state: f.state,
        lostPackets: f.lost,
        lostByReason: byReason(f.byCode),
        detection: f.state === 'scheduled' ? { kind: 'pending' } : f.detection,
        recovery,
        restore: f.restore,
        flowsMoved: f.moved,
      }
    })
    const active = new Float64Array(w.flows.length)
    for (const c of w.conns) active[c.flow] += c.weight
    return {
      nowMs: w.nowMs,
      packets: w.totals.counts(),
      flows: w.flows.map((f, i) => ({
        flowId: f.flow.id,
        ...f.tally.counts(),
        connectionsOpened: f.opened,
        connectionsActive: active[i] ?? 0,
        flowsMoved: f.moved,
        connectionWeight: f.weight,
      })),
      resources,
      faults,
      baseline: {
        lostPackets: w.baseline.lost,
        lostByReason: byReason(w.baseline.byCode),
        flowsMoved: w.baseline.moved,
      },
      forwarded: w.forwarded,
    }
  }
}

/** The scenario of this name in the design, or null. */
export function findScenario(design: Design, name: string): Scenario | null {
  return design.scenarios.find((s) => s.name === name) ?? null
}
