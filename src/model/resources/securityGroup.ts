// A security group: its type, its internal access policy, and ordered accept/drop rules on instances' traffic.
import * as z from 'zod/mini'
import { base, cidrBlockSchema, descriptionSchema, ipProtocolSchema, portRangeSchema, resourceIdSchema } from './common'

export const securityGroupRuleSchema = z.strictObject({
  direction: z.enum(['ingress', 'egress']),
  ipProtocol: ipProtocolSchema,
  portRange: portRangeSchema,
  /** ingress rules match the packet's source */
  sourceCidrIp: z.optional(cidrBlockSchema),
  /** egress rules match the packet's destination */
  destCidrIp: z.optional(cidrBlockSchema),
  /** the API's default when omitted: accept */
  policy: z._default(z.enum(['accept', 'drop']), 'accept'),
  /** 1 is evaluated first; on a tie, drop wins (as Alibaba documents); the API's default when omitted: 1 */
  priority: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 1),
  description: z.optional(descriptionSchema(256)),
})
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>

/** `basic` is what CreateSecurityGroup makes when SecurityGroupType is omitted (the API's `normal`). */
export const SECURITY_GROUP_TYPES = ['basic', 'enterprise'] as const
export type SecurityGroupType = (typeof SECURITY_GROUP_TYPES)[number]

/** ModifySecurityGroupPolicy's InnerAccessPolicy: Accept (a new basic group's) or Drop (isolation). */
export const INNER_ACCESS_POLICIES = ['Accept', 'Drop'] as const
export type InnerAccessPolicy = (typeof INNER_ACCESS_POLICIES)[number]

export const securityGroupSchema = z.strictObject({
  kind: z.literal('securityGroup'),
  ...base,
  vpcId: resourceIdSchema,
  /** an instance's groups must all be of one type; enterprise groups deny both directions by default */
  securityGroupType: z._default(z.enum(SECURITY_GROUP_TYPES), 'basic'),
  /**
   * Basic groups only: Accept lets members reach each other whatever the rules say; Drop leaves it to the
   * rules. The loader writes Accept when a basic group omits it, and refuses it on an enterprise group,
   * which always isolates its members.
   */
  innerAccessPolicy: z.optional(z.enum(INNER_ACCESS_POLICIES)),
  rules: z._default(z.array(securityGroupRuleSchema), []),
})
export type SecurityGroup = z.infer<typeof securityGroupSchema>

/** What a group does with traffic between its own members: Accept, Drop, or an enterprise group's isolation. */
export function innerAccessOf(
  group: Pick<SecurityGroup, 'securityGroupType' | 'innerAccessPolicy'>,
): 'Accept' | 'Drop' {
  if (group.securityGroupType === 'enterprise') return 'Drop'
  return group.innerAccessPolicy ?? 'Accept'
}
