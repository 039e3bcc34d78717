// Route target groups over time: each member probed every interval (the assumption routeTargetProbeInterval), 3
// failed probes in a row mark it Unhealthy and move the group's traffic to the other member if that one is
// Healthy, 3 answered probes mark it Healthy again, and traffic never moves back by itself: only
// SwitchActiveRouteTarget (an operator's action) does (docs/cloud.md 6.4). May not touch: React, the DOM, zustand,
// Math.random, wall time.
import {
  CARRY_ACTIVE,
  CARRY_STANDBY,
  type CRouteTargetGroup,
  memberProbeFailure,
  routeTargetGroupIndex,
} from '../engine'
import { chargedFault } from './losses'
import type { Random } from './random'
import type { RouteTargetView } from './types'
import { emit, P_PROBE, sec, type World } from './world'

/** Probes in a row that mark a member Unhealthy, and Healthy again (documented). */
export const ROUTE_TARGET_UNHEALTHY_PROBES = 3
export const ROUTE_TARGET_HEALTHY_PROBES = 3

/** The probe interval in force, from the assumption ("5s" → 5000). */
export function probeIntervalMs(w: Pick<World, 'net'>): number {
  return Number.parseInt(w.net.assumptions.routeTargetProbeInterval, 10) * 1000
}

const slotName = (slot: number) => (slot === CARRY_STANDBY ? 'standby' : 'active')
const weightOf = (slot: number) => (slot === CARRY_STANDBY ? 0 : 100)
const memberId = (w: World, g: CRouteTargetGroup, slot: number) =>
  w.net.endpoints[g.members[slot === CARRY_STANDBY ? 1 : 0]]?.id ?? '?'

/** The probes of every member of every group, each on its own phase within the first interval. */
export function scheduleRouteTargetProbes(w: World, phases: Random): void {
  const every = probeIntervalMs(w)
  for (const g of w.net.routeTargetGroups)
    for (const slot of [CARRY_ACTIVE, CARRY_STANDBY])
      w.queue.push(Math.floor(phases() * every), P_PROBE, { kind: 'routeTargetProbe', group: g.index, slot })
}

function causeText(w: World): { fault: number | null; cause?: string; since: string } {
  const f = chargedFault(w)
  if (!f) return { fault: null, cause: 'route target group probe', since: '' }
  return { fault: f.index, since: `, ${sec(w.nowMs - f.step.atSeconds * 1000)} after the fault` }
}

/** One probe of one member: its answer counts toward Healthy, its silence toward Unhealthy and a failover. */
export function probeRouteTargetMember(w: World, gi: number, slot: number): void {
  const g = w.net.routeTargetGroups[gi]
  const counts = w.routeTargetProbes[gi * 2 + slot]
  if (!g || !counts) return
  w.queue.push(w.nowMs + probeIntervalMs(w), P_PROBE, { kind: 'routeTargetProbe', group: gi, slot })
  const why = memberProbeFailure(w.net, w.state, g.members[slot === CARRY_STANDBY ? 1 : 0] ?? -1)
  const at = gi * 2 + slot
  const healthy = w.state.routeTargetHealthy[at] === 1
  const id = memberId(w, g, slot)
  const { fault, cause, since } = causeText(w)
  if (why === null) {
    counts.fails = 0
    counts.oks++
    if (healthy) return
    if (counts.oks < ROUTE_TARGET_HEALTHY_PROBES) {
      emit(
        w,
        id,
        'route-target-probe-answered',
        `${g.id}'s probe of ${slotName(slot)} member ${id} answered (${counts.oks} of ${ROUTE_TARGET_HEALTHY_PROBES} needed to be Healthy again)`,
        fault,
        cause,
      )
      return
    }
    w.state.routeTargetHealthy[at] = 1
    const carrying = w.state.routeTargetCarrying[gi] ?? CARRY_ACTIVE
    const stays =
      carrying === slot
        ? 'it carries the traffic'
        : `traffic stays on ${memberId(w, g, carrying)}: a route target group does not fail back by itself (SwitchActiveRouteTarget switches it)`
    emit(
      w,
      id,
      'route-target-healthy',
      `${g.id}: ${slotName(slot)} member ${id} is Healthy again (${ROUTE_TARGET_HEALTHY_PROBES} probes in a row answered); ${stays}`,
      fault,
      cause,
    )
    // the member carrying the traffic may itself be Unhealthy (both failed): traffic goes to the one that recovered
    if (carrying !== slot && w.state.routeTargetHealthy[gi * 2 + carrying] === 0) failOver(w, g, carrying, slot)
    return
  }
  counts.oks = 0
  counts.fails++
  if (!healthy) return
  if (counts.fails < ROUTE_TARGET_UNHEALTHY_PROBES) {
    emit(
      w,
      id,
      'route-target-probe-failed',
      `${g.id}'s probe of ${slotName(slot)} member ${id} failed (${counts.fails} of ${ROUTE_TARGET_UNHEALTHY_PROBES}): ${why}`,
      fault,
      cause,
    )
    return
  }
  w.state.routeTargetHealthy[at] = 0
  emit(
    w,
    id,
    'route-target-unhealthy',
    `${g.id}: ${slotName(slot)} member ${id} is Unhealthy (${ROUTE_TARGET_UNHEALTHY_PROBES} probes in a row failed: ${why})${since}`,
    fault,
    cause,
  )
  const other = slot === CARRY_STANDBY ? CARRY_ACTIVE : CARRY_STANDBY
  if (w.state.routeTargetCarrying[gi] !== slot) return
  if (w.state.routeTargetHealthy[gi * 2 + other] === 1) failOver(w, g, slot, other)
  else
    emit(
      w,
      g.id,
      'route-target-unavailable',
      `${g.id} cannot fail over: its other member ${memberId(w, g, other)} is Unhealthy too, so traffic stays on ${id} and is lost`,
      fault,
      cause,
    )
}

function failOver(w: World, g: CRouteTargetGroup, from: number, to: number): void {
  w.state.routeTargetCarrying[g.index] = to
  const { fault, cause, since } = causeText(w)
  emit(
    w,
    g.id,
    'route-target-failover',
    `${g.id} fails over: traffic goes from ${slotName(from)} member ${memberId(w, g, from)} to ${slotName(to)} member ${memberId(w, g, to)} (weight ${weightOf(to)})${since}; it stays there until switched back (SwitchActiveRouteTarget)`,
    fault,
    cause,
  )
}

export type SwitchAnswer = { ok: true; text: string } | { ok: false; message: string }

/**
 * SwitchActiveRouteTarget: the operator moves a group's traffic to its other member, which must be Healthy (the
 * switch exists to go back after a failover). Returns what happened, or why nothing did.
 */
export function switchActiveRouteTarget(w: World, groupId: string): SwitchAnswer {
  const gi = routeTargetGroupIndex(w.net, groupId)
  const g = w.net.routeTargetGroups[gi]
  if (!g) return { ok: false, message: `The design has no route target group ${groupId}.` }
  const from = w.state.routeTargetCarrying[gi] === CARRY_STANDBY ? CARRY_STANDBY : CARRY_ACTIVE
  const to = from === CARRY_STANDBY ? CARRY_ACTIVE : CARRY_STANDBY
  if (w.state.routeTargetHealthy[gi * 2 + to] !== 1)
    return {
      ok: false,
      message: `${memberId(w, g, to)} is Unhealthy: switching ${groupId} to it would send its traffic where nothing answers. Wait until its probes mark it Healthy.`,
    }
  w.state.routeTargetCarrying[gi] = to
  const text = `SwitchActiveRouteTarget: ${groupId}'s traffic goes from ${slotName(from)} member ${memberId(w, g, from)} to ${slotName(to)} member ${memberId(w, g, to)} (weight ${weightOf(to)})`
  emit(w, g.id, 'route-target-switched', text, null, 'operator (SwitchActiveRouteTarget)')
  return { ok: true, text }
}

/** Each group as the simulation has it: who carries its traffic, each member's health. */
export function routeTargetViews(w: World): RouteTargetView[] {
  return w.net.routeTargetGroups.map((g) => ({
    id: g.id,
    carryingMemberId: memberId(w, g, w.state.routeTargetCarrying[g.index] ?? CARRY_ACTIVE),
    failedOver: w.state.routeTargetCarrying[g.index] === CARRY_STANDBY,
    members: [CARRY_ACTIVE, CARRY_STANDBY].map((slot) => ({
      memberId: memberId(w, g, slot),
      weight: weightOf(slot),
      healthy: w.state.routeTargetHealthy[g.index * 2 + slot] === 1,
    })),
  }))
}
