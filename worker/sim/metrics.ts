// What a run shows: its metrics (packets, flows, resources, faults, the baseline), its open connections and its
// appliances, as plain data. May not touch: the world (it only reads it), React, the DOM, zustand.
import { DRAINING, REMOVED, RUN_HUNG, RUN_STOPPED } from '../engine'
import { byReason } from './traffic'
import type { ApplianceView, ConnectionView, FaultMetrics, SimMetrics, TrafficRecovery } from './types'
import { apId, type FaultRun, type World } from './world'

export function metricsOf(w: World): SimMetrics {
  const resources: SimMetrics['resources'] = {}
  for (const a of w.net.appliances) {
    const t = w.applianceTally[a.index]
    if (t && t.sent > 0) resources[a.id] = t.counts()
  }
  for (const [id, t] of w.resourceTally) resources[id] = t.counts()
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
    faults: w.faults.map(faultMetrics),
    baseline: {
      lostPackets: w.baseline.lost,
      lostByReason: byReason(w.baseline.byCode),
      flowsMoved: w.baseline.moved,
    },
    forwarded: w.forwarded,
  }
}

function faultMetrics(f: FaultRun): FaultMetrics {
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
}

export function connectionViews(w: World): ConnectionView[] {
  return w.conns.map((c) => ({
    id: c.id,
    flowId: w.flows[c.flow]?.flow.id ?? '',
    sourcePort: c.sport,
    startMs: c.startMs,
    endMs: c.endMs,
    applianceId: c.appliance >= 0 ? apId(w, c.appliance) : null,
    weight: c.weight,
    sent: c.sent,
    delivered: c.delivered,
    dropped: c.dropped,
    moves: [...c.moves],
  }))
}

export function applianceViews(w: World): ApplianceView[] {
  const s = w.state
  return w.net.appliances.map((a) => ({
    id: a.id,
    // an appliance in a zone that is down is stopped, whatever it was doing before
    run:
      s.run[a.index] === RUN_STOPPED || s.zoneDown[a.zone] === 1
        ? 'stopped'
        : s.run[a.index] === RUN_HUNG
          ? 'hung'
          : 'running',
    healthy: s.healthy[a.index] === 1,
    membership:
      s.membership[a.index] === REMOVED ? 'removed' : s.membership[a.index] === DRAINING ? 'draining' : 'member',
  }))
}
