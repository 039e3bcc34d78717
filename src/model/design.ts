// The design document (docs/format.md): envelope, the resource union, layout, scenarios and the change plan.
import * as z from 'zod/mini'
import { designPlanSchema } from './plan'
import { applianceSchema } from './resources/appliance'
import { accountIdSchema, descriptionSchema, textSchema, zoneIdSchema } from './resources/common'
import { ecsSchema } from './resources/ecs'
import { endpointServiceSchema } from './resources/endpointService'
import { gwlbSchema } from './resources/gwlb'
import { gwlbEndpointSchema } from './resources/gwlbEndpoint'
import { internetHostSchema } from './resources/internetHost'
import { ipv4GatewaySchema } from './resources/ipv4Gateway'
import { routeTableSchema } from './resources/routeTable'
import { routeTargetGroupSchema } from './resources/routeTargetGroup'
import { securityGroupSchema } from './resources/securityGroup'
import { vpcSchema } from './resources/vpc'
import { vswitchSchema } from './resources/vswitch'
import { scenarioSchema } from './scenario'

export const DESIGN_FORMAT = 'gwlb-studio/design'
/**
 * 2: security groups carry securityGroupType and innerAccessPolicy.
 * 3: route target groups (routeTargetGroup), and route entries may name one (next hop type RouteTargetGroup).
 * 4: the design may carry its change plan (plan).
 * 5: names, zones and descriptions hold no control characters (a description keeps tab and line breaks).
 */
export const DESIGN_VERSION = 5

export const resourceSchemas = {
  vpc: vpcSchema,
  vswitch: vswitchSchema,
  routeTable: routeTableSchema,
  ipv4Gateway: ipv4GatewaySchema,
  ecs: ecsSchema,
  appliance: applianceSchema,
  securityGroup: securityGroupSchema,
  gwlb: gwlbSchema,
  endpointService: endpointServiceSchema,
  gwlbEndpoint: gwlbEndpointSchema,
  internetHost: internetHostSchema,
  routeTargetGroup: routeTargetGroupSchema,
} as const
export type ResourceKind = keyof typeof resourceSchemas
export const RESOURCE_KINDS = Object.keys(resourceSchemas) as ResourceKind[]

export const resourceSchema = z.discriminatedUnion('kind', [
  vpcSchema,
  vswitchSchema,
  routeTableSchema,
  ipv4GatewaySchema,
  ecsSchema,
  applianceSchema,
  securityGroupSchema,
  gwlbSchema,
  endpointServiceSchema,
  gwlbEndpointSchema,
  internetHostSchema,
  routeTargetGroupSchema,
])
export type Resource = z.infer<typeof resourceSchema>
export type ResourceOf<K extends ResourceKind> = Extract<Resource, { kind: K }>

/**
 * The largest layout coordinate or size, in canvas units. The generated 2,001-resource design spans about
 * 15,000; a million leaves room for any real design, while sums and sizes of numbers such as 1e308 would
 * reach Infinity and draw nothing (width="Infinity" in an SVG).
 */
export const MAX_LAYOUT_UNITS = 1_000_000

// zod 4 numbers reject Infinity and NaN by themselves
const coordinate = z
  .number()
  .check(
    z.gte(-MAX_LAYOUT_UNITS, `a position from -${MAX_LAYOUT_UNITS} to ${MAX_LAYOUT_UNITS}`),
    z.lte(MAX_LAYOUT_UNITS, `a position from -${MAX_LAYOUT_UNITS} to ${MAX_LAYOUT_UNITS}`),
  )
const size = z
  .number()
  .check(z.positive('a size above 0'), z.lte(MAX_LAYOUT_UNITS, `a size of at most ${MAX_LAYOUT_UNITS}`))

/**
 * Position relative to the parent container (React Flow's convention), size for containers.
 * Keys are resource ids, or "vpcId/zoneId" for the zone band drawn inside a VPC.
 */
export const layoutEntrySchema = z.strictObject({
  x: coordinate,
  y: coordinate,
  width: z.optional(size),
  height: z.optional(size),
})
export type LayoutEntry = z.infer<typeof layoutEntrySchema>

export const designSchema = z.strictObject({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(DESIGN_VERSION),
  name: textSchema(128).check(z.minLength(1, 'a name of 1 to 128 characters')),
  description: z.optional(descriptionSchema(4096)),
  regionId: z.string().check(z.regex(/^[a-z]{2}-[a-z0-9-]+$/, 'a region id such as cn-hangzhou')),
  zones: z.array(zoneIdSchema).check(z.minLength(1, 'at least one zone')),
  accounts: z.array(z.strictObject({ id: accountIdSchema, name: textSchema(128) })),
  resources: z.array(resourceSchema),
  layout: z.record(z.string(), layoutEntrySchema),
  scenarios: z.array(scenarioSchema),
  /** the change plan the Plan tab builds for this design; absent: none (src/model/plan.ts) */
  plan: z.optional(designPlanSchema),
})
export type Design = z.infer<typeof designSchema>

export function zoneKey(vpcId: string, zoneId: string): string {
  return `${vpcId}/${zoneId}`
}
