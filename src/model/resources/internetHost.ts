// A peer on the internet, outside every VPC.
import * as z from 'zod/mini'
import { base, ipv4AddressSchema } from './common'

export const internetHostSchema = z.strictObject({
  kind: z.literal('internetHost'),
  ...base,
  ipAddress: ipv4AddressSchema,
})
export type InternetHost = z.infer<typeof internetHostSchema>
