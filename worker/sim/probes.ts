// Health checks over time: each appliance probed every interval, answers and failures counted against the
// thresholds, appliances marked unhealthy and healthy again, and a GWLB left with no healthy appliance. May not
// touch: React, the DOM, zustand, Math.random, wall time.

import type { HealthCheck } from '../../src/model'
import { ASSUMPTIONS, MEMBER } from '../engine'
import { hcText, type ProbeOutcome, probeOutcome } from './health'
import { chargedFault } from './losses'
import { type ApplianceHealth, apId, emit, type FaultRun, groupOf, P_PROBE, P_RESULT, sec, type World } from './world'

/** An answered probe comes back after this round trip; an unanswered one fails at the timeout. */
const PROBE_RTT_MS = 1

/** A probe goes out: its result comes back after the round trip or the timeout; the next probe is queued. */
export function probe(w: World, a: number): void {
  const hc = groupOf(w, a)?.healthCheck
  if (!hc) return
  const outcome = probeOutcome(w.net, w.state, a, hc)
  const delay = outcome.kind === 'answered' ? PROBE_RTT_MS : hc.timeout * 1000
  w.queue.push(w.nowMs + delay, P_RESULT, { kind: 'probeResult', appliance: a, sentMs: w.nowMs, outcome })
  w.queue.push(w.nowMs + hc.interval * 1000, P_PROBE, { kind: 'probe', appliance: a })
}

/** The latest fault that explains a health change of this appliance. */
function causeOf(w: World, a: number): FaultRun | null {
  for (let i = w.faults.length - 1; i >= 0; i--) {
    const f = w.faults[i]
    if (f && (f.state === 'active' || f.state === 'reverted') && f.affected.includes(a)) return f
  }
  return null
}

export function probeResult(w: World, a: number, sentMs: number, outcome: ProbeOutcome): void {
  const g = groupOf(w, a)
  const hc = g?.healthCheck
  const h = w.health[a]
  if (!g || !hc || !h) return
  if (outcome.kind === 'answered') answered(w, a, h, hc)
  else unanswered(w, a, h, hc, sentMs, outcome.why, g.rebalance)
}

function answered(w: World, a: number, h: ApplianceHealth, hc: HealthCheck): void {
  h.fails = 0
  h.oks++
  if (w.state.healthy[a] === 1) return
  const f = causeOf(w, a)
  const fault = f?.index ?? null
  const cause = f ? undefined : 'health check'
  if (h.oks < hc.healthyThreshold) {
    const text = `health check answered (${h.oks} of ${hc.healthyThreshold} needed to be healthy again)`
    emit(w, apId(w, a), 'probe-answered', text, fault, cause)
    return
  }
  w.state.healthy[a] = 1
  const since = f?.restore.kind === 'pending' ? `; ${sec(w.nowMs - f.restore.sinceMs)} after the fault was undone` : ''
  emit(
    w,
    apId(w, a),
    'marked-healthy',
    `marked healthy: ${hc.healthyThreshold} health checks in a row answered (${hcText(hc)})${since}; new flows may hash to it again, flows that moved away stay where they are`,
    fault,
    cause,
  )
  for (const x of w.faults) {
    if (x.restore.kind !== 'pending' || !x.pendingHealthy.delete(a) || x.pendingHealthy.size > 0) continue
    x.restore = { kind: 'restored', atMs: w.nowMs, afterMs: w.nowMs - x.restore.sinceMs }
  }
  checkHealthyCounts(w)
}

function unanswered(
  w: World,
  a: number,
  h: ApplianceHealth,
  hc: HealthCheck,
  sentMs: number,
  why: string,
  rebalance: boolean,
): void {
  h.oks = 0
  if (h.fails === 0) h.firstFailSentMs = sentMs
  h.fails++
  if (w.state.healthy[a] === 0) return
  const f = causeOf(w, a)
  const fault = f?.index ?? null
  const cause = f ? undefined : 'health check'
  if (h.fails < hc.unhealthyThreshold) {
    const text = `health check failed (${h.fails} of ${hc.unhealthyThreshold}): no answer within ${hc.timeout} s — ${why}`
    emit(w, apId(w, a), 'probe-failed', text, fault, cause)
    return
  }
  w.state.healthy[a] = 0
  let timing = ''
  if (f) {
    const at = f.step.atSeconds * 1000
    timing = `; ${sec(w.nowMs - at)} after the fault (next check ${sec(h.firstFailSentMs - at)} after it, then ${hc.unhealthyThreshold - 1} × ${hc.interval} s, then the ${hc.timeout} s timeout)`
  }
  const next = rebalance
    ? `existing flows on ${apId(w, a)} move to healthy appliances (Rebalance)`
    : `existing flows stay pinned to ${apId(w, a)} (NoRebalance)`
  emit(
    w,
    apId(w, a),
    'marked-unhealthy',
    `marked unhealthy: ${hc.unhealthyThreshold} health checks in a row got no answer (${why})${timing}; new flows avoid it, ${next}`,
    fault,
    cause,
  )
  for (const x of w.faults) {
    if (x.state !== 'active' || x.detection.kind !== 'pending') continue
    if (!x.pendingDetect.delete(a) || x.pendingDetect.size > 0) continue
    x.detection = { kind: 'detected', atMs: w.nowMs, afterMs: w.nowMs - x.step.atSeconds * 1000 }
  }
  checkHealthyCounts(w)
}

/** Logs when a GWLB node is left with no healthy member, and when it gets one back. */
export function checkHealthyCounts(w: World): void {
  const { net, state } = w
  const told = new Set<number>()
  for (const nd of net.nodes) {
    let n = 0
    for (const a of nd.candidates) if (state.membership[a] === MEMBER && state.healthy[a] === 1) n++
    const none = n === 0 ? 1 : 0
    const g = w.groups[nd.gwlb]
    if (!g || none === w.noHealthy[nd.index]) continue
    w.noHealthy[nd.index] = none
    // with cross-zone forwarding every node has the same candidates: say it once per GWLB
    if (g.crossZone && told.has(nd.gwlb)) continue
    told.add(nd.gwlb)
    const scope = g.crossZone ? '' : ` in zone ${net.zones[nd.zone]} (cross-zone off)`
    const f = chargedFault(w)
    const fault = f?.index ?? null
    const cause = f ? undefined : 'health check'
    if (none) {
      const value = net.assumptions.allUnhealthy
      emit(
        w,
        g.gwlbId,
        'no-healthy-appliance',
        `no healthy appliance${scope}: assumption allUnhealthy = ${value} applied — ${ASSUMPTIONS.allUnhealthy.meaning[value]}. Alibaba Cloud does not document this case (domain.md 9.1); only AWS documents it: its GWLB picks a target per new flow and keeps it, and traffic drops until a target recovers`,
        fault,
        cause,
      )
    } else
      emit(
        w,
        g.gwlbId,
        'healthy-appliance-back',
        `a healthy appliance again${scope}: new flows are forwarded`,
        fault,
        cause,
      )
  }
}
