// "Check my work": each goal of an activity checked on the student's design by what it does — the engine traces
// the goal's packets, lints, verifies intents — so any correct fix earns the points, not only the author's.
// The engine is asked through a small interface: the page's engine client in the app, the worker's own code in
// Node (the command line and tests).
import type { PacketSpec, Trace } from '../../worker/engine/types'
import type { DesignReport } from '../../worker/report'
import type { TraceAnswer } from '../../worker/traceReport'
import type { IntentsAnswer } from '../../worker/verdicts'
import type { Design, Resource } from '../model'
import type { PreparedActivity } from './prepare'
import type { Goal, GoalCheck, ReachExpect } from './schema'

export interface GradeEngine {
  trace(design: Design, packet: PacketSpec): Promise<TraceAnswer>
  load(design: Design): Promise<DesignReport>
  verifyIntents(design: Design, intents: unknown[]): Promise<IntentsAnswer>
}

export interface GoalResult {
  goalId: string
  title: string
  /** every part of the check holds */
  met: boolean
  /** the points earned, of `points` */
  earned: number
  points: number
  /** one line per thing checked: what the design did */
  findings: string[]
}

export interface Grade {
  goals: GoalResult[]
  /** earned points less the hints' costs, never below 0 */
  score: number
  maxScore: number
  /** the hints shown and what they cost */
  hintCost: number
  percent: number
  passed: boolean
}

/** Checks every goal of the activity on the student's design; `hintsShown`: indexes of the hints the student opened. */
export async function grade(
  prepared: PreparedActivity,
  design: Design,
  engine: GradeEngine,
  hintsShown: readonly number[] = [],
): Promise<Grade> {
  const goals: GoalResult[] = []
  for (const goal of prepared.activity.goals) goals.push(await checkGoal(goal, prepared, design, engine))
  const earned = goals.reduce((sum, g) => sum + g.earned, 0)
  const maxScore = goals.reduce((sum, g) => sum + g.points, 0)
  const shown = new Set(hintsShown)
  const hintCost = prepared.activity.hints.reduce((sum, h, i) => sum + (shown.has(i) ? h.cost : 0), 0)
  const score = Math.max(0, earned - hintCost)
  const percent = maxScore === 0 ? 100 : Math.round((score / maxScore) * 100)
  return { goals, score, maxScore, hintCost, percent, passed: percent >= prepared.activity.passPercent }
}

async function checkGoal(
  goal: Goal,
  prepared: PreparedActivity,
  design: Design,
  engine: GradeEngine,
): Promise<GoalResult> {
  const { parts, findings } = await checkParts(goal.check, prepared, design, engine)
  const held = parts.filter(Boolean).length
  const met = held === parts.length
  const share = goal.partial ? held / parts.length : met ? 1 : 0
  const missed = !met && goal.missedFeedback ? [goal.missedFeedback] : []
  return {
    goalId: goal.id,
    title: goal.title,
    met,
    earned: Math.round(goal.points * share * 10) / 10,
    points: goal.points,
    findings: [...findings, ...missed],
  }
}

type Parts = { parts: boolean[]; findings: string[] }

async function checkParts(
  check: GoalCheck,
  { activity, handout }: PreparedActivity,
  design: Design,
  engine: GradeEngine,
): Promise<Parts> {
  switch (check.kind) {
    case 'reach':
      return reachParts(check.packets, check.expect, design, engine)
    case 'lintClean':
      return lintParts(check, design, engine, activity.hideProblems)
    case 'intent': {
      const answer = await engine.verifyIntents(design, [check.intent])
      if (!answer.ok) return { parts: [false], findings: [answer.message] }
      const v = answer.verdicts[0]
      if (!v) return { parts: [false], findings: ['The intent was not checked.'] }
      return v.holds
        ? { parts: [true], findings: [`Intent ${v.id} holds for every flow.`] }
        : { parts: [false], findings: [`Intent ${v.id} is violated: ${v.reason}.`] }
    }
    case 'unchanged':
      return unchangedParts(check.resources, handout, design)
  }
}

function packetText(p: PacketSpec): string {
  const port = p.protocol === 'icmp' ? '' : `/${p.destinationPort ?? 443}`
  return `${p.source} → ${p.destination} ${p.protocol}${port}`
}

const arrived = (t: Trace) => t.disposition === 'DELIVERED'

/** Why the trace breaks the expectation, or null when it keeps it. */
function reachMiss(expect: ReachExpect, request: Trace, reply: Trace | null): string | null {
  const o = expect.outcome
  if (o === 'delivered' && !arrived(request)) return `ends ${request.disposition}: ${request.text}`
  if (o === 'dropped' && arrived(request)) return 'is delivered, and should not be'
  if (o !== 'delivered' && o !== 'dropped' && request.disposition !== o)
    return `ends ${request.disposition}, not ${o}: ${request.text}`
  if (!arrived(request)) return null
  if (expect.inspected && request.applianceIds.length === 0) return 'is delivered without crossing an appliance'
  if (expect.symmetric) {
    if (!reply || !arrived(reply)) return `is delivered, but its answer ends ${reply?.disposition ?? 'nowhere'}`
    if (reply.applianceId !== request.applianceId)
      return `goes through ${request.applianceId ?? 'no appliance'}, its answer through ${reply.applianceId ?? 'none'}`
  }
  return null
}

async function reachParts(
  packets: readonly PacketSpec[],
  expect: ReachExpect,
  design: Design,
  engine: GradeEngine,
): Promise<Parts> {
  const parts: boolean[] = []
  const findings: string[] = []
  for (const packet of packets) {
    const answer = await engine.trace(design, packet)
    if (!answer.ok) {
      parts.push(false)
      findings.push(`${packetText(packet)}: ${answer.message}`)
      continue
    }
    const { request, reply } = answer.roundTrip
    const miss = reachMiss(expect, request, reply)
    parts.push(miss === null)
    const via = request.applianceId ? ` through ${request.applianceId}` : ''
    findings.push(`${packetText(packet)} ${miss ?? `ends ${request.disposition}${via}, as it should`}`)
  }
  return { parts, findings }
}

async function lintParts(
  check: Extract<GoalCheck, { kind: 'lintClean' }>,
  design: Design,
  engine: GradeEngine,
  hideProblems: boolean,
): Promise<Parts> {
  const report = await engine.load(design)
  if (!report.loaded) return { parts: [false], findings: [`The design does not load: ${report.errors[0]?.message}`] }
  const severities = check.severity === 'warning' ? ['error', 'warning'] : ['error']
  const counted = report.problems.filter((p) =>
    check.codes ? check.codes.includes(p.code) : severities.includes(p.severity),
  )
  if (counted.length === 0) return { parts: [true], findings: ['The linter finds nothing of this kind.'] }
  // an activity that hides the linter's problems would give its answer away by naming them here
  if (hideProblems)
    return {
      parts: [false],
      findings: [`The linter still finds ${counted.length} problem${counted.length === 1 ? '' : 's'} of this kind.`],
    }
  return { parts: [false], findings: counted.slice(0, 5).map((p) => `${p.code}: ${p.message}`) }
}

/** A resource compared by its content: the layout is not the resource, and key order is not content. */
function canonical(r: Resource): string {
  return JSON.stringify(r, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )
}

function unchangedParts(ids: readonly string[], handout: Design, design: Design): Parts {
  const before = new Map(handout.resources.map((r) => [r.id, r]))
  const after = new Map(design.resources.map((r) => [r.id, r]))
  const changed: string[] = []
  for (const id of ids) {
    const a = before.get(id)
    const b = after.get(id)
    if (!a && !b) continue
    if (!a || !b || canonical(a) !== canonical(b)) changed.push(id)
  }
  return changed.length === 0
    ? { parts: [true], findings: [`${ids.join(', ')} as handed out.`] }
    : { parts: [false], findings: [`Changed: ${changed.join(', ')}.`] }
}
