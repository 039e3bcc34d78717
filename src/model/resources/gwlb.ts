// A Gateway Load Balancer: one listener, one GENEVE server group of appliances, mapped to zones.
import * as z from 'zod/mini'
import { base, ipv4AddressSchema, resourceIdSchema, zoneIdSchema } from './common'

/** Ranges and defaults are Alibaba's (docs/cloud.md section 3). */
export const healthCheckSchema = z.strictObject({
  enabled: z.boolean(),
  protocol: z.enum(['TCP', 'HTTP']),
  port: z.number().check(z.int(), z.minimum(1), z.maximum(65535)),
  /** HTTP only: 1 to 80 characters starting with "/" */
  path: z.optional(z.string().check(z.regex(/^\/.{0,79}$/, 'a path of 1 to 80 characters starting with "/"'))),
  /** seconds, 1 to 50 */
  interval: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
  /** seconds, 1 to 300 */
  timeout: z.number().check(z.int(), z.minimum(1), z.maximum(300)),
  healthyThreshold: z.number().check(z.int(), z.minimum(2), z.maximum(10)),
  unhealthyThreshold: z.number().check(z.int(), z.minimum(2), z.maximum(10)),
})
export type HealthCheck = z.infer<typeof healthCheckSchema>

export const HEALTH_CHECK_DEFAULTS: HealthCheck = {
  enabled: true,
  protocol: 'TCP',
  port: 80,
  interval: 10,
  timeout: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 2,
}

export const serverGroupSchema = z.strictObject({
  name: z.optional(z.string().check(z.maxLength(128))),
  protocol: z.literal('GENEVE'),
  /** 5TCH: source/destination address and port, protocol; 3TCH: addresses, protocol; 2TCH: addresses */
  scheduler: z.enum(['5TCH', '3TCH', '2TCH']),
  healthCheck: healthCheckSchema,
  connectionDrain: z.strictObject({
    enabled: z.boolean(),
    /** seconds, 1 to 3600, default 300 */
    timeout: z.number().check(z.int(), z.minimum(1), z.maximum(3600)),
  }),
  serverFailoverMode: z.enum(['NoRebalance', 'Rebalance']),
  /** appliance ids */
  servers: z.array(resourceIdSchema),
})
export type ServerGroup = z.infer<typeof serverGroupSchema>

export const zoneMappingSchema = z.strictObject({
  zoneId: zoneIdSchema,
  vswitchId: resourceIdSchema,
  /** the GWLB's own address in this zone: the outer source of Geneve packets to appliances */
  privateIpAddress: ipv4AddressSchema,
})
export type ZoneMapping = z.infer<typeof zoneMappingSchema>

export const gwlbSchema = z.strictObject({
  kind: z.literal('gwlb'),
  ...base,
  vpcId: resourceIdSchema,
  zoneMappings: z
    .array(zoneMappingSchema)
    .check(z.minLength(1, 'at least one zone mapping'), z.maxLength(20, 'at most 20 zones')),
  /** Alibaba's GWLB always forwards across zones; false models the AWS default (per-zone) */
  crossZoneEnabled: z.boolean(),
  /** the one listener; absent: the GWLB has none and forwards nothing */
  listener: z.optional(z.strictObject({ description: z.optional(z.string().check(z.maxLength(256))) })),
  /** the listener's server group; absent: none configured */
  serverGroup: z.optional(serverGroupSchema),
})
export type Gwlb = z.infer<typeof gwlbSchema>
