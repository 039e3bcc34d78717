// A PrivateLink endpoint service publishing a GWLB per zone to consumers.
import * as z from 'zod/mini'
import { accountIdSchema, base, resourceIdSchema, zoneIdSchema } from './common'

export const endpointServiceSchema = z.strictObject({
  kind: z.literal('endpointService'),
  ...base,
  /** the provider */
  accountId: accountIdSchema,
  serviceResourceType: z.literal('gwlb'),
  resources: z._default(z.array(z.strictObject({ resourceId: resourceIdSchema, zoneId: zoneIdSchema })), []),
  /** changing it later leaves existing connections as they are; off when omitted, as the API's AutoAcceptEnabled */
  autoAcceptConnection: z._default(z.boolean(), false),
  /** "*" admits every account; otherwise the account UIDs that may request a connection; none when omitted */
  whitelist: z._default(
    z.array(z.union([z.literal('*'), z.string().check(z.regex(/^\d{6,20}$/, 'an account UID or "*"'))])),
    [],
  ),
  /** who pays for PrivateLink: the consumer (Endpoint, the API's default) or the provider */
  payer: z._default(z.enum(['Endpoint', 'EndpointService']), 'Endpoint'),
  /** the only value, and the API's default */
  addressIpVersion: z._default(z.literal('IPv4'), 'IPv4'),
})
export type EndpointService = z.infer<typeof endpointServiceSchema>
