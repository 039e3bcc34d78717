// A GWLB endpoint (GWLBe): the consumer's ENI in one zone, a route next hop into the endpoint service.
import * as z from 'zod/mini'
import { accountIdSchema, base, ipv4AddressSchema, resourceIdSchema, zoneIdSchema } from './common'

export const CONNECTION_STATUSES = ['Connected', 'Disconnected', 'Connecting', 'Disconnecting', 'Pending'] as const
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number]

export const gwlbEndpointSchema = z.strictObject({
  kind: z.literal('gwlbEndpoint'),
  ...base,
  /** the consumer */
  accountId: accountIdSchema,
  vpcId: resourceIdSchema,
  serviceId: resourceIdSchema,
  /** fixed at creation: a GWLBe cannot change or add zones */
  zoneId: zoneIdSchema,
  vswitchId: resourceIdSchema,
  /** the endpoint ENI's address in its vSwitch */
  ipAddress: ipv4AddressSchema,
  /** without auto-accept a new connection waits in Disconnected until the provider accepts it */
  connectionStatus: z.enum(CONNECTION_STATUSES),
})
export type GwlbEndpoint = z.infer<typeof gwlbEndpointSchema>
