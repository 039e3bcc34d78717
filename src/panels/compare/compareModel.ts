// Pure helpers of the Compare tab: what the canvas shows of a difference, and field values in words.
import type { DiffAnswer } from '../../../worker/proof'
import type { Design } from '../../model'
import { jsonText } from '../../model/loadError'
import type { Highlight } from '../../store/uiStore'

/**
 * The canvas marks of a difference: resources added (green) and changed (orange), and the resources the changed
 * flow classes cross in the design on the canvas lit as a path; the rest dimmed. A route table is drawn as a
 * badge on what it is bound to, so a changed table marks its vSwitches or its IPv4 gateway.
 */
export function compareMarks(answer: Extract<DiffAnswer, { ok: true }>, design: Design): Highlight {
  const marks: Record<string, 'added' | 'changed'> = {}
  const holders = new Map<string, string[]>()
  for (const r of design.resources) {
    const table = r.kind === 'vswitch' ? r.routeTableId : r.kind === 'ipv4Gateway' ? r.gatewayRouteTableId : undefined
    if (table) holders.set(table, [...(holders.get(table) ?? []), r.id])
  }
  for (const r of answer.resources.added) marks[r.id] = 'added'
  for (const r of answer.resources.changed) {
    marks[r.id] = 'changed'
    for (const h of holders.get(r.id) ?? []) marks[h] ??= 'changed'
  }
  const ids = new Set(Object.keys(marks))
  for (const p of answer.paths) for (const id of p.after) ids.add(id)
  return { ids: [...ids], tone: 'path', marks }
}

/** A field's value in a line: JSON, shortened; "absent" where the field is not there. */
export function valueText(v: unknown): string {
  if (v === undefined) return 'absent'
  // C1 and bidirectional controls as \uXXXX too, which JSON.stringify leaves raw
  const text = jsonText(v)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
