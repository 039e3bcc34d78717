// An ECS instance that serves or calls: the workload that the appliances protect.
import { z } from 'zod'
import { base, ipv4AddressSchema, resourceIdSchema } from './common'

export const ecsSchema = z.strictObject({
  kind: z.literal('ecs'),
  ...base,
  vswitchId: resourceIdSchema,
  privateIpAddress: ipv4AddressSchema,
  /** an EIP; the IPv4 gateway translates it to and from the private address */
  publicIpAddress: ipv4AddressSchema.optional(),
  securityGroupIds: z.array(resourceIdSchema),
  role: z.enum(['server', 'client']),
})
export type Ecs = z.infer<typeof ecsSchema>
