// A security group: ordered accept/drop rules on instances' traffic.
import { z } from 'zod'
import { base, cidrBlockSchema, ipProtocolSchema, portRangeSchema, resourceIdSchema } from './common'

export const securityGroupRuleSchema = z.strictObject({
  direction: z.enum(['ingress', 'egress']),
  ipProtocol: ipProtocolSchema,
  portRange: portRangeSchema,
  /** ingress rules match the packet's source */
  sourceCidrIp: cidrBlockSchema.optional(),
  /** egress rules match the packet's destination */
  destCidrIp: cidrBlockSchema.optional(),
  policy: z.enum(['accept', 'drop']),
  /** 1 is evaluated first; on a tie, drop wins (as Alibaba documents) */
  priority: z.number().int().min(1).max(100),
  description: z.string().max(256).optional(),
})
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>

export const securityGroupSchema = z.strictObject({
  kind: z.literal('securityGroup'),
  ...base,
  vpcId: resourceIdSchema,
  rules: z.array(securityGroupRuleSchema),
})
export type SecurityGroup = z.infer<typeof securityGroupSchema>
