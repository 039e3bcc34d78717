// The linter: runs every design rule over a loaded design. May not touch: React, the DOM, zustand.
import type { Design } from '../../src/model'
import type { Problem, Rule } from './problem'

export type { Fix, Problem, Rule, Severity } from './problem'

/** Every rule, in the order problems are listed. */
export const RULES: readonly Rule[] = []

export function lint(design: Design): Problem[] {
  return RULES.flatMap((rule) => rule(design))
}
