// Loss accounting: which incident a slot's losses and moves are charged to, the connections each incident has
// hurt, and when a loss episode starts and ends (world.ts, Incident). May not touch: React, the DOM, zustand,
// Math.random, wall time; it changes the incidents and writes the log, never the runtime state.
import { REMOVED } from '../engine'
import { apId, type Connection, emit, type FaultRun, type Incident, reasonsText, sec, type World } from './world'

/** The fault a slot's losses and moves are charged to: the latest one in force, or one whose losses still run after its revert. */
export function chargedFault(w: World): FaultRun | null {
  let best: FaultRun | null = null
  for (const f of w.faults) {
    const open = f.state === 'active' || (f.state === 'reverted' && f.lossOpen)
    if (open && (!best || f.step.atSeconds >= best.step.atSeconds)) best = f
  }
  return best
}

/**
 * After a connection's packets of one slot: the incidents keep count of the connections still hurt, and one
 * whose connection got through after losing packets (and ended the slot so) has seen a recovery.
 */
export function noteHurt(c: Connection, before: Incident | null, hurtBy: Incident | null, t: number): void {
  if (c.hurt !== before) {
    if (before) before.hurtOpen--
    if (c.hurt) c.hurt.hurtOpen++
  }
  if (hurtBy && !c.hurt) {
    hurtBy.healed = true
    if (hurtBy.healedAtMs < 0) hurtBy.healedAtMs = t
  }
}

/**
 * Why an open loss episode is over, or null while it is not: no connection it hurt is left waiting, and either one
 * of them got through, or nothing new can meet the fault, or a later fault now takes the charge.
 */
function episodeOver(w: World, x: Incident, charged: Incident): string | null {
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

/** A slot is over: its losses go to its incident (an episode may start), episodes with evidence end, moves are told. */
export function chargeSlot(
  w: World,
  t: number,
  f: FaultRun | null,
  inc: Incident,
  moves: Map<number, Map<number, number>>,
): void {
  let dropped = 0
  for (let i = 2; i < w.slotDrops.length; i++) dropped += w.slotDrops[i] ?? 0
  if (dropped > 0) chargeLosses(w, t, f, inc, dropped)
  for (const x of [w.baseline, ...w.faults]) {
    if (!x.lossOpen || (x === inc && dropped > 0)) continue
    const why = episodeOver(w, x, inc)
    if (why !== null) endEpisode(w, t, x, why)
  }
  for (const [from, tos] of moves) tellMoves(w, f, inc, from, tos)
}

function chargeLosses(w: World, t: number, f: FaultRun | null, inc: Incident, dropped: number): void {
  // whatever got through in this slot, the losses went on to its end
  inc.healedAtMs = -1
  inc.lost += dropped
  for (let i = 2; i < w.slotDrops.length; i++) inc.byCode[i] += w.slotDrops[i] ?? 0
  if (inc.lossOpen) return
  inc.lossOpen = true
  inc.lossSinceMs = t
  inc.healed = false
  emit(
    w,
    f ? f.target : 'traffic',
    'loss-started',
    `packets lost: ${dropped.toLocaleString('en-US')} in this ${w.cfg.slotMs} ms slot (${reasonsText(w.slotDrops)})`,
    f ? f.index : null,
    f ? undefined : 'traffic (no fault in force)',
  )
}

function endEpisode(w: World, t: number, x: Incident, why: string): void {
  // the evidence may come a packet interval late (a connection that lost packets sends again only then): the
  // losses stopped with the first packet that got through after the last loss
  const at = x.healed && x.healedAtMs >= 0 ? x.healedAtMs : t
  x.lossOpen = false
  x.recoveredAtMs = at
  const xf = x === w.baseline ? null : (x as FaultRun)
  const when = at < t ? ` at ${sec(at)}` : ''
  const after = xf ? `, ${sec(at - xf.step.atSeconds * 1000)} after the fault` : ''
  emit(
    w,
    xf ? xf.target : 'traffic',
    'loss-stopped',
    `losses stopped${when}${after}: ${why}; ${x.lost.toLocaleString('en-US')} lost since ${sec(x.lossSinceMs)} (${reasonsText(x.byCode)})`,
    xf ? xf.index : null,
    xf ? undefined : 'traffic (no fault in force)',
  )
}

function tellMoves(w: World, f: FaultRun | null, inc: Incident, from: number, tos: Map<number, number>): void {
  let n = 0
  for (const k of tos.values()) n += k
  inc.moved += n
  const dest = [...tos].map(([a, k]) => `${apId(w, a)} (${k})`).join(', ')
  emit(
    w,
    apId(w, from),
    'flows-moved',
    `${n} connection${n === 1 ? '' : 's'} moved off ${apId(w, from)} to ${dest}: ${moveReason(w, from)}`,
    f ? f.index : null,
    f ? undefined : 'traffic (no fault in force)',
  )
}

function moveReason(w: World, a: number): string {
  const s = w.state
  if (s.membership[a] === REMOVED)
    return `${apId(w, a)} is out of the server group and the group rebalances (Rebalance)`
  if (s.healthy[a] === 0) return `${apId(w, a)} is marked unhealthy and the group rebalances (Rebalance)`
  return 'the flow sat idle past the GWLB timeout and was hashed again'
}
