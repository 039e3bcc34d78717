// A PrivateLink endpoint service publishing a GWLB per zone to consumers.
import * as z from 'zod/mini'
import { accountIdSchema, base, resourceIdSchema, zoneIdSchema } from './common'

export const endpointServiceSchema = z.strictObject({
  kind: z.literal('endpointService'),
  ...base,
  /** the provider */
  accountId: accountIdSchema,
  serviceResourceType: z.literal('gwlb'),
  resources: z.array(z.strictObject({ resourceId: resourceIdSchema, zoneId: zoneIdSchema })),
  /** changing it later leaves existing connections as they are */
  autoAcceptConnection: z.boolean(),
  /** "*" admits every account; otherwise the account UIDs that may request a connection */
  whitelist: z.array(z.union([z.literal('*'), z.string().check(z.regex(/^\d{6,20}$/, 'an account UID or "*"'))])),
  /** who pays for PrivateLink: the consumer (Endpoint, default) or the provider */
  payer: z.enum(['Endpoint', 'EndpointService']),
  addressIpVersion: z.literal('IPv4'),
})
export type EndpointService = z.infer<typeof endpointServiceSchema>
