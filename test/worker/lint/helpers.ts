// Shared test helpers: the reference designs, edits that must still load, and the break → fix → clean cycle.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { type Design, parse, type ResourceKind, type ResourceOf } from '../../../src/model'
import { lint, type Problem } from '../../../worker/lint'

const examples = fileURLToPath(new URL('../../../public/examples/', import.meta.url))

const FILES = { a: 'single-zone', b: 'two-zones', c: 'zone-failover' } as const

/** (a) single-zone.json, (b) two-zones.json, (c) zone-failover.json, as a user opens them. */
export function reference(which: 'a' | 'b' | 'c'): Design {
  const r = parse(readFileSync(`${examples}${FILES[which]}.json`, 'utf8'))
  if (!r.ok) throw new Error(`reference design ${which} does not load: ${JSON.stringify(r.errors)}`)
  return r.design
}

/** A changed copy of a design; the change must still load, or the test would be about the loader, not the linter. */
export function edit(design: Design, change: (d: Design) => void): Design {
  const copy = structuredClone(design)
  change(copy)
  const r = parse(copy)
  if (!r.ok) throw new Error(`the edited design does not load: ${JSON.stringify(r.errors, null, 2)}`)
  return r.design
}

export function find<K extends ResourceKind>(design: Design, id: string, kind: K): ResourceOf<K> {
  const r = design.resources.find((x) => x.id === id)
  if (!r || r.kind !== kind) throw new Error(`no ${kind} ${id}`)
  return r as ResourceOf<K>
}

export function remove(design: Design, id: string): void {
  design.resources = design.resources.filter((r) => r.id !== id)
  delete design.layout[id]
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** The problems of one code; there must be at least one, and the first must name the given resources. */
export function problemsOf(design: Design, code: string, resourceIds: string[]): Problem[] {
  const found = lint(design).filter((p) => p.code === code)
  expect(found.length, `expected ${code} in ${JSON.stringify(lint(design).map((p) => p.code))}`).toBeGreaterThan(0)
  expect(found[0].resourceIds).toEqual(expect.arrayContaining(resourceIds))
  expect(found[0].message).toMatch(new RegExp(resourceIds[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  for (const p of found) expect(p.severity).toBe(code.startsWith('GWLB-E') ? 'error' : 'warning')
  return found
}

/** Applies a problem's fix to a frozen design: the input stays as it was, and the result loads. */
export function applyFix(design: Design, problem: Problem): Design {
  expect(problem.fix, `${problem.code} should offer a fix`).toBeDefined()
  const before = structuredClone(design)
  const frozen = deepFreeze(design)
  const fixed = problem.fix?.apply(frozen) ?? frozen
  expect(frozen).toEqual(before)
  const r = parse(structuredClone(fixed))
  expect(r.ok, r.ok ? '' : JSON.stringify(r.errors)).toBe(true)
  return fixed
}

/** Break → see the problem → fix → the problem is gone and, where `clean`, nothing else is left either. */
export function breakAndFix(
  broken: Design,
  code: string,
  resourceIds: string[],
  opts: { clean?: boolean } = {},
): Design {
  const [first] = problemsOf(broken, code, resourceIds)
  const fixed = applyFix(broken, first)
  expect(lint(fixed).filter((p) => p.code === code)).toEqual([])
  if (opts.clean ?? true) expect(lint(fixed).map((p) => `${p.code}: ${p.message}`)).toEqual([])
  return fixed
}

export function codes(design: Design): string[] {
  return lint(design).map((p) => p.code)
}

/** Each problem as "code first-resource", the resource the canvas badges. */
export function summary(design: Design): string[] {
  return lint(design).map((p) => `${p.code} ${p.resourceIds[0]}`)
}
