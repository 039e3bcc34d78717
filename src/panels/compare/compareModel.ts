// Pure helpers of the Compare tab: what the canvas shows of a difference, and field values in words.
import type { DiffAnswer } from '../../../worker/proof'
import type { Highlight } from '../../store/uiStore'

/**
 * The canvas marks of a difference: resources added (green) and changed (orange), and the resources the changed
 * flow classes cross in the design on the canvas lit as a path; the rest dimmed.
 */
export function compareMarks(answer: Extract<DiffAnswer, { ok: true }>): Highlight {
  const marks: Record<string, 'added' | 'changed'> = {}
  for (const r of answer.resources.added) marks[r.id] = 'added'
  for (const r of answer.resources.changed) marks[r.id] = 'changed'
  const ids = new Set(Object.keys(marks))
  for (const p of answer.paths) for (const id of p.after) ids.add(id)
  return { ids: [...ids], tone: 'path', marks }
}

/** A field's value in a line: JSON, shortened; "absent" where the field is not there. */
export function valueText(v: unknown): string {
  if (v === undefined) return 'absent'
  const text = JSON.stringify(v)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
