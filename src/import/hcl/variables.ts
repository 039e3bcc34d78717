// A module's input variables (given by its caller, else their defaults) and its locals, which are evaluated
// when first used: they may refer to each other and to resources.
import { Unresolved } from '../instance'
import type { SourcePlace } from '../types'
import type { Value } from './evaluate'
import { blocks1, isRecord, type ModuleSource } from './source'
import { type AstOf, resolveValue } from './values'

export function moduleVariables(mod: ModuleSource, inputs: Record<string, Value>, astOf: AstOf): Record<string, Value> {
  const vars: Record<string, Value> = {}
  for (const [name, body, f] of blocks1(mod, 'variable')) {
    const where = { file: f.path, line: f.lines.block('variable', [name]) }
    if (name in inputs) vars[name] = inputs[name]
    else if ('default' in body) vars[name] = resolveValue(body.default, { where, root: () => undefined }, astOf)
    else
      vars[name] = new Unresolved(
        `variable "${name}" has no default and no value (give -var ${name}=... or a .tfvars file)`,
        where,
      )
  }
  return vars
}

/** local.*: each local's value, evaluated in the module's scope the first time it is read. */
export function moduleLocals(
  mod: ModuleSource,
  root: (n: string) => Value | undefined,
  astOf: AstOf,
): Record<string, Value> {
  const localBodies = new Map<string, { v: unknown; where: SourcePlace }>()
  for (const f of mod.files) {
    const ls = f.json.locals
    for (const body of Array.isArray(ls) ? ls : ls ? [ls] : [])
      if (isRecord(body))
        for (const [k, v] of Object.entries(body))
          localBodies.set(k, { v, where: { file: f.path, line: f.lines.attribute(f.lines.block('locals', []), k) } })
  }
  const localValues = new Map<string, Value>()
  const localsInProgress = new Set<string>()
  return new Proxy(
    {},
    {
      has: (_t, k) => typeof k === 'string' && localBodies.has(k),
      get: (_t, k) => {
        if (typeof k !== 'string' || !localBodies.has(k)) return undefined
        if (localValues.has(k)) return localValues.get(k)
        const b = localBodies.get(k) as { v: unknown; where: SourcePlace }
        if (localsInProgress.has(k)) return new Unresolved(`local.${k} refers to itself`, b.where)
        localsInProgress.add(k)
        const v = resolveValue(b.v, { where: b.where, root }, astOf)
        localsInProgress.delete(k)
        localValues.set(k, v)
        return v
      },
    },
  )
}
