// A vSwitch: a subnet of a VPC in one zone, governed by one route table.
import { z } from 'zod'
import { base, cidrBlockSchema, resourceIdSchema, zoneIdSchema } from './common'

export const vswitchSchema = z.strictObject({
  kind: z.literal('vswitch'),
  ...base,
  vpcId: resourceIdSchema,
  zoneId: zoneIdSchema,
  cidrBlock: cidrBlockSchema,
  /** absent: the VPC's system route table, which holds only the derived Local entries */
  routeTableId: resourceIdSchema.optional(),
})
export type Vswitch = z.infer<typeof vswitchSchema>
