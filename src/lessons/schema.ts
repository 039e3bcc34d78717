// A lesson as data: a reference design, then steps of narration, highlighted resources, design edits and at
// most one action (trace a packet, a quiz, a simulator run). Checked by zod when loaded, like any outside input.
import * as z from 'zod/mini'
import { DISPOSITIONS, type Disposition } from '../../worker/engine/types'
import { CONNECTION_STATUSES, NEXT_HOP_TYPES, type NextHopType } from '../model'
import { scenarioSchema } from '../model/scenario'

const id = z.string().check(z.minLength(1), z.maxLength(64))
const text = z.string().check(z.minLength(1), z.maxLength(2000))

/** a route entry's next hop; Local is derived, never set */
const customNextHopTypes = NEXT_HOP_TYPES.filter((t): t is Exclude<NextHopType, 'Local'> => t !== 'Local')

/** A design edit a step applies, as data: each maps onto one change the designer could make by hand. */
export const lessonEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('setApplianceState'),
    applianceId: id,
    state: z.enum(['running', 'stopped', 'hung']),
  }),
  z.strictObject({ kind: z.literal('setJumboFrames'), applianceId: id, jumboFrames: z.boolean() }),
  z.strictObject({ kind: z.literal('setCrossZone'), gwlbId: id, crossZoneEnabled: z.boolean() }),
  z.strictObject({
    kind: z.literal('setRouteEntry'),
    routeTableId: id,
    destinationCidrBlock: z.string(),
    nextHopType: z.enum(customNextHopTypes),
    nextHopId: id,
  }),
  z.strictObject({ kind: z.literal('deleteRouteEntry'), routeTableId: id, destinationCidrBlock: z.string() }),
  /** "reject a connection" is Disconnected: the cloud has no Rejected status */
  z.strictObject({
    kind: z.literal('setConnectionStatus'),
    endpointId: id,
    connectionStatus: z.enum(CONNECTION_STATUSES),
  }),
  /** routes "deleteFirst" is the guide's teardown order; "leave" leaves them pointing nowhere */
  z.strictObject({ kind: z.literal('deleteResource'), id, routes: z.enum(['deleteFirst', 'leave']) }),
  z.strictObject({ kind: z.literal('addScenario'), scenario: scenarioSchema }),
])
export type LessonEdit = z.infer<typeof lessonEditSchema>

export const lessonPacketSchema = z.strictObject({
  /** a resource id (internetHost, ecs, appliance) */
  source: id,
  destination: z.string().check(z.minLength(1)),
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  sourcePort: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(65535))),
  destinationPort: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(65535))),
  size: z.optional(z.number().check(z.int(), z.minimum(28), z.maximum(9000))),
})

const dispositionSchema = z.enum(DISPOSITIONS as [Disposition, ...Disposition[]])

/** What the narration claims the engine does with the packet; tests hold the lesson to it. */
export const expectSchema = z.strictObject({
  disposition: dispositionSchema,
  /** the resource of the last hop: where it was delivered or dropped */
  at: z.optional(id),
  /** the appliance the GWLB chose */
  appliance: z.optional(id),
})

const legSchema = z.enum(['request', 'reply'])

export const lessonActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('trace'),
    packet: lessonPacketSchema,
    leg: z._default(legSchema, 'request'),
    expect: expectSchema,
  }),
  z.strictObject({
    kind: z.literal('quiz'),
    question: text,
    packet: lessonPacketSchema,
    leg: z._default(legSchema, 'request'),
    /** answers counted right besides the resource where the packet really ends (e.g. either firewall) */
    accept: z._default(z.array(id), []),
    expect: expectSchema,
  }),
  /** plays a scenario of the step's design in the simulator, up to about untilSeconds */
  z.strictObject({
    kind: z.literal('simulate'),
    scenario: z.string().check(z.minLength(1)),
    untilSeconds: z.number().check(z.positive()),
  }),
])
export type LessonAction = z.infer<typeof lessonActionSchema>

export const lessonStepSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  narration: text,
  /** drawn resources lit on the canvas */
  highlight: z.array(id),
  /** the one resource the step is about; default the first highlighted */
  focus: z.optional(id),
  /** start again from the lesson's design before this step's edits */
  fromBase: z._default(z.boolean(), false),
  edits: z._default(z.array(lessonEditSchema), []),
  action: z.optional(lessonActionSchema),
})
export type LessonStep = z.infer<typeof lessonStepSchema>

export const lessonSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  number: z.number().check(z.int(), z.positive()),
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  summary: z.string().check(z.minLength(1), z.maxLength(400)),
  design: z.enum(['single-zone', 'two-zones', 'zone-failover']),
  steps: z.array(lessonStepSchema).check(z.minLength(1)),
})
export type Lesson = z.infer<typeof lessonSchema>
export type LessonDesignName = Lesson['design']
