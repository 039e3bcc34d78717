// Saved traffic and timed faults for demos and the simulator.
import { z } from 'zod'
import { cidrBlockSchema, ipv4AddressSchema, resourceIdSchema, zoneIdSchema } from './resources/common'
import { CONNECTION_STATUSES } from './resources/gwlbEndpoint'

export const flowSchema = z.strictObject({
  id: resourceIdSchema,
  name: z.string().max(128).optional(),
  /** an ecs or internetHost id */
  sourceId: resourceIdSchema,
  /** where the packets are addressed: an EIP, a private address or an internet address */
  destinationAddress: ipv4AddressSchema,
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  /** absent: each connection takes a fresh ephemeral port */
  sourcePort: z.number().int().min(1).max(65535).optional(),
  destinationPort: z.number().int().min(1).max(65535).optional(),
  newConnectionsPerSecond: z.number().positive().max(100_000),
  /** packets per second in each direction of one connection */
  packetsPerSecond: z.number().positive().max(100_000),
  /** bytes of the inner IP packet */
  packetSize: z.number().int().min(28).max(9000),
  connectionSeconds: z.number().positive().max(86_400),
  startSeconds: z.number().min(0).optional(),
  stopSeconds: z.number().min(0).optional(),
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
    ruleIndex: z.number().int().min(0),
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
  atSeconds: z.number().min(0),
  /** absent: the fault lasts to the end; otherwise it is undone at this time */
  untilSeconds: z.number().min(0).optional(),
  fault: faultSchema,
})
export type FaultStep = z.infer<typeof faultStepSchema>

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a short name: lower-case letters, digits and "-"'),
  description: z.string().max(1024).optional(),
  flows: z.array(flowSchema),
  faults: z.array(faultStepSchema),
})
export type Scenario = z.infer<typeof scenarioSchema>
