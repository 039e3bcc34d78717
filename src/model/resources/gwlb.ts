// A Gateway Load Balancer: one listener, one GENEVE server group of appliances, mapped to zones.
import * as z from 'zod/mini'
import {
  base,
  descriptionSchema,
  ipv4AddressSchema,
  nameSchema,
  resourceIdSchema,
  withoutControls,
  zoneIdSchema,
} from './common'

/**
 * Ranges and defaults are Alibaba's (CreateServerGroup's HealthCheckConfig; docs/cloud.md section 3). A field left out takes the API's
 * default, as a request that leaves it out does.
 */
export const HEALTH_CHECK_DEFAULTS = {
  enabled: true,
  protocol: 'TCP',
  port: 80,
  interval: 10,
  timeout: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 2,
} as const

export const healthCheckSchema = z.strictObject({
  enabled: z._default(z.boolean(), HEALTH_CHECK_DEFAULTS.enabled),
  protocol: z._default(z.enum(['TCP', 'HTTP']), HEALTH_CHECK_DEFAULTS.protocol),
  port: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(65535)), HEALTH_CHECK_DEFAULTS.port),
  /** HTTP only: 1 to 80 characters starting with "/" */
  path: z.optional(
    z.string().check(z.regex(/^\/.{0,79}$/, 'a path of 1 to 80 characters starting with "/"'), withoutControls()),
  ),
  /** seconds, 1 to 50 */
  interval: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(50)), HEALTH_CHECK_DEFAULTS.interval),
  /** seconds, 1 to 300 */
  timeout: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(300)), HEALTH_CHECK_DEFAULTS.timeout),
  healthyThreshold: z._default(
    z.number().check(z.int(), z.minimum(2), z.maximum(10)),
    HEALTH_CHECK_DEFAULTS.healthyThreshold,
  ),
  unhealthyThreshold: z._default(
    z.number().check(z.int(), z.minimum(2), z.maximum(10)),
    HEALTH_CHECK_DEFAULTS.unhealthyThreshold,
  ),
})
export type HealthCheck = z.infer<typeof healthCheckSchema>

/**
 * CreateServerGroup's ConnectionDrainConfig: the timeout defaults to 300 s. The API documents no default for
 * ConnectionDrainEnabled; a request without it asks for none, so an omitted value reads as off.
 */
export const CONNECTION_DRAIN_DEFAULTS = { enabled: false, timeout: 300 } as const

export const serverGroupSchema = z.strictObject({
  name: z.optional(nameSchema),
  /** the only value, and the API's default */
  protocol: z._default(z.literal('GENEVE'), 'GENEVE'),
  /** 5TCH (the default): source/destination address and port, protocol; 3TCH: addresses, protocol; 2TCH: addresses */
  scheduler: z._default(z.enum(['5TCH', '3TCH', '2TCH']), '5TCH'),
  healthCheck: z._default(healthCheckSchema, { ...HEALTH_CHECK_DEFAULTS }),
  connectionDrain: z._default(
    z.strictObject({
      enabled: z._default(z.boolean(), CONNECTION_DRAIN_DEFAULTS.enabled),
      /** seconds, 1 to 3600, default 300 */
      timeout: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(3600)), CONNECTION_DRAIN_DEFAULTS.timeout),
    }),
    { ...CONNECTION_DRAIN_DEFAULTS },
  ),
  serverFailoverMode: z._default(z.enum(['NoRebalance', 'Rebalance']), 'NoRebalance'),
  /** appliance ids */
  servers: z._default(z.array(resourceIdSchema), []),
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
  /** Alibaba's GWLB always forwards across zones (so true when omitted); false models the AWS default (per-zone) */
  crossZoneEnabled: z._default(z.boolean(), true),
  /** the one listener; absent: the GWLB has none and forwards nothing */
  listener: z.optional(z.strictObject({ description: z.optional(descriptionSchema(256)) })),
  /** the listener's server group; absent: none configured */
  serverGroup: z.optional(serverGroupSchema),
})
export type Gwlb = z.infer<typeof gwlbSchema>
