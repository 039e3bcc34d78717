// A graded activity as data, like a lesson: a design to start from, hidden faults, the task, and goals that check
// what the student's design does (packets delivered or dropped, through an appliance, both ways; the linter
// clean; an intent holding), never how it is written. Checked by zod when loaded, like any outside input.
import * as z from 'zod/mini'
import { DISPOSITIONS, type Disposition } from '../../worker/engine/types'
import { lessonEditSchema, lessonPacketSchema } from '../lessons/schema'

export const ACTIVITY_FORMAT = 'gwlb-studio/activity'
export const ACTIVITY_VERSION = 1

const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an id of letters, digits, ".", "_" or "-"'))
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
const points = z.number().check(z.int(), z.minimum(0), z.maximum(1000))

/**
 * A randomised value, as Packet Tracer's variables: each student gets one of the choices (picked by their learner key),
 * and `{{name}}` anywhere in the design, the faults, the task, the goals or the hints is replaced by it.
 */
export const variableSchema = z.strictObject({
  name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,31}$/, 'a name such as zone or serverCidr')),
  choices: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), z.maxLength(64)),
})
export type Variable = z.infer<typeof variableSchema>

const dispositionSchema = z.enum(DISPOSITIONS as unknown as [Disposition, ...Disposition[]])

/** What must happen to each packet of a reach check. */
export const reachExpectSchema = z.strictObject({
  /** delivered: it arrives; dropped: it ends anywhere else; or one exact disposition */
  outcome: z.union([z.enum(['delivered', 'dropped']), dispositionSchema]),
  /** it crossed an appliance on its way */
  inspected: z.optional(z.literal(true)),
  /** its answer arrives too, through the appliance the request crossed */
  symmetric: z.optional(z.literal(true)),
})
export type ReachExpect = z.infer<typeof reachExpectSchema>

export const goalCheckSchema = z.discriminatedUnion('kind', [
  /** packets traced through the student's design; partial credit counts the packets that behave */
  z.strictObject({
    kind: z.literal('reach'),
    packets: z.array(lessonPacketSchema).check(z.minLength(1), z.maxLength(64)),
    expect: reachExpectSchema,
  }),
  /** no problem of this severity or worse (or none of these codes) in the linter's report */
  z.strictObject({
    kind: z.literal('lintClean'),
    severity: z._default(z.enum(['error', 'warning']), 'error'),
    codes: z.optional(z.array(z.string().check(z.regex(/^GWLB-[EWI]\d{3}$/, 'a problem code such as GWLB-E012')))),
  }),
  /** an intent, in the format `verify` reads, holds over every flow (checked when the activity is graded) */
  z.strictObject({ kind: z.literal('intent'), intent: z.record(z.string(), z.unknown()) }),
  /** these resources are as the activity handed them out ("without touching zone H") */
  z.strictObject({ kind: z.literal('unchanged'), resources: z.array(id).check(z.minLength(1)) }),
])
export type GoalCheck = z.infer<typeof goalCheckSchema>

export const goalSchema = z.strictObject({
  id,
  /** what the student reads: the goal, not the answer */
  title: text(200),
  points,
  /** a reach check with several packets earns its points in proportion; otherwise all or nothing */
  partial: z._default(z.boolean(), false),
  check: goalCheckSchema,
  /** said when the goal is missed, on top of what the check found */
  missedFeedback: z.optional(text(500)),
})
export type Goal = z.infer<typeof goalSchema>

export const hintSchema = z.strictObject({
  text: text(1000),
  /** points taken off the score once the hint is shown */
  cost: z._default(points, 0),
})
export type Hint = z.infer<typeof hintSchema>

export const activitySchema = z.strictObject({
  format: z.literal(ACTIVITY_FORMAT),
  version: z.literal(ACTIVITY_VERSION),
  id,
  title: text(120),
  /** the task the student reads */
  task: text(4000),
  /** a design document (any version the loader reads) the faults are applied to */
  design: z.unknown(),
  variables: z._default(z.array(variableSchema), []),
  /** edits applied to the design before the student sees it; kept out of what the student exports */
  faults: z._default(z.array(lessonEditSchema), []),
  goals: z.array(goalSchema).check(z.minLength(1), z.maxLength(50)),
  hints: z._default(z.array(hintSchema), []),
  /** minutes; the score is final when it runs out */
  timeLimitMinutes: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(600))),
  /** the share of the points (percent) that passes, for an LMS's passed/failed */
  passPercent: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(100)), 80),
  /**
   * the linter's problems stay hidden while the student works (no list, no badges): the task is to find the fault,
   * and the linter would name it; Check my work then counts remaining problems without naming them
   */
  hideProblems: z._default(z.boolean(), false),
})
export type Activity = z.infer<typeof activitySchema>
