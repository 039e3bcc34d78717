// Randomised values: each student's learner key picks one choice per variable, the same one every time they open the
// activity (so a reload does not hand them another exercise), and `{{name}}` is replaced by it everywhere.
import type { Variable } from './schema'

/** FNV-1a: small, stable across engines, and enough to spread learner keys over a handful of choices. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export type Values = Record<string, string>

/** Each variable's choice for this learner key. */
export function pickValues(variables: readonly Variable[], learnerKey: string): Values {
  const values: Values = {}
  for (const v of variables) values[v.name] = v.choices[hash(`${learnerKey}\u0000${v.name}`) % v.choices.length] ?? ''
  return values
}

const PLACEHOLDER = /\{\{([a-zA-Z0-9]+)\}\}/g

export type Substituted = { ok: true; value: unknown } | { ok: false; message: string }

/** `{{name}}` replaced in every string of `value` (keys too); an unknown name is an error, not left in place. */
export function substitute(value: unknown, values: Values, path = ''): Substituted {
  if (typeof value === 'string') {
    let unknown: string | null = null
    const out = value.replace(PLACEHOLDER, (whole, name: string) => {
      const v = values[name]
      if (v === undefined) unknown ??= name
      return v ?? whole
    })
    if (unknown !== null) return { ok: false, message: `${path || '(top)'}: no variable named ${unknown}` }
    return { ok: true, value: out }
  }
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const [i, item] of value.entries()) {
      const r = substitute(item, values, `${path}[${i}]`)
      if (!r.ok) return r
      out.push(r.value)
    }
    return { ok: true, value: out }
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const k = substitute(key, values, path)
      if (!k.ok) return k
      const r = substitute(item, values, path ? `${path}.${key}` : key)
      if (!r.ok) return r
      out[k.value as string] = r.value
    }
    return { ok: true, value: out }
  }
  return { ok: true, value }
}
