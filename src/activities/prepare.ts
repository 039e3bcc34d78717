// Opening an activity for one student: pick the variables' values by their learner key, put them in, check the
// activity against its schema, load its design through parse() like any file, and apply the hidden faults.
// The student works on the result; the faults themselves never reach a document they can export.
import * as z from 'zod/mini'
import { applyLessonEdit } from '../lessons/edits'
import { type Design, parse } from '../model'
import { type Activity, activitySchema, variableSchema } from './schema'
import { pickValues, substitute, type Values } from './variables'

export interface PreparedActivity {
  activity: Activity
  /** the learner key the values were picked with */
  learnerKey: string
  values: Values
  /** the design handed to the student: the activity's design with its faults applied */
  handout: Design
}

export type Prepared = { ok: true; prepared: PreparedActivity } | { ok: false; message: string }

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : '(top)'
  return `${where}: ${issue?.message ?? 'invalid'}`
}

/** `raw`: the activity file's JSON; `learnerKey`: who the student is (the same key always gives the same exercise). */
export function prepareActivity(raw: unknown, learnerKey: string): Prepared {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, message: 'An activity file is a JSON object with "format": "gwlb-studio/activity".' }
  const { variables: rawVariables = [], ...rest } = raw as Record<string, unknown>
  const variables = z.array(variableSchema).safeParse(rawVariables)
  if (!variables.success) return { ok: false, message: `variables.${firstIssue(variables.error)}` }
  const values = pickValues(variables.data, learnerKey)
  const substituted = substitute(rest, values)
  if (!substituted.ok) return substituted
  const checked = activitySchema.safeParse({ ...(substituted.value as object), variables: variables.data })
  if (!checked.success) return { ok: false, message: firstIssue(checked.error) }
  const activity = checked.data
  const loaded = parse(activity.design)
  if (!loaded.ok) {
    const e = loaded.errors[0]
    return { ok: false, message: `design: ${e?.path ?? ''} ${e?.message ?? 'does not load'}`.replace(/: {2}/, ': ') }
  }
  let handout = loaded.design
  for (const [n, fault] of activity.faults.entries()) {
    const r = applyLessonEdit(handout, fault)
    if (!r.ok) return { ok: false, message: `faults[${n}] (${fault.kind}): ${r.message}` }
    handout = r.design
  }
  return { ok: true, prepared: { activity, learnerKey, values, handout } }
}

/**
 * Every variable's every choice, one at a time (the others at their first choice): what an author checks before
 * handing an activity out, so no student draws a combination that does not load.
 */
export function preparedVariants(raw: unknown): Prepared[] {
  const rawVariables = (raw as { variables?: unknown } | null)?.variables
  const variables = z.array(variableSchema).safeParse(rawVariables ?? [])
  if (!variables.success) return [{ ok: false, message: `variables.${firstIssue(variables.error)}` }]
  const first = variables.data.map((v) => ({ ...v, choices: [v.choices[0] ?? ''] }))
  const variants: Prepared[] = [prepareWith(raw, first)]
  for (const [i, v] of variables.data.entries())
    for (const choice of v.choices.slice(1)) {
      const fixed = first.map((f, j) => (j === i ? { ...f, choices: [choice] } : f))
      variants.push(prepareWith(raw, fixed))
    }
  return variants
}

/** Prepared with variables of one choice each, whatever the learner key. */
function prepareWith(raw: unknown, variables: Activity['variables']): Prepared {
  const r = prepareActivity({ ...(raw as object), variables }, 'author')
  if (!r.ok) {
    const values = variables.map((v) => `${v.name}=${v.choices[0]}`).join(', ')
    return values ? { ok: false, message: `with ${values}: ${r.message}` } : r
  }
  return r
}
