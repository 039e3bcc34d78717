// An ECS instance that serves or calls: the workload that the appliances protect.
import * as z from 'zod/mini'
import { base, ipv4AddressSchema, resourceIdSchema } from './common'

export const ecsSchema = z.strictObject({
  kind: z.literal('ecs'),
  ...base,
  vswitchId: resourceIdSchema,
  privateIpAddress: ipv4AddressSchema,
  /** an EIP; the IPv4 gateway translates it to and from the private address */
  publicIpAddress: z.optional(ipv4AddressSchema),
  securityGroupIds: z.array(resourceIdSchema),
  role: z.enum(['server', 'client']),
})
export type Ecs = z.infer<typeof ecsSchema>
