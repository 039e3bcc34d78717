// The VPC's IPv4 gateway: its way to the internet, translating EIPs, with a gateway route table bound to it.
import * as z from 'zod/mini'
import { base, resourceIdSchema } from './common'

export const ipv4GatewaySchema = z.strictObject({
  kind: z.literal('ipv4Gateway'),
  ...base,
  vpcId: resourceIdSchema,
  /** absent: inbound traffic follows the derived Local routes straight to its vSwitch */
  gatewayRouteTableId: z.optional(resourceIdSchema),
})
export type Ipv4Gateway = z.infer<typeof ipv4GatewaySchema>
