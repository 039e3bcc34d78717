// A network virtual appliance: an ECS behind the GWLB that inspects Geneve-encapsulated traffic.
import * as z from 'zod/mini'
import {
  base,
  cidrBlockSchema,
  descriptionSchema,
  ipProtocolSchema,
  ipv4AddressSchema,
  portRangeSchema,
  resourceIdSchema,
} from './common'

export const policyRuleSchema = z.strictObject({
  action: z.enum(['allow', 'deny']),
  protocol: ipProtocolSchema,
  sourceCidrIp: cidrBlockSchema,
  destCidrIp: cidrBlockSchema,
  /** destination ports of the inner packet */
  portRange: portRangeSchema,
  description: z.optional(descriptionSchema(256)),
})
export type PolicyRule = z.infer<typeof policyRuleSchema>

export const applianceSchema = z.strictObject({
  kind: z.literal('appliance'),
  ...base,
  vswitchId: resourceIdSchema,
  privateIpAddress: ipv4AddressSchema,
  applianceType: z.enum(['firewall', 'ids', 'dpi', 'mirror']),
  /** an instance type with jumbo frames (MTU 8500); without it the NIC MTU is 1500, below 1500 + 68 */
  jumboFrames: z.boolean(),
  securityGroupIds: z.array(resourceIdSchema),
  /** stateful appliances drop a reply whose request they never saw */
  stateful: z.boolean(),
  /** rules on the inner 5-tuple, first match wins */
  policy: z.strictObject({
    rules: z.array(policyRuleSchema),
    defaultAction: z.enum(['allow', 'deny']),
  }),
  /** hung: answers health checks but drops traffic */
  state: z.enum(['running', 'stopped', 'hung']),
})
export type Appliance = z.infer<typeof applianceSchema>
