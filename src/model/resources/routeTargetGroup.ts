// A route target group: two next hops of one type in different zones, Active-Standby, named by route entries as
// one next hop (Alibaba Cloud's CreateRouteTargetGroup; Terraform alicloud_vpc_route_target_group).
import * as z from 'zod/mini'
import { base, resourceIdSchema } from './common'

/** The member types CreateRouteTargetGroup takes today: GWLB endpoints only. */
export const ROUTE_TARGET_MEMBER_TYPES = ['GatewayLoadBalancerEndpoint'] as const
export type RouteTargetMemberType = (typeof ROUTE_TARGET_MEMBER_TYPES)[number]

/** In Active-Standby mode the active member has weight 100 and the standby weight 0; nothing else is accepted. */
export const ACTIVE_WEIGHT = 100
export const STANDBY_WEIGHT = 0

export const routeTargetMemberSchema = z.strictObject({
  /** the member's id: a GWLB endpoint of the group's VPC */
  memberId: resourceIdSchema,
  memberType: z.enum(ROUTE_TARGET_MEMBER_TYPES),
  /** 100: the active member, carrying all traffic while healthy; 0: the standby, taking over when it fails */
  weight: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
})
export type RouteTargetMember = z.infer<typeof routeTargetMemberSchema>

export const routeTargetGroupSchema = z.strictObject({
  kind: z.literal('routeTargetGroup'),
  ...base,
  vpcId: resourceIdSchema,
  /** the only mode the API offers; the API requires it, the document defaults it */
  configMode: z._default(z.literal('Active-Standby'), 'Active-Standby'),
  /**
   * Exactly two members, in different zones, of one type, one with weight 100 and one with weight 0 (the loader
   * checks what a schema cannot: the count, the weights, the zones and that each member exists).
   */
  routeTargetMemberList: z.array(routeTargetMemberSchema),
})
export type RouteTargetGroup = z.infer<typeof routeTargetGroupSchema>

/** The member of weight 100 and the one of weight 0, by position in the list; -1 where there is none. */
export function activeStandbyOf(group: Pick<RouteTargetGroup, 'routeTargetMemberList'>): {
  active: number
  standby: number
} {
  const list = group.routeTargetMemberList
  return {
    active: list.findIndex((m) => m.weight === ACTIVE_WEIGHT),
    standby: list.findIndex((m) => m.weight === STANDBY_WEIGHT),
  }
}
