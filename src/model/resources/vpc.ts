// A VPC: one account's private network in the design's region.
import * as z from 'zod/mini'
import { accountIdSchema, base, cidrBlockSchema } from './common'

export const vpcSchema = z.strictObject({
  kind: z.literal('vpc'),
  ...base,
  accountId: accountIdSchema,
  cidrBlock: cidrBlockSchema,
})
export type Vpc = z.infer<typeof vpcSchema>
