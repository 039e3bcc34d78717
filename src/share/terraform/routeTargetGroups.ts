// Route target groups: alicloud_vpc_route_target_group (provider 1.292.0 or later), Active-Standby, its two GWLBe
// members with weights 100 and 0, after the members' endpoint zones (the group looks each member up by its zone).
import { attr, type Expr, nested } from '../hcl'
import type { Emitter } from './context'

/** Writes the groups; returns, per group id, what a route to it must wait for (the group and its members). */
export function writeRouteTargetGroups(em: Emitter, endpointReady: Map<string, Expr[]>): Map<string, Expr[]> {
  const { namer, resource, refById, own, label, of } = em
  const groupReady = new Map<string, Expr[]>()
  for (const g of of('routeTargetGroup')) {
    const memberReady = g.routeTargetMemberList.flatMap((m) => endpointReady.get(m.memberId) ?? [])
    groupReady.set(g.id, memberReady)
    resource(
      'alicloud_vpc_route_target_group',
      namer.name('alicloud_vpc_route_target_group', g.id),
      own(g),
      [
        attr('route_target_group_name', label(g)),
        attr('vpc_id', refById(g.vpcId) ?? g.vpcId),
        attr('config_mode', g.configMode),
        ...g.routeTargetMemberList.map((m) =>
          nested('route_target_member_list', [
            attr('member_id', refById(m.memberId) ?? m.memberId),
            attr('member_type', m.memberType),
            attr('weight', m.weight),
          ]),
        ),
        ...(memberReady.length ? [attr('depends_on', memberReady)] : []),
      ],
      [
        'Active-Standby: the member of weight 100 carries the traffic while healthy; the one of weight 0 takes over',
        'when it fails, and stays until SwitchActiveRouteTarget switches back. The members cannot change once created.',
      ],
    )
  }
  return groupReady
}

/** A route to a group waits for the group; its next hop type's API name is not published: the resource's name. */
export const ROUTE_TARGET_GROUP_NEXT_HOP_NOTE =
  'next hop type RouteTargetGroup: the API name of this next hop type is not published; check it before applying'
