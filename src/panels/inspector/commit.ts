// Edits from forms: the candidate document goes through parse() before it may replace the design, so
// nothing invalid reaches the document and every message is the loader's own (path, value, expected).
import { type Design, type LoadError, parse } from '../../model'
import type { DesignStore } from '../../store/designStore'

export type Path = (string | number)[]

/** A copy of `value` with the value at `path` replaced (or removed when `next` is undefined). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (!path.length) return next as T
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[head as number] = setIn(copy[head as number], rest, next)
    return copy as T
  }
  const obj = { ...(value as Record<string, unknown>) }
  const inner = setIn(obj[head as string], rest, next)
  if (inner === undefined) delete obj[head as string]
  else obj[head as string] = inner
  return obj as T
}

export function pathText(path: Path): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '')
}

/**
 * Tries a change: returns the errors that concern `path` (or all, when none does), or commits it.
 * An error elsewhere in the document that the change did not cause is not blamed on this field.
 */
export function tryCommit(store: DesignStore, label: string, change: (d: Design) => Design, path: Path): LoadError[] {
  const before = store.getState().design
  const candidate = change(before)
  const checked = parse(candidate)
  if (checked.ok) {
    // the candidate itself, not parse()'s copy: untouched resources keep their identity, so only what changed re-renders
    store.getState().edit(label, () => candidate)
    return []
  }
  const at = pathText(path)
  const mine = checked.errors.filter((e) => e.path === at || e.path.startsWith(`${at}.`) || e.path.startsWith(`${at}[`))
  return mine.length ? mine : checked.errors
}
