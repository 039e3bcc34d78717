// A security group: ordered accept/drop rules on instances' traffic.
import * as z from 'zod/mini'
import { base, cidrBlockSchema, ipProtocolSchema, portRangeSchema, resourceIdSchema } from './common'

export const securityGroupRuleSchema = z.strictObject({
  direction: z.enum(['ingress', 'egress']),
  ipProtocol: ipProtocolSchema,
  portRange: portRangeSchema,
  /** ingress rules match the packet's source */
  sourceCidrIp: z.optional(cidrBlockSchema),
  /** egress rules match the packet's destination */
  destCidrIp: z.optional(cidrBlockSchema),
  policy: z.enum(['accept', 'drop']),
  /** 1 is evaluated first; on a tie, drop wins (as Alibaba documents) */
  priority: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  description: z.optional(z.string().check(z.maxLength(256))),
})
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>

export const securityGroupSchema = z.strictObject({
  kind: z.literal('securityGroup'),
  ...base,
  vpcId: resourceIdSchema,
  rules: z.array(securityGroupRuleSchema),
})
export type SecurityGroup = z.infer<typeof securityGroupSchema>
