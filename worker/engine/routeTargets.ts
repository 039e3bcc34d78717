// Route target groups at forwarding time: which member carries a group's traffic, how a member's probe fares,
// and the words and rule a trace step gives. May not touch: React, the DOM, zustand, the design document.
import { CONNECTION_STATUSES } from '../../src/model'
import type { CRouteTargetGroup, Network } from './network'
import type { RuntimeState } from './state'
import type { RouteTargetRule } from './types'

/** Index of the member slot carrying traffic: the active member (weight 100) or the standby (weight 0). */
export const CARRY_ACTIVE = 0
export const CARRY_STANDBY = 1

/** The member weights by slot. */
const WEIGHTS = [100, 0] as const
/** The member slots, typed as the two indexes of a group's members (strict indexing needs no check on them). */
const SLOTS = [CARRY_ACTIVE, CARRY_STANDBY] as const

/**
 * Why the group's probe of a member endpoint fails, or null when it answers: the endpoint's zone is down, or its
 * connection to the endpoint service is not Connected (then nothing behind it can answer). [INF] from the
 * route target group guide: the probes check that the member can carry traffic.
 */
export function memberProbeFailure(net: Network, s: Pick<RuntimeState, 'zoneDown' | 'endpointStatus'>, ep: number) {
  const e = net.endpoints[ep]
  if (!e) return 'it is no GWLB endpoint of the group’s VPC'
  if (s.zoneDown[e.zone]) return `zone ${net.zones[e.zone]} is down`
  const status = s.endpointStatus[e.index] ?? 0
  if (status !== 0) return `its endpoint connection is ${CONNECTION_STATUSES[status] ?? 'not connected'}`
  if (!e.whitelisted) return 'the endpoint service’s whitelist does not admit its account'
  return null
}

/**
 * The runtime a design implies at time 0: each member Healthy when its probe would answer; the standby carries the
 * traffic from the start when the active member is Unhealthy and the standby is not (the group reads Switched).
 */
export function initialRouteTargets(
  net: Network,
  s: Pick<RuntimeState, 'zoneDown' | 'endpointStatus'>,
): { carrying: Uint8Array; healthy: Uint8Array } {
  const carrying = new Uint8Array(net.routeTargetGroups.length)
  const healthy = new Uint8Array(net.routeTargetGroups.length * 2)
  for (const g of net.routeTargetGroups) {
    for (const slot of SLOTS) healthy[g.index * 2 + slot] = memberProbeFailure(net, s, g.members[slot]) === null ? 1 : 0
    if (!healthy[g.index * 2 + CARRY_ACTIVE] && healthy[g.index * 2 + CARRY_STANDBY]) carrying[g.index] = CARRY_STANDBY
  }
  return { carrying, healthy }
}

/** The endpoint index of the member carrying the group's traffic now, or -1. */
export function carryingEndpoint(g: CRouteTargetGroup, s: RuntimeState): number {
  return g.members[s.routeTargetCarrying[g.index] === CARRY_STANDBY ? CARRY_STANDBY : CARRY_ACTIVE]
}

/** The rule a trace step records: the group, its members' health, and which member takes the packet. */
export function routeTargetRule(net: Network, g: CRouteTargetGroup, s: RuntimeState): RouteTargetRule {
  const carrying = s.routeTargetCarrying[g.index] === CARRY_STANDBY ? CARRY_STANDBY : CARRY_ACTIVE
  const members = SLOTS.map((slot) => ({
    memberId: net.endpoints[g.members[slot]]?.id ?? '?',
    weight: WEIGHTS[slot],
    health: s.routeTargetHealthy[g.index * 2 + slot] ? ('Healthy' as const) : ('Unhealthy' as const),
    carrying: slot === carrying,
  }))
  return {
    type: 'routeTargetGroup',
    routeTargetGroupId: g.id,
    memberId: members[carrying]?.memberId ?? '?',
    failedOver: carrying === CARRY_STANDBY,
    members,
  }
}

/** The step in words: "route target group rtg-x: active member gwlbe-h (weight 100, Healthy) takes it". */
export function routeTargetText(rule: RouteTargetRule): string {
  const [active, standby] = rule.members
  if (!active || !standby) return `route target group ${rule.routeTargetGroupId}: no members`
  const head = `route target group ${rule.routeTargetGroupId}`
  if (!rule.failedOver) {
    const also =
      active.health === 'Unhealthy'
        ? standby.health === 'Unhealthy'
          ? `; standby ${standby.memberId} is Unhealthy too, so there is nothing to fail over to`
          : ''
        : ''
    return `${head}: active member ${active.memberId} (weight 100, ${active.health}) takes it${also}`
  }
  const why =
    active.health === 'Unhealthy'
      ? `${active.memberId} (weight 100) is Unhealthy: the group failed over`
      : `${active.memberId} (weight 100) is Healthy again, but the group does not fail back by itself (SwitchActiveRouteTarget switches back)`
  return `${head}: standby member ${standby.memberId} (weight 0, ${standby.health}) takes it; ${why}`
}
