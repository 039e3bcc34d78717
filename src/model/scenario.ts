// Saved traffic and timed faults for demos and the simulator.
import * as z from 'zod/mini'
import {
  cidrBlockSchema,
  descriptionSchema,
  ipv4AddressSchema,
  nameSchema,
  resourceIdSchema,
  zoneIdSchema,
} from './resources/common'
import { CONNECTION_STATUSES } from './resources/gwlbEndpoint'

export const flowSchema = z.strictObject({
  id: resourceIdSchema,
  name: z.optional(nameSchema),
  /** an ecs or internetHost id */
  sourceId: resourceIdSchema,
  /** where the packets are addressed: an EIP, a private address or an internet address */
  destinationAddress: ipv4AddressSchema,
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  /** absent: each connection takes a fresh ephemeral port */
  sourcePort: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(65535))),
  destinationPort: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(65535))),
  newConnectionsPerSecond: z.number().check(z.positive(), z.maximum(100_000)),
  /** packets per second in each direction of one connection */
  packetsPerSecond: z.number().check(z.positive(), z.maximum(100_000)),
  /** bytes of the inner IP packet */
  packetSize: z.number().check(z.int(), z.minimum(28), z.maximum(9000)),
  connectionSeconds: z.number().check(z.positive(), z.maximum(86_400)),
  startSeconds: z.optional(z.number().check(z.minimum(0))),
  stopSeconds: z.optional(z.number().check(z.minimum(0))),
})
export type Flow = z.infer<typeof flowSchema>

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('applianceStopped'), applianceId: resourceIdSchema }),
  z.strictObject({ kind: z.literal('applianceHung'), applianceId: resourceIdSchema }),
  z.strictObject({ kind: z.literal('serverRemoved'), applianceId: resourceIdSchema }),
  z.strictObject({ kind: z.literal('zoneDown'), zoneId: zoneIdSchema }),
  z.strictObject({
    kind: z.literal('securityGroupRuleRemoved'),
    securityGroupId: resourceIdSchema,
    ruleIndex: z.number().check(z.int(), z.minimum(0)),
  }),
  z.strictObject({
    kind: z.literal('endpointConnection'),
    endpointId: resourceIdSchema,
    connectionStatus: z.enum(CONNECTION_STATUSES),
  }),
  z.strictObject({
    kind: z.literal('routeEntryDeleted'),
    routeTableId: resourceIdSchema,
    destinationCidrBlock: cidrBlockSchema,
  }),
])
export type Fault = z.infer<typeof faultSchema>

export const faultStepSchema = z.strictObject({
  atSeconds: z.number().check(z.minimum(0)),
  /** absent: the fault lasts to the end; otherwise it is undone at this time */
  untilSeconds: z.optional(z.number().check(z.minimum(0))),
  fault: faultSchema,
})
export type FaultStep = z.infer<typeof faultStepSchema>

export const scenarioSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a short name: lower-case letters, digits and "-"')),
  description: z.optional(descriptionSchema(1024)),
  flows: z.array(flowSchema),
  faults: z.array(faultStepSchema),
})
export type Scenario = z.infer<typeof scenarioSchema>
