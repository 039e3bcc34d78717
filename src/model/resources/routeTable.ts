// A route table and its custom entries; the system Local entries are derived, never stored.
import * as z from 'zod/mini'
import { base, cidrBlockSchema, nameSchema, resourceIdSchema } from './common'

export const NEXT_HOP_TYPES = [
  'Local',
  'Ipv4Gateway',
  'GatewayLoadBalancerEndpoint',
  'Instance',
  'NetworkInterface',
  'RouteTargetGroup',
] as const
export type NextHopType = (typeof NEXT_HOP_TYPES)[number]

/**
 * The system route every VPC has for cloud services (Alibaba Cloud's route table overview lists it;
 * CreateRouteEntry refuses a custom entry for it or inside it). Its next hop is the cloud's service network, outside any design.
 */
export const CLOUD_SERVICES_CIDR = '100.64.0.0/10'

export const routeEntrySchema = z.strictObject({
  destinationCidrBlock: cidrBlockSchema,
  /** Local is derived from vSwitch CIDRs and never stored as a custom entry */
  /**
   * RouteTargetGroup: a route target group, which hands the packet to its active member. The API's name for this
   * next hop type is not published; the document uses the resource's own name.
   */
  nextHopType: z.enum([
    'Ipv4Gateway',
    'GatewayLoadBalancerEndpoint',
    'Instance',
    'NetworkInterface',
    'RouteTargetGroup',
  ]),
  /**
   * The next hop's id. It may name a resource that no longer exists: the design still loads and the
   * route black-holes, as a route to a released instance does in the cloud.
   */
  nextHopId: resourceIdSchema,
  name: z.optional(nameSchema),
})
export type RouteEntry = z.infer<typeof routeEntrySchema>

export const routeTableSchema = z.strictObject({
  kind: z.literal('routeTable'),
  ...base,
  vpcId: resourceIdSchema,
  /** VSwitch: bound to vSwitches; Gateway: bound to the VPC's IPv4 gateway (its entries are keyed by vSwitch CIDR) */
  routeTableType: z.enum(['VSwitch', 'Gateway']),
  entries: z.array(routeEntrySchema).check(z.maxLength(200, 'at most 200 custom entries per route table')),
})
export type RouteTable = z.infer<typeof routeTableSchema>
