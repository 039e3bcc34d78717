// A vSwitch: a subnet of a VPC in one zone, governed by one route table.
import * as z from 'zod/mini'
import { base, cidrBlockSchema, resourceIdSchema, zoneIdSchema } from './common'

export const vswitchSchema = z.strictObject({
  kind: z.literal('vswitch'),
  ...base,
  vpcId: resourceIdSchema,
  zoneId: zoneIdSchema,
  cidrBlock: cidrBlockSchema,
  /** absent: the VPC's system route table, which holds only the derived Local entries */
  routeTableId: z.optional(resourceIdSchema),
})
export type Vswitch = z.infer<typeof vswitchSchema>
