// Traffic slots: every slot, new connections open (sampled past the simulator's budget), then each open
// connection's packets go through the engine's forward() in chunks a budgeted advance can stop between, and the
// slot's losses and moves are charged. May not touch: React, the DOM, zustand, Math.random, wall time.
import { forward, newForwardResult } from '../engine'
import { chargedFault, chargeSlot, noteHurt } from './losses'
import { exponential, stream } from './random'
import { CODE, isSuccess, packetsIn, type Tally } from './traffic'
import { apId, type Connection, emit, type FlowRun, type Incident, P_SLOT, type SlotRun, type World } from './world'

/**
 * Connections forwarded per event: a slot with more goes on in further events at the same millisecond, so a
 * budgeted advance (the browser worker's frame) can stop between them whatever the rates.
 */
export const SLOT_CHUNK = 256
const EPHEMERAL_FIRST = 49152
const EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST

/** The fast path's answer, reused by every packet. */
const out = newForwardResult()

/** A slot opens: new connections, then its first chunk of connections (slotPart). */
export function slotStart(w: World): void {
  const t = w.nowMs
  const { slotMs, arrivals } = w.cfg
  w.state.now = t / 1000
  w.flows.forEach((f, fi) => {
    if (!f.request) return
    while (f.nextArrivalMs < t + slotMs && f.nextArrivalMs < f.stopMs) {
      openConnection(w, fi, f.nextArrivalMs)
      const period = (1000 * f.weight) / f.flow.newConnectionsPerSecond
      f.nextArrivalMs += arrivals === 'poisson' ? exponential(f.rng, period) : period
    }
    if (f.open > f.cap) halve(w, fi)
  })
  w.slotDrops.fill(0)
  // every loss of this slot is charged to one incident: the fault state does not change within a slot
  const charged = chargedFault(w)
  w.slot = { t, end: t + slotMs, charged, inc: charged ?? w.baseline, moves: new Map(), next: 0 }
  slotPart(w)
}

/**
 * Every packet in [t, t + slot) of up to SLOT_CHUNK open connections, through forward(), all with the state as it
 * is at the slot's start; the slot goes on in another event, or ends: losses charged, closed connections gone.
 */
export function slotPart(w: World): void {
  const sl = w.slot
  if (!sl) return
  const stop = Math.min(w.conns.length, sl.next + SLOT_CHUNK)
  for (let i = sl.next; i < stop; i++) {
    const c = w.conns[i]
    if (c) forwardConnection(w, c, sl)
  }
  sl.next = stop
  if (stop < w.conns.length) {
    w.queue.push(sl.t, P_SLOT, { kind: 'slotPart' })
    return
  }
  chargeSlot(w, sl.t, sl.charged, sl.inc, sl.moves)
  w.conns = w.conns.filter((c) => c.endMs > sl.end || close(w, c))
  w.slot = null
  w.queue.push(sl.end, P_SLOT, { kind: 'slot' })
}

function openConnection(w: World, fi: number, atMs: number): void {
  const f = w.flows[fi]
  if (!f) return
  const fl = f.flow
  let sport = 0
  if (fl.protocol !== 'icmp') {
    if (fl.sourcePort !== undefined) sport = fl.sourcePort
    else {
      // a fresh ephemeral port per connection, counting on from a seeded start per source
      let next = w.ports.get(fl.sourceId)
      if (next === undefined) next = Math.floor(stream(w.seed, `ports:${fl.sourceId}`)() * EPHEMERAL_COUNT)
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

/** A connection leaves the simulation (it ended, or a thinning let it go); false, for filter(). */
function close(w: World, c: Connection): false {
  if (c.hurt) c.hurt.hurtOpen--
  const f = w.flows[c.flow]
  if (f) f.open--
  return false
}

/**
 * The flow keeps more connections open than its share: each of them stays with probability 1/2 and then stands
 * for twice as many, and new ones arrive half as often, so every count stays exact in expectation (sampling.ts).
 * It keeps a long-lived flow at hundreds of connections however many millions it stands for.
 */
function halve(w: World, fi: number): void {
  const f = w.flows[fi]
  if (!f) return
  while (f.open > f.cap) {
    w.conns = w.conns.filter((c) => {
      if (c.flow !== fi) return true
      if (f.thin() < 0.5) return close(w, c)
      c.weight *= 2
      return true
    })
    f.weight *= 2
  }
  emit(
    w,
    f.flow.id,
    'flow-sampled',
    `${f.open.toLocaleString('en-US')} of its simulated connections kept, each now standing for about ${f.weight.toLocaleString('en-US')}: the flow keeps more open than its share of the simulator's ${w.cfg.budget.openConnections.toLocaleString('en-US')}, so half of them went and new ones count double (every figure stays exact in expectation)`,
    null,
    "the simulator's sampling",
  )
}

/**
 * One connection's packets in a slot. They all meet the same state, and from the second on each does exactly what
 * the second did (the first may pin the flow or open a session; after it nothing changes), so two are forwarded
 * and the second counts for the rest: exact, not sampled.
 */
function forwardConnection(w: World, c: Connection, sl: SlotRun): void {
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
    count(w, c, f, f.requestSource, code, sl.inc, times)
    if (i === 0 && out.appliance >= 0 && out.appliance !== c.appliance) {
      if (c.appliance >= 0) noteMove(w, c, f, sl, out.appliance)
      c.appliance = out.appliance
    }
    if (isSuccess(code)) c.established = true
    if (rep && c.established && f.replySource) {
      forward(net, rep, state, out)
      w.forwarded++
      count(w, c, f, f.replySource, CODE.get(out.disposition) ?? 0, sl.inc, times)
    }
  }
  noteHurt(c, hurtBefore, c.dropped > droppedBefore ? sl.inc : hurtBefore, sl.t)
}

function noteMove(w: World, c: Connection, f: FlowRun, sl: SlotRun, to: number): void {
  c.moves.push({ tMs: sl.t, from: apId(w, c.appliance), to: apId(w, to) })
  f.moved += c.weight
  let m = sl.moves.get(c.appliance)
  if (!m) {
    m = new Map()
    sl.moves.set(c.appliance, m)
  }
  m.set(to, (m.get(to) ?? 0) + c.weight)
}

/** `times` packets of one connection with the same fate; each counts for the connection's weight in every figure. */
function count(w: World, c: Connection, f: FlowRun, source: Tally, code: number, inc: Incident, times: number): void {
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
    w.slotDrops[code] = (w.slotDrops[code] ?? 0) + k
  }
}
