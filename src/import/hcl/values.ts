// Argument values: hcl2json's JSON with every template string evaluated, and dynamic blocks expanded.
import { Unresolved } from '../instance'
import type { SourcePlace } from '../types'
import { evaluate, isTemplate, isUnresolved, type Scope, type Value } from './evaluate'
import type { ExprAst } from './parser'
import { isRecord } from './source'

/** Each template string's syntax tree, parsed in one batched call before evaluation starts. */
export type AstOf = Map<string, ExprAst | null>

/** Every template string in a parsed body, for one batched syntax-tree call. */
export function collectTemplates(v: unknown, out: Set<string>) {
  if (typeof v === 'string') {
    if (isTemplate(v)) out.add(v)
  } else if (Array.isArray(v)) for (const x of v) collectTemplates(x, out)
  else if (isRecord(v)) for (const x of Object.values(v)) collectTemplates(x, out)
}

/** A value from hcl2json's JSON with every template string evaluated. */
export function resolveValue(v: unknown, scope: Scope, astOf: AstOf): Value {
  if (typeof v === 'string') {
    if (!isTemplate(v)) return v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')
    const ast = astOf.get(v)
    if (!ast) return new Unresolved(`${v}: the parser gave no syntax tree for it`, scope.where)
    return evaluate(ast, scope)
  }
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, scope, astOf))
  if (isRecord(v)) {
    const out: Record<string, Value> = {}
    for (const [k, x] of Object.entries(v)) out[k] = resolveValue(x, scope, astOf)
    return out
  }
  return v
}

/** A -var value: HCL's literal forms for numbers and booleans, otherwise the text itself. */
export function parseVarText(v: string): Value {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v)
  if (v === 'true' || v === 'false') return v === 'true'
  if (/^[[{]/.test(v.trim()))
    try {
      return JSON.parse(v)
    } catch {
      return v
    }
  return v
}

/** dynamic "servers" { for_each = ..., content { ... } } → servers blocks. */
export function expandDynamic(
  dynamic: unknown,
  values: Record<string, Value>,
  root: (n: string) => Value | undefined,
  attrWhere: (a: string) => SourcePlace,
  astOf: AstOf,
) {
  if (!isRecord(dynamic)) return
  for (const [label, specs] of Object.entries(dynamic))
    for (const spec of Array.isArray(specs) ? specs : [specs]) {
      if (!isRecord(spec)) continue
      const where = attrWhere(label)
      const iterator = typeof spec.iterator === 'string' ? spec.iterator : label
      const fe = resolveValue(spec.for_each, { where, root }, astOf)
      const out = (values[label] as Value[] | undefined) ?? []
      if (isUnresolved(fe) || typeof fe !== 'object' || fe === null) {
        values[label] = new Unresolved(
          `dynamic "${label}": ${isUnresolved(fe) ? fe.message : 'for_each is not a collection'}`,
          where,
        )
        continue
      }
      const entries: [Value, Value][] = Array.isArray(fe) ? fe.map((v, i) => [i, v]) : Object.entries(fe)
      const content = Array.isArray(spec.content) ? spec.content[0] : spec.content
      for (const [k, v] of entries) {
        const inner = (n: string) => (n === iterator ? { key: k, value: v } : root(n))
        out.push(resolveValue(content, { where, root: inner }, astOf))
      }
      values[label] = out
    }
}
