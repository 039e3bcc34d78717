// What the worker reports about a design: plain data, safe to post. May not touch: React, the DOM, zustand.
import { type Design, type LoadError, parse, RESOURCE_KINDS, type ResourceKind } from '../src/model'
import { lint } from './lint'
import { type Problem, problemKey } from './lint/problem'

/** A lint problem without its fix function, which cannot cross the worker boundary. */
export type ReportedProblem = Omit<Problem, 'fix'> & { fixLabel?: string }

export type DesignReport =
  | { loaded: true; name: string; counts: Record<ResourceKind, number>; repairs: string[]; problems: ReportedProblem[] }
  | { loaded: false; errors: LoadError[] }

export function reportOn(document: unknown): DesignReport {
  const result = parse(document)
  if (!result.ok) return { loaded: false, errors: result.errors }
  const counts = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, 0])) as Record<ResourceKind, number>
  for (const r of result.design.resources) counts[r.kind]++
  const problems = lint(result.design).map(({ fix, ...p }) => (fix ? { ...p, fixLabel: fix.label } : p))
  return { loaded: true, name: result.design.name, counts, repairs: result.repairs, problems }
}

/** The key a reported problem is found again by, to apply its fix. */

export type FixResult = { ok: true; design: Design; label: string } | { ok: false; message: string }

/** Applies the one-click fix of a problem the report listed; the fixed design must still load. */
export function applyFix(document: unknown, key: string): FixResult {
  const result = parse(document)
  if (!result.ok) return { ok: false, message: 'The design does not load, so no fix can be applied.' }
  const problem = lint(result.design).find((p) => problemKey(p) === key)
  if (!problem) return { ok: false, message: 'That problem is gone already.' }
  if (!problem.fix) return { ok: false, message: `${problem.code} has no automatic fix.` }
  const fixed = problem.fix.apply(result.design)
  const checked = parse(fixed)
  if (!checked.ok) return { ok: false, message: `The fix would break the design: ${checked.errors[0].message}` }
  return { ok: true, design: fixed, label: problem.fix.label }
}
