// What the worker reports about a design: plain data, safe to post. May not touch: React, the DOM, zustand.
import { type LoadError, RESOURCE_KINDS, type ResourceKind, parse } from '../src/model'
import { type Problem, lint } from './lint'

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
