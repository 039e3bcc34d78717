// What a lint rule returns. May not touch: React, the DOM, zustand, src/store, src/canvas.
import type { Design } from '../../src/model'
import type { EngineOptions } from '../engine/assumptions'

export type Severity = 'error' | 'warning' | 'info'

/** A one-click fix: a new document made from the old one (pure; the caller records it as an edit). */
export interface Fix {
  label: string
  apply(design: Design): Design
}

export interface Problem {
  /** stable code such as GWLB-E012 */
  code: string
  severity: Severity
  /** plain words: what is wrong and why it matters */
  message: string
  /** resource ids involved; the first is where the canvas badges the problem */
  resourceIds: string[]
  /** JSON path of the field at fault, where there is one */
  path?: string
  fix?: Fix
}

/** A design rule. `engine` names the engine's assumptions in force, for a rule that follows forwarding (routing loops). */
export type Rule = (design: Design, engine?: EngineOptions) => Problem[]

/** A problem's identity across the worker boundary: the page names the problem whose fix it wants by this key. */
export function problemKey(p: Pick<Problem, 'code' | 'resourceIds' | 'path'>): string {
  return `${p.code}|${p.resourceIds.join(',')}|${p.path ?? ''}`
}
